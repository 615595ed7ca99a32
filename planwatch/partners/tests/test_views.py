import csv
import html
import io
import re

import pytest
from django.urls import reverse

from planwatch.core.selectors import history_for
from planwatch.partners import urls as partner_urls
from planwatch.partners.models import Membership, Organisation, Partnership
from planwatch.places.tests.factories import DistrictFactory
from planwatch.plan.tests.factories import ActionFactory, DeliveryUpdateFactory

from .factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    WorkStreamFactory,
)

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def membership():
    return MembershipFactory(partnership=PartnershipFactory(slug="capasp"))


def _urls(membership):
    slug, organisation = membership.partnership.slug, membership.organisation
    return [
        reverse("partners:partnership_list"),
        reverse("partners:partnership_create"),
        reverse("partners:partnership_detail", args=[slug]),
        reverse("partners:partnership_edit", args=[slug]),
        reverse("partners:membership_create", args=[slug]),
        reverse("partners:membership_edit", args=[slug, membership.pk]),
        reverse("partners:membership_delete", args=[slug, membership.pk]),
        reverse("partners:organisation_list"),
        reverse("partners:organisation_create"),
        reverse("partners:organisation_detail", args=[organisation.pk]),
        reverse("partners:organisation_edit", args=[organisation.pk]),
        reverse("partners:work_stream_list"),
    ]


def test_officer_can_open_every_page(officer_client, membership):
    for url in _urls(membership):
        response = officer_client.get(url)
        assert response.status_code == 200, url
        assert b'class="govuk-breadcrumbs"' in response.content, url


def test_member_reads_but_cannot_open_forms(member_client, membership):
    for url in _urls(membership):
        response = member_client.get(url)
        is_form = any(f"/{word}" in url for word in ("new", "edit", "remove"))
        assert response.status_code == (403 if is_form else 200), url


def test_partner_gets_403_everywhere(partner_client, membership):
    for url in _urls(membership):
        assert partner_client.get(url).status_code == 403, url
        assert partner_client.post(url, {}).status_code == 403, url
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, membership):
    for url in _urls(membership):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


def test_partnership_page_groups_members_by_tier(member_client):
    capasp = PartnershipFactory(name="Cambridgeshire Against Scams Partnership", slug="capasp")
    for name, role in [
        ("Cambridgeshire Constabulary", "chair"),
        ("NatWest Bank", "member"),
        ("Victim Support", "board_advisor"),
        ("Wisbech Good Neighbours", "supporter"),
    ]:
        MembershipFactory(
            partnership=capasp, organisation=OrganisationFactory(name=name), role=role
        )
    page = member_client.get(reverse("partners:partnership_detail", args=["capasp"]))
    page = page.content.decode()
    headings = re.findall(r'<h3 class="govuk-heading-s">([^<]+)</h3>', page)
    assert headings == ["Board", "Board advisors", "Supporters"]
    sections = dict(
        zip(headings, re.split(r'<h3 class="govuk-heading-s">[^<]+</h3>', page)[1:], strict=True)
    )
    assert "Cambridgeshire Constabulary" in sections["Board"]
    assert "NatWest Bank" in sections["Board"]
    assert "Victim Support" not in sections["Board"]
    assert "Victim Support" in sections["Board advisors"]
    assert "Wisbech Good Neighbours" in sections["Supporters"]
    assert "Wisbech Good Neighbours" not in sections["Board advisors"]


def test_partnership_page_shows_only_tiers_with_members_and_says_when_none(member_client):
    csp = PartnershipFactory(slug="fenland-csp")
    response = member_client.get(reverse("partners:partnership_detail", args=["fenland-csp"]))
    assert "No members have been recorded for this partnership." in _text(response)
    MembershipFactory(partnership=csp, role="supporter")
    response = member_client.get(reverse("partners:partnership_detail", args=["fenland-csp"]))
    text = _text(response)
    assert "Supporters" in text
    assert "Board advisors" not in text
    assert "No members have been recorded" not in text


def test_partnership_page_shows_relations_work_streams_and_approved_updates(member_client):
    board = PartnershipFactory(name="Countywide Community Safety Strategic Board")
    csp = PartnershipFactory(
        name="Fenland CSP", slug="fenland", parent=board, description="**Safe**"
    )
    child = PartnershipFactory(name="Fenland Scams Group", parent=csp)
    WorkStreamFactory(name="Early help", partnership=csp, tier="secondary")
    approved = DeliveryUpdateFactory(title="Street surgery held")
    draft = DeliveryUpdateFactory(title="Draft note", state="draft")
    approved.partnerships.add(csp)
    draft.partnerships.add(csp)
    response = member_client.get(reverse("partners:partnership_detail", args=["fenland"]))
    page = response.content.decode()
    assert f'href="{reverse("partners:partnership_detail", args=[board.slug])}"' in page
    assert f'href="{reverse("partners:partnership_detail", args=[child.slug])}"' in page
    assert "<strong>Safe</strong>" in page
    assert "Early help" in page and "Secondary prevention" in page
    assert f'href="{reverse("plan:update_detail", args=[approved.pk])}"' in page
    assert "Draft note" not in page


def test_officer_adds_and_changes_a_partnership(officer_client, officer):
    district = DistrictFactory(name="Fenland")
    response = officer_client.post(
        reverse("partners:partnership_create"),
        {
            "name": "Fenland Community Safety Partnership",
            "short_name": "Fenland CSP",
            "slug": "",
            "partnership_type": "csp",
            "area": district.pk,
            "description": "Keeps Fenland safe.",
        },
    )
    partnership = Partnership.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:partnership_detail", args=["fenland-csp"])
    assert partnership.area == district
    assert history_for(partnership).get().user == officer

    response = officer_client.post(
        reverse("partners:partnership_edit", args=["fenland-csp"]),
        {"name": "Fenland CSP Board", "slug": "fenland-csp", "partnership_type": "csp"},
        follow=True,
    )
    assert "Partnership changed" in _text(response)
    partnership.refresh_from_db()
    assert partnership.name == "Fenland CSP Board"
    assert partnership.area is None
    assert "Fenland Community Safety Partnership → Fenland CSP Board" in _text(response)


def test_partnership_form_shows_govuk_errors(officer_client):
    PartnershipFactory(name="Vision Zero")
    response = officer_client.post(
        reverse("partners:partnership_create"),
        {"name": "Vision Zero", "slug": "work-streams", "partnership_type": ""},
    )
    assert response.status_code == 200
    text = _text(response)
    assert "There is a problem" in text
    assert "There is already a partnership with this name" in text
    assert "‘work-streams’ is used by another page" in text
    assert "Choose the type of partnership" in text
    assert b"govuk-form-group--error" in response.content
    assert Partnership.objects.count() == 1


def test_officer_adds_changes_and_removes_a_member(officer_client):
    partnership = PartnershipFactory(slug="capasp")
    organisation = OrganisationFactory(name="NatWest Bank")
    url = reverse("partners:membership_create", args=["capasp"])
    response = officer_client.post(url, {"organisation": organisation.pk, "role": "member"})
    assert response.status_code == 302
    membership = Membership.objects.get(partnership=partnership)

    response = officer_client.post(url, {"organisation": organisation.pk, "role": "supporter"})
    assert "NatWest Bank is already a member of this partnership" in _text(response)
    assert Membership.objects.count() == 1

    officer_client.post(
        reverse("partners:membership_edit", args=["capasp", membership.pk]),
        {"organisation": organisation.pk, "role": "chair", "note": "Fraud team"},
    )
    membership.refresh_from_db()
    assert (membership.role, membership.note) == ("chair", "Fraud team")

    delete_url = reverse("partners:membership_delete", args=["capasp", membership.pk])
    confirm = officer_client.get(delete_url)
    assert "Are you sure you want to remove NatWest Bank" in _text(confirm)
    assert Membership.objects.exists()
    response = officer_client.post(delete_url, follow=True)
    assert not Membership.objects.exists()
    text = _text(response)
    assert "NatWest Bank removed from" in text
    assert "Member removed: NatWest Bank (Chair)" in text


def test_membership_of_another_partnership_is_not_found(officer_client):
    membership = MembershipFactory()
    other = PartnershipFactory()
    url = reverse("partners:membership_edit", args=[other.slug, membership.pk])
    assert officer_client.get(url).status_code == 404


def test_officer_adds_then_retires_an_organisation(officer_client):
    response = officer_client.post(
        reverse("partners:organisation_create"),
        {"name": "Safe Local Trades", "organisation_type": "business", "website": "nonsense"},
    )
    assert "Enter the website address in full" in _text(response)
    response = officer_client.post(
        reverse("partners:organisation_create"),
        {"name": "Safe Local Trades", "organisation_type": "business"},
    )
    organisation = Organisation.objects.get(name="Safe Local Trades")
    assert response["Location"] == reverse("partners:organisation_detail", args=[organisation.pk])

    response = officer_client.post(
        reverse("partners:organisation_edit", args=[organisation.pk]),
        {"name": "Safe Local Trades", "organisation_type": "business"},
        follow=True,
    )
    organisation.refresh_from_db()
    assert organisation.active is False
    assert "This organisation has been retired" in _text(response)
    list_text = _text(officer_client.get(reverse("partners:organisation_list")))
    assert "Safe Local Trades" not in list_text
    retired = officer_client.get(reverse("partners:organisation_list"), {"status": "retired"})
    assert "Safe Local Trades" in _text(retired)


def test_organisation_page_lists_memberships_and_actions(member_client):
    organisation = OrganisationFactory(name="Peterborough City Council")
    MembershipFactory(
        organisation=organisation, partnership=PartnershipFactory(name="Safer Peterborough")
    )
    ActionFactory(owner=organisation, description="Refresh the hate crime strategy")
    text = _text(member_client.get(reverse("partners:organisation_detail", args=[organisation.pk])))
    assert "Safer Peterborough" in text
    assert "Refresh the hate crime strategy" in text


def test_partnership_csv_has_the_filtered_rows(member_client):
    district = DistrictFactory(name="Huntingdonshire")
    hunts = PartnershipFactory(name="Huntingdonshire CSP", partnership_type="csp", area=district)
    MembershipFactory.create_batch(2, partnership=hunts)
    PartnershipFactory(name="Fenland CSP", partnership_type="csp")
    PartnershipFactory(name="Vision Zero", partnership_type="partnership", area=district)
    response = member_client.get(
        reverse("partners:partnership_list"),
        {"partnership_type": "csp", "area": district.pk, "format": "csv"},
    )
    rows = _csv(response)
    assert rows[0][:3] == ["Partnership", "Short name", "Type"]
    assert [r[0] for r in rows[1:]] == ["Huntingdonshire CSP"]
    assert rows[1][-1] == "2"


def test_partnership_list_filters_and_empty_state(member_client):
    PartnershipFactory(name="Vision Zero", partnership_type="partnership")
    text = _text(
        member_client.get(reverse("partners:partnership_list"), {"partnership_type": "csp"})
    )
    assert "No partnerships match these filters." in text
    text = _text(member_client.get(reverse("partners:partnership_list")))
    assert "Vision Zero" in text and "1 partnership" in text


def test_organisation_csv_and_search(member_client):
    OrganisationFactory(name="NatWest Bank", organisation_type="business")
    OrganisationFactory(name="Age UK", organisation_type="voluntary")
    response = member_client.get(
        reverse("partners:organisation_list"), {"q": "natwest", "format": "csv"}
    )
    assert [r[0] for r in _csv(response)[1:]] == ["NatWest Bank"]
    response = member_client.get(
        reverse("partners:organisation_list"), {"organisation_type": "fire"}
    )
    assert "No organisations match these filters." in _text(response)


def test_work_streams_are_grouped_by_framework_with_tier_and_csv(member_client):
    WorkStreamFactory(name="Reducing reoffending", framework="partnership_matrix", tier="tertiary")
    WorkStreamFactory(name="Early help hubs", framework="think_communities", tier="secondary")
    WorkStreamFactory(name="Retired stream", active=False)
    response = member_client.get(reverse("partners:work_stream_list"))
    page = response.content.decode()
    captions = re.findall(
        r'<caption class="govuk-table__caption govuk-table__caption--m">([^<]+)<', page
    )
    assert captions == ["Partnership Matrix", "Think Communities"]
    assert "Tertiary prevention" in page and "Retired stream" not in page
    rows = _csv(
        member_client.get(
            reverse("partners:work_stream_list"), {"tier": "secondary", "format": "csv"}
        )
    )
    assert [r[1] for r in rows[1:]] == ["Early help hubs"]
    empty = member_client.get(
        reverse("partners:work_stream_list"), {"framework": "community_safety_agreement"}
    )
    assert "No work streams match these filters." in _text(empty)


def test_list_pages_paginate(member_client, settings):
    settings.PAGE_SIZE = 2
    PartnershipFactory.create_batch(3)
    response = member_client.get(reverse("partners:partnership_list"), {"page": 2})
    assert len(response.context["page_obj"]) == 1
    assert "Showing 3 to 3 of 3" in _text(response)


def test_every_page_names_its_permission_rule():
    for pattern in partner_urls.urlpatterns:
        assert pattern.name, pattern
        assert callable(pattern.callback.permission_rule), pattern.name
