"""``planwatch bench ingest``: the archive it builds from the real files, the import accepting
it, and the ratios and JSON it reports. Small archives only; nothing here is timed."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Sum
from hypothesis import given
from hypothesis import strategies as st

from planwatch.opendata.bench.archive import (
    KINDS,
    archive_build,
    archive_plan,
    encode_rows,
    header_line,
    read_rows,
    real_files,
    split,
)
from planwatch.opendata.bench.measure import (
    Run,
    bench_report,
    bench_result,
    ratios,
    throwaway_url,
)
from planwatch.opendata.checks import HEADERS
from planwatch.opendata.models import (
    FileKind,
    ForceMonth,
    Lsoa,
    OutcomeCount,
    StopSearch,
    StreetCrimeCount,
)

from .helpers import DATA, POLICEUK_2024

pytestmark = pytest.mark.skipif(
    not POLICEUK_2024.is_dir(),
    reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
)

ROWS = 5_000
FILE_NAME = re.compile(r"^(\d{4}-\d{2})-(force-(\d\d))-(street|outcomes|stop-and-search)\.csv$")
# Cambridgeshire's 2024 files, as SOURCES.md counts them.
REAL_ROWS = {"street": 83_021, "outcomes": 68_619, "stop-and-search": 2_855}
KEYS = {
    "rows",
    "import_seconds",
    "duckdb_seconds",
    "pandas_seconds",
    "ratio_vs_duckdb",
    "speedup_vs_pandas",
    "peak_rss_mb",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """5,000 rows as 2 forces × 3 months (files of about 1,000 rows)."""
    return archive_build(
        rows=ROWS,
        data_dir=DATA,
        cache_dir=tmp_path_factory.mktemp("bench"),
        max_forces=2,
        force_month_rows=1_000,
    )


def _files(archive):
    return sorted(archive.path.rglob("*.csv"))


def _kind(path):
    return FILE_NAME.match(path.name)[4]


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- The archive ------------------------------------------------------------------------------


def test_the_archive_is_laid_out_as_police_uk_publishes_one(archive):
    assert (archive.plan.forces, [f"{m:%Y-%m}" for m in archive.plan.months]) == (
        2,
        ["2024-10", "2024-11", "2024-12"],
    )
    files = _files(archive)
    assert len(files) == archive.files == 2 * 3 * 3
    for path in files:
        match = FILE_NAME.match(path.name)
        assert match, path.name
        assert path.parent.name == match[1]
    assert {FILE_NAME.match(p.name)[2] for p in files} == {"force-01", "force-02"}
    assert json.loads((archive.path / "manifest.json").read_text())["rows"] == ROWS


def test_header_rows_are_the_real_files_byte_for_byte(archive):
    real = {kind: header_line(paths[0]) for kind, paths in real_files(DATA).items()}
    assert real["street"].endswith(b"Context\r\n")
    for path in _files(archive):
        assert header_line(path) == real[_kind(path)], path.name


def test_rows_are_quoted_and_ended_as_police_uk_writes_them(archive):
    """Read and written back (minimal quoting, CRLF), every file is unchanged: the real ones,
    and the archive's."""
    paths = [p for kind in real_files(DATA).values() for p in kind] + _files(archive)
    for path in paths:
        data = path.read_bytes()
        body = data[len(header_line(path)) :]
        assert b"".join(encode_rows(read_rows(path))) == body, path.name
    quoted = [line for p in _files(archive) for line in p.read_bytes().splitlines() if b'"' in line]
    assert all(b'"Force 0' in line for line in quoted)  # only names with a comma are quoted


def test_rows_add_up_to_the_size_asked_for_in_the_real_proportions(archive):
    counts = Counter()
    for path in _files(archive):
        counts[_kind(path)] += len(_rows(path))
    assert sum(counts.values()) == ROWS
    assert counts == archive.plan.rows_by_kind
    assert counts == {"street": 2_687, "outcomes": 2_221, "stop-and-search": 92}


def test_each_force_has_its_own_crime_ids_lsoas_and_months(archive):
    ids, lsoa_forces = Counter(), defaultdict(set)
    for path in _files(archive):
        month, force, number, kind = FILE_NAME.match(path.name).groups()
        for row in _rows(path):
            if kind == "stop-and-search":
                assert re.fullmatch(rf"{month}-\d\dT\d\d:\d\d:\d\d\+00:00", row["Date"]), row
                continue
            assert row["Month"] == month
            assert row["Reported by"] == row["Falls within"] == f"Force {number} Constabulary"
            if row["Crime ID"]:
                assert re.fullmatch(r"[0-9a-f]{64}", row["Crime ID"])
                ids[row["Crime ID"]] += 1
            if row["LSOA code"]:
                assert re.fullmatch(rf"X{number}[EW]\d{{8}}", row["LSOA code"])
                assert re.fullmatch(rf"Force {number} .+ \d{{3}}[A-Z]", row["LSOA name"])
                lsoa_forces[row["LSOA code"]].add(force)
            else:
                assert row["LSOA name"] == ""
    assert ids and max(ids.values()) <= 2  # an outcomes file can name a crime twice
    assert all(len(forces) == 1 for forces in lsoa_forces.values())


def test_an_archive_built_before_is_used_again(archive):
    again = archive_build(
        rows=ROWS,
        data_dir=DATA,
        cache_dir=archive.path.parent,
        max_forces=2,
        force_month_rows=1_000,
    )
    assert (again.built, again.path, again.files) == (False, archive.path, archive.files)


@pytest.mark.django_db
def test_the_import_accepts_the_archive_and_keeps_every_row_it_should(archive):
    out = StringIO()
    call_command("import_policeuk", str(archive.path), stdout=out, stderr=StringIO())
    assert f"Imported 18 files, {ROWS:,} rows" in out.getvalue()
    # Rows set aside, counted independently: street crimes without an LSOA; none other.
    expected = Counter()
    set_aside = Counter()
    for path in _files(archive):
        kind = _kind(path)
        for row in _rows(path):
            if kind == "street" and not row["LSOA code"]:
                set_aside[kind] += 1
            else:
                expected[kind] += 1
    assert set_aside["street"] > 0
    recorded = {
        kind: ForceMonth.objects.filter(kind=kind.replace("-", "_")).aggregate(
            kept=Sum("rows_kept"), aside=Sum("rows_set_aside")
        )
        for kind in KINDS
    }
    for kind in KINDS:
        assert recorded[kind] == {"kept": expected[kind], "aside": set_aside[kind]}, kind
        assert expected[kind] + set_aside[kind] == archive.plan.rows_by_kind[kind]
    assert StreetCrimeCount.objects.aggregate(n=Sum("count"))["n"] == expected["street"]
    assert OutcomeCount.objects.aggregate(n=Sum("count"))["n"] == expected["outcomes"]
    assert StopSearch.objects.count() == expected["stop-and-search"]
    districts = set(Lsoa.objects.values_list("district_name", flat=True))
    assert districts and all(re.match(r"Force 0[12] \D", d) for d in districts)


# --- The baselines ----------------------------------------------------------------------------


def _groups_counted(archive) -> int:
    """The groups the baselines make, counted from the files with Python's csv module: street
    crimes per file × LSOA × crime type and per file × LSOA × last outcome category, outcomes per
    file × outcome type, dated searches per file; rows of another month, street crimes without an
    LSOA or a crime type and outcomes without a type left out."""
    groups = set()
    for path in _files(archive):
        kind, month = _kind(path), path.name[:7]
        for row in _rows(path):
            if (
                kind == "street"
                and row["Month"] == month
                and row["LSOA code"]
                and row["Crime type"]
            ):
                groups.add((path.name, row["LSOA code"], "type", row["Crime type"]))
                groups.add((path.name, row["LSOA code"], "outcome", row["Last outcome category"]))
            elif kind == "outcomes" and row["Month"] == month and row["Outcome type"]:
                groups.add((path.name, row["Outcome type"]))
            elif kind == "stop-and-search" and row["Date"]:
                groups.add((path.name,))
    return len(groups)


def _baseline(which: str, folder) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "planwatch.opendata.bench.baselines", which, str(folder)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("which", ["duckdb", "pandas"])
def test_each_baseline_reads_every_row_and_makes_the_groups_the_import_needs(archive, which):
    pytest.importorskip(which)
    assert _baseline(which, archive.path) == {"rows": ROWS, "groups": _groups_counted(archive)}


def _written(path, header: tuple[str, ...], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [list(header)] + [[row.get(column, "") for column in header] for row in rows]
    path.write_bytes(b"".join(encode_rows(lines)))


@pytest.mark.parametrize("which", ["duckdb", "pandas"])
def test_the_baselines_leave_out_the_rows_the_import_sets_aside(tmp_path, which):
    """One row of each kind the import sets aside, beside rows it keeps: neither baseline
    counts a group for them."""
    pytest.importorskip(which)
    street = {"Month": "2024-01", "LSOA code": "E01000001", "LSOA name": "Camden 001A"}
    _written(
        tmp_path / "2024-01" / "2024-01-force-01-street.csv",
        HEADERS[FileKind.STREET],
        [
            {**street, "Crime type": "Burglary", "Last outcome category": "Under investigation"},
            {**street, "Crime type": "Anti-social behaviour"},  # no outcome: one group of its own
            {**street, "Month": "2023-12", "Crime type": "Robbery"},  # another month
            {**street, "Crime type": ""},  # no crime type
            {"Month": "2024-01", "Crime type": "Drugs"},  # no LSOA
        ],
    )
    _written(
        tmp_path / "2024-01" / "2024-01-force-01-outcomes.csv",
        HEADERS[FileKind.OUTCOMES],
        [
            {"Month": "2024-01", "Outcome type": "Offender fined"},
            {"Month": "2023-12", "Outcome type": "Offender cautioned"},  # another month
            {"Month": "2024-01", "Outcome type": ""},  # no outcome type
        ],
    )
    searches = tmp_path / "2024-01" / "2024-01-force-01-stop-and-search.csv"
    _written(searches, HEADERS[FileKind.STOP_AND_SEARCH], [{"Type": "Person search"}])  # no date
    # Street: Burglary and anti-social behaviour by type, and by outcome (blank included);
    # outcomes: Offender fined; searches: none dated.
    assert _baseline(which, tmp_path) == {"rows": 9, "groups": 5}
    _written(
        searches,
        HEADERS[FileKind.STOP_AND_SEARCH],
        [{"Type": "Person search", "Date": "2024-01-05T10:00:00+00:00"}, {"Type": "Vehicle"}],
    )
    assert _baseline(which, tmp_path) == {"rows": 10, "groups": 6}


# --- The plan: plain arithmetic ---------------------------------------------------------------


def test_ten_million_rows_look_like_twenty_months_of_national_data():
    plan = archive_plan(rows=10_000_000, real_rows=REAL_ROWS)
    assert plan.forces == 43
    assert [f"{m:%Y-%m}" for m in plan.months[:: len(plan.months) - 1]] == ["2023-06", "2024-12"]
    assert sum(plan.rows_by_kind.values()) == 10_000_000
    real_month = sum(REAL_ROWS.values()) / 12
    per_file = [sum(sizes) for sizes in zip(*(plan.file_rows(k) for k in KINDS), strict=True)]
    assert len(per_file) == 43 * 19
    assert all(0.9 * real_month < rows < 1.1 * real_month for rows in per_file)
    for kind in KINDS:
        share = plan.rows_by_kind[kind] / 10_000_000
        assert share == pytest.approx(REAL_ROWS[kind] / sum(REAL_ROWS.values()), abs=1e-6)
        assert sum(plan.file_rows(kind)) == plan.rows_by_kind[kind]


def test_a_small_archive_is_one_force_and_one_month():
    plan = archive_plan(rows=5_000, real_rows=REAL_ROWS)
    assert (plan.forces, len(plan.months), plan.name) == (1, 1, "policeuk-5000-rows-1x1-v1")


@given(st.integers(0, 10**8), st.lists(st.integers(1, 10**6), min_size=1, max_size=50))
def test_split_shares_out_exactly(total, weights):
    shares = split(total, weights)
    assert sum(shares) == total
    whole = sum(weights)
    assert all(abs(s - total * w / whole) < 1 for s, w in zip(shares, weights, strict=True))


# --- Ratios, targets and the JSON: plain functions of the timings ----------------------------


def test_the_ratios_are_computed_from_the_timings():
    assert ratios(import_seconds=30, duckdb_seconds=20, pandas_seconds=120) == (1.5, 4.0)
    assert ratios(import_seconds=10, duckdb_seconds=40, pandas_seconds=None) == (0.25, None)


def _result(**overrides):
    runs = {
        "imported": Run(seconds=30.0, peak_rss_mb=900.0),
        "duckdb": Run(seconds=20.0, peak_rss_mb=400.0),
        "pandas": Run(seconds=90.0, peak_rss_mb=6000.0),
    }
    runs.update(overrides)
    return bench_result(rows=10_000_000, database="sqlite", **runs)


def test_the_json_has_the_keys_and_says_which_targets_are_met():
    result = _result(growth={"rows": 2_000_000, "import_seconds": 6.0, "peak_rss_mb": 800.0})
    assert set(result) >= KEYS
    assert {k: result[k] for k in KEYS} == {
        "rows": 10_000_000,
        "import_seconds": 30.0,
        "duckdb_seconds": 20.0,
        "pandas_seconds": 90.0,
        "ratio_vs_duckdb": 1.5,
        "speedup_vs_pandas": 3.0,
        "peak_rss_mb": 900.0,
    }
    assert result["rows_per_second"] == {"import": 333_333, "duckdb": 500_000, "pandas": 111_111}
    assert result["growth"]["peak_rss_ratio"] == 1.12
    assert "800 MB at 2,000,000 rows, 900 MB at 10,000,000 rows (1.12×" in bench_report(result)
    # A larger archive as the second size: its peak over the first's.
    larger = _result(growth={"rows": 20_000_000, "import_seconds": 60.0, "peak_rss_mb": 1080.0})
    assert larger["growth"]["peak_rss_ratio"] == 1.2
    assert larger["targets"]["memory_not_growing"]["met"] is True
    met = {name: t["met"] for name, t in result["targets"].items() if name != "rows"}
    assert met == {
        "ratio_vs_duckdb": True,
        "speedup_vs_pandas": True,
        "peak_rss_mb": True,
        "memory_not_growing": True,
    }
    json.dumps(result)


def test_targets_missed_and_not_measured():
    result = _result(imported=Run(seconds=31.0, peak_rss_mb=2048.0), pandas=None)
    assert (result["pandas_seconds"], result["speedup_vs_pandas"]) == (None, None)
    met = {name: t["met"] for name, t in result["targets"].items() if name != "rows"}
    assert met == {
        "ratio_vs_duckdb": False,
        "speedup_vs_pandas": None,
        "peak_rss_mb": False,
        "memory_not_growing": None,
    }
    report = bench_report(result)
    assert "import ÷ DuckDB alone: 1.55× (at most 1.5×)  NOT MET" in report
    assert "not measured" in report


def test_the_report_is_a_table_of_the_three():
    report = bench_report(_result())
    assert "PlanWatch import benchmark: 10,000,000 rows, sqlite" in report
    assert re.search(r"PlanWatch import +30\.0 +333,333 +900 MB", report)
    assert re.search(r"DuckDB alone +20\.0 +500,000 +400 MB", report)
    assert re.search(r"pandas +90\.0 +111,111 +6,000 MB", report)


def test_the_throwaway_database_is_named_in_the_url_given_to_the_import():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/bench/run-1/import.sqlite3"}
    assert throwaway_url(sqlite, database_url=None) == "sqlite:////srv/bench/run-1/import.sqlite3"
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "test_test_bench"}
    url = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
    assert throwaway_url(postgres, database_url=url) == (
        "postgres://postgres@127.0.0.1:5432/test_test_bench?sslmode=disable"
    )


# --- The command ------------------------------------------------------------------------------


def test_too_few_rows_are_refused():
    with pytest.raises(CommandError, match="number of rows"):
        call_command("bench", "ingest", "--rows", "10")
    with pytest.raises(CommandError, match="--growth-rows must differ"):
        call_command("bench", "ingest", "--rows", "5000", "--growth-rows", "5000")


def test_the_command_measures_all_three_without_touching_the_configured_database(tmp_path):
    """End to end, as `make bench` runs it, at 5,000 rows: the import runs in a throwaway
    database and the configured one is never opened."""
    env = dict(os.environ, SECRET_KEY="bench-test-key", DEBUG="false", PYTHONPATH=".")
    database_url = os.environ.get("DATABASE_URL", "")
    configured = tmp_path / "developer.sqlite3"
    if not database_url.startswith("postgres"):
        env["DATABASE_URL"] = f"sqlite:///{configured}"
    args = ["ingest", "--rows", "5000", "--json", "--cache-dir", str(tmp_path / "bench")]
    if importlib.util.find_spec("pandas") is None:
        args.append("--no-pandas")
    done = subprocess.run(
        [sys.executable, "-m", "planwatch", "bench", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) >= KEYS
    assert result["rows"] == 5_000
    assert result["import_seconds"] > 0 and result["duckdb_seconds"] > 0
    assert result["peak_rss_mb"] > 0 and result["duckdb_peak_rss_mb"] > 0
    assert result["ratio_vs_duckdb"] == pytest.approx(
        result["import_seconds"] / result["duckdb_seconds"], rel=0.01
    )
    assert "PlanWatch import into a throwaway" in done.stderr
    if not database_url.startswith("postgres"):
        assert result["database"] == "sqlite"
        assert not configured.exists()
        assert not list((tmp_path / "bench").glob("run-*"))  # the throwaway database is gone
