"""Checks made on each police.uk file before its rows are read: its name (which gives the force
and the month), its header (which gives the kind of file) and its end (a download cut short
ends part-way through a line).

A file cut in its last field still has every column, so a CSV reader cannot tell; but police.uk
ends every line, the last one included, with a line break, so a file that does not end with one
was cut short.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from planwatch.performance.imports import RowError

from .models import FileKind
from .sources import LineError, Source

HEADERS: dict[str, tuple[str, ...]] = {
    FileKind.STREET: (
        "Crime ID",
        "Month",
        "Reported by",
        "Falls within",
        "Longitude",
        "Latitude",
        "Location",
        "LSOA code",
        "LSOA name",
        "Crime type",
        "Last outcome category",
        "Context",
    ),
    FileKind.OUTCOMES: (
        "Crime ID",
        "Month",
        "Reported by",
        "Falls within",
        "Longitude",
        "Latitude",
        "Location",
        "LSOA code",
        "LSOA name",
        "Outcome type",
    ),
    FileKind.STOP_AND_SEARCH: (
        "Type",
        "Date",
        "Part of a policing operation",
        "Policing operation",
        "Latitude",
        "Longitude",
        "Gender",
        "Age range",
        "Self-defined ethnicity",
        "Officer-defined ethnicity",
        "Legislation",
        "Object of search",
        "Outcome",
        "Outcome linked to object of search",
        "Removal of more than just outer clothing",
    ),
}
KIND_IN_NAME = {"street": FileKind.STREET, "outcomes": FileKind.OUTCOMES}
KIND_IN_NAME["stop-and-search"] = FileKind.STOP_AND_SEARCH
KIND_LABEL = {kind.value: kind.label.lower() for kind in FileKind}
FILE_NAME = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<force>[a-z0-9][a-z0-9-]*?)"
    r"-(?P<kind>street|outcomes|stop-and-search)\.csv$"
)

SNIFF_BYTES = 65536
# Enough for the header row of any police.uk file (and to tell binary data): more is read only
# when it holds no line break.
HEAD_BYTES = 4096


def _head(handle) -> bytes:
    """A file's first bytes: enough for its header row."""
    head = handle.read(HEAD_BYTES)
    if b"\n" not in head:
        head += handle.read(SNIFF_BYTES - len(head))
    return head


def header_kind(source: Source, head: bytes) -> tuple[str, list[RowError]]:
    """The kind of file whose first bytes are ``head``, from its header row, or the errors that
    say why it has none."""
    name = source.label
    if not head.strip():
        return "", [LineError(name, "the file is empty.", row=1)]
    if b"\x00" in head or head.startswith(b"PK\x03\x04"):
        return "", [LineError(name, "not a CSV file (it holds binary data).")]
    first_line = head.splitlines()[0]
    try:
        text = first_line.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "", [LineError(name, "not a CSV file in UTF-8.", row=1)]
    header = tuple(cell.strip() for cell in next(csv.reader([text])))
    for kind, expected in HEADERS.items():
        if header == expected:
            return kind, []
    # Not an exact match: say what is missing from the kind its name (or its header) suggests.
    match = FILE_NAME.match(source.path.name)
    guess = KIND_IN_NAME[match["kind"]] if match else None
    if guess is None:
        guess = max(HEADERS, key=lambda k: len(set(HEADERS[k]) & set(header)))
        if not set(HEADERS[guess]) & set(header):
            return "", [
                LineError(
                    name,
                    "not a police.uk street, outcomes or stop-and-search file: its header row "
                    "is not one of theirs.",
                    row=1,
                )
            ]
    expected = HEADERS[guess]
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing:
        return "", [
            LineError(
                name,
                f"the column is missing from the header of this {KIND_LABEL[guess]} file.",
                row=1,
                column=c,
            )
            for c in missing
        ]
    if extra:
        return "", [
            LineError(name, f"not a column of a {KIND_LABEL[guess]} file.", row=1, column=c)
            for c in extra
        ]
    return "", [
        LineError(
            name,
            f"the columns are not in the published order: {', '.join(expected)}.",
            row=1,
        )
    ]


@dataclass(frozen=True)
class CheckedFile:
    source: Source
    kind: str
    force: str
    month: dt.date

    @property
    def key(self) -> tuple[str, dt.date, str]:
        return (self.force, self.month, self.kind)


def file_check(source: Source) -> tuple[CheckedFile | None, list[RowError]]:
    """The file's kind, force and month, or the errors that say why it cannot be read."""
    try:
        with source.path.open("rb") as handle:  # one opening for the first bytes and the last
            head = _head(handle)
            size = handle.seek(0, 2)
            ends_a_line = size > 0 and handle.seek(size - 1) >= 0 and handle.read(1) == b"\n"
    except OSError as exc:
        return None, [LineError(source.label, f"could not be read: {exc.strerror or exc}.")]
    kind, errors = header_kind(source, head)
    if errors:
        return None, errors
    match = FILE_NAME.match(source.path.name)
    if not match:
        return None, [
            LineError(
                source.label,
                "the file name must be as police.uk publishes it, "
                "YYYY-MM-<force>-<street|outcomes|stop-and-search>.csv: it gives the force "
                "and the month.",
            )
        ]
    if KIND_IN_NAME[match["kind"]] != kind:
        named = KIND_LABEL[KIND_IN_NAME[match["kind"]]]
        return None, [
            LineError(
                source.label,
                f"the name says {named} but the header is that of a {KIND_LABEL[kind]} file.",
                row=1,
            )
        ]
    try:
        month = dt.date(int(match["year"]), int(match["month"]), 1)
    except ValueError:
        return None, [LineError(source.label, "the file name's month is not a month.")]
    if not ends_a_line and (cut := last_line_cut(source, HEADERS[kind])) is not None:
        return None, [cut]
    return CheckedFile(source, kind, match["force"], month), []


def last_line_cut(source: Source, columns: tuple[str, ...]) -> RowError | None:
    """An error naming the last line, and the column it stops in, when the file does not end
    with a line break."""
    with source.path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        if size == 0:
            return None
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return None
        handle.seek(max(0, size - SNIFF_BYTES))
        tail = handle.read()
        handle.seek(0)
        lines = 1
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    if lines == 1:
        return None  # a header alone: no rows to lose
    last = tail.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")
    fields = next(csv.reader([last]), [""])
    return LineError(
        source.label,
        "the last line is cut off (the file does not end with a line break): the file is "
        "truncated (download it again).",
        row=lines,
        column=columns[min(len(fields), len(columns)) - 1],
    )


def files_check(
    sources: list[Source], *, progress: Callable[[str, int, int], None] | None = None
) -> tuple[list[CheckedFile], list[RowError]]:
    """Every file checked; two files for the same force, month and kind are an error."""
    checked: list[CheckedFile] = []
    errors: list[RowError] = []
    seen: dict[tuple, str] = {}
    for number, source in enumerate(sources, start=1):
        file, found = file_check(source)
        errors.extend(found)
        if file is not None:
            if file.key in seen:
                errors.append(
                    LineError(
                        source.label,
                        f"the same force, month and kind as {seen[file.key]}: give one of them.",
                    )
                )
            else:
                seen[file.key] = source.label
                checked.append(file)
        if progress is not None:
            progress("Checking files", number, len(sources))
    return checked, errors
