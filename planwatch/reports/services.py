"""Writing theme reports: draft, edit, finalise (freeze) and render. Every change is recorded."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from planwatch.core import audit

from . import wording
from .builder import ThemeReportBuilder
from .intelligence import unacknowledged_flags
from .models import ThemeReport
from .renderers import HtmlRenderer, PdfRenderer, renderer_for
from .selectors import report_default_period

EDITABLE_FIELDS = (
    "author",
    "purpose",
    "recommendations",
    "background_note",
    "introductions",
    "next_steps_note",
    "include_stop_search",
    "period_start",
    "period_end",
)
FINAL_CANNOT_CHANGE = "A finalised report cannot be changed"
UNACKNOWLEDGED_FLAGS = "unacknowledged_flags"


def finalise_blocked_messages(flags: list[dict[str, Any]]) -> list[str]:
    """Why a report with unacknowledged flags cannot be finalised: a first sentence, then one
    message per flag naming the paragraph, the note and what disagrees."""
    count = len(flags)
    figures = "a figure" if count == 1 else f"{wording.spell_number(count)} figures"
    verb = "disagrees" if count == 1 else "disagree"
    lead = (
        f"This report cannot be finalised: {figures} in it {verb} with what was printed in the "
        "source, and no one has acknowledged the difference. Correct the figures, or "
        "acknowledge each on the data quality page with a reason, then finalise again."
    )
    return [lead] + [
        f"{flag['block_number']} {flag['title']}, note {flag['note']}: {flag['message']}"
        for flag in flags
    ]


def snapshot_digest(snapshot: dict[str, Any]) -> str:
    """The sha256 of a snapshot's canonical JSON (sorted keys), the same on every database."""
    canonical = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@transaction.atomic
def report_create(
    *,
    theme,
    meeting,
    user,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    actor_label: str = "",
) -> ThemeReport:
    """The draft report on ``theme`` to ``meeting``, with the default period and wording.

    There is one report per theme and meeting: when it exists already (even when another
    request has just created it) that report is returned unchanged.
    """
    existing = ThemeReport.objects.filter(theme=theme, meeting=meeting).first()
    if existing is not None:
        return existing
    default = report_default_period(theme=theme, meeting=meeting)
    report = ThemeReport(
        theme=theme,
        meeting=meeting,
        period_start=period_start or default.start,
        period_end=period_end or default.end,
        purpose=wording.default_purpose(
            body=meeting.body, body_name=meeting.get_body_display(), theme_name=theme.name
        ),
        recommendations=wording.default_recommendations(body=meeting.body),
    )
    try:
        with transaction.atomic():
            return audit.save_created(report, user=user, actor_label=actor_label)
    except (IntegrityError, ValidationError):
        existing = ThemeReport.objects.filter(theme=theme, meeting=meeting).first()
        if existing is None:
            raise
        return existing


@transaction.atomic
def report_update(*, report: ThemeReport, user, actor_label: str = "", **fields) -> ThemeReport:
    """Change a draft's text, period or whether it includes stop and search. A final report
    cannot be changed."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Cannot set {', '.join(sorted(unknown))} on a report")
    report = ThemeReport.objects.select_for_update().get(pk=report.pk)
    if report.is_final:
        raise ValidationError(FINAL_CANNOT_CHANGE)
    before = audit.snapshot(report)
    for name, value in fields.items():
        if name == "introductions":
            value = {str(k): v.strip() for k, v in (value or {}).items() if v and v.strip()}
        elif isinstance(value, str):
            value = value.strip()
        setattr(report, name, value)
    return audit.save_changed(report, user=user, before=before, actor_label=actor_label)


@transaction.atomic
def report_finalise(*, report: ThemeReport, user, actor_label: str = "") -> ThemeReport:
    """Freeze the report: store its content (the snapshot, with its sha256) and the HTML, PDF
    and Word files rendered from it. From then on it is read from these alone.

    A report whose Business Intelligence figures disagree with what was printed cannot be
    finalised until an officer has acknowledged each disagreement (ValidationError, code
    ``unacknowledged_flags``, one message per flag after the first)."""
    report = ThemeReport.objects.select_for_update().get(pk=report.pk)
    if report.is_final:
        raise ValidationError("This report has already been finalised")
    before = audit.snapshot(report)
    report.state = ThemeReport.State.FINAL
    snapshot = ThemeReportBuilder(report).build()
    flags = unacknowledged_flags(snapshot)
    if flags:
        raise ValidationError(
            [
                ValidationError(message, code=UNACKNOWLEDGED_FLAGS)
                for message in finalise_blocked_messages(flags)
            ]
        )
    html = HtmlRenderer().render_text(snapshot)
    pdf = PdfRenderer().from_html(html)
    docx = renderer_for("docx").render(snapshot)
    report.snapshot = snapshot
    report.sha256 = snapshot_digest(snapshot)
    report.finalised_at = timezone.now()
    report.finalised_by = user if getattr(user, "pk", None) else None
    # The log records the hash of the content, not the content itself: the snapshot stays on
    # the report, unchanged, for good.
    before["snapshot"] = snapshot
    audit.save_changed(report, user=user, before=before, actor_label=actor_label)
    ThemeReport.objects.filter(pk=report.pk).update(final_html=html, final_pdf=pdf, final_docx=docx)
    report.final_html, report.final_pdf, report.final_docx = html, pdf, docx
    return report


def report_render(*, report: ThemeReport, fmt: str) -> tuple[bytes, str, str]:
    """``(content, content_type, filename)`` of the report as ``fmt`` (pdf, docx or html): the
    stored file of a final report, a fresh rendering of a draft."""
    renderer = renderer_for(fmt)
    if report.is_final:
        stored = {
            "html": report.final_html.encode("utf-8"),
            "pdf": report.final_pdf,
            "docx": report.final_docx,
        }[renderer.format]
        return bytes(stored), renderer.content_type, renderer.filename(report.snapshot)
    context = ThemeReportBuilder(report).build()
    return renderer.render(context), renderer.content_type, renderer.filename(context)
