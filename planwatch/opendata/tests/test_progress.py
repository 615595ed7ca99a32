"""What the police.uk import shows while it runs: a bar per stage on a terminal, a line per
stage in a log."""

import io

import pytest
from django.core.management import call_command

from planwatch.opendata import duckdb_read
from planwatch.opendata.progress import ProgressBar

from .helpers import POLICEUK_2024


class Terminal(io.StringIO):
    def isatty(self):
        return True


def _stages(text: str) -> dict[str, list[str]]:
    """Each stage's bar as drawn in turn (``\\r`` redraws a line), by stage."""
    drawn: dict[str, list[str]] = {}
    for line in text.replace("\r", "\n").splitlines():
        if line.strip():
            stage, _, rest = line.partition("  ")
            drawn.setdefault(stage.strip(), []).append(rest.split()[-1])
    return drawn


def test_a_new_stage_is_shown_at_once_on_a_terminal():
    """Even when the stage before it was drawn a moment ago: a long stage that reports
    nothing more until it ends must not leave the last stage's bar on the screen."""
    terminal = Terminal()
    progress = ProgressBar(terminal, interval=60)
    progress("Checking files", 5, 10)
    progress("Checking files", 10, 10)
    progress("Reading 12 street crime files", 0, 12)
    progress("Reading 12 street crime files", 6, 12)  # within the interval: not redrawn
    progress.done()
    assert _stages(terminal.getvalue()) == {
        "Checking files": ["50%", "100%"],
        "Reading 12 street crime files": ["0%"],
    }
    assert terminal.getvalue().endswith("\n")


def test_in_a_log_each_stage_is_one_line():
    log = io.StringIO()
    progress = ProgressBar(log)
    for done in range(11):
        progress("Checking files", done, 10)
    progress("Reading 12 street crime files", 0, 12)
    progress.done()
    assert log.getvalue() == "Checking files…\nReading 12 street crime files…\n"


@pytest.mark.skipif(
    not POLICEUK_2024.is_dir(),
    reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
)
@pytest.mark.django_db
def test_the_import_shows_the_street_crime_being_read(monkeypatch):
    """Street crime is the longest stage: its bar moves as each batch of files is read."""
    monkeypatch.setattr(duckdb_read, "BATCH_BYTES", 1)  # a batch per file
    terminal = Terminal()
    files = [POLICEUK_2024 / f"2024-0{m}-cambridgeshire-street.csv" for m in (1, 2, 3)]
    call_command("import_policeuk", *map(str, files), stdout=io.StringIO(), stderr=terminal)
    stages = _stages(terminal.getvalue())
    assert stages["Reading 3 street-level crime files"][0] == "0%"
    assert stages["Reading 3 street-level crime files"][-1] == "100%"
