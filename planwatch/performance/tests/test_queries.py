"""The indicator list and the indicators tables cost the same number of queries however many
indicators they show, and the summaries read at once are those read one indicator at a time."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.performance import selectors
from planwatch.performance.models import Indicator, Observation
from planwatch.places.tests.factories import DistrictFactory, ForceAreaFactory
from planwatch.plan.tests.factories import PriorityFactory

from .factories import IndicatorFactory, ObservationFactory
from .figures import MONTHS, make_figures

pytestmark = pytest.mark.django_db


def _add_indicators(count: int, *, start: int, priority) -> None:
    """``count`` indicators of four kinds in turn: 18 monthly counts (an SPC chart), a survey
    percentage with a stated basis, one recorded only by breakdown, and one with no figures."""
    force = ForceAreaFactory()
    for n in range(start, start + count):
        kind = n % 4
        indicator = IndicatorFactory(
            code=f"ind-{n:03d}",
            name=f"Indicator {n:03d}",
            unit=Indicator.Unit.PERCENTAGE if kind == 1 else Indicator.Unit.COUNT,
            polarity=Indicator.Polarity.HIGHER,
            decimals=1 if kind == 1 else 0,
        )
        indicator.priorities.add(priority)
        if kind == 0:
            for i, period in enumerate(MONTHS[:18]):
                ObservationFactory(indicator=indicator, area=force, period=period, value=100 + i)
        elif kind == 1:
            ObservationFactory(indicator=indicator, area=force, period="FY2017/18", value=70)
            ObservationFactory(
                indicator=indicator,
                area=force,
                period="FY2018/19",
                value=Decimal("66.5"),
                sample_size=400,
                change_basis="FY2017/18",
            )
        elif kind == 2:
            for breakdown in ("channel=999", "channel=101"):
                ObservationFactory(
                    indicator=indicator, area=force, period="2019-05", breakdown=breakdown
                )


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_list_its_csv_and_the_theme_and_priority_tables_do_not_query_per_indicator(
    officer_client, settings
):
    settings.PAGE_SIZE = 25
    priority = PriorityFactory()
    urls = {
        "list": reverse("performance:indicator_list"),
        "csv": reverse("performance:indicator_list") + "?format=csv",
        "priority": reverse("plan:priority_detail", args=[priority.pk]),
        "theme": reverse("plan:theme_detail", args=[priority.objective.theme.slug]),
    }

    _add_indicators(5, start=0, priority=priority)
    for url in urls.values():  # content types are cached on first use
        officer_client.get(url)
    few = {name: _count(officer_client, url) for name, url in urls.items()}
    _add_indicators(20, start=5, priority=priority)
    many = {name: _count(officer_client, url) for name, url in urls.items()}

    assert many == few
    assert few["list"] <= 15  # was about 5 an indicator
    response = officer_client.get(urls["list"])
    assert len(response.context["summaries"]) == 25
    assert sum(s.spc is not None for s in response.context["summaries"]) == 7


def test_summaries_cost_a_fixed_number_of_queries(db):
    priority = PriorityFactory()
    _add_indicators(8, start=0, priority=priority)
    indicators = list(selectors.indicator_list())
    with CaptureQueriesContext(connection) as few:
        selectors.indicator_summaries(indicators=indicators[:4])
    with CaptureQueriesContext(connection) as all_:
        selectors.indicator_summaries(indicators=indicators)
    # The force area, the observations, and which of those without a figure have any at all.
    assert len(few.captured_queries) == len(all_.captured_queries) == 3


@pytest.fixture
def mixed(db):
    """The page tests' figures (24 monthly counts, a survey percentage with its basis, a
    percentage with its parts), and some awkward cases besides."""
    figures = make_figures()
    force = ForceAreaFactory()
    district = DistrictFactory(parent=force)

    # Recorded only by breakdown (and for a district): no figure for the force as a whole.
    by_channel = IndicatorFactory(code="by-channel", name="Contacts by channel")
    for breakdown in ("channel=999", "channel=101"):
        ObservationFactory(indicator=by_channel, area=force, period="2019-05", breakdown=breakdown)
    only_district = IndicatorFactory(code="district-only", name="District only")
    ObservationFactory(indicator=only_district, area=district, period="2019-05")

    # A quarter compared with the same months of the year before, stored only as months.
    quarters = IndicatorFactory(
        code="quarterly", name="Quarterly", aggregation=Indicator.Aggregation.SUM
    )
    for period, value in (("2018-10", 10), ("2018-11", 12), ("2018-12", 14), ("2019-01", 9)):
        ObservationFactory(indicator=quarters, area=force, period=period, value=value)
    ObservationFactory(indicator=quarters, area=force, period="2019-10..2019-12", value=50)
    # The same, with a month missing from the basis: no comparison.
    gappy = IndicatorFactory(code="gappy", name="Gappy")
    for period in ("2018-10", "2018-12"):
        ObservationFactory(indicator=gappy, area=force, period=period, value=5)
    ObservationFactory(indicator=gappy, area=force, period="2019-10..2019-12", value=20)

    # Pooled percentages: a stated basis of three months kept with their parts.
    pooled = IndicatorFactory(
        code="pooled",
        name="Pooled",
        unit=Indicator.Unit.PERCENTAGE,
        aggregation=Indicator.Aggregation.AVERAGE,
        decimals=1,
    )
    for period, numerator in (("2018-04", 40), ("2018-05", 45), ("2018-06", 50)):
        ObservationFactory(
            indicator=pooled,
            area=force,
            period=period,
            value=Decimal(numerator),
            numerator=numerator,
            denominator=100,
        )
    ObservationFactory(
        indicator=pooled,
        area=force,
        period="2019-04..2019-06",
        value=Decimal("55"),
        numerator=165,
        denominator=300,
        change_basis="2018-04..2018-06",
    )

    # Two periods ending together: the longer is the latest; the basis is stored under another
    # name for the same months (a range for a financial year).
    ends_together = IndicatorFactory(code="ends-together", name="Ends together")
    ObservationFactory(indicator=ends_together, area=force, period="2018-04..2019-03", value=900)
    ObservationFactory(indicator=ends_together, area=force, period="2019-03", value=80)
    ObservationFactory(
        indicator=ends_together,
        area=force,
        period="FY2019/20",
        value=1000,
        change_basis="FY2018/19",
    )
    ObservationFactory(indicator=ends_together, area=force, period="2020-03", value=85)

    # A value missing, and a broken monthly series (the SPC reads the last unbroken run).
    broken = IndicatorFactory(code="broken", name="Broken", polarity=Indicator.Polarity.LOWER)
    for period in MONTHS[:6] + MONTHS[8:]:
        ObservationFactory(indicator=broken, area=force, period=period, value=20)
    ObservationFactory(indicator=broken, area=force, period="2020-01", value=None)

    IndicatorFactory(code="empty", name="Nothing recorded")
    return figures


def test_summaries_read_at_once_are_those_read_one_at_a_time(mixed):
    indicators = list(selectors.indicator_list())
    flags = selectors.flags_all()
    area = ForceAreaFactory()
    counts = selectors.open_flag_counts(flags)

    at_once = selectors.indicator_summaries(indicators=indicators, flags=flags)
    one_at_a_time = [
        selectors.indicator_summary(indicator=i, area=area, open_flags=counts.get(i.pk, 0))
        for i in indicators
    ]

    assert at_once == one_at_a_time
    by_code = {s.indicator.code: s for s in at_once}
    hate = by_code["hate-crime"]
    assert (hate.latest.value, hate.change.text) == (131, "+29.7% on December 2018")
    assert hate.spc is not None and hate.assessment.key == "concern"
    satisfaction = by_code["satisfaction"]
    assert satisfaction.change.text == "-12.2 percentage points on 2017/18"
    assert satisfaction.assessment == selectors.Assessment("concern", "test")
    assert by_code["female-officers"].open_flags == 1
    for code in ("by-channel", "district-only"):
        assert by_code[code].latest is None and by_code[code].has_figures
    assert not by_code["empty"].has_figures
    quarterly = by_code["quarterly"].change
    assert quarterly.basis_figure.value == 36 and len(quarterly.basis_figure.observations) == 3
    assert by_code["gappy"].change is None
    pooled = by_code["pooled"].change
    assert pooled.basis_figure.value == 45 and pooled.basis_figure.denominator == 300
    ends_together = by_code["ends-together"]
    assert ends_together.latest.value == 1000
    assert ends_together.change.basis.label == "2018/19"


def test_summaries_for_another_area_or_a_breakdown_are_those_read_one_at_a_time(mixed):
    indicators = list(selectors.indicator_list())
    district = Observation.objects.get(indicator__code="district-only").area
    for area, breakdown in ((district, ""), (ForceAreaFactory(), "channel=999")):
        assert selectors.indicator_summaries(
            indicators=indicators, area=area, breakdown=breakdown
        ) == [
            selectors.indicator_summary(indicator=i, area=area, breakdown=breakdown)
            for i in indicators
        ]
