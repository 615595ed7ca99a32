import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.performance.periods import (
    KINDS,
    Month,
    Period,
    PeriodError,
    month_range,
    parse_period,
)

fast = settings(max_examples=200, deadline=None)

months = st.builds(Month, st.integers(1900, 2100), st.integers(1, 12))


@st.composite
def periods(draw, kind=None):
    kind = kind or draw(st.sampled_from(KINDS))
    year = draw(st.integers(1900, 2100))
    if kind == "month":
        first = draw(months)
        return Period("month", first, first)
    if kind in ("quarter", "fy_quarter"):
        first = Month(year, draw(st.sampled_from([1, 4, 7, 10])))
        return Period(kind, first, first + 2)
    if kind == "fy":
        return Period("fy", Month(year, 4), Month(year + 1, 3))
    if kind == "cy":
        return Period("cy", Month(year, 1), Month(year, 12))
    if kind == "rolling12":
        last = draw(months)
        return Period("rolling12", last - 11, last)
    first = draw(months)
    return Period("range", first, first + draw(st.integers(0, 40)))


@pytest.mark.parametrize(
    ("text", "kind", "first", "last", "label"),
    [
        ("2019-05", "month", (2019, 5), (2019, 5), "May 2019"),
        ("2019-Q2", "quarter", (2019, 4), (2019, 6), "Apr\u2013Jun 2019"),
        ("2019-Q4", "quarter", (2019, 10), (2019, 12), "Oct\u2013Dec 2019"),
        ("FY2019/20-Q1", "fy_quarter", (2019, 4), (2019, 6), "Q1 2019/20"),
        ("FY2019/20-Q4", "fy_quarter", (2020, 1), (2020, 3), "Q4 2019/20"),
        ("FY2019/20", "fy", (2019, 4), (2020, 3), "2019/20"),
        ("FY1999/00", "fy", (1999, 4), (2000, 3), "1999/00"),
        ("CY2019", "cy", (2019, 1), (2019, 12), "2019"),
        ("2019-01..2019-09", "range", (2019, 1), (2019, 9), "Jan\u2013Sep 2019"),
        ("2018-11..2019-02", "range", (2018, 11), (2019, 2), "Nov 2018\u2013Feb 2019"),
        ("2019-05..2019-05", "range", (2019, 5), (2019, 5), "May 2019"),
        ("R12-2019-05", "rolling12", (2018, 6), (2019, 5), "year ending May 2019"),
    ],
)
def test_each_text_form(text, kind, first, last, label):
    period = parse_period(text)
    assert period.kind == kind
    assert period.key == (Month(*first), Month(*last))
    assert period.label == label
    assert str(period) == text


def test_whitespace_and_letter_case_are_forgiven():
    assert parse_period("  fy2019/20-q1\n") == parse_period("FY2019/20-Q1")
    assert str(parse_period("r12-2019-05")) == "R12-2019-05"
    assert str(parse_period("cy2019")) == "CY2019"


def test_texts_for_the_same_months_share_a_key_but_keep_their_text():
    texts = ["2019-Q2", "FY2019/20-Q1", "2019-04..2019-06"]
    periods_ = [parse_period(t) for t in texts]
    assert {p.key for p in periods_} == {(Month(2019, 4), Month(2019, 6))}
    assert [str(p) for p in periods_] == texts
    assert len(set(periods_)) == 3


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("FY2019/21", "two consecutive years: FY2019/20, not FY2019/21"),
        ("2019-13", "There is no month 13"),
        ("2019-00", "There is no month 00"),
        ("2019-Q5", "There is no quarter 5"),
        ("FY2019/20-Q0", "There is no quarter 0"),
        ("2019-09..2019-01", "starts (2019-09) after it ends (2019-01)"),
        ("May 2019", None),
        ("2019/20", None),
        ("", None),
        ("2019-5", None),
    ],
)
def test_errors_name_the_text_and_list_the_accepted_forms(text, problem):
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    message = str(caught.value)
    assert f'"{text}"' in message
    if problem:
        assert problem in message
    for form in ("2019-05", "2019-Q2", "FY2019/20-Q1", "FY2019/20", "CY2019", "2019-01..2019-09"):
        assert form in message
    assert "R12-2019-05" in message


def test_a_period_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_period("next year")
    with pytest.raises(PeriodError):
        parse_period(None)


def test_periods_are_checked_against_their_kind():
    with pytest.raises(PeriodError):
        Period("quarter", Month(2019, 2), Month(2019, 4))
    with pytest.raises(PeriodError):
        Period("fy", Month(2019, 1), Month(2019, 12))
    with pytest.raises(PeriodError):
        Period("range", Month(2019, 5), Month(2019, 4))
    with pytest.raises(PeriodError):
        Period("week", Month(2019, 5), Month(2019, 5))


def test_documented_arithmetic():
    assert str(parse_period("R12-2019-05").same_period_last_year()) == "R12-2018-05"
    assert str(parse_period("2019-Q1").previous()) == "2018-Q4"
    assert str(parse_period("2019-01..2019-09").previous()) == "2018-04..2018-12"
    assert str(parse_period("2019-01..2019-09").same_period_last_year()) == "2018-01..2018-09"
    assert str(parse_period("FY2019/20-Q1").previous()) == "FY2018/19-Q4"
    assert str(parse_period("FY2019/20").previous()) == "FY2018/19"
    assert str(parse_period("CY2019").previous()) == "CY2018"
    assert str(parse_period("2019-01").previous()) == "2018-12"


def test_a_shift_that_breaks_the_kind_gives_a_range():
    assert str(parse_period("2019-Q2").shifted(1)) == "2019-05..2019-07"
    assert str(parse_period("2019-Q2").shifted(3)) == "2019-Q3"
    assert str(parse_period("CY2019").shifted(3)) == "2019-04..2020-03"


def test_dates():
    period = parse_period("FY2019/20-Q4")
    assert period.start == dt.date(2020, 1, 1)
    assert period.end == dt.date(2020, 3, 31)
    assert parse_period("2020-02").end == dt.date(2020, 2, 29)
    assert parse_period("2019-02").end == dt.date(2019, 2, 28)


def test_month_range():
    assert month_range(Month(2019, 5), Month(2019, 5)).kind == "month"
    assert str(month_range(Month(2019, 1), Month(2019, 9))) == "2019-01..2019-09"
    with pytest.raises(PeriodError):
        month_range(Month(2019, 9), Month(2019, 1))


def test_month_arithmetic():
    assert Month(2019, 12) + 1 == Month(2020, 1)
    assert Month(2019, 1) - 1 == Month(2018, 12)
    assert Month(2020, 3) - Month(2019, 4) == 11
    assert str(Month(2019, 5)) == "2019-05"
    assert Month(2019, 5).label == "May 2019"
    assert Month.parse("2019-05") == Month(2019, 5)
    assert sorted([Month(2019, 2), Month(2018, 12)]) == [Month(2018, 12), Month(2019, 2)]
    with pytest.raises(PeriodError):
        Month(2019, 13)
    with pytest.raises(PeriodError):
        Month.parse("2019-Q1")


@fast
@given(periods())
def test_text_round_trips(period):
    parsed = parse_period(str(period))
    assert parsed == period
    assert parsed.kind == period.kind


@fast
@given(periods())
def test_same_period_last_year_keeps_kind_and_length(period):
    last_year = period.same_period_last_year()
    assert last_year.kind == period.kind
    assert last_year.n_months == period.n_months
    assert last_year.first == period.first - 12
    assert last_year.last == period.last - 12


@fast
@given(periods())
def test_previous_ends_the_month_before(period):
    previous = period.previous()
    assert previous.kind == period.kind
    assert previous.n_months == period.n_months
    assert previous.last + 1 == period.first


@fast
@given(periods())
def test_months(period):
    months_ = period.months
    assert len(months_) == period.n_months
    assert months_[0] == period.first
    assert months_[-1] == period.last
    assert all(b - a == 1 for a, b in pairwise(months_))
    assert period.start == dt.date(period.first.year, period.first.month, 1)
    assert (period.end + dt.timedelta(days=1)) == (period.last + 1).start
    expected = {"month": 1, "quarter": 3, "fy_quarter": 3, "fy": 12, "cy": 12, "rolling12": 12}
    if period.kind in expected:
        assert period.n_months == expected[period.kind]


@fast
@given(periods(), periods())
def test_covers_means_every_month_is_inside(a, b):
    assert a.covers(b) == set(b.months).issubset(a.months)
    assert a.covers(a)


@fast
@given(st.one_of(periods("fy"), periods("cy")))
def test_a_year_covers_its_quarters_and_not_the_year_before(year):
    for i in range(4):
        first = year.first + 3 * i
        assert year.covers(month_range(first, first + 2))
    assert not year.covers(year.previous())
    assert not year.previous().covers(year)


@fast
@given(periods())
def test_labels_use_an_en_dash_only_for_ranges_of_months(period):
    label = period.label
    if period.kind in ("quarter",) or (period.kind == "range" and period.n_months > 1):
        assert "\u2013" in label
    else:
        assert "\u2013" not in label
    assert "-" not in label


@fast
@given(periods(), st.data())
def test_a_period_covers_every_run_of_its_own_months(period, data):
    i = data.draw(st.integers(0, period.n_months - 1))
    j = data.draw(st.integers(i, period.n_months - 1))
    inner = month_range(period.first + i, period.first + j)
    assert period.covers(inner)
    assert not inner.covers(period) or inner.key == period.key
    assert not period.covers(period.shifted(1))
