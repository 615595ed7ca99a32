"""Reading meetings, agenda items and Panel questions."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from .models import AgendaItem, Meeting, PanelQuestion, Recommendation


def meeting_get(*, slug: str) -> Meeting | None:
    return Meeting.objects.filter(slug=slug).first()


def meetings_upcoming(*, today: dt.date | None = None, limit: int = 5) -> QuerySet[Meeting]:
    return Meeting.objects.upcoming(today)[:limit]


def panel_questions_unanswered() -> QuerySet[PanelQuestion]:
    return PanelQuestion.objects.unanswered().select_related("meeting", "theme", "priority")


def panel_questions_for(*, meeting: Meeting, theme) -> QuerySet[PanelQuestion]:
    """The Panel questions put at ``meeting`` about ``theme`` (directly, or through one of
    its priorities), in the order they were recorded."""
    return (
        PanelQuestion.objects.filter(meeting=meeting)
        .filter(Q(theme=theme) | Q(priority__objective__theme=theme))
        .select_related("priority")
        .order_by("id")
    )


def previous_theme_meeting(*, meeting: Meeting, theme) -> Meeting | None:
    """The latest meeting before ``meeting`` whose agenda reported on ``theme``."""
    return (
        Meeting.objects.filter(date__lt=meeting.date, agenda_items__theme=theme)
        .order_by("-date")
        .first()
    )


def meeting_search(
    *, body: str = "", year: int | None = None, when: str = "", today: dt.date | None = None
) -> QuerySet[Meeting]:
    """Meetings, filtered, latest first; ``when`` is "upcoming" (from today on, soonest
    first), "past" or "" for both."""
    qs = Meeting.objects.all()
    if body:
        qs = qs.filter(body=body)
    if year:
        qs = qs.filter(date__year=year)
    today = today or timezone.localdate()
    if when == "upcoming":
        return qs.filter(date__gte=today).order_by("date", "id")
    if when == "past":
        qs = qs.filter(date__lt=today)
    return qs.order_by("-date", "-id")


def meeting_years() -> list[int]:
    """The years in which meetings are recorded, latest first."""
    return [d.year for d in Meeting.objects.dates("date", "year", order="DESC")]


def meeting_agenda(*, meeting: Meeting) -> list[AgendaItem]:
    """The meeting's agenda items in agenda order, with their recommendations."""
    items = meeting.agenda_items.select_related("theme").prefetch_related(
        Prefetch("recommendations", queryset=Recommendation.objects.order_by("number", "id"))
    )
    return sorted(items, key=lambda item: _agenda_order(item.number))


def _agenda_order(number: str) -> tuple:
    """Sorts "9.2" before "10" (agenda numbers are text)."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in number.split("."))


def meeting_panel_questions(*, meeting: Meeting) -> QuerySet[PanelQuestion]:
    return meeting.panel_questions.select_related("theme", "priority").order_by("id")


def meeting_theme_reports(*, meeting: Meeting, user):
    """The theme reports to this meeting the user may read: all for officers, final ones for
    members."""
    reports = meeting.theme_reports.select_related("theme").order_by("theme__number", "id")
    if getattr(user, "is_officer", False):
        return reports
    return reports.filter(state="final")


def panel_question_search(
    *, status: str = "", meeting: Meeting | None = None, theme=None
) -> QuerySet[PanelQuestion]:
    """Panel questions, filtered; latest meeting first, then in the order they were asked."""
    qs = PanelQuestion.objects.select_related("meeting", "theme", "priority")
    if status:
        qs = qs.filter(status=status)
    if meeting is not None:
        qs = qs.filter(meeting=meeting)
    if theme is not None:
        qs = qs.filter(Q(theme=theme) | Q(priority__objective__theme=theme))
    return qs.order_by("-meeting__date", "id")


def meeting_latest(*, today: dt.date | None = None) -> Meeting | None:
    """The most recent meeting held before ``today``."""
    return Meeting.objects.filter(date__lt=today or timezone.localdate()).order_by("-date").first()


def meeting_choices() -> QuerySet[Meeting]:
    """Every meeting a report can go to, latest first."""
    return Meeting.objects.order_by("-date", "body")
