"""The area pages: the force and its districts, on three months of Cambridgeshire's real files
(counted again here with the csv module) and on factory rows built for the question asked."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from planwatch.accounts.tests.factories import MemberFactory, OfficerFactory, PartnerFactory
from planwatch.opendata import areas
from planwatch.opendata.areas import AreaTotals
from planwatch.opendata.models import (
    DistrictCrimeCount,
    ForceMonth,
    ImportRun,
    Lsoa,
    StreetCrimeCount,
)
from planwatch.opendata.services import district_counts_rebuild
from planwatch.performance.models import Observation
from planwatch.performance.periods import Month
from planwatch.places.models import Area

from .factories import ForceMonthFactory, LsoaFactory, StreetCrimeCountFactory
from .helpers import POLICEUK_2024, street_counts_by_district

MONTHS = ("2024-01", "2024-02", "2024-03")
DISTRICTS = {
    "Cambridge": "E07000008",
    "East Cambridgeshire": "E07000009",
    "Fenland": "E07000010",
    "Huntingdonshire": "E07000011",
    "South Cambridgeshire": "E07000012",
    "Peterborough": "E06000031",
}

real_data = pytest.mark.skipif(
    not POLICEUK_2024.is_dir(),
    reason="needs the police.uk files: ../shared/data, or set PLANWATCH_DATA_DIR",
)


@pytest.fixture(scope="module")
def three_months(django_db_setup, django_db_blocker):
    """January to March 2024 of Cambridgeshire's street crime, imported once for the module in
    a transaction rolled back at the end."""
    if not POLICEUK_2024.is_dir():
        pytest.skip("needs the police.uk files")
    with django_db_blocker.unblock(), transaction.atomic():
        force = Area.objects.create(name="Cambridgeshire", gss_code="E23000023", area_type="force")
        for name, code in DISTRICTS.items():
            Area.objects.create(name=name, gss_code=code, area_type="district", parent=force)
        files = [str(POLICEUK_2024 / f"{m}-cambridgeshire-street.csv") for m in MONTHS]
        call_command("import_policeuk", *files, stdout=StringIO(), stderr=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def imported(three_months, db):
    return street_counts_by_district()


@pytest.fixture
def officer_client(client, db):
    client.force_login(OfficerFactory())
    return client


def _expected(counts: Counter, district: str | None = None) -> dict[str, dict[str, int]]:
    """{crime type: {month: count}} for January to March, in one district or all of them."""
    table: dict[str, dict[str, int]] = {}
    for (month, name, crime_type), n in counts.items():
        if month in MONTHS and (district is None or name == district):
            by_month = table.setdefault(crime_type, {})
            by_month[month] = by_month.get(month, 0) + n
    return table


def _table(response) -> dict[str, dict[str, int]]:
    months = [str(m) for m in response.context["months"]]
    return {
        row.crime_type: {m: n for m, n in zip(months, row.cells, strict=True) if n}
        for row in response.context["count_rows"]
        if not row.is_total
    }


# -- the real files ------------------------------------------------------------------------------


@real_data
def test_force_counts_by_type_and_month_equal_an_independent_count(officer_client, imported):
    response = officer_client.get(reverse("opendata:area_force"))
    assert response.status_code == 200
    assert response.context["range_label"] == "Jan–Mar 2024"
    expected = _expected(imported)
    assert _table(response) == expected
    total = response.context["count_rows"][-1]
    assert total.crime_type == "All crime"
    assert total.total == sum(sum(m.values()) for m in expected.values())
    assert response.context["in_range"] == total.total
    # Three months: too few for a rolling year or process limits, and no year before.
    assert response.context["rolling"] is None
    assert response.context["spc"] is None
    assert response.context["drivers_missing"] == "Jan–Mar 2023"


@real_data
def test_district_page_by_slug_or_gss_code_and_its_share_of_the_force(officer_client, imported):
    url = reverse("opendata:area_district", args=["cambridge"])
    response = officer_client.get(url, {"crime_type": "Burglary", "start": "2024-02"})
    assert response.status_code == 200
    assert _table(response) == {
        t: {m: n for m, n in by_month.items() if m != "2024-01"}
        for t, by_month in _expected(imported, "Cambridge").items()
    }
    burglary = sum(imported[(m, "Cambridge", "Burglary")] for m in MONTHS[1:])
    force_burglary = sum(
        n for (m, _, t), n in imported.items() if m in MONTHS[1:] and t == "Burglary"
    )
    assert response.context["in_range"] == burglary
    assert response.context["share"] == Decimal(burglary) * 100 / force_burglary
    assert [(str(r.month), r.count) for r in response.context["series_rows"]] == [
        (m, imported[(m, "Cambridge", "Burglary")]) for m in MONTHS
    ]
    by_code = officer_client.get(reverse("opendata:area_district", args=["E07000008"]))
    assert _table(by_code) == _expected(imported, "Cambridge")
    assert (
        officer_client.get(reverse("opendata:area_district", args=["nowhere"])).status_code == 404
    )


@real_data
def test_area_list_gives_the_force_and_its_districts(officer_client, imported):
    response = officer_client.get(reverse("opendata:area_list"))
    assert response.status_code == 200
    in_range = {k: n for k, n in imported.items() if k[0] in MONTHS}
    by_district = Counter()
    for (_, name, _), n in in_range.items():
        by_district[name] += n
    assert response.context["force_totals"].current == sum(in_range.values())
    districts = {a.name: a.current for a in response.context["districts"]}
    assert districts == {name: by_district[name] for name in DISTRICTS}
    others = {a.name: a.current for a in response.context["other_districts"]}
    assert others == {k: v for k, v in by_district.items() if k not in DISTRICTS}
    assert response.context["has_previous"] is False
    assert "Peterborough" in response.text


@real_data
def test_counts_table_downloads_as_csv(officer_client, imported):
    url = reverse("opendata:area_district", args=["peterborough"])
    response = officer_client.get(url, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Crime type", *MONTHS, "Total", "Share of the force (%)"]
    expected = _expected(imported, "Peterborough")
    body = {row[0]: row for row in rows[1:]}
    assert set(body) == {*expected, "All crime"}
    for crime_type, by_month in expected.items():
        assert body[crime_type][1:5] == [
            *(str(by_month.get(m, 0)) for m in MONTHS),
            str(sum(by_month.values())),
        ]
    assert body["All crime"][4] == str(sum(sum(m.values()) for m in expected.values()))


# -- factory rows --------------------------------------------------------------------------------


JAN_2023 = Month(2023, 1)


@pytest.fixture
def nothing_imported(db):
    """Factory tests start from nothing, even after the module's import of the real files
    (deleted within the test's savepoint, so it is back for the next test)."""
    StreetCrimeCount.objects.all().delete()
    DistrictCrimeCount.objects.all().delete()
    ForceMonth.objects.all().delete()
    Lsoa.objects.all().delete()
    Observation.objects.all().delete()
    Area.objects.filter(parent__isnull=False).delete()
    Area.objects.all().delete()


@pytest.fixture
def officer(nothing_imported, client):
    client.force_login(OfficerFactory())
    return client


def _months(first: Month, n: int) -> list[Month]:
    return [first + i for i in range(n)]


def _build(series: dict[str, list[int]], *, first=JAN_2023, crime_type="Burglary"):
    """One LSOA per district with the given monthly counts from ``first``; every month
    imported."""
    n = len(next(iter(series.values())))
    for month in _months(first, n):
        ForceMonthFactory(month=month.start)
    for district, counts in series.items():
        lsoa = LsoaFactory(district_name=district)
        for month, count in zip(_months(first, n), counts, strict=True):
            if count:
                StreetCrimeCountFactory(
                    lsoa_code=lsoa.code, month=month.start, crime_type=crime_type, count=count
                )
    district_counts_rebuild()


def test_contributions_add_up_to_100_percent_and_are_sorted():
    parts = [
        AreaTotals("A", 130, 100),  # +30
        AreaTotals("B", 40, 50),  # -10
        AreaTotals("C", 80, 60),  # +20
        AreaTotals("D", 5, 5),
    ]
    total, rows = areas.contributions(parts)
    assert total == 40
    assert [(c.area.name, c.percent) for c in rows] == [
        ("A", Decimal(75)),
        ("C", Decimal(50)),
        ("D", Decimal(0)),
        ("B", Decimal(-25)),
    ]
    assert sum(c.percent for c in rows) == 100
    unchanged, rows = areas.contributions([AreaTotals("A", 1, 2), AreaTotals("B", 2, 1)])
    assert unchanged == 0
    assert all(c.percent is None for c in rows)


def test_force_page_shows_which_districts_drive_the_change(officer):
    # Jan 2023 – Dec 2024: the 2024 counts against 2023's.
    _build(
        {
            "Cambridge": [10] * 12 + [16] * 12,  # +72
            "Fenland": [5] * 12 + [3] * 12,  # -24
            "Bedford": [0] * 12 + [1] * 12,  # +12, over the border
        }
    )
    Area.objects.create(name="Cambridgeshire", gss_code="E23000023", area_type="force")
    force = Area.objects.get(gss_code="E23000023")
    for name in ("Cambridge", "Fenland"):
        area = Area.objects.create(
            name=name, gss_code=DISTRICTS[name], area_type="district", parent=force
        )
        Lsoa.objects.filter(district_name=name).update(district=area)
    response = officer.get(reverse("opendata:area_force"))
    ctx = response.context
    assert ctx["range_label"] == "Jan–Dec 2024"
    assert ctx["drivers_basis"] == "Jan–Dec 2023"
    assert (ctx["drivers_previous"], ctx["drivers_current"], ctx["drivers_change"]) == (
        180,
        240,
        60,
    )
    rows = [(c.area.name, c.area.change, c.percent) for c in ctx["drivers"]]
    assert rows == [
        ("Cambridge", 72, Decimal(120)),
        ("Other districts", 12, Decimal(20)),
        ("Fenland", -24, Decimal(-40)),
    ]
    assert sum(c.percent for c in ctx["drivers"]) == 100
    # 24 months: an XmR chart, a rolling 12-month total and its change on the year before.
    assert ctx["spc"] is not None
    assert ctx["rolling"]["total"] == 240
    assert ctx["rolling"]["change"] == 60
    assert ctx["rolling"]["change_text"] == "+33.3% on the year ending December 2023"
    assert "Which areas drive the change" in response.text
    assert "<svg" in response.text


def test_a_range_of_some_months_is_compared_with_the_same_months_a_year_earlier(officer):
    _build({"Cambridge": list(range(1, 25)), "Fenland": [2] * 24})
    response = officer.get(reverse("opendata:area_force"), {"start": "2024-03", "end": "2024-05"})
    ctx = response.context
    assert ctx["drivers_basis"] == "Mar–May 2023"
    by_name = {c.area.name: c for c in ctx["drivers"]}
    assert (by_name["Cambridge"].area.previous, by_name["Cambridge"].area.current) == (
        3 + 4 + 5,
        15 + 16 + 17,
    )
    assert by_name["Cambridge"].percent == 100
    assert by_name["Fenland"].percent == 0


def test_fewer_than_15_months_get_a_bar_chart(officer):
    _build({"Cambridge": [3, 4, 5, 6]}, first=Month(2024, 1))
    response = officer.get(reverse("opendata:area_district", args=["cambridge"]))
    assert response.context["spc"] is None
    assert "Bar chart of Crimes" in response.text
    assert [r.count for r in response.context["series_rows"]] == [3, 4, 5, 6]


def test_a_range_over_12_months_or_backwards_is_refused(officer):
    _build({"Cambridge": [1] * 24})
    response = officer.get(reverse("opendata:area_force"), {"start": "2023-01", "end": "2024-12"})
    assert "Choose a range of at most 12 months" in response.text
    assert response.context["range_label"] == "Jan–Dec 2024"  # the default instead
    response = officer.get(reverse("opendata:area_force"), {"start": "2024-05", "end": "2024-02"})
    assert "The last month must be the same as or after the first" in response.text


def test_pages_say_nothing_is_imported_yet(officer):
    LsoaFactory(district_name="Cambridge")
    for url in (
        reverse("opendata:area_list"),
        reverse("opendata:area_force"),
        reverse("opendata:area_district", args=["cambridge"]),
    ):
        response = officer.get(url)
        assert response.status_code == 200
        assert "No police.uk street crime has been imported yet" in response.text


@pytest.mark.parametrize(
    ("factory", "status"), [(PartnerFactory, 403), (MemberFactory, 200), (OfficerFactory, 200)]
)
def test_partners_are_refused(client, nothing_imported, factory, status):
    client.force_login(factory())
    assert client.get(reverse("opendata:area_list")).status_code == status
    assert client.get(reverse("opendata:area_force"), {"format": "csv"}).status_code == status


def test_a_month_not_imported_is_shown_as_such(officer):
    ForceMonthFactory(month=dt.date(2024, 1, 1))
    ForceMonthFactory(month=dt.date(2024, 3, 1))
    StreetCrimeCountFactory(month=dt.date(2024, 3, 1), count=4)
    district_counts_rebuild()
    response = officer.get(reverse("opendata:area_force"))
    assert response.context["count_rows"][0].cells == [0, None, 4]


def test_a_page_body_is_made_once_until_the_next_import(officer):
    _build({"Cambridge": [5, 6, 7]})
    url = reverse("opendata:area_force")
    assert "150" not in officer.get(url).content.decode()
    StreetCrimeCount.objects.update(count=50)
    district_counts_rebuild()
    assert "150" not in officer.get(url).content.decode()  # the same data version: cached
    ImportRun.objects.create(actor_label="Tests")
    assert "150" in officer.get(url).content.decode()  # a new import: made again
