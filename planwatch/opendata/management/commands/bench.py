"""planwatch bench ingest — how fast, and in how much memory, PlanWatch imports a national-scale
police.uk archive, against DuckDB alone and pandas on the same files (docs/benchmarks.md).

planwatch bench ingest --rows 10000000 --growth-rows 20000000
planwatch bench ingest --rows 1000000 --json

A benchmark, not a test: it exits 0 whether or not the targets are met.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from planwatch.opendata.bench.archive import ArchiveError, archive_build
from planwatch.opendata.bench.measure import (
    BenchError,
    bench_report,
    bench_result,
    measure_baseline,
    measure_import,
    scratch,
    summary,
)

MIN_ROWS = 1_000


def _rows(text: str) -> int:
    """A number of rows, written 10000000, 10_000_000 or 10,000,000."""
    try:
        value = int(text.replace(",", ""))
    except ValueError:
        raise ValueError(text) from None
    if value < MIN_ROWS:
        raise ValueError(text)
    return value


_rows.__name__ = f"number of rows (at least {MIN_ROWS:,})"


def default_data_dir() -> Path:
    """The shared data folder beside the repository (../shared/data), or PLANWATCH_DATA_DIR."""
    return Path(
        os.environ.get("PLANWATCH_DATA_DIR") or Path(settings.BASE_DIR).parent / "shared" / "data"
    )


class Command(BaseCommand):
    help = "Benchmarks: `bench ingest` times the police.uk import against DuckDB alone and pandas."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ingest")
        ingest = sub.add_parser(
            "ingest",
            help="Import a national-scale police.uk archive into a throwaway database, and time "
            "DuckDB alone and pandas on the same files.",
        )
        ingest.add_argument(
            "--rows",
            type=_rows,
            metavar="N",
            default=10_000_000,
            help="Data rows in the archive, all kinds together (default 10,000,000).",
        )
        ingest.add_argument(
            "--growth-rows",
            type=_rows,
            metavar="M",
            help="Also import an archive of M rows (more or fewer than --rows) and compare the "
            "import's peak memory at the two sizes: it should not grow with the input.",
        )
        ingest.add_argument(
            "--repeat",
            type=int,
            metavar="K",
            default=1,
            help="Measure each K times: the median time and the highest memory count "
            "(the --growth-rows import is measured once).",
        )
        ingest.add_argument(
            "--no-pandas", action="store_true", help="Leave pandas out (when it is not installed)."
        )
        ingest.add_argument(
            "--cache-dir",
            type=Path,
            metavar="DIR",
            default=Path(settings.BASE_DIR) / "var" / "bench",
            help="Where archives are kept between runs (default var/bench).",
        )
        ingest.add_argument(
            "--data-dir",
            type=Path,
            metavar="DIR",
            default=None,
            help="The shared data folder holding policeuk/2024 "
            "(default ../shared/data, or PLANWATCH_DATA_DIR).",
        )
        ingest.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, action, **options):
        rows, growth_rows = options["rows"], options["growth_rows"]
        if growth_rows is not None and growth_rows == rows:
            raise CommandError("--growth-rows must differ from --rows.", returncode=2)
        if options["repeat"] < 1:
            raise CommandError("--repeat must be 1 or more.", returncode=2)
        with_pandas = not options["no_pandas"]
        if with_pandas and importlib.util.find_spec("pandas") is None:
            raise CommandError(
                "pandas is not installed: pip install -e '.[bench]' (make bench does), "
                "or leave it out with --no-pandas."
            )
        try:
            result = self._bench(
                rows=rows,
                growth_rows=growth_rows,
                repeat=options["repeat"],
                with_pandas=with_pandas,
                cache_dir=options["cache_dir"].resolve(),
                data_dir=options["data_dir"] or default_data_dir(),
            )
        except (ArchiveError, BenchError) as exc:
            raise CommandError(str(exc)) from None
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2))
        else:
            self.stdout.write(bench_report(result))

    def _say(self, text: str) -> None:
        self.stderr.write(text)

    def _bench(self, *, rows, growth_rows, repeat, with_pandas, cache_dir, data_dir) -> dict:
        archives = {}
        for size in filter(None, (rows, growth_rows)):
            archive = archive_build(
                rows=size, data_dir=data_dir, cache_dir=cache_dir, progress=self._say
            )
            verb = f"Built in {archive.seconds:.1f} s" if archive.built else "Using the archive"
            self._say(f"{verb}: {archive.path} ({archive.files:,} files)")
            archives[size] = archive
        if any(archive.built for archive in archives.values()):
            # The new files reach the disk now, not while the processes below are timed.
            os.sync()
        archive = archives[rows]
        database = connections[DEFAULT_DB_ALIAS].vendor
        logs = cache_dir / "logs"
        runs = {"import": [], "duckdb": [], "pandas": []}
        with scratch(cache_dir) as workdir:
            for attempt in range(1, repeat + 1):
                of = f" ({attempt} of {repeat})" if repeat > 1 else ""
                self._say(f"PlanWatch import into a throwaway {database} database{of}…")
                runs["import"].append(measure_import(archive, workdir=Path(workdir), logs=logs))
                self._say(f"DuckDB alone{of}…")
                runs["duckdb"].append(measure_baseline("duckdb", archive, logs=logs))
                if with_pandas:
                    self._say(f"pandas{of}…")
                    runs["pandas"].append(measure_baseline("pandas", archive, logs=logs))
            growth = None
            if growth_rows:
                self._say(f"PlanWatch import of {growth_rows:,} rows, for its peak memory…")
                other = measure_import(archives[growth_rows], workdir=Path(workdir), logs=logs)
                growth = {
                    "rows": growth_rows,
                    "import_seconds": round(other.seconds, 3),
                    "peak_rss_mb": round(other.peak_rss_mb, 1),
                }
        return bench_result(
            rows=rows,
            imported=summary(runs["import"]),
            duckdb=summary(runs["duckdb"]),
            pandas=summary(runs["pandas"]) if runs["pandas"] else None,
            database=database,
            repeat=repeat,
            archive={
                "path": str(archive.path),
                "files": archive.files,
                "bytes": archive.bytes,
                "forces": archive.plan.forces,
                "months": len(archive.plan.months),
            },
            growth=growth,
        )
