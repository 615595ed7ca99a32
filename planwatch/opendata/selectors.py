"""Reading imported police.uk data: monthly street-crime counts and stop-and-search rates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, Sum

from planwatch.places.models import Area

from .models import DistrictCrimeCount, Lsoa, PopulationFigure, StopSearch
from .reading import NFA

GSS_CODE = re.compile(r"^[EWSN]\d{8}$", re.I)
NOT_STATED = "Not stated"
STOP_SEARCH_GROUPS = (
    "officer_defined_ethnicity",
    "self_defined_ethnicity",
    "age_range",
    "gender",
    "legislation",
    "object_of_search",
    "outcome",
)


class QueryError(ValueError):
    """The question cannot be answered as asked (an unknown crime type or district)."""


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from ``first`` to ``last`` (first days of months), both included."""
    months = []
    month = first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def crime_types(*, force: str | None = None) -> list[str]:
    """The crime types imported: for ``force``, else for the office's own force when one is
    set (``POLICEUK_FORCE``), else for every force (the force's index makes it quick)."""
    force = force or settings.POLICEUK_FORCE or None
    rows = DistrictCrimeCount.objects.all()
    if force is not None:
        rows = rows.filter(force=force)
    return list(rows.order_by("crime_type").values_list("crime_type", flat=True).distinct())


def district_resolve(*, district: str) -> str:
    """The district name that LSOA names use, from a name (any case) or a GSS code (the name
    of PlanWatch's area with that code)."""
    text = district.strip()
    if GSS_CODE.match(text):
        area = Area.objects.filter(gss_code__iexact=text).first()
        if area is None:
            raise QueryError(f"No area has the GSS code {text}.")
        text = area.name
    name = (
        Lsoa.objects.filter(district_name__iexact=text)
        .values_list("district_name", flat=True)
        .first()
    )
    if name is None:
        raise QueryError(f"No imported LSOA lies in a district called {text!r}.")
    return name


def street_crime_monthly_counts(
    *, crime_type: str, first: dt.date, last: dt.date, district: str | None = None
) -> list[dict]:
    """``[{"month": "2024-01", "count": n}, …]`` for every month from ``first`` to ``last``
    (zero when none), for one crime type, in one district or everywhere imported. Crimes
    without a location are not in any district and are not counted (they were set aside)."""
    known = {name.lower(): name for name in crime_types()}
    if crime_type.strip().lower() not in known:
        listed = ", ".join(known.values()) or "none imported yet"
        raise QueryError(f"Unknown crime type {crime_type!r}. Crime types: {listed}.")
    rows = DistrictCrimeCount.objects.filter(
        crime_type=known[crime_type.strip().lower()],
        month__gte=first.replace(day=1),
        month__lte=last,
    )
    if district:
        rows = rows.filter(district_name=district_resolve(district=district))
    totals = dict(rows.values_list("month").annotate(total=Sum("count")).order_by("month"))
    return [
        {"month": f"{month:%Y-%m}", "count": int(totals.get(month, 0))}
        for month in months_between(first, last)
    ]


@dataclass(frozen=True)
class StopSearchGroup:
    group: str
    searches: int
    linked_recorded: int  # searches where "outcome linked to object of search" is recorded
    linked: int
    no_further_action: int

    @property
    def linked_outcome_rate(self) -> float | None:
        """Share of all searches whose outcome was linked to the object of search.

        police.uk leaves the field blank for most searches that ended in no further action (in
        Cambridgeshire's 2024 data, 1,572 of 1,948), so a share of only the recorded ones would
        read as if most searches found what they were for; blank counts as not linked."""
        return self.linked / self.searches if self.searches else None

    @property
    def nfa_rate(self) -> float | None:
        return self.no_further_action / self.searches if self.searches else None


def searches():
    """Stop-and-search records of the office's own force when one is set (``POLICEUK_FORCE``),
    else every record imported."""
    records = StopSearch.objects.all()
    return records.filter(force=settings.POLICEUK_FORCE) if settings.POLICEUK_FORCE else records


def stop_search_by_group(*, first: dt.date, last: dt.date, by: str) -> list[StopSearchGroup]:
    """Searches in the months from ``first`` to ``last`` by one field (blank is "Not stated"),
    most searches first."""
    if by not in STOP_SEARCH_GROUPS:
        raise QueryError(f"Cannot group by {by!r}: use one of {', '.join(STOP_SEARCH_GROUPS)}.")
    rows = (
        searches()
        .filter(month__gte=first.replace(day=1), month__lte=last)
        .values(by)
        .annotate(
            searches=Count("id"),
            linked_recorded=Count("id", filter=Q(outcome_linked_to_object_of_search__isnull=False)),
            linked=Count("id", filter=Q(outcome_linked_to_object_of_search=True)),
            nfa=Count("id", filter=Q(outcome=NFA)),
        )
    )
    merged: dict[str, list[int]] = {}
    for row in rows:
        group = row[by].strip() or NOT_STATED
        totals = merged.setdefault(group, [0, 0, 0, 0])
        for i, key in enumerate(("searches", "linked_recorded", "linked", "nfa")):
            totals[i] += row[key]
    groups = [StopSearchGroup(group, *totals) for group, totals in merged.items()]
    return sorted(groups, key=lambda g: (-g.searches, g.group))


def stop_search_months() -> list[dt.date]:
    """The months that hold stop-and-search records, earliest first."""
    return list(searches().order_by("month").values_list("month", flat=True).distinct())


def stop_search_groups_seen(*, by: str) -> list[str]:
    """The values police.uk wrote in one field of the imported records, blank left out."""
    if by not in STOP_SEARCH_GROUPS:
        raise QueryError(f"Cannot group by {by!r}: use one of {', '.join(STOP_SEARCH_GROUPS)}.")
    values = searches().order_by(by).values_list(by, flat=True).distinct()
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))


def population_figures(*, group_by: str | None = None):
    """Entered population figures, for one grouping or all of them."""
    figures = PopulationFigure.objects.select_related("updated_by")
    return figures.filter(group_by=group_by) if group_by else figures.all()
