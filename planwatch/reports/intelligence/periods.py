"""Which periods a Business Intelligence table shows, and how a period is named in one."""

from __future__ import annotations

from collections import Counter

from planwatch.performance.periods import CY, EN_DASH, FY, Month, Period, PeriodError, parse_period
from planwatch.performance.selectors import Figure, observations_for

MAX_PERIODS = 4
WINDOW_MONTHS = 24
TOTAL = ""
YEAR_KINDS = (CY, FY)


class PeriodChoice:
    """Which periods a table shows.

    A period is reportable when its last month is on or before the month the report's period
    ends in: a report ending on 13 November 2019 shows figures for November 2019.

    Periods of different lengths are not mixed. The table is of the latest reportable period
    that can be compared with another (another of its length is recorded, or its basis is),
    else simply of the latest. Then come the basis its change is computed on, when recorded
    (the period its printed change was on, always shown, else the same period a year
    earlier); then other periods of the latest's length ending in the 24 months before it,
    newest first; at most four. The one exception is the whole year of a year to date's basis,
    which the OPCC's tables print beside the two (Jan–Dec 2018 below Jan–Sep 2019 and Jan–Sep
    2018). When neither a basis nor any other period is recorded, the most recent earlier
    period of the latest's length is shown for comparison instead."""

    def _read_observations(self) -> None:
        """Every observation of the indicator for the area, read once: the table's periods,
        figures and changes are all found among them."""
        self.observations = []
        self.recorded: dict[tuple, Period] = {}
        self.first_seen: dict[str, int] = {}
        self.found: dict[tuple, Figure | None] = {}  # figures by (period key, breakdown)
        queryset = observations_for(indicator=self.indicator, area=self.area, breakdown=None)
        for observation in queryset.select_related("area"):
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
        last_month = Month.from_date(self.period_end)
        candidates = [p for p in self.recorded.values() if p.last <= last_month]
        if not candidates:
            return False
        latest = self._latest_of(candidates)
        basis = self._basis_for(latest)
        taken = {latest.key} | ({basis.key} if basis else set())
        earlier = sorted(
            (
                p
                for p in candidates
                if p.key not in taken
                and p.last <= latest.last
                and not latest.covers(p)
                and (p.n_months == latest.n_months or _year_of_basis(p, latest, basis))
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

    def _latest_of(self, candidates: list[Period]) -> Period:
        """The latest period that can be compared with another: one of the same length is
        recorded, or its basis is. Without one, the latest. So a later document's single
        quarter (Q1 2019/20) does not displace two financial years that compare."""
        lengths = Counter(p.n_months for p in candidates)
        newest_first = sorted(candidates, key=newness, reverse=True)
        for period in newest_first:
            if lengths[period.n_months] > 1 or self._available_basis(period) is not None:
                return period
        return newest_first[0]

    def _basis_for(self, latest: Period) -> Period | None:
        last_year = latest.same_period_last_year()
        basis = self._stated_basis(latest) or last_year
        self.basis_is_last_year = basis.key == last_year.key
        return self._available_basis(latest)

    def _available_basis(self, period: Period) -> Period | None:
        """The basis of ``period`` (the one its change was printed on, else the same period a
        year earlier) when there is a figure for it, stored or made from its months."""
        basis = self._stated_basis(period) or period.same_period_last_year()
        if basis.key in self.recorded:
            return self.recorded[basis.key]
        breakdowns = {o.breakdown for o, p in self.observations if p.key == period.key}
        if any(self._has_figure(basis, breakdown) for breakdown in breakdowns):
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


def _year_of_basis(period: Period, latest: Period, basis: Period | None) -> bool:
    """Whether ``period`` is the whole (calendar or financial) year that the basis of a year
    to date is the start of: CY2018 for Jan–Sep 2019 on Jan–Sep 2018."""
    return (
        basis is not None
        and period.kind in YEAR_KINDS
        and latest.n_months < 12
        and period.first == latest.first - 12 == basis.first
    )


def newness(period: Period) -> tuple:
    """Sort key: the later end first, and the longer period of two that end together."""
    return (period.last, period.n_months)


def period_label(period: Period) -> str:
    """A period in a table: as ``Period.label``, but a calendar year reads ``Jan–Dec 2018``
    beside the other runs of months."""
    if period.kind == CY:
        return f"Jan{EN_DASH}Dec {period.first.year}"
    return period.label
