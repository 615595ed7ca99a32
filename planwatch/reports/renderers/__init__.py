"""One report context, three renderers. A renderer class per format; swap one by replacing
its entry in ``RENDERERS`` (or subclassing it)."""

from .base import ReportRenderer
from .docx import DocxRenderer
from .html import HtmlRenderer, document_body
from .pdf import PdfRenderer

RENDERERS: dict[str, type[ReportRenderer]] = {
    "pdf": PdfRenderer,
    "docx": DocxRenderer,
    "html": HtmlRenderer,
}
FORMATS = tuple(RENDERERS)


def renderer_for(fmt: str) -> ReportRenderer:
    """The renderer for ``fmt`` (pdf, docx or html); ValueError for any other."""
    try:
        return RENDERERS[fmt]()
    except KeyError:
        raise ValueError(f"Unknown report format {fmt!r}: choose {', '.join(FORMATS)}") from None


__all__ = [
    "FORMATS",
    "RENDERERS",
    "DocxRenderer",
    "HtmlRenderer",
    "PdfRenderer",
    "ReportRenderer",
    "document_body",
    "renderer_for",
]
