"""Stop and search in a theme report: the Independent Scrutiny Group's main table, searches by
officer-defined ethnicity in the months of the report's period, as a Business Intelligence
block (the same shape as an indicator's, so every renderer prints it as a table).

Every number comes from the imported police.uk records through the opendata app: the counts
from ``selectors.stop_search_by_group``, the shares, rates per 1,000 and ratios from
``stop_search.scrutiny_table`` (the Stop and search page's own table). Nothing is typed in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from planwatch.opendata import selectors
from planwatch.opendata.stop_search import GROUP_LABELS, Scrutiny, ScrutinyRow, scrutiny_table

from .. import wording
from ..periods import months_label
from .table import BLOCK_TYPE, Block
from .text import MISSING, header_cell, number_text

BY = "officer_defined_ethnicity"
NO_FIGURE = "No figure"


def stop_search_months(*, start: dt.date, end: dt.date) -> tuple[list[dt.date], list[dt.date]]:
    """The months of the period (from the month ``start`` is in to the month ``end`` is in)
    that hold stop-and-search records, and those that do not."""
    period = selectors.months_between(start, end)
    held = set(selectors.stop_search_months())
    return [m for m in period if m in held], [m for m in period if m not in held]


def stop_search_block(*, start: dt.date, end: dt.date) -> Block | None:
    """The table of searches by officer-defined ethnicity in the months of the period that
    hold records; None when no month of the period does."""
    used, missing = stop_search_months(start=start, end=end)
    if not used:
        return None
    first, last = used[0], used[-1]
    figures = list(selectors.population_figures(group_by=BY))
    populations = {f.group: f.population for f in figures}
    table = scrutiny_table(
        by=BY,
        # A month between the first and last without records adds nothing to the counts.
        groups=selectors.stop_search_by_group(first=first, last=last, by=BY),
        populations=populations,
        not_stated=selectors.NOT_STATED,
    )
    label = GROUP_LABELS[BY]
    columns, rows = _layout(table)
    return {
        "type": BLOCK_TYPE,
        "title": wording.bi_title(f"Stop and search by {label.lower()}"),
        "layout": "groups_as_rows",
        "intro": wording.stop_search_intro(
            grouping=label,
            months=months_label(used),
            searches=table.searches,
            missing=months_label(missing),
        ),
        "basis": _basis(
            table, months=len(used), sources=sorted({f.source.strip() for f in figures} - {""})
        ),
        "columns": columns,
        "rows": rows,
        "source": f"{wording.STOP_SEARCH_SOURCE}, {months_label(used)}",
        "stop_search": {
            "by": BY,
            "months": [f"{m:%Y-%m}" for m in used],
            "months_without_records": [f"{m:%Y-%m}" for m in missing],
            "searches": table.searches,
            "populations_entered": table.populations_entered,
            "comparator": table.comparator.label if table.comparator else "",
        },
        "flags": [],
        "chart_svg": "",
    }


def stop_search_empty_text(*, start: dt.date, end: dt.date) -> str:
    return wording.stop_search_none(months=months_label(selectors.months_between(start, end)))


# The table


def _layout(table: Scrutiny) -> tuple[list, list]:
    labels = [table.label, "Searches", "Share of all searches"]
    labels += ["Linked-outcome rate", "No-further-action rate"]
    if table.populations_entered:
        labels += ["Population", "Searches per 1,000 population"]
        if table.comparator:
            labels.append(f"Ratio against {table.comparator.label}")
    columns = [{"label": text, "numeric": n > 0} for n, text in enumerate(labels)]
    rows = [[header_cell(row.group), *_cells(table, row)] for row in table.rows]
    total = [
        header_cell("All searches"),
        _cell(f"{table.searches:,}"),
        _cell(_percent(1 if table.searches else None)),
        _cell(_percent(table.linked_outcome_rate)),
        _cell(_percent(table.nfa_rate)),
    ]
    total += [_cell("") for _ in labels[len(total) :]]
    return columns, [*rows, total]


def _cells(table: Scrutiny, row: ScrutinyRow) -> list[dict]:
    searched = bool(row.searches)
    cells = [
        _cell(f"{row.searches:,}"),
        _cell(_percent(row.share)),
        _cell(_percent(row.linked_outcome_rate) if searched else MISSING),
        _cell(_percent(row.nfa_rate) if searched else MISSING),
    ]
    if table.populations_entered:
        cells += [
            _cell(f"{row.population:,}" if row.population else NO_FIGURE),
            _cell(_number(row.rate_per_1000, 2)),
        ]
        if table.comparator:
            cells.append(_cell(_number(row.ratio, 2)))
    return cells


def _cell(text: str) -> dict:
    return {"text": text, "header": False, "numeric": True, "marker": "", "flagged": False}


def _number(value: float | None, places: int) -> str:
    """Rounded half up from the shortest decimal form of ``value``, as the page's
    ``floatformat`` rounds it, so the report and the page print the same figure."""
    if value is None:
        return MISSING
    return number_text(Decimal(repr(value)), places)


def _percent(share: float | None) -> str:
    if share is None:
        return MISSING
    return f"{_number(share * 100, 1)}%"


def _basis(table: Scrutiny, *, months: int, sources: list[str]) -> str:
    sentences = [wording.STOP_SEARCH_RATES]
    if not table.populations_entered:
        sentences.append(wording.stop_search_populations_needed(grouping=table.label))
        return " ".join(sentences)
    sentences.append(wording.stop_search_per_1000(sources=sources, months=months))
    if table.comparator:
        sentences.append(
            wording.stop_search_ratios(
                comparator=table.comparator.label,
                why=table.comparator.why,
                rate=_number(table.comparator.rate_per_1000, 2),
            )
        )
    elif table.comparator_problem:
        sentences.append(table.comparator_problem)
    if table.groups_without_figures:
        sentences.append(wording.stop_search_without_figures(groups=table.groups_without_figures))
    return " ".join(sentences)
