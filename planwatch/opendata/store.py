"""Every force's street crime by LSOA, crime type and last outcome category, kept as Parquet
files for DuckDB (``POLICEUK_STORE``): a national archive is millions of such rows a year, more
than the pages need from the database (district counts for every force, LSOA counts for the
office's own force). Read them with DuckDB, for example::

    SELECT month, sum(count) FROM read_parquet('var/policeuk/street/*/*/*.parquet',
        hive_partitioning = true) WHERE force = 'kent' GROUP BY month ORDER BY month

The files are laid out ``street/force=<force>/month=<YYYY-MM>/run-<import run>.parquet``. An
import writes its files before its transaction commits, under its own run's name; when it
commits, the files of earlier runs for the same force-months are deleted, and if it fails its
own files are left behind under the name of a run that does not exist, and the next import
deletes them. So a force-month has one file, from the run that last imported it.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import ImportRun

ORPHAN_AGE = 24 * 60 * 60  # seconds


def street_root() -> Path:
    return Path(settings.POLICEUK_STORE) / "street"


def street_publish(staged, *, sql: str, run) -> list[Path]:
    """Write the run's street counts as one Parquet file per force-month."""
    _orphans_remove()
    staging = staged.workdir / "parquet"
    shutil.rmtree(staging, ignore_errors=True)
    staged.query(
        f"COPY ({sql}) TO '{staging}' (FORMAT parquet, PARTITION_BY (force, month))"  # noqa: S608
    )
    root = street_root()
    written: list[Path] = []
    try:
        for part in sorted(staging.glob("force=*/month=*")):
            target = root / part.parent.name / part.name
            target.mkdir(parents=True, exist_ok=True)
            for number, file in enumerate(sorted(part.glob("*.parquet"))):
                destination = target / f"run-{run.pk}-{number}.parquet"
                shutil.move(file, destination)
                written.append(destination)
    except BaseException:
        _remove(written)
        raise
    transaction.on_commit(lambda: _superseded_remove(written, run.pk))
    return written


def _orphans_remove() -> None:
    """Files of runs that never committed (their import failed as it was committing), a day
    old or more (an import running at the same time has not committed yet either)."""
    root = street_root()
    if not root.is_dir():
        return
    runs = set(ImportRun.objects.values_list("pk", flat=True))
    for path in root.glob("force=*/month=*/run-*.parquet"):
        stale = time.time() - path.stat().st_mtime > ORPHAN_AGE
        if stale and int(path.name.split("-")[1]) not in runs:
            path.unlink(missing_ok=True)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _superseded_remove(written: list[Path], run_pk: int) -> None:
    for path in written:
        for other in path.parent.glob("run-*.parquet"):
            if not other.name.startswith(f"run-{run_pk}-"):
                other.unlink(missing_ok=True)
