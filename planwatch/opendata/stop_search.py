"""Stop-and-search figures for a scrutiny meeting: shares, outcome rates, rates per 1,000
population and disproportionality ratios, worked out from counts per group.

Plain functions over plain values (no ORM), so the web page, its CSV and a report can share
them and tests can check them by hand.

- **Share of all searches**: the group's searches ÷ all searches in the period.
- **Linked-outcome rate**: searches whose outcome police.uk records as linked to the object of
  the search ÷ the group's searches. A blank "linked" field counts as not linked (see
  ``selectors.StopSearchGroup.linked_outcome_rate``).
- **No-further-action rate**: searches ending in "A no further action disposal" ÷ the group's
  searches.
- **Searches per 1,000 population**: the group's searches ÷ its entered population × 1,000.
- **Disproportionality ratio**: the group's rate per 1,000 ÷ the comparator's rate per 1,000.
  For ethnicity the comparator is the White group ("White"; for self-defined ethnicity every
  "White - …" group with a population figure, taken together); for age range and gender it is
  the group with the largest entered population.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

GROUP_LABELS = {
    "officer_defined_ethnicity": "Officer-defined ethnicity",
    "self_defined_ethnicity": "Self-defined ethnicity",
    "age_range": "Age range",
    "gender": "Gender",
    "legislation": "Legislation",
    "object_of_search": "Object of search",
    "outcome": "Outcome",
}
# Groupings that population figures can be entered for (PopulationFigure.GroupBy).
POPULATION_GROUPINGS = (
    "officer_defined_ethnicity",
    "self_defined_ethnicity",
    "age_range",
    "gender",
)
ETHNICITY_GROUPINGS = ("officer_defined_ethnicity", "self_defined_ethnicity")
WHITE = "White"
PER = 1000


def is_white(group: str) -> bool:
    """ "White", or a self-defined White group such as "White - Irish"."""
    return group == WHITE or group.startswith(f"{WHITE} - ")


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def percent(value: float | None) -> float | None:
    return None if value is None else value * 100


class _Rates:
    """Outcome rates as shares and as percentages, for anything with ``searches``,
    ``linked`` and ``no_further_action``."""

    @property
    def linked_outcome_rate(self) -> float | None:
        return _ratio(self.linked, self.searches)

    @property
    def nfa_rate(self) -> float | None:
        return _ratio(self.no_further_action, self.searches)

    @property
    def linked_outcome_percent(self) -> float | None:
        return percent(self.linked_outcome_rate)

    @property
    def nfa_percent(self) -> float | None:
        return percent(self.nfa_rate)


@dataclass(frozen=True)
class Comparator:
    groups: tuple[str, ...]
    searches: int
    population: int
    why: str  # "the White group", "the group with the largest population entered"

    @property
    def label(self) -> str:
        if len(self.groups) == 1:
            return self.groups[0]
        return "White (" + ", ".join(self.groups) + ")"

    @property
    def rate_per_1000(self) -> float:
        return self.searches / self.population * PER


@dataclass(frozen=True)
class ScrutinyRow(_Rates):
    group: str
    searches: int
    linked: int
    no_further_action: int
    share: float | None
    population: int | None = None
    rate_per_1000: float | None = None
    ratio: float | None = None
    is_comparator: bool = False

    @property
    def share_percent(self) -> float | None:
        return percent(self.share)


@dataclass(frozen=True)
class Scrutiny(_Rates):
    by: str
    rows: list[ScrutinyRow]
    searches: int
    linked: int
    no_further_action: int
    population_applies: bool
    populations_entered: bool = False
    comparator: Comparator | None = None
    # Groups searched in the period that have no population figure ("Not stated" left out).
    groups_without_figures: list[str] = field(default_factory=list)
    comparator_problem: str = ""

    @property
    def label(self) -> str:
        return GROUP_LABELS[self.by]

    @property
    def ratios_shown(self) -> bool:
        return self.comparator is not None


def comparator_choose(
    *, by: str, searches: Mapping[str, int], populations: Mapping[str, int]
) -> tuple[Comparator | None, str]:
    """The group rates are compared against, or None and the reason there is none."""
    entered = {group: n for group, n in populations.items() if n > 0}
    if by in ETHNICITY_GROUPINGS:
        groups = tuple(sorted(g for g in entered if is_white(g)))
        if not groups:
            return None, (
                "Ratios need the population of the White group: enter a figure for "
                + ("“White”." if by == "officer_defined_ethnicity" else "the White groups.")
            )
        why = "the White group" if len(groups) == 1 else "the White groups taken together"
    else:
        if not entered:
            return None, "Enter population figures to work out ratios."
        largest = max(entered.items(), key=lambda item: (item[1], item[0]))[0]
        groups, why = (largest,), "the group with the largest population entered"
    comparator = Comparator(
        groups=groups,
        searches=sum(searches.get(g, 0) for g in groups),
        population=sum(entered[g] for g in groups),
        why=why,
    )
    if comparator.searches == 0:
        return None, (
            f"{comparator.label} had no searches in these months, so ratios against it cannot "
            "be worked out."
        )
    return comparator, ""


def scrutiny_table(
    *,
    by: str,
    groups: Iterable,
    populations: Mapping[str, int] | None = None,
    not_stated: str = "Not stated",
) -> Scrutiny:
    """The table for one grouping. ``groups`` have ``group``, ``searches``, ``linked`` and
    ``no_further_action`` (``selectors.StopSearchGroup``); ``populations`` maps a group, as
    police.uk writes it, to its entered population."""
    groups = list(groups)
    populations = dict(populations or {}) if by in POPULATION_GROUPINGS else {}
    total = sum(g.searches for g in groups)
    counts = {g.group: g for g in groups}
    searches = {g.group: g.searches for g in groups}
    comparator, problem = (None, "")
    if populations:
        comparator, problem = comparator_choose(by=by, searches=searches, populations=populations)
    rows = []
    # Groups with a population figure but no searches in the period are rows too: a rate of 0.
    names = [g.group for g in groups] + sorted(set(populations) - set(counts))
    for name in names:
        g = counts.get(name)
        n = g.searches if g else 0
        population = populations.get(name) or None
        rate = n / population * PER if population else None
        ratio = None
        if comparator is not None and rate is not None:
            ratio = rate / comparator.rate_per_1000
        rows.append(
            ScrutinyRow(
                group=name,
                searches=n,
                linked=g.linked if g else 0,
                no_further_action=g.no_further_action if g else 0,
                share=_ratio(n, total),
                population=population,
                rate_per_1000=rate,
                ratio=ratio,
                is_comparator=comparator is not None and name in comparator.groups,
            )
        )
    return Scrutiny(
        by=by,
        rows=rows,
        searches=total,
        linked=sum(g.linked for g in groups),
        no_further_action=sum(g.no_further_action for g in groups),
        population_applies=by in POPULATION_GROUPINGS,
        populations_entered=bool(populations),
        comparator=comparator,
        groups_without_figures=[
            g.group for g in groups if g.group != not_stated and not populations.get(g.group)
        ],
        comparator_problem=problem,
    )
