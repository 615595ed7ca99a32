import datetime as dt

import pytest

from planwatch.partners import selectors
from planwatch.partners.models import Membership
from planwatch.plan.models import DeliveryUpdate
from planwatch.plan.tests.factories import DeliveryUpdateFactory

from .factories import MembershipFactory, OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def test_members_are_grouped_by_tier_chair_first_and_empty_tiers_left_out():
    partnership = PartnershipFactory()
    for name, role in [
        ("Zeta Bank", Membership.Role.MEMBER),
        ("Constabulary", Membership.Role.CHAIR),
        ("Age UK", Membership.Role.MEMBER),
        ("Care Network", Membership.Role.SUPPORTER),
    ]:
        MembershipFactory(
            partnership=partnership, organisation=OrganisationFactory(name=name), role=role
        )
    tiers = selectors.partnership_tiers(partnership=partnership)
    assert [t.label for t in tiers] == ["Board", "Supporters"]
    assert [m.organisation.name for m in tiers[0].memberships] == [
        "Constabulary",
        "Age UK",
        "Zeta Bank",
    ]
    assert [m.organisation.name for m in tiers[1].memberships] == ["Care Network"]


def test_partnership_without_members_has_no_tiers():
    assert selectors.partnership_tiers(partnership=PartnershipFactory()) == []


def test_partnership_updates_are_approved_only_newest_first():
    partnership = PartnershipFactory()
    older = DeliveryUpdateFactory(date=dt.date(2019, 6, 1))
    newer = DeliveryUpdateFactory(date=dt.date(2019, 9, 1))
    draft = DeliveryUpdateFactory(state=DeliveryUpdate.State.DRAFT)
    unrelated = DeliveryUpdateFactory()
    for update in (older, newer, draft):
        update.partnerships.add(partnership)
    updates = list(selectors.partnership_updates(partnership=partnership))
    assert updates == [newer, older]
    assert unrelated not in updates


def test_partnership_search_counts_members_and_filters():
    csp = PartnershipFactory(name="Fenland CSP", partnership_type="csp")
    PartnershipFactory(name="Vision Zero", partnership_type="partnership")
    MembershipFactory.create_batch(3, partnership=csp)
    results = list(selectors.partnership_search(partnership_type="csp"))
    assert results == [csp]
    assert results[0].member_count == 3
    assert [p.name for p in selectors.partnership_search(q="vision")] == ["Vision Zero"]


def test_organisation_search_hides_retired_unless_asked():
    OrganisationFactory(name="In use")
    OrganisationFactory(name="Retired one", active=False)
    assert [o.name for o in selectors.organisation_search()] == ["In use"]
    assert [o.name for o in selectors.organisation_search(status="retired")] == ["Retired one"]
    assert len(selectors.organisation_search(status="all")) == 2
