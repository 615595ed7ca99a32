"""Reading one police.uk file alone with DuckDB, to name the line and column of its problems.

``ingest.stage`` reads all the files of an import together, which is fast but stops at the
first damaged file without saying where in it the damage is. When that happens, or when a
stop-and-search record does not read, each file concerned is read here on its own:
``problems_find`` returns every problem it can place (file, line, column), up to ``MAX_ERRORS``.

Also here: why rows are set aside (the reasons are stored on each import run), and how
stop-and-search values must read.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation

import duckdb

from planwatch.performance.imports import RowError

from .checks import HEADERS, CheckedFile
from .models import FileKind
from .sources import LineError, Source

# Why rows are set aside (not kept). The keys are stable: they are stored on the import run.
NO_LOCATION = "No location: no LSOA (street crime)"
OTHER_MONTH = "Month differs from the file name's month"
NO_CRIME_TYPE = "No crime type"
NO_OUTCOME_TYPE = "No outcome type"
NO_DATE = "No date (stop and search)"

NFA = "A no further action disposal"
BOOLEANS = {"True": True, "False": False, "": None}

# Python's csv module: counting data rows in a file to report them, as an independent check.
csv.field_size_limit(10_000_000)


# --- Reading one file -------------------------------------------------------------------------


_LINE = re.compile(r"CSV Error on Line: (\d+)")
_FOUND = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")
_ORIGINAL = re.compile(r"Original Line: ?\r?\n(.*?)\r?\n", re.S)


def _csv_error(source: Source, exc: duckdb.Error, columns: tuple[str, ...]) -> RowError:
    """DuckDB's error as a message naming the file, line and column, where DuckDB gives them."""
    text = str(exc)
    line = _LINE.search(text)
    row = int(line[1]) if line else None
    found = _FOUND.search(text)
    if found:
        expected, got = int(found[1]), int(found[2])
        if got < expected:
            return LineError(
                source.label,
                f"the row has {got} of the {expected} fields: the file is truncated or damaged "
                "(download it again).",
                row=row,
                column=columns[got],
            )
        return LineError(
            source.label,
            f"the row has {got} fields, more than the {expected} columns in the header.",
            row=row,
        )
    if "unterminated quote" in text:
        column = ""
        original = _ORIGINAL.search(text)
        if original:
            fields = next(csv.reader([original[1]]), [])
            if fields:
                column = columns[min(len(fields), len(columns)) - 1]
        return LineError(
            source.label,
            "a quoted value is not closed: the file is truncated or damaged (download it again).",
            row=row,
            column=column,
        )
    if "Invalid unicode" in text:
        return LineError(
            source.label,
            "the line is not UTF-8 text: the file is damaged, or not a police.uk file "
            "(download it again).",
            row=row,
            column=_column_at(source, row, columns, _not_utf8) if row else "",
        )
    first = text.splitlines()[0] if text else type(exc).__name__
    first = re.sub(r"^[A-Za-z ]*Error: ", "", first)
    return LineError(
        source.label,
        f"could not be read as a police.uk CSV file: {first}",
        row=row,
    )


def _not_utf8(line: bytes) -> int:
    """Where ``line`` stops being UTF-8 text (-1 if it is)."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return -1


def _column_at(
    source: Source, row: int, columns: tuple[str, ...], find: Callable[[bytes], int]
) -> str:
    """The column of line ``row`` in which ``find`` places the problem (by byte offset)."""
    with source.path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if number == row:
                at = find(line)
                return _column_of(line, at, columns) if at >= 0 else ""
    return ""


def _column_of(line: bytes, at: int, columns: tuple[str, ...]) -> str:
    """The column of the field holding byte ``at`` of ``line``."""
    fields = next(csv.reader([line[:at].decode("utf-8", "replace")]), [""])
    return columns[min(max(len(fields), 1), len(columns)) - 1]


def nul_found(file: CheckedFile) -> RowError:
    """The first NUL byte in a file whose kept values hold one: a damaged file (PostgreSQL
    cannot store the byte, and it is no part of any value police.uk publishes)."""
    columns = HEADERS[file.kind]
    message = "a NUL byte (binary data, not text): the file is damaged (download it again)."
    with file.source.path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            at = line.find(b"\x00")
            if at >= 0:
                column = _column_of(line, at, columns)
                return LineError(file.source.label, message, row=number, column=column)
    return LineError(file.source.label, message)


def problems_find(con: duckdb.DuckDBPyConnection, file: CheckedFile) -> list[RowError]:
    """The problems of one file: a row DuckDB cannot read (a damaged file), or stop-and-search
    values that do not read."""
    columns = HEADERS[file.kind]
    con.execute("DROP TABLE IF EXISTS raw")
    try:
        con.execute(
            "CREATE TEMP TABLE raw AS SELECT * FROM read_csv(?, "
            "header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
            "strict_mode = true, null_padding = false, ignore_errors = false, columns = ?)",
            [str(file.source.path), {c: "VARCHAR" for c in columns}],
        )
    except duckdb.Error as exc:
        return [_csv_error(file.source, exc, columns)]
    if file.kind != FileKind.STOP_AND_SEARCH:
        return []
    return _stop_search_problems(con, file)


# DuckDB's rowid follows the file's order: data row n (from 0) is on line n + 2 (the published
# files have no line breaks inside values).
MAX_ERRORS = 20


STOP_SEARCH_FIELDS = {
    "Type": "type",
    "Policing operation": "policing_operation",
    "Gender": "gender",
    "Age range": "age_range",
    "Self-defined ethnicity": "self_defined_ethnicity",
    "Officer-defined ethnicity": "officer_defined_ethnicity",
    "Legislation": "legislation",
    "Object of search": "object_of_search",
    "Outcome": "outcome",
}
STOP_SEARCH_BOOLEANS = {
    "Part of a policing operation": "part_of_policing_operation",
    "Outcome linked to object of search": "outcome_linked_to_object_of_search",
    "Removal of more than just outer clothing": "removal_of_more_than_outer_clothing",
}
STOP_SEARCH_DECIMALS = {"Latitude": "latitude", "Longitude": "longitude"}
SIX_PLACES = Decimal("0.000001")


def _stop_search_problems(con, file: CheckedFile) -> list[RowError]:
    """Each dated record checked: a date, booleans and coordinates that do not read are errors
    (with their line and column). Records without a date are set aside, not errors."""
    columns = HEADERS[FileKind.STOP_AND_SEARCH]
    cursor = con.execute(
        "SELECT rowid + 2, "  # noqa: S608 (the published column names)
        + ", ".join(f'"{c}"' for c in columns)
        + ' FROM raw WHERE "Date" IS NOT NULL ORDER BY rowid'
    )
    errors: list[RowError] = []
    for line, *cells in _rows(cursor):
        values = dict(zip(columns, cells, strict=True))
        if not date_reads(values["Date"]):
            errors.append(_bad(file, line, "Date", "not a date and time with its UTC offset"))
        for column in STOP_SEARCH_BOOLEANS:
            if (values[column] or "").strip() not in BOOLEANS:
                errors.append(_bad(file, line, column, "not True, False or blank"))
        for column in STOP_SEARCH_DECIMALS:
            if not coordinate_reads(values[column]):
                errors.append(_bad(file, line, column, "not a coordinate in degrees"))
        if len(errors) >= MAX_ERRORS:
            break
    return errors[:MAX_ERRORS]


def date_reads(text: str) -> bool:
    """A date and time with its UTC offset, as police.uk writes them."""
    try:
        return dt.datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def coordinate_reads(text: str | None) -> bool:
    text = (text or "").strip()
    if not text:
        return True
    try:
        return abs(Decimal(text)) <= 180
    except InvalidOperation:
        return False


def _bad(file: CheckedFile, line: int, column: str, what: str) -> RowError:
    return LineError(file.source.label, f"{what}.", row=line, column=column)


def _rows(cursor, size: int = 10_000) -> Iterator[tuple]:
    while batch := cursor.fetchmany(size):
        yield from batch


def district_name(lsoa_name: str) -> str:
    """The district an LSOA lies in, from its name: "Cambridge 007B" → "Cambridge"."""
    return re.sub(r"\s+\d{3}[A-Z]$", "", lsoa_name.strip())
