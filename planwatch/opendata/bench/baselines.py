"""What the import is compared with: DuckDB alone, and pandas, reading the same archive and
grouping it as the import does. Each runs in a process of its own (``measure`` starts it and
reads its time and peak memory):

python -m planwatch.opendata.bench.baselines duckdb ARCHIVE_DIR
python -m planwatch.opendata.bench.baselines pandas ARCHIVE_DIR

Both keep what the import keeps and set aside what it sets aside (a row whose Month is not its
file's month, a street crime without an LSOA or a crime type, an outcome without a type, a
search without a date), and count:

- street: crimes per file (force and month) × LSOA × crime type, and per file × LSOA × last
  outcome category (blank for anti-social behaviour);
- outcomes: per file × outcome type;
- stop and search: searches per file, counted from the records held as read (every field of
  every search), since the import keeps them as published (ADR 14).

Each prints one line of JSON, ``{"rows": …, "groups": …}``: the data rows read (which ``measure``
checks against the archive) and the groups made (which the tests check against the files).

No Django here: a baseline is what someone would run without PlanWatch.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# The same reading options as the import: every column text, the published quoting, strict.
DUCKDB_CSV = (
    "header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
    "strict_mode = true, null_padding = false, filename = true"
)
FILE_MONTH = r"regexp_extract(filename, '(\d{4}-\d{2})-[^/\\]*$', 1)"


def _files(archive: Path, kind: str) -> list[str]:
    return [str(p) for p in sorted(archive.glob(f"*/*-{kind}.csv"))]


def _columns(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header = handle.readline().rstrip("\r\n")
    return {column: "VARCHAR" for column in header.split(",")}


# Per kind: which rows are kept, and the groups the import counts them by.
DUCKDB_GROUPS = {
    "street": (
        '"Month" = file_month AND "LSOA code" IS NOT NULL AND "Crime type" IS NOT NULL',
        ['filename, "LSOA code", "Crime type"', 'filename, "LSOA code", "Last outcome category"'],
    ),
    "outcomes": (
        '"Month" = file_month AND "Outcome type" IS NOT NULL',
        ['filename, "Outcome type"'],
    ),
    "stop-and-search": ('"Date" IS NOT NULL', ["filename"]),
}
# The kinds whose records the import keeps as published: DuckDB alone holds them as read (a
# table of every field), and counts from that.
DUCKDB_RECORDS = {"stop-and-search"}


def duckdb_counts(archive: Path) -> dict[str, int]:
    """DuckDB alone: for each kind, one ``read_csv`` over all its files and one pass that
    groups them. The kept rows are grouped (with the LSOA's name, as the import takes it); every
    row read is counted per file, so the rows read come from the same pass. The searches are
    first held as read, every field (``DUCKDB_RECORDS``), and counted from there."""
    import duckdb

    con = duckdb.connect(":memory:")
    rows = groups = 0
    for kind, (keep, keys) in DUCKDB_GROUPS.items():
        files = _files(archive, kind)
        if not files:
            continue
        sets = ", ".join(f"({k}, kept)" for k in keys)
        columns = ", ".join(dict.fromkeys(c.strip() for k in keys for c in k.split(",")))
        name = ', max("LSOA name") AS lsoa_name' if kind == "street" else ""
        source = f"read_csv(?, {DUCKDB_CSV}, columns = ?)"
        if kind in DUCKDB_RECORDS:
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE records AS SELECT * FROM {source}",  # noqa: S608
                [files, _columns(files[0])],
            )
            source = "records"
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE grouped AS SELECT {columns}, kept, count(*) AS n"  # noqa: S608
            f"{name}, grouping_id(kept) AS per_file FROM (SELECT *, coalesce({keep}, false) "
            f"AS kept FROM (SELECT *, {FILE_MONTH} AS file_month FROM {source})) "
            f"GROUP BY GROUPING SETS ((filename), {sets})",
            [] if source == "records" else [files, _columns(files[0])],
        )
        con.execute("DROP TABLE IF EXISTS records")
        read, made = con.execute(
            "SELECT sum(n) FILTER (WHERE per_file = 1), "
            "count(*) FILTER (WHERE per_file = 0 AND kept) FROM grouped"
        ).fetchone()
        rows += int(read)
        groups += made
    con.close()
    return {"rows": rows, "groups": groups}


def pandas_counts(archive: Path) -> dict[str, int]:
    """pandas as an analyst would use it: ``read_csv`` every file, ``concat`` each kind, and
    ``groupby``."""
    import pandas as pd

    rows = groups = 0
    frames = {}
    for kind in ("street", "outcomes", "stop-and-search"):
        files = _files(archive, kind)
        if not files:
            continue
        parts = []
        for path in files:
            frame = pd.read_csv(path)
            frame["file"] = Path(path).name
            frame["file_month"] = Path(path).name[:7]
            parts.append(frame)
        frames[kind] = pd.concat(parts, ignore_index=True)
        rows += len(frames[kind])
        del parts
    street = frames.get("street")
    if street is not None:
        kept = street[
            (street["Month"] == street["file_month"])
            & street["LSOA code"].notna()
            & street["Crime type"].notna()
        ]
        # An LSOA has one name: grouping by it too keeps the name, as the import does.
        by_type = kept.groupby(["file", "LSOA code", "LSOA name", "Crime type"]).size()
        by_outcome = kept.groupby(
            ["file", "LSOA code", "Last outcome category"], dropna=False
        ).size()
        groups += len(by_type) + len(by_outcome)
    outcomes = frames.get("outcomes")
    if outcomes is not None:
        kept = outcomes[
            (outcomes["Month"] == outcomes["file_month"]) & outcomes["Outcome type"].notna()
        ]
        groups += len(kept.groupby(["file", "Outcome type"]).size())
    searches = frames.get("stop-and-search")
    if searches is not None:
        groups += len(searches[searches["Date"].notna()].groupby("file").size())
    return {"rows": rows, "groups": groups}


BASELINES = {"duckdb": duckdb_counts, "pandas": pandas_counts}


def main(argv: list[str] | None = None) -> None:
    which, archive = argv if argv is not None else sys.argv[1:]
    print(json.dumps(BASELINES[which](Path(archive))), flush=True)


if __name__ == "__main__":
    main()
