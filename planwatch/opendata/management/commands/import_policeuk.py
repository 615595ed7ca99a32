"""planwatch import-policeuk PATH… — import police.uk street, outcomes and stop-and-search files.

planwatch import-policeuk ../shared/data/policeuk/2024
planwatch import-policeuk 2024-01-cambridgeshire-street.csv archive.zip

Every file is read and checked before anything is written; a bad file stops the run and
nothing changes (exit 2). Progress is shown on standard error (a bar on a terminal, a line per
stage otherwise), and a summary of what was kept and set aside on standard output.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planwatch.opendata.ingest import stage
from planwatch.opendata.models import FileKind
from planwatch.opendata.progress import ProgressBar
from planwatch.opendata.services import policeuk_import, run_counts
from planwatch.opendata.sources import FilesRejected, find_sources

ACTOR = "Command line"
COLUMNS = [(FileKind.STREET, "Street"), (FileKind.OUTCOMES, "Outcomes")]
COLUMNS.append((FileKind.STOP_AND_SEARCH, "Stop and search"))


class Command(BaseCommand):
    # The system checks load every page's code (PDF and chart libraries included); a bulk import
    # needs none of it, and is run by scripts every month.
    requires_system_checks = []
    help = (
        "Import police.uk street-level crime, outcomes and stop-and-search CSV files: files, "
        "folders (searched for .csv and .zip files) or the police.uk archive .zip."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A file, folder or .zip.")

    def handle(self, *args, paths, **options):
        started = time.perf_counter()
        progress = ProgressBar(self.stderr._out)
        with tempfile.TemporaryDirectory(prefix="policeuk-") as workdir:
            try:
                sources, errors = find_sources(paths, unpack_to=Path(workdir) / "unpacked")
                if not sources and not errors:
                    raise CommandError("No .csv files found in " + ", ".join(paths), returncode=2)
                # Street crime is read here, the other kinds while it is written.
                with stage(
                    sources, errors=errors, progress=progress, workdir=Path(workdir)
                ) as staged:
                    policeuk_import(staged=staged, actor_label=ACTOR, progress=progress)
                    progress.done()
                    results = staged.results
            except FilesRejected as exc:
                progress.done()
                for error in exc.errors:
                    self.stderr.write(str(error))
                count = len(exc.errors)
                raise CommandError(
                    f"{count} error{'s' if count != 1 else ''}: nothing was imported. "
                    "Correct or replace the files and run the command again.",
                    returncode=2,
                ) from None
        seconds = time.perf_counter() - started
        self._summary(results, seconds=seconds)

    def _summary(self, results, *, seconds: float):
        counts, set_aside = run_counts(results)
        rows = sum(r.data_rows for r in results)
        out = self.stdout.write
        out(
            f"Imported {len(results)} file{'s' if len(results) != 1 else ''}, {rows:,} rows, in "
            f"{seconds:.1f} s ({rows / max(seconds, 1e-9):,.0f} rows/s)."
        )
        out("")
        out("Rows kept")
        header = f"{'Month':<9}" + "".join(f"{label:>17}" for _kind, label in COLUMNS)
        out(header)
        totals = dict.fromkeys((kind for kind, _ in COLUMNS), 0)
        for month, kinds in counts.items():
            cells = []
            for kind, _label in COLUMNS:
                value = kinds.get(kind)
                totals[kind] += value or 0
                cells.append(f"{value:>17,}" if value is not None else f"{'–':>17}")
            out(f"{month:<9}" + "".join(cells))
        out(f"{'Total':<9}" + "".join(f"{totals[kind]:>17,}" for kind, _ in COLUMNS))
        out("")
        if set_aside:
            out(f"Rows set aside: {sum(set_aside.values()):,}")
            for reason, count in set_aside.items():
                out(f"  {reason}: {count:,}")
        else:
            out("Rows set aside: none")
