"""One indicator's Business Intelligence table, built as a plain block for a report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planwatch.performance.models import Indicator
from planwatch.places.selectors import force_area

from .. import wording
from .cells import TableCells
from .charts import TableCharts
from .flags import FlagNotes
from .periods import TOTAL, PeriodChoice, period_label
from .text import sentence_case

Block = dict[str, Any]

BLOCK_TYPE = "bi_table"


class IntelligenceTable(PeriodChoice, TableCells, FlagNotes, TableCharts):
    """The Business Intelligence block of one indicator for a report ending ``period_end``, of
    its figures for ``area`` (the force area when None)."""

    def __init__(self, indicator, *, period_end: dt.date, area=None):
        self.indicator = indicator
        self.period_end = period_end
        self.area = area
        self.percentage = indicator.unit == Indicator.Unit.PERCENTAGE
        self.by_rows = indicator.table_layout == Indicator.TableLayout.PERIODS_AS_ROWS

    def build(self) -> Block | None:
        if self.area is None:
            self.area = force_area()
        self._read_observations()
        if not self._select_periods():
            return None
        self._read_figures()
        self._read_flags()
        self.notes: dict[tuple[int, str], int] = {}
        columns, rows = self._rows_layout() if self.by_rows else self._columns_layout()
        indicator = self.indicator
        return {
            "type": BLOCK_TYPE,
            "title": wording.bi_title(indicator.name),
            "indicator": {"code": indicator.code, "name": indicator.name, "unit": indicator.unit},
            "layout": indicator.table_layout,
            "intro": self._intro(),
            "columns": columns,
            "rows": rows,
            "basis": wording.bi_basis(
                calculated=self._calculated(),
                flagged=bool(self.notes),
                significance=self._significance(),
            ),
            "source": indicator.source,
            "periods": [{"period": str(p), "label": period_label(p)} for p in self.shown],
            "latest": str(self.latest),
            "basis_period": str(self.basis) if self.basis else "",
            "flags": self._flag_items(),
            "chart_svg": self._chart(),
        }

    # Words

    def _intro(self) -> str:
        comparison = self.basis or self.comparison
        return wording.bi_intro(
            latest=period_label(self.latest),
            basis=period_label(comparison) if comparison else "",
            basis_is_last_year=bool(self.basis) and self.basis_is_last_year,
            changes_shown=self.by_rows and self.basis is not None,
            points=self.percentage,
            others=[period_label(p) for p in self.others],
            counts_with_percentages=self._counts_with_percentages(),
        )

    def _counts_with_percentages(self) -> bool:
        return self.percentage and any(
            f is not None and f.numerator is not None and f.denominator
            for f in self.figures.values()
        )

    def _calculated(self) -> bool:
        changes = self.by_rows and any(self.changes.values())
        return bool(changes or self._counts_with_percentages())

    def _headline(self) -> str | None:
        """The breakdown whose change the basis sentence tests: the total, or the only one."""
        if TOTAL in self.breakdowns:
            return TOTAL
        return self.breakdowns[0] if len(self.breakdowns) == 1 else None

    def _significance(self) -> str:
        headline = self._headline()
        if self.basis is None or headline is None:
            return ""
        change = self.changes.get(headline)
        if change is None or change.test is None:
            return ""
        subject = "the total" if len(self.breakdowns) > 1 else sentence_case(self.indicator.name)
        return wording.bi_significance(
            subject=subject, change=change.text, method=change.test.method, p_value=change.p_value
        )
