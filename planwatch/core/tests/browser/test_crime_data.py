"""Police open data pages in a real browser: an officer reads the force and a district, a
neighbourhood's before/after comparison and the stop-and-search table. Every page passes
axe-core (WCAG 2.2 A/AA)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from planwatch.opendata.services import district_counts_rebuild
from planwatch.opendata.tests.factories import (
    ForceMonthFactory,
    LsoaFactory,
    NeighbourhoodFactory,
    StopSearchFactory,
    StreetCrimeCountFactory,
)
from planwatch.places.tests.factories import DistrictFactory, ForceAreaFactory

from .browsing import follow, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def crime_data(transactional_db):
    force = ForceAreaFactory()
    DistrictFactory(name="Cambridge", gss_code="E07000008", parent=force)
    arbury = LsoaFactory(code="E01017959", name="Cambridge 001A", district_name="Cambridge")
    other = LsoaFactory(code="E01017960", name="Cambridge 002A", district_name="Cambridge")
    for month in range(1, 13):
        day = dt.date(2024, month, 1)
        ForceMonthFactory(month=day)
        StreetCrimeCountFactory(month=day, lsoa_code=arbury.code, count=10 - month // 2)
        StreetCrimeCountFactory(month=day, lsoa_code=other.code, count=20)
        StopSearchFactory(month=day)
    district_counts_rebuild()
    NeighbourhoodFactory(name="Arbury", slug="arbury", lsoas=[arbury])


def test_officer_reads_areas_a_neighbourhood_and_stop_and_search(page, sign_in, crime_data):
    sign_in(page, "officer")
    follow(page, "Crime data")
    expect(page.get_by_role("heading", level=1)).to_have_text("Areas")
    follow(page, "Cambridge")
    expect(page.locator("#main-content")).to_contain_text("Burglary")

    visit(page, "/open-data/neighbourhoods/")
    follow(page, "Arbury")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Arbury")
    visit(page, "/open-data/neighbourhoods/arbury/?crime_type=Burglary&month=2024-07&window=6")
    expect(page.locator("#main-content")).to_contain_text("Burglary")

    visit(page, "/open-data/stop-and-search/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stop and search")
    expect(page.locator("#main-content")).to_contain_text("White")
    visit(page, "/open-data/stop-and-search/population/")
