"""Damaged and wrong files are refused with a message naming the file (and its line and column
where DuckDB gives them), and nothing changes; archives and re-imports of a few months.
(Stopping an import is in ``test_import_stopping``.)"""

import csv
import io
import shutil
import zipfile

import pytest

from planwatch.opendata import duckdb_read
from planwatch.opendata.checks import HEADERS
from planwatch.opendata.models import (
    DistrictCrimeCount,
    ForceMonth,
    ImportRun,
    StreetCrimeCount,
)

from .helpers import POLICEUK_2024, source_row_counts
from .importing import FEB, JAN, database_state, import_files, refused, written

pytestmark = [
    pytest.mark.skipif(
        not POLICEUK_2024.is_dir(),
        reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
    ),
    pytest.mark.django_db,
]


def test_a_truncated_file_is_refused_naming_file_line_and_column(tmp_path, january):
    data = (POLICEUK_2024 / FEB).read_bytes()
    cut = data[:50_000]
    truncated = written(tmp_path, FEB, cut)
    err = refused(POLICEUK_2024 / "2024-02-cambridgeshire-outcomes.csv", truncated)
    line = cut.count(b"\n") + 1
    fields = next(csv.reader([cut.rsplit(b"\n", 1)[-1].decode()]))
    column = HEADERS["street"][len(fields) - 1]
    assert f"{FEB}, line {line}, column {column}: the last line is cut off" in err
    assert "the file is truncated (download it again)" in err
    assert database_state() == january


def test_a_file_cut_in_its_last_field_is_refused(tmp_path, january):
    """Every column is there, so only the missing line break gives it away."""
    name = "2024-02-cambridgeshire-outcomes.csv"
    data = (POLICEUK_2024 / name).read_bytes()
    cut = data[: data.rstrip(b"\r\n").rfind(b",") + 5]  # four characters of the outcome type
    err = refused(written(tmp_path, name, cut))
    line = cut.count(b"\n") + 1
    assert f"{name}, line {line}, column Outcome type: the last line is cut off" in err
    assert database_state() == january


def test_a_row_short_of_fields_inside_a_file_is_refused(tmp_path, january):
    lines = (POLICEUK_2024 / FEB).read_bytes().split(b"\r\n")
    lines[41] = b",".join(lines[41].split(b",")[:6])
    err = refused(POLICEUK_2024 / JAN, written(tmp_path, FEB, b"\r\n".join(lines)))
    assert f"{FEB}, line 42, column Location: the row has 6 of the 12 fields" in err
    assert database_state() == january


def test_a_damaged_file_in_a_later_batch_is_refused_and_the_earlier_batches_undone(
    tmp_path, january, monkeypatch
):
    """Read a file per batch: the first batches are read, the damaged file is named, and
    nothing is kept."""
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)
    lines = (POLICEUK_2024 / "2024-03-cambridgeshire-street.csv").read_bytes().split(b"\r\n")
    lines[9] = b",".join(lines[9].split(b",")[:3])
    damaged = written(tmp_path, "2024-03-cambridgeshire-street.csv", b"\r\n".join(lines))
    err = refused(POLICEUK_2024 / JAN, POLICEUK_2024 / FEB, damaged)
    assert "2024-03-cambridgeshire-street.csv, line 10, column Falls within" in err
    assert JAN not in err and FEB not in err
    assert database_state() == january


def test_damaged_files_in_different_batches_are_all_reported(tmp_path, january, monkeypatch):
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)
    damaged = []
    for month in ("2024-02", "2024-04"):
        name = f"{month}-cambridgeshire-street.csv"
        lines = (POLICEUK_2024 / name).read_bytes().split(b"\r\n")
        lines[4] = b",".join(lines[4].split(b",")[:2])
        damaged.append(written(tmp_path, name, b"\r\n".join(lines)))
    err = refused(damaged[0], POLICEUK_2024 / "2024-03-cambridgeshire-street.csv", damaged[1])
    assert "2024-02-cambridgeshire-street.csv, line 5, column Reported by" in err
    assert "2024-04-cambridgeshire-street.csv, line 5, column Reported by" in err
    assert "2024-03" not in err
    assert database_state() == january


def test_a_read_failure_no_file_explains_is_refused_and_duckdbs_words_logged(
    tmp_path, january, monkeypatch, caplog
):
    lines = (POLICEUK_2024 / FEB).read_bytes().split(b"\r\n")
    lines[4] = b",".join(lines[4].split(b",")[:2])
    damaged = written(tmp_path, FEB, b"\r\n".join(lines))
    monkeypatch.setattr(
        duckdb_read, "located", lambda files, **kw: []
    )  # as if no file were to blame
    with caplog.at_level("WARNING", logger="planwatch.opendata.duckdb_read"):
        err = refused(damaged)
    assert f"{FEB}: could not be read as police.uk CSV files." in err
    assert "DuckDB could not read the street files:" in caplog.text
    assert database_state() == january


def test_reading_a_file_per_batch_counts_the_same_as_reading_them_together(tmp_path, monkeypatch):
    def rows():
        fields = ("force", "month", "lsoa_code", "crime_type", "last_outcome_category", "count")
        street = StreetCrimeCount.objects.order_by(*fields).values_list(*fields)
        fields = ("force", "month", "district_name", "crime_type", "count")
        district = DistrictCrimeCount.objects.order_by(*fields).values_list(*fields)
        return database_state()[1:], list(street), list(district)

    files = sorted(POLICEUK_2024.glob("2024-0[1-3]-*.csv"))
    import_files(*files)
    together = rows()
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)
    import_files(*files)
    assert rows() == together
    assert ImportRun.objects.count() == 2


def test_an_empty_file_is_refused(tmp_path, january):
    err = refused(written(tmp_path, FEB, b""))
    assert f"{FEB}, line 1: the file is empty" in err
    assert database_state() == january


def test_a_stop_search_value_that_does_not_read_is_refused_with_its_line(tmp_path, january):
    name = "2024-02-cambridgeshire-stop-and-search.csv"
    lines = (POLICEUK_2024 / name).read_bytes().split(b"\r\n")
    lines[5] = lines[5].replace(b"+00:00", b"", 1)
    lines[9] = lines[9].replace(b",False", b",Maybe", 1)
    err = refused(written(tmp_path, name, b"\r\n".join(lines)))
    assert f"{name}, line 6, column Date: not a date and time with its UTC offset" in err
    assert f"{name}, line 10, column " in err and "not True, False or blank" in err
    assert database_state() == january


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
    err = refused(POLICEUK_2024 / JAN, written(tmp_path, name, b"\r\n".join(lines)))
    assert f"{name}, line {line}, column {column}: a NUL byte (binary data, not text)" in err
    assert JAN not in err
    assert database_state() == january


def test_a_line_that_is_not_utf8_is_refused_with_its_line_and_column(tmp_path, january):
    lines = (POLICEUK_2024 / FEB).read_bytes().split(b"\r\n")
    lines[140] = _with_field(lines[140], "LSOA name", "street", lambda v: v + b"\xff\xfe")
    err = refused(written(tmp_path, FEB, b"\r\n".join(lines)))
    assert f"{FEB}, line 141, column LSOA name: the line is not UTF-8 text" in err
    assert database_state() == january


def test_an_unterminated_quote_is_refused(tmp_path, january):
    data = (POLICEUK_2024 / FEB).read_bytes().split(b"\r\n")
    data[10] = b'x,2024-02,"Cambridgeshire Constabulary,Camb'
    err = refused(written(tmp_path, FEB, b"\r\n".join(data)))
    assert f"{FEB}, line 11, column Reported by: a quoted value is not closed" in err
    assert database_state() == january


def test_a_file_with_a_missing_column_is_refused(tmp_path, january):
    reader = csv.reader(io.StringIO((POLICEUK_2024 / FEB).read_text(encoding="utf-8")))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in reader:
        writer.writerow(row[:9] + row[10:])  # no "Crime type"
    err = refused(written(tmp_path, FEB, buffer.getvalue().encode()))
    assert f"{FEB}, line 1, column Crime type: the column is missing" in err
    assert database_state() == january


def test_a_non_csv_file_is_refused(tmp_path, january):
    png = written(tmp_path, FEB, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert f"{FEB}: not a CSV file" in refused(png)
    notes = written(tmp_path, "notes.csv", b"name,value\r\nfoo,1\r\n")
    assert "notes.csv, line 1: not a police.uk street, outcomes or stop-and-search file" in (
        refused(notes)
    )
    assert database_state() == january


def test_every_bad_file_is_reported_in_one_run(tmp_path, january):
    png = written(tmp_path, FEB, b"\x00" * 10)
    text = written(tmp_path, "readme.txt", b"Downloaded from police.uk\n")
    err = refused(png, text, tmp_path / "missing.csv")
    assert f"{FEB}: not a CSV file" in err
    assert "readme.txt, line 1: not a police.uk" in err
    assert "missing.csv: no such file or folder" in err


def test_a_zip_of_two_months_imports_and_reimporting_replaces(tmp_path):
    archive = tmp_path / "policeuk.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for month in ("2024-01", "2024-02"):
            for path in sorted(POLICEUK_2024.glob(f"{month}-*.csv")):
                z.write(path, f"{month}/{path.name}")
    out, err = import_files(archive)
    assert "Reading 2 street-level crime files" in err
    expected = source_row_counts()
    assert ForceMonth.objects.count() == 6
    for fm in ForceMonth.objects.all():
        name = f"{fm.month:%Y-%m}-{fm.force}-{fm.kind.replace('_', '-')}.csv"
        assert fm.rows_kept + fm.rows_set_aside == expected[name]
    before = database_state()[1:]
    import_files(POLICEUK_2024 / JAN)  # January again: replaced, not doubled
    assert database_state()[1:] == before
    assert ImportRun.objects.count() == 2


def test_a_month_that_differs_from_the_file_name_is_set_aside(tmp_path):
    lines = (POLICEUK_2024 / JAN).read_bytes().split(b"\r\n")
    lines[1] = lines[1].replace(b",2024-01,", b",2023-12,", 1)
    out, _ = import_files(written(tmp_path, JAN, b"\r\n".join(lines)))
    assert "  Month differs from the file name's month: 1" in out
    fm = ForceMonth.objects.get()
    assert fm.rows_kept + fm.rows_set_aside == 6116


def test_the_same_force_month_twice_in_one_run_is_refused(tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(POLICEUK_2024 / JAN, copy / JAN)
    err = refused(POLICEUK_2024 / JAN, copy / JAN)
    assert "the same force, month and kind" in err
    assert ImportRun.objects.count() == 0
