"""What every import shares: the errors it reports, the preview it shows, and reading a CSV or
XLSX file into a header and rows of text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

NEW = "new"
CHANGED = "changed"
UNCHANGED = "unchanged"

MAX_FILE_BYTES = 5 * 1024 * 1024
XLSX_SUFFIX = ".xlsx"


@dataclass(frozen=True)
class RowError:
    """One thing wrong with a file: where it is (a row as a spreadsheet numbers it, the header
    being row 1, and a column by its heading) and what to do about it."""

    file_name: str
    message: str
    row: int | None = None
    column: str = ""

    @property
    def place(self) -> str:
        parts = [self.file_name]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class ImportRejected(Exception):
    """The file has errors, so nothing was imported."""

    def __init__(self, errors: Sequence[RowError]):
        self.errors = list(errors)
        count = len(self.errors)
        first = str(self.errors[0]) if self.errors else "the file could not be read"
        more = f" (and {count - 1} more error{'s' if count > 2 else ''})" if count > 1 else ""
        super().__init__(f"{first}{more}. Nothing was imported.")


@dataclass(frozen=True)
class FieldChange:
    """One field that an import would change on an existing row."""

    field: str
    label: str
    old: str
    new: str


@dataclass
class PreviewRow:
    """What the import will do with one row of the file."""

    row: int
    status: str  # NEW, CHANGED or UNCHANGED
    label: str
    changes: list[FieldChange] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict, repr=False)
    existing: Any = field(default=None, repr=False)


@dataclass
class ImportPreview:
    """The result of checking a file against the database, before anything is written."""

    kind: str  # "indicators" or "figures"
    file_name: str
    rows: list[PreviewRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def _count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def new(self) -> int:
        return self._count(NEW)

    @property
    def changed(self) -> int:
        return self._count(CHANGED)

    @property
    def unchanged(self) -> int:
        return self._count(UNCHANGED)

    @property
    def to_write(self) -> list[PreviewRow]:
        """The rows that would be written: new and changed, in file order."""
        return [r for r in self.rows if r.status != UNCHANGED]

    @property
    def summary(self) -> str:
        if self.errors:
            count = len(self.errors)
            return f"{self.file_name}: {count} error{'s' if count != 1 else ''}, nothing can be imported."
        return f"{self.file_name}: {counts_text(self.new, self.changed, self.unchanged)}."


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    kind: str
    file_name: str
    new: int
    changed: int
    unchanged: int

    @property
    def summary(self) -> str:
        return f"{self.file_name}: {counts_text(self.new, self.changed, self.unchanged)}."


def counts_text(new: int, changed: int, unchanged: int) -> str:
    return f"{new:,} new, {changed:,} changed, {unchanged:,} unchanged"


# --- Reading files ----------------------------------------------------------------------------


@dataclass
class Table:
    """A file's rows as text, each with its row number; ``columns`` maps a heading to its index."""

    file_name: str
    columns: dict[str, int]
    rows: list[tuple[int, list[str]]]

    def cell(self, cells: list[str], column: str) -> str:
        index = self.columns[column]
        return unescape(cells[index].strip()) if index < len(cells) else ""


# What PlanWatch's CSV exports put before a cell that a spreadsheet would run as a formula
# ("+5" is written "'+5"); the import takes it off again.
FORMULA_ESCAPE = "'"
# Quotes, then a formula character: one quote is the export's ("'+5", or "''+5" for text that
# itself began "'+5").
_ESCAPED = re.compile(r"^'+[+\-=@]")


def unescape(text: str) -> str:
    """A cell without the "'" an export put before ``+``, ``-``, ``=`` or ``@``: ``"'+5"`` →
    ``"+5"``, ``"''+5"`` → ``"'+5"``. One quote only, and only before those characters (after
    any other quotes): ``"'quoted'"`` is kept as it is."""
    return text[1:] if _ESCAPED.match(text) else text


def escape(text: str) -> str:
    """Text for an export whose CSV puts "'" before ``+``, ``-``, ``=`` and ``@``, so that
    ``unescape`` gives it back: text already starting with quotes and one of those gets one
    more quote (``"'+5"`` → ``"''+5"``)."""
    return FORMULA_ESCAPE + text if _ESCAPED.match(text) else text


def is_xlsx(*, file_name: str, data: bytes) -> bool:
    return file_name.lower().endswith(XLSX_SUFFIX) or data[:4] == b"PK\x03\x04"


def read_table(
    *,
    file_name: str,
    data: bytes,
    columns: Sequence[str],
    what: str = "",
    others: dict[str, Sequence[str]] | None = None,
) -> tuple[Table | None, list[RowError]]:
    """Read a CSV (UTF-8, comma-separated) or XLSX (first sheet) file whose first row is the
    header. Returns the table, or None with the errors when it cannot be read or its header is
    not ``columns`` (in any order). ``others`` maps what other files hold to their columns,
    to recognise a file of another kind (``what`` is what this one should hold)."""
    if len(data) > MAX_FILE_BYTES:
        return None, [RowError(file_name, f"the file is larger than {_megabytes(MAX_FILE_BYTES)}.")]
    if file_name.lower().endswith(".xls"):
        return None, [
            RowError(
                file_name,
                "this is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) "
                "or as CSV UTF-8 (.csv), and import that.",
            )
        ]
    try:
        raw = _xlsx_rows(data) if is_xlsx(file_name=file_name, data=data) else _csv_rows(data)
    except _Unreadable as exc:
        return None, [RowError(file_name, str(exc))]
    numbered = [(number, cells) for number, cells in enumerate(raw, start=1)]
    if not numbered or not any(c.strip() for c in numbered[0][1]):
        return None, [
            RowError(
                file_name,
                "the file is empty or its first row is blank. The first row must be the "
                f"header: {','.join(columns)}",
                row=1,
            )
        ]
    header = [c.strip() for c in numbered[0][1]]
    while header and not header[-1]:
        header.pop()
    errors = _header_errors(file_name, header, columns)
    if errors:
        given = {name.lower() for name in header}
        for other, other_columns in (others or {}).items():
            if given == set(other_columns):
                message = f"this is a file of {other}, not of {what}. Import it as {other}."
                return None, [RowError(file_name, message, row=1)]
        return None, errors
    table = Table(
        file_name=file_name,
        columns={name.lower(): index for index, name in enumerate(header)},
        rows=[],
    )
    for number, cells in numbered[1:]:
        if not any(c.strip() for c in cells):
            continue  # blank rows (spreadsheets often leave some at the end) are skipped
        extra = [i for i in range(len(header), len(cells)) if cells[i].strip()]
        if extra:
            errors.append(
                RowError(
                    file_name,
                    f"this row has a value ({cells[extra[0]].strip()!r}) beyond the last "
                    f"column of the header ({header[-1]}). Remove it, or check the commas in "
                    "this row: a value that contains a comma must be in double quotes.",
                    row=number,
                )
            )
            continue
        table.rows.append((number, cells))
    return table, errors


def _header_errors(file_name: str, header: list[str], columns: Sequence[str]) -> list[RowError]:
    errors = []
    seen: set[str] = set()
    for name in header:
        key = name.lower()
        if not key:
            errors.append(RowError(file_name, "a column has no heading.", 1))
        elif key in seen:
            errors.append(
                RowError(file_name, "this heading appears twice. Keep one column of it.", 1, name)
            )
        elif key not in columns:
            errors.append(RowError(file_name, f"'{name}' is not a column of this file.", 1, name))
        seen.add(key)
    for name in columns:
        if name not in seen:
            errors.append(
                RowError(
                    file_name,
                    f"the header has no {name} column (a column may be left empty, but its "
                    "heading must be there).",
                    1,
                    name,
                )
            )
    if errors:
        first = errors[0]
        errors[0] = RowError(
            file_name,
            f"{first.message} The header must be: {','.join(columns)}",
            first.row,
            first.column,
        )
    return errors


class _Unreadable(Exception):
    pass


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            "the file is not UTF-8 text. In Excel, save it as 'CSV UTF-8 (Comma delimited)'; "
            "or import the Excel workbook (.xlsx) itself."
        ) from exc
    if "\x00" in text:
        raise _Unreadable("the file is not a CSV text file. Import a .csv or .xlsx file.")
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise _Unreadable(f"the file could not be read as CSV ({exc}).") from exc


def _xlsx_rows(data: bytes) -> list[list[str]]:
    # openpyxl takes a while to import: only uploads of workbooks need it.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise _Unreadable(
            "the file could not be read as an Excel workbook (.xlsx). Save it from Excel as "
            "an Excel workbook, or as CSV UTF-8 (.csv)."
        ) from exc
    try:
        if not workbook.worksheets:
            return []
        sheet = workbook.worksheets[0]
        return [[cell_text(c.value, getattr(c, "number_format", "")) for c in row] for row in sheet]
    finally:
        workbook.close()


_DECIMALS_IN_FORMAT = re.compile(r"0\.(0+)")


def cell_text(value: Any, number_format: str = "") -> str:
    """A spreadsheet cell as the text it shows: whole numbers without ".0", a number with the
    decimals its format shows ("0.0" shows 30 as 30.0), a percentage format as the percentage
    (0.304 shown as 30.4%: "30.4"), a date on the 1st of a month as that month ("2019-05").
    Decimals are rounded as Excel rounds them for display: halves away from zero."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.day == 1:
            return f"{value.year:04d}-{value.month:02d}"
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}" if value.day == 1 else value.isoformat()
    if isinstance(value, int | float):
        number = Decimal(str(value))
        section = (number_format or "").split(";")[0]
        if "%" in section:
            number *= 100
        shown = _DECIMALS_IN_FORMAT.search(section)
        if shown:
            # As Excel shows it: halves rounded away from zero (0.125 at "0.00" is 0.13).
            places = len(shown.group(1))
            return f"{number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
        if number == number.to_integral_value():
            return f"{number:.0f}"
        return f"{number.normalize():f}"
    return str(value)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
