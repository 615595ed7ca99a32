import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from planwatch.accountability.models import PanelQuestion
from planwatch.accountability.tests.factories import MeetingFactory, PanelQuestionFactory
from planwatch.partners.tests.factories import OrganisationFactory
from planwatch.plan.tests.factories import ActionFactory, DeliveryUpdateFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def test_the_plan_at_a_glance(officer_client):
    priority = PriorityFactory(title="Educate and support local people")
    DeliveryUpdateFactory(priority=priority, date=dt.date(2019, 11, 13), status="some_disruption")
    ActionFactory(
        priority=priority, description="Set up the advisory group", due_date=dt.date(2020, 1, 31)
    )
    upcoming = MeetingFactory(date=timezone.localdate() + dt.timedelta(days=30))
    PanelQuestionFactory(meeting=upcoming, question="What evaluation will be done?")
    PanelQuestionFactory(
        meeting=upcoming,
        question="Already answered?",
        response="Yes.",
        status=PanelQuestion.Status.ANSWERED,
    )

    body = officer_client.get(reverse("dashboard:home")).content.decode()
    assert "Educate and support local people" in body
    assert "Some disruption" in body
    assert "13 Nov 2019" in body
    assert "Set up the advisory group" in body  # overdue
    assert upcoming.get_body_display() in body
    assert "What evaluation will be done?" in body
    assert "Already answered?" not in body


def test_empty_states(officer_client):
    body = officer_client.get(reverse("dashboard:home")).content.decode()
    assert "There is no Police and Crime Plan yet" in body


def test_a_partner_sees_only_their_organisations_work(partner_client, partner):
    mine = DeliveryUpdateFactory(title="Our scams event")
    mine.organisations.set([partner.organisation])
    theirs = DeliveryUpdateFactory(title="Someone else's event")
    theirs.organisations.set([OrganisationFactory()])
    body = partner_client.get(reverse("dashboard:home")).content.decode()
    assert partner.organisation.name in body
    assert "Our scams event" in body
    assert "Someone else's event" not in body
    assert "The Plan at a glance" not in body
