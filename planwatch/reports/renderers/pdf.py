"""The report as an A4 PDF, made by WeasyPrint from exactly the HTML document."""

from __future__ import annotations

from typing import Any

import weasyprint

from .base import ReportRenderer
from .html import HtmlRenderer


class PdfRenderer(ReportRenderer):
    format = "pdf"
    extension = "pdf"
    content_type = "application/pdf"
    html_renderer_class = HtmlRenderer

    def render(self, context: dict[str, Any]) -> bytes:
        return self.from_html(self.html_renderer_class().render_text(context))

    def from_html(self, html: str) -> bytes:
        return weasyprint.HTML(string=html).write_pdf()
