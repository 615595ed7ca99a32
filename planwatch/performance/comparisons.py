"""Comparisons of figures: change on a basis, rolling 12-month totals, shares, rates and
aggregation over time. Plain functions over Decimal values (ints, floats and numeric strings
are accepted and turned into Decimal).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from .periods import Month

Number = Decimal | int | float | str

HUNDRED = Decimal(100)
THOUSAND = Decimal(1000)
AGGREGATIONS = ("sum", "average", "last")


def to_decimal(value: Number) -> Decimal:
    """A Decimal of the value; floats go through their shortest text, so 0.1 is Decimal("0.1")."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("A figure cannot be True or False.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        return Decimal(value.strip())
    raise TypeError(f"Not a number: {value!r}")


def change(value: Number, basis_value: Number) -> tuple[Decimal, Decimal | None]:
    """The change from basis_value to value: (absolute change, percentage change).

    The percentage is of the size of the basis (so a rise is positive even from a negative
    basis), unrounded; it is None when the basis is 0.
    """
    value, basis_value = to_decimal(value), to_decimal(basis_value)
    absolute = value - basis_value
    if basis_value == 0:
        return absolute, None
    return absolute, absolute * HUNDRED / abs(basis_value)


def format_change(percent: Number | None, basis_label: str) -> str:
    """``"+5.7% on Jan–Sep 2018"``: one decimal place (half up), always signed.

    A change that rounds to 0.0 reads ``"no change on …"``; when there is no percentage (the
    basis was zero) it reads ``"no percentage change: Jan–Sep 2018 was zero"``.
    """
    if percent is None:
        return f"no percentage change: {basis_label} was zero"
    rounded = to_decimal(percent).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded == 0:
        return f"no change on {basis_label}"
    return f"{rounded:+,.1f}% on {basis_label}"


def rolling_totals(series: Iterable[tuple[Month, Number]]) -> list[tuple[Month, Decimal]]:
    """Rolling 12-month totals: for each month, the sum of it and the 11 months before.

    A total is given only where all 12 months are in the series; months come out in order.
    Raises ValueError when a month appears twice.
    """
    by_month: dict[Month, Decimal] = {}
    for month, value in series:
        if month in by_month:
            raise ValueError(f"The month {month} appears more than once.")
        by_month[month] = to_decimal(value)
    totals = []
    for month in sorted(by_month):
        window = [month - back for back in range(12)]
        if all(m in by_month for m in window):
            totals.append((month, sum((by_month[m] for m in window), Decimal(0))))
    return totals


def shares(parts: dict[str, Number]) -> dict[str, Decimal]:
    """Each part as a percentage of the sum of the parts, unrounded, in the parts' order.

    Raises ValueError when the parts add up to zero.
    """
    values = {name: to_decimal(value) for name, value in parts.items()}
    total = sum(values.values(), Decimal(0))
    if total == 0:
        raise ValueError("The parts add up to zero, so they have no shares.")
    return {name: value * HUNDRED / total for name, value in values.items()}


def rate_per_1000(value: Number, population: Number) -> Decimal:
    """The value per 1,000 of the population (unrounded). Raises ValueError unless population > 0."""
    population = to_decimal(population)
    if population <= 0:
        raise ValueError(f"A rate needs a population above zero, not {population}.")
    return to_decimal(value) * THOUSAND / population


def aggregate(values: Sequence[Number], how: str) -> Decimal:
    """Combine the values of consecutive periods into one for the whole time.

    ``"sum"`` adds them (counts, money); ``"average"`` takes their mean (rates, percentages);
    ``"last"`` takes the last one given (a position at the end, such as officers in post) —
    give the values in time order. Raises ValueError on no values or an unknown ``how``.
    """
    if how not in AGGREGATIONS:
        raise ValueError(f"Aggregation must be one of {', '.join(AGGREGATIONS)}, not {how!r}.")
    numbers = [to_decimal(v) for v in values]
    if not numbers:
        raise ValueError("There are no values to aggregate.")
    if how == "last":
        return numbers[-1]
    total = sum(numbers, Decimal(0))
    return total if how == "sum" else total / len(numbers)
