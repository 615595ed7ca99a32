"""Reading theme reports, and the meeting data the report pages need."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from planwatch.accountability.selectors import previous_theme_meeting

from .builder import ThemeReportBuilder
from .models import ThemeReport
from .periods import Period, default_period

# The stored files are large: lists and look-ups leave them out until they are asked for.
STORED_FILES = ("final_html", "final_pdf", "final_docx")


def report_default_period(*, theme, meeting) -> Period:
    """The period a report on ``theme`` to ``meeting`` covers unless told otherwise: the months
    since the previous meeting that reported on the theme (else the 12 months to the meeting),
    overridden by the meeting's own period where it has one."""
    previous = previous_theme_meeting(meeting=meeting, theme=theme)
    return default_period(
        meeting_date=meeting.date,
        previous_meeting_date=previous.date if previous else None,
        start=meeting.period_start,
        end=meeting.period_end,
    )


def report_context(*, report: ThemeReport) -> dict[str, Any]:
    """The report's content: the stored snapshot once final, else built from today's data."""
    if report.is_final:
        return report.snapshot
    return ThemeReportBuilder(report).build()


def report_for(*, theme, meeting) -> ThemeReport | None:
    return ThemeReport.objects.filter(theme=theme, meeting=meeting).first()


def reports_visible_to(user) -> QuerySet[ThemeReport]:
    """Reports the user may see: every report for officers, final ones for members."""
    qs = (
        ThemeReport.objects.select_related("theme", "meeting", "finalised_by")
        .defer(*STORED_FILES)
        .order_by("-meeting__date", "theme__number", "id")
    )
    if not (user and user.is_authenticated):
        return qs.none()
    if user.is_officer:
        return qs
    if user.is_member:
        return qs.filter(state=ThemeReport.State.FINAL)
    return qs.none()


def reports_filtered(user, *, theme=None, state: str = "") -> QuerySet[ThemeReport]:
    qs = reports_visible_to(user)
    if theme is not None:
        qs = qs.filter(theme=theme)
    if state:
        qs = qs.filter(state=state)
    return qs
