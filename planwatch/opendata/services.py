"""Writing imported police.uk data.

``policeuk_import`` writes the files that ``reading.read_all`` has read and checked, all in one
transaction: a run is all-or-nothing. Each force × month × kind it holds replaces what was
there (its rows are deleted, then the new ones inserted), so importing a month again never
doubles it.

The activity log gets one entry per run (the ``ImportRun``), not one per row: these are bulk
data derived from published files, not records that officers edit.

Rows are inserted with ``bulk_create(batch_size=5000)`` on every database. That is simple and
portable; a faster path for PostgreSQL (``COPY ... FROM STDIN`` through psycopg's ``copy``)
can replace ``_insert`` later without changing anything else here.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from planwatch.core.audit import save_changed, save_created, snapshot
from planwatch.places.models import Area

from .models import (
    FileKind,
    ForceMonth,
    ImportRun,
    Lsoa,
    Neighbourhood,
    OutcomeCount,
    PopulationFigure,
    StopSearch,
    StreetCrimeCount,
    StreetOutcomeCount,
)
from .reading import district_name
from .sources import FileResult

BATCH_SIZE = 5000

# What each kind of file replaces for its force and month.
REPLACES = {
    FileKind.STREET: (StreetCrimeCount, StreetOutcomeCount),
    FileKind.OUTCOMES: (OutcomeCount,),
    FileKind.STOP_AND_SEARCH: (StopSearch,),
}


def run_counts(results: list[FileResult]) -> tuple[dict, dict]:
    """Rows kept per month and kind ({"2024-01": {"street": 6116, …}}), and rows set aside by
    reason ({reason: count})."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    set_aside: Counter = Counter()
    for result in results:
        month = counts[f"{result.month:%Y-%m}"]
        month[result.kind] = month.get(result.kind, 0) + result.rows_kept
        set_aside.update(result.set_aside)
    return dict(sorted(counts.items())), dict(sorted(set_aside.items()))


@transaction.atomic
def policeuk_import(*, results: list[FileResult], user=None, actor_label: str = "") -> ImportRun:
    """Write what the files hold, replacing each force-month-kind they cover."""
    counts, set_aside = run_counts(results)
    run = save_created(
        ImportRun(
            actor_label=actor_label,
            paths=[r.source.label for r in results],
            counts=counts,
            set_aside=set_aside,
        ),
        user=user,
        actor_label=actor_label,
    )
    for result in results:
        for model in REPLACES[result.kind]:
            model.objects.filter(force=result.force, month=result.month).delete()
        ForceMonth.objects.filter(force=result.force, month=result.month, kind=result.kind).delete()
        _insert(result)
        ForceMonth.objects.create(
            force=result.force,
            month=result.month,
            kind=result.kind,
            rows_kept=result.rows_kept,
            rows_set_aside=sum(result.set_aside.values()),
            run=run,
        )
    _lsoas_update(results)
    return run


def _insert(result: FileResult) -> None:
    place = {"force": result.force, "month": result.month}
    if result.kind == FileKind.STREET:
        StreetCrimeCount.objects.bulk_create(
            (
                StreetCrimeCount(
                    **place, lsoa_code=code, lsoa_name=name, crime_type=crime_type, count=count
                )
                for code, name, crime_type, count in result.street_counts
            ),
            batch_size=BATCH_SIZE,
        )
        StreetOutcomeCount.objects.bulk_create(
            (
                StreetOutcomeCount(
                    **place, lsoa_code=code, last_outcome_category=category, count=count
                )
                for code, category, count in result.street_outcomes
            ),
            batch_size=BATCH_SIZE,
        )
    elif result.kind == FileKind.OUTCOMES:
        OutcomeCount.objects.bulk_create(
            (
                OutcomeCount(**place, outcome_type=outcome_type, count=count)
                for outcome_type, count in result.outcome_counts
            ),
            batch_size=BATCH_SIZE,
        )
    else:
        StopSearch.objects.bulk_create(
            (StopSearch(**record) for record in result.stop_searches), batch_size=BATCH_SIZE
        )


def _lsoas_update(results: list[FileResult]) -> None:
    """Record each LSOA seen in street files, its district name, and the district area of that
    name where PlanWatch has one."""
    names: dict[str, str] = {}
    for result in results:
        for code, name, _crime_type, _count in result.street_counts:
            if name:
                names[code] = name
    if not names:
        return
    districts = {
        area.name: area.pk for area in Area.objects.filter(area_type=Area.AreaType.DISTRICT)
    }
    Lsoa.objects.bulk_create(
        (
            Lsoa(
                code=code,
                name=name,
                district_name=district_name(name),
                district_id=districts.get(district_name(name)),
            )
            for code, name in sorted(names.items())
        ),
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "district_name", "district"],
    )


# --- Neighbourhoods
# Named sets of LSOAs that officers define. Domain data: each change is recorded (audit), the
# LSOAs included (``m2m``).

NEIGHBOURHOOD_RESERVED_SLUGS = {"add"}


def _neighbourhood_slug(name: str, *, exclude_pk=None) -> str:
    base = (slugify(name) or "neighbourhood")[:55]
    slug, n = base, 2
    taken = Neighbourhood.objects.exclude(pk=exclude_pk)
    while slug in NEIGHBOURHOOD_RESERVED_SLUGS or taken.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _neighbourhood_lsoas_check(lsoas) -> list[Lsoa]:
    lsoas = list(lsoas)
    if not lsoas:
        raise ValidationError({"lsoas": "Choose at least one LSOA, or enter their codes"})
    return lsoas


@transaction.atomic
def neighbourhood_create(*, user, name: str, lsoas, description: str = "") -> Neighbourhood:
    """Record a neighbourhood; its slug is made from its name and then kept."""
    lsoas = _neighbourhood_lsoas_check(lsoas)
    neighbourhood = Neighbourhood(
        name=name.strip(), slug=_neighbourhood_slug(name), description=description.strip()
    )
    return save_created(neighbourhood, user=user, m2m={"lsoas": lsoas})


@transaction.atomic
def neighbourhood_update(
    *, user, neighbourhood: Neighbourhood, name: str, lsoas, description: str = ""
) -> Neighbourhood:
    """Change a neighbourhood's name, description or LSOAs (its slug stays, so addresses and
    scripts keep working)."""
    lsoas = _neighbourhood_lsoas_check(lsoas)
    neighbourhood = Neighbourhood.objects.select_for_update().get(pk=neighbourhood.pk)
    before = snapshot(neighbourhood)
    neighbourhood.name = name.strip()
    neighbourhood.description = description.strip()
    return save_changed(neighbourhood, user=user, before=before, m2m={"lsoas": lsoas})


# Population figures behind stop-and-search rates per 1,000. Entered by officers: each change
# is recorded (audit).


@transaction.atomic
def population_figure_save(
    *,
    user,
    group_by: str,
    group: str,
    population: int,
    source: str,
    figure: PopulationFigure | None = None,
) -> PopulationFigure:
    """Add a population figure, or change ``figure``."""
    if figure is None:
        figure = PopulationFigure(
            group_by=group_by, group=group.strip(), population=population, source=source.strip()
        )
        return save_created(figure, user=user)
    figure = PopulationFigure.objects.select_for_update().get(pk=figure.pk)
    before = snapshot(figure)
    figure.group_by = group_by
    figure.group = group.strip()
    figure.population = population
    figure.source = source.strip()
    return save_changed(figure, user=user, before=before)
