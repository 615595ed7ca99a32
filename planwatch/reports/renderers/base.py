"""What every report renderer offers: one context in, one file out."""

from __future__ import annotations

from typing import Any


class ReportRenderer:
    """Turns a report's context (``ThemeReportBuilder.build()``) into the bytes of one file."""

    format = ""
    extension = ""
    content_type = "application/octet-stream"

    def render(self, context: dict[str, Any]) -> bytes:
        raise NotImplementedError

    def filename(self, context: dict[str, Any]) -> str:
        """``communities-panel-2019-11.pdf``"""
        return f"{context['filename_stem']}.{self.extension}"
