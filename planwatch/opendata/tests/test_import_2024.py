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
    DistrictCrimeCount,
    ForceMonth,
    ImportRun,
    Lsoa,
    OutcomeCount,
    StopSearch,
    StreetCrimeCount,
)
from planwatch.opendata.reading import NFA, NO_LOCATION
from planwatch.opendata.services import district_counts_rebuild
from planwatch.performance.models import Indicator, Observation
from planwatch.performance.selectors import rolling_total_latest, spc_get
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
        "district": DistrictCrimeCount.objects.aggregate(n=Sum("count"))["n"],
        "district rows": DistrictCrimeCount.objects.count(),
        "outcomes": OutcomeCount.objects.aggregate(n=Sum("count"))["n"],
        "stop and search": StopSearch.objects.count(),
        "force months": ForceMonth.objects.count(),
        "lsoas": Lsoa.objects.count(),
    }


def test_progress_is_reported_and_the_run_summarised(imported):
    out, err = imported
    assert "Checking files" in err
    assert "Reading 12 street-level crime files" in err
    assert "Reading 12 stop and search files" in err
    assert "Writing street crime counts" in err
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
    by_district = Counter()
    for month, district, crime_type, count in DistrictCrimeCount.objects.values_list(
        "month", "district_name", "crime_type", "count"
    ):
        by_district[(f"{month:%Y-%m}", district, crime_type)] += count
    assert by_district == counts


def test_counts_by_last_outcome_category_equal_an_independent_count(imported):
    expected = Counter()
    for path in sorted(POLICEUK_2024.glob("*-street.csv")):
        for row in csv_rows(path):
            if row["LSOA code"]:
                expected[(row["Month"], row["LSOA code"], row["Last outcome category"])] += 1
    counts = Counter()
    for month, code, category, count in StreetCrimeCount.objects.values_list(
        "month", "lsoa_code", "last_outcome_category", "count"
    ):
        counts[(f"{month:%Y-%m}", code, category)] += count
    assert counts == expected


def test_district_counts_rebuilt_from_street_counts_equal_the_imported_ones(imported):
    def rows():
        return sorted(
            DistrictCrimeCount.objects.values_list(
                "force", "month", "district_name", "crime_type", "count"
            )
        )

    imported_rows = rows()
    assert district_counts_rebuild(force="cambridgeshire") == len(imported_rows)
    assert rows() == imported_rows


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
    assert street == DistrictCrimeCount.objects.aggregate(n=Sum("count"))["n"]
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


# -- monthly crime figures as indicators -----------------------------------------------------------


def _figures(code: str, area: str) -> dict[str, int]:
    return {
        o.period: int(o.value)
        for o in Observation.objects.filter(indicator__code=code, area__name=area)
    }


def test_monthly_crime_by_type_becomes_indicator_figures(imported):
    expected = street_counts_by_district()
    burglary = _figures("policeuk-burglary", "Cambridge")
    assert len(burglary) == 12
    for month, count in burglary.items():
        assert count == expected[(month, "Cambridge", "Burglary")]
    everything = _figures("policeuk-all-crime", "Cambridgeshire")
    for month, count in everything.items():
        assert count == sum(
            n for (m, _d, t), n in expected.items() if m == month and t != "Anti-social behaviour"
        )
    indicator = Indicator.objects.get(code="policeuk-burglary")
    assert (indicator.unit, indicator.polarity, indicator.aggregation, indicator.source) == (
        "count",
        "lower",
        "sum",
        "police.uk",
    )
    assert Observation.objects.filter(source="police.uk").exclude(area__name__in=[
        "Cambridgeshire", "Cambridge"
    ]).count() == 0  # fmt: skip


def test_crime_figures_get_rolling_totals_comparisons_and_spc(imported):
    indicator = Indicator.objects.get(code="policeuk-burglary")
    cambridge = Area.objects.get(name="Cambridge")
    expected = street_counts_by_district()
    rolling = rolling_total_latest(indicator=indicator, area=cambridge)
    assert str(rolling.period) == "R12-2024-12"
    assert rolling.total == sum(n for (_m, d, t), n in expected.items() if (d, t) == (
        "Cambridge", "Burglary"
    ))  # fmt: skip
    spc = spc_get(indicator=indicator, area=cambridge)
    assert len(spc.points) == 12
    out = StringIO()
    call_command(
        "figures", "show", "--indicator", "policeuk-burglary", "--period", "2024-12",
        "--area", "E07000008", "--compare", "2024-11", "--json", stdout=out,
    )  # fmt: skip
    shown = json.loads(out.getvalue())
    december, november = (expected[(m, "Cambridge", "Burglary")] for m in ("2024-12", "2024-11"))
    assert float(shown["value"]) == december
    assert float(shown["change"]["absolute"]) == december - november


def test_importing_again_rewrites_the_figures_without_doubling(imported):
    before = Observation.objects.filter(source="police.uk").count()
    call_command("import_policeuk", str(POLICEUK_2024), stdout=StringIO(), stderr=StringIO())
    assert Observation.objects.filter(source="police.uk").count() == before
    assert (
        Indicator.objects.filter(code__startswith="policeuk-").count()
        == len(set(k[2] for k in street_counts_by_district())) + 1
    )
