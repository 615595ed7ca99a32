"""Stop and search for the Independent Scrutiny Group: the figures page (and its CSV), and the
population figures behind its rates per 1,000 and disproportionality ratios."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import rule_required
from planwatch.core.lists import Column, csv_response, wants_csv

from . import selectors, services_stop_search
from .caching import cached_body, changes
from .forms_stop_search import PopulationFigureForm, StopSearchFilterForm
from .models import PopulationFigure
from .stop_search import GROUP_LABELS, POPULATION_GROUPINGS, scrutiny_table

DEFAULT_MONTHS = 12
STOP_SEARCH_DEFAULT_GROUP = "officer_defined_ethnicity"
FILTER_FIELDS = ("start", "end", "by")


def _rounded(value, places):
    return None if value is None else round(value, places)


def _percent(value):
    return None if value is None else round(value * 100, 1)


def stop_search_columns(label: str) -> list[Column]:
    return [
        Column(label, lambda r: r.group),
        Column("Searches", lambda r: r.searches),
        Column("Share of all searches (%)", lambda r: _percent(r.share)),
        Column("Outcome linked to object of search", lambda r: r.linked),
        Column("Linked-outcome rate (%)", lambda r: _percent(r.linked_outcome_rate)),
        Column("No further action", lambda r: r.no_further_action),
        Column("No-further-action rate (%)", lambda r: _percent(r.nfa_rate)),
        Column("Population", lambda r: r.population),
        Column("Searches per 1,000 population", lambda r: _rounded(r.rate_per_1000, 2)),
        Column("Disproportionality ratio", lambda r: _rounded(r.ratio, 2)),
    ]


def _month_text(month) -> str:
    return f"{month:%Y-%m}"


@rule_required(permissions.can_view_stop_search)
def stop_search(request):
    """The scrutiny table; its body made once per address, data and population figures, and
    for officers who may enter figures and those who may not (``caching``)."""
    can_manage = permissions.can_manage_population_figures(request.user)

    def make():
        return _stop_search_body(request, can_manage_figures=can_manage)

    if wants_csv(request):
        body = make()
    else:
        versions = (changes(PopulationFigure.objects.all()), int(can_manage))
        body = cached_body(request, "stop-search", make, versions=versions)
    if isinstance(body, HttpResponse):
        return body
    return render(request, "opendata/stop_search.html", {"body": body})


def _body(request, context: dict) -> str:
    return mark_safe(render_to_string("opendata/stop_search_body.html", context, request))  # noqa: S308 - a rendered template


def _stop_search_body(request, *, can_manage_figures: bool):
    months = selectors.stop_search_months()
    by = request.GET.get("by") or STOP_SEARCH_DEFAULT_GROUP
    if not months:
        if wants_csv(request):
            label = GROUP_LABELS.get(by, "Group")
            return csv_response("stop-and-search", stop_search_columns(label), [])
        return _body(request, {"no_data": True})
    initial = {
        "start": _month_text(months[-DEFAULT_MONTHS:][0]),
        "end": _month_text(months[-1]),
        "by": STOP_SEARCH_DEFAULT_GROUP,
    }
    asked = any(name in request.GET for name in FILTER_FIELDS)
    form = StopSearchFilterForm(
        {**initial, **request.GET.dict()} if asked else None, initial=initial
    )
    if asked and not form.is_valid():
        # Not kept: the page around the body shows the form's errors too.
        body = _body(request, {"form": form, "months": months})
        return render(request, "opendata/stop_search.html", {"form": form, "body": body})
    if asked:
        first, last, by = (form.cleaned_data[name] for name in FILTER_FIELDS)
    else:
        first, last, by = months[-DEFAULT_MONTHS:][0], months[-1], STOP_SEARCH_DEFAULT_GROUP
    populations = {}
    if by in POPULATION_GROUPINGS:
        populations = {f.group: f.population for f in selectors.population_figures(group_by=by)}
    table = scrutiny_table(
        by=by,
        groups=selectors.stop_search_by_group(first=first, last=last, by=by),
        populations=populations,
        not_stated=selectors.NOT_STATED,
    )
    if wants_csv(request):
        name = f"stop-and-search-by-{by}-{first:%Y-%m}-to-{last:%Y-%m}"
        return csv_response(name, stop_search_columns(table.label), table.rows)
    return _body(
        request,
        {
            "form": form,
            "table": table,
            "first": first,
            "last": last,
            "months": months,
            "query": f"start={first:%Y-%m}&end={last:%Y-%m}&by={by}",
            "groups_seen": selectors.stop_search_groups_seen(by=by)
            if table.population_applies and not table.populations_entered
            else [],
            "can_manage_figures": can_manage_figures,
        },
    )


# --- Population figures -------------------------------------------------------------------


@rule_required(permissions.can_view_stop_search)
def population_figure_list(request):
    figures = list(selectors.population_figures())
    groupings = []
    for value, label in PopulationFigure.GroupBy.choices:
        entered = [f for f in figures if f.group_by == value]
        have = {f.group for f in entered}
        missing = [g for g in selectors.stop_search_groups_seen(by=value) if g not in have]
        groupings.append({"value": value, "label": label, "figures": entered, "missing": missing})
    return render(
        request,
        "opendata/stop_search_population_list.html",
        {
            "groupings": groupings,
            "any_figures": bool(figures),
            "can_manage": permissions.can_manage_population_figures(request.user),
        },
    )


def _population_form_page(request, form, figure=None):
    groups_seen = [
        (label, selectors.stop_search_groups_seen(by=value))
        for value, label in PopulationFigure.GroupBy.choices
    ]
    return render(
        request,
        "opendata/stop_search_population_form.html",
        {"form": form, "figure": figure, "groups_seen": groups_seen},
    )


def _population_figure_save(request, form, figure=None):
    """Save through the service; None (with the error on the form) when it refuses."""
    try:
        return services_stop_search.population_figure_save(
            user=request.user, figure=figure, **form.cleaned_data
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@rule_required(permissions.can_manage_population_figures)
def population_figure_create(request):
    initial = {"group_by": request.GET.get("group_by", "")}
    form = PopulationFigureForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        figure = _population_figure_save(request, form)
        if figure is not None:
            messages.success(request, f"Population figure for {figure.group} added")
            return redirect("opendata:population_figure_list")
    return _population_form_page(request, form)


@rule_required(permissions.can_manage_population_figures)
def population_figure_edit(request, pk):
    figure = get_object_or_404(PopulationFigure, pk=pk)
    form = PopulationFigureForm(request.POST or None, instance=figure)
    if request.method == "POST" and form.is_valid():
        # The form has written its values onto ``figure``; the service starts from the database.
        saved = _population_figure_save(request, form, figure=figure)
        if saved is not None:
            messages.success(request, f"Population figure for {saved.group} changed")
            return redirect("opendata:population_figure_list")
    figure.refresh_from_db()
    return _population_form_page(request, form, figure)
