# ruff: noqa: S608 -- the SQL here is built from constants, column names and file paths of
# the import itself, never from the text of the files read.
"""Staging a police.uk import in DuckDB: every file checked, read and aggregated before anything
is written to PlanWatch's database.

``stage(sources)`` returns a ``Staged`` import. It checks each file's name, header and last line
(``checks.file_check``), then reads the files of each kind with DuckDB, about ``BATCH_BYTES``
of them per query (DuckDB reads a batch's files in parallel), into tables of a DuckDB database
in the staging folder: stored compressed on disk, with DuckDB's memory capped at
``MEMORY_LIMIT``. Reading in batches keeps the grouping's memory the same however many files
there are:

- ``street``: data rows grouped by file × LSOA × crime type × last outcome category, with why
  rows were set aside (``reason``), so per-file counts and the kept aggregates come from one
  read; and ``lsoas``, each LSOA's name and district;
- ``outcomes``: grouped by file × outcome type × reason;
- ``stop_and_search``: stop-and-search records as published.

Rows are grouped as they are read (by ``file_index``, each file's place in its kind's list;
a group never spans files), so the raw rows are never held. Each table names its file by that place (``idx``) and carries
the file's force and month, so what is written needs no further join to ``files``; the writer
streams what is kept out of the tables (``services.policeuk_import``).

When a query fails (a damaged file) or a record does not read (a bad date, boolean or
coordinate), the files concerned are read again one by one with ``reading.problems_find``, which
names the file, line and column of each problem. Nothing has been written at that point.
"""

from __future__ import annotations

import logging
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from planwatch.performance.imports import RowError

from .checks import HEADERS, CheckedFile, files_check
from .models import FileKind
from .reading import (
    NO_CRIME_TYPE,
    NO_DATE,
    NO_LOCATION,
    NO_OUTCOME_TYPE,
    OTHER_MONTH,
    STOP_SEARCH_BOOLEANS,
    STOP_SEARCH_DECIMALS,
    STOP_SEARCH_FIELDS,
    problems_find,
)
from .sources import FileResult, FilesRejected, LineError, Source

logger = logging.getLogger(__name__)

MEMORY_LIMIT = "256MB"
# Files are read and grouped this many bytes at a time (see ``_read``).
BATCH_BYTES = 256 * 1024 * 1024
# DuckDB's LSOA-name → district rule, the same as ``reading.district_name``.
DISTRICT_SQL = "regexp_replace(trim(lsoa_name), '\\s+\\d{3}[A-Z]$', '')"
READ_CSV = (
    "read_csv(?, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
    "strict_mode = true, null_padding = false, ignore_errors = false, columns = ?)"
)


def _sql(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Staged:
    """An import read and checked, ready to write. ``results`` has one ``FileResult`` per file
    (its rows and what was set aside, no rows); the rows are in the DuckDB tables of ``con``."""

    con: duckdb.DuckDBPyConnection
    results: list[FileResult]
    workdir: Path
    _closer: Callable[[], None] = field(repr=False, default=lambda: None)

    def kinds(self) -> set[str]:
        return {r.kind for r in self.results}

    def close(self) -> None:
        self.con.close()
        self._closer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- what is kept, streamed in order -------------------------------------------------------

    def query(self, sql: str) -> duckdb.DuckDBPyConnection:
        return self.con.execute(sql)

    def lsoas(self) -> list[tuple[str, str, str]]:
        """(code, name, district name) of every LSOA in the street files."""
        if FileKind.STREET not in self.kinds():
            return []
        return self.con.execute("SELECT lsoa_code, name, district FROM lsoas ORDER BY 1").fetchall()


def stage(
    sources: list[Source],
    *,
    errors: Iterable[RowError] = (),
    progress: Callable[[str, int, int], None] | None = None,
    workdir: Path | None = None,
) -> Staged:
    """Check and read every file; raises ``FilesRejected`` with ``errors`` and every file's
    problems, so one run reports all of them."""
    errors = list(errors)
    checked, found = files_check(sources, progress=progress)
    errors.extend(found)
    if errors:
        raise FilesRejected(errors)
    if workdir is None:
        scratch = tempfile.TemporaryDirectory(prefix="policeuk-stage-")
        workdir, closer = Path(scratch.name), scratch.cleanup
    else:
        closer = lambda: None  # noqa: E731
    con = duckdb.connect(str(workdir / "staging.duckdb"))
    staged = Staged(con=con, results=[], workdir=workdir, _closer=closer)
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute(f"SET temp_directory = {_sql(str(workdir / 'spill'))}")
        con.execute("SET preserve_insertion_order = false")
        con.execute("SET TimeZone = 'UTC'")
        # The staging database is deleted when the import ends: no point writing it out first.
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        by_kind: dict[str, list[CheckedFile]] = defaultdict(list)
        for file in checked:
            by_kind[file.kind].append(file)
        _files_table(con, checked)
        for kind in (FileKind.STREET, FileKind.OUTCOMES, FileKind.STOP_AND_SEARCH):
            files = by_kind.get(kind, [])
            if progress is not None and files:
                progress(f"Reading {len(files)} {kind.label.lower()} files", 0, len(files))
            errors.extend(STAGERS[kind](con, files))
        if errors:
            raise FilesRejected(errors)
        staged.results = _results(con, checked)
    except BaseException:
        staged.close()
        raise
    return staged


def _files_table(con, checked: list[CheckedFile]) -> None:
    """The files, with their force and month, and their place (``idx``) in their kind's list,
    which DuckDB gives each row read as ``file_index``."""
    position: dict[str, int] = defaultdict(int)
    rows = []
    for f in checked:
        rows.append((f.kind, position[f.kind], f.force, f.month))
        position[f.kind] += 1
    columns = list(zip(*rows, strict=True)) if rows else [[]] * 4
    con.execute(
        "CREATE OR REPLACE TABLE files AS SELECT *, strftime(month, '%Y-%m') AS month_text "
        "FROM (SELECT unnest(?::VARCHAR[]) AS kind, unnest(?::INTEGER[]) AS idx, "
        "unnest(?::VARCHAR[]) AS force, unnest(?::DATE[]) AS month)",
        [list(c) for c in columns],
    )


def _batches(files: list[CheckedFile]) -> Iterator[tuple[int, list[CheckedFile]]]:
    """The files in runs of about ``BATCH_BYTES`` (at least one file each), with the place of
    each run's first file in the list."""
    start, size = 0, 0
    for number, file in enumerate(files):
        size += file.source.path.stat().st_size
        if size >= BATCH_BYTES or number == len(files) - 1:
            yield start, files[start : number + 1]
            start, size = number + 1, 0


def _read(con, files: list[CheckedFile], kind: str, grouped: str, select: str) -> list[RowError]:
    """Read the kind's files, a batch of about ``BATCH_BYTES`` at a time: ``grouped`` (a query
    of ``src``, the rows as read, with ``file_index``), then the file's ``idx``, force and month
    and the columns ``select`` (of ``g``, its result, joined to ``files``); on a read error, the
    files' own problems, found by reading each alone. Groups never span files, so grouping a
    batch at a time gives the same rows as grouping them all, in memory that does not grow with
    the number of files."""
    if not files:
        return []
    columns = {c: "VARCHAR" for c in HEADERS[kind]}
    errors: list[RowError] = []
    created = False
    for start, batch in _batches(files):
        paths = [str(f.source.path) for f in batch]
        write = f"INSERT INTO {kind}" if created else f"CREATE OR REPLACE TABLE {kind} AS"
        try:
            con.execute(
                f"{write} WITH src AS (SELECT file_index + {start} AS file_index, * "
                f"FROM {READ_CSV}), g AS ({grouped}) "
                f"SELECT files.idx, files.force, files.month, files.month_text, {select} FROM g "
                f"JOIN files ON files.kind = '{kind}' AND files.idx = g.file_index",
                [paths, columns],
            )
            created = True
        except duckdb.Error as error:
            # Every batch is read, so that one run reports every damaged file.
            located = _located(batch)
            if not located:
                # No file's own problem explains it: keep DuckDB's words for whoever looks.
                logger.warning("DuckDB could not read the %s files: %s", kind, error)
                located = [
                    LineError(batch[0].source.label, "could not be read as police.uk CSV files.")
                ]
            errors.extend(located)
    return errors


def _located(files: list[CheckedFile]) -> list[RowError]:
    """Each file read alone, to name the line and column of its first problem."""
    errors: list[RowError] = []
    con = duckdb.connect(":memory:")
    try:
        for file in files:
            errors.extend(problems_find(con, file))
    finally:
        con.close()
    return errors


def _other_month() -> str:
    return f"WHEN g.month_text IS DISTINCT FROM files.month_text THEN {_sql(OTHER_MONTH)}"


def _stage_street(con, files: list[CheckedFile]) -> list[RowError]:
    grouped = (
        'SELECT file_index, "Month" AS month_text, "LSOA code" AS lsoa_code, '
        '"LSOA name" AS lsoa_name, "Crime type" AS crime_type, '
        "coalesce(\"Last outcome category\", '') AS category, count(*)::BIGINT AS n "
        "FROM src GROUP BY ALL"
    )
    select = (
        f"CASE {_other_month()} "
        f"WHEN g.lsoa_code IS NULL THEN {_sql(NO_LOCATION)} "
        f"WHEN g.crime_type IS NULL THEN {_sql(NO_CRIME_TYPE)} END AS reason, "
        "g.lsoa_code, g.lsoa_name, g.crime_type, g.category, g.n"
    )
    errors = _read(con, files, FileKind.STREET, grouped, select)
    if files and not errors:
        # The district rule runs once per LSOA, not once per row.
        con.execute(
            "CREATE OR REPLACE TABLE lsoas AS SELECT lsoa_code, name, "
            f"{DISTRICT_SQL.replace('lsoa_name', 'name')} AS district FROM ("
            "SELECT lsoa_code, max(lsoa_name) AS name FROM street "
            "WHERE reason IS NULL AND lsoa_name IS NOT NULL GROUP BY 1)"
        )
    return errors


def _stage_outcomes(con, files: list[CheckedFile]) -> list[RowError]:
    grouped = (
        'SELECT file_index, "Month" AS month_text, "Outcome type" AS outcome_type, '
        "count(*)::BIGINT AS n FROM src GROUP BY ALL"
    )
    select = (
        f"CASE {_other_month()} "
        f"WHEN g.outcome_type IS NULL THEN {_sql(NO_OUTCOME_TYPE)} END AS reason, "
        "g.outcome_type, g.n"
    )
    return _read(con, files, FileKind.OUTCOMES, grouped, select)


# Stop-and-search values that do not read (``reading`` says how, per row, when one does not).
_DATE = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})$"


def _unreadable(column: str) -> str:
    value = f'trim(src."{column}")'
    if column == "Date":
        return f"NOT regexp_matches({value}, '{_DATE}') OR try_cast({value} AS TIMESTAMPTZ) IS NULL"
    if column in STOP_SEARCH_BOOLEANS:
        return f"{value} NOT IN ('True', 'False', '')"
    degrees = f"try_cast({value} AS DECIMAL(9, 6))"
    return f"{value} <> '' AND ({degrees} IS NULL OR abs({degrees}) > 180)"


def _stage_searches(con, files: list[CheckedFile]) -> list[RowError]:
    """Records as published; a record without a date is set aside, one whose date, booleans or
    coordinates do not read makes the file's problems be located (and nothing imported)."""
    fields = ", ".join(f'trim(src."{c}") AS {name}' for c, name in STOP_SEARCH_FIELDS.items())
    booleans = ", ".join(
        f"CASE trim(src.\"{c}\") WHEN 'True' THEN true WHEN 'False' THEN false END AS {name}"
        for c, name in STOP_SEARCH_BOOLEANS.items()
    )
    decimals = ", ".join(
        f'try_cast(trim(src."{c}") AS DECIMAL(9, 6)) AS {name}'
        for c, name in STOP_SEARCH_DECIMALS.items()
    )
    columns = ["Date", *STOP_SEARCH_BOOLEANS, *STOP_SEARCH_DECIMALS]
    bad = " OR ".join(f'(src."{c}" IS NOT NULL AND ({_unreadable(c)}))' for c in columns)
    records = (
        "SELECT file_index, "
        f'CASE WHEN src."Date" IS NULL THEN {_sql(NO_DATE)} END AS reason, ({bad}) AS bad, '
        "strftime(try_cast(src.\"Date\" AS TIMESTAMPTZ) AT TIME ZONE 'UTC', "
        "'%Y-%m-%d %H:%M:%S') AS occurred_at, "
        f"{fields}, {booleans}, {decimals} FROM src"
    )
    errors = _read(con, files, FileKind.STOP_AND_SEARCH, records, "g.* EXCLUDE (file_index)")
    if errors or not files:
        return errors
    bad = {
        idx
        for (idx,) in con.execute(
            "SELECT DISTINCT idx FROM stop_and_search WHERE bad AND reason IS NULL"
        ).fetchall()
    }
    if bad:
        return _located([f for i, f in enumerate(files) if i in bad])
    return []


STAGERS = {
    FileKind.STREET: _stage_street,
    FileKind.OUTCOMES: _stage_outcomes,
    FileKind.STOP_AND_SEARCH: _stage_searches,
}
TABLES = {kind: kind.value for kind in FileKind}


def _results(con, checked: list[CheckedFile]) -> list[FileResult]:
    """One ``FileResult`` per file: its data rows and the rows set aside by reason."""
    rows: Counter = Counter()
    set_aside: dict[tuple[str, int], Counter] = defaultdict(Counter)
    for kind in {f.kind for f in checked}:
        table = TABLES[kind]
        count = "n" if kind != FileKind.STOP_AND_SEARCH else "1"
        for idx, reason, n in con.execute(
            f"SELECT idx, reason, sum({count})::BIGINT FROM {table} GROUP BY ALL"  # noqa: S608
        ).fetchall():
            rows[(kind, idx)] += n
            if reason is not None:
                set_aside[(kind, idx)][reason] += n
    results = []
    position: Counter = Counter()
    for f in checked:
        key = (f.kind, position[f.kind])
        position[f.kind] += 1
        results.append(
            FileResult(
                source=f.source,
                kind=f.kind,
                force=f.force,
                month=f.month,
                data_rows=rows[key],
                set_aside=set_aside[key],
            )
        )
    return results


def batches(cursor, size: int = 50_000) -> Iterator[list[tuple]]:
    while batch := cursor.fetchmany(size):
        yield batch
