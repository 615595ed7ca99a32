"""Which periods a Business Intelligence table shows, and how a period is named in one."""

from __future__ import annotations

from planwatch.performance.periods import CY, EN_DASH, Period, PeriodError, parse_period
from planwatch.performance.selectors import figure_get, observations_for

MAX_PERIODS = 4
WINDOW_MONTHS = 24
TOTAL = ""


class PeriodChoice:
    """Which periods a table shows: the latest recorded period ending on or before the end of
    the report's period; the basis its change is computed on (the period the printed change was
    on, else the same period a year earlier), when recorded; then other recorded periods ending
    in the 24 months before the latest, newest first; at most four. When neither a basis nor any
    other period is recorded, the most recent earlier period is shown for comparison instead."""

    def _read_observations(self) -> None:
        self.observations = []
        self.recorded: dict[tuple, Period] = {}
        self.first_seen: dict[str, int] = {}
        for observation in observations_for(indicator=self.indicator, breakdown=None):
            try:
                period = parse_period(observation.period)
            except PeriodError:
                continue
            self.observations.append((observation, period))
            self.recorded.setdefault(period.key, period)
            seen = self.first_seen.get(observation.breakdown)
            if seen is None or observation.pk < seen:
                self.first_seen[observation.breakdown] = observation.pk

    def _select_periods(self) -> bool:
        candidates = [p for p in self.recorded.values() if p.end <= self.period_end]
        if not candidates:
            return False
        latest = max(candidates, key=newness)
        basis = self._basis_for(latest)
        taken = {latest.key} | ({basis.key} if basis else set())
        earlier = sorted(
            (
                p
                for p in candidates
                if p.key not in taken and p.last <= latest.last and not latest.covers(p)
            ),
            key=newness,
            reverse=True,
        )
        others = [p for p in earlier if latest.last - p.last <= WINDOW_MONTHS]
        self.comparison = None
        if basis is None and not others and earlier:
            self.comparison = earlier[0]
            others = [earlier[0]]
        self.latest, self.basis = latest, basis
        selected = [latest, *([basis] if basis else []), *others][:MAX_PERIODS]
        self.others = [p for p in selected[1:] if p != basis and p != self.comparison]
        # As the OPCC's tables print them: a row per period reads down from the latest, its
        # basis beneath it; a column per period reads left to right in time.
        self.shown = selected if self.by_rows else sorted(selected, key=newness)
        self.breakdowns = self._breakdowns_for(selected)
        return True

    def _basis_for(self, latest: Period) -> Period | None:
        stated = self._stated_basis(latest)
        basis = stated or latest.same_period_last_year()
        self.basis_is_last_year = basis.key == latest.same_period_last_year().key
        if basis.key in self.recorded:
            return self.recorded[basis.key]
        breakdowns = {o.breakdown for o, p in self.observations if p.key == latest.key}
        for breakdown in breakdowns:
            if figure_get(indicator=self.indicator, period=basis, breakdown=breakdown):
                return basis
        return None

    def _stated_basis(self, latest: Period) -> Period | None:
        stated = sorted(
            (o.breakdown != TOTAL, o.pk, o.change_basis)
            for o, p in self.observations
            if p.key == latest.key and o.change_basis
        )
        for *_, text in stated:
            try:
                return parse_period(text)
            except PeriodError:
                continue
        return None

    def _breakdowns_for(self, periods: list[Period]) -> list[str]:
        found = {o.breakdown for o, p in self.observations if any(s.covers(p) for s in periods)}
        return sorted(found, key=lambda b: (b == TOTAL, self.first_seen.get(b, 0), b))


def newness(period: Period) -> tuple:
    """Sort key: the later end first, and the longer period of two that end together."""
    return (period.last, period.n_months)


def period_label(period: Period) -> str:
    """A period in a table: as ``Period.label``, but a calendar year reads ``Jan–Dec 2018``
    beside the other runs of months."""
    if period.kind == CY:
        return f"Jan{EN_DASH}Dec {period.first.year}"
    return period.label
