"""Neighbourhood pages: the list, defining and changing one, and its page with the before/after
comparison against the rest of its district(s)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import rule_required
from planwatch.core.selectors import history_for

from . import neighbourhoods, services_neighbourhoods
from .caching import cached_body
from .forms_neighbourhoods import BeforeAfterForm, NeighbourhoodForm
from .models import Lsoa
from .selectors import QueryError, crime_types


def _neighbourhood_or_404(slug):
    neighbourhood = neighbourhoods.neighbourhood_get(slug=slug)
    if neighbourhood is None:
        raise Http404
    return neighbourhood


@rule_required(permissions.can_view_neighbourhoods)
def neighbourhood_list(request):
    return render(
        request,
        "opendata/neighbourhood_list.html",
        {
            "neighbourhoods": neighbourhoods.neighbourhood_list(),
            "can_manage": permissions.can_manage_neighbourhoods(request.user),
        },
    )


def _form_page(request, form, neighbourhood=None):
    return render(
        request,
        "opendata/neighbourhood_form.html",
        {"form": form, "neighbourhood": neighbourhood, "has_lsoas": Lsoa.objects.exists()},
    )


def _save(request, form, save, **kwargs):
    data = form.cleaned_data
    try:
        return save(
            user=request.user,
            name=data["name"],
            description=data["description"],
            lsoas=data["chosen"],
            **kwargs,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


@rule_required(permissions.can_manage_neighbourhoods)
def neighbourhood_create(request):
    form = NeighbourhoodForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        neighbourhood = _save(request, form, services_neighbourhoods.neighbourhood_create)
        if neighbourhood is not None:
            messages.success(request, f"Neighbourhood ‘{neighbourhood.name}’ added")
            return redirect("opendata:neighbourhood_detail", slug=neighbourhood.slug)
    return _form_page(request, form)


@rule_required(permissions.can_manage_neighbourhoods)
def neighbourhood_edit(request, slug):
    neighbourhood = _neighbourhood_or_404(slug)
    initial = {
        "name": neighbourhood.name,
        "description": neighbourhood.description,
        "lsoas": list(neighbourhood.lsoas.all()),
    }
    form = NeighbourhoodForm(
        request.POST or None, request.FILES or None, initial=initial, neighbourhood=neighbourhood
    )
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request, form, services_neighbourhoods.neighbourhood_update, neighbourhood=neighbourhood
        )
        if saved is not None:
            messages.success(request, "Neighbourhood changed")
            return redirect("opendata:neighbourhood_detail", slug=saved.slug)
    return _form_page(request, form, neighbourhood)


@rule_required(permissions.can_view_neighbourhoods)
def neighbourhood_detail(request, slug):
    """The neighbourhood; its body made once per address, data and change to the neighbourhood,
    for those who may change it and those who may not (``caching``)."""
    neighbourhood = _neighbourhood_or_404(slug)
    can_manage = permissions.can_manage_neighbourhoods(request.user, neighbourhood)
    versions = (f"{neighbourhood.pk}-{neighbourhood.updated_at.timestamp():.6f}", int(can_manage))
    body = cached_body(
        request,
        "neighbourhood",
        lambda: _neighbourhood_body(request, neighbourhood, can_manage=can_manage),
        versions=versions,
    )
    if isinstance(body, HttpResponse):
        return body
    return render(
        request,
        "opendata/neighbourhood_detail.html",
        {"neighbourhood": neighbourhood, "body": body},
    )


def _neighbourhood_body(request, neighbourhood, *, can_manage: bool):
    types = crime_types()
    asked = "month" in request.GET
    form = BeforeAfterForm(request.GET if asked else None, crime_types=types)
    comparison = None
    if asked and form.is_valid():
        try:
            comparison = neighbourhoods.before_after(
                neighbourhood=neighbourhood,
                crime_type=form.cleaned_data["crime_type"],
                month=form.cleaned_data["month"],
                window=form.cleaned_data["window"],
            )
        except QueryError as error:
            form.add_error(None, str(error))
    lsoas = list(neighbourhoods.neighbourhood_lsoas(neighbourhood=neighbourhood))
    force_name, outside = neighbourhoods.lsoas_outside_force(lsoas)
    context = {
        "force_name": force_name,
        "outside_lsoas": outside,
        "neighbourhood": neighbourhood,
        "lsoa_groups": neighbourhoods.lsoas_by_district(lsoas),
        "lsoa_count": len(lsoas),
        "districts": neighbourhoods.neighbourhood_districts(neighbourhood=neighbourhood),
        "form": form,
        "has_crime_types": bool(types),
        "street_months": neighbourhoods.street_months(),
        "comparison": comparison,
        "history": history_for(neighbourhood),
        "can_manage": can_manage,
    }
    body = mark_safe(  # noqa: S308 - a rendered template
        render_to_string("opendata/neighbourhood_detail_body.html", context, request)
    )
    if form.errors:
        # Not kept: the page around the body shows the form's errors too.
        return render(
            request,
            "opendata/neighbourhood_detail.html",
            {"neighbourhood": neighbourhood, "body": body, "form": form},
        )
    return body
