import datetime as dt

import pytest

from planwatch.plan import selectors
from planwatch.plan.models import DeliveryUpdate
from planwatch.plan.tests.factories import DeliveryUpdateFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def test_priority_status_is_its_latest_approved_update():
    priority = PriorityFactory()
    quiet = PriorityFactory(objective=priority.objective)
    DeliveryUpdateFactory(priority=priority, date=dt.date(2019, 7, 31), status="on_track")
    DeliveryUpdateFactory(priority=priority, date=dt.date(2019, 11, 13), status="some_disruption")
    DeliveryUpdateFactory(
        priority=priority,
        date=dt.date(2019, 12, 1),
        status="complete",
        state=DeliveryUpdate.State.DRAFT,
    )
    statuses = {s.priority: s for s in selectors.priority_statuses(theme=priority.objective.theme)}
    assert statuses[priority].status_label == "Some disruption"
    assert statuses[priority].last_update == dt.date(2019, 11, 13)
    assert statuses[quiet].status is None
    assert statuses[quiet].last_update is None


def test_search_matches_every_word_and_respects_what_a_member_may_see(member):
    priority = PriorityFactory()
    hit = DeliveryUpdateFactory(
        priority=priority, title="Friends Against Scams", narrative="2,787 registered"
    )
    DeliveryUpdateFactory(priority=priority, title="Scams draft", state=DeliveryUpdate.State.DRAFT)
    DeliveryUpdateFactory(priority=priority, title="Speedwatch", narrative="2,000 volunteers")
    assert list(selectors.update_search(user=member, q="scams")) == [hit]
    assert list(selectors.update_search(user=member, q="scams 2,787")) == [hit]
    assert list(selectors.update_search(user=member, q="scams speedwatch")) == []
