"""The files of a police.uk import: finding them (files, folders, .zip archives), what a read
file holds, and how a file's problems are named (file, line, column)."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from planwatch.performance.imports import RowError


@dataclass(frozen=True)
class Source:
    """A file to read: where it is, and how to name it in messages."""

    path: Path
    label: str


@dataclass
class FileResult:
    """One file, read and checked: its data rows, and those set aside by reason (the rows
    themselves stay in the staging tables, see ``ingest``)."""

    source: Source
    kind: str
    force: str
    month: dt.date
    data_rows: int
    set_aside: Counter = field(default_factory=Counter)

    @property
    def rows_kept(self) -> int:
        return self.data_rows - sum(self.set_aside.values())


@dataclass(frozen=True)
class LineError(RowError):
    """A ``RowError`` placed by the file's line (the header is line 1), as DuckDB counts."""

    @property
    def place(self) -> str:
        parts = [self.file_name]
        if self.row is not None:
            parts.append(f"line {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)


class FilesRejected(Exception):
    """One or more files could not be read: nothing was imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


# --- Finding files ----------------------------------------------------------------------------


def find_sources(
    paths: Iterable[str | Path], *, unpack_to: Path
) -> tuple[list[Source], list[RowError]]:
    """The files to read: each file given, the ``.csv`` files in each folder (recursed), and the
    ``.csv`` files in each ``.zip`` archive (extracted under ``unpack_to``); and the paths that
    could not be read. A file reached twice (a folder and a file in it, or a link to it) is
    read once."""
    sources: list[Source] = []
    errors: list[RowError] = []
    for number, raw in enumerate(paths):
        path = Path(raw)
        if path.is_dir():
            for found in _files_in(path):
                if found.suffix.lower() == ".csv":
                    sources.append(Source(found, found.name))
                elif found.suffix.lower() == ".zip":
                    sources.extend(_unzip(found, unpack_to / str(number) / found.stem, errors))
        elif path.is_file() and path.suffix.lower() == ".zip":
            sources.extend(_unzip(path, unpack_to / str(number), errors))
        elif path.is_file():
            sources.append(Source(path, path.name))
        else:
            errors.append(LineError(str(path), "no such file or folder."))
    unique: dict[tuple[int, int], Source] = {}
    for source in sources:
        found = os.stat(source.path)
        unique.setdefault((found.st_dev, found.st_ino), source)
    return list(unique.values()), errors


def _files_in(folder: Path) -> list[Path]:
    """The files in ``folder`` and the folders under it (not following links to folders), in
    the order of their paths. A police.uk archive holds thousands: ``os.walk`` lists them
    without a system call per file, and only the ``.csv`` and ``.zip`` files are looked at."""
    found = []
    for root, _folders, names in os.walk(folder):
        for name in names:
            if name.lower().endswith((".csv", ".zip")) and os.path.isfile(
                path := os.path.join(root, name)
            ):
                found.append(path)
    found.sort(key=lambda path: path.split(os.sep))
    return [Path(path) for path in found]


def _unzip(path: Path, target: Path, errors: list[RowError]) -> list[Source]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                m
                for m in archive.infolist()
                if not m.is_dir()
                and m.filename.lower().endswith(".csv")
                and not any(part.startswith((".", "__MACOSX")) for part in Path(m.filename).parts)
            ]
            archive.extractall(target, members)
    except (zipfile.BadZipFile, OSError) as exc:
        errors.append(LineError(path.name, f"not a readable .zip archive ({exc})."))
        return []
    return [
        Source(target / m.filename, f"{path.name}:{m.filename}")
        for m in sorted(members, key=lambda m: m.filename)
    ]
