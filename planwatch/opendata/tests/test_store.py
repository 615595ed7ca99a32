"""The Parquet store: every force's street crime by LSOA and every force's searches, one folder
per import run and kind, a force-month never in two folders; the database keeps the office's own
force by LSOA and its searches."""

import shutil
from io import StringIO

import duckdb
import pytest
from django.core.management import call_command
from django.db.models import Sum

from planwatch.opendata import services, store
from planwatch.opendata.models import (
    DistrictCrimeCount,
    FileKind,
    ForceMonth,
    ImportRun,
    StopSearch,
    StreetCrimeCount,
)

from .helpers import POLICEUK_2024

pytestmark = [
    pytest.mark.skipif(
        not POLICEUK_2024.is_dir(),
        reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def office(tmp_path, settings):
    """An office whose own force is Norfolk, with its own store."""
    settings.POLICEUK_FORCE = "norfolk"
    settings.POLICEUK_STORE = tmp_path / "store"
    return tmp_path


def _import(*paths):
    call_command("import_policeuk", *map(str, paths), stdout=StringIO(), stderr=StringIO())


def _as(folder, force: str, month: str, kind: str):
    """The real Cambridgeshire file of ``month`` and ``kind``, named as ``force``'s."""
    folder.mkdir(exist_ok=True)
    target = folder / f"{month}-{force}-{kind}.csv"
    shutil.copy(POLICEUK_2024 / f"{month}-cambridgeshire-{kind}.csv", target)
    return target


def _files(kind: str) -> list[str]:
    """What is in the kind's folder of the store: the runs' folders."""
    return sorted(p.name for p in store.root(kind).iterdir())


def _stored(kind: str) -> dict[tuple[str, str], int]:
    """Rows per (force, month) in the kind's files: counts summed for street crime, records for
    searches."""
    paths = [str(p) for p in store.root(kind).glob("*/*.parquet")]
    value = "sum(count)" if kind == FileKind.STREET else "count(*)"
    rows = duckdb.execute(
        f"SELECT force, month, {value} FROM read_parquet(?) GROUP BY 1, 2",  # noqa: S608
        [paths],
    ).fetchall()
    return {(force, month): int(n) for force, month, n in rows}


def _kept(kind: str) -> dict[tuple[str, str], int]:
    return {
        (fm.force, f"{fm.month:%Y-%m}"): fm.rows_kept for fm in ForceMonth.objects.filter(kind=kind)
    }


def test_every_force_is_stored_and_the_offices_own_is_in_the_database(office):
    folder = office / "in"
    files = [
        _as(folder, force, "2024-01", kind)
        for force in ("cambridgeshire", "norfolk")
        for kind in ("street", "stop-and-search")
    ]
    _import(*files)
    run = ImportRun.objects.get()
    assert _files(FileKind.STREET) == [f"run-{run.pk}"]
    assert _stored(FileKind.STREET) == _kept(FileKind.STREET)
    assert _stored(FileKind.STOP_AND_SEARCH) == _kept(FileKind.STOP_AND_SEARCH)
    assert set(_stored(FileKind.STREET)) == {("cambridgeshire", "2024-01"), ("norfolk", "2024-01")}
    # The database: the office's own force by LSOA and its searches; every force by district.
    assert set(StreetCrimeCount.objects.values_list("force", flat=True)) == {"norfolk"}
    assert set(StopSearch.objects.values_list("force", flat=True)) == {"norfolk"}
    norfolk = ForceMonth.objects.get(force="norfolk", kind=FileKind.STOP_AND_SEARCH)
    assert StopSearch.objects.count() == norfolk.rows_kept
    assert set(DistrictCrimeCount.objects.values_list("force", flat=True)) == {
        "cambridgeshire",
        "norfolk",
    }
    assert (
        DistrictCrimeCount.objects.filter(force="cambridgeshire").aggregate(n=Sum("count"))["n"]
        == ForceMonth.objects.get(force="cambridgeshire", kind=FileKind.STREET).rows_kept
    )
    stored = duckdb.execute(
        "SELECT typeof(occurred_at), count(*) FROM read_parquet(?) GROUP BY 1",
        [str(store.run_folder(FileKind.STOP_AND_SEARCH, run.pk) / "*.parquet")],
    ).fetchall()
    assert stored == [("TIMESTAMP", sum(_kept(FileKind.STOP_AND_SEARCH).values()))]


def test_importing_a_force_month_again_replaces_it_and_keeps_the_others(office):
    folder = office / "in"
    _import(
        _as(folder, "cambridgeshire", "2024-01", "street"),
        _as(folder, "norfolk", "2024-01", "street"),
    )
    first = ImportRun.objects.get()
    before = _stored(FileKind.STREET)

    # Cambridgeshire's January again, alone: its rows are replaced, Norfolk's copied across.
    _import(POLICEUK_2024 / "2024-01-cambridgeshire-street.csv")
    second = ImportRun.objects.latest("pk")
    assert _files(FileKind.STREET) == [f"run-{second.pk}"]
    assert _stored(FileKind.STREET) == before == _kept(FileKind.STREET)
    assert set(ForceMonth.objects.values_list("stored_in", flat=True)) == {second.pk}
    assert ForceMonth.objects.get(force="norfolk").run == first  # who imported it is kept

    # A new month is a file of its own; nothing is copied.
    _import(POLICEUK_2024 / "2024-02-cambridgeshire-street.csv")
    third = ImportRun.objects.latest("pk")
    assert _files(FileKind.STREET) == [f"run-{second.pk}", f"run-{third.pk}"]
    assert _stored(FileKind.STREET) == _kept(FileKind.STREET)
    assert len(_kept(FileKind.STREET)) == 3


def test_folders_no_force_month_is_recorded_in_are_deleted_by_the_next_import(office):
    folder = store.root(FileKind.STREET)
    # Imports that did not commit: one whose folder was complete, one stopped while writing it.
    for stray in (folder / "run-999", store.incoming() / "street" / "run-998"):
        stray.mkdir(parents=True)
        part = stray / "part-0.parquet"
        duckdb.execute(f"COPY (SELECT 'kent' AS force, '2024-01' AS month, 1 AS count) TO '{part}'")
    (folder / "notes.txt").write_text("not the store's")
    _import(POLICEUK_2024 / "2024-01-cambridgeshire-street.csv")
    run = ImportRun.objects.get()
    assert _files(FileKind.STREET) == ["notes.txt", f"run-{run.pk}"]
    assert ("kent", "2024-01") not in _stored(FileKind.STREET)
    assert not list(store.incoming().rglob("*.parquet"))


def test_a_runs_single_file_becomes_its_folder(office):
    """A store written as one file per run (``run-N.parquet``) is read on: the next import moves
    each file into its run's folder, and replaces its force-months as any other's."""
    folder = office / "in"
    _import(_as(folder, "norfolk", "2024-01", "street"), _as(folder, "kent", "2024-01", "street"))
    first = ImportRun.objects.get()
    before = _stored(FileKind.STREET)
    run_folder = store.run_folder(FileKind.STREET, first.pk)
    single = run_folder.with_name(f"run-{first.pk}.parquet")
    duckdb.execute(f"COPY (SELECT * FROM '{run_folder}/*.parquet') TO '{single}'")  # noqa: S608
    shutil.rmtree(run_folder)

    _import(_as(folder, "kent", "2024-01", "street"))
    second = ImportRun.objects.latest("pk")
    assert _files(FileKind.STREET) == [f"run-{second.pk}"]  # Norfolk's January copied across
    assert _stored(FileKind.STREET) == before == _kept(FileKind.STREET)


def test_a_refused_import_writes_no_file(office):
    damaged = office / "2024-01-cambridgeshire-street.csv"
    damaged.write_bytes((POLICEUK_2024 / damaged.name).read_bytes()[:-40])
    with pytest.raises(Exception, match="nothing was imported"):
        _import(damaged)
    assert not store.root(FileKind.STREET).exists() or _files(FileKind.STREET) == []


def test_an_import_that_fails_after_writing_its_files_leaves_the_store_as_it_was(
    office, monkeypatch
):
    """January imported; then January again with its searches, failing as the searches' folder
    is written: January's first folder and what the database says of it are kept, and the failed
    run's street folder is deleted."""
    _import(POLICEUK_2024 / "2024-01-cambridgeshire-street.csv")
    first = ImportRun.objects.get()
    before = _stored(FileKind.STREET)
    write = store.write

    def failing(cursor, *, kind, **kwargs):
        if kind == FileKind.STOP_AND_SEARCH:
            raise OSError("disk full")
        return write(cursor, kind=kind, **kwargs)

    monkeypatch.setattr(store, "write", failing)
    with pytest.raises(OSError, match="disk full"):
        _import(
            POLICEUK_2024 / "2024-01-cambridgeshire-street.csv",
            POLICEUK_2024 / "2024-01-cambridgeshire-stop-and-search.csv",
        )
    assert ImportRun.objects.get() == first
    assert _files(FileKind.STREET) == [f"run-{first.pk}"]
    assert _stored(FileKind.STREET) == before
    assert set(ForceMonth.objects.values_list("stored_in", flat=True)) == {first.pk}

    monkeypatch.setattr(store, "write", write)
    _import(POLICEUK_2024 / "2024-01-cambridgeshire-street.csv")  # and the next one works
    assert _stored(FileKind.STREET) == before
    assert len(_files(FileKind.STREET)) == 1


def test_an_import_that_fails_in_the_database_while_duckdb_writes_leaves_everything(
    office, monkeypatch
):
    """The database's part of the writing fails while DuckDB's thread writes the Parquet
    files: the thread is waited for, its folders deleted, the transaction undone."""
    _import(POLICEUK_2024 / "2024-01-cambridgeshire-street.csv")
    first = ImportRun.objects.get()
    before = (_stored(FileKind.STREET), DistrictCrimeCount.objects.aggregate(n=Sum("count")))

    def failing(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "crime_figures_feed", failing)
    with pytest.raises(RuntimeError, match="went away"):
        _import(
            POLICEUK_2024 / "2024-01-cambridgeshire-street.csv",
            POLICEUK_2024 / "2024-01-cambridgeshire-stop-and-search.csv",
        )
    assert ImportRun.objects.get() == first
    assert _files(FileKind.STREET) == [f"run-{first.pk}"]
    assert not store.root(FileKind.STOP_AND_SEARCH).exists() or not _files(FileKind.STOP_AND_SEARCH)
    assert (_stored(FileKind.STREET), DistrictCrimeCount.objects.aggregate(n=Sum("count"))) == (
        before
    )
