"""Population figures behind stop-and-search rates per 1,000. Entered by officers: each change is
recorded (audit)."""

from __future__ import annotations

from django.db import transaction

from planwatch.core.audit import save_changed, save_created, snapshot

from .models import PopulationFigure


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
