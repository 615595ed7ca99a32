"""Measuring the import, DuckDB alone and pandas on one archive (docs/benchmarks.md).

Each is a process of its own, started here through ``bench.peak``, which runs the module as
``python -m`` does and records the process's own peak resident memory as it exits. Its time is
the process's wall-clock time, start to exit: what someone running it waits for, interpreter
and imports included.

- **import**: ``python -m planwatch import-policeuk ARCHIVE`` against a throwaway database
  made (and dropped) here with Django's test-database machinery, so the developer's data is
  never touched. It runs with ``DEBUG`` off, as in production (with it on, Django keeps every
  query's SQL). Afterwards the rows it recorded are checked against the archive's.
- **duckdb** and **pandas**: ``python -m planwatch.opendata.bench.baselines duckdb|pandas
  ARCHIVE``, which must report every row read.

``bench_result``, ``bench_targets`` and ``bench_report`` are plain functions of the timings.
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Sum

from planwatch.opendata.models import ForceMonth

from .archive import Archive

# The targets, for an archive of TARGET_ROWS rows.
TARGET_ROWS = 10_000_000
RATIO_VS_DUCKDB_AT_MOST = 1.5
SPEEDUP_VS_PANDAS_AT_LEAST = 3.0
PEAK_RSS_MB_UNDER = 2048.0
# "Not growing with input size": from the archive of TARGET_ROWS to a larger one (make bench
# imports twice as many rows as well), peak memory grows by at most this factor.
GROWTH_AT_MOST = 1.25
LOG_TAIL = 20


class BenchError(Exception):
    """A measured process failed, or did not do all the work."""


@dataclass(frozen=True)
class Run:
    """One measured process."""

    seconds: float
    peak_rss_mb: float
    output: str = ""


def run_module(module: str, args: list[str], *, env: dict[str, str], log: Path) -> Run:
    """``python -m MODULE ARGS…`` to its end, its output (both streams) to ``log``: its
    wall-clock time and its own peak resident memory (written by ``bench.peak`` as it exits).
    Raises ``BenchError`` if it fails."""
    log.parent.mkdir(parents=True, exist_ok=True)
    peak_file = log.with_suffix(".peak")
    peak_file.unlink(missing_ok=True)
    argv = [sys.executable, "-m", "planwatch.opendata.bench.peak", str(peak_file), module, *args]
    with log.open("wb") as out:
        started = time.perf_counter()
        code = subprocess.call(  # noqa: S603 (our own interpreter and modules)
            argv, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=settings.BASE_DIR
        )
        seconds = time.perf_counter() - started
    output = log.read_text(encoding="utf-8", errors="replace")
    if code != 0:
        tail = "\n".join(output.splitlines()[-LOG_TAIL:])
        raise BenchError(
            f"python -m {module} {' '.join(args)} exited with {code} "
            f"(whole output in {log}):\n{tail}"
        )
    try:
        peak_kib = int(peak_file.read_text())
    except (OSError, ValueError):
        raise BenchError(f"python -m {module} did not report its peak memory.") from None
    return Run(seconds=seconds, peak_rss_mb=peak_kib / 1024, output=output)


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a measured process: this one's, with PlanWatch's code from this
    checkout first on the path."""
    env = dict(os.environ)
    base = str(settings.BASE_DIR)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (base, env.get("PYTHONPATH")) if p)
    env.update(extra)
    return env


# --- The throwaway database -------------------------------------------------------------------


def throwaway_url(settings_dict: dict, *, database_url: str | None) -> str:
    """The ``DATABASE_URL`` of the throwaway database that ``settings_dict`` now names."""
    name = settings_dict["NAME"]
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return "sqlite:///" + str(Path(name).resolve())
    if not database_url:
        raise BenchError("DATABASE_URL is not set: the import's process needs it.")
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path="/" + name))


@contextmanager
def throwaway_database(workdir: Path) -> Iterator[str]:
    """A new, migrated database beside the configured one, dropped at the end: its
    ``DATABASE_URL``. SQLite: a file in ``workdir``; PostgreSQL: ``test_<name>_bench`` on the
    same server (made with Django's test-database machinery, which needs a user that can create
    databases)."""
    connection = connections[DEFAULT_DB_ALIAS]
    test = connection.settings_dict.setdefault("TEST", {})
    saved_test_name = test.get("NAME")
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        test["NAME"] = str(workdir / "import.sqlite3")
    else:
        test["NAME"] = f"test_{old_name}_bench"
    try:
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=False
        )
        try:
            connection.close()
            yield throwaway_url(
                connection.settings_dict, database_url=os.environ.get("DATABASE_URL")
            )
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
    finally:
        test["NAME"] = saved_test_name


# The office's own force in the archive: its first.
BENCH_FORCE = "force-01"


def measure_import(archive: Archive, *, workdir: Path, logs: Path) -> Run:
    """``planwatch import-policeuk ARCHIVE`` into a throwaway database and Parquet store, as an
    office of the archive's first force (``POLICEUK_FORCE``) would; checks that it recorded
    every row of the archive (kept or set aside)."""
    with throwaway_database(workdir) as url:
        run = run_module(
            "planwatch",
            ["import-policeuk", str(archive.path)],
            env=child_env(
                DATABASE_URL=url,
                DEBUG="false",
                SECRET_KEY=secrets.token_urlsafe(50),
                POLICEUK_FORCE=BENCH_FORCE,
                POLICEUK_STORE=str(workdir / "store"),
            ),
            log=logs / f"import-{archive.plan.rows}.log",
        )
        recorded = ForceMonth.objects.aggregate(kept=Sum("rows_kept"), aside=Sum("rows_set_aside"))
        connections[DEFAULT_DB_ALIAS].close()
    total = (recorded["kept"] or 0) + (recorded["aside"] or 0)
    if total != archive.plan.rows:
        raise BenchError(
            f"The import recorded {total:,} rows (kept and set aside) of the archive's "
            f"{archive.plan.rows:,}."
        )
    return run


def measure_baseline(which: str, archive: Archive, *, logs: Path) -> Run:
    """DuckDB alone or pandas on the archive; checks that it read every row."""
    run = run_module(
        "planwatch.opendata.bench.baselines",
        [which, str(archive.path)],
        env=child_env(),
        log=logs / f"{which}-{archive.plan.rows}.log",
    )
    reported = json.loads(run.output.strip().splitlines()[-1])
    if reported["rows"] != archive.plan.rows:
        raise BenchError(
            f"{which} read {reported['rows']:,} rows of the archive's {archive.plan.rows:,}."
        )
    return run


def summary(runs: list[Run]) -> Run:
    """Several runs of one process: the median time and the highest peak memory."""
    return Run(
        seconds=statistics.median(r.seconds for r in runs),
        peak_rss_mb=max(r.peak_rss_mb for r in runs),
    )


def scratch(cache_dir: Path):
    cache_dir.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(prefix="run-", dir=cache_dir)


# --- Results: plain functions of the timings ------------------------------------------------


def ratios(
    *, import_seconds: float, duckdb_seconds: float, pandas_seconds: float | None
) -> tuple[float, float | None]:
    """``ratio_vs_duckdb`` (import ÷ DuckDB alone: 1.5 means the import takes half as long
    again) and ``speedup_vs_pandas`` (pandas ÷ import: 3 means the import is three times as
    fast); None without a pandas time."""
    ratio = import_seconds / duckdb_seconds
    speedup = None if pandas_seconds is None else pandas_seconds / import_seconds
    return ratio, speedup


def _rounded(value: float | None, places: int) -> float | None:
    return None if value is None else round(value, places)


def bench_result(
    *,
    rows: int,
    imported: Run,
    duckdb: Run,
    pandas: Run | None,
    database: str,
    repeat: int = 1,
    archive: dict | None = None,
    growth: dict | None = None,
) -> dict:
    """The benchmark's JSON: the timings, the two ratios, peak memory, and the targets."""
    ratio, speedup = ratios(
        import_seconds=imported.seconds,
        duckdb_seconds=duckdb.seconds,
        pandas_seconds=pandas.seconds if pandas else None,
    )
    result = {
        "rows": rows,
        "import_seconds": round(imported.seconds, 3),
        "duckdb_seconds": round(duckdb.seconds, 3),
        "pandas_seconds": _rounded(pandas.seconds if pandas else None, 3),
        "ratio_vs_duckdb": round(ratio, 2),
        "speedup_vs_pandas": _rounded(speedup, 2),
        "peak_rss_mb": round(imported.peak_rss_mb, 1),
        "duckdb_peak_rss_mb": round(duckdb.peak_rss_mb, 1),
        "pandas_peak_rss_mb": _rounded(pandas.peak_rss_mb if pandas else None, 1),
        "rows_per_second": {
            "import": round(rows / imported.seconds),
            "duckdb": round(rows / duckdb.seconds),
            "pandas": round(rows / pandas.seconds) if pandas else None,
        },
        "database": database,
        "repeat": repeat,
        "archive": archive,
        "growth": None,
    }
    if growth is not None:
        # The larger archive's peak over the smaller's, whichever was measured second.
        if growth["rows"] > rows:
            ratio_of_peaks = growth["peak_rss_mb"] / imported.peak_rss_mb
        else:
            ratio_of_peaks = imported.peak_rss_mb / growth["peak_rss_mb"]
        result["growth"] = {**growth, "peak_rss_ratio": round(ratio_of_peaks, 2)}
    result["targets"] = bench_targets(
        ratio=ratio,
        speedup=speedup,
        peak_rss_mb=imported.peak_rss_mb,
        growth_ratio=result["growth"]["peak_rss_ratio"] if result["growth"] else None,
    )
    return result


def bench_targets(
    *, ratio: float, speedup: float | None, peak_rss_mb: float, growth_ratio: float | None
) -> dict:
    """Each target, and whether it is met (None: not measured)."""
    return {
        "rows": TARGET_ROWS,
        "ratio_vs_duckdb": {
            "at_most": RATIO_VS_DUCKDB_AT_MOST,
            "met": ratio <= RATIO_VS_DUCKDB_AT_MOST,
        },
        "speedup_vs_pandas": {
            "at_least": SPEEDUP_VS_PANDAS_AT_LEAST,
            "met": None if speedup is None else speedup >= SPEEDUP_VS_PANDAS_AT_LEAST,
        },
        "peak_rss_mb": {"under": PEAK_RSS_MB_UNDER, "met": peak_rss_mb < PEAK_RSS_MB_UNDER},
        "memory_not_growing": {
            "growth_at_most": GROWTH_AT_MOST,
            "met": None if growth_ratio is None else growth_ratio <= GROWTH_AT_MOST,
        },
    }


def _met(value: bool | None) -> str:
    return {True: "met", False: "NOT MET", None: "not measured"}[value]


def bench_report(result: dict) -> str:
    """The result as a table for people."""
    rows = result["rows"]
    archive = result.get("archive") or {}
    lines = [f"PlanWatch import benchmark: {rows:,} rows, {result['database']}"]
    if archive:
        lines.append(
            f"Archive: {archive['forces']} forces × {archive['months']} months, "
            f"{archive['files']:,} files, {archive['bytes'] / 2**20:,.0f} MB ({archive['path']})"
        )
    if result["repeat"] > 1:
        lines.append(f"Each measured {result['repeat']} times: median time, highest memory.")
    lines += ["", f"{'':<20}{'seconds':>10}{'rows/s':>13}{'peak memory':>15}"]
    measured = [
        ("PlanWatch import", result["import_seconds"], "import", result["peak_rss_mb"]),
        ("DuckDB alone", result["duckdb_seconds"], "duckdb", result["duckdb_peak_rss_mb"]),
        ("pandas", result["pandas_seconds"], "pandas", result["pandas_peak_rss_mb"]),
    ]
    for label, seconds, key, memory in measured:
        if seconds is None:
            lines.append(f"{label:<20}{'not measured':>38}")
            continue
        per_second = result["rows_per_second"][key]
        lines.append(f"{label:<20}{seconds:>10,.1f}{per_second:>13,}{memory:>12,.0f} MB")
    targets = result["targets"]
    lines += [
        "",
        f"Targets (set for {targets['rows']:,} rows):",
        f"  import ÷ DuckDB alone: {result['ratio_vs_duckdb']:,.2f}× "
        f"(at most {RATIO_VS_DUCKDB_AT_MOST}×)  {_met(targets['ratio_vs_duckdb']['met'])}",
    ]
    speedup = result["speedup_vs_pandas"]
    lines.append(
        "  pandas ÷ import: "
        + ("–" if speedup is None else f"{speedup:,.2f}×")
        + f" (at least {SPEEDUP_VS_PANDAS_AT_LEAST:g}×)  "
        + _met(targets["speedup_vs_pandas"]["met"])
    )
    lines.append(
        f"  import's peak memory: {result['peak_rss_mb']:,.0f} MB "
        f"(under {PEAK_RSS_MB_UNDER:,.0f} MB)  {_met(targets['peak_rss_mb']['met'])}"
    )
    growth = result["growth"]
    if growth:
        sizes = sorted([(rows, result["peak_rss_mb"]), (growth["rows"], growth["peak_rss_mb"])])
        lines.append(
            "  memory with input size: "
            + ", ".join(f"{mb:,.0f} MB at {n:,} rows" for n, mb in sizes)
            + f" ({growth['peak_rss_ratio']:.2f}×; at most {GROWTH_AT_MOST}×)  "
            f"{_met(targets['memory_not_growing']['met'])}"
        )
    else:
        lines.append(
            "  memory with input size: not measured (--growth-rows M imports an archive of "
            "another size too)"
        )
    return "\n".join(lines)
