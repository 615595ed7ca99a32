"""A national-scale police.uk archive, made by resampling the real files.

The real files are Cambridgeshire's for 2024 (``<data>/policeuk/2024``: street, outcomes and
stop-and-search, one of each a month). An archive of N rows is laid out as police.uk publishes
one, ``YYYY-MM/YYYY-MM-<force>-<kind>.csv``, for synthetic forces ``force-01`` … ``force-43``
and consecutive months ending in December 2024. Every force-month is about the size of one of
Cambridgeshire's months, so 10 million rows is 43 forces × 19 months, and the three kinds are
in the real files' proportions. Each file is a run of the kind's real rows, shuffled (a sample
without replacement, from a place of the file's own), and then:

- ``Crime ID`` is new: its first 8 hex digits are the file's own, so IDs are unique across files
  (blank stays blank: anti-social behaviour has none);
- ``Month`` is the file's month, and ``Reported by`` / ``Falls within`` the force's name;
- ``LSOA code`` and ``LSOA name`` are the force's own: ``E01017540`` / ``Cambridge 007B`` become
  ``X07E01017540`` / ``Force 07 Cambridge 007B`` for force 07, so each force has its own LSOAs
  and districts ("Force 07 Cambridge"), and rows without an LSOA keep none;
- a stop and search's ``Date`` moves to the file's month (the day kept, or the month's last day),
  with its time and ``+00:00`` offset as published.

Everything else is as published. The header row is copied from the real file, and rows are
written as police.uk writes them (Python's csv module, minimal quoting, CRLF line ends): written
back unchanged, a real file comes out byte for byte the same. To be quick (10 million rows,
2.3 GB, in about 15 seconds), the real rows are encoded once, with placeholders where a file's
force, month and IDs go, and each file is a slice of them with the placeholders translated.

An archive is kept under its cache folder, named by its size and layout, and used again by later
runs.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import hashlib
import io
import itertools
import json
import math
import random
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

# Bump when what an archive holds changes, so archives kept from before are built again.
FORMAT = 1
KINDS = ("street", "outcomes", "stop-and-search")
MAX_FORCES = 43  # the territorial police forces of England and Wales
LAST_MONTH = dt.date(2024, 12, 1)
MANIFEST = "manifest.json"
SEED = 2024
# The real rows a file is drawn from: all of them, or for small files a shuffled sample of at
# least this many times the longest file's rows (and at least POOL_MIN).
POOL_PER_FILE = 8
POOL_MIN = 10_000

# The real rows are encoded once with placeholders where each file's force, month and IDs go,
# one control character per digit (they never occur in the published files); a file is a run of
# encoded rows with the placeholders translated (``bytes.translate``: one pass, no copying of
# lines). The force's two digits, the month's YYYY and MM, the 8 hex digits that begin each
# crime ID, and a stop and search's day when it is the 29th, 30th or 31st (a shorter month has
# its last day instead).
PLACEHOLDERS = bytes([*range(1, 9), 11, 12, *range(14, 26)])
FORCE = PLACEHOLDERS[0:2].decode()
MONTH = PLACEHOLDERS[2:6].decode() + "-" + PLACEHOLDERS[6:8].decode()
TAG = PLACEHOLDERS[8:16].decode()
LATE_DAYS = {29: PLACEHOLDERS[16:18].decode(), 30: PLACEHOLDERS[18:20].decode()}
LATE_DAYS[31] = PLACEHOLDERS[20:22].decode()
ISO_DATE = re.compile(r"^\d{4}-\d{2}-(\d{2})T")
PLACEHOLDERS_IN = re.compile("[" + re.escape(PLACEHOLDERS.decode()) + "]")


def _translation(*, kind: str, number: int, month: dt.date) -> bytes:
    """The ``bytes.translate`` table that makes the placeholders one file's values."""
    name = f"{month:%Y-%m}-force-{number:02d}-{kind}"
    days = calendar.monthrange(month.year, month.month)[1]
    values = b"%02d" % number + f"{month:%Y%m}".encode()
    values += hashlib.sha256(name.encode()).hexdigest()[:8].encode()
    values += b"".join(b"%02d" % min(day, days) for day in LATE_DAYS)
    return bytes.maketrans(PLACEHOLDERS[: len(values)], values)


class ArchiveError(Exception):
    """The real files needed to build an archive are missing or unreadable."""


@dataclass(frozen=True)
class ArchivePlan:
    """How an archive of ``rows`` rows is laid out."""

    rows: int
    forces: int
    months: tuple[dt.date, ...]
    rows_by_kind: dict[str, int]

    @property
    def force_months(self) -> int:
        return self.forces * len(self.months)

    @property
    def name(self) -> str:
        return f"policeuk-{self.rows}-rows-{self.forces}x{len(self.months)}-v{FORMAT}"

    def file_rows(self, kind: str) -> list[int]:
        """Rows in each of the kind's files, in force-month order (force by force, month by
        month): the kind's rows shared out as evenly as they go."""
        return split(self.rows_by_kind[kind], [1] * self.force_months)


@dataclass(frozen=True)
class Archive:
    path: Path
    plan: ArchivePlan
    files: int
    bytes: int
    built: bool  # False when a kept archive was used
    seconds: float


def split(total: int, weights: list[float]) -> list[int]:
    """``total`` shared in proportion to ``weights`` in whole numbers that add up to it
    (largest remainders first; ties to the earlier)."""
    whole = sum(weights)
    if total < 0 or whole <= 0:
        raise ValueError("split needs a total of 0 or more and positive weights")
    exact = [total * w / whole for w in weights]
    shares = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def months_back(last: dt.date, count: int) -> tuple[dt.date, ...]:
    """``count`` consecutive months ending with ``last``."""
    index = last.year * 12 + last.month - 1
    return tuple(dt.date((i // 12), (i % 12) + 1, 1) for i in range(index - count + 1, index + 1))


def archive_plan(
    *,
    rows: int,
    real_rows: dict[str, int],
    real_months: int = 12,
    max_forces: int = MAX_FORCES,
    force_month_rows: int | None = None,
) -> ArchivePlan:
    """The layout of an archive of ``rows`` rows. Each force-month holds about
    ``force_month_rows`` rows (by default, the real files' rows per month); forces are added
    before months, up to ``max_forces``, and every force has every month."""
    kinds = list(KINDS)
    if rows < len(kinds):
        raise ValueError("an archive needs at least one row of each kind")
    per_month = force_month_rows or sum(real_rows.values()) / real_months
    wanted = max(1, round(rows / per_month))
    forces = min(max_forces, wanted)
    months = months_back(LAST_MONTH, math.ceil(wanted / forces))
    by_kind = dict(zip(kinds, split(rows, [real_rows[k] for k in kinds]), strict=True))
    if min(by_kind.values()) < forces * len(months):
        raise ValueError(f"{rows:,} rows are too few for {forces * len(months)} force-months")
    return ArchivePlan(rows=rows, forces=forces, months=months, rows_by_kind=by_kind)


def real_files(data_dir: Path) -> dict[str, list[Path]]:
    """The real files of each kind, ``<data>/policeuk/2024/*-<kind>.csv``."""
    folder = data_dir / "policeuk" / "2024"
    files = {kind: sorted(folder.glob(f"*-{kind}.csv")) for kind in KINDS}
    missing = [kind for kind, paths in files.items() if not paths]
    if missing:
        raise ArchiveError(
            f"No police.uk {' or '.join(missing)} files in {folder}: the benchmark is built from "
            "them (../shared/data, or set PLANWATCH_DATA_DIR)."
        )
    return files


def header_line(path: Path) -> bytes:
    """A file's header row as published, line end included."""
    with path.open("rb") as handle:
        return handle.readline()


def read_rows(path: Path) -> list[list[str]]:
    """A file's data rows, as police.uk wrote them (text, blanks as "")."""
    text = path.read_bytes().decode("utf-8")
    if PLACEHOLDERS_IN.search(text):
        raise ArchiveError(f"{path.name} holds control characters: it cannot be resampled.")
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader, None)
    return list(reader)


def encode_rows(rows: list[list[str]]) -> list[bytes]:
    """Each row as a line of a police.uk file: fields quoted only where they need it (a comma,
    a quote or a line break), CRLF at the end."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    lines = [line + "\r\n" for line in buffer.getvalue().split("\r\n")[:-1]]
    if len(lines) == len(rows):
        return [line.encode("utf-8") for line in lines]
    lines = []  # a value holds a line break: one row at a time
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        lines.append(buffer.getvalue().encode("utf-8"))
    return lines


def _templates(kind: str, columns: list[str], rows: list[list[str]]) -> list[list[str]]:
    """The real rows with markers where a file's force, month and IDs go (blanks stay blank)."""
    at = {column: i for i, column in enumerate(columns)}
    force = f"Force {FORCE}"
    out = []
    for row in rows:
        row = list(row)
        if kind == "stop-and-search":
            date = row[at["Date"]]
            match = ISO_DATE.match(date)
            if match:
                day = int(match[1])
                day_text = LATE_DAYS.get(day, match[1])
                row[at["Date"]] = f"{MONTH}-{day_text}{date[10:]}"
        else:
            crime_id = row[at["Crime ID"]]
            if crime_id:
                row[at["Crime ID"]] = TAG + crime_id[8:]
            if row[at["Month"]]:
                row[at["Month"]] = MONTH
            row[at["Reported by"]] = row[at["Falls within"]] = f"{force} Constabulary"
            if row[at["LSOA code"]]:
                row[at["LSOA code"]] = f"X{FORCE}{row[at['LSOA code']]}"
            if row[at["LSOA name"]]:
                row[at["LSOA name"]] = f"{force} {row[at['LSOA name']]}"
        out.append(row)
    return out


@dataclass(frozen=True)
class _Pool:
    """A kind's real rows, shuffled and encoded with markers, repeated so that any file's run of
    rows can be sliced from one place."""

    header: bytes
    body: bytes
    offsets: list[int]  # where each line starts, and the end
    rows: int  # the real rows (before repeating)

    def run(self, start: int, count: int) -> bytes:
        return self.body[self.offsets[start] : self.offsets[start + count]]


def _pool(kind: str, paths: list[Path], *, longest: int) -> _Pool:
    columns = next(csv.reader([header_line(paths[0]).decode("utf-8-sig")]))
    rows = [row for path in paths for row in read_rows(path)]
    random.Random(f"{SEED}-{kind}").shuffle(rows)  # noqa: S311 (a sample, not a secret)
    # A small archive needs no more than a sample of the real rows to draw its files from.
    rows = rows[: max(POOL_PER_FILE * longest, POOL_MIN)]
    lines = encode_rows(_templates(kind, columns, rows))
    repeats = 1 + math.ceil(longest / len(lines))
    lines = lines * repeats
    offsets = [0, *itertools.accumulate(len(line) for line in lines)]
    return _Pool(header_line(paths[0]), b"".join(lines), offsets, len(rows))


def _file_bytes(pool: _Pool, *, kind: str, number: int, month: dt.date, rows: int) -> bytes:
    """One force's file of one kind for one month: a run of the pool's rows, from a place of
    the file's own, with the placeholders made the file's force, month and IDs."""
    place = random.Random(f"{month:%Y-%m}-force-{number:02d}-{kind}")  # noqa: S311 (a sample)
    start = place.randrange(pool.rows)
    table = _translation(kind=kind, number=number, month=month)
    return pool.header + pool.run(start, rows).translate(table)


def archive_build(
    *,
    rows: int,
    data_dir: Path,
    cache_dir: Path,
    max_forces: int = MAX_FORCES,
    force_month_rows: int | None = None,
    progress=None,
) -> Archive:
    """The archive of ``rows`` rows under ``cache_dir``: the one kept there, or a new one."""
    started = time.perf_counter()
    files = real_files(data_dir)
    real = {kind: sum(_data_rows(p) for p in paths) for kind, paths in files.items()}
    plan = archive_plan(
        rows=rows, real_rows=real, max_forces=max_forces, force_month_rows=force_month_rows
    )
    target = cache_dir / plan.name
    kept = _kept(target, plan)
    if kept is not None:
        return Archive(target, plan, kept["files"], kept["bytes"], False, 0.0)
    if progress:
        progress(
            f"Building {target} ({rows:,} rows: {plan.forces} forces × {len(plan.months)} "
            f"months, from {files['street'][0].parent})"
        )
    partial = cache_dir / (plan.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    for month in plan.months:
        (partial / f"{month:%Y-%m}").mkdir(parents=True)
    count = size = 0
    for kind in KINDS:
        sizes = plan.file_rows(kind)
        pool = _pool(kind, files[kind], longest=max(sizes))
        force_months = itertools.product(range(1, plan.forces + 1), plan.months)
        for (number, month), file_rows in zip(force_months, sizes, strict=True):
            data = _file_bytes(pool, kind=kind, number=number, month=month, rows=file_rows)
            path = partial / f"{month:%Y-%m}" / f"{month:%Y-%m}-force-{number:02d}-{kind}.csv"
            path.write_bytes(data)
            count += 1
            size += len(data)
    seconds = time.perf_counter() - started
    manifest = {
        "format": FORMAT,
        "rows": plan.rows,
        "rows_by_kind": plan.rows_by_kind,
        "forces": plan.forces,
        "months": [f"{m:%Y-%m}" for m in plan.months],
        "files": count,
        "bytes": size,
        "source": str(files["street"][0].parent),
        "build_seconds": round(seconds, 1),
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    return Archive(target, plan, count, size, True, seconds)


def _data_rows(path: Path) -> int:
    """A published file's data rows: its lines less the header (no value holds a line break)."""
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def _kept(target: Path, plan: ArchivePlan) -> dict | None:
    """The manifest of an archive already built to this plan, if there is one."""
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    same = (
        manifest.get("format") == FORMAT
        and manifest.get("rows_by_kind") == plan.rows_by_kind
        and manifest.get("months") == [f"{m:%Y-%m}" for m in plan.months]
        and manifest.get("forces") == plan.forces
    )
    return manifest if same else None
