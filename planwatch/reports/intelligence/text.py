"""Plain helpers that write a table's text: header cells, note markers, names and numbers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from planwatch.performance import breakdowns
from planwatch.performance.models import Indicator

from .. import wording

MISSING = "–"


def header_cell(text: str) -> dict:
    return {"text": text, "header": True, "numeric": False, "marker": "", "flagged": False}


def note_marker(notes: list[int]) -> str:
    """``[note 1]``, ``[notes 1 and 2]``, as the Analysis Function's table guidance writes them."""
    notes = sorted(set(notes))
    if not notes:
        return ""
    if len(notes) == 1:
        return f"[note {notes[0]}]"
    return f"[notes {wording.join_names([str(n) for n in notes])}]"


def humanise(text: str) -> str:
    """A breakdown value as a table heading: ``police_officer`` → ``Police officer``;
    ``pcso`` → ``PCSO``; ``999`` stays."""
    words = breakdowns.humanise(text.strip())
    return words[:1].upper() + words[1:]


def sentence_case(name: str) -> str:
    """An indicator's name inside a sentence: the first letter lower-cased unless it starts an
    acronym (``BME share…`` stays)."""
    if len(name) > 1 and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def rounded(value: Decimal, places: int) -> Decimal:
    """Half up, as printed figures are checked (validation.agrees)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number_text(value: Decimal, places: int) -> str:
    result = rounded(value, places)
    if result == 0:
        result = abs(result)
    return f"{result:,.{places}f}"


def signed(value: Decimal, places: int) -> str:
    """``+5.7``, ``-12.8``, ``0.0``."""
    result = rounded(value, places)
    if result == 0:
        return f"{abs(result):.{places}f}"
    return f"{result:+,.{places}f}"


def value_text(indicator, value: Decimal | None) -> str:
    if value is None:
        return MISSING
    text = number_text(value, indicator.decimals)
    if indicator.unit == Indicator.Unit.PERCENTAGE:
        return f"{text}%"
    if indicator.unit == Indicator.Unit.MONEY:
        return f"£{text}"
    return text


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()
