# ruff: noqa: S608 -- the SQL here is built from constants, column names and file paths of
# the import itself, never from the text of the files read.
"""Reading police.uk CSV files with DuckDB, a batch of files at a time (``ingest`` says what
is made of them).

``read`` reads a kind's files about ``BATCH_BYTES`` at a time, one query per batch (DuckDB reads
a batch's files in parallel), grouping the rows as they are read; a group never spans files, so
the batches give the same rows as one query over them all, in memory that does not grow with
the number of files. When a batch's query fails, ``located`` reads each of its files alone
(``reading.problems_find``) to name the file, line and column of each problem, and the other
batches are still read, so that one run reports every damaged file. Setting ``stop`` (an event)
stops the reading at its next batch or file (``ReadStopped``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, wait

import duckdb

from planwatch.performance.imports import RowError

from .checks import HEADERS, CheckedFile
from .reading import nul_found, problems_find
from .sources import LineError

logger = logging.getLogger(__name__)

# Files are read and grouped this many bytes at a time.
BATCH_BYTES = 256 * 1024 * 1024
READ_CSV = (
    "read_csv(?, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
    "strict_mode = true, null_padding = false, ignore_errors = false, columns = ?)"
)


def literal(text) -> str:
    """``text`` (or a path) as an SQL string literal, for DuckDB and PostgreSQL alike."""
    return "'" + str(text).replace("'", "''") + "'"


def nul_errors(con, files: list[CheckedFile], sql: str) -> list[RowError]:
    """The files whose kept values hold a NUL byte (``sql`` gives their places, ``idx``): a
    damaged file, whose values PostgreSQL would refuse and SQLite would keep as they are. Only
    the values kept are looked at, which costs little; the other fields are never stored."""
    return [nul_found(files[idx]) for (idx,) in sorted(con.execute(sql).fetchall())]


def batches_of(files: list[CheckedFile]) -> Iterator[tuple[int, list[CheckedFile]]]:
    """The files in runs of about ``BATCH_BYTES`` (at least one file each), with the place of
    each run's first file in the list."""
    start, size = 0, 0
    for number, file in enumerate(files):
        size += file.source.path.stat().st_size
        if size >= BATCH_BYTES or number == len(files) - 1:
            yield start, files[start : number + 1]
            start, size = number + 1, 0


def read(
    con,
    files: list[CheckedFile],
    kind: str,
    grouped: str,
    select: str,
    *,
    each_batch: Callable[[int], None] | None = None,
    files_read: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
) -> list[RowError]:
    """Read the kind's files, a batch of about ``BATCH_BYTES`` at a time: ``grouped`` (a query
    of ``src``, the rows as read, with ``file_index``), then the file's ``idx``, force and month
    and the columns ``select`` (of ``g``, its result, joined to ``files``), into the table named
    after the kind; or, with ``each_batch``, into the in-memory table ``batch`` (replaced each
    batch), calling ``each_batch(number)`` after each. On a read error, the files' own problems,
    found by reading each alone. Groups never span files, so grouping a batch at a time gives
    the same rows as grouping them all, in memory that does not grow with the number of
    files. ``files_read(n)`` is told after each batch how many files have been read. Raises
    ``ReadStopped`` once ``stop`` is set."""
    if not files:
        return []
    columns = {c: "VARCHAR" for c in HEADERS[kind]}
    errors: list[RowError] = []
    created = False
    for number, (start, batch) in enumerate(batches_of(files)):
        _stopped(stop)
        paths = [str(f.source.path) for f in batch]
        if each_batch is not None:
            write = "CREATE OR REPLACE TEMP TABLE batch AS"
        else:
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
        except (duckdb.InterruptException, duckdb.OutOfMemoryException):
            raise
        except duckdb.Error as error:
            # Every batch is read, so that one run reports every damaged file.
            found = located(batch, stop=stop)
            if not found:
                # No file's own problem explains it: keep DuckDB's words for whoever looks.
                logger.warning("DuckDB could not read the %s files: %s", kind, error)
                found = [
                    LineError(batch[0].source.label, "could not be read as police.uk CSV files.")
                ]
            errors.extend(found)
        else:
            if each_batch is not None and not errors:
                each_batch(number)
        if files_read is not None:
            files_read(start + len(batch))
    if each_batch is not None:
        con.execute("DROP TABLE IF EXISTS batch")
    return errors


class ReadStopped(Exception):
    """The reading was stopped (``Staged.close``) before its end."""


def _stopped(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise ReadStopped


def located(files: list[CheckedFile], *, stop: threading.Event | None = None) -> list[RowError]:
    """Each file read alone, to name the line and column of its first problem."""
    errors: list[RowError] = []
    con = duckdb.connect(":memory:")
    try:
        for file in files:
            _stopped(stop)
            errors.extend(problems_find(con, file))
    finally:
        con.close()
    return errors


def interrupted(cursor, futures: list[Future]) -> None:
    """Cancel the ``futures`` not yet started, and interrupt ``cursor``'s query until the rest
    have ended: DuckDB forgets an interrupt that comes between two queries."""
    for future in futures:
        future.cancel()
    while not all(future.done() for future in futures):
        cursor.interrupt()
        wait(futures, timeout=0.05)
