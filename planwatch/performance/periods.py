"""Periods of whole months: parsing, formatting and arithmetic.

A period is a run of consecutive months with a kind that says how it is written: a month
(``2019-05``), a calendar quarter (``2019-Q2``), a financial-year quarter (``FY2019/20-Q1``), a
financial year (``FY2019/20``, April to March), a calendar year (``CY2019``), any range of months
(``2019-01..2019-09``) or the rolling 12 months ending in a month (``R12-2019-05``).

Two texts can cover the same months (``2019-Q2``, ``FY2019/20-Q1`` and ``2019-04..2019-06``):
each keeps its own text, and ``key`` (first and last month) identifies them as the same months.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import NoReturn

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
EN_DASH = "\u2013"

# The first month of the financial year (April).
FINANCIAL_YEAR_START = 4

MONTH = "month"
QUARTER = "quarter"
FY_QUARTER = "fy_quarter"
FY = "fy"
CY = "cy"
RANGE = "range"
ROLLING12 = "rolling12"
KINDS = (MONTH, QUARTER, FY_QUARTER, FY, CY, RANGE, ROLLING12)

ACCEPTED_FORMS = (
    "2019-05 (a month), "
    "2019-Q2 (a calendar quarter: Apr\u2013Jun 2019), "
    "FY2019/20-Q1 (a quarter of a financial year: Apr\u2013Jun 2019), "
    "FY2019/20 (a financial year: Apr 2019\u2013Mar 2020), "
    "CY2019 (a calendar year), "
    "2019-01..2019-09 (a range of months, first to last) or "
    "R12-2019-05 (the 12 months ending May 2019)"
)


class PeriodError(ValueError):
    """A period text that cannot be read, or months that do not make a period of that kind."""


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month. ``Month(2019, 5) + 1 == Month(2019, 6)``; ``str`` is ``"2019-05"``."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not isinstance(self.year, int) or not isinstance(self.month, int):
            raise PeriodError(
                f"A month needs a whole year and month, not {self.year!r}, {self.month!r}."
            )
        if not 1 <= self.month <= 12:
            raise PeriodError(f"There is no month {self.month}: months run from 1 to 12.")
        if not 1 <= self.year <= 9999:
            raise PeriodError(f"The year {self.year} is out of range (1 to 9999).")

    @classmethod
    def from_index(cls, index: int) -> Month:
        """The month ``index`` months after January of year 0 (the inverse of ``index``)."""
        year, month0 = divmod(index, 12)
        return cls(year, month0 + 1)

    @classmethod
    def from_date(cls, date: dt.date) -> Month:
        return cls(date.year, date.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read a month written ``"2019-05"``; raises PeriodError."""
        period = parse_period(text)
        if period.kind != MONTH:
            _fail(text, "A single month is needed here, written like 2019-05")
        return period.first

    @property
    def index(self) -> int:
        """Months since January of year 0, so that differences count months."""
        return self.year * 12 + self.month - 1

    def __add__(self, months: int) -> Month:
        if not isinstance(months, int):
            return NotImplemented
        return Month.from_index(self.index + months)

    def __sub__(self, other: int | Month) -> Month | int:
        """``month - 3`` is three months earlier; ``month - other_month`` counts the months between."""
        if isinstance(other, Month):
            return self.index - other.index
        if isinstance(other, int):
            return Month.from_index(self.index - other)
        return NotImplemented

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def name(self) -> str:
        """Full month name: ``"May"``."""
        return MONTH_NAMES[self.month - 1]

    @property
    def abbreviation(self) -> str:
        """Three-letter month name: ``"Sep"``."""
        return MONTH_ABBREVIATIONS[self.month - 1]

    @property
    def label(self) -> str:
        """``"May 2019"``."""
        return f"{self.name} {self.year}"

    @property
    def start(self) -> dt.date:
        """The first day of the month."""
        return dt.date(self.year, self.month, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the month."""
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


def _financial_year(year: int) -> str:
    """``2019`` → ``"2019/20"``: the financial year starting in April of ``year``."""
    return f"{year:04d}/{(year + 1) % 100:02d}"


@dataclass(frozen=True)
class Period:
    """A run of whole months, from ``first`` to ``last`` inclusive, of a kind (see KINDS)."""

    kind: str
    first: Month
    last: Month

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise PeriodError(
                f"Unknown kind of period {self.kind!r}: use one of {', '.join(KINDS)}."
            )
        if self.last < self.first:
            raise PeriodError(f"A period cannot end ({self.last}) before it starts ({self.first}).")
        problem = _shape_problem(self.kind, self.first, self.last)
        if problem:
            raise PeriodError(f"{self.first}..{self.last} is not {problem}.")

    # -- text --------------------------------------------------------------------------------

    def __str__(self) -> str:
        first = self.first
        if self.kind == MONTH:
            return str(first)
        if self.kind == QUARTER:
            return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
        if self.kind == FY_QUARTER:
            fy_start, quarter = _fy_quarter(first)
            return f"FY{_financial_year(fy_start)}-Q{quarter}"
        if self.kind == FY:
            return f"FY{_financial_year(first.year)}"
        if self.kind == CY:
            return f"CY{first.year:04d}"
        if self.kind == ROLLING12:
            return f"R12-{self.last}"
        return f"{self.first}..{self.last}"

    @property
    def label(self) -> str:
        """How the period reads in a sentence or a table heading.

        ``"May 2019"``, ``"Apr–Jun 2019"``, ``"Q1 2019/20"``, ``"2019/20"``, ``"2019"``,
        ``"Jan–Sep 2019"``, ``"Nov 2018–Feb 2019"``, ``"year ending May 2019"``.
        """
        if self.kind == FY_QUARTER:
            fy_start, quarter = _fy_quarter(self.first)
            return f"Q{quarter} {_financial_year(fy_start)}"
        if self.kind == FY:
            return _financial_year(self.first.year)
        if self.kind == CY:
            return str(self.first.year)
        if self.kind == ROLLING12:
            return f"year ending {self.last.label}"
        return _range_label(self.first, self.last)

    @property
    def key(self) -> tuple[Month, Month]:
        """Identity for storage: periods with the same months share a key whatever their text."""
        return (self.first, self.last)

    # -- months and dates --------------------------------------------------------------------

    @property
    def n_months(self) -> int:
        return self.last.index - self.first.index + 1

    @property
    def months(self) -> list[Month]:
        return [self.first + i for i in range(self.n_months)]

    @property
    def start(self) -> dt.date:
        """The first day of the first month."""
        return self.first.start

    @property
    def end(self) -> dt.date:
        """The last day of the last month."""
        return self.last.end

    def covers(self, other: Period) -> bool:
        """True when every month of ``other`` is in this period."""
        return self.first <= other.first and other.last <= self.last

    # -- arithmetic --------------------------------------------------------------------------

    def shifted(self, months: int) -> Period:
        """The same months moved by ``months`` (negative is earlier).

        The kind is kept when the moved months still make a period of that kind (any shift of a
        month, range or rolling 12 months; whole years for financial and calendar years; whole
        quarters for quarters). Otherwise the result is a range of months.
        """
        first, last = self.first + months, self.last + months
        if _shape_problem(self.kind, first, last) is None:
            return Period(self.kind, first, last)
        return month_range(first, last)

    def same_period_last_year(self) -> Period:
        """The same kind, 12 months earlier: ``R12-2019-05`` → ``R12-2018-05``."""
        return self.shifted(-12)

    def previous(self) -> Period:
        """The same kind and length, ending the month before this starts.

        ``2019-Q1`` → ``2018-Q4``; ``2019-01..2019-09`` → ``2018-04..2018-12``;
        ``R12-2019-05`` → ``R12-2018-05``.
        """
        return self.shifted(-self.n_months)


def _fy_quarter(first: Month) -> tuple[int, int]:
    """(year the financial year starts, quarter 1–4) of a quarter starting in ``first``."""
    offset = (first.month - FINANCIAL_YEAR_START) % 12
    fy_start = first.year if first.month >= FINANCIAL_YEAR_START else first.year - 1
    return fy_start, offset // 3 + 1


def _shape_problem(kind: str, first: Month, last: Month) -> str | None:
    """Why first..last cannot be a period of ``kind`` (None when it can)."""
    n = last.index - first.index + 1
    if kind == MONTH and n != 1:
        return "a single month"
    if kind in (QUARTER, FY_QUARTER) and (n != 3 or (first.month - 1) % 3):
        return "a quarter (three months starting in January, April, July or October)"
    if kind == FY and (n != 12 or first.month != FINANCIAL_YEAR_START):
        return "a financial year (April to March)"
    if kind == CY and (n != 12 or first.month != 1):
        return "a calendar year (January to December)"
    if kind == ROLLING12 and n != 12:
        return "a rolling 12 months"
    return None


def _range_label(first: Month, last: Month) -> str:
    if first == last:
        return first.label
    if first.year == last.year:
        return f"{first.abbreviation}{EN_DASH}{last.abbreviation} {last.year}"
    return f"{first.abbreviation} {first.year}{EN_DASH}{last.abbreviation} {last.year}"


def month_range(first: Month, last: Month) -> Period:
    """The months from ``first`` to ``last`` inclusive: kind "range", or "month" for one month."""
    if last < first:
        raise PeriodError(
            f"A range of months must start no later than it ends: {first} is after {last}."
        )
    return Period(MONTH if first == last else RANGE, first, last)


# -- parsing ---------------------------------------------------------------------------------

_YEAR = r"(\d{4})"
_MONTH_RE = re.compile(_YEAR + r"-(\d{2})", re.ASCII)
_QUARTER_RE = re.compile(_YEAR + r"-Q(\d)", re.IGNORECASE | re.ASCII)
_FY_RE = re.compile(r"FY" + _YEAR + r"/(\d{2})", re.IGNORECASE | re.ASCII)
_FY_QUARTER_RE = re.compile(r"FY" + _YEAR + r"/(\d{2})-Q(\d)", re.IGNORECASE | re.ASCII)
_CY_RE = re.compile(r"CY" + _YEAR, re.IGNORECASE | re.ASCII)
_RANGE_RE = re.compile(_YEAR + r"-(\d{2})\.\." + _YEAR + r"-(\d{2})", re.ASCII)
_ROLLING_RE = re.compile(r"R12-" + _YEAR + r"-(\d{2})", re.IGNORECASE | re.ASCII)


def _fail(text: object, problem: str | None = None) -> NoReturn:
    reason = f"{problem}. " if problem else ""
    error = PeriodError(f'"{text}" is not a period. {reason}Write it as one of: {ACCEPTED_FORMS}.')
    error.text_given = text
    raise error


def _month(text: str, year: str, month: str) -> Month:
    number = int(month)
    if not 1 <= number <= 12:
        _fail(text, f"There is no month {month}")
    if int(year) < 1:
        _fail(text, f"There is no year {year}")
    return Month(int(year), number)


def _quarter(text: str, quarter: str) -> int:
    number = int(quarter)
    if not 1 <= number <= 4:
        _fail(text, f"There is no quarter {quarter}: quarters are Q1 to Q4")
    return number


def _fy_start(text: str, year: str, next_year: str) -> int:
    start = int(year)
    if start < 1:
        _fail(text, f"There is no year {year}")
    if int(next_year) != (start + 1) % 100:
        _fail(
            text,
            f"A financial year runs over two consecutive years: FY{year}/{(start + 1) % 100:02d}, "
            f"not FY{year}/{next_year}",
        )
    return start


def parse_period(text: str) -> Period:
    """Read a period from its text form; surrounding whitespace is ignored.

    Letters (``Q``, ``FY``, ``CY``, ``R12``) may be upper or lower case. Raises PeriodError with
    the text given and the accepted forms.
    """
    if not isinstance(text, str):
        _fail(text, "A period is written as text")
    try:
        return _parse(text)
    except PeriodError as error:
        if hasattr(error, "text_given"):
            raise
        _fail(text, str(error).rstrip("."))


def _parse(raw: str) -> Period:
    text = raw.strip()
    if match := _MONTH_RE.fullmatch(text):
        month = _month(raw, *match.groups())
        return Period(MONTH, month, month)
    if match := _QUARTER_RE.fullmatch(text):
        year, quarter = match.groups()
        first = _month(raw, year, "01") + 3 * (_quarter(raw, quarter) - 1)
        return Period(QUARTER, first, first + 2)
    if match := _FY_QUARTER_RE.fullmatch(text):
        year, next_year, quarter = match.groups()
        start = _fy_start(raw, year, next_year)
        first = Month(start, FINANCIAL_YEAR_START) + 3 * (_quarter(raw, quarter) - 1)
        return Period(FY_QUARTER, first, first + 2)
    if match := _FY_RE.fullmatch(text):
        start = _fy_start(raw, *match.groups())
        first = Month(start, FINANCIAL_YEAR_START)
        return Period(FY, first, first + 11)
    if match := _CY_RE.fullmatch(text):
        first = _month(raw, match.group(1), "01")
        return Period(CY, first, first + 11)
    if match := _RANGE_RE.fullmatch(text):
        y1, m1, y2, m2 = match.groups()
        first, last = _month(raw, y1, m1), _month(raw, y2, m2)
        if last < first:
            _fail(raw, f"The range starts ({first}) after it ends ({last})")
        return Period(RANGE, first, last)
    if match := _ROLLING_RE.fullmatch(text):
        last = _month(raw, *match.groups())
        if last.index - 11 < Month(1, 1).index:
            _fail(raw, "The 12 months would start before year 1")
        return Period(ROLLING12, last - 11, last)
    _fail(raw)
