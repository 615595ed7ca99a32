"""Damaged and wrong files are refused with a message naming the file (and its line and column
where DuckDB gives them), and nothing changes; archives and re-imports of a few months."""

import csv
import io
import os
import shutil
import signal
import tempfile
import threading
import zipfile
from io import StringIO
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Sum

from planwatch.opendata import duckdb_read, ingest, services
from planwatch.opendata.checks import HEADERS
from planwatch.opendata.management.commands import import_policeuk
from planwatch.opendata.management.commands.import_policeuk import (
    STOPPING_SIGNALS,
    Stopped,
    signals_stop_it,
)
from planwatch.opendata.models import (
    DistrictCrimeCount,
    FileKind,
    ForceMonth,
    ImportRun,
    StopSearch,
    StreetCrimeCount,
)
from planwatch.opendata.sources import Source

from .helpers import POLICEUK_2024, source_row_counts

pytestmark = [
    pytest.mark.skipif(
        not POLICEUK_2024.is_dir(),
        reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
    ),
    pytest.mark.django_db,
]

JAN = "2024-01-cambridgeshire-street.csv"
FEB = "2024-02-cambridgeshire-street.csv"


def _import(*paths):
    out, err = StringIO(), StringIO()
    call_command("import_policeuk", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _refused(*paths) -> str:
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_policeuk", *map(str, paths), stdout=StringIO(), stderr=err)
    assert error.value.returncode == 2
    assert "nothing was imported" in str(error.value)
    return err.getvalue()


def _state():
    return (
        ImportRun.objects.count(),
        list(ForceMonth.objects.values_list("force", "month", "kind", "rows_kept")),
        StreetCrimeCount.objects.aggregate(n=Sum("count"))["n"],
        StopSearch.objects.count(),
    )


@pytest.fixture
def january():
    """January's street file imported, so that a refused run has something to leave alone."""
    _import(POLICEUK_2024 / JAN)
    return _state()


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_truncated_file_is_refused_naming_file_line_and_column(tmp_path, january):
    data = (POLICEUK_2024 / FEB).read_bytes()
    cut = data[:50_000]
    truncated = _write(tmp_path, FEB, cut)
    err = _refused(POLICEUK_2024 / "2024-02-cambridgeshire-outcomes.csv", truncated)
    line = cut.count(b"\n") + 1
    fields = next(csv.reader([cut.rsplit(b"\n", 1)[-1].decode()]))
    column = HEADERS["street"][len(fields) - 1]
    assert f"{FEB}, line {line}, column {column}: the last line is cut off" in err
    assert "the file is truncated (download it again)" in err
    assert _state() == january


def test_a_file_cut_in_its_last_field_is_refused(tmp_path, january):
    """Every column is there, so only the missing line break gives it away."""
    name = "2024-02-cambridgeshire-outcomes.csv"
    data = (POLICEUK_2024 / name).read_bytes()
    cut = data[: data.rstrip(b"\r\n").rfind(b",") + 5]  # four characters of the outcome type
    err = _refused(_write(tmp_path, name, cut))
    line = cut.count(b"\n") + 1
    assert f"{name}, line {line}, column Outcome type: the last line is cut off" in err
    assert _state() == january


def test_a_row_short_of_fields_inside_a_file_is_refused(tmp_path, january):
    lines = (POLICEUK_2024 / FEB).read_bytes().split(b"\r\n")
    lines[41] = b",".join(lines[41].split(b",")[:6])
    err = _refused(POLICEUK_2024 / JAN, _write(tmp_path, FEB, b"\r\n".join(lines)))
    assert f"{FEB}, line 42, column Location: the row has 6 of the 12 fields" in err
    assert _state() == january


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
    damaged = _write(tmp_path, name, b"\r\n".join(lines))
    err = _refused(POLICEUK_2024 / JAN, POLICEUK_2024 / FEB, damaged)
    assert outcomes_held.release.is_set()
    assert f"{name}, line 42, column " in err
    assert JAN not in err and FEB not in err
    assert _state() == january
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
        _import(POLICEUK_2024 / JAN, *outcomes)
    assert outcomes_held.batches == 1
    assert _state() == january


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
        _import(POLICEUK_2024 / FEB, *outcomes)
    assert str(error.value) == "Stopped: nothing was imported."
    assert error.value.returncode == returncode
    assert outcomes_held.batches == 1
    assert _state() == january
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
        _import(POLICEUK_2024 / FEB)
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
        _import(POLICEUK_2024 / FEB)
    assert str(error.value) == "Stopped: nothing was imported."
    assert error.value.returncode == 143
    assert signals_recorded == []


def test_an_error_without_a_signal_is_not_called_stopped(monkeypatch):
    def failing(self, paths, progress):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(import_policeuk.Command, "_import", failing)
    with pytest.raises(RuntimeError, match="the disk is full"):
        _import(POLICEUK_2024 / FEB)


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


def test_a_damaged_file_in_a_later_batch_is_refused_and_the_earlier_batches_undone(
    tmp_path, january, monkeypatch
):
    """Read a file per batch: the first batches are read, the damaged file is named, and
    nothing is kept."""
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)
    lines = (POLICEUK_2024 / "2024-03-cambridgeshire-street.csv").read_bytes().split(b"\r\n")
    lines[9] = b",".join(lines[9].split(b",")[:3])
    damaged = _write(tmp_path, "2024-03-cambridgeshire-street.csv", b"\r\n".join(lines))
    err = _refused(POLICEUK_2024 / JAN, POLICEUK_2024 / FEB, damaged)
    assert "2024-03-cambridgeshire-street.csv, line 10, column Falls within" in err
    assert JAN not in err and FEB not in err
    assert _state() == january


def test_damaged_files_in_different_batches_are_all_reported(tmp_path, january, monkeypatch):
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)
    damaged = []
    for month in ("2024-02", "2024-04"):
        name = f"{month}-cambridgeshire-street.csv"
        lines = (POLICEUK_2024 / name).read_bytes().split(b"\r\n")
        lines[4] = b",".join(lines[4].split(b",")[:2])
        damaged.append(_write(tmp_path, name, b"\r\n".join(lines)))
    err = _refused(damaged[0], POLICEUK_2024 / "2024-03-cambridgeshire-street.csv", damaged[1])
    assert "2024-02-cambridgeshire-street.csv, line 5, column Reported by" in err
    assert "2024-04-cambridgeshire-street.csv, line 5, column Reported by" in err
    assert "2024-03" not in err
    assert _state() == january


def test_a_read_failure_no_file_explains_is_refused_and_duckdbs_words_logged(
    tmp_path, january, monkeypatch, caplog
):
    lines = (POLICEUK_2024 / FEB).read_bytes().split(b"\r\n")
    lines[4] = b",".join(lines[4].split(b",")[:2])
    damaged = _write(tmp_path, FEB, b"\r\n".join(lines))
    monkeypatch.setattr(
        duckdb_read, "located", lambda files, **kw: []
    )  # as if no file were to blame
    with caplog.at_level("WARNING", logger="planwatch.opendata.duckdb_read"):
        err = _refused(damaged)
    assert f"{FEB}: could not be read as police.uk CSV files." in err
    assert "DuckDB could not read the street files:" in caplog.text
    assert _state() == january


def test_reading_a_file_per_batch_counts_the_same_as_reading_them_together(tmp_path, monkeypatch):
    def rows():
        fields = ("force", "month", "lsoa_code", "crime_type", "last_outcome_category", "count")
        street = StreetCrimeCount.objects.order_by(*fields).values_list(*fields)
        fields = ("force", "month", "district_name", "crime_type", "count")
        district = DistrictCrimeCount.objects.order_by(*fields).values_list(*fields)
        return _state()[1:], list(street), list(district)

    files = sorted(POLICEUK_2024.glob("2024-0[1-3]-*.csv"))
    _import(*files)
    together = rows()
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)
    _import(*files)
    assert rows() == together
    assert ImportRun.objects.count() == 2


def test_an_empty_file_is_refused(tmp_path, january):
    err = _refused(_write(tmp_path, FEB, b""))
    assert f"{FEB}, line 1: the file is empty" in err
    assert _state() == january


def test_a_stop_search_value_that_does_not_read_is_refused_with_its_line(tmp_path, january):
    name = "2024-02-cambridgeshire-stop-and-search.csv"
    lines = (POLICEUK_2024 / name).read_bytes().split(b"\r\n")
    lines[5] = lines[5].replace(b"+00:00", b"", 1)
    lines[9] = lines[9].replace(b",False", b",Maybe", 1)
    err = _refused(_write(tmp_path, name, b"\r\n".join(lines)))
    assert f"{name}, line 6, column Date: not a date and time with its UTC offset" in err
    assert f"{name}, line 10, column " in err and "not True, False or blank" in err
    assert _state() == january


def _with_field(line: bytes, column: str, kind: str, change) -> bytes:
    fields = line.split(b",")
    at = HEADERS[kind].index(column)
    fields[at] = change(fields[at])
    return b",".join(fields)


@pytest.mark.parametrize(
    ("name", "line", "column"),
    [
        (FEB, 101, "Crime type"),
        (FEB, 130, "LSOA code"),
        ("2024-02-cambridgeshire-outcomes.csv", 101, "Outcome type"),
        ("2024-02-cambridgeshire-stop-and-search.csv", 101, "Legislation"),
    ],
)
def test_a_nul_byte_in_a_value_kept_is_refused_with_its_line(tmp_path, january, name, line, column):
    """A NUL byte (binary data: a damaged file) inside a field otherwise well formed, past the
    first 4 KB that the file check looks at: DuckDB reads it, PostgreSQL would refuse it and
    SQLite would keep it. It is named, and nothing changes."""
    kind = next(k for k in HEADERS if name.endswith(k.replace("_", "-") + ".csv"))
    lines = (POLICEUK_2024 / name).read_bytes().split(b"\r\n")
    lines[line - 1] = _with_field(lines[line - 1], column, kind, lambda v: v[:3] + b"\x00" + v[3:])
    err = _refused(POLICEUK_2024 / JAN, _write(tmp_path, name, b"\r\n".join(lines)))
    assert f"{name}, line {line}, column {column}: a NUL byte (binary data, not text)" in err
    assert JAN not in err
    assert _state() == january


def test_a_line_that_is_not_utf8_is_refused_with_its_line_and_column(tmp_path, january):
    lines = (POLICEUK_2024 / FEB).read_bytes().split(b"\r\n")
    lines[140] = _with_field(lines[140], "LSOA name", "street", lambda v: v + b"\xff\xfe")
    err = _refused(_write(tmp_path, FEB, b"\r\n".join(lines)))
    assert f"{FEB}, line 141, column LSOA name: the line is not UTF-8 text" in err
    assert _state() == january


def test_an_unterminated_quote_is_refused(tmp_path, january):
    data = (POLICEUK_2024 / FEB).read_bytes().split(b"\r\n")
    data[10] = b'x,2024-02,"Cambridgeshire Constabulary,Camb'
    err = _refused(_write(tmp_path, FEB, b"\r\n".join(data)))
    assert f"{FEB}, line 11, column Reported by: a quoted value is not closed" in err
    assert _state() == january


def test_a_file_with_a_missing_column_is_refused(tmp_path, january):
    reader = csv.reader(io.StringIO((POLICEUK_2024 / FEB).read_text(encoding="utf-8")))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in reader:
        writer.writerow(row[:9] + row[10:])  # no "Crime type"
    err = _refused(_write(tmp_path, FEB, buffer.getvalue().encode()))
    assert f"{FEB}, line 1, column Crime type: the column is missing" in err
    assert _state() == january


def test_a_non_csv_file_is_refused(tmp_path, january):
    png = _write(tmp_path, FEB, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert f"{FEB}: not a CSV file" in _refused(png)
    notes = _write(tmp_path, "notes.csv", b"name,value\r\nfoo,1\r\n")
    assert "notes.csv, line 1: not a police.uk street, outcomes or stop-and-search file" in (
        _refused(notes)
    )
    assert _state() == january


def test_every_bad_file_is_reported_in_one_run(tmp_path, january):
    png = _write(tmp_path, FEB, b"\x00" * 10)
    text = _write(tmp_path, "readme.txt", b"Downloaded from police.uk\n")
    err = _refused(png, text, tmp_path / "missing.csv")
    assert f"{FEB}: not a CSV file" in err
    assert "readme.txt, line 1: not a police.uk" in err
    assert "missing.csv: no such file or folder" in err


def test_a_zip_of_two_months_imports_and_reimporting_replaces(tmp_path):
    archive = tmp_path / "policeuk.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for month in ("2024-01", "2024-02"):
            for path in sorted(POLICEUK_2024.glob(f"{month}-*.csv")):
                z.write(path, f"{month}/{path.name}")
    out, err = _import(archive)
    assert "Reading 2 street-level crime files" in err
    expected = source_row_counts()
    assert ForceMonth.objects.count() == 6
    for fm in ForceMonth.objects.all():
        name = f"{fm.month:%Y-%m}-{fm.force}-{fm.kind.replace('_', '-')}.csv"
        assert fm.rows_kept + fm.rows_set_aside == expected[name]
    before = _state()[1:]
    _import(POLICEUK_2024 / JAN)  # January again: replaced, not doubled
    assert _state()[1:] == before
    assert ImportRun.objects.count() == 2


def test_a_month_that_differs_from_the_file_name_is_set_aside(tmp_path):
    lines = (POLICEUK_2024 / JAN).read_bytes().split(b"\r\n")
    lines[1] = lines[1].replace(b",2024-01,", b",2023-12,", 1)
    out, _ = _import(_write(tmp_path, JAN, b"\r\n".join(lines)))
    assert "  Month differs from the file name's month: 1" in out
    fm = ForceMonth.objects.get()
    assert fm.rows_kept + fm.rows_set_aside == 6116


def test_the_same_force_month_twice_in_one_run_is_refused(tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(POLICEUK_2024 / JAN, copy / JAN)
    err = _refused(POLICEUK_2024 / JAN, copy / JAN)
    assert "the same force, month and kind" in err
    assert ImportRun.objects.count() == 0
