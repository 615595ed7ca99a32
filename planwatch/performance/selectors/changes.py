"""Changes: a figure against its basis, and the test of whether the change is real."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from planwatch.places.models import Area

from .. import comparisons, statistics
from ..models import Indicator
from ..periods import Period, PeriodError, parse_period
from .figures import Figure, figure_get


@dataclass
class Change:
    """A figure against its basis, with the test of whether the change is more than chance."""

    figure: Figure
    basis_figure: Figure
    absolute: Decimal | None
    percent: Decimal | None
    test: statistics.TestResult | None

    @property
    def basis(self) -> Period:
        return self.basis_figure.period

    @property
    def significant(self) -> bool | None:
        return None if self.test is None else self.test.significant

    @property
    def p_value(self) -> float | None:
        return None if self.test is None else self.test.p_value

    @property
    def text(self) -> str:
        """ "+5.7% on Jan–Sep 2018" (percentage points for percentages)."""
        if self.figure.indicator.unit == Indicator.Unit.PERCENTAGE and self.absolute is not None:
            rounded = self.absolute.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            points = f"{rounded:+.1f}".replace("+0.0", "0.0").replace("-0.0", "0.0")
            return f"{points} percentage points on {self.basis.label}"
        if self.percent is None:
            return f"no comparison with {self.basis.label} (zero in the basis)"
        return comparisons.format_change(self.percent, self.basis.label)

    @property
    def verdict(self) -> str:
        """Plain English on whether the change is real, by the method used."""
        if self.test is None:
            return "not tested"
        p = self.test.p_value
        p_text = "p < 0.001" if p < 0.001 else f"p = {p:.3f}"
        if self.test.significant:
            return f"significant change ({p_text}, {self.test.method})"
        return f"no significant change ({p_text}, {self.test.method})"


def default_basis(figure: Figure) -> Period:
    """The period a figure is compared with unless another is asked for: the basis of the
    change printed with it (58.3% "compared to 64.3% in year ending June 2018"), or else the
    same period last year."""
    observation = figure.observation
    if observation is not None and observation.change_basis:
        with contextlib.suppress(PeriodError):
            return parse_period(observation.change_basis)
    return figure.period.same_period_last_year()


def change_get(
    *, figure: Figure, basis: Period | None = None, area: Area | None = None
) -> Change | None:
    """``figure`` against ``basis``: by default the basis its source printed a change on, or
    else the same period last year."""
    basis = basis or default_basis(figure)
    basis_figure = figure_get(
        indicator=figure.indicator,
        period=basis,
        area=area or figure.area,
        breakdown=figure.breakdown,
    )
    return change_between(figure=figure, basis_figure=basis_figure)


def change_between(*, figure: Figure, basis_figure: Figure | None) -> Change | None:
    """``figure`` against a basis figure already in hand (None when either has no value)."""
    if basis_figure is None or figure.value is None or basis_figure.value is None:
        return None
    absolute, percent = comparisons.change(figure.value, basis_figure.value)
    return Change(
        figure=figure,
        basis_figure=basis_figure,
        absolute=absolute,
        percent=percent,
        test=_change_test(figure, basis_figure),
    )


def _change_test(figure: Figure, basis: Figure) -> statistics.TestResult | None:
    unit = figure.indicator.unit
    if unit == Indicator.Unit.PERCENTAGE:
        x1, n1 = figure.successes, figure.n
        if x1 is None or not n1:
            return None
        if basis.n and basis.successes is not None:
            return statistics.two_proportion_test(x1, n1, basis.successes, basis.n)
        if basis.percent is not None and 0 < basis.percent < 100:
            return statistics.one_proportion_test(x1, n1, float(basis.percent) / 100)
        return None
    if unit == Indicator.Unit.COUNT and _whole(figure.value) and _whole(basis.value):
        return statistics.poisson_test(
            int(figure.value),
            int(basis.value),
            exposure1=figure.period.n_months,
            exposure2=basis.period.n_months,
        )
    return None


def _whole(value: Decimal | None) -> bool:
    return value is not None and value >= 0 and value == value.to_integral_value()
