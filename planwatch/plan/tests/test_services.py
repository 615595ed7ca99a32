import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from planwatch.core.models import ActivityLog
from planwatch.core.selectors import history_for
from planwatch.partners.tests.factories import OrganisationFactory
from planwatch.plan import services
from planwatch.plan.models import Action, DeliveryUpdate
from planwatch.plan.tests.factories import ActionFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def _create(user, **overrides):
    values = {
        "user": user,
        "priority": PriorityFactory(),
        "date": dt.date(2019, 10, 15),
        "title": "Scams awareness event in Ely",
        "narrative": "The partnership held a **Community Eyes and Ears** event.",
        "status": "on_track",
    }
    values.update(overrides)
    return services.update_create(**values)


def test_creating_an_update_records_who_and_what(officer):
    update = _create(officer, state=DeliveryUpdate.State.APPROVED)
    entry = history_for(update).get()
    assert entry.action == ActivityLog.Action.CREATE
    assert entry.user == officer
    assert entry.changes["title"]["new"] == "Scams awareness event in Ely"
    assert update.created_by == officer
    assert update.approved_at is not None


def test_changing_an_update_records_old_and_new_values(officer):
    update = _create(officer)
    services.update_change(user=officer, update=update, title="Scams event in Ely, October 2019")
    change = history_for(update).first()
    assert change.action == ActivityLog.Action.UPDATE
    assert change.changes["title"] == {
        "label": "Summary",
        "old": "Scams awareness event in Ely",
        "new": "Scams event in Ely, October 2019",
    }


def test_an_unchanged_save_records_nothing(officer):
    update = _create(officer)
    services.update_change(user=officer, update=update, title=update.title)
    assert history_for(update).count() == 1


def test_major_disruption_needs_a_reason(officer):
    with pytest.raises(ValidationError) as error:
        _create(officer, status="major_disruption")
    assert "disruption_reason" in error.value.message_dict
    assert not DeliveryUpdate.objects.exists()


def test_a_partner_update_always_names_the_partner_organisation(partner):
    update = _create(partner, state=DeliveryUpdate.State.SUBMITTED)
    assert list(update.organisations.all()) == [partner.organisation]


def test_a_partner_cannot_approve(partner):
    with pytest.raises(PermissionDenied):
        _create(partner, state=DeliveryUpdate.State.APPROVED)


def test_submit_then_approve(officer, partner):
    update = _create(partner)
    services.update_submit(user=partner, update=update)
    services.update_approve(user=officer, update=update)
    update.refresh_from_db()
    assert update.state == DeliveryUpdate.State.APPROVED
    states = [e.changes["state"]["new"] for e in history_for(update) if "state" in e.changes]
    assert states == ["Approved", "Submitted", "Draft"]
    with pytest.raises(ValidationError):
        services.update_approve(user=officer, update=update)


def test_completing_an_action_sets_its_completion_date(officer):
    action = ActionFactory()
    services.action_change(user=officer, action=action, status=Action.Status.DONE)
    action.refresh_from_db()
    assert action.completed_on is not None
    assert history_for(action).first().changes["status"]["new"] == "Done"


def test_overdue_actions(officer):
    owner = OrganisationFactory()
    late = ActionFactory(owner=owner, due_date=dt.date(2019, 1, 1))
    ActionFactory(owner=owner, due_date=dt.date(2999, 1, 1))
    ActionFactory(
        owner=owner, due_date=dt.date(2019, 1, 1), status="done", completed_on=dt.date(2019, 1, 2)
    )
    assert list(Action.objects.overdue()) == [late]
    assert late.is_overdue
