"""Figures derived from stored ones, never stored: rolling 12-month totals, shares of a total
across a breakdown, and rates per 1,000."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planwatch.places.models import Area

from .. import comparisons
from ..breakdowns import BreakdownError, breakdown_parse, humanise
from ..models import Indicator
from ..periods import Period, parse_period
from .figures import Figure, figure_get, monthly_series


@dataclass(frozen=True)
class RollingTotal:
    period: Period  # the 12 months, as R12-yyyy-mm
    total: Decimal
    year_before: Decimal | None  # the 12 months ending a year earlier

    @property
    def change_text(self) -> str | None:
        if self.year_before is None:
            return None
        _, percent = comparisons.change(self.total, self.year_before)
        return comparisons.format_change(percent, self.period.same_period_last_year().label)


def rolling_total_latest(
    *, indicator: Indicator, area: Area, breakdown: str = ""
) -> RollingTotal | None:
    """The latest rolling 12-month total of a monthly series that adds up (aggregation sum),
    with the total a year before it when those months are recorded too."""
    if indicator.aggregation != Indicator.Aggregation.SUM:
        return None
    totals = comparisons.rolling_totals(
        monthly_series(indicator=indicator, area=area, breakdown=breakdown)
    )
    if not totals:
        return None
    by_month = dict(totals)
    month, total = totals[-1]
    return RollingTotal(
        period=parse_period(f"R12-{month}"),
        total=total,
        year_before=by_month.get(month - 12),
    )


@dataclass(frozen=True)
class Share:
    label: str
    breakdown: str
    value: Decimal
    percent: Decimal


def shares_of(*, figure: Figure, area: Area) -> list[Share]:
    """The parts of ``figure`` across each breakdown recorded one level below it, each with
    its share of their sum (empty when fewer than two parts are recorded, or the unit does
    not add up)."""
    indicator = figure.indicator
    if indicator.unit not in (Indicator.Unit.COUNT, Indicator.Unit.MONEY):
        return []
    try:
        base = breakdown_parse(figure.breakdown)
    except BreakdownError:
        return []
    period = figure.period
    candidates = indicator.observations.filter(
        area=area, period_first=period.first.start, period_last=period.last.start
    ).exclude(breakdown=figure.breakdown)
    parts: dict[str, dict[str, tuple[str, Decimal]]] = {}
    for obs in candidates:
        try:
            pairs = breakdown_parse(obs.breakdown)
        except BreakdownError:
            continue
        extra = set(pairs) - set(base)
        if obs.value is None or len(pairs) != len(base) + 1 or len(extra) != 1:
            continue
        if any(pairs.get(k) != v for k, v in base.items()):
            continue
        key = extra.pop()
        parts.setdefault(key, {})[obs.breakdown] = (pairs[key], obs.value)
    for key in sorted(parts):  # the first dimension (by name) with two or more parts
        values = {b: value for b, (_, value) in parts[key].items()}
        if len(values) >= 2 and sum(values.values()) > 0:
            percents = comparisons.shares(values)
            return [
                Share(
                    label=humanise(parts[key][b][0]),
                    breakdown=b,
                    value=value,
                    percent=percents[b],
                )
                for b, value in sorted(values.items(), key=lambda item: (-item[1], item[0]))
            ]
    return []


@dataclass(frozen=True)
class Rate:
    per_1000: Decimal
    denominator: Figure


def rate_per_1000(*, figure: Figure, area: Area) -> Rate | None:
    """``figure`` per 1,000 of the indicator's rate denominator (e.g. the population) for the
    same period, or else the latest recorded before the period ends."""
    denominator_indicator = figure.indicator.rate_denominator
    if denominator_indicator is None or figure.value is None:
        return None
    denominator = figure_get(indicator=denominator_indicator, period=figure.period, area=area)
    if denominator is None:
        latest = (
            denominator_indicator.observations.filter(
                area=area, breakdown="", period_last__lte=figure.period.last.start
            )
            .order_by("-period_last", "period_first")
            .first()
        )
        if latest is None:
            return None
        denominator = figure_get(
            indicator=denominator_indicator, period=parse_period(latest.period), area=area
        )
    if denominator is None or not denominator.value or denominator.value <= 0:
        return None
    return Rate(
        per_1000=comparisons.rate_per_1000(figure.value, denominator.value),
        denominator=denominator,
    )
