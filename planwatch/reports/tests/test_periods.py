import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from planwatch.reports.periods import (
    add_months,
    date_label,
    default_period,
    months_label,
    ordinal,
    ordinal_date_label,
)


def test_months_since_the_previous_report():
    period = default_period(
        meeting_date=dt.date(2019, 11, 20), previous_meeting_date=dt.date(2019, 7, 31)
    )
    assert (period.start, period.end) == (dt.date(2019, 8, 1), dt.date(2019, 11, 20))
    assert period.label == "1 August 2019 to 20 November 2019"


def test_twelve_months_when_there_is_no_previous_report():
    period = default_period(meeting_date=dt.date(2019, 11, 20))
    assert (period.start, period.end) == (dt.date(2018, 12, 1), dt.date(2019, 11, 20))


def test_across_the_turn_of_the_year():
    period = default_period(
        meeting_date=dt.date(2020, 2, 25), previous_meeting_date=dt.date(2019, 12, 3)
    )
    assert (period.start, period.end) == (dt.date(2019, 12, 4), dt.date(2020, 2, 25))


def test_a_previous_meeting_earlier_in_the_month_gives_the_days_between():
    period = default_period(
        meeting_date=dt.date(2019, 11, 20), previous_meeting_date=dt.date(2019, 11, 1)
    )
    assert (period.start, period.end) == (dt.date(2019, 11, 2), dt.date(2019, 11, 20))


def test_nothing_dated_after_the_meeting_is_in_its_report():
    period = default_period(
        meeting_date=dt.date(2019, 11, 13), previous_meeting_date=dt.date(2019, 7, 31)
    )
    assert period.end == dt.date(2019, 11, 13)


def test_the_meetings_own_period_overrides_the_default():
    period = default_period(
        meeting_date=dt.date(2019, 11, 20),
        previous_meeting_date=dt.date(2019, 7, 31),
        start=dt.date(2019, 4, 1),
        end=dt.date(2019, 9, 30),
    )
    assert (period.start, period.end) == (dt.date(2019, 4, 1), dt.date(2019, 9, 30))
    only_start = default_period(meeting_date=dt.date(2019, 11, 20), start=dt.date(2019, 6, 1))
    assert (only_start.start, only_start.end) == (dt.date(2019, 6, 1), dt.date(2019, 11, 20))


def test_labels():
    assert date_label(dt.date(2019, 8, 1)) == "1 August 2019"
    assert ordinal_date_label(dt.date(2017, 4, 1)) == "1st April 2017"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "23rd",
        "101st",
        "111th",
    ]
    assert add_months(dt.date(2019, 1, 31), -1) == dt.date(2018, 12, 1)


dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


@given(meeting=dates, gap=st.integers(min_value=0, max_value=2000), has_previous=st.booleans())
def test_a_default_period_ends_with_the_meeting_and_follows_the_previous_one(
    meeting, gap, has_previous
):
    previous = meeting - dt.timedelta(days=gap) if has_previous else None
    period = default_period(meeting_date=meeting, previous_meeting_date=previous)
    assert period.end == meeting
    assert period.start <= meeting
    if previous is None or previous >= meeting:
        assert period.start.day == 1
        assert add_months(period.start, 11) == meeting.replace(day=1)
    else:
        # the day after the previous meeting: consecutive reports neither overlap nor leave a gap
        assert period.start == previous + dt.timedelta(days=1)


def test_months_are_named_as_runs():
    aug, sep, oct_, nov = (dt.date(2019, m, 1) for m in (8, 9, 10, 11))
    assert months_label([]) == ""
    assert months_label([aug]) == "August 2019"
    assert months_label([oct_, aug, sep]) == "August to October 2019"
    assert months_label([aug, sep, nov]) == "August to September 2019 and November 2019"
    assert months_label([dt.date(2019, 12, 1), dt.date(2020, 1, 1)]) == (
        "December 2019 to January 2020"
    )
    assert months_label([aug, oct_, dt.date(2020, 1, 1)]) == (
        "August 2019, October 2019, and January 2020"
    )
