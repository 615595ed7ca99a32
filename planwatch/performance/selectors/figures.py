"""Figures: an indicator's value for a period, its observations, monthly series and SPC."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, QuerySet

from planwatch.places.models import Area
from planwatch.places.selectors import force_area

from .. import comparisons, statistics
from ..models import Indicator, Observation
from ..periods import Month, Period, month_range, parse_period

# --- Observations as periods ----------------------------------------------------------------


def period_of(observation: Observation) -> Period:
    return parse_period(observation.period)


def _month_date(month: Month) -> dt.date:
    return dt.date(month.year, month.month, 1)


def observations_for(
    *, indicator: Indicator, area: Area | None = None, breakdown: str | None = ""
) -> QuerySet[Observation]:
    """The indicator's observations for ``area`` (the force area when None) and ``breakdown``
    (every breakdown when None)."""
    qs = indicator.observations.filter(area=area or force_area())
    if breakdown is not None:
        qs = qs.filter(breakdown=breakdown)
    # pk last: with every breakdown, periods tie, and PostgreSQL and SQLite must agree on which
    # comes first (callers keep the first of a period).
    return qs.order_by("period_last", "period_first", "pk")


def breakdowns_of(*, indicator: Indicator, area: Area | None = None) -> list[str]:
    return list(
        indicator.observations.filter(area=area or force_area())
        .order_by("breakdown")
        .values_list("breakdown", flat=True)
        .distinct()
    )


# --- One figure -----------------------------------------------------------------------------


@dataclass
class Figure:
    """An indicator's value for one area, period and breakdown, with what it was made from."""

    indicator: Indicator
    period: Period
    breakdown: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    sample_size: int | None = None
    observations: list[Observation] = field(default_factory=list)
    area: Area | None = None

    @property
    def observation(self) -> Observation | None:
        """The single stored observation this figure is, if it is not aggregated."""
        return self.observations[0] if len(self.observations) == 1 else None

    @property
    def percent(self) -> Decimal | None:
        if self.indicator.unit == Indicator.Unit.PERCENTAGE:
            return self.value
        if self.numerator is not None and self.denominator:
            return self.numerator * 100 / self.denominator
        return None

    @property
    def n(self) -> int | None:
        """The size of the sample a percentage is of (a survey's respondents), where given.

        Only a sample size counts: a share of everyone (420 of the force's 1,381 police
        officers) is not an estimate, so it has no confidence interval and no test of chance."""
        return self.sample_size or None

    @property
    def successes(self) -> int | None:
        """How many of the sample: the numerator when it counts the sample, else the
        percentage of the sample size."""
        n = self.n
        if not n:
            return None
        numerator, denominator = self.numerator, self.denominator
        if (
            numerator is not None
            and numerator == numerator.to_integral_value()
            and (denominator is None or denominator == n)
        ):
            return int(numerator)
        if self.percent is not None:
            return round(float(self.percent) * n / 100)
        return None

    @property
    def ci95(self) -> tuple[float, float] | None:
        """Wilson 95% interval, as percentages, for a percentage with its sample size."""
        if self.percent is None or not self.n or self.successes is None:
            return None
        if not 0 <= self.successes <= self.n:
            return None
        low, high = statistics.wilson_interval(self.successes, self.n)
        return (low * 100, high * 100)

    @property
    def shown(self) -> str:
        return format_value(self.indicator, self.value)


def format_value(indicator: Indicator, value: Decimal | None) -> str:
    """A value at the indicator's decimals, rounded half-up (as printed figures are checked)."""
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-indicator.decimals)
    text = f"{Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP):,.{indicator.decimals}f}"
    if indicator.unit == Indicator.Unit.PERCENTAGE:
        return f"{text}%"
    if indicator.unit == Indicator.Unit.MONEY:
        return f"£{text}"
    return text


def figure_get(
    *, indicator: Indicator, period: Period, area: Area | None = None, breakdown: str = ""
) -> Figure | None:
    """The figure for ``period``: the stored observation for exactly that period, or else the
    indicator's monthly observations combined by its aggregation when every month is there."""
    area = area or force_area()
    first, last = _month_date(period.first), _month_date(period.last)
    qs = indicator.observations.filter(area=area, breakdown=breakdown)
    exact = qs.filter(period_first=first, period_last=last).first()
    if exact is not None:
        return _figure_from(indicator, period, breakdown, [exact])
    months = list(
        qs.filter(period_first__gte=first, period_last__lte=last)
        .filter(period_first=F("period_last"))
        .order_by("period_first")
    )
    if len(months) != period.n_months or any(o.value is None for o in months):
        return None
    return _figure_from(indicator, period, breakdown, months)


def _figure_from(indicator, period, breakdown, observations) -> Figure:
    """One observation as a figure, or several months combined by the indicator's aggregation.

    Where every month has its numerator and denominator (or sample size) they are pooled, so a
    combined percentage is the share of everyone counted, with its sample size for the tests."""
    first = observations[0]
    if len(observations) == 1:
        return Figure(
            indicator=indicator,
            period=period,
            breakdown=breakdown,
            value=first.value,
            numerator=first.numerator,
            denominator=first.denominator,
            sample_size=first.sample_size,
            observations=observations,
            area=first.area,
        )
    numerators = [o.numerator for o in observations]
    denominators = [o.denominator for o in observations]
    samples = [o.sample_size for o in observations]
    pooled = None not in numerators and None not in denominators
    numerator = sum(numerators) if pooled else None
    denominator = sum(denominators) if pooled else None
    value = comparisons.aggregate([o.value for o in observations], indicator.aggregation)
    if (
        pooled
        and denominator
        and indicator.unit in (Indicator.Unit.PERCENTAGE, Indicator.Unit.RATIO)
    ):
        value = (
            numerator / denominator * (100 if indicator.unit == Indicator.Unit.PERCENTAGE else 1)
        )
    return Figure(
        indicator=indicator,
        period=period,
        breakdown=breakdown,
        value=value,
        numerator=numerator,
        denominator=denominator,
        sample_size=sum(samples) if None not in samples else None,
        observations=observations,
        area=first.area,
    )


def figure_of(*, observation: Observation) -> Figure:
    """The figure a stored observation is."""
    return _figure_from(
        observation.indicator, period_of(observation), observation.breakdown, [observation]
    )


def figure_latest(
    *, indicator: Indicator, area: Area | None = None, breakdown: str = ""
) -> Figure | None:
    """The most recent stored figure (latest end; the longest period when two end together)."""
    obs = (
        observations_for(indicator=indicator, area=area, breakdown=breakdown)
        .order_by("-period_last", "period_first")
        .first()
    )
    if obs is None:
        return None
    return _figure_from(indicator, period_of(obs), breakdown, [obs])


# --- Series and SPC -------------------------------------------------------------------------


def monthly_series(
    *,
    indicator: Indicator,
    area: Area | None = None,
    breakdown: str = "",
    first: Month | None = None,
    last: Month | None = None,
) -> list[tuple[Month, Decimal]]:
    qs = observations_for(indicator=indicator, area=area, breakdown=breakdown).filter(
        period_first=F("period_last"), value__isnull=False
    )
    if first:
        qs = qs.filter(period_first__gte=_month_date(first))
    if last:
        qs = qs.filter(period_last__lte=_month_date(last))
    return [
        (Month(o.period_first.year, o.period_first.month), o.value)
        for o in qs.order_by("period_first")
    ]


def spc_get(
    *,
    indicator: Indicator,
    area: Area | None = None,
    breakdown: str = "",
    first: Month | None = None,
    last: Month | None = None,
) -> statistics.SpcResult | None:
    """XmR chart of the monthly series (None with fewer than two months)."""
    series = _consecutive_tail(
        monthly_series(indicator=indicator, area=area, breakdown=breakdown, first=first, last=last)
    )
    if len(series) < 2:
        return None
    return statistics.xmr(
        [float(v) for _, v in series],
        [str(m) for m, _ in series],
        polarity=indicator.polarity,
    )


def _consecutive_tail(series: list[tuple[Month, Decimal]]) -> list[tuple[Month, Decimal]]:
    """The latest unbroken run of months: an XmR chart reads neighbours as consecutive."""
    start = 0
    for i in range(1, len(series)):
        if series[i][0] - series[i - 1][0] != 1:
            start = i
    return series[start:]


def period_span(first: Period, last: Period) -> Period:
    return month_range(first.first, last.last)
