"""Every force's street crime by LSOA, crime type and last outcome category, and every force's
stop-and-search records, kept as Parquet files for DuckDB (``POLICEUK_STORE``). A national
archive is millions of such rows a year, more than the pages need from the database (district
counts for every force; LSOA counts and stop-and-search records for the office's own force).
Read them with DuckDB, for example::

    SELECT month, sum(count) FROM read_parquet('var/policeuk/street/*.parquet')
    WHERE force = 'kent' GROUP BY month ORDER BY month

Each import run writes one file per kind, ``street/run-<run>.parquet`` and
``stop_and_search/run-<run>.parquet``, with ``force`` and ``month`` ('YYYY-MM') columns. Which
file holds a force-month is recorded in the database (``ForceMonth.stored_in``), so a
force-month is never in two files: when an import brings a force-month again, the files holding
it are replaced, their other force-months copied into the new run's file. Monthly imports of
new months copy nothing; re-importing a month copies the rest of the file that held it.

The files are written before the import's transaction commits, and the files they replace are
deleted after it has; if it fails, its own files are deleted. Imports take a lock on the store
(a ``.lock`` file, with ``flock``) for all of that, so two never write it at once; and each
first deletes the files no force-month is recorded in, which an import stopped outright (the
process killed) can leave behind. So while no import is running, every file in a folder is
live and a force-month is in one of them.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import FileKind, ForceMonth

logger = logging.getLogger(__name__)

KINDS = {FileKind.STREET: "street", FileKind.STOP_AND_SEARCH: "stop_and_search"}


def root(kind: str) -> Path:
    return Path(settings.POLICEUK_STORE) / KINDS[kind]


def run_file(kind: str, run_pk: int) -> Path:
    return root(kind) / f"run-{run_pk}.parquet"


@contextmanager
def locked() -> Iterator[None]:
    """Hold the store's lock: other imports wait for it."""
    folder = Path(settings.POLICEUK_STORE)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def holders(kind: str, where) -> set[int]:
    """The runs whose files hold the force-months ``where`` selects (a ``Q``)."""
    rows = ForceMonth.objects.filter(where, kind=kind, stored_in__isnull=False)
    return set(rows.values_list("stored_in", flat=True).distinct())


def tidy(kind: str) -> None:
    """Delete the kind's files that hold no recorded force-month: those of a run that did not
    commit, or that a committed run replaced but was stopped before deleting. Call it holding
    the lock, outside an import's transaction (inside one, the force-months it has deleted would
    make the files that hold them look unused)."""
    folder = root(kind)
    if not folder.is_dir():
        return
    live = set(
        ForceMonth.objects.filter(kind=kind, stored_in__isnull=False)
        .values_list("stored_in", flat=True)
        .distinct()
    )
    for path in folder.glob("run-*.parquet"):
        number = path.stem.removeprefix("run-")
        if not number.isdigit() or int(number) not in live:
            path.unlink(missing_ok=True)


def publish(staged, *, kind: str, sql: str, run, replaced: set[int], written: list[Path]) -> Path:
    """Write the run's file of ``kind``: ``sql`` (a query of the staged tables with ``force``
    and ``month`` columns) and, from the files of the ``replaced`` runs (those that held a
    force-month this run imports), every force-month this run does not import. Records the
    file as holding the force-months copied (the run's own are recorded as its import makes
    them); the replaced files are deleted when the import commits. The file written is added
    to ``written``, for the caller to delete if the import fails. Call it holding the lock,
    after ``tidy``."""
    replaced = replaced - {run.pk}
    found = {pk for pk in replaced if run_file(kind, pk).exists()}
    if replaced - found:
        # A file the database names is gone: what it held is no longer in the store (import
        # those months again to have it back); the database stops naming it.
        logger.warning(
            "Parquet files of import runs %s are missing from %s",
            sorted(replaced - found),
            root(kind),
        )
        ForceMonth.objects.filter(kind=kind, stored_in__in=replaced - found).update(stored_in=None)
    earlier = [run_file(kind, pk) for pk in sorted(found)]
    query = sql
    if earlier:
        paths = ", ".join("'" + str(p).replace("'", "''") + "'" for p in earlier)
        query = (
            f"{sql} UNION ALL BY NAME SELECT * FROM read_parquet([{paths}]) AS kept "  # noqa: S608
            f"WHERE NOT EXISTS (SELECT 1 FROM files WHERE files.kind = '{kind}' "
            "AND files.force = kept.force AND files.month_text = kept.month)"
        )
    target = run_file(kind, run.pk)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    try:
        staged.query(f"COPY ({query}) TO '{partial}' (FORMAT parquet)")  # noqa: S608
        partial.rename(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    written.append(target)
    if found:
        ForceMonth.objects.filter(kind=kind, stored_in__in=found).update(stored_in=run)
    transaction.on_commit(lambda: _remove(earlier), robust=True)
    return target


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
