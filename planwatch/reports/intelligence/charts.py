"""The chart of a Business Intelligence table: SPC of the months, survey bars or a comparison."""

from __future__ import annotations

from planwatch.performance.charts import ChartBar, bar_chart, spc_chart
from planwatch.performance.models import Indicator
from planwatch.performance.periods import PeriodError, month_range, parse_period
from planwatch.performance.selectors import SPC_MIN_POINTS, spc_get

from .periods import WINDOW_MONTHS, newness, period_label

VALUE_LABELS = {
    Indicator.Unit.COUNT: "Number",
    Indicator.Unit.PERCENTAGE: "Percentage",
    Indicator.Unit.RATE: "Rate",
    Indicator.Unit.MONEY: "£",
    Indicator.Unit.RATIO: "Ratio",
}


class TableCharts:
    """The chart for a table's headline breakdown, where one helps."""

    def _chart(self) -> str:
        headline = self._headline()
        if headline is None:
            return ""
        return (
            self._spc_chart(headline)
            or self._survey_chart(headline)
            or self._comparison_chart(headline)
        )

    def _spc_chart(self, breakdown: str) -> str:
        """An XmR chart of the months in the 24 to the latest, with enough of them for its
        limits to mean something (the selectors' minimum, as on the indicator's page)."""
        last = self.latest.last
        first = last - (WINDOW_MONTHS - 1)
        recorded = sum(
            1
            for o, p in self.observations
            if o.breakdown == breakdown
            and p.n_months == 1
            and first <= p.first <= last
            and o.value is not None
        )
        if recorded < SPC_MIN_POINTS:
            return ""  # not enough months: no need to ask for the series
        result = spc_get(
            indicator=self.indicator, area=self.area, breakdown=breakdown, first=first, last=last
        )
        if result is None or len(result.points) < SPC_MIN_POINTS:
            return ""
        months = month_range(result_first(result) or first, last)
        return spc_chart(
            result,
            title=f"{self.indicator.name}, {months.label}, by month",
            value_label=VALUE_LABELS.get(self.indicator.unit, "Value"),
            polarity=self.indicator.polarity,
        )

    def _survey_chart(self, breakdown: str) -> str:
        if not self.percentage:
            return ""
        figures = [
            (p, self.figures.get((p.key, breakdown))) for p in sorted(self.shown, key=newness)
        ]
        figures = [(p, f) for p, f in figures if f is not None and f.percent is not None]
        if not any(f.sample_size for _, f in figures):
            return ""
        bars = []
        for period, figure in figures:
            interval = figure.ci95
            bars.append(
                ChartBar(
                    label=period_label(period),
                    value=float(figure.percent),
                    low=interval[0] if interval else None,
                    high=interval[1] if interval else None,
                )
            )
        return bar_chart(
            bars,
            title=f"{self.indicator.name}, with 95% confidence intervals",
            value_label=VALUE_LABELS[Indicator.Unit.PERCENTAGE],
            percent=True,
        )

    def _comparison_chart(self, breakdown: str) -> str:
        """The total against its basis, when the table has more in it than the total (a chart
        of a one-row table would only repeat its two numbers)."""
        comparison = self.basis or self.comparison
        if comparison is None or len(self.breakdowns) < 2:
            return ""
        bars = []
        for period in sorted([comparison, self.latest], key=newness):
            figure = self.figures.get((period.key, breakdown))
            value = (
                None if figure is None else (figure.percent if self.percentage else figure.value)
            )
            if value is None:
                return ""
            bars.append(ChartBar(label=period_label(period), value=float(value)))
        label = self._breakdown_label(breakdown).lower()
        return bar_chart(
            bars,
            title=f"{self.indicator.name}: {label}, {bars[1].label} and {bars[0].label}",
            value_label=VALUE_LABELS.get(self.indicator.unit, "Value"),
            percent=self.percentage,
        )


def result_first(result):
    """The first month an SPC result covers, from its first point's label."""
    try:
        return parse_period(result.points[0].label).first
    except (PeriodError, IndexError):
        return None
