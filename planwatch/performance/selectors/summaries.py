"""Summaries: an indicator's latest figure, its change and what the statistics say."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from planwatch.places.models import Area
from planwatch.places.selectors import force_area

from .. import statistics
from ..models import Indicator, Observation
from ..periods import Month, Period
from .changes import Change, change_between, change_get, default_basis
from .figures import (
    Figure,
    _consecutive_tail,
    _figure_from,
    figure_latest,
    figure_of,
    spc_get,
)
from .flags import FlagView

# Fewer monthly points than this give process limits too unsettled to judge by (NHS "Making
# Data Count" asks for 15 or more): such series are shown as bars and judged by a change test.
SPC_MIN_POINTS = 15

ASSESSMENT_LABELS = {
    "improvement": "Improvement",
    "concern": "Concern",
    "common_cause": "Common cause",
    "special_cause": "Special cause",
    "significant_change": "Significant change",
    "no_significant_change": "No significant change",
    "not_tested": "Not tested",
}


@dataclass(frozen=True)
class Assessment:
    """What the statistics say about an indicator's latest figure, and by which method."""

    key: str  # a key of ASSESSMENT_LABELS
    method: str  # "spc" (XmR chart of the monthly series), "test" (change test) or ""

    @property
    def label(self) -> str:
        return ASSESSMENT_LABELS[self.key]

    @property
    def method_label(self) -> str:
        return {"spc": "SPC of the monthly series", "test": "change test"}.get(self.method, "")


def assessment_of_spc(result: statistics.SpcResult) -> Assessment:
    return Assessment(result.assessment.replace(" ", "_"), "spc")


def assessment_of_change(change: Change | None) -> Assessment:
    """Improvement or concern when a change is significant (by the indicator's polarity)."""
    if change is None or change.test is None:
        return Assessment("not_tested", "")
    if not change.test.significant:
        return Assessment("no_significant_change", "test")
    polarity = change.figure.indicator.polarity
    if polarity == Indicator.Polarity.NEITHER or not change.absolute:
        return Assessment("significant_change", "test")
    rose = change.absolute > 0
    good = rose == (polarity == Indicator.Polarity.HIGHER)
    return Assessment("improvement" if good else "concern", "test")


@dataclass
class IndicatorSummary:
    """One line about an indicator: its latest figure, change, assessment and open flags."""

    indicator: Indicator
    latest: Figure | None
    change: Change | None
    spc: statistics.SpcResult | None
    assessment: Assessment
    open_flags: int = 0
    has_figures: bool = True  # False when nothing at all is recorded for the indicator


def _assess(spc: statistics.SpcResult | None, change: Change | None):
    """The SPC result worth showing (enough monthly points) and the assessment it gives, or
    else the change test's."""
    if spc is not None and len(spc.points) >= SPC_MIN_POINTS:
        return spc, assessment_of_spc(spc)
    return None, assessment_of_change(change)


def indicator_summary(
    *,
    indicator: Indicator,
    area: Area | None = None,
    breakdown: str = "",
    open_flags: int = 0,
) -> IndicatorSummary:
    area = area or force_area()
    latest = figure_latest(indicator=indicator, area=area, breakdown=breakdown)
    change = change_get(figure=latest, area=area) if latest is not None else None
    spc, assessment = _assess(spc_get(indicator=indicator, area=area, breakdown=breakdown), change)
    return IndicatorSummary(
        indicator=indicator,
        latest=latest,
        change=change,
        spc=spc,
        assessment=assessment,
        open_flags=open_flags,
        has_figures=latest is not None or indicator.observations.exists(),
    )


def open_flag_counts(views: Iterable[FlagView]) -> dict[int, int]:
    """Unacknowledged flags by indicator id."""
    counts: dict[int, int] = defaultdict(int)
    for view in views:
        if not view.acknowledged:
            counts[view.observation.indicator_id] += 1
    return dict(counts)


def indicator_summaries(
    *,
    indicators: Iterable[Indicator],
    flags: Iterable[FlagView] | None = None,
    area: Area | None = None,
    breakdown: str = "",
) -> list[IndicatorSummary]:
    """Summaries of ``indicators`` for ``area`` (the force area when None); open flags counted
    from ``flags``.

    The same as ``indicator_summary`` for each indicator, in a fixed number of queries however
    many indicators there are: their observations for the area and breakdown are read at once
    and each summary is made from them in memory."""
    indicators = list(indicators)
    if not indicators:
        return []
    counts = open_flag_counts(flags or [])
    area = area or force_area()
    observations = _observations_by_indicator(indicators, area, breakdown)
    summaries = []
    for indicator in indicators:
        latest, change, spc = _read(indicator, observations.get(indicator.pk, []), breakdown)
        spc, assessment = _assess(spc, change)
        summaries.append(
            IndicatorSummary(
                indicator=indicator,
                latest=latest,
                change=change,
                spc=spc,
                assessment=assessment,
                open_flags=counts.get(indicator.pk, 0),
            )
        )
    # Nothing for the area and breakdown: is anything recorded at all (other areas, breakdowns)?
    unseen = [s.indicator.pk for s in summaries if s.latest is None]
    if unseen:
        recorded = set(
            Observation.objects.filter(indicator_id__in=unseen)
            .values_list("indicator_id", flat=True)
            .distinct()
        )
        for summary in summaries:
            if summary.latest is None:
                summary.has_figures = summary.indicator.pk in recorded
    return summaries


def _observations_by_indicator(
    indicators: list[Indicator], area: Area | None, breakdown: str
) -> dict[int, list[Observation]]:
    """Each indicator's observations for ``area`` and ``breakdown``, earliest end first, in
    one query."""
    by_indicator: dict[int, list[Observation]] = defaultdict(list)
    if area is None:  # no force area: nothing can be recorded for it
        return by_indicator
    indicator_by_pk = {i.pk: i for i in indicators}
    observations = (
        Observation.objects.filter(
            indicator_id__in=list(indicator_by_pk), area=area, breakdown=breakdown
        )
        .select_related("area")
        .order_by("indicator_id", "period_last", "period_first")
    )
    for observation in observations:
        observation.indicator = indicator_by_pk[observation.indicator_id]
        by_indicator[observation.indicator_id].append(observation)
    return by_indicator


def _read(
    indicator: Indicator, observations: list[Observation], breakdown: str
) -> tuple[Figure | None, Change | None, statistics.SpcResult | None]:
    """The latest figure, its change on the default basis and the SPC of the monthly series,
    from the indicator's observations (as figure_latest, change_get and spc_get give them)."""
    if not observations:
        return None, None, None
    # The latest end; the longest period of those that end together.
    newest = min(observations, key=lambda o: (-o.period_last.toordinal(), o.period_first))
    latest = figure_of(observation=newest)
    basis = default_basis(latest)
    change = change_between(
        figure=latest, basis_figure=_figure_for(indicator, basis, breakdown, observations)
    )
    return latest, change, _spc_of(indicator, observations)


def _figure_for(
    indicator: Indicator, period: Period, breakdown: str, observations: list[Observation]
) -> Figure | None:
    """As figure_get: the observation for exactly ``period``, or else its months combined when
    every one is there with a value."""
    first, last = period.first.start, period.last.start
    for observation in observations:
        if observation.period_first == first and observation.period_last == last:
            return _figure_from(indicator, period, breakdown, [observation])
    months = sorted(
        (
            o
            for o in observations
            if o.period_first == o.period_last and first <= o.period_first <= last
        ),
        key=lambda o: o.period_first,
    )
    if len(months) != period.n_months or any(o.value is None for o in months):
        return None
    return _figure_from(indicator, period, breakdown, months)


def _spc_of(indicator: Indicator, observations: list[Observation]) -> statistics.SpcResult | None:
    """As spc_get: an XmR chart of the latest unbroken run of monthly values."""
    series = _consecutive_tail(
        sorted(
            (Month.from_date(o.period_first), o.value)
            for o in observations
            if o.period_first == o.period_last and o.value is not None
        )
    )
    if len(series) < 2:
        return None
    return statistics.xmr(
        [float(v) for _, v in series],
        [str(m) for m, _ in series],
        polarity=indicator.polarity,
    )
