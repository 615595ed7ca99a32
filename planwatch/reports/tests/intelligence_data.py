"""Business Intelligence Information to report: the call-handling and workforce figures of the
November 2019 Panel report (paras 5.2.2 and 6.1.5), as printed, with the printed changes and
percentages that disagree with the figures beside them."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from planwatch.performance.models import Indicator
from planwatch.performance.tests.factories import IndicatorFactory, ObservationFactory
from planwatch.places.tests.factories import ForceAreaFactory

CONTACTS_SOURCE = "Cambridgeshire Constabulary contact management"
CONTACTS = {
    # period: (999, 101, online, web-chat, total)
    "2019-01..2019-09": ("101926", "208750", "14335", "15410", "340421"),
    "2018-01..2018-09": ("96457", "239473", "3988", "11254", "351172"),
    "CY2018": ("130142", "320888", "5661", "151.36", "471827"),
}
CONTACTS_PRINTED_CHANGES = ("+5", "-13", "+112", "+31", "-3")
CHANNELS = ("channel=999", "channel=101", "channel=online", "channel=web_chat", "")
# staff group: ((female, headcount, printed %) at March 2016, the same at March 2019)
WORKFORCE_FEMALE = {
    "police_officer": ((420, 1381, "30.0"), (447, 1418, "31.52")),
    "police_staff": ((521, 847, "61.5"), (586, 934, "62.74")),
    "pcso": ((75, 141, "53.0"), (49, 88, "55.68")),
}


@pytest.fixture
def bi_data(report_plan):
    ForceAreaFactory()
    contacts = IndicatorFactory(
        code="contacts",
        name="Public contacts with the Constabulary",
        unit=Indicator.Unit.COUNT,
        source=CONTACTS_SOURCE,
        table_layout=Indicator.TableLayout.PERIODS_AS_ROWS,
    )
    contacts.priorities.add(report_plan.priorities.contact)
    observations = {}
    for period, values in CONTACTS.items():
        latest = period == "2019-01..2019-09"
        for index, (breakdown, value) in enumerate(zip(CHANNELS, values, strict=True)):
            observations[(period, breakdown)] = ObservationFactory(
                indicator=contacts,
                period=period,
                breakdown=breakdown,
                value=Decimal(value),
                stated_change=CONTACTS_PRINTED_CHANGES[index] if latest else "",
                change_basis="2018-01..2018-09" if latest else "",
            )
    female = IndicatorFactory(
        code="workforce-female",
        name="Female share of the workforce",
        unit=Indicator.Unit.PERCENTAGE,
        decimals=2,
        aggregation=Indicator.Aggregation.LAST,
        source="Cambridgeshire Constabulary workforce equality and diversity report",
        table_layout=Indicator.TableLayout.PERIODS_AS_COLUMNS,
    )
    female.priorities.add(report_plan.priorities.workforce)
    for group, figures in WORKFORCE_FEMALE.items():
        for period, (count, headcount, printed) in zip(
            ("2016-03", "2019-03"), figures, strict=True
        ):
            observations[(period, f"staff_group={group}")] = ObservationFactory(
                indicator=female,
                period=period,
                breakdown=f"staff_group={group}",
                value=Decimal(count) * 100 / Decimal(headcount),
                numerator=Decimal(count),
                denominator=Decimal(headcount),
                stated_value=printed,
            )
    return SimpleNamespace(contacts=contacts, female=female, observations=observations)


def acknowledge_all(bi_data, user, reason="Checked against the source document."):
    """Acknowledge every flag on the figures above."""
    from planwatch.performance.selectors import flags_for_observations
    from planwatch.performance.services import flag_acknowledge

    ids = [o.pk for o in bi_data.observations.values()]
    for view in flags_for_observations(observation_ids=ids):
        flag_acknowledge(
            observation=view.observation,
            kind=view.kind,
            dimension=view.dimension,
            reason=reason,
            user=user,
        )
