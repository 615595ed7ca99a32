import pytest
from django.core.exceptions import ValidationError

from planwatch.core.models import ActivityLog
from planwatch.core.selectors import history_for
from planwatch.partners import services
from planwatch.partners.models import Membership, Partnership

from .factories import MembershipFactory, OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def test_partnership_create_records_who_and_what(officer):
    partnership = services.partnership_create(
        user=officer,
        name="Cambridgeshire Against Scams Partnership",
        short_name="CAPASP",
        partnership_type=Partnership.PartnershipType.PARTNERSHIP,
    )
    assert partnership.slug == "capasp"
    assert partnership.created_by == officer
    entry = history_for(partnership).get()
    assert entry.action == ActivityLog.Action.CREATE
    assert entry.user == officer
    assert entry.changes["name"]["new"] == "Cambridgeshire Against Scams Partnership"


def test_partnership_slug_made_unique_and_never_a_reserved_address(officer):
    PartnershipFactory(slug="vision-zero")
    again = services.partnership_create(
        user=officer, name="Vision Zero", partnership_type="partnership"
    )
    reserved = services.partnership_create(
        user=officer, name="Organisations", partnership_type="partnership"
    )
    assert again.slug == "vision-zero-2"
    assert reserved.slug == "organisations-2"


def test_partnership_update_records_old_and_new(officer):
    partnership = PartnershipFactory(name="Road Safety Partnership")
    services.partnership_update(user=officer, partnership=partnership, name="Vision Zero")
    entry = history_for(partnership).get()
    assert entry.action == ActivityLog.Action.UPDATE
    assert entry.changes["name"] == {
        "label": "Name",
        "old": "Road Safety Partnership",
        "new": "Vision Zero",
    }


def test_partnership_cannot_sit_under_its_own_sub_group(officer):
    board = PartnershipFactory()
    group = PartnershipFactory(parent=board)
    with pytest.raises(ValidationError):
        services.partnership_update(user=officer, partnership=board, parent=group)
    board.refresh_from_db()
    assert board.parent is None
    assert not history_for(board).exists()


def test_membership_changes_are_recorded_on_the_membership_and_the_partnership(officer):
    partnership = PartnershipFactory()
    organisation = OrganisationFactory(name="Age UK Cambs & Peterborough")
    membership = services.membership_create(
        user=officer, partnership=partnership, organisation=organisation, role="member"
    )
    services.membership_update(user=officer, membership=membership, role="chair")
    membership_log = history_for(membership)
    assert [e.action for e in membership_log] == ["update", "create"]
    assert membership_log[0].changes["role"] == {"label": "Role", "old": "Member", "new": "Chair"}

    services.membership_delete(user=officer, membership=membership)
    assert not Membership.objects.exists()
    assert ActivityLog.objects.filter(action="delete", object_repr__contains="Age UK").exists()
    partnership_log = [e.changes["members"] for e in history_for(partnership)]
    assert partnership_log == [
        {"label": "Member removed", "old": "Age UK Cambs & Peterborough (Chair)", "new": None},
        {
            "label": "Member changed",
            "old": "Age UK Cambs & Peterborough (Member)",
            "new": "Age UK Cambs & Peterborough (Chair)",
        },
        {"label": "Member added", "old": None, "new": "Age UK Cambs & Peterborough (Member)"},
    ]


def test_an_organisation_is_a_member_only_once(officer):
    membership = MembershipFactory()
    with pytest.raises(ValidationError):
        services.membership_create(
            user=officer,
            partnership=membership.partnership,
            organisation=membership.organisation,
            role="supporter",
        )
    assert Membership.objects.count() == 1


def test_organisation_is_retired_not_deleted(officer):
    organisation = services.organisation_create(
        user=officer, name="Care Network", organisation_type="voluntary"
    )
    services.organisation_update(user=officer, organisation=organisation, active=False)
    organisation.refresh_from_db()
    assert organisation.active is False
    latest = history_for(organisation).first()
    assert latest.changes["active"]["old"] is True
    assert latest.changes["active"]["new"] is False


def test_services_refuse_unknown_fields(officer):
    with pytest.raises(ValueError):
        services.organisation_update(
            user=officer, organisation=OrganisationFactory(), created_by=officer
        )
