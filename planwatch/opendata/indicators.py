"""police.uk street crime as performance indicators: monthly recorded crime by type for the force,
each district and each neighbourhood, as ``performance.Observation`` figures with the source
"police.uk", so that rolling 12-month totals, same-period-last-year comparisons and SPC work on
them as on any other figure.

There is one indicator per crime type (``policeuk-burglary``, …) and one for all crime
(``policeuk-all-crime``: every type except anti-social behaviour, which is not a crime). Each is
a monthly count, lower is better, summed over time.

``crime_figures_feed`` writes the figures of every month of street crime imported for the force
PlanWatch reports on (``areas.force_get``): for its force area, for each district that is one
of PlanWatch's areas, and for each neighbourhood. A month imported with no crime of a type is
0, so that series have no gaps. The figures are derived data, rewritten whole by each import and
each change to a neighbourhood: like the import's own rows they are traced to the run (the
import run's or the neighbourhood's entry in the activity log), not logged one by one.

A neighbourhood is given a place among PlanWatch's areas (``neighbourhood_area_sync``): an area
of type neighbourhood, inside its district when its LSOAs lie in one, else inside the force
area, with a local code ("NH" and seven digits) in place of an official one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.text import slugify

from planwatch.core.audit import save_changed, save_created, snapshot
from planwatch.performance.models import Indicator, Observation
from planwatch.performance.periods import Month
from planwatch.places.models import Area
from planwatch.places.selectors import force_area

from .areas import force_get, force_label, force_months
from .models import DistrictCrimeCount, Lsoa, Neighbourhood, StreetCrimeCount

SOURCE = "police.uk"
PREFIX = "policeuk-"
ALL_CRIME = "All crime"
NOT_CRIME = "Anti-social behaviour"
METHOD = (
    "Street-level crimes as published on police.uk, counted by the month they were recorded "
    "in and the LSOA where they happened. Crimes published without a location are in no area "
    "and are not counted (see *Loading police.uk data* in the documentation). {what}"
)
BATCH_SIZE = 2000

Counts = dict[tuple[str, Month], int]


def indicator_code(crime_type: str) -> str:
    """``policeuk-burglary``; ``policeuk-all-crime`` for all crime."""
    return (PREFIX + slugify(crime_type))[:60]


def _indicator(crime_type: str, *, user, actor_label: str) -> Indicator:
    code = indicator_code(crime_type)
    found = Indicator.objects.filter(code=code).first()
    if found is not None:
        return found
    if crime_type == ALL_CRIME:
        what = f"Every crime type except {NOT_CRIME.lower()}."
        definition = "Street-level crimes of every type (not anti-social behaviour), per month."
    else:
        what = f"Crime type: {crime_type}."
        definition = f"Street-level crimes of the type {crime_type}, per month."
    return save_created(
        Indicator(
            code=code,
            name=f"{crime_type} (police.uk)",
            definition=definition,
            unit=Indicator.Unit.COUNT,
            polarity=Indicator.Polarity.LOWER,
            decimals=0,
            aggregation=Indicator.Aggregation.SUM,
            source=SOURCE,
            method=METHOD.format(what=what),
        ),
        user=user,
        actor_label=actor_label,
    )


@dataclass(frozen=True)
class FeedResult:
    indicators: int = 0
    areas: int = 0
    observations: int = 0


def _table(rows) -> Counts:
    return {(crime_type, Month.from_date(month)): int(n) for crime_type, month, n in rows}


def _grouped(queryset) -> Counts:
    return _table(queryset.order_by().values_list("crime_type", "month").annotate(n=Sum("count")))


def _targets(
    force: str, neighbourhoods: Iterable[Neighbourhood] | None
) -> list[tuple[Area, Counts]]:
    """The areas to give figures for, each with its counts by crime type and month."""
    rows = DistrictCrimeCount.objects.filter(force=force)
    targets: list[tuple[Area, Counts]] = []
    if neighbourhoods is None:
        area = force_area()
        if area is not None:
            targets.append((area, _grouped(rows)))
        districts = (
            Lsoa.objects.filter(district__isnull=False)
            .order_by()
            .values_list("district_name", "district")
            .distinct()
        )
        by_pk = Area.objects.in_bulk([pk for _name, pk in districts])
        for name, pk in sorted(districts):
            targets.append((by_pk[pk], _grouped(rows.filter(district_name=name))))
        neighbourhoods = Neighbourhood.objects.filter(area__isnull=False)
    for neighbourhood in neighbourhoods:
        if neighbourhood.area_id is None:
            continue
        codes = neighbourhood.lsoas.values("code")
        targets.append(
            (neighbourhood.area, _grouped(StreetCrimeCount.objects.filter(lsoa_code__in=codes)))
        )
    return targets


@transaction.atomic
def crime_figures_feed(
    *, neighbourhoods: Iterable[Neighbourhood] | None = None, user=None, actor_label: str = ""
) -> FeedResult:
    """Write the monthly figures of every crime type for the force, its districts and every
    neighbourhood (or only the ``neighbourhoods`` given), replacing those written before."""
    force = force_get()
    if force is None:
        return FeedResult()
    months = force_months(force=force)
    crime_types = sorted(
        DistrictCrimeCount.objects.filter(force=force)
        .order_by()
        .values_list("crime_type", flat=True)
        .distinct()
    )
    targets = _targets(force, neighbourhoods)
    if not months or not crime_types or not targets:
        return FeedResult()
    indicators = {
        crime_type: _indicator(crime_type, user=user, actor_label=actor_label)
        for crime_type in [*crime_types, ALL_CRIME]
    }
    Observation.objects.filter(
        indicator__in=indicators.values(),
        area__in=[area for area, _counts in targets],
        breakdown="",
        source=SOURCE,
    ).delete()
    note = f"{force_label(force)}'s street-level crime files."
    observations = []
    for area, counts in targets:
        totals: dict[Month, int] = defaultdict(int)
        for (crime_type, month), n in counts.items():
            if crime_type != NOT_CRIME:
                totals[month] += n
        for crime_type, indicator in indicators.items():
            for month in months:
                n = totals[month] if crime_type == ALL_CRIME else counts.get((crime_type, month), 0)
                observations.append(
                    Observation(
                        indicator=indicator,
                        area=area,
                        period=str(month),
                        period_first=month.start,
                        period_last=month.start,
                        value=Decimal(n),
                        source=SOURCE,
                        note=note,
                        created_by=user,
                    )
                )
    Observation.objects.bulk_create(observations, batch_size=BATCH_SIZE)
    return FeedResult(len(indicators), len(targets), len(observations))


def _neighbourhood_parent(neighbourhood: Neighbourhood) -> Area | None:
    districts = {
        lsoa.district for lsoa in neighbourhood.lsoas.select_related("district") if lsoa.district
    }
    if len(districts) == 1:
        return districts.pop()
    return force_area()


def neighbourhood_area_sync(*, neighbourhood: Neighbourhood, user) -> Area | None:
    """Give the neighbourhood its area (created, or renamed and moved to follow its LSOAs);
    None when PlanWatch has no force area to put it in."""
    parent = _neighbourhood_parent(neighbourhood)
    if parent is None:
        return None
    area = neighbourhood.area
    if area is None:
        area = save_created(
            Area(
                name=neighbourhood.name,
                gss_code=f"NH{neighbourhood.pk:07d}",
                area_type=Area.AreaType.NEIGHBOURHOOD,
                parent=parent,
            ),
            user=user,
        )
        Neighbourhood.objects.filter(pk=neighbourhood.pk).update(area=area)
        neighbourhood.area = area
    elif (area.name, area.parent_id) != (neighbourhood.name, parent.pk):
        before = snapshot(area)
        area.name, area.parent = neighbourhood.name, parent
        save_changed(area, user=user, before=before)
    return area
