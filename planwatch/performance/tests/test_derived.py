"""Figures worked out from stored ones: rolling 12-month totals, shares and rates per 1,000,
on the selectors and on the indicator's page."""

from decimal import Decimal

import pytest

from planwatch.performance import selectors
from planwatch.performance.models import Indicator
from planwatch.performance.periods import Month

from .factories import IndicatorFactory, ObservationFactory


@pytest.fixture
def burglary(import_places):
    indicator = IndicatorFactory(code="burglary", name="Burglary")
    month = Month(2018, 1)
    for n in range(24):  # 10, 11, ... 33 a month
        ObservationFactory(
            indicator=indicator, area=import_places["force"], period=str(month),
            value=Decimal(10 + n),
        )  # fmt: skip
        month = month + 1
    return indicator


def test_the_latest_rolling_total_is_the_sum_of_the_last_twelve_months(burglary, import_places):
    rolling = selectors.rolling_total_latest(indicator=burglary, area=import_places["force"])
    assert str(rolling.period) == "R12-2019-12"
    assert rolling.total == sum(range(22, 34))
    assert rolling.year_before == sum(range(10, 22))
    assert rolling.change_text == "+77.4% on year ending December 2018"


def test_shares_of_a_total_across_its_breakdown(import_places):
    contacts = IndicatorFactory(code="contacts")
    force = import_places["force"]
    for breakdown, value in [("", 100), ("channel=999", 25), ("channel=101", 75)]:
        ObservationFactory(
            indicator=contacts, area=force, period="CY2018", breakdown=breakdown,
            value=Decimal(value),
        )  # fmt: skip
    figure = selectors.figure_latest(indicator=contacts, area=force)
    shares = selectors.shares_of(figure=figure, area=force)
    assert [(s.label, s.percent) for s in shares] == [("101", Decimal(75)), ("999", Decimal(25))]


def test_shares_are_across_the_first_dimension_by_name_whatever_order_they_were_stored_in(
    import_places,
):
    contacts = IndicatorFactory(code="contacts")
    force = import_places["force"]
    for breakdown, value in [
        ("", 100),
        ("sex=male", 50),
        ("sex=female", 50),
        ("channel=999", 25),
        ("channel=101", 75),
    ]:
        ObservationFactory(
            indicator=contacts, area=force, period="CY2018", breakdown=breakdown,
            value=Decimal(value),
        )  # fmt: skip
    figure = selectors.figure_latest(indicator=contacts, area=force)
    shares = selectors.shares_of(figure=figure, area=force)
    assert [s.breakdown for s in shares] == ["channel=101", "channel=999"]


def test_figures_for_the_same_months_come_in_the_order_they_were_stored(import_places):
    contacts = IndicatorFactory(code="contacts")
    force = import_places["force"]
    stored = [
        ObservationFactory(
            indicator=contacts, area=force, period=period, breakdown=breakdown, value=1
        )
        for period, breakdown in [
            ("FY2019/20-Q1", "channel=999"),
            ("2019-Q2", "channel=101"),
            ("2019-04..2019-06", ""),
        ]
    ]
    # The same months three ways: pk breaks the tie, on PostgreSQL as on SQLite.
    assert list(selectors.observations_for(indicator=contacts, breakdown=None)) == stored


def test_a_rate_per_1000_of_the_denominator_indicator(import_places):
    force = import_places["force"]
    population = IndicatorFactory(code="population", aggregation=Indicator.Aggregation.LAST)
    ObservationFactory(indicator=population, area=force, period="2019-06", value=Decimal(850000))
    crimes = IndicatorFactory(code="crimes", rate_denominator=population)
    ObservationFactory(indicator=crimes, area=force, period="CY2019", value=Decimal(68000))
    figure = selectors.figure_latest(indicator=crimes, area=force)
    rate = selectors.rate_per_1000(figure=figure, area=force)
    assert rate.per_1000 == Decimal(80)
    assert rate.denominator.period.label == "June 2019"


def test_the_indicator_page_shows_the_worked_out_figures(officer_client, burglary):
    html = officer_client.get(f"/performance/indicators/{burglary.code}/").content.decode()
    assert "Rolling 12-month total" in html
    assert "330 in the year ending December 2019: +77.4% on year ending December 2018" in html
