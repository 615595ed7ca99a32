"""Checks of printed figures: what a reader of the seeds' tables would catch by hand."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.performance import validation
from planwatch.performance.imports import values
from planwatch.performance.periods import parse_period
from planwatch.performance.validation import (
    FINGERPRINT_LENGTH,
    Flag,
    PrintedNumberError,
    Record,
    agrees,
    check_change,
    check_percentage,
    check_records,
    check_total,
    flag_slug_parse,
    read_printed,
    unchecked_changes,
)


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("1,381", Decimal("1381"), 0),
        ("+112", Decimal("112"), 0),
        ("-13%", Decimal("-13"), 0),
        ("30.0", Decimal("30.0"), 1),
        ("4.02%", Decimal("4.02"), 2),
        ("£42,085", Decimal("42085"), 0),
        ("151,36", Decimal("151.36"), 2),
        ("1,234,567.5", Decimal("1234567.5"), 1),
        ("\u221213", Decimal("-13"), 0),  # the minus sign
        ("\u20135", Decimal("-5"), 0),  # an en dash, as documents print a minus
        ("\u2013 5.5%", Decimal("-5.5"), 1),
    ],
)
def test_printed_numbers_are_read_as_a_reader_would(text, value, decimals):
    printed = read_printed(text)
    assert (printed.value, printed.decimals) == (value, decimals)


@pytest.mark.parametrize("text", ["", "n/a", "12a", "--3", "1,2,3"])
def test_text_that_is_not_a_number_is_refused(text):
    with pytest.raises(PrintedNumberError):
        read_printed(text)


def test_a_percentage_printed_at_one_decimal_that_the_counts_contradict_is_flagged():
    flag = check_percentage(
        subject="Police officers, female", stated="30.0", numerator=420, denominator=1381
    )
    assert flag is not None
    assert flag.kind == "percentage"
    assert flag.computed == Decimal("30.41")
    assert "printed 30.0%" in flag.message
    assert "420 of 1,381 is 30.41%" in flag.message


@pytest.mark.parametrize(
    ("stated", "numerator", "denominator"),
    [("2.4", 33, 1381), ("4.02", 57, 1418), ("8.5", 12, 141), ("9.09", 8, 88), ("2.7", 23, 847)],
)
def test_percentages_that_round_from_their_counts_agree(stated, numerator, denominator):
    assert (
        check_percentage(subject="x", stated=stated, numerator=numerator, denominator=denominator)
        is None
    )


def test_a_change_that_truncates_agrees_and_one_that_does_not_match_is_flagged():
    # 999 calls: 101,926 against 96,457 is +5.67%, printed +5 (truncated)
    assert (
        check_change(
            subject="999", stated="+5", value=101926, basis_value=96457, basis_label="Jan–Sep 2018"
        )
        is None
    )
    flag = check_change(
        subject="All online reports, Jan–Sep 2019",
        stated="+112",
        value=14335,
        basis_value=3988,
        basis_label="Jan–Sep 2018",
    )
    assert flag is not None
    assert flag.computed == Decimal("259.5")
    assert flag.message == (
        "All online reports, Jan–Sep 2019: printed +112% on Jan–Sep 2018, but 14,335 against "
        "3,988 is +259.5%."
    )


def test_a_total_is_checked_against_its_parts():
    assert check_total(subject="t", value=10, parts=[("a", Decimal(4)), ("b", Decimal(6))]) is None
    flag = check_total(subject="Total", value=100, parts=[("a", Decimal(4)), ("b", Decimal(6))])
    assert flag is not None
    assert flag.computed == 10
    assert "add up to 10, a difference of +90" in flag.message


@given(
    computed=st.decimals(min_value=-10_000, max_value=10_000, places=4, allow_nan=False),
    decimals=st.integers(min_value=0, max_value=3),
)
def test_a_figure_printed_by_rounding_or_truncating_always_agrees(computed, decimals):
    quantum = Decimal(1).scaleb(-decimals)
    for rounding in (ROUND_HALF_UP, ROUND_DOWN):
        text = str(computed.quantize(quantum, rounding=rounding))
        assert agrees(read_printed(text), computed)


@given(
    computed=st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False),
    off=st.integers(min_value=2, max_value=50),
)
def test_a_figure_off_by_more_than_a_unit_of_its_last_digit_never_agrees(computed, off):
    text = str((computed + off).quantize(Decimal(1)))
    assert not agrees(read_printed(text), computed)


def _record(breakdown, value, *, period="2019-01..2019-09", row=None, **extra):
    return Record(
        indicator="contacts",
        indicator_name="Contacts",
        unit="count",
        area="E23000026",
        area_name="",
        period=parse_period(period),
        breakdown=breakdown,
        value=Decimal(value),
        row=row,
        **extra,
    )


def test_records_are_checked_for_totals_changes_and_percentages_together():
    records = [
        _record("", 340421, row=2),
        _record("channel=999", 101926, row=3, stated_change="+5"),
        _record("channel=101", 208750, row=4),
        _record("channel=online", 14335, row=5, stated_change="+112"),
        _record("channel=webchat", 15410, row=6),
        _record("channel=999", 96457, period="2018-01..2018-09", row=7),
        _record("channel=online", 3988, period="2018-01..2018-09", row=8),
    ]
    findings = check_records(records)
    assert [(f.record.row, f.flag.kind) for f in findings] == [(5, "change")]


def test_a_total_that_disagrees_with_its_parts_is_found_and_a_lone_part_is_not_a_breakdown():
    records = [
        _record("", 100, row=2),
        _record("channel=999", 40, row=3),
        _record("channel=101", 50, row=4),
        _record("sex=female", 30, row=5),
    ]
    findings = check_records(records)
    assert [(f.record.row, f.flag.kind) for f in findings] == [(2, "total")]
    assert "parts (999, 101) add up to 90" in findings[0].flag.message


def test_a_printed_change_with_no_basis_recorded_is_reported_as_not_checked():
    records = [_record("channel=999", 101926, row=3, stated_change="+5")]
    assert check_records(records) == []
    assert [r.row for r in unchecked_changes(records)] == [3]


def test_the_import_and_the_checks_read_the_same_minus_signs():
    assert values.MINUS_SIGNS is validation.MINUS_SIGNS
    for sign in validation.MINUS_SIGNS:
        assert values.number_parse(f"{sign}5") == read_printed(f"{sign}5").value == -5
        assert values.stated_change_check(f"{sign}5") == f"{sign}5"


def test_a_change_is_a_percentage_of_the_size_of_a_negative_basis():
    # -50 against -100 is a rise of 50, half the size of the basis: +50%, as comparisons.change
    assert (
        check_change(subject="x", stated="+50", value=-50, basis_value=-100, basis_label="b")
        is None
    )
    flag = check_change(subject="x", stated="-50", value=-50, basis_value=-100, basis_label="b")
    assert flag is not None and flag.computed == Decimal("50.0")
    assert check_change(subject="x", stated="+5", value=5, basis_value=0, basis_label="b") is None


def test_printed_text_that_is_not_a_number_skips_its_check_rather_than_raising():
    records = [
        _record("", 340, row=2, stated_change="n/a"),
        _record("", 300, period="2018-01..2018-09", row=3),
        Record(
            indicator="female",
            indicator_name="Female officers",
            unit="percentage",
            area="E23000026",
            area_name="",
            period=parse_period("2016-03"),
            breakdown="",
            value=None,
            numerator=Decimal(420),
            denominator=Decimal(1381),
            stated_value="n/a",
            row=4,
        ),
    ]
    assert check_records(records) == []


def _share(unit, stated="30.0"):
    return Record(
        indicator="female",
        indicator_name="Female officers",
        unit=unit,
        area="E23000026",
        area_name="",
        period=parse_period("2016-03"),
        breakdown="",
        value=Decimal("0.3041"),
        numerator=Decimal(420),
        denominator=Decimal(1381),
        stated_value=stated,
    )


def test_only_a_percentage_is_checked_against_its_numerator_and_denominator():
    [finding] = check_records([_share("percentage")])
    assert finding.flag.kind == "percentage"
    # A ratio of 0.3041 printed "0.30" is not 100 × 420 ÷ 1,381.
    assert check_records([_share("ratio", "0.30")]) == []
    assert check_records([_share("rate", "0.30")]) == []


def test_a_total_broken_down_two_ways_is_checked_against_each_set_of_parts():
    records = [
        _record("", 100, row=2),
        _record("channel=999", 40, row=3),
        _record("channel=101", 50, row=4),
        _record("sex=male", 60, row=5),
        _record("sex=female", 30, row=6),
        _record("staff_group=pcso", 70, row=7),
        _record("staff_group=police_officer", 30, row=8),  # these agree: no flag
    ]
    findings = check_records(records)
    assert [(f.record.row, f.flag.kind, f.flag.dimension) for f in findings] == [
        (2, "total", "channel"),
        (2, "total", "sex"),
    ]
    channel, sex = (f.flag for f in findings)
    assert (channel.slug, sex.slug) == ("total-channel", "total-sex")
    assert channel.fingerprint == "total-channel|100|90.000000"
    assert channel.fingerprint != sex.fingerprint
    assert "parts (male, female) add up to 90" in sex.message


def test_a_breakdown_that_is_not_one_is_left_out_of_the_totals():
    records = [_record("", 100), _record("channel=1", 40), _record("channel=2", 50)]
    records.append(_record("not a breakdown", 5))
    assert [f.flag.dimension for f in check_records(records)] == ["channel"]


def test_flags_are_named_by_kind_and_a_totals_dimension():
    assert flag_slug_parse("change") == ("change", "")
    assert flag_slug_parse("total-staff_group") == ("total", "staff_group")
    for slug in ("nonsense", "change-channel", "percentage-x", ""):
        assert flag_slug_parse(slug) is None
    plain = Flag(kind="change", subject="s", stated=None, computed=Decimal(5), message="m")
    assert plain.fingerprint == "change||5.000000"  # as acknowledgements have always held
    long = Flag(
        kind="total",
        subject="s",
        stated=Decimal(1),
        computed=Decimal(2),
        message="m",
        stated_text="1",
        dimension="d" * 190,
    )
    assert len(long.fingerprint) <= FINGERPRINT_LENGTH
    assert long.fingerprint.startswith("total-") and long.fingerprint.endswith("|1|2.000000")
