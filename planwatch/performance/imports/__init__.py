"""Importing indicator definitions and figures from CSV or Excel files.

Reading and checking a file never writes: ``figures_import_preview`` and
``indicators_import_preview`` say what an import would do, row by row, with every error (file,
row and column). ``planwatch.performance.services`` applies a file, all or nothing.
"""

from .base import (
    CHANGED,
    MAX_FILE_BYTES,
    NEW,
    UNCHANGED,
    FieldChange,
    ImportPreview,
    ImportRejected,
    ImportResult,
    PreviewRow,
    RowError,
)
from .figures import figures_import_preview
from .indicators import indicators_import_preview
from .templates import XLSX_CONTENT_TYPE, template_csv, template_xlsx

KINDS = {
    "figures": figures_import_preview,
    "indicators": indicators_import_preview,
}


def import_preview(*, kind: str, file_name: str, data: bytes) -> ImportPreview:
    """The preview of a file of ``kind`` ("figures" or "indicators")."""
    return KINDS[kind](file_name=file_name, data=data)


__all__ = [
    "CHANGED",
    "KINDS",
    "MAX_FILE_BYTES",
    "NEW",
    "UNCHANGED",
    "XLSX_CONTENT_TYPE",
    "FieldChange",
    "ImportPreview",
    "ImportRejected",
    "ImportResult",
    "PreviewRow",
    "RowError",
    "figures_import_preview",
    "import_preview",
    "indicators_import_preview",
    "template_csv",
    "template_xlsx",
]
