"""Breakdowns: the dimension=value pairs that split a figure (``channel=999;sex=female``).

One reading for every use: the import stores a breakdown in the form ``breakdown_text`` gives,
and the checks, the figures CLI and the pages read it back with ``breakdown_parse``, so
``--breakdown Channel=999`` finds the figure the import stored as ``channel=999``. Pure
functions: no database.
"""

from __future__ import annotations

import re

_KEY = re.compile(r"^[a-z0-9_]+$")

# Breakdown values read as initials: "pcso" is shown "PCSO".
INITIALISMS = {"bme", "pcso", "csp", "asb", "ksi", "nfa", "lgbt", "sen"}


class BreakdownError(ValueError):
    """Text that is not a breakdown, with what is wrong and how to write it."""


def breakdown_parse(text: str) -> dict[str, str]:
    """``"staff_group=police_officer;Channel=999"`` → ``{"channel": "999", "staff_group": ...}``.

    Dimension names are lower-case letters, digits and underscores (upper case is lowered);
    values any text without ; or =, trimmed; each dimension once. The pairs come back sorted by
    dimension. Raises BreakdownError otherwise."""
    parts: dict[str, str] = {}
    for piece in (text or "").split(";"):
        if not piece.strip():
            continue
        if piece.count("=") != 1:
            raise BreakdownError(
                f"'{piece.strip()}' in '{text}' is not dimension=value. Write a breakdown as "
                "pairs separated by semicolons, e.g. channel=999;staff_group=police_officer "
                "(a value may not contain ; or =)."
            )
        key, value = (p.strip() for p in piece.split("="))
        key = key.lower()
        if not _KEY.match(key):
            suggestion = re.sub(r"[^a-z0-9_]+", "_", key).strip("_") or "channel"
            raise BreakdownError(
                f"'{key}' is not a dimension name: use lower-case letters, digits and "
                f"underscores only, e.g. {suggestion}."
            )
        if not value:
            raise BreakdownError(f"the dimension '{key}' has no value: write {key}=<value>.")
        if key in parts:
            raise BreakdownError(
                f"the dimension '{key}' appears twice in '{text}'. Give each dimension once."
            )
        parts[key] = value
    return dict(sorted(parts.items()))


def breakdown_text(parts: dict[str, str]) -> str:
    """The stored form: keys sorted, ``"k=v;k=v"``; ``""`` for no breakdown."""
    return ";".join(f"{key}={value}" for key, value in sorted(parts.items()))


def breakdown_canonical(text: str) -> str:
    """A breakdown as it is stored: ``" Channel = 999 "`` → ``"channel=999"``. Raises
    BreakdownError when it is not a breakdown."""
    return breakdown_text(breakdown_parse(text))


def describe_breakdown(text: str) -> str:
    """A breakdown for people: ``"staff_group=police_officer;ethnicity=bme"`` →
    ``"BME, police officer"`` (the values, in the order of their dimensions). Text that is
    not a breakdown is shown as it is."""
    try:
        values = breakdown_parse(text).values()
    except BreakdownError:
        return text
    return ", ".join(humanise(v) for v in values)


def humanise(value: str) -> str:
    """A breakdown value in words: underscores as spaces, initialisms in capitals."""
    words = value.replace("_", " ")
    return words.upper() if words.lower() in INITIALISMS else words
