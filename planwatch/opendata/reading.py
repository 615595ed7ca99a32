"""Reading police.uk files with DuckDB: recognising them, checking them and aggregating them,
before anything is written to the database (``sources`` finds them).

Every file is read in full and checked first; only when every file of a run is good does
``services.policeuk_import`` write anything. Nothing here touches the ORM.

The three kinds of file are recognised from their header row, which must be exactly one of
``HEADERS``. Each file's name (``YYYY-MM-<force>-<kind>.csv``, as police.uk publishes them)
gives the force and the month.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

import duckdb

from planwatch.performance.imports import RowError

from .models import FileKind
from .sources import FileResult, FilesRejected, LineError, Source

HEADERS: dict[str, tuple[str, ...]] = {
    FileKind.STREET: (
        "Crime ID",
        "Month",
        "Reported by",
        "Falls within",
        "Longitude",
        "Latitude",
        "Location",
        "LSOA code",
        "LSOA name",
        "Crime type",
        "Last outcome category",
        "Context",
    ),
    FileKind.OUTCOMES: (
        "Crime ID",
        "Month",
        "Reported by",
        "Falls within",
        "Longitude",
        "Latitude",
        "Location",
        "LSOA code",
        "LSOA name",
        "Outcome type",
    ),
    FileKind.STOP_AND_SEARCH: (
        "Type",
        "Date",
        "Part of a policing operation",
        "Policing operation",
        "Latitude",
        "Longitude",
        "Gender",
        "Age range",
        "Self-defined ethnicity",
        "Officer-defined ethnicity",
        "Legislation",
        "Object of search",
        "Outcome",
        "Outcome linked to object of search",
        "Removal of more than just outer clothing",
    ),
}
KIND_IN_NAME = {"street": FileKind.STREET, "outcomes": FileKind.OUTCOMES}
KIND_IN_NAME["stop-and-search"] = FileKind.STOP_AND_SEARCH
KIND_LABEL = {kind.value: kind.label.lower() for kind in FileKind}
FILE_NAME = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<force>[a-z0-9][a-z0-9-]*?)"
    r"-(?P<kind>street|outcomes|stop-and-search)\.csv$"
)

# Why rows are set aside (not kept). The keys are stable: they are stored on the import run.
NO_LOCATION = "No location: no LSOA (street crime)"
OTHER_MONTH = "Month differs from the file name's month"
NO_CRIME_TYPE = "No crime type"
NO_OUTCOME_TYPE = "No outcome type"
NO_DATE = "No date (stop and search)"

NFA = "A no further action disposal"
BOOLEANS = {"True": True, "False": False, "": None}
SNIFF_BYTES = 65536

# Python's csv module: counting data rows in a file to report them, as an independent check.
csv.field_size_limit(10_000_000)


# --- Reading one file -------------------------------------------------------------------------


def read_header(source: Source) -> tuple[str, list[RowError]]:
    """The file's kind from its header row, or the errors that say why it has none."""
    name = source.label
    try:
        with source.path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        return "", [LineError(name, f"could not be read: {exc.strerror or exc}.")]
    if not head.strip():
        return "", [LineError(name, "the file is empty.", row=1)]
    if b"\x00" in head or head.startswith(b"PK\x03\x04"):
        return "", [LineError(name, "not a CSV file (it holds binary data).")]
    first_line = head.splitlines()[0]
    try:
        text = first_line.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "", [LineError(name, "not a CSV file in UTF-8.", row=1)]
    header = tuple(cell.strip() for cell in next(csv.reader([text])))
    for kind, expected in HEADERS.items():
        if header == expected:
            return kind, []
    # Not an exact match: say what is missing from the kind its name (or its header) suggests.
    match = FILE_NAME.match(source.path.name)
    guess = KIND_IN_NAME[match["kind"]] if match else None
    if guess is None:
        guess = max(HEADERS, key=lambda k: len(set(HEADERS[k]) & set(header)))
        if not set(HEADERS[guess]) & set(header):
            return "", [
                LineError(
                    name,
                    "not a police.uk street, outcomes or stop-and-search file: its header row "
                    "is not one of theirs.",
                    row=1,
                )
            ]
    expected = HEADERS[guess]
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing:
        return "", [
            LineError(
                name,
                f"the column is missing from the header of this {KIND_LABEL[guess]} file.",
                row=1,
                column=c,
            )
            for c in missing
        ]
    if extra:
        return "", [
            LineError(name, f"not a column of a {KIND_LABEL[guess]} file.", row=1, column=c)
            for c in extra
        ]
    return "", [
        LineError(
            name,
            f"the columns are not in the published order: {', '.join(expected)}.",
            row=1,
        )
    ]


def read_file(con: duckdb.DuckDBPyConnection, source: Source) -> FileResult:
    """Read, check and aggregate one file. Raises ``FilesRejected`` naming the file (and the
    line and column where they are known) when it cannot be read."""
    kind, errors = read_header(source)
    if errors:
        raise FilesRejected(errors)
    match = FILE_NAME.match(source.path.name)
    if not match:
        raise FilesRejected(
            [
                LineError(
                    source.label,
                    "the file name must be as police.uk publishes it, "
                    "YYYY-MM-<force>-<street|outcomes|stop-and-search>.csv: it gives the force "
                    "and the month.",
                )
            ]
        )
    if KIND_IN_NAME[match["kind"]] != kind:
        raise FilesRejected(
            [
                LineError(
                    source.label,
                    f"the name says {KIND_LABEL[KIND_IN_NAME[match['kind']]]} but the header is "
                    f"that of a {KIND_LABEL[kind]} file.",
                    row=1,
                )
            ]
        )
    try:
        month = dt.date(int(match["year"]), int(match["month"]), 1)
    except ValueError:
        raise FilesRejected(
            [LineError(source.label, "the file name's month is not a month.")]
        ) from None
    columns = HEADERS[kind]
    con.execute("DROP TABLE IF EXISTS raw")
    try:
        con.execute(
            "CREATE TEMP TABLE raw AS SELECT * FROM read_csv(?, header = true, "
            "auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
            "strict_mode = true, null_padding = false, ignore_errors = false, columns = ?)",
            [str(source.path), {c: "VARCHAR" for c in columns}],
        )
    except duckdb.Error as exc:
        raise FilesRejected([_csv_error(source, exc, columns)]) from None
    result = FileResult(
        source=source,
        kind=kind,
        force=match["force"],
        month=month,
        data_rows=con.execute("SELECT count(*) FROM raw").fetchone()[0],
    )
    READERS[kind](con, result)
    con.execute("DROP TABLE raw")
    return result


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
    first = text.splitlines()[0] if text else type(exc).__name__
    first = re.sub(r"^[A-Za-z ]*Error: ", "", first)
    return LineError(
        source.label,
        f"could not be read as a police.uk CSV file: {first}",
        row=row,
    )


# DuckDB's rowid follows the file's order: data row n (from 0) is on line n + 2 (the published
# files have no line breaks inside values).
_SET_ASIDE = "SELECT reason, count(*) FROM (SELECT {case} AS reason FROM raw) WHERE reason IS NOT NULL GROUP BY reason"


def _set_aside(con, result: FileResult, case: str) -> None:
    # ``case`` is built here from constants and the file's month, never from the file's text.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE kept AS "  # noqa: S608
        f"SELECT rowid + 2 AS _line, * FROM raw WHERE ({case}) IS NULL"
    )
    for reason, count in con.execute(_SET_ASIDE.format(case=case)).fetchall():
        result.set_aside[reason] = count


def _sql(text: str) -> str:
    """A constant as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _other_month(result: FileResult) -> str:
    return f"WHEN \"Month\" IS DISTINCT FROM '{result.month:%Y-%m}' THEN {_sql(OTHER_MONTH)}"


def _read_street(con, result: FileResult) -> None:
    case = (
        f"CASE {_other_month(result)} "
        f'WHEN "LSOA code" IS NULL THEN {_sql(NO_LOCATION)} '
        f'WHEN "Crime type" IS NULL THEN {_sql(NO_CRIME_TYPE)} END'
    )
    _set_aside(con, result, case)
    result.street_counts = con.execute(
        'SELECT "LSOA code", coalesce(max("LSOA name"), \'\'), "Crime type", count(*) '
        "FROM kept GROUP BY 1, 3 ORDER BY 1, 3"
    ).fetchall()
    result.street_outcomes = con.execute(
        'SELECT "LSOA code", coalesce("Last outcome category", \'\'), count(*) '
        "FROM kept GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()


def _read_outcomes(con, result: FileResult) -> None:
    case = (
        f'CASE {_other_month(result)} WHEN "Outcome type" IS NULL THEN {_sql(NO_OUTCOME_TYPE)} END'
    )
    _set_aside(con, result, case)
    result.outcome_counts = con.execute(
        'SELECT "Outcome type", count(*) FROM kept GROUP BY 1 ORDER BY 1'
    ).fetchall()


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


def _read_stop_search(con, result: FileResult) -> None:
    """Records as published, each checked: a date, booleans and coordinates that do not read
    are errors (with their line and column); a record without a date is set aside.

    The month is the file's: police.uk files searches by local time, so a search at
    23:30 UTC on 31 March in British Summer Time is in the April file."""
    _set_aside(con, result, f'CASE WHEN "Date" IS NULL THEN {_sql(NO_DATE)} END')
    columns = HEADERS[FileKind.STOP_AND_SEARCH]
    cursor = con.execute(
        "SELECT _line, "  # noqa: S608 (the published column names)
        + ", ".join(f'"{c}"' for c in columns)
        + " FROM kept ORDER BY _line"
    )
    errors: list[RowError] = []
    for line, *cells in _rows(cursor):
        values = dict(zip(columns, cells, strict=True))
        record = {"force": result.force, "month": result.month}
        for column, name in STOP_SEARCH_FIELDS.items():
            record[name] = (values[column] or "").strip()
        try:
            occurred = dt.datetime.fromisoformat(values["Date"])
            if occurred.tzinfo is None:
                raise ValueError
            record["occurred_at"] = occurred.astimezone(dt.UTC)
        except ValueError:
            errors.append(_bad(result, line, "Date", "not a date and time with its UTC offset"))
        for column, name in STOP_SEARCH_BOOLEANS.items():
            text = (values[column] or "").strip()
            if text not in BOOLEANS:
                errors.append(_bad(result, line, column, "not True, False or blank"))
            record[name] = BOOLEANS.get(text)
        for column, name in STOP_SEARCH_DECIMALS.items():
            text = (values[column] or "").strip()
            try:
                record[name] = Decimal(text).quantize(SIX_PLACES) if text else None
                if record[name] is not None and abs(record[name]) > 180:
                    raise InvalidOperation
            except InvalidOperation:
                errors.append(_bad(result, line, column, "not a coordinate in degrees"))
        result.stop_searches.append(record)
        if len(errors) >= 20:
            break
    if errors:
        raise FilesRejected(errors)


def _bad(result: FileResult, line: int, column: str, what: str) -> RowError:
    return LineError(result.source.label, f"{what}.", row=line, column=column)


def _rows(cursor, size: int = 10_000) -> Iterator[tuple]:
    while batch := cursor.fetchmany(size):
        yield from batch


READERS = {
    FileKind.STREET: _read_street,
    FileKind.OUTCOMES: _read_outcomes,
    FileKind.STOP_AND_SEARCH: _read_stop_search,
}


def read_all(
    sources: list[Source], *, errors: Iterable[RowError] = (), progress=None
) -> list[FileResult]:
    """Read every file; raises ``FilesRejected`` with ``errors`` and those of every bad file
    (each file is read to its first error), so one run reports all of them."""
    con = duckdb.connect(":memory:")
    results: list[FileResult] = []
    errors = list(errors)
    seen: dict[tuple, str] = {}
    try:
        for source in sources:
            try:
                result = read_file(con, source)
            except FilesRejected as exc:
                errors.extend(exc.errors)
                continue
            if result.key in seen:
                errors.append(
                    LineError(
                        source.label,
                        f"the same force, month and kind as {seen[result.key]}: give one of them.",
                    )
                )
                continue
            seen[result.key] = source.label
            results.append(result)
            if progress is not None:
                progress(result)
    finally:
        con.close()
    if errors:
        raise FilesRejected(errors)
    return results


def district_name(lsoa_name: str) -> str:
    """The district an LSOA lies in, from its name: "Cambridge 007B" → "Cambridge"."""
    return re.sub(r"\s+\d{3}[A-Z]$", "", lsoa_name.strip())
