"""The standard wording of a theme report, as the OPCC's reports print it. Plain functions."""

from __future__ import annotations

import re

NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)

# How a report names the body it goes to, after introducing it in full.
BODY_SHORT_NAMES = {
    "panel": "Panel",
    "board": "Board",
    "countywide": "Countywide Board",
}

NO_UPDATES = "No updates were recorded for this priority in the period."
NO_PRIORITIES = "No priorities for action are recorded under this objective."
NO_RESPONSE = "No response has been recorded yet."
NO_OPEN_ACTIONS = "There are no open actions on this theme."


def spell_number(n: int) -> str:
    """``four``; numbers above twelve stay as figures."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else f"{n:,}"


def join_names(names: list[str]) -> str:
    """``Victims, Offenders, Communities, and Transformation``."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{', '.join(names[:-1])}, and {names[-1]}"


def body_short_name(body: str) -> str:
    return BODY_SHORT_NAMES.get(body, "meeting")


def default_purpose(*, body: str, body_name: str, theme_name: str) -> str:
    short = body_short_name(body)
    return (
        f"The purpose of this report is to update the {body_name} (the “{short}”) on the "
        f"delivery of the {theme_name} theme within the Police and Crime Commissioner’s Police "
        "and Crime Plan (the “Plan”)."
    )


def default_recommendations(*, body: str) -> str:
    return f"The {body_short_name(body)} is recommended to note the report."


def plan_structure_paragraph(
    *, statutory_basis: str, effective_from: str, theme_names: list[str]
) -> str:
    """The Plan's structure: statute, start date and themes, as the seeds' background opens."""
    count = len(theme_names)
    themes = "theme" if count == 1 else "themes"
    basis = statutory_basis.strip()
    opening = (
        f"Under {basis}, the Commissioner is required to produce a Plan."
        if basis
        else "The Commissioner is required to produce a Plan."
    )
    return (
        f"{opening} The Commissioner’s Plan became effective from the {effective_from} and is "
        f"structured around {spell_number(count)} key strategic {themes}: "
        f"{join_names(theme_names)}. Each theme has its own aim and has a framework through a "
        "series of shared outcomes to enable all agencies with a part to play in community "
        "safety and criminal justice, to strategically direct the future delivery of services "
        "through these common goals. Each theme is supported by key objectives and priorities "
        "for action."
    )


def theme_paragraph(*, theme_name: str, shared_outcome: str, aim: str, priority_count: int) -> str:
    """``The Communities Theme of the Plan has the Shared Outcome of ‘…’; the Aim to ‘…’, along
    with 10 ‘Priorities for Action’.``"""
    priorities = (
        f"{priority_count} ‘Priority for Action’"
        if priority_count == 1
        else f"{priority_count} ‘Priorities for Action’"
    )
    parts = []
    if shared_outcome.strip():
        parts.append(f"the Shared Outcome of ‘{shared_outcome.strip()}’")
    if aim.strip():
        parts.append(f"the Aim to ‘{aim.strip()}’")
    subject = f"The {theme_name} Theme of the Plan has"
    if not parts:
        return f"{subject} {priorities}."
    return f"{subject} {'; '.join(parts)}, along with {priorities}."


_BLOCK_START = re.compile(r"^(?:\s|[-*+]\s|\d+[.)]\s|\||>)")


def split_paragraphs(text: str) -> list[str]:
    """Markdown split into numbered paragraphs: one per blank-line-separated paragraph, with a
    list, table, quotation or indented block kept with the paragraph before it."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    paragraphs: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        if not chunk.strip():
            continue
        if paragraphs and _BLOCK_START.match(chunk):
            paragraphs[-1] = f"{paragraphs[-1]}\n\n{chunk}"
        else:
            paragraphs.append(chunk.strip("\n"))
    return paragraphs


# Business Intelligence Information


def bi_title(indicator_name: str) -> str:
    return f"Business Intelligence Information – {indicator_name}"


def bi_intro(
    *,
    latest: str,
    basis: str = "",
    basis_is_last_year: bool = False,
    changes_shown: bool = False,
    points: bool = False,
    others: list[str] | None = None,
    counts_with_percentages: bool = False,
) -> str:
    """What the table shows and on what basis: ``Figures for Jan–Sep 2019, with the change on
    the same period of the previous year (Jan–Sep 2018) in brackets.``"""
    if basis and basis_is_last_year:
        basis_words = f"the same period of the previous year ({basis})"
    else:
        basis_words = basis
    sentence = f"Figures for {latest}"
    if basis and changes_shown:
        change = "change in percentage points" if points else "change"
        sentence += f", with the {change} on {basis_words} in brackets"
    elif basis:
        sentence += f", with {basis_words} for comparison"
    sentences = [f"{sentence}."]
    if others:
        verb = "is" if len(others) == 1 else "are"
        sentences.append(f"{join_names(list(others))} {verb} also shown.")
    if counts_with_percentages:
        sentences.append("Numbers are shown with their percentage of the whole in brackets.")
    return " ".join(sentences)


def p_value_text(p_value: float) -> str:
    return "p < 0.001" if p_value < 0.001 else f"p = {p_value:.3f}"


def bi_significance(*, subject: str, change: str, method: str, p_value: float) -> str:
    """``The change in the total, -3.1% on Jan–Sep 2018, is statistically significant (exact
    conditional Poisson test, p < 0.001).``"""
    verdict = (
        "is statistically significant" if p_value < 0.05 else "is not statistically significant"
    )
    return f"The change in {subject}, {change}, {verdict} ({method}, {p_value_text(p_value)})."


def bi_basis(*, calculated: bool, flagged: bool, significance: str = "") -> str:
    """How the figures were arrived at, and what a note in the table means."""
    sentences = []
    if calculated:
        sentences.append(
            "Percentages and changes are calculated from the recorded figures, not copied "
            "from the source."
        )
    if flagged:
        sentences.append(
            "Where a figure printed in the source disagrees with the recorded figures, the "
            "table shows the calculated figure and a note says what was printed."
        )
    if significance:
        sentences.append(significance)
    return " ".join(sentences)


def action_line(action: dict) -> str:
    """A next step as the report lists it: "Review the scheme. Lead: Fenland CSP, by 31 March
    2020 (in progress)." Statuses other than not started / open are said."""
    description = action["description"].rstrip()
    if not description.endswith((".", "!", "?")):
        description += "."
    lead = f"Lead: {action['owner']}"
    if action.get("due_date"):
        lead += f", by {action['due_label']}"
    status = (action.get("status_label") or "").lower()
    if status and status not in {"open", "not started"}:
        lead += f" ({status})"
    return f"{description} {lead}."


# Stop and search

STOP_SEARCH_HEADING = "Stop and search"
STOP_SEARCH_SOURCE = "police.uk stop and search"


def stop_search_none(*, months: str) -> str:
    return (
        f"No stop-and-search records have been imported for {months}, the months of the "
        "report’s period, so there are no stop-and-search figures for the period."
    )


def stop_search_intro(*, grouping: str, months: str, searches: int, missing: str = "") -> str:
    """What the table shows and which months it covers: ``Searches recorded by the police and
    published on police.uk in August to October 2019, by officer-defined ethnicity: 12
    searches in all. The report’s period also takes in November 2019, for which no records have
    been imported.``"""
    searches_text = "1 search" if searches == 1 else f"{searches:,} searches"
    sentences = [
        f"Searches recorded by the police and published on police.uk in {months}, by "
        f"{grouping.lower()}: {searches_text} in all."
    ]
    if missing:
        sentences.append(
            f"The report’s period also takes in {missing}, for which no records have been imported."
        )
    return " ".join(sentences)


STOP_SEARCH_RATES = (
    "Every figure is counted from the published record of each search. The linked-outcome "
    "rate is the share of the group’s searches whose outcome police.uk records as linked to "
    "the object of the search (a blank is counted as not linked); the no-further-action rate "
    "is the share that ended in no further action."
)


def stop_search_per_1000(*, sources: list[str], months: int) -> str:
    annual = "" if months == 12 else " Over more or fewer than 12 months it is not an annual rate."
    source = f" ({join_names(sources)})" if sources else ""
    return (
        "Searches per 1,000 population are the group’s searches divided by its population as "
        f"entered in PlanWatch{source}, times 1,000.{annual}"
    )


def stop_search_ratios(*, comparator: str, why: str, rate: str) -> str:
    return (
        f"Disproportionality ratios are each group’s rate per 1,000 divided by that of "
        f"{comparator} ({why}): {rate} searches per 1,000 population. A ratio of 2 means the "
        "group was searched twice as often, for its size."
    )


def stop_search_without_figures(*, groups: list[str]) -> str:
    pronoun = "its" if len(groups) == 1 else "their"
    return (
        f"No population figure has been entered for {join_names(groups)}, so {pronoun} rate "
        "per 1,000 is not shown."
    )


def stop_search_populations_needed(*, grouping: str) -> str:
    """Why there are no rates per 1,000, in words fit for the report as sent. (The Stop and
    search page tells officers which figures to enter.)"""
    return (
        "Rates per 1,000 population and disproportionality ratios are not given: no population "
        f"figures by {grouping.lower()} had been entered in PlanWatch when this report was "
        "prepared."
    )
