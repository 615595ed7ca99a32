"""Finding indicators: all of them, one by code, those of a priority or theme; and areas."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from planwatch.places.models import Area
from planwatch.places.selectors import force_area

from ..models import Indicator


def indicator_list(*, active_only: bool = True) -> QuerySet[Indicator]:
    qs = Indicator.objects.all()
    if active_only:
        qs = qs.active()
    return qs.order_by("name")


def indicator_get(*, code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code).first()


def indicators_for_priority(*, priority) -> QuerySet[Indicator]:
    return priority.indicators.active().order_by("name")


def indicators_for_theme(*, theme) -> QuerySet[Indicator]:
    return (
        Indicator.objects.active()
        .filter(priorities__objective__theme=theme)
        .distinct()
        .order_by("name")
    )


def area_resolve(text: str | None) -> Area | None:
    """An area from its GSS code or name; blank means the force area."""
    text = (text or "").strip()
    if not text:
        return force_area()
    return Area.objects.filter(Q(gss_code__iexact=text) | Q(name__iexact=text)).first()
