"""Checks of printed figures against the data they were printed from.

Pure functions: they take plain values and records, never the database. A printed number agrees
with a computed one when it equals the computed value rounded half-up, or truncated toward zero,
at the precision it was printed with (so 5.67 printed "+5" agrees; 30.41 printed "30.0" does not).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from . import comparisons
from .breakdowns import (
    BreakdownError,
    breakdown_parse,
    breakdown_text,
    describe_breakdown,
    humanise,
)
from .periods import Period

# Kept for callers that read stored breakdowns through this module; the one parser is in
# planwatch.performance.breakdowns.
parse_breakdown = breakdown_parse
format_breakdown = breakdown_text

PERCENTAGE = "percentage"
CHANGE = "change"
TOTAL = "total"
KINDS = (PERCENTAGE, CHANGE, TOTAL)
# Units whose parts add up to a total; percentages and rates do not.
ADDITIVE_UNITS = ("count", "money")
# The unit whose printed value is checked against its numerator and denominator.
PERCENTAGE_UNIT = "percentage"
# Signs printed for minus besides "-": the minus sign and the en dash ("–5", as documents
# print it). The import reads them as the checks do.
MINUS_SIGNS = "\u2212\u2013"

_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")


class PrintedNumberError(ValueError):
    """Printed text that does not read as a number."""


@dataclass(frozen=True)
class Printed:
    """A number as printed: its value and the decimals it was printed with."""

    value: Decimal
    decimals: int
    text: str


def read_printed(text: str) -> Printed:
    """Read a printed figure: "1,381", "+112", "-13%", "–5", "30.0", "£42,085", or "151,36" (a
    comma not followed by groups of three digits is read as a decimal comma). Raises
    PrintedNumberError for text that does not read as a number."""
    raw = (text or "").strip()
    body = raw.replace("£", "").replace("%", "")
    for sign in MINUS_SIGNS:
        body = body.replace(sign, "-")
    body = body.strip()
    sign = 1
    if body[:1] in "+-" and body:
        sign = -1 if body[0] == "-" else 1
        body = body[1:].strip()
    if _GROUPED.match(body):
        body = body.replace(",", "")
    elif _DECIMAL_COMMA.match(body):
        body = body.replace(",", ".")
    elif not _PLAIN.match(body):
        raise PrintedNumberError(f"'{raw}' does not read as a number")
    try:
        value = Decimal(body)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above admit only numbers
        raise PrintedNumberError(f"'{raw}' does not read as a number") from exc
    decimals = len(body.split(".")[1]) if "." in body else 0
    return Printed(value=sign * value, decimals=decimals, text=raw)


def agrees(printed: Printed, computed: Decimal) -> bool:
    """True when ``printed`` is ``computed`` rounded half-up or truncated at its precision."""
    quantum = Decimal(1).scaleb(-printed.decimals)
    return printed.value in (
        computed.quantize(quantum, rounding=ROUND_HALF_UP),
        computed.quantize(quantum, rounding=ROUND_DOWN),
    )


def show(value: Decimal, decimals: int, *, sign: bool = False) -> str:
    """A number for a message: thousands separators, ``decimals`` places."""
    quantum = Decimal(1).scaleb(-decimals)
    text = f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,.{decimals}f}"
    return f"+{text}" if sign and value > 0 else text


def _detail(decimals: int) -> int:
    """Places to show a computed figure with: one more than it was printed with."""
    return decimals + 1


# The longest fingerprint an acknowledgement holds (FlagAcknowledgement.fingerprint).
FINGERPRINT_LENGTH = 120


@dataclass(frozen=True)
class Flag:
    """A printed figure that disagrees with the data.

    A figure has at most one flag of each kind, except totals: a total broken down in two
    dimensions (by channel and by staff group) is checked against each set of parts, and
    ``dimension`` says which one a total flag is about."""

    kind: str
    subject: str
    stated: Decimal | None
    computed: Decimal | None
    message: str
    stated_text: str = ""
    dimension: str = ""

    @property
    def slug(self) -> str:
        """The flag among its figure's flags: its kind ("change"), and for a total the
        dimension of its parts ("total-channel")."""
        return f"{self.kind}-{self.dimension}" if self.dimension else self.kind

    @property
    def fingerprint(self) -> str:
        """Which flag, what was printed and what was computed: a changed figure needs a new
        acknowledgement."""
        computed = "" if self.computed is None else f"{self.computed:.6f}"
        text = f"{self.slug}|{self.stated_text}|{computed}"
        if len(text) > FINGERPRINT_LENGTH:  # a very long dimension name: keep a digest of it
            digest = hashlib.sha256(self.dimension.encode()).hexdigest()[:16]
            text = f"{self.kind}-{digest}|{self.stated_text}|{computed}"
        return text


def flag_slug_parse(slug: str) -> tuple[str, str] | None:
    """A flag's slug as (kind, dimension): ``"total-channel"`` → ``("total", "channel")``,
    ``"change"`` → ``("change", "")``; None when it names no kind of flag."""
    kind, _, dimension = (slug or "").partition("-")
    if kind not in KINDS or (dimension and kind != TOTAL):
        return None
    return kind, dimension


def check_percentage(*, subject: str, stated: str, numerator, denominator) -> Flag | None:
    """The printed percentage against 100 × numerator ÷ denominator. Raises
    PrintedNumberError when ``stated`` does not read as a number."""
    printed = read_printed(stated)
    numerator, denominator = Decimal(numerator), Decimal(denominator)
    if denominator == 0:
        return None
    computed = numerator * 100 / denominator
    if agrees(printed, computed):
        return None
    places = _detail(printed.decimals)
    return Flag(
        kind=PERCENTAGE,
        subject=subject,
        stated=printed.value,
        computed=computed.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP),
        stated_text=printed.text,
        message=(
            f"{subject}: printed {printed.text.rstrip('%')}%, but {show(numerator, 0)} of "
            f"{show(denominator, 0)} is {show(computed, places)}%."
        ),
    )


def check_change(*, subject: str, stated: str, value, basis_value, basis_label: str) -> Flag | None:
    """The printed % change against the change from the basis figure, as a percentage of the
    size of the basis (comparisons.change). Raises PrintedNumberError when ``stated`` does not
    read as a number."""
    printed = read_printed(stated)
    value, basis_value = Decimal(value), Decimal(basis_value)
    _, computed = comparisons.change(value, basis_value)
    if computed is None:  # the basis was zero: no percentage change to check
        return None
    if agrees(printed, computed):
        return None
    places = _detail(printed.decimals)
    printed_text = show(printed.value, printed.decimals, sign=True)
    return Flag(
        kind=CHANGE,
        subject=subject,
        stated=printed.value,
        computed=computed.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP),
        stated_text=printed.text,
        message=(
            f"{subject}: printed {printed_text}% on {basis_label}, but {show(value, 0)} against "
            f"{show(basis_value, 0)} is {show(computed, places, sign=True)}%."
        ),
    )


def check_total(
    *,
    subject: str,
    value,
    parts: Sequence[tuple[str, Decimal]],
    decimals: int = 0,
    dimension: str = "",
) -> Flag | None:
    """The total against the sum of its parts (``dimension``: the one they are in)."""
    value = Decimal(value)
    total = sum((Decimal(v) for _, v in parts), Decimal(0))
    if value == total:
        return None
    printed_places = max(decimals, _places_of(value))
    places = max(printed_places, *(_places_of(Decimal(v)) for _, v in parts))
    names = ", ".join(name for name, _ in parts)
    return Flag(
        kind=TOTAL,
        subject=subject,
        stated=value,
        computed=total,
        stated_text=show(value, printed_places),
        dimension=dimension,
        message=(
            f"{subject}: printed {show(value, printed_places)}, but its parts ({names}) add up "
            f"to {show(total, places)}, a difference of {show(value - total, places, sign=True)}."
        ),
    )


def _places_of(value: Decimal) -> int:
    value = value.normalize()
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


# --- Records: the same checks over a set of figures, from a file or from the database ---------


@dataclass(frozen=True)
class Record:
    """One figure to check, however it was read."""

    indicator: str
    indicator_name: str
    unit: str
    area: str
    area_name: str
    period: Period
    breakdown: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    stated_value: str = ""
    stated_change: str = ""
    change_basis: Period | None = None
    row: int | None = None
    ref: Any = field(default=None, compare=False)

    @property
    def subject(self) -> str:
        name = self.indicator_name
        if self.breakdown:
            name = f"{name} ({describe_breakdown(self.breakdown)})"
        where = f", {self.area_name}" if self.area_name else ""
        return f"{name}{where}, {self.period.label}"


@dataclass(frozen=True)
class Finding:
    record: Record
    flag: Flag


def check_records(records: Iterable[Record], *, decimals: dict[str, int] | None = None):
    """Every disagreement between what was printed and what the records give.

    A printed percentage is checked on a percentage with its numerator and denominator; a
    printed change against the record for its basis period; a total (a count or money) against
    each set of its parts. Printed text that does not read as a number is not checked (the
    import refuses it; a figure stored before then is skipped, never an error)."""
    records = list(records)
    decimals = decimals or {}
    by_key = {(r.indicator, r.area, r.period.key, r.breakdown): r for r in records}
    findings: list[Finding] = []
    for record in records:
        if (
            record.unit == PERCENTAGE_UNIT
            and record.stated_value
            and record.numerator is not None
            and record.denominator is not None
        ):
            with suppress(PrintedNumberError):
                flag = check_percentage(
                    subject=record.subject,
                    stated=record.stated_value,
                    numerator=record.numerator,
                    denominator=record.denominator,
                )
                if flag:
                    findings.append(Finding(record, flag))
        if record.stated_change and record.value is not None:
            basis = record.change_basis or record.period.same_period_last_year()
            basis_record = by_key.get((record.indicator, record.area, basis.key, record.breakdown))
            if basis_record is not None and basis_record.value is not None:
                with suppress(PrintedNumberError):
                    flag = check_change(
                        subject=record.subject,
                        stated=record.stated_change,
                        value=record.value,
                        basis_value=basis_record.value,
                        basis_label=basis.label,
                    )
                    if flag:
                        findings.append(Finding(record, flag))
    findings.extend(_total_findings(records, decimals))
    findings.sort(
        key=lambda f: (f.record.row or 0, f.record.indicator, f.flag.kind, f.flag.dimension)
    )
    return findings


def unchecked_changes(records: Iterable[Record]) -> list[Record]:
    """Records with a printed change whose basis figure is not recorded, so cannot be checked."""
    records = list(records)
    keys = {(r.indicator, r.area, r.period.key, r.breakdown) for r in records}
    missing = []
    for record in records:
        if record.stated_change:
            basis = record.change_basis or record.period.same_period_last_year()
            if (record.indicator, record.area, basis.key, record.breakdown) not in keys:
                missing.append(record)
    return missing


def _pairs(record: Record) -> dict[str, str] | None:
    """The record's breakdown as pairs; None when it is not a breakdown (not checked)."""
    try:
        return breakdown_parse(record.breakdown)
    except BreakdownError:
        return None


def _total_findings(records: list[Record], decimals: dict[str, int]) -> list[Finding]:
    """A total against its parts: the records one dimension further broken down, in each
    dimension with two or more parts (one flag per dimension that disagrees)."""
    groups: dict[tuple, list[tuple[Record, dict[str, str]]]] = defaultdict(list)
    for record in records:
        pairs = _pairs(record)
        if pairs is not None:
            groups[(record.indicator, record.area, record.period.key)].append((record, pairs))
    findings = []
    for group in groups.values():
        for total, base in group:
            if total.value is None or total.unit not in ADDITIVE_UNITS:
                continue
            parts_by_key: dict[str, list[tuple[Record, str]]] = defaultdict(list)
            for part, pairs in group:
                extra = set(pairs) - set(base)
                if (
                    len(pairs) == len(base) + 1
                    and len(extra) == 1
                    and all(pairs.get(k) == v for k, v in base.items())
                ):
                    dimension = extra.pop()
                    parts_by_key[dimension].append((part, pairs[dimension]))
            for dimension in sorted(parts_by_key):
                parts = parts_by_key[dimension]
                if len(parts) < 2 or any(p.value is None for p, _ in parts):
                    continue
                flag = check_total(
                    subject=total.subject,
                    value=total.value,
                    parts=[(humanise(value), p.value) for p, value in parts],
                    decimals=decimals.get(total.indicator, 0),
                    dimension=dimension,
                )
                if flag:
                    findings.append(Finding(total, flag))
    return findings
