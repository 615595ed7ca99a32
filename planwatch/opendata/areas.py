"""Reading police.uk street crime for the area pages: the force, its districts, their counts by
crime type and month, and each district's contribution to a change in the force's count.

"The force" is every street-crime row in its files that has a location (rows without an LSOA
were set aside on import), so the force's count is exactly the sum of its districts' counts. A
district's count is the force's rows in the district's LSOAs (districts come from LSOA names,
see ``Lsoa.district_name``). Months are ``performance.periods.Month``; the months a force has
data for are its imported street files (``ForceMonth``), so a month imported with no crimes of a
type counts 0 and a month not imported has no figure.

Queries read ``DistrictCrimeCount`` (the street counts summed by district at import): a force's
five years are a few thousand rows whatever the size of the street table, grouped in the
database by month and crime type, or by district.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.utils.text import slugify

from planwatch.performance.comparisons import HUNDRED
from planwatch.performance.periods import Month
from planwatch.places.selectors import force_area

from .caching import cached
from .models import DistrictCrimeCount, FileKind, ForceMonth, Lsoa
from .selectors import GSS_CODE

OTHER_DISTRICTS = "Other districts"


@dataclass(frozen=True)
class District:
    name: str  # as LSOA names write it: "Cambridge"
    slug: str
    gss_code: str  # of PlanWatch's district area of that name; "" when there is none


@dataclass(frozen=True)
class AreaTotals:
    """One area's count in two periods (e.g. the latest 12 months and the 12 before)."""

    name: str
    current: int
    previous: int
    district: District | None = None  # None for the force and for "Other districts"
    districts: int = 1  # how many districts a grouped row stands for

    @property
    def change(self) -> int:
        return self.current - self.previous

    @property
    def change_percent(self) -> Decimal | None:
        return Decimal(self.change) * HUNDRED / self.previous if self.previous else None


@dataclass(frozen=True)
class Contribution:
    area: AreaTotals
    percent: Decimal | None  # the area's change as a percentage of the force's change


# -- the force and its districts -----------------------------------------------------------------


def force_get(*, version: str | None = None) -> str | None:
    """The force the area pages are about, as its files name it ("cambridgeshire"): the one set
    as ``POLICEUK_FORCE``, else the one named like PlanWatch's force area, else the one with
    most imported street months; None when none of its street crime has been imported."""
    if version is not None:
        # What it returns changes only with the data (and the setting).
        return cached(f"force:{settings.POLICEUK_FORCE}", force_get, version=version)
    configured = settings.POLICEUK_FORCE
    if configured:
        imported = ForceMonth.objects.filter(force=configured, kind=FileKind.STREET).exists()
        return configured if imported else None
    months = dict(
        ForceMonth.objects.filter(kind=FileKind.STREET)
        .order_by()
        .values_list("force")
        .annotate(n=Count("pk"))
    )
    if not months:
        return None
    area = force_area()
    if area is not None and slugify(area.name) in months:
        return slugify(area.name)
    return min(months, key=lambda f: (-months[f], f))


def home_force(*, forces: set[str]) -> str | None:
    """The force whose street crime is kept by LSOA in the database (for neighbourhoods), of an
    import of ``forces``: the one set as ``POLICEUK_FORCE``, else the one named like PlanWatch's
    force area when it is imported; None when neither says, and every force's is kept."""
    if settings.POLICEUK_FORCE:
        return settings.POLICEUK_FORCE
    area = force_area()
    if area is None:
        return None
    slug = slugify(area.name)
    imported = ForceMonth.objects.filter(force=slug, kind=FileKind.STREET).exists()
    return slug if slug in forces or imported else None


def force_label(force: str) -> str:
    area = force_area()
    if area is not None and slugify(area.name) == force:
        return area.name
    return force.replace("-", " ").title()


def force_months(*, force: str) -> list[Month]:
    """The months the force's street crime is imported for, in order."""
    return [
        Month.from_date(d)
        for d in ForceMonth.objects.filter(force=force, kind=FileKind.STREET)
        .order_by("month")
        .values_list("month", flat=True)
    ]


def district_get(*, key: str, version: str | None = None) -> District | None:
    """A district from its slug ("south-cambridgeshire") or its GSS code (E07000012);
    ``version`` is ``caching.data_version()`` where the caller has it already."""
    key = key.strip()
    if GSS_CODE.match(key):
        lsoa = (
            Lsoa.objects.filter(district__gss_code__iexact=key).select_related("district").first()
        )
        if lsoa is None:
            return None
        return District(lsoa.district_name, slugify(lsoa.district_name), lsoa.district.gss_code)
    slug = key.lower()
    # Kept per district: the map of them all is large to read from the cache on every request.
    name = hashlib.sha256(slug.encode()).hexdigest()[:24]
    found = cached(f"district:{name}", lambda: _districts().get(slug, ""), version=version)
    return found or None


def _districts() -> dict[str, District]:
    """Each district LSOA names name, by its slug, with the GSS code of PlanWatch's district
    area where one of its LSOAs is linked to one."""
    codes = dict(
        Lsoa.objects.filter(district__isnull=False)
        .order_by("district_name")
        .values_list("district_name", "district__gss_code")
        .distinct()
    )
    districts: dict[str, District] = {}
    rows = Lsoa.objects.order_by("district_name").values_list("district_name", flat=True)
    for name in rows.distinct():
        slug = slugify(name)
        districts.setdefault(slug, District(name, slug, codes.get(name, "")))
    return districts


def _rows(*, force: str, district: District | None = None) -> QuerySet:
    rows = DistrictCrimeCount.objects.filter(force=force)
    if district is not None:
        rows = rows.filter(district_name=district.name)
    return rows


def _in(rows: QuerySet, first: Month, last: Month) -> QuerySet:
    return rows.filter(month__gte=first.start, month__lte=last.start)


# -- counts --------------------------------------------------------------------------------------


def counts_by_type_and_month(
    *, force: str, district: District | None = None, first: Month, last: Month
) -> dict[str, dict[Month, int]]:
    """``{crime type: {month: count}}`` for the months from ``first`` to ``last`` (months and
    types with no crimes are absent)."""
    table: dict[str, dict[Month, int]] = defaultdict(dict)
    rows = (
        _in(_rows(force=force, district=district), first, last)
        .order_by()
        .values_list("crime_type", "month")
        .annotate(total=Sum("count"))
    )
    for crime_type, month, total in rows:
        table[crime_type][Month.from_date(month)] = int(total)
    return dict(table)


def monthly_counts(
    *,
    force: str,
    district: District | None = None,
    crime_type: str = "",
    months: list[Month],
) -> list[tuple[Month, int]]:
    """The count in each of ``months`` (0 where none), of one crime type or ("") all crime."""
    if not months:
        return []
    rows = _in(_rows(force=force, district=district), min(months), max(months))
    if crime_type:
        rows = rows.filter(crime_type=crime_type)
    totals = {
        Month.from_date(month): int(total)
        for month, total in rows.order_by().values_list("month").annotate(total=Sum("count"))
    }
    return [(month, totals.get(month, 0)) for month in months]


def district_totals(
    *,
    force: str,
    crime_type: str = "",
    current: tuple[Month, Month],
    previous: tuple[Month, Month],
) -> list[AreaTotals]:
    """Every district with crimes of the force in either period, with its count in each:
    one query grouped by district, and one of those districts' GSS codes."""
    start = min(current[0], previous[0])
    end = max(current[1], previous[1])
    rows = _in(_rows(force=force), start, end)
    if crime_type:
        rows = rows.filter(crime_type=crime_type)

    def during(period):
        return Sum("count", filter=Q(month__gte=period[0].start, month__lte=period[1].start))

    by_district = list(
        rows.order_by()
        .values_list("district_name")
        .annotate(current=during(current), previous=during(previous))
    )
    codes = dict(
        Lsoa.objects.filter(
            district_name__in=[name for name, *_ in by_district], district__isnull=False
        )
        .order_by()
        .values_list("district_name", "district__gss_code")
        .distinct()
    )
    return [
        AreaTotals(
            name or OTHER_DISTRICTS,
            now or 0,
            before or 0,
            District(
                name or OTHER_DISTRICTS, slugify(name or OTHER_DISTRICTS), codes.get(name, "")
            ),
        )
        for name, now, before in sorted(by_district)
        if now or before
    ]


def group_other_districts(areas: list[AreaTotals]) -> tuple[list[AreaTotals], list[AreaTotals]]:
    """(the force's own districts, the rest). The force's own are those linked to a PlanWatch
    district area (they have a GSS code); when none is, every district is the force's own. The
    rest are the few crimes a force records just over its border."""
    if not any(a.district and a.district.gss_code for a in areas):
        return areas, []
    own = [a for a in areas if a.district and a.district.gss_code]
    rest = [a for a in areas if not (a.district and a.district.gss_code)]
    return own, rest


def grouped(rest: list[AreaTotals]) -> AreaTotals | None:
    if not rest:
        return None
    return AreaTotals(
        OTHER_DISTRICTS,
        sum(a.current for a in rest),
        sum(a.previous for a in rest),
        districts=len(rest),
    )


# -- pure computation ----------------------------------------------------------------------------


def contributions(areas: list[AreaTotals]) -> tuple[int, list[Contribution]]:
    """The force's change (the sum of the areas' changes) and each area's contribution to it:
    its change ÷ the force's change × 100, unrounded (None when the force did not change), the
    largest contribution first. Over all the areas the contributions add up to 100%; an area
    that moved against the force has a negative contribution, so others add up to more."""
    total = sum(a.change for a in areas)
    result = [
        Contribution(a, Decimal(a.change) * HUNDRED / total if total else None) for a in areas
    ]
    result.sort(key=lambda c: (-(c.percent or 0), -c.area.change, c.area.name))
    return total, result


def share(part: int, whole: int) -> Decimal | None:
    return Decimal(part) * HUNDRED / whole if whole else None


def month_span(first: Month, last: Month) -> list[Month]:
    return [first + i for i in range(last - first + 1)]
