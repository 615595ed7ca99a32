"""Writing meetings, agenda items, recommendations and Panel questions. Every change is
recorded in the activity log."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models, transaction

from planwatch.core import audit

from .models import AgendaItem, Body, Meeting, PanelQuestion, Recommendation

MEETING_FIELDS = ("body", "date", "location", "period_start", "period_end", "minutes_url")
AGENDA_ITEM_FIELDS = ("number", "title", "theme", "presenter")
RECOMMENDATION_FIELDS = ("agenda_item", "number", "text", "status")
PANEL_QUESTION_FIELDS = (
    "question",
    "asked_by",
    "theme",
    "priority",
    "response",
    "responded_on",
    "status",
)


def _set(obj: models.Model, values: dict, allowed: tuple[str, ...]) -> None:
    for name, value in values.items():
        if name not in allowed:
            raise ValueError(f"Cannot set {name!r} on a {obj._meta.verbose_name}")
        setattr(obj, name, value)


def _check_period(meeting: Meeting) -> None:
    if bool(meeting.period_start) != bool(meeting.period_end):
        missing = "period_end" if meeting.period_start else "period_start"
        raise ValidationError(
            {missing: "Enter both the start and the end of the period, or neither"}
        )
    if meeting.period_start and meeting.period_end < meeting.period_start:
        raise ValidationError({"period_end": "The period must end after it starts"})


@transaction.atomic
def meeting_create(
    *,
    user,
    body: str,
    date: dt.date,
    location: str = "",
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    minutes_url: str = "",
) -> Meeting:
    """Record a meeting; its address (slug) is made from the body and the month."""
    meeting = Meeting(
        body=body,
        date=date,
        location=location,
        period_start=period_start,
        period_end=period_end,
        minutes_url=minutes_url,
    )
    _check_period(meeting)
    return audit.save_created(meeting, user=user)


@transaction.atomic
def meeting_update(*, user, meeting: Meeting, **values) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    before = audit.snapshot(meeting)
    _set(meeting, values, MEETING_FIELDS)
    _check_period(meeting)
    return audit.save_changed(meeting, user=user, before=before)


@transaction.atomic
def agenda_item_create(
    *, user, meeting: Meeting, number: str, title: str, theme=None, presenter: str = ""
) -> AgendaItem:
    item = AgendaItem(meeting=meeting, number=number, title=title, theme=theme, presenter=presenter)
    return audit.save_created(item, user=user)


@transaction.atomic
def agenda_item_update(*, user, agenda_item: AgendaItem, **values) -> AgendaItem:
    item = AgendaItem.objects.select_for_update().get(pk=agenda_item.pk)
    before = audit.snapshot(item)
    _set(item, values, AGENDA_ITEM_FIELDS)
    return audit.save_changed(item, user=user, before=before)


def _check_agenda_item(recommendation: Recommendation, meeting: Meeting | None) -> None:
    if meeting is not None and recommendation.agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "Choose an item on this meeting's agenda"})


@transaction.atomic
def recommendation_create(
    *,
    user,
    agenda_item: AgendaItem,
    text: str,
    number: str = "",
    status: str = Recommendation.Status.PROPOSED,
    meeting: Meeting | None = None,
) -> Recommendation:
    """Record a recommendation on an agenda item (of ``meeting``, when given)."""
    recommendation = Recommendation(
        agenda_item=agenda_item, number=number, text=text, status=status
    )
    _check_agenda_item(recommendation, meeting)
    return audit.save_created(recommendation, user=user)


@transaction.atomic
def recommendation_update(*, user, recommendation: Recommendation, **values) -> Recommendation:
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    meeting = recommendation.agenda_item.meeting
    before = audit.snapshot(recommendation)
    _set(recommendation, values, RECOMMENDATION_FIELDS)
    _check_agenda_item(recommendation, meeting)
    return audit.save_changed(recommendation, user=user, before=before)


def _fill_theme(question: PanelQuestion) -> None:
    """A question about a priority is about that priority's theme."""
    if question.priority_id and not question.theme_id:
        question.theme = question.priority.objective.theme


@transaction.atomic
def panel_question_create(
    *,
    user,
    meeting: Meeting,
    question: str,
    asked_by: str = "",
    theme=None,
    priority=None,
    response: str = "",
    responded_on: dt.date | None = None,
    status: str = PanelQuestion.Status.AWAITING_RESPONSE,
) -> PanelQuestion:
    """Record a Panel question (and its response, if there is one yet). Questions are put to
    the Police and Crime Panel only."""
    if meeting.body != Body.PANEL:
        raise ValidationError("Panel questions are asked at Police and Crime Panel meetings")
    panel_question = PanelQuestion(
        meeting=meeting,
        question=question,
        asked_by=asked_by,
        theme=theme,
        priority=priority,
        response=response,
        responded_on=responded_on,
        status=status,
    )
    _fill_theme(panel_question)
    return audit.save_created(panel_question, user=user)


@transaction.atomic
def panel_question_update(*, user, panel_question: PanelQuestion, **values) -> PanelQuestion:
    panel_question = PanelQuestion.objects.select_for_update().get(pk=panel_question.pk)
    before = audit.snapshot(panel_question)
    _set(panel_question, values, PANEL_QUESTION_FIELDS)
    _fill_theme(panel_question)
    return audit.save_changed(panel_question, user=user, before=before)
