"""The period a theme report covers: plain date arithmetic, no database."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .wording import join_names


def date_label(day: dt.date) -> str:
    """``1 August 2019``."""
    return f"{day.day} {day:%B %Y}"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st``..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_date_label(day: dt.date) -> str:
    """``1st April 2017``, as the Plan's background paragraph prints it."""
    return f"{ordinal(day.day)} {day:%B %Y}"


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return f"{date_label(self.start)} to {date_label(self.end)}"


def default_period(
    *,
    meeting_date: dt.date,
    previous_meeting_date: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Period:
    """The period a report to a meeting covers.

    Everything since the previous report on the theme: from the day after the previous meeting
    to the day of this meeting, so nothing dated after a meeting is reported to it and nothing
    falls between two reports. With no previous meeting, the 12 months up to the meeting (from
    the first day of the month eleven months before). ``start`` and ``end``, when given (a
    meeting's own period), override either end.
    """
    default_end = meeting_date
    if previous_meeting_date is not None and previous_meeting_date < meeting_date:
        default_start = previous_meeting_date + dt.timedelta(days=1)
    else:
        default_start = add_months(meeting_date, -11)
    period_start = start or default_start
    period_end = end or default_end
    if period_end < period_start:
        if end is None:
            period_end = month_end(period_start)
        else:
            period_start = month_start(period_end)
    return Period(period_start, period_end)


def months_label(months: list[dt.date]) -> str:
    """Months (first days) as runs: ``August to October 2019``, ``December 2019 to February
    2020``, ``March 2019``; runs with a gap between them are joined as names are:
    ``January to February 2024 and April 2024``."""
    runs: list[list[dt.date]] = []
    for month in sorted(set(months)):
        if runs and add_months(runs[-1][-1], 1) == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    labels = []
    for run in runs:
        first, last = run[0], run[-1]
        if first == last:
            labels.append(f"{first:%B %Y}")
        elif first.year == last.year:
            labels.append(f"{first:%B} to {last:%B %Y}")
        else:
            labels.append(f"{first:%B %Y} to {last:%B %Y}")
    return join_names(labels)
