import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from planwatch.partners.tests.factories import OrganisationFactory
from planwatch.places.tests.factories import DistrictFactory
from planwatch.plan.models import DeliveryUpdate
from planwatch.plan.tests.factories import DeliveryUpdateFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def _form(priority, **overrides):
    data = {
        "priority": priority.pk,
        "date_0": "13",
        "date_1": "11",
        "date_2": "2019",
        "title": "Scams awareness fortnight",
        "narrative": "Partners took part in Scams Awareness Fortnight.\n\n- Ely event\n- Business event",
        "status": "on_track",
        "action": "approve",
    }
    data.update(overrides)
    return data


def test_officer_adds_an_update_to_a_priority(officer_client):
    priority = PriorityFactory(title="Educate and support local people")
    page = officer_client.get(reverse("plan:update_create") + f"?priority={priority.pk}")
    assert page.status_code == 200
    assert f'<option value="{priority.pk}" selected>' in page.content.decode()

    response = officer_client.post(reverse("plan:update_create"), _form(priority), follow=True)
    update = DeliveryUpdate.objects.get()
    assert update.date == dt.date(2019, 11, 13)
    assert update.state == DeliveryUpdate.State.APPROVED
    body = response.content.decode()
    assert "Scams awareness fortnight" in body
    assert "<li>Ely event</li>" in body
    assert "History" in body

    priority_page = officer_client.get(reverse("plan:priority_detail", args=[priority.pk]))
    assert "Scams awareness fortnight" in priority_page.content.decode()
    assert "On track" in priority_page.content.decode()


def test_missing_fields_show_the_error_summary_and_save_nothing(officer_client):
    priority = PriorityFactory()
    response = officer_client.post(
        reverse("plan:update_create"),
        _form(priority, title="", date_0="31", date_1="2", status="major_disruption"),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert '<a href="#id_title">Enter a short summary of the update</a>' in body
    assert "must be a real date" in body
    assert "Explain the major disruption" in body
    assert not DeliveryUpdate.objects.exists()


def test_narrative_html_is_sanitised(officer_client):
    update = DeliveryUpdateFactory(
        narrative='Hello <script>alert("x")</script> [link](javascript:alert(1))'
    )
    body = officer_client.get(reverse("plan:update_detail", args=[update.pk])).content.decode()
    assert "<script>alert" not in body
    assert "javascript:" not in body


def test_update_list_filters_and_exports_csv(officer_client):
    fenland = DistrictFactory(name="Fenland", gss_code="E07000010")
    priority = PriorityFactory()
    in_fenland = DeliveryUpdateFactory(
        priority=priority, title="Homelessness prevention", date=dt.date(2019, 7, 31)
    )
    in_fenland.areas.set([fenland])
    DeliveryUpdateFactory(
        priority=priority, title="Speedwatch", date=dt.date(2019, 11, 13), status="complete"
    )

    page = officer_client.get(reverse("plan:update_list"), {"area": fenland.pk})
    assert "Homelessness prevention" in page.content.decode()
    assert "Speedwatch" not in page.content.decode()

    page = officer_client.get(reverse("plan:update_list"), {"date_from": "2019-08-01"})
    assert "Speedwatch" in page.content.decode()
    assert "Homelessness prevention" not in page.content.decode()

    export = officer_client.get(
        reverse("plan:update_list"), {"status": "complete", "format": "csv"}
    )
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Date", "Theme", "Priority for action", "Summary"]
    assert [r[3] for r in rows[1:]] == ["Speedwatch"]


def test_update_list_paginates(officer_client, settings):
    settings.PAGE_SIZE = 2
    priority = PriorityFactory()
    for day in range(1, 6):
        DeliveryUpdateFactory(
            priority=priority, date=dt.date(2019, 10, day), title=f"Update on day {day}"
        )
    body = officer_client.get(reverse("plan:update_list"), {"page": 3}).content.decode()
    assert "Update on day 1" in body
    assert "Update on day 5" not in body
    assert "Showing 5 to 5 of 5" in body


def test_member_sees_approved_updates_only(member_client):
    priority = PriorityFactory()
    DeliveryUpdateFactory(priority=priority, title="Approved one")
    draft = DeliveryUpdateFactory(
        priority=priority, title="Draft one", state=DeliveryUpdate.State.DRAFT
    )
    body = member_client.get(reverse("plan:priority_detail", args=[priority.pk])).content.decode()
    assert "Approved one" in body
    assert "Draft one" not in body
    assert member_client.get(reverse("plan:update_detail", args=[draft.pk])).status_code == 403
    assert member_client.post(reverse("plan:update_create"), _form(priority)).status_code == 403


def test_partner_submits_an_update_for_approval(partner_client, partner):
    priority = PriorityFactory()
    response = partner_client.post(
        reverse("plan:update_create"), _form(priority, action="approve"), follow=True
    )
    update = DeliveryUpdate.objects.get()
    assert update.state == DeliveryUpdate.State.DRAFT  # partners cannot approve
    assert list(update.organisations.all()) == [partner.organisation]
    assert response.status_code == 200
    partner_client.post(reverse("plan:update_submit", args=[update.pk]))
    update.refresh_from_db()
    assert update.state == DeliveryUpdate.State.SUBMITTED
    assert partner_client.post(reverse("plan:update_approve", args=[update.pk])).status_code == 403


def test_partner_cannot_see_another_organisations_update(partner_client):
    update = DeliveryUpdateFactory()
    update.organisations.set([OrganisationFactory()])
    assert partner_client.get(reverse("plan:update_detail", args=[update.pk])).status_code == 403
    listing = partner_client.get(reverse("plan:update_list")).content.decode()
    assert update.title not in listing


def test_officer_adds_and_completes_an_action(officer_client):
    priority = PriorityFactory()
    owner = OrganisationFactory(name="Office of the Police and Crime Commissioner")
    response = officer_client.post(
        reverse("plan:action_create", args=[priority.pk]),
        {
            "description": "Set up the Rural Crime Advisory Group",
            "owner": owner.pk,
            "due_date_0": "1",
            "due_date_1": "3",
            "due_date_2": "2020",
            "status": "open",
        },
    )
    assert response.status_code == 302
    action = priority.actions.get()
    response = officer_client.post(
        reverse("plan:action_edit", args=[action.pk]),
        {
            "description": action.description,
            "owner": owner.pk,
            "due_date_0": "1",
            "due_date_1": "3",
            "due_date_2": "2020",
            "status": "done",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.completed_on is not None
