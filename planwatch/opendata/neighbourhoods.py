"""Reading neighbourhoods (named sets of LSOAs) and comparing one with the rest of its
district(s) before and after a date.

The before/after comparison (see docs/how-to/load-policeuk.md#the-beforeafter-comparison):
for a crime type, a month M and a window of N months, it counts street crimes in the N months
before M (M-N … M-1) and the N months from M (M … M+N-1), in the neighbourhood's LSOAs and in
the other LSOAs of the district(s) those LSOAs lie in. The arithmetic (``percent_change``,
``change_sentence``) is plain functions over plain values.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q, QuerySet, Sum

from .areas import force_label, home_force
from .models import FileKind, ForceMonth, Lsoa, Neighbourhood, StreetCrimeCount
from .selectors import QueryError, crime_types, months_between

DEFAULT_CRIME_TYPE = "Burglary"
WINDOW_CHOICES = (3, 6, 12)
DEFAULT_WINDOW = 6
LSOA_CODE = re.compile(r"^[EW]01\d{6}$")
CODE_SEPARATORS = re.compile(r"[\s,;]+")


# --- Neighbourhoods and their LSOAs


def neighbourhood_list() -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.annotate(lsoa_count=Count("lsoas")).order_by("name")


def neighbourhood_get(*, slug: str) -> Neighbourhood | None:
    return Neighbourhood.objects.filter(slug=slug).first()


def neighbourhood_resolve(*, neighbourhood: str) -> Neighbourhood:
    """A neighbourhood from its name (any case) or its slug."""
    text = neighbourhood.strip()
    found = Neighbourhood.objects.filter(Q(name__iexact=text) | Q(slug__iexact=text)).first()
    if found is None:
        names = ", ".join(Neighbourhood.objects.values_list("name", flat=True)) or "none yet"
        raise QueryError(f"No neighbourhood is called {text!r}. Neighbourhoods: {names}.")
    return found


def neighbourhood_lsoas(*, neighbourhood: Neighbourhood) -> QuerySet[Lsoa]:
    return neighbourhood.lsoas.order_by("district_name", "code")


def neighbourhood_districts(*, neighbourhood: Neighbourhood) -> list[str]:
    """The district(s) the neighbourhood's LSOAs lie in, by name."""
    return sorted(set(neighbourhood.lsoas.values_list("district_name", flat=True)))


def lsoas_outside_force(lsoas) -> tuple[str, list[Lsoa]]:
    """The office's force (as named on pages) and those of ``lsoas`` outside its districts (not
    linked to one of PlanWatch's district areas), when LSOA counts are kept for the office's own
    force only (ADR 11): their counts are the crimes that force recorded there, not those the
    force they belong to recorded. ``("", [])`` when every force's are kept, or no LSOA is
    linked to a district."""
    force = home_force(forces=set())
    if force is None or not Lsoa.objects.filter(district__isnull=False).exists():
        return "", []
    return force_label(force), [lsoa for lsoa in lsoas if lsoa.district_id is None]


def lsoas_to_tick(*, neighbourhood: Neighbourhood | None = None) -> QuerySet[Lsoa]:
    """The LSOAs offered as tick boxes: those of the force's own districts (linked to
    PlanWatch's district areas), and any already in the neighbourhood; every LSOA imported
    when no district is linked. A national import holds tens of thousands of LSOAs: the rest
    are reached by entering their codes."""
    lsoas = Lsoa.objects.all()
    if lsoas.filter(district__isnull=False).exists():
        own = Q(district__isnull=False)
        if neighbourhood is not None and neighbourhood.pk:
            own |= Q(pk__in=neighbourhood.lsoas.values("pk"))
        lsoas = lsoas.filter(own)
    return lsoas.order_by("district_name", "code")


def lsoas_by_district(lsoas) -> list[tuple[str, list]]:
    """``[(district name, [items…]), …]`` in district order, for anything with a
    ``district_name`` (or a pair ``(district_name, item)``)."""
    groups: dict[str, list] = {}
    for item in lsoas:
        district, value = item if isinstance(item, tuple) else (item.district_name, item)
        groups.setdefault(district, []).append(value)
    return sorted(groups.items())


def lsoa_codes_split(text: str) -> list[str]:
    """The codes in ``text``, separated by commas, semicolons, spaces or new lines, upper-cased,
    quotes dropped, each once, in the order given."""
    codes: list[str] = []
    for token in CODE_SEPARATORS.split(text or ""):
        code = token.strip().strip("\"'").upper()
        if code and code not in codes:
            codes.append(code)
    return codes


def lsoa_codes_from_file(text: str) -> list[str]:
    """As ``lsoa_codes_split``, but a first line holding no LSOA code (a header such as
    "LSOA code") is skipped."""
    lines = (text or "").splitlines()
    if lines and not any(LSOA_CODE.match(c) for c in lsoa_codes_split(lines[0])):
        lines = lines[1:]
    return lsoa_codes_split("\n".join(lines))


def lsoas_for_codes(*, codes: list[str]) -> tuple[list[Lsoa], list[str]]:
    """The imported LSOAs with these codes, and the codes that are not among them."""
    found = {lsoa.code: lsoa for lsoa in Lsoa.objects.filter(code__in=codes)}
    return [found[c] for c in codes if c in found], [c for c in codes if c not in found]


# --- The before/after comparison: pure arithmetic


def month_add(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def percent_change(before: int, after: int) -> float | None:
    """The change from ``before`` to ``after`` in %; None when there was nothing before."""
    if not before:
        return None
    return (after - before) / before * 100


def _moved(change: float | None) -> str:
    if change is None:
        return "cannot be compared (there were none before)"
    if round(change) == 0:
        return "barely changed"
    return f"{'fell' if change < 0 else 'rose'} {abs(change):.0f}%"


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def change_sentence(
    *, crime_type: str, place: str, rest: str, change: float | None, rest_change: float | None
) -> str:
    """ "Burglary fell 20% in Arbury against 5% in the rest of Cambridge"."""
    first = f"{crime_type} {_moved(change)} in {place}"
    if change is None or rest_change is None:
        return f"{first}; in the rest of {rest} it {_moved(rest_change)}"
    same = round(change) != 0 and round(rest_change) != 0 and (change < 0) == (rest_change < 0)
    if same:
        return f"{first} against {abs(rest_change):.0f}% in the rest of {rest}"
    return f"{first}, while in the rest of {rest} it {_moved(rest_change)}"


# --- The before/after comparison: reading the counts


@dataclass(frozen=True)
class BeforeAfter:
    neighbourhood: str
    districts: list[str]
    crime_type: str
    month: dt.date  # the first month "after"
    window: int
    before: int
    after: int
    rest_before: int
    rest_after: int
    rest_lsoas: int
    months_missing: list[dt.date] = field(default_factory=list)

    @property
    def before_first(self) -> dt.date:
        return month_add(self.month, -self.window)

    @property
    def before_last(self) -> dt.date:
        return month_add(self.month, -1)

    @property
    def after_last(self) -> dt.date:
        return month_add(self.month, self.window - 1)

    @property
    def change(self) -> float | None:
        return percent_change(self.before, self.after)

    @property
    def rest_change(self) -> float | None:
        return percent_change(self.rest_before, self.rest_after)

    @property
    def difference(self) -> float | None:
        """Neighbourhood change − rest change, in percentage points."""
        if self.change is None or self.rest_change is None:
            return None
        return self.change - self.rest_change

    @property
    def sentence(self) -> str:
        return change_sentence(
            crime_type=self.crime_type,
            place=self.neighbourhood,
            rest=join_names(self.districts),
            change=self.change,
            rest_change=self.rest_change,
        )


def crime_type_resolve(*, crime_type: str) -> str:
    known = {name.lower(): name for name in crime_types()}
    if crime_type.strip().lower() not in known:
        listed = ", ".join(known.values()) or "none imported yet"
        raise QueryError(f"Unknown crime type {crime_type!r}. Crime types: {listed}.")
    return known[crime_type.strip().lower()]


def _total(rows: QuerySet, first: dt.date, last: dt.date) -> int:
    return rows.filter(month__gte=first, month__lte=last).aggregate(n=Sum("count"))["n"] or 0


def before_after(
    *, neighbourhood: Neighbourhood, crime_type: str, month: dt.date, window: int
) -> BeforeAfter:
    """Counts of one crime type in the ``window`` months before ``month`` and the ``window``
    months from it, in the neighbourhood and in the rest of its district(s)."""
    crime_type = crime_type_resolve(crime_type=crime_type)
    month = month.replace(day=1)
    codes = list(neighbourhood.lsoas.values_list("code", flat=True))
    districts = neighbourhood_districts(neighbourhood=neighbourhood)
    rest = Lsoa.objects.filter(district_name__in=districts).exclude(code__in=codes)
    rows = StreetCrimeCount.objects.filter(crime_type=crime_type)
    inside = rows.filter(lsoa_code__in=codes)
    outside = rows.filter(lsoa_code__in=rest.values("code"))
    before = (month_add(month, -window), month_add(month, -1))
    after = (month, month_add(month, window - 1))
    wanted = months_between(before[0], after[1])
    present = set(
        ForceMonth.objects.filter(kind=FileKind.STREET, month__in=wanted).values_list(
            "month", flat=True
        )
    )
    return BeforeAfter(
        neighbourhood=neighbourhood.name,
        districts=districts,
        crime_type=crime_type,
        month=month,
        window=window,
        before=_total(inside, *before),
        after=_total(inside, *after),
        rest_before=_total(outside, *before),
        rest_after=_total(outside, *after),
        rest_lsoas=rest.count(),
        months_missing=[m for m in wanted if m not in present],
    )


def neighbourhood_monthly_counts(
    *, crime_type: str, first: dt.date, last: dt.date, neighbourhood: str
) -> list[dict]:
    """``[{"month": "2024-01", "count": n}, …]`` for every month from ``first`` to ``last``
    (zero when none), for one crime type, in one neighbourhood (by name or slug)."""
    crime_type = crime_type_resolve(crime_type=crime_type)
    found = neighbourhood_resolve(neighbourhood=neighbourhood)
    rows = StreetCrimeCount.objects.filter(
        crime_type=crime_type,
        month__gte=first.replace(day=1),
        month__lte=last,
        lsoa_code__in=found.lsoas.values("code"),
    )
    totals = dict(rows.values_list("month").annotate(total=Sum("count")).order_by("month"))
    return [
        {"month": f"{month:%Y-%m}", "count": int(totals.get(month, 0))}
        for month in months_between(first, last)
    ]


def street_months() -> tuple[dt.date, dt.date] | None:
    """The first and last months of street crime imported, if any."""
    span = ForceMonth.objects.filter(kind=FileKind.STREET).aggregate(
        first=Min("month"), last=Max("month")
    )
    return (span["first"], span["last"]) if span["first"] else None
