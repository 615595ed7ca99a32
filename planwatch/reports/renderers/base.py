"""What every report renderer offers: one context in, one file out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any


class ReportRenderer(ABC):
    """Turns a report's context (``ThemeReportBuilder.build()``) into the bytes of one file."""

    format = ""
    extension = ""
    content_type = "application/octet-stream"

    @abstractmethod
    def render(self, context: dict[str, Any]) -> bytes:
        """The file's bytes."""

    def filename(self, context: dict[str, Any]) -> str:
        """``communities-panel-2019-11.pdf``"""
        return f"{context['filename_stem']}.{self.extension}"
