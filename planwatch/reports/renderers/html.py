"""The report as a standalone HTML document, with its print styling embedded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .base import ReportRenderer

REPORT_CSS = Path(__file__).resolve().parent.parent / "static" / "reports" / "report.css"
BODY_START = "<!-- report-body -->"
BODY_END = "<!-- /report-body -->"


class HtmlRenderer(ReportRenderer):
    format = "html"
    extension = "html"
    content_type = "text/html; charset=utf-8"
    template_name = "reports/document.html"
    body_template_name = "reports/includes/report_body.html"

    def render_text(self, context: dict[str, Any]) -> str:
        return render_to_string(
            self.template_name,
            {"report": context, "report_css": mark_safe(REPORT_CSS.read_text("utf-8"))},  # noqa: S308 - our own stylesheet
        )

    def render_body(self, context: dict[str, Any]) -> str:
        """The report's details and sections alone, for showing inside a page."""
        return render_to_string(self.body_template_name, {"report": context})

    def render(self, context: dict[str, Any]) -> bytes:
        return self.render_text(context).encode("utf-8")


def document_body(document: str) -> str:
    """The report's body (details and sections) cut from a rendered document, so a page can
    show a stored document exactly as it was issued. Empty when the markers are missing."""
    start = document.find(BODY_START)
    end = document.find(BODY_END)
    if start < 0 or end < start:
        return ""
    return document[start + len(BODY_START) : end].strip()
