"""The real police.uk files the tests read in place, and independent counts of them made with
Python's csv module."""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from pathlib import Path

from django.conf import settings

# The shared data folder beside the repository (../shared/data), or where PLANWATCH_DATA_DIR says.
DATA = Path(
    os.environ.get("PLANWATCH_DATA_DIR") or Path(settings.BASE_DIR).parent / "shared" / "data"
)
POLICEUK_2024 = DATA / "policeuk" / "2024"
# Outcomes files only, January 2019 to December 2020 (a later download than 2024's).
POLICEUK_OUTCOMES_ONLY = DATA / "policeuk" / "2019-2020-outcomes-only"
SOURCES = DATA / "SOURCES.md"


def source_row_counts(folder: Path = POLICEUK_2024) -> dict[str, int]:
    """Data rows per police.uk file of ``folder``, as SOURCES.md lists them."""
    names = {path.name for path in folder.glob("*.csv")}
    counts = {}
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| (20\d\d-\d\d-[\w-]+\.csv) \|.*\| (\d+) \| [0-9a-f]{32} \|$", line)
        if match and match[1] in names:
            counts[match[1]] = int(match[2])
    return counts


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def street_counts_by_district() -> Counter:
    """Street crimes with a location, by (month, district, crime type)."""
    counts: Counter = Counter()
    for path in sorted(POLICEUK_2024.glob("*-street.csv")):
        for row in csv_rows(path):
            if row["LSOA code"] and row["Month"] == path.name[:7]:
                district = re.sub(r" \d{3}[A-Z]$", "", row["LSOA name"])
                counts[(row["Month"], district, row["Crime type"])] += 1
    return counts
