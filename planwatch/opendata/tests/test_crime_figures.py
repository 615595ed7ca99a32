"""Monthly crime by type as indicator figures: for the force area, its districts and each
neighbourhood, with months of no crime as 0, rewritten when a neighbourhood changes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from planwatch.opendata.indicators import crime_figures_feed
from planwatch.opendata.models import Neighbourhood
from planwatch.opendata.services import district_counts_rebuild
from planwatch.performance.models import Indicator, Observation
from planwatch.performance.selectors import spc_get
from planwatch.places.models import Area
from planwatch.places.tests.factories import DistrictFactory, ForceAreaFactory

from .factories import ForceMonthFactory, LsoaFactory, StreetCrimeCountFactory

MONTHS = [dt.date(2024, m, 1) for m in range(1, 7)]


@pytest.fixture
def places(db):
    """Two districts of two LSOAs each; burglary in most months, one robbery, and anti-social
    behaviour (not a crime); six months imported."""
    force = ForceAreaFactory()
    cambridge = DistrictFactory(name="Cambridge", gss_code="E07000008", parent=force)
    fenland = DistrictFactory(name="Fenland", gss_code="E07000010", parent=force)
    lsoas = {
        "arbury": LsoaFactory(code="E01017959", district_name="Cambridge", district=cambridge),
        "cherry": LsoaFactory(code="E01017960", district_name="Cambridge", district=cambridge),
        "march": LsoaFactory(code="E01018001", district_name="Fenland", district=fenland),
        "wisbech": LsoaFactory(code="E01018002", district_name="Fenland", district=fenland),
    }
    rows = []
    for i, month in enumerate(MONTHS):
        ForceMonthFactory(month=month)
        for n, (name, lsoa) in enumerate(lsoas.items()):
            count = (i * 3 + n * 5) % 7  # 0 in some months
            if count:
                StreetCrimeCountFactory(
                    month=month, lsoa_code=lsoa.code, crime_type="Burglary", count=count
                )
                rows.append((name, month, "Burglary", count))
        StreetCrimeCountFactory(month=month, lsoa_code=lsoas["march"].code,
                                crime_type="Anti-social behaviour", count=10)  # fmt: skip
        rows.append(("march", month, "Anti-social behaviour", 10))
    StreetCrimeCountFactory(month=MONTHS[2], lsoa_code=lsoas["arbury"].code,
                            crime_type="Robbery", count=2)  # fmt: skip
    rows.append(("arbury", MONTHS[2], "Robbery", 2))
    district_counts_rebuild()
    return {"force": force, "cambridge": cambridge, "lsoas": lsoas, "rows": rows}


def _series(code: str, area: Area) -> list[int]:
    return [
        int(o.value)
        for o in Observation.objects.filter(indicator__code=code, area=area).order_by(
            "period_first"
        )
    ]


def _expected(rows, names, crime_types) -> list[int]:
    return [
        sum(c for n, m, t, c in rows if n in names and m == month and t in crime_types)
        for month in MONTHS
    ]


def test_the_force_and_each_district_get_every_month_of_every_type(places):
    result = crime_figures_feed()
    rows = places["rows"]
    assert result.areas == 3  # the force and two districts
    assert result.indicators == 4  # ASB, Burglary, Robbery and all crime
    assert result.observations == 3 * 4 * len(MONTHS)
    assert _series("policeuk-burglary", places["cambridge"]) == _expected(
        rows, {"arbury", "cherry"}, {"Burglary"}
    )
    robbery = _series("policeuk-robbery", places["force"])
    assert robbery == [0, 0, 2, 0, 0, 0]
    assert _series("policeuk-all-crime", places["force"]) == _expected(
        rows, set(places["lsoas"]), {"Burglary", "Robbery"}
    )
    assert Observation.objects.filter(source="police.uk").exclude(note="").count() == (
        result.observations
    )


def test_feeding_again_replaces_the_figures(places):
    crime_figures_feed()
    StreetCrimeCountFactory(month=MONTHS[0], lsoa_code=places["lsoas"]["arbury"].code,
                            crime_type="Burglary", count=100)  # fmt: skip
    district_counts_rebuild()
    before = Observation.objects.count()
    crime_figures_feed()
    assert Observation.objects.count() == before
    expected = _expected(places["rows"], {"arbury", "cherry"}, {"Burglary"})
    expected[0] += 100
    assert _series("policeuk-burglary", places["cambridge"]) == expected


def test_a_neighbourhood_gets_its_area_and_figures(officer_client, places):
    lsoas = places["lsoas"]
    officer_client.post(
        reverse("opendata:neighbourhood_create"),
        {"name": "Arbury", "codes": lsoas["arbury"].code},
    )
    arbury = Neighbourhood.objects.get(name="Arbury")
    area = arbury.area
    assert (area.name, area.area_type, area.parent) == (
        "Arbury",
        "neighbourhood",
        places["cambridge"],
    )
    assert area.gss_code == f"NH{arbury.pk:07d}"
    assert _series("policeuk-burglary", area) == _expected(places["rows"], {"arbury"}, {"Burglary"})
    burglary = Indicator.objects.get(code="policeuk-burglary")
    assert len(spc_get(indicator=burglary, area=area).points) == len(MONTHS)

    # Across two districts, it sits in the force area; its figures follow its LSOAs.
    officer_client.post(
        reverse("opendata:neighbourhood_edit", args=["arbury"]),
        {"name": "Arbury and March", "codes": f"{lsoas['arbury'].code} {lsoas['march'].code}"},
    )
    area.refresh_from_db()
    assert (area.name, area.parent) == ("Arbury and March", places["force"])
    assert _series("policeuk-burglary", area) == _expected(
        places["rows"], {"arbury", "march"}, {"Burglary"}
    )
    assert _series("policeuk-anti-social-behaviour", area) == [10] * len(MONTHS)


def test_without_street_crime_nothing_is_written(db):
    ForceAreaFactory()
    assert crime_figures_feed().observations == 0
    assert not Observation.objects.exists()


def test_the_tick_list_offers_the_forces_own_lsoas_and_those_already_chosen(officer_client, places):
    bedford = LsoaFactory(code="E01017500", name="Bedford 001A", district_name="Bedford")
    page = officer_client.get(reverse("opendata:neighbourhood_create"))
    offered = {lsoa.code for lsoa in page.context["form"].fields["lsoas"].queryset}
    assert offered == {lsoa.code for lsoa in places["lsoas"].values()}
    officer_client.post(
        reverse("opendata:neighbourhood_create"),
        {"name": "Border", "codes": f"{bedford.code} {places['lsoas']['march'].code}"},
    )
    edit = officer_client.get(reverse("opendata:neighbourhood_edit", args=["border"]))
    assert bedford.code in edit.content.decode()
    assert f'value="{bedford.pk}" checked' in edit.content.decode()
