"""Summaries: an indicator's latest figure, its change and what the statistics say."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from planwatch.places.models import Area
from planwatch.places.selectors import force_area

from .. import statistics
from ..models import Indicator
from .changes import Change, change_get
from .figures import Figure, figure_latest, spc_get
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
    spc = spc_get(indicator=indicator, area=area, breakdown=breakdown)
    if spc is not None and len(spc.points) >= SPC_MIN_POINTS:
        assessment = assessment_of_spc(spc)
    else:
        spc = None
        assessment = assessment_of_change(change)
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
    *, indicators: Iterable[Indicator], flags: Iterable[FlagView] | None = None
) -> list[IndicatorSummary]:
    """Summaries of ``indicators`` for the force area; open flags counted from ``flags``."""
    counts = open_flag_counts(flags or [])
    area = force_area()
    return [
        indicator_summary(indicator=i, area=area, open_flags=counts.get(i.pk, 0))
        for i in indicators
    ]
