from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.performance.comparisons import (
    aggregate,
    change,
    format_change,
    rate_per_1000,
    rolling_totals,
    shares,
    to_decimal,
)
from planwatch.performance.periods import Month

fast = settings(max_examples=150, deadline=None)

amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
JAN_SEP_2018 = "Jan\u2013Sep 2018"


def test_change_with_a_basis():
    absolute, percent = change(14335, 3988)
    assert absolute == Decimal(10347)
    assert percent.quantize(Decimal("0.1")) == Decimal("259.5")
    assert change(Decimal("94.3"), Decimal("100")) == (Decimal("-5.7"), Decimal("-5.7"))


def test_change_from_zero_has_no_percentage():
    assert change(12, 0) == (Decimal(12), None)


def test_change_from_a_negative_basis_is_signed_by_direction():
    assert change(-50, -100) == (Decimal(50), Decimal(50))


@fast
@given(amounts, amounts.filter(bool))
def test_change_adds_back_to_the_value(value, basis):
    absolute, percent = change(value, basis)
    assert basis + absolute == value
    assert basis + basis * percent / 100 == pytest.approx(value)


@pytest.mark.parametrize(
    ("percent", "text"),
    [
        (Decimal("5.67"), "+5.7% on Jan\u2013Sep 2018"),
        (Decimal("259.4533"), "+259.5% on Jan\u2013Sep 2018"),
        (-13, "-13.0% on Jan\u2013Sep 2018"),
        (Decimal("-0.05"), "-0.1% on Jan\u2013Sep 2018"),
        (Decimal("0.05"), "+0.1% on Jan\u2013Sep 2018"),
        (0, "no change on Jan\u2013Sep 2018"),
        (Decimal("-0.04"), "no change on Jan\u2013Sep 2018"),
        (Decimal("1234.56"), "+1,234.6% on Jan\u2013Sep 2018"),
        (None, "no percentage change: Jan\u2013Sep 2018 was zero"),
    ],
)
def test_format_change(percent, text):
    assert format_change(percent, JAN_SEP_2018) == text


def _series(first, values):
    return [(first + i, Decimal(v)) for i, v in enumerate(values)]


def test_rolling_totals_need_all_twelve_months():
    series = _series(Month(2018, 1), range(1, 15))  # Jan 2018 .. Feb 2019
    totals = rolling_totals(series)
    assert totals == [
        (Month(2018, 12), Decimal(78)),
        (Month(2019, 1), Decimal(90)),
        (Month(2019, 2), Decimal(102)),
    ]
    gappy = [item for item in series if item[0] != Month(2018, 6)]
    assert rolling_totals(gappy) == []
    assert rolling_totals(series[:11]) == []


def test_rolling_totals_accept_any_order_but_no_repeats():
    series = _series(Month(2018, 1), [1] * 13)
    assert rolling_totals(reversed(series)) == rolling_totals(series)
    with pytest.raises(ValueError, match="2018-01"):
        rolling_totals(series + [(Month(2018, 1), Decimal(1))])


@settings(max_examples=60, deadline=None)
@given(st.lists(amounts, min_size=12, max_size=30))
def test_rolling_totals_are_sums_of_the_last_twelve(values):
    series = _series(Month(2017, 4), values)
    totals = rolling_totals(series)
    assert len(totals) == len(values) - 11
    for i, (month, total) in enumerate(totals):
        assert month == Month(2017, 4) + i + 11
        assert total == sum(values[i : i + 12], Decimal(0))


def test_shares():
    result = shares({"999": Decimal(600), "101": Decimal(300), "web": Decimal(100)})
    assert result == {"999": Decimal(60), "101": Decimal(30), "web": Decimal(10)}
    assert list(result) == ["999", "101", "web"]
    with pytest.raises(ValueError):
        shares({"a": 0, "b": 0})


@fast
@given(st.dictionaries(st.text(min_size=1, max_size=5), amounts, min_size=1, max_size=8))
def test_shares_add_up_to_100(parts):
    if sum(parts.values()) == 0:
        return
    result = shares(parts)
    assert set(result) == set(parts)
    assert sum(result.values()) == pytest.approx(Decimal(100), abs=Decimal("1e-20"))


def test_rate_per_1000():
    assert rate_per_1000(1700, 850_000) == Decimal(2)
    assert rate_per_1000(Decimal("4.5"), 1500) == Decimal(3)
    with pytest.raises(ValueError):
        rate_per_1000(1, 0)


@pytest.mark.parametrize(
    ("how", "expected"),
    [("sum", Decimal("16.5")), ("average", Decimal("5.5")), ("last", Decimal("7.5"))],
)
def test_aggregate(how, expected):
    assert aggregate([Decimal(3), 6, "7.5"], how) == expected


def test_aggregate_needs_values_and_a_known_method():
    with pytest.raises(ValueError):
        aggregate([], "sum")
    with pytest.raises(ValueError):
        aggregate([1], "median")


def test_to_decimal():
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal(" 12.50 ") == Decimal("12.50")
    assert to_decimal(7) == Decimal(7)
    with pytest.raises(TypeError):
        to_decimal(True)
    with pytest.raises(TypeError):
        to_decimal(None)
