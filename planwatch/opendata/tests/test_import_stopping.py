"""Stopping an import: a file found damaged while street crime is being written, a failure,
Ctrl-C or SIGTERM. The reading stops, the transaction is rolled back, and nothing is left
behind: not in the database, the Parquet store or the working folder."""

import os
import signal
import tempfile
import threading
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management.base import CommandError
from django.db.models import Sum

from planwatch.opendata import duckdb_read, ingest, services
from planwatch.opendata.management.commands import import_policeuk
from planwatch.opendata.management.commands.import_policeuk import (
    STOPPING_SIGNALS,
    Stopped,
    signals_stop_it,
)
from planwatch.opendata.models import DistrictCrimeCount, FileKind, ForceMonth, ImportRun
from planwatch.opendata.sources import Source

from .helpers import POLICEUK_2024
from .importing import FEB, JAN, database_state, import_files, refused, written

pytestmark = [
    pytest.mark.skipif(
        not POLICEUK_2024.is_dir(),
        reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
    ),
    pytest.mark.django_db,
]


@pytest.fixture
def outcomes_held(monkeypatch):
    """The outcomes files' reading (in its thread) held at its first batch until ``release`` is
    set, or for ``hold`` seconds; ``batches`` counts the batches it comes to."""
    state = SimpleNamespace(
        release=threading.Event(), reached=threading.Event(), batches=0, hold=30
    )
    batches = duckdb_read.batches_of

    def held(files):
        for start, batch in batches(files):
            if batch[0].kind == FileKind.OUTCOMES:
                state.batches += 1
                if state.batches == 1:
                    state.reached.set()
                    state.release.wait(timeout=state.hold)
            yield start, batch

    monkeypatch.setattr(duckdb_read, "batches_of", held)
    return state


def _store_files() -> set:
    store = settings.POLICEUK_STORE
    return {p.relative_to(store) for p in store.rglob("*") if p.is_file()}


def test_a_damaged_file_of_another_kind_undoes_the_street_crime_written_meanwhile(
    tmp_path, january, outcomes_held, monkeypatch
):
    """Street crime is written while the other kinds are read: an outcomes file found damaged
    after it has been written (the reading is held until then) is named, and what was written
    is undone, in the database and in the Parquet store."""
    lsoas_update = services._lsoas_update

    def then_release(*args):
        lsoas_update(*args)
        outcomes_held.release.set()  # the street crime is written: read the outcomes now

    monkeypatch.setattr(services, "_lsoas_update", then_release)
    store_before = _store_files()
    name = "2024-01-cambridgeshire-outcomes.csv"
    lines = (POLICEUK_2024 / name).read_bytes().split(b"\r\n")
    lines[41] = b",".join(lines[41].split(b",")[:4])
    damaged = written(tmp_path, name, b"\r\n".join(lines))
    err = refused(POLICEUK_2024 / JAN, POLICEUK_2024 / FEB, damaged)
    assert outcomes_held.release.is_set()
    assert f"{name}, line 42, column " in err
    assert JAN not in err and FEB not in err
    assert database_state() == january
    assert DistrictCrimeCount.objects.aggregate(n=Sum("count"))["n"] == january[2]
    assert _store_files() == store_before


def test_a_failure_while_the_other_kinds_are_read_stops_their_reading(
    tmp_path, january, outcomes_held, monkeypatch
):
    """The database's part fails while the outcomes are still being read: the reading stops
    at its next batch, not at the end, and nothing changes."""
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)  # a batch per file
    outcomes_held.hold = 1

    def failing(*args):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "_lsoas_update", failing)
    outcomes = [POLICEUK_2024 / f"2024-0{m}-cambridgeshire-outcomes.csv" for m in (1, 2, 3)]
    with pytest.raises(RuntimeError, match="went away"):
        import_files(POLICEUK_2024 / JAN, *outcomes)
    assert outcomes_held.batches == 1
    assert database_state() == january


def test_closing_a_staged_import_stops_its_reading(outcomes_held, monkeypatch):
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)
    outcomes_held.hold = 1
    outcomes = [POLICEUK_2024 / f"2024-0{m}-cambridgeshire-outcomes.csv" for m in (1, 2, 3)]
    staged = ingest.stage([Source(path, path.name) for path in [POLICEUK_2024 / JAN, *outcomes]])
    assert outcomes_held.reached.wait(timeout=30)
    staged.close()
    assert outcomes_held.batches == 1
    assert not staged.workdir.exists()


@pytest.fixture
def signals_recorded():
    """SIGINT and SIGTERM recorded rather than ending the test run: what reaches these handlers
    is a signal the import did not handle itself."""
    received = []
    previous = {
        number: signal.signal(number, lambda number, frame: received.append(number))
        for number in STOPPING_SIGNALS
    }
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@pytest.mark.parametrize(("stop", "returncode"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_stopping_an_import_changes_nothing_and_leaves_no_working_files(
    tmp_path, january, outcomes_held, signals_recorded, monkeypatch, stop, returncode
):
    """Stopped once the street crime is written, while the outcomes are read (SIGTERM, as
    ``kill`` or a scheduler's time limit sends, or Ctrl-C): the reading stops at its next
    batch, the database and the Parquet store are as they were, the working folder is deleted,
    and the exit code says how it was stopped."""
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)  # a batch per file
    outcomes_held.hold = 1
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    lsoas_update = services._lsoas_update

    def then_stopped(*args):
        lsoas_update(*args)
        os.kill(os.getpid(), stop)

    monkeypatch.setattr(services, "_lsoas_update", then_stopped)
    store_before = _store_files()
    handlers_before = [signal.getsignal(number) for number in STOPPING_SIGNALS]
    outcomes = [POLICEUK_2024 / f"2024-0{m}-cambridgeshire-outcomes.csv" for m in (1, 2, 3)]
    with pytest.raises(CommandError) as error:
        import_files(POLICEUK_2024 / FEB, *outcomes)
    assert str(error.value) == "Stopped: nothing was imported."
    assert error.value.returncode == returncode
    assert outcomes_held.batches == 1
    assert database_state() == january
    assert _store_files() == store_before
    assert list(scratch.iterdir()) == []
    assert signals_recorded == []  # the import's own handler took it
    assert [signal.getsignal(number) for number in STOPPING_SIGNALS] == handlers_before


def test_a_stop_after_the_commit_says_the_import_was_saved(january, signals_recorded, monkeypatch):
    """Stopped while tidying up (deleting the working folder can take a while after a large
    archive was unpacked): the import is complete, and the message says so."""
    close = ingest.Staged.close

    def then_stopped(self):
        close(self)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(ingest.Staged, "close", then_stopped)
    with pytest.raises(CommandError) as error:
        import_files(POLICEUK_2024 / FEB)
    assert str(error.value) == "Stopped after the import was saved: it is complete."
    assert error.value.returncode == 143
    assert ImportRun.objects.count() == january[0] + 1
    assert ForceMonth.objects.filter(month="2024-02-01").exists()


def test_a_signal_reported_as_another_error_still_reads_as_stopped(signals_recorded, monkeypatch):
    """Most of an import's time is spent inside DuckDB's queries, and DuckDB reports a query a
    signal interrupted as an error of its own: the import still says it was stopped."""

    def interrupted_query(self, paths, progress):
        try:
            os.kill(os.getpid(), signal.SIGTERM)
        except Stopped:
            raise RuntimeError("Query interrupted") from None

    monkeypatch.setattr(import_policeuk.Command, "_import", interrupted_query)
    with pytest.raises(CommandError) as error:
        import_files(POLICEUK_2024 / FEB)
    assert str(error.value) == "Stopped: nothing was imported."
    assert error.value.returncode == 143
    assert signals_recorded == []


def test_an_error_without_a_signal_is_not_called_stopped(monkeypatch):
    def failing(self, paths, progress):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(import_policeuk.Command, "_import", failing)
    with pytest.raises(RuntimeError, match="the disk is full"):
        import_files(POLICEUK_2024 / FEB)


def test_a_signal_the_process_ignores_stays_ignored(signals_recorded):
    """Started with SIGINT ignored (``nohup``, a background job in a script), the import is not
    stopped by it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with signals_stop_it([]):
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_IGN, signal.SIG_DFL)
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_signals_are_left_alone_outside_the_main_thread(signals_recorded):
    """Python sets signal handlers only in the main thread: an import run from another thread
    (a web worker's, say) runs without them."""
    handlers = [signal.getsignal(number) for number in STOPPING_SIGNALS]
    seen = []

    def run():
        with signals_stop_it([]):
            seen.append([signal.getsignal(number) for number in STOPPING_SIGNALS])

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [handlers]
