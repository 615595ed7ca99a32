"""Every force's street crime by LSOA, crime type and last outcome category, and every force's
stop-and-search records, kept as Parquet files for DuckDB (``POLICEUK_STORE``). A national
archive is millions of such rows a year, more than the pages need from the database (district
counts for every force; LSOA counts and stop-and-search records for the office's own force).
Read them with DuckDB, for example::

    SELECT month, sum(count) FROM read_parquet('var/policeuk/street/*/*.parquet')
    WHERE force = 'kent' GROUP BY month ORDER BY month

Each import run writes one folder per kind, ``street/run-<run>/`` and
``stop_and_search/run-<run>/``, of Parquet files (``part-<n>.parquet``) with ``force`` and
``month`` ('YYYY-MM') columns: the files the import's reading wrote (``ingest``), moved in, so
the rows are encoded once. Which run's folder holds a force-month is recorded in the database (``ForceMonth.stored_in``), so a force-month is never in two folders:
when an import brings a force-month again, the folders holding it are replaced, their other
force-months copied into the new run's folder. Monthly imports of new months copy nothing;
re-importing a month copies the rest of the folder that held it.

The folders are put together in ``.incoming/`` and renamed into place before the import's
transaction commits, and the folders they replace are deleted after it has; if it fails, its
own folders are deleted. Imports take a lock on the store (a ``.lock`` file, with ``flock``) for
all of that, so two never write it at once; and each first deletes the folders no force-month
is recorded in, and ``.incoming/``, which an import stopped outright (the process killed) can
leave behind. So while no import is running, every folder is live and a force-month is in one
of them.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import re
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .duckdb_read import literal
from .models import FileKind, ForceMonth

logger = logging.getLogger(__name__)

KINDS = {FileKind.STREET: "street", FileKind.STOP_AND_SEARCH: "stop_and_search"}
# How the files are written (DuckDB's COPY options). A column with more distinct values than
# this in a row group (the LSOA codes of a national import; not those of one force) is written
# plain rather than as a dictionary: a fifth less time to write, for about a quarter more space.
PARQUET = "FORMAT parquet, DICTIONARY_SIZE_LIMIT 1000"


def root(kind: str) -> Path:
    return Path(settings.POLICEUK_STORE) / KINDS[kind]


def run_folder(kind: str, run_pk: int) -> Path:
    return root(kind) / f"run-{run_pk}"


def incoming() -> Path:
    """Where a run's folders are put together, beside the kinds' folders (so that a reader of
    ``street/*/*.parquet`` never sees one half-written) and on their file system (so that a
    finished one is renamed into place)."""
    return Path(settings.POLICEUK_STORE) / ".incoming"


# A run's folder (or a run's file, in the layout before folders).
RUN_NAME = re.compile(r"^run-(\d+)(\.parquet)?$")


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
    """Delete the kind's folders that hold no recorded force-month: those of a run that did not
    commit, or that a committed run replaced but was stopped before deleting. A run's single
    file, as imports wrote them before folders, becomes its folder's one part. Call it holding
    the lock, outside an import's transaction (inside one, the force-months it has deleted would
    make the folders that hold them look unused)."""
    _delete(incoming() / KINDS[kind])
    folder = root(kind)
    if not folder.is_dir():
        return
    live = set(
        ForceMonth.objects.filter(kind=kind, stored_in__isnull=False)
        .values_list("stored_in", flat=True)
        .distinct()
    )
    for path in folder.iterdir():
        match = RUN_NAME.match(path.name)
        if match is None:
            continue
        number = int(match[1])
        if number not in live:
            _delete(path)
        elif match[2] == ".parquet" and path.is_file():
            target = run_folder(kind, number)
            target.mkdir(exist_ok=True)
            path.rename(target / "part-0.parquet")


def earlier(kind: str, replaced: set[int], *, run) -> list[Path]:
    """The folders of the ``replaced`` runs (those that held a force-month this run imports),
    whose other force-months ``write`` copies into the run's folder. A folder the database
    names but that is gone is left out, and the database stops naming it: what it held is no
    longer in the store (import those months again to have it back)."""
    replaced = replaced - {run.pk}
    found = {pk for pk in replaced if run_folder(kind, pk).is_dir()}
    if replaced - found:
        logger.warning(
            "Parquet folders of import runs %s are missing from %s",
            sorted(replaced - found),
            root(kind),
        )
        ForceMonth.objects.filter(kind=kind, stored_in__in=replaced - found).update(stored_in=None)
    return [run_folder(kind, pk) for pk in sorted(found)]


def write(
    cursor, *, kind: str, run_pk: int, parts: Iterable[Path], earlier: list[Path], written: list
) -> Path:
    """Write the run's folder of ``kind``: the Parquet files ``parts`` (written as the files
    were read: ``ingest``), moved in; and, from the ``earlier`` folders, every force-month this
    run does not import, copied by DuckDB (``cursor``, on the staged tables). The folder is put
    together under ``incoming()`` and renamed into place when complete. It touches only DuckDB
    and the file system, so it can run in a thread of its own while the database is written.
    The folder is added to ``written``, for the caller to delete if the import fails. Call it
    holding the lock, after ``tidy``."""
    target = run_folder(kind, run_pk)
    partial = incoming() / KINDS[kind] / target.name
    _delete(partial)
    partial.mkdir(parents=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        for number, part in enumerate(parts):
            shutil.move(part, partial / f"part-{number}.parquet")
        if earlier:
            paths = ", ".join(literal(folder / "*.parquet") for folder in earlier)
            cursor.execute(
                f"COPY (SELECT * FROM read_parquet([{paths}]) AS kept "  # noqa: S608
                f"WHERE NOT EXISTS (SELECT 1 FROM files WHERE files.kind = '{kind}' "
                "AND files.force = kept.force AND files.month_text = kept.month)) "
                f"TO {literal(partial / 'kept.parquet')} ({PARQUET})"
            )
        partial.rename(target)
    except BaseException:
        _delete(partial)
        raise
    written.append(target)
    with contextlib.suppress(OSError):
        partial.parent.rmdir()  # when no other run's folder is being put together
    return target


def record(kind: str, *, run, earlier: list[Path]) -> None:
    """Once the run's folder is written: record it as holding the force-months it copied from
    the ``earlier`` folders (the run's own are recorded as its import makes them), and have
    those folders deleted when the import commits."""
    found = [int(RUN_NAME.match(folder.name)[1]) for folder in earlier]
    if found:
        ForceMonth.objects.filter(kind=kind, stored_in__in=found).update(stored_in=run)
    transaction.on_commit(lambda: remove(earlier), robust=True)


def remove(paths: list[Path]) -> None:
    for path in paths:
        _delete(path)


def _delete(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
