"""Reading one cell: numbers, whole numbers, printed changes, breakdowns and choices.

Each reader takes the cell's text (already trimmed) and returns the value, or raises CellError
with a plain-English message saying what is wrong and how to write it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.db import models

MINUS_SIGNS = "\u2212\u2013"  # the minus sign and the en dash, as printed in documents
MAX_DECIMAL_PLACES = 6
MAX_WHOLE_DIGITS = 14  # Observation values: 20 digits, 6 of them after the point

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_KEY = re.compile(r"^[a-z0-9_]+$")


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


def stated_change_check(text: str) -> str:
    """A printed percentage change as written: ``"+112"``, ``"-13"``, ``"5.7"``, ``"+5%"``.
    Returns the text unchanged once it reads as a number."""
    plain = text.strip()
    if plain.endswith("%"):
        plain = plain[:-1].rstrip()
    try:
        number_parse(plain)
    except CellError as exc:
        raise CellError(
            f"'{text}' is not a change in per cent. Write the number as printed, with its "
            "sign if it had one: +112, -13, 5.7 (a % sign at the end is allowed)."
        ) from exc
    return text.strip()


def breakdown_parse(text: str) -> dict[str, str]:
    """``"staff_group=police_officer;sex=female"`` → ``{"sex": "female", "staff_group": ...}``.
    Keys are lower-case letters, digits and underscores; values any text without ; or =."""
    parts: dict[str, str] = {}
    for piece in text.split(";"):
        if not piece.strip():
            continue
        if piece.count("=") != 1:
            raise CellError(
                f"'{piece.strip()}' in '{text}' is not dimension=value. Write a breakdown as "
                "pairs separated by semicolons, e.g. channel=999;staff_group=police_officer "
                "(a value may not contain ; or =)."
            )
        key, value = (p.strip() for p in piece.split("="))
        key = key.lower()
        if not _KEY.match(key):
            suggestion = re.sub(r"[^a-z0-9_]+", "_", key).strip("_") or "channel"
            raise CellError(
                f"'{key}' is not a dimension name: use lower-case letters, digits and "
                f"underscores only, e.g. {suggestion}."
            )
        if not value:
            raise CellError(f"the dimension '{key}' has no value: write {key}=<value>.")
        if key in parts:
            raise CellError(
                f"the dimension '{key}' appears twice in '{text}'. Give each dimension once."
            )
        parts[key] = value
    return dict(sorted(parts.items()))


def breakdown_text(parts: dict[str, str]) -> str:
    """The canonical form: keys sorted, ``"k=v;k=v"``; ``""`` for no breakdown."""
    return ";".join(f"{key}={value}" for key, value in sorted(parts.items()))


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
