"""A small set of figures for the page tests: 24 monthly counts, a survey percentage with its
sample size and a basis, and a printed percentage that disagrees with its numerator and
denominator."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planwatch.performance.models import Indicator, Observation
from planwatch.places.tests.factories import ForceAreaFactory

from .factories import IndicatorFactory, ObservationFactory

# Hate crimes a month, Jan 2018 to Dec 2019: steady, then a rise in the last months.
HATE_CRIMES = [
    101, 96, 104, 99, 103, 97, 100, 105, 98, 102, 95, 101,
    99, 104, 97, 103, 100, 98, 102, 96, 121, 126, 124, 131,
]  # fmt: skip
MONTHS = [f"{2018 + i // 12}-{i % 12 + 1:02d}" for i in range(24)]


@dataclass
class Figures:
    hate_crime: Indicator
    satisfaction: Indicator
    officers: Indicator
    flagged: Observation
    unchecked: Observation


def make_figures() -> Figures:
    area = ForceAreaFactory()
    hate_crime = IndicatorFactory(
        code="hate-crime",
        name="Hate crimes recorded",
        unit=Indicator.Unit.COUNT,
        polarity=Indicator.Polarity.LOWER,
        source="Police recorded crime",
    )
    for period, value in zip(MONTHS, HATE_CRIMES, strict=True):
        ObservationFactory(indicator=hate_crime, area=area, period=period, value=value)

    satisfaction = IndicatorFactory(
        code="satisfaction",
        name="Victims satisfied with the service",
        unit=Indicator.Unit.PERCENTAGE,
        polarity=Indicator.Polarity.HIGHER,
        decimals=1,
    )
    # Printed without its sample size: the basis of the change.
    ObservationFactory(indicator=satisfaction, area=area, period="FY2017/18", value=Decimal("79.2"))
    ObservationFactory(
        indicator=satisfaction,
        area=area,
        period="FY2018/19",
        value=Decimal("67.0"),
        sample_size=88,
        change_basis="FY2017/18",
    )

    officers = IndicatorFactory(
        code="female-officers",
        name="Police officers who are women",
        unit=Indicator.Unit.PERCENTAGE,
        polarity=Indicator.Polarity.NEITHER,
        decimals=1,
    )
    flagged = ObservationFactory(
        indicator=officers,
        area=area,
        period="2019-03",
        value=Decimal("30.41"),
        numerator=420,
        denominator=1381,
        stated_value="30.0",
        source="Workforce report, March 2019",
    )
    # A printed change whose basis (March 2017) is not recorded: not checked.
    unchecked = ObservationFactory(
        indicator=officers,
        area=area,
        period="2018-03",
        value=Decimal("29.0"),
        numerator=390,
        denominator=1345,
        stated_change="+2",
    )
    return Figures(hate_crime, satisfaction, officers, flagged, unchecked)
