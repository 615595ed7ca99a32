"""Reading one cell: numbers, whole numbers, printed changes, breakdowns and choices.

Each reader takes the cell's text (already trimmed) and returns the value, or raises CellError
with a plain-English message saying what is wrong and how to write it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.db import models

from ..breakdowns import BreakdownError
from ..breakdowns import breakdown_parse as _breakdown_parse
from ..validation import MINUS_SIGNS, PrintedNumberError, read_printed

MAX_DECIMAL_PLACES = 6
MAX_WHOLE_DIGITS = 14  # Observation values: 20 digits, 6 of them after the point

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")


class CellError(ValueError):
    """The text of a cell cannot be read as what its column holds."""


def _sign_normalised(text: str) -> str:
    for sign in MINUS_SIGNS:
        if text.startswith(sign):
            return "-" + text[1:]
    return text


def number_parse(text: str) -> Decimal:
    """``"1,381"``, ``"+5"``, ``"-13"``, ``"30.41"`` → Decimal. Commas only between thousands."""
    plain = _sign_normalised(text.strip())
    if not plain or not any(ch.isdigit() for ch in plain) or not _NUMBER.match(plain):
        if re.match(r"^[+-]?\d+,\d{1,2}$|^[+-]?\d+,\d{4,}$", plain):
            hint = f" ({plain.replace(',', '.')}?)"
        else:
            hint = ""
        raise CellError(
            f"'{text}' is not a number. Write numbers with a full stop before any decimals"
            f"{hint} and commas only between thousands (1,381), with no units or % sign."
        )
    try:
        number = Decimal(plain.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise CellError(f"'{text}' is not a number.") from exc
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMAL_PLACES:
        raise CellError(
            f"'{text}' has more than {MAX_DECIMAL_PLACES} decimal places: round it to "
            f"{MAX_DECIMAL_PLACES} or fewer."
        )
    if abs(number) >= Decimal(10) ** MAX_WHOLE_DIGITS:
        raise CellError(f"'{text}' is too large (the largest is 99,999,999,999,999).")
    return number


def whole_number_parse(text: str) -> int:
    """A count of people or cases: a whole number, 0 or more (``"1,200"`` allowed)."""
    try:
        number = number_parse(text)
    except CellError as exc:
        raise CellError(f"'{text}' is not a whole number (0, 1, 2, … e.g. 1,200).") from exc
    if number != number.to_integral_value() or number < 0:
        raise CellError(f"'{text}' is not a whole number of 0 or more (e.g. 1,200).")
    return int(number)


def stated_value_check(text: str) -> str:
    """A value as a document printed it: ``"30.0"``, ``"1,381"``, ``"30.0%"``, ``"£42,085"``,
    ``"151,36"`` (a decimal comma). Read as the checks read it (validation.read_printed);
    returns the text unchanged once it reads as a number."""
    try:
        read_printed(text)
    except PrintedNumberError as exc:
        raise CellError(
            f"'{text}' is not a number as printed. Write the figure as the document printed "
            "it, e.g. 30.0, 1,381, 30.0%, £42,085 or 151,36; leave it blank if the document "
            "printed no figure."
        ) from exc
    return text.strip()


def stated_change_check(text: str) -> str:
    """A printed percentage change as written: ``"+112"``, ``"-13"``, ``"–5"``, ``"5.7"``,
    ``"+5%"``. Read as the change check reads it (validation.read_printed); returns the text
    unchanged once it reads as a number."""
    try:
        read_printed(text)
    except PrintedNumberError as exc:
        raise CellError(
            f"'{text}' is not a change in per cent. Write the number as printed, with its "
            "sign if it had one: +112, -13, 5.7 (a % sign at the end is allowed)."
        ) from exc
    return text.strip()


def breakdown_parse(text: str) -> dict[str, str]:
    """``"staff_group=police_officer;Channel=999"`` → ``{"channel": "999", ...}``, read by
    planwatch.performance.breakdowns (the one reading of a breakdown), as a cell."""
    try:
        return _breakdown_parse(text)
    except BreakdownError as exc:
        raise CellError(str(exc)) from exc


def choice_parse(text: str, choices: type[models.TextChoices]) -> str:
    """A choice by its code (``"percentage"``) or its label (``"Percentage"``), any case."""
    wanted = text.strip().lower()
    for value, label in choices.choices:
        if wanted in (str(value).lower(), str(label).lower()):
            return value
    accepted = ", ".join(str(v) for v in choices.values)
    raise CellError(f"'{text}' is not one of: {accepted}.")


def number_shown(value: Decimal | int | None) -> str:
    """A stored number as a person would write it: no trailing zeros, no exponent."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if value == value.to_integral_value():
        return f"{value:.0f}"
    return f"{value.normalize():f}"
