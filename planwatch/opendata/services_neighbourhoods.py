"""Neighbourhoods: named sets of LSOAs that officers define. Domain data: each change is
recorded (audit), the LSOAs included (``m2m``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from planwatch.core.audit import save_changed, save_created, snapshot

from .indicators import crime_figures_feed, neighbourhood_area_sync
from .models import Lsoa, Neighbourhood

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
    neighbourhood = save_created(neighbourhood, user=user, m2m={"lsoas": lsoas})
    _neighbourhood_figures(neighbourhood, user=user)
    return neighbourhood


def _neighbourhood_figures(neighbourhood: Neighbourhood, *, user) -> None:
    """Its area among PlanWatch's places, and its monthly crime figures."""
    if neighbourhood_area_sync(neighbourhood=neighbourhood, user=user) is not None:
        crime_figures_feed(neighbourhoods=[neighbourhood], user=user)


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
    neighbourhood = save_changed(neighbourhood, user=user, before=before, m2m={"lsoas": lsoas})
    _neighbourhood_figures(neighbourhood, user=user)
    return neighbourhood
