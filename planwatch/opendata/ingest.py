# ruff: noqa: S608 -- the SQL here is built from constants, column names and file paths of
# the import itself, never from the text of the files read.
"""Staging a police.uk import in DuckDB: every file checked, read and aggregated, and a file
that cannot be read named, before the import commits anything.

``stage(sources)`` checks each file's name, header and last line (``checks.file_check``), reads
the street crime, and starts reading the other kinds in a thread of its own; it returns a
``Staged`` import, whose ``finish`` waits for them. The writer (``services.policeuk_import``)
writes street crime meanwhile, inside its transaction, and calls ``finish`` before the rest: a
file found damaged then undoes it all. Reading and writing overlap, so the import takes little
longer than the reading.

The files of each kind are read with DuckDB a batch at a time (``duckdb_read``), with DuckDB's
memory capped at ``MEMORY_LIMIT``. Reading in batches keeps the grouping's memory the same
however many files there are:

- street crime: data rows grouped by file × LSOA × crime type × last outcome category, with why
  rows were set aside (``reason``). Each batch's groups, while in memory, go to a Parquet file of
  the kept rows (``Staged.parts``, which become the import run's part of the Parquet
  store: ``store``), to ``street_files`` (rows per file and reason) and to ``lsoa_names``; then
  ``lsoas`` holds each LSOA's name and district;
- ``outcomes``: grouped by file × outcome type × reason;
- ``stop_and_search``: stop-and-search records as published (``ingest_searches``).

The tables are in a DuckDB database in the staging folder, stored compressed on disk. Rows are
grouped as they are read (by ``file_index``, each file's place in its kind's list; a group never
spans files), so the raw rows are never held. Each table names its file by that place (``idx``)
and carries the file's force and month, so what is written needs no further join to ``files``.

When a query fails (a damaged file) or a record does not read (a bad date, boolean or
coordinate), the files concerned are read again one by one (``duckdb_read.located``), to name
the file, line and column of each problem.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from planwatch.performance.imports import RowError

from . import store
from .checks import CheckedFile, files_check
from .duckdb_read import interrupted, literal, nul_errors, read
from .ingest_searches import stage_searches
from .models import FileKind
from .reading import NO_CRIME_TYPE, NO_LOCATION, NO_OUTCOME_TYPE, OTHER_MONTH
from .sources import FileResult, FilesRejected, Source
from .workdirs import PREFIX, working_folder

logger = logging.getLogger(__name__)

MEMORY_LIMIT = "256MB"
# DuckDB's LSOA-name → district rule, the same as ``reading.district_name``.
DISTRICT_SQL = "regexp_replace(trim(lsoa_name), '\\s+\\d{3}[A-Z]$', '')"


@dataclass
class Staged:
    """An import checked and being read (``stage``). The rows are in the DuckDB tables of
    ``con`` and, for street crime, in Parquet files (``parts``). ``stage`` reads the
    street crime; the other kinds are read in a thread of their own meanwhile, so the caller can
    write street crime as they are read. ``finish`` waits for them: it raises
    ``FilesRejected`` if a file could not be read, and sets ``results``, one ``FileResult`` per
    file (its rows and what was set aside)."""

    con: duckdb.DuckDBPyConnection
    workdir: Path
    checked: list[CheckedFile] = field(default_factory=list)
    results: list[FileResult] = field(default_factory=list)
    # The kept rows of street crime and of searches, as Parquet files, written once: street
    # crime's a batch at a time as it is read, the searches' when they have been.
    parts: dict[str, list[Path]] = field(default_factory=lambda: defaultdict(list))
    # Set by ``close``: the reading stops at its next batch or file.
    stop: threading.Event = field(default_factory=threading.Event)
    _errors: list[RowError] = field(default_factory=list)
    # The kinds being read in the background: (kind, files, their problems to come).
    _reading: list[tuple[str, int, Future]] = field(default_factory=list)
    _reader: duckdb.DuckDBPyConnection | None = None
    _pool: ThreadPoolExecutor | None = None
    _closer: Callable[[], None] = field(repr=False, default=lambda: None)

    def kinds(self) -> set[str]:
        return {f.kind for f in self.checked}

    def finish(self, progress: Callable[[str, int, int], None] | None = None) -> None:
        """Wait for every kind to be read; raises ``FilesRejected`` with every file's
        problems."""
        for kind, count, future in self._reading:
            if progress is not None:
                progress(_reading(kind, count), 0, count)
            self._errors.extend(future.result())
            if progress is not None:
                progress(_reading(kind, count), count, count)
        self._reading = []
        if self._errors:
            raise FilesRejected(self._errors)
        self.results = _results(self.con, self.checked)

    def close(self) -> None:
        """Stop any reading, and delete what was staged."""
        if self._pool is not None:
            self.stop.set()  # outside a query, the reading stops at its next batch or file
            interrupted(self._reader, [future for _kind, _count, future in self._reading])
            self._pool.shutdown(wait=True)
            self._reader.close()
            self._pool = None
        try:
            self.con.close()
        finally:
            self._closer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- what is kept, streamed in order -------------------------------------------------------

    def query(self, sql: str) -> duckdb.DuckDBPyConnection:
        return self.con.execute(sql)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to the staged tables, for another thread."""
        cursor = self.con.cursor()
        cursor.execute("SET TimeZone = 'UTC'")
        return cursor

    def street(self) -> str:
        """The kept street rows, for a query's FROM: ``force``, ``month`` ('YYYY-MM'),
        ``lsoa_code``, ``crime_type``, ``last_outcome_category`` and ``count``."""
        paths = ", ".join(literal(str(path)) for path in self.parts[FileKind.STREET])
        return f"read_parquet([{paths}])"

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
    """Check every file and read the street crime, and start reading the other kinds in a
    thread of their own (``Staged.finish`` waits for them). Raises ``FilesRejected`` with
    ``errors`` and every file's problems, so one run reports all of them."""
    errors = list(errors)
    checked, found = files_check(sources, progress=progress)
    errors.extend(found)
    if errors:
        raise FilesRejected(errors)
    with ExitStack() as scratch:
        if workdir is None:
            workdir = scratch.enter_context(working_folder(PREFIX + "stage-"))
        con = duckdb.connect(str(workdir / "staging.duckdb"))
        # From here ``Staged.close`` deletes the working folder.
        staged = Staged(con=con, workdir=workdir, checked=checked, _closer=scratch.pop_all().close)
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute(f"SET temp_directory = {literal(str(workdir / 'spill'))}")
        con.execute("SET preserve_insertion_order = false")
        con.execute("SET TimeZone = 'UTC'")
        # The staging database is deleted when the import ends: no point writing it out first.
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        by_kind: dict[str, list[CheckedFile]] = defaultdict(list)
        for file in checked:
            by_kind[file.kind].append(file)
        _files_table(con, checked)
        street = by_kind.get(FileKind.STREET, [])
        files_read = None
        if progress is not None and street:
            label = _reading(FileKind.STREET, len(street))
            progress(label, 0, len(street))
            files_read = lambda done: progress(label, done, len(street))  # noqa: E731
        staged._errors = _stage_street(staged, con, street, files_read=files_read)
        others = [k for k in (FileKind.STOP_AND_SEARCH, FileKind.OUTCOMES) if by_kind.get(k)]
        if others:
            staged._reader = staged.cursor()
            staged._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="policeuk-read")
            staged._reading = [
                (
                    kind,
                    len(by_kind[kind]),
                    staged._pool.submit(STAGERS[kind], staged, staged._reader, by_kind[kind]),
                )
                for kind in others
            ]
        if staged._errors:
            staged.finish(progress)
    except BaseException:
        staged.close()
        raise
    return staged


def _reading(kind: FileKind, count: int) -> str:
    """The progress bar's stage: "Reading 12 outcomes files"."""
    return f"Reading {count} {kind.label.lower()} file{'s' if count != 1 else ''}"


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


def _other_month() -> str:
    return f"WHEN g.month_text IS DISTINCT FROM files.month_text THEN {literal(OTHER_MONTH)}"


# The kept street rows as the Parquet store keeps them (``store``).
STREET_PART = (
    "SELECT force, month_text AS month, lsoa_code, crime_type, "
    "category AS last_outcome_category, n::INTEGER AS count FROM batch WHERE reason IS NULL"
)


def _stage_street(
    staged: Staged,
    con,
    files: list[CheckedFile],
    *,
    files_read: Callable[[int], None] | None = None,
) -> list[RowError]:
    """Street crime, grouped by file × LSOA × crime type × last outcome category. Each batch's
    groups are used while they are in memory: the kept ones go to a Parquet file
    (``Staged.parts``: later the import run's part of the store, and what the counts in
    the database are made from); the rows per file and reason to ``street_files``; and the
    LSOAs' names to ``lsoa_names``."""
    con.execute("CREATE OR REPLACE TABLE street_files (idx INTEGER, reason VARCHAR, n BIGINT)")
    con.execute("CREATE OR REPLACE TABLE lsoa_names (lsoa_code VARCHAR, name VARCHAR)")
    folder = staged.workdir / "street"
    folder.mkdir(exist_ok=True)

    def each_batch(number: int) -> None:
        part = folder / f"part-{number}.parquet"
        con.execute(f"COPY ({STREET_PART}) TO {literal(str(part))} ({store.PARQUET})")
        staged.parts[FileKind.STREET].append(part)
        con.execute("INSERT INTO street_files SELECT idx, reason, sum(n) FROM batch GROUP BY ALL")
        con.execute(
            "INSERT INTO lsoa_names SELECT DISTINCT lsoa_code, lsoa_name FROM batch "
            "WHERE reason IS NULL AND lsoa_name IS NOT NULL"
        )

    grouped = (
        'SELECT file_index, "Month" AS month_text, "LSOA code" AS lsoa_code, '
        '"LSOA name" AS lsoa_name, "Crime type" AS crime_type, '
        "coalesce(\"Last outcome category\", '') AS category, count(*)::BIGINT AS n "
        "FROM src GROUP BY ALL"
    )
    select = (
        f"CASE {_other_month()} "
        f"WHEN g.lsoa_code IS NULL THEN {literal(NO_LOCATION)} "
        f"WHEN g.crime_type IS NULL THEN {literal(NO_CRIME_TYPE)} END AS reason, "
        "g.lsoa_code, g.lsoa_name, g.crime_type, g.category, g.n"
    )
    errors = read(
        con,
        files,
        FileKind.STREET,
        grouped,
        select,
        each_batch=each_batch,
        files_read=files_read,
        stop=staged.stop,
    )
    if files and not errors:
        # An LSOA's name is the greatest it is given; the district rule runs once per LSOA.
        con.execute(
            "CREATE OR REPLACE TABLE lsoas AS SELECT lsoa_code, name, "
            f"{DISTRICT_SQL.replace('lsoa_name', 'name')} AS district FROM ("
            "SELECT lsoa_code, max(name) AS name FROM lsoa_names GROUP BY 1)"
        )
        errors = nul_errors(
            con,
            files,
            f"SELECT DISTINCT files.idx FROM {staged.street()} AS p JOIN files "
            "ON files.kind = 'street' AND files.force = p.force AND files.month_text = p.month "
            "WHERE contains(p.crime_type, chr(0)) OR contains(p.last_outcome_category, chr(0)) "
            "OR p.lsoa_code IN (SELECT lsoa_code FROM lsoas "
            "WHERE contains(lsoa_code, chr(0)) OR contains(name, chr(0)))",
        )
    return errors


def _stage_outcomes(staged: Staged, con, files: list[CheckedFile]) -> list[RowError]:
    grouped = (
        'SELECT file_index, "Month" AS month_text, "Outcome type" AS outcome_type, '
        "count(*)::BIGINT AS n FROM src GROUP BY ALL"
    )
    select = (
        f"CASE {_other_month()} "
        f"WHEN g.outcome_type IS NULL THEN {literal(NO_OUTCOME_TYPE)} END AS reason, "
        "g.outcome_type, g.n"
    )
    errors = read(con, files, FileKind.OUTCOMES, grouped, select, stop=staged.stop)
    if files and not errors:
        errors = nul_errors(
            con, files, "SELECT DISTINCT idx FROM outcomes WHERE contains(outcome_type, chr(0))"
        )
    return errors


STAGERS = {
    FileKind.STREET: _stage_street,
    FileKind.OUTCOMES: _stage_outcomes,
    FileKind.STOP_AND_SEARCH: stage_searches,
}
# Rows read per file and reason: street's per file, the others' by group or record.
TABLES = {
    FileKind.STREET: "street_files",
    FileKind.OUTCOMES: FileKind.OUTCOMES.value,
    FileKind.STOP_AND_SEARCH: FileKind.STOP_AND_SEARCH.value,
}


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
