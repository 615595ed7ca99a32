import datetime as dt

import pytest

from planwatch.accountability.forms import MeetingForm, PanelQuestionForm, RecommendationForm
from planwatch.accountability.models import Body
from planwatch.plan.tests.factories import PriorityFactory, ThemeFactory

from .factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _date(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_meeting_form_refuses_a_second_meeting_of_the_body_in_a_month():
    MeetingFactory(body=Body.BOARD, date=dt.date(2020, 2, 3))
    form = MeetingForm({"body": "board", **_date("date", dt.date(2020, 2, 25))})
    assert not form.is_valid()
    assert form.errors["date"] == [
        "There is already a Business Coordination Board meeting in that month"
    ]
    assert MeetingForm({"body": "panel", **_date("date", dt.date(2020, 2, 25))}).is_valid()


def test_meeting_form_editing_keeps_its_own_month():
    meeting = MeetingFactory(body=Body.BOARD, date=dt.date(2020, 2, 3))
    form = MeetingForm({"body": "board", **_date("date", dt.date(2020, 2, 25))}, instance=meeting)
    assert form.is_valid(), form.errors


def test_meeting_form_period_needs_both_ends():
    form = MeetingForm(
        {
            "body": "board",
            **_date("date", dt.date(2020, 2, 25)),
            **_date("period_start", dt.date(2019, 10, 1)),
        }
    )
    assert form.errors["period_end"] == ["Enter the end of the period, or leave both blank"]


def test_panel_question_form_messages():
    priority = PriorityFactory()
    other_theme = ThemeFactory(name="Victims")
    form = PanelQuestionForm(
        {
            "question": "Why?",
            "theme": other_theme.pk,
            "priority": priority.pk,
            "status": "answered",
            "response": "  ",
        }
    )
    assert not form.is_valid()
    assert form.errors["priority"] == [
        "Choose a priority for action of the Victims theme, or leave it blank"
    ]
    assert form.errors["response"] == ["Enter the response before marking it answered"]
    assert [message for message, _ in form.error_summary()] == [
        "Choose a priority for action of the Victims theme, or leave it blank",
        "Enter the response before marking it answered",
    ]


def test_panel_question_form_accepts_a_priority_of_its_theme():
    priority = PriorityFactory()
    form = PanelQuestionForm(
        {
            "question": "Why?",
            "theme": priority.objective.theme.pk,
            "priority": priority.pk,
            "status": "awaiting_response",
        }
    )
    assert form.is_valid(), form.errors


def test_recommendation_form_offers_only_the_meetings_agenda():
    item = AgendaItemFactory()
    AgendaItemFactory()
    form = RecommendationForm(meeting=item.meeting)
    assert list(form.fields["agenda_item"].queryset) == [item]
