"""planwatch import-policeuk PATH… — import police.uk street, outcomes and stop-and-search files.

planwatch import-policeuk ../shared/data/policeuk/2024
planwatch import-policeuk 2024-01-cambridgeshire-street.csv archive.zip

Every file is read and checked before anything is written; a bad file stops the run and
nothing changes (exit 2). Progress is shown on standard error (a bar on a terminal, a line per
stage otherwise), and a summary of what was kept and set aside on standard output.

Stopping it (Ctrl-C, or ``kill``: SIGTERM, as a scheduler's time limit or a service manager
sends) changes nothing either: the reading stops, the transaction is rolled back, what it had
written to the Parquet store and its working folder are deleted, and it exits 130 (SIGINT) or
143 (SIGTERM). The working folder of an import killed outright (``kill -9``) is deleted by the
next one (``workdirs``).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError

from planwatch.opendata.ingest import stage
from planwatch.opendata.models import FileKind
from planwatch.opendata.progress import ProgressBar
from planwatch.opendata.services import policeuk_import, run_counts
from planwatch.opendata.sources import FilesRejected, find_sources
from planwatch.opendata.workdirs import abandoned_delete, working_folder

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
        received: list[int] = []
        self.saved = False
        try:
            with signals_stop_it(received):
                results = self._import(paths, progress)
        except BaseException:
            # A signal surfaces as ``Stopped``, or as whatever it interrupted became (DuckDB
            # reports an interrupted query as its own error).
            if not received:
                raise
            progress.done()
            message = "Stopped: nothing was imported."
            if self.saved:  # stopped while tidying up, after the commit
                message = "Stopped after the import was saved: it is complete."
            raise CommandError(message, returncode=128 + received[0]) from None
        seconds = time.perf_counter() - started
        self._summary(results, seconds=seconds)

    def _import(self, paths: list[str], progress: ProgressBar) -> list:
        for folder in abandoned_delete():
            self.stderr.write(f"Deleted {folder}, the working folder of an import killed outright.")
        with working_folder() as workdir:
            try:
                sources, errors = find_sources(paths, unpack_to=workdir / "unpacked")
                if not sources and not errors:
                    raise CommandError("No .csv files found in " + ", ".join(paths), returncode=2)
                # Street crime is read here, the other kinds while it is written.
                with stage(sources, errors=errors, progress=progress, workdir=workdir) as staged:
                    policeuk_import(staged=staged, actor_label=ACTOR, progress=progress)
                    self.saved = True
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
        return results

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


class Stopped(Exception):
    """The process was sent SIGINT (Ctrl-C) or SIGTERM."""


STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def signals_stop_it(received: list[int]) -> Iterator[None]:
    """Within: SIGINT (Ctrl-C) and SIGTERM are added to ``received`` and raise ``Stopped`` in the
    main thread, so that the import stops and tidies up whichever stopped it; a second signal
    acts as it did before. A signal the process was started to ignore (``nohup``, a background
    job) stays ignored. Outside the main thread, where Python cannot set signal handlers,
    nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {
        number: handler
        for number in STOPPING_SIGNALS
        # None: a handler set outside Python, which it cannot put back.
        if (handler := signal.getsignal(number)) not in (signal.SIG_IGN, None)
    }

    def stopped(number, frame):
        received.append(number)
        for each, handler in previous.items():
            signal.signal(each, handler)
        raise Stopped

    for number in previous:
        signal.signal(number, stopped)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
