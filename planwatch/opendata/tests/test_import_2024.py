"""``planwatch import-policeuk`` on the whole of Cambridgeshire's 2024 files, and the CLI
queries on what it imported.

The year is imported once for the module inside a transaction that is rolled back at the end;
each test runs in a savepoint within it.
"""

import datetime as dt
import json
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Sum

from planwatch.core.models import ActivityLog
from planwatch.opendata.models import (
    ForceMonth,
    ImportRun,
    Lsoa,
    OutcomeCount,
    StopSearch,
    StreetCrimeCount,
    StreetOutcomeCount,
)
from planwatch.opendata.reading import NFA, NO_LOCATION
from planwatch.places.models import Area

from .helpers import POLICEUK_2024, csv_rows, source_row_counts, street_counts_by_district

pytestmark = pytest.mark.skipif(
    not POLICEUK_2024.is_dir(),
    reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
)


@pytest.fixture(scope="module")
def first_import(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        force = Area.objects.create(name="Cambridgeshire", gss_code="E23000023", area_type="force")
        Area.objects.create(
            name="Cambridge", gss_code="E07000008", area_type="district", parent=force
        )
        out, err = StringIO(), StringIO()
        call_command("import_policeuk", str(POLICEUK_2024), stdout=out, stderr=err)
        yield out.getvalue(), err.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def imported(first_import, db):
    return first_import


def _totals():
    return {
        "street": StreetCrimeCount.objects.aggregate(n=Sum("count"))["n"],
        "street rows": StreetCrimeCount.objects.count(),
        "street outcomes": StreetOutcomeCount.objects.aggregate(n=Sum("count"))["n"],
        "outcomes": OutcomeCount.objects.aggregate(n=Sum("count"))["n"],
        "stop and search": StopSearch.objects.count(),
        "force months": ForceMonth.objects.count(),
        "lsoas": Lsoa.objects.count(),
    }


def test_every_file_is_reported_as_it_is_read_and_summarised(imported):
    out, err = imported
    assert "Reading 2024-01-cambridgeshire-street.csv (6,116 rows)" in err
    assert err.count("Reading ") == 36
    assert "Imported 36 files, 154,495 rows" in out
    assert f"  {NO_LOCATION}: 2,793" in out
    assert "2024-01              5,906            5,672              206" in out


def test_counts_by_month_district_and_type_equal_an_independent_count(imported):
    districts = dict(Lsoa.objects.values_list("code", "district_name"))
    counts = Counter()
    for month, code, crime_type, count in StreetCrimeCount.objects.values_list(
        "month", "lsoa_code", "crime_type", "count"
    ):
        counts[(f"{month:%Y-%m}", districts[code], crime_type)] += count
    assert counts == street_counts_by_district()


def test_every_row_is_kept_or_set_aside_with_its_reason(imported):
    expected = source_row_counts()
    assert len(expected) == 36
    months = {(f"{fm.month:%Y-%m}", fm.kind): fm for fm in ForceMonth.objects.all()}
    no_location = 0
    for name, rows in expected.items():
        kind = name[len("2024-01-cambridgeshire-") : -len(".csv")].replace("-", "_")
        force_month = months[(name[:7], kind)]
        assert force_month.rows_kept + force_month.rows_set_aside == rows, name
        data = csv_rows(POLICEUK_2024 / name)
        assert len(data) == rows
        if kind == "street":
            blank = sum(1 for row in data if not row["LSOA code"])
            assert force_month.rows_set_aside == blank
            no_location += blank
            # Anti-social behaviour has no Crime ID and is kept.
            assert any(not row["Crime ID"] for row in data)
        else:
            assert force_month.rows_set_aside == 0
    run = ImportRun.objects.get()
    assert run.set_aside == {NO_LOCATION: no_location}
    street = StreetCrimeCount.objects.aggregate(n=Sum("count"))["n"]
    assert street == StreetOutcomeCount.objects.aggregate(n=Sum("count"))["n"]
    assert street + no_location == sum(v for k, v in expected.items() if "street" in k)
    assert StreetCrimeCount.objects.filter(crime_type="Anti-social behaviour").exists()


def test_an_import_run_is_one_activity_log_entry(imported):
    run = ImportRun.objects.get()
    entries = ActivityLog.objects.filter(object_id=str(run.pk), object_repr=str(run))
    assert entries.count() == 1
    assert entries.get().actor_label == "Command line"
    assert run.counts["2024-01"] == {"street": 5906, "outcomes": 5672, "stop_and_search": 206}


def test_stop_search_records_are_kept_as_published(imported):
    rows = [r for p in sorted(POLICEUK_2024.glob("*-stop-and-search.csv")) for r in csv_rows(p)]
    assert StopSearch.objects.count() == len(rows) == 2855
    first = StopSearch.objects.order_by("occurred_at").first()
    assert first.occurred_at.isoformat() == "2024-01-01T02:56:17+00:00"
    assert str(first.latitude) == "52.396661"
    assert first.outcome_linked_to_object_of_search is True
    assert first.part_of_policing_operation is None
    # Searches late on 31 March (UTC) are in British Summer Time's April, as police.uk files them.
    april = dt.datetime(2024, 4, 1, tzinfo=dt.UTC)
    assert StopSearch.objects.filter(month=april.date(), occurred_at__lt=april).count() == 2


def test_lsoas_get_their_district_from_their_name(imported):
    lsoa = Lsoa.objects.filter(name__startswith="Cambridge 0").first()
    assert lsoa.district_name == "Cambridge"
    assert lsoa.district.gss_code == "E07000008"
    assert Lsoa.objects.filter(district_name="Bedford", district__isnull=True).exists()


def test_importing_again_changes_nothing(imported):
    before = _totals()
    call_command("import_policeuk", str(POLICEUK_2024), stdout=StringIO(), stderr=StringIO())
    assert _totals() == before
    assert ImportRun.objects.count() == 2
    assert set(ForceMonth.objects.values_list("run", flat=True)) == {
        ImportRun.objects.order_by("-pk").first().pk
    }


def _cli(*args):
    out = StringIO()
    call_command("policeuk", *args, stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def test_counts_cli_gives_every_month_in_the_range(imported):
    expected = street_counts_by_district()
    rows = _cli(
        "counts", "--crime-type", "Burglary", "--district", "Cambridge",
        "--from", "2023-12", "--to", "2024-12", "--json",
    )  # fmt: skip
    assert rows[0] == {"month": "2023-12", "count": 0}
    assert len(rows) == 13
    for row in rows[1:]:
        assert row["count"] == expected[(row["month"], "Cambridge", "Burglary")]
    by_code = _cli(
        "counts", "--crime-type", "burglary", "--district", "E07000008",
        "--from", "2024-01", "--to", "2024-12", "--json",
    )  # fmt: skip
    assert by_code == rows[1:]
    everywhere = _cli(
        "counts", "--crime-type", "Burglary", "--from", "2024-01", "--to", "2024-01", "--json"
    )
    assert everywhere == [
        {
            "month": "2024-01",
            "count": sum(
                v for k, v in expected.items() if k[0] == "2024-01" and k[2] == "Burglary"
            ),
        }
    ]


def test_stop_search_cli_gives_rates_per_group(imported):
    rows = [r for p in sorted(POLICEUK_2024.glob("*-stop-and-search.csv")) for r in csv_rows(p)]
    groups = _cli(
        "stop-search",
        "--from",
        "2024-01",
        "--to",
        "2024-12",
        "--by",
        "officer_defined_ethnicity",
        "--json",
    )
    assert [g["searches"] for g in groups] == sorted((g["searches"] for g in groups), reverse=True)
    assert sum(g["searches"] for g in groups) == len(rows)
    white = next(g for g in groups if g["group"] == "White")
    mine = [r for r in rows if r["Officer-defined ethnicity"] == "White"]
    linked = [r for r in mine if r["Outcome linked to object of search"] == "True"]
    assert white == {
        "group": "White",
        "searches": len(mine),
        "linked_outcome_rate": round(len(linked) / len(mine), 4),  # blank: not linked
        "nfa_rate": round(sum(r["Outcome"] == NFA for r in mine) / len(mine), 4),
    }
    not_stated = next(g for g in groups if g["group"] == "Not stated")
    assert not_stated["searches"] == sum(1 for r in rows if not r["Officer-defined ethnicity"])


@pytest.mark.parametrize(
    "args",
    [
        ["counts", "--crime-type", "Nothing", "--from", "2024-01", "--to", "2024-02"],
        [
            "counts",
            "--crime-type",
            "Burglary",
            "--district",
            "Atlantis",
            "--from",
            "2024-01",
            "--to",
            "2024-02",
        ],
        [
            "counts",
            "--crime-type",
            "Burglary",
            "--district",
            "E07000999",
            "--from",
            "2024-01",
            "--to",
            "2024-02",
        ],
        ["counts", "--crime-type", "Burglary", "--from", "2024-13", "--to", "2024-02"],
        ["counts", "--crime-type", "Burglary", "--from", "2024-03", "--to", "2024-02"],
        ["stop-search", "--from", "2024-01", "--to", "2024-02", "--by", "shoe_size"],
    ],
)
def test_cli_refuses_bad_options_with_exit_code_2(imported, args):
    with pytest.raises(CommandError) as error:
        call_command("policeuk", *args, stdout=StringIO(), stderr=StringIO())
    assert error.value.returncode == 2 or "invalid choice" in str(error.value)
