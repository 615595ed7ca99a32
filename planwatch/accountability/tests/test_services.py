import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from planwatch.accountability import services
from planwatch.accountability.models import Body, Meeting, PanelQuestion
from planwatch.core.models import ActivityLog
from planwatch.core.selectors import history_for
from planwatch.plan.tests.factories import PriorityFactory, ThemeFactory

from .factories import (
    AgendaItemFactory,
    MeetingFactory,
    PanelQuestionFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


def test_meeting_create_derives_the_slug_and_records_it(officer):
    meeting = services.meeting_create(
        user=officer, body=Body.PANEL, date=dt.date(2019, 11, 27), location="Huntingdon"
    )
    assert meeting.slug == "panel-2019-11"
    entry = history_for(meeting).get()
    assert entry.action == ActivityLog.Action.CREATE
    assert entry.user == officer
    assert entry.changes["location"]["new"] == "Huntingdon"


def test_meeting_update_records_old_and_new_and_moves_the_slug(officer):
    meeting = MeetingFactory(body=Body.BOARD, date=dt.date(2019, 7, 31))
    services.meeting_update(user=officer, meeting=meeting, date=dt.date(2019, 8, 1))
    meeting.refresh_from_db()
    assert meeting.slug == "board-2019-08"
    change = history_for(meeting).get().changes["date"]
    assert (change["old"], change["new"]) == ("2019-07-31", "2019-08-01")


def test_one_meeting_of_a_body_a_month(officer):
    MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 6))
    with pytest.raises(ValidationError) as error:
        services.meeting_create(user=officer, body=Body.PANEL, date=dt.date(2019, 11, 27))
    assert "already a Police and Crime Panel meeting in that month" in str(error.value)
    assert Meeting.objects.count() == 1
    services.meeting_create(user=officer, body=Body.BOARD, date=dt.date(2019, 11, 27))


def test_meeting_period_needs_both_ends_in_order(officer):
    with pytest.raises(ValidationError):
        services.meeting_create(
            user=officer,
            body=Body.PANEL,
            date=dt.date(2019, 11, 27),
            period_start=dt.date(2019, 7, 1),
        )
    with pytest.raises(ValidationError):
        services.meeting_create(
            user=officer,
            body=Body.PANEL,
            date=dt.date(2019, 11, 27),
            period_start=dt.date(2019, 9, 30),
            period_end=dt.date(2019, 7, 1),
        )
    assert not Meeting.objects.exists()


def test_agenda_item_and_recommendation_changes_are_recorded(officer):
    meeting = MeetingFactory()
    theme = ThemeFactory(name="Communities")
    item = services.agenda_item_create(
        user=officer, meeting=meeting, number="9.2", title="Communities theme", theme=theme
    )
    services.agenda_item_update(user=officer, agenda_item=item, presenter="Dorothy Gregson")
    assert history_for(item)[0].changes["presenter"]["new"] == "Dorothy Gregson"

    recommendation = services.recommendation_create(
        user=officer, meeting=meeting, agenda_item=item, text="The Panel is recommended to note"
    )
    services.recommendation_update(user=officer, recommendation=recommendation, status="noted")
    change = history_for(recommendation)[0].changes["status"]
    assert (change["old"], change["new"]) == ("Proposed", "Noted")


def test_recommendation_must_belong_to_the_meeting_agenda(officer):
    other_item = AgendaItemFactory()
    with pytest.raises(ValidationError):
        services.recommendation_create(
            user=officer, meeting=MeetingFactory(), agenda_item=other_item, text="Note it"
        )
    recommendation = RecommendationFactory()
    with pytest.raises(ValidationError):
        services.recommendation_update(
            user=officer, recommendation=recommendation, agenda_item=other_item
        )


def test_panel_question_answer_is_recorded_with_old_and_new(officer):
    question = PanelQuestionFactory(question="How will Place-Based Boards help?")
    services.panel_question_update(
        user=officer,
        panel_question=question,
        response="Through the Think Communities approach.",
        responded_on=dt.date(2019, 11, 20),
        status=PanelQuestion.Status.ANSWERED,
    )
    changes = history_for(question).get().changes
    assert changes["status"]["old"] == "Awaiting response"
    assert changes["status"]["new"] == "Answered"
    assert changes["response"]["new"] == "Through the Think Communities approach."


def test_panel_question_rules(officer):
    meeting = MeetingFactory(body=Body.PANEL)
    priority = PriorityFactory()
    with pytest.raises(ValidationError):
        services.panel_question_create(
            user=officer, meeting=meeting, question="Why?", status=PanelQuestion.Status.ANSWERED
        )
    with pytest.raises(ValidationError):
        services.panel_question_create(
            user=officer, meeting=meeting, question="Why?", theme=ThemeFactory(), priority=priority
        )
    with pytest.raises(ValidationError):
        services.panel_question_create(
            user=officer, meeting=MeetingFactory(body=Body.BOARD), question="Why?"
        )
    question = services.panel_question_create(
        user=officer, meeting=meeting, question="Why?", priority=priority
    )
    assert question.theme == priority.objective.theme
    assert PanelQuestion.objects.count() == 1
