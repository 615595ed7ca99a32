"""The cells of a Business Intelligence table: its two layouts, each figure and its change."""

from __future__ import annotations

import dataclasses

from planwatch.performance.breakdowns import breakdown_parse as parse_breakdown
from planwatch.performance.models import Indicator, Observation
from planwatch.performance.periods import Period
from planwatch.performance.selectors import (
    Change,
    Figure,
    change_between,
    figure_get,
    figure_of,
)
from planwatch.performance.validation import PrintedNumberError, read_printed

from .periods import TOTAL, period_label
from .text import (
    MISSING,
    _whole,
    header_cell,
    humanise,
    note_marker,
    number_text,
    signed,
    value_text,
)

ADDITIVE_UNITS = (Indicator.Unit.COUNT, Indicator.Unit.MONEY)


class TableCells:
    """The figures and changes of the periods shown, laid out as rows or columns of cells."""

    def _read_figures(self) -> None:
        self.figures: dict[tuple, Figure | None] = {}
        for period in self.shown:
            for breakdown in self.breakdowns:
                self.figures[(period.key, breakdown)] = self._figure_for(period, breakdown)
        self.changes: dict[str, Change | None] = {}
        if self.basis is not None:
            for breakdown in self.breakdowns:
                figure = self.figures.get((self.latest.key, breakdown))
                self.changes[breakdown] = (
                    change_between(
                        figure=figure, basis_figure=self._figure_for(self.basis, breakdown)
                    )
                    if figure
                    else None
                )

    def _figure_for(self, period: Period, breakdown: str) -> Figure | None:
        """As ``figure_get``, from the observations already read: the stored observation for
        exactly that period, or else its months combined, when every month is recorded with a
        value (only then is the database asked, to combine them)."""
        key = (period.key, breakdown)
        if key not in self.found:
            self.found[key] = self._find_figure(period, breakdown)
        return self.found[key]

    def _find_figure(self, period: Period, breakdown: str) -> Figure | None:
        exact, months = self._stored(period, breakdown)
        if exact is not None:
            return dataclasses.replace(figure_of(observation=exact), period=period)
        if not _complete(period, months):
            return None
        return figure_get(
            indicator=self.indicator, period=period, area=self.area, breakdown=breakdown
        )

    def _has_figure(self, period: Period, breakdown: str) -> bool:
        """Whether there is a figure for ``period``, without asking the database."""
        exact, months = self._stored(period, breakdown)
        return exact is not None or _complete(period, months)

    def _stored(self, period: Period, breakdown: str) -> tuple[Observation | None, list]:
        """The observation stored for exactly ``period``, else those of its months."""
        months = []
        for observation, recorded in self.observations:
            if observation.breakdown != breakdown:
                continue
            if recorded.key == period.key:
                return observation, []
            if recorded.n_months == 1 and period.covers(recorded):
                months.append(observation)
        return None, months

    def _rows_layout(self) -> tuple[list, list]:
        columns = [{"label": "Period", "numeric": False}] + [
            {"label": self._breakdown_label(b), "numeric": True} for b in self.breakdowns
        ]
        rows = []
        for period in self.shown:
            with_change = period == self.latest
            rows.append(
                [header_cell(period_label(period))]
                + [self._cell(period, b, with_change=with_change) for b in self.breakdowns]
            )
        return columns, rows

    def _columns_layout(self) -> tuple[list, list]:
        columns = [{"label": self._dimension_label(), "numeric": False}] + [
            {"label": period_label(p), "numeric": True} for p in self.shown
        ]
        rows = [
            [header_cell(self._breakdown_label(b))] + [self._cell(p, b) for p in self.shown]
            for b in self.breakdowns
        ]
        return columns, rows

    def _cell(self, period: Period, breakdown: str, *, with_change: bool = False) -> dict:
        figure = self.figures.get((period.key, breakdown))
        text = self._figure_text(figure)
        if with_change and figure is not None:
            change = self._change_text(self.changes.get(breakdown))
            if change:
                text = f"{text} ({change})"
        notes = []
        for observation in figure.observations if figure else []:
            for view in self.flags.get(observation.pk, []):
                key = (observation.pk, view.slug)
                if key not in self.notes:
                    self.notes[key] = len(self.notes) + 1
                notes.append(self.notes[key])
        return {
            "text": text,
            "header": False,
            "numeric": True,
            "marker": note_marker(notes),
            "flagged": bool(notes),
        }

    def _figure_text(self, figure: Figure | None) -> str:
        if figure is None:
            return MISSING
        indicator = self.indicator
        if self.percentage and figure.numerator is not None and figure.denominator:
            percent = figure.numerator * 100 / figure.denominator
            places = self._printed_places(figure)
            count = number_text(figure.numerator, 0 if _whole(figure.numerator) else 2)
            return f"{count} ({number_text(percent, places)}%)"
        text = value_text(indicator, figure.value)
        if self.percentage and figure.sample_size and figure.value is not None:
            text = f"{text} (n={figure.sample_size:,})"
        return text

    def _printed_places(self, figure: Figure) -> int:
        """Show a percentage at the precision it was printed with, so a reader can compare."""
        observation = figure.observation
        if observation is not None and observation.stated_value:
            try:
                return read_printed(observation.stated_value).decimals
            except PrintedNumberError:
                pass
        return self.indicator.decimals

    def _change_text(self, change: Change | None) -> str:
        if change is None:
            return ""
        if self.percentage:
            return "" if change.absolute is None else f"{signed(change.absolute, 1)} pp"
        return "" if change.percent is None else f"{signed(change.percent, 1)}%"

    def _breakdown_label(self, breakdown: str) -> str:
        if breakdown == TOTAL:
            if len(self.breakdowns) == 1:
                return self.indicator.name
            return "Total" if self.indicator.unit in ADDITIVE_UNITS else "All"
        return ", ".join(humanise(v) for v in parse_breakdown(breakdown).values())

    def _dimension_label(self) -> str:
        keys = {k for b in self.breakdowns for k in parse_breakdown(b)}
        if not keys:
            return "Measure"
        if len(keys) == 1:
            return humanise(keys.pop())
        return "Breakdown"


def _complete(period: Period, months: list[Observation]) -> bool:
    """Whether every month of ``period`` is there with a value, so they can be combined."""
    return len(months) == period.n_months and all(o.value is not None for o in months)
