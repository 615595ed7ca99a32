"""The 2019–2020 download: outcomes files only, two years of them, a later vintage than 2024's.
Outcomes are counted by month and type; no street or stop-and-search data comes with them, so
no area or search figures appear."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from planwatch.opendata.models import (
    DistrictCrimeCount,
    FileKind,
    ForceMonth,
    OutcomeCount,
    StopSearch,
    StreetCrimeCount,
)
from planwatch.opendata.reading import NO_OUTCOME_TYPE

from .helpers import POLICEUK_OUTCOMES_ONLY, csv_rows, source_row_counts

pytestmark = [
    pytest.mark.skipif(
        not POLICEUK_OUTCOMES_ONLY.is_dir(),
        reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
    ),
    pytest.mark.django_db,
]


def _independent_counts() -> tuple[Counter, Counter]:
    """Outcomes per (month, outcome type) of rows whose month is their file's, and rows set
    aside per file, counted with Python's csv module."""
    kept: Counter = Counter()
    set_aside: Counter = Counter()
    for path in sorted(POLICEUK_OUTCOMES_ONLY.glob("*-outcomes.csv")):
        month = path.name[:7]
        for row in csv_rows(path):
            if row["Month"] == month and row["Outcome type"]:
                kept[(month, row["Outcome type"])] += 1
            else:
                set_aside[path.name] += 1
    return kept, set_aside


def test_two_years_of_outcomes_are_counted_by_month_and_type():
    out = StringIO()
    call_command("import_policeuk", str(POLICEUK_OUTCOMES_ONLY), stdout=out, stderr=StringIO())
    kept, set_aside = _independent_counts()
    imported = Counter(
        {
            (f"{month:%Y-%m}", outcome_type): count
            for month, outcome_type, count in OutcomeCount.objects.values_list(
                "month", "outcome_type", "count"
            )
        }
    )
    assert imported == kept
    assert len({month for month, _ in kept}) == 24

    # Every row of every file is kept or set aside, as SOURCES.md counts them.
    expected = source_row_counts(POLICEUK_OUTCOMES_ONLY)
    force_months = ForceMonth.objects.all()
    assert force_months.count() == 24
    for fm in force_months:
        assert fm.kind == FileKind.OUTCOMES
        name = f"{fm.month:%Y-%m}-cambridgeshire-outcomes.csv"
        assert fm.rows_kept + fm.rows_set_aside == expected[name]
        assert fm.rows_set_aside == set_aside[name]

    text = out.getvalue()
    assert (
        f"Imported 24 files, {sum(expected[f.name] for f in POLICEUK_OUTCOMES_ONLY.glob('*.csv')):,} rows"
        in text
    )
    assert "2019-01" in text and "2020-12" in text
    # Every row of these files has its file's month and an outcome type.
    assert not set_aside
    assert "Rows set aside: none" in text
    assert NO_OUTCOME_TYPE not in text
    # Nothing of street crime or stop and search comes with them.
    assert not StreetCrimeCount.objects.exists()
    assert not DistrictCrimeCount.objects.exists()
    assert not StopSearch.objects.exists()
