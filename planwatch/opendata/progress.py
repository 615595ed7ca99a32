"""Progress of a long command on the terminal: a bar redrawn in place on a terminal, one line
per stage otherwise (in logs and pipes)."""

from __future__ import annotations

import time
from typing import TextIO

WIDTH = 30


class ProgressBar:
    """Called as ``progress(stage, done, total)``; ``done()`` ends the bar's line."""

    def __init__(self, stream: TextIO, *, interval: float = 0.1):
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.interval = interval
        self.stage = ""
        self.drawn = 0.0
        self.open = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.done()
            self.stage = stage
            self.drawn = 0.0  # a new stage is shown at once
            if not self.tty:
                self.stream.write(f"{stage}…\n")
                self.stream.flush()
        if not self.tty:
            return
        now = time.monotonic()
        if done < total and now - self.drawn < self.interval:
            return
        self.drawn = now
        share = done / total if total else 1.0
        filled = round(WIDTH * share)
        bar = "█" * filled + "░" * (WIDTH - filled)
        self.stream.write(f"\r{stage:<40.40} {bar} {share:>4.0%}")
        self.stream.flush()
        self.open = True

    def done(self) -> None:
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False
