"""Pages of partnerships, their members, organisations and work streams."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import rule_required
from planwatch.core.lists import Column, csv_response, paginate, wants_csv
from planwatch.core.selectors import history_for

from . import selectors, services
from .forms import (
    MembershipForm,
    OrganisationFilterForm,
    OrganisationForm,
    PartnershipFilterForm,
    PartnershipForm,
    WorkStreamFilterForm,
)
from .models import Membership, Organisation

PARTNERSHIP_COLUMNS = [
    Column("Partnership", lambda p: p.name),
    Column("Short name", lambda p: p.short_name),
    Column("Type", lambda p: p.get_partnership_type_display()),
    Column("Area", lambda p: p.area.name if p.area else ""),
    Column("Reports to", lambda p: p.parent.name if p.parent else ""),
    Column("Members", lambda p: p.member_count),
]

ORGANISATION_COLUMNS = [
    Column("Organisation", lambda o: o.name),
    Column("Short name", lambda o: o.short_name),
    Column("Type", lambda o: o.get_organisation_type_display()),
    Column("Area", lambda o: o.area.name if o.area else ""),
    Column("Partnerships", lambda o: o.membership_count),
    Column("Website", lambda o: o.website),
    Column("In use", lambda o: "Yes" if o.active else "No"),
]

WORK_STREAM_COLUMNS = [
    Column("Framework", lambda w: w.get_framework_display()),
    Column("Work stream", lambda w: w.name),
    Column("Prevention tier", lambda w: w.get_tier_display()),
    Column("Partnership", lambda w: w.partnership.name if w.partnership else ""),
    Column("Description", lambda w: w.description),
]


def _filters(form, names):
    """The valid filter values of a bound filter form (invalid ones are ignored)."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


def _partnership_or_404(slug):
    partnership = selectors.partnership_get(slug=slug)
    if partnership is None:
        raise Http404
    return partnership


@rule_required(permissions.can_view_partnerships)
def partnership_list(request):
    form = PartnershipFilterForm(request.GET or None)
    filters = _filters(form, ("q", "partnership_type", "area"))
    partnerships = selectors.partnership_search(**filters)
    if wants_csv(request):
        return csv_response("partnerships", PARTNERSHIP_COLUMNS, partnerships)
    return render(
        request,
        "partners/partnership_list.html",
        {
            "filter_form": form,
            "page_obj": paginate(request, partnerships),
            "filtered": any(filters.values()),
            "can_manage": permissions.can_manage_partnerships(request.user),
        },
    )


@rule_required(permissions.can_view_partnerships)
def partnership_detail(request, slug):
    partnership = _partnership_or_404(slug)
    return render(
        request,
        "partners/partnership_detail.html",
        {
            "partnership": partnership,
            "tiers": selectors.partnership_tiers(partnership=partnership),
            "children": selectors.partnership_children(partnership=partnership),
            "work_streams": selectors.partnership_work_streams(partnership=partnership),
            "updates": selectors.partnership_updates(partnership=partnership),
            "history": history_for(partnership),
            "can_manage": permissions.can_manage_partnerships(request.user, partnership),
        },
    )


@rule_required(permissions.can_manage_partnerships)
def partnership_create(request):
    form = PartnershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.partnership_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Partnership ‘{partnership.name}’ added")
            return redirect("partners:partnership_detail", slug=partnership.slug)
    return render(request, "partners/partnership_form.html", {"form": form})


@rule_required(permissions.can_manage_partnerships)
def partnership_edit(request, slug):
    partnership = _partnership_or_404(slug)
    form = PartnershipForm(request.POST or None, instance=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.partnership_update(
                user=request.user, partnership=partnership, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Partnership changed")
            return redirect("partners:partnership_detail", slug=partnership.slug)
    partnership.refresh_from_db()
    return render(
        request, "partners/partnership_form.html", {"form": form, "partnership": partnership}
    )


def _membership_or_404(slug, pk):
    return get_object_or_404(
        Membership.objects.select_related("partnership", "organisation"),
        pk=pk,
        partnership__slug=slug,
    )


@rule_required(permissions.can_manage_partnerships)
def membership_create(request, slug):
    partnership = _partnership_or_404(slug)
    form = MembershipForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_create(
                user=request.user, partnership=partnership, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{membership.organisation} added to {partnership}")
            return redirect("partners:partnership_detail", slug=partnership.slug)
    return render(
        request, "partners/membership_form.html", {"form": form, "partnership": partnership}
    )


@rule_required(permissions.can_manage_partnerships)
def membership_edit(request, slug, pk):
    membership = _membership_or_404(slug, pk)
    partnership = membership.partnership
    form = MembershipForm(request.POST or None, instance=membership, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_update(
                user=request.user, membership=membership, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Membership changed")
            return redirect("partners:partnership_detail", slug=partnership.slug)
    membership.refresh_from_db()
    return render(
        request,
        "partners/membership_form.html",
        {
            "form": form,
            "partnership": partnership,
            "membership": membership,
            "history": history_for(membership),
        },
    )


@rule_required(permissions.can_manage_partnerships)
def membership_delete(request, slug, pk):
    membership = _membership_or_404(slug, pk)
    partnership = membership.partnership
    if request.method == "POST":
        services.membership_delete(user=request.user, membership=membership)
        messages.success(request, f"{membership.organisation} removed from {partnership}")
        return redirect("partners:partnership_detail", slug=partnership.slug)
    return render(
        request,
        "partners/membership_confirm_delete.html",
        {"membership": membership, "partnership": partnership},
    )


@rule_required(permissions.can_view_partnerships)
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    filters = _filters(form, ("q", "organisation_type", "status"))
    organisations = selectors.organisation_search(**filters)
    if wants_csv(request):
        return csv_response("organisations", ORGANISATION_COLUMNS, organisations)
    return render(
        request,
        "partners/organisation_list.html",
        {
            "filter_form": form,
            "page_obj": paginate(request, organisations),
            "filtered": any(filters.values()),
            "can_manage": permissions.can_manage_partnerships(request.user),
        },
    )


@rule_required(permissions.can_view_partnerships)
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation.objects.select_related("area"), pk=pk)
    return render(
        request,
        "partners/organisation_detail.html",
        {
            "organisation": organisation,
            "memberships": selectors.organisation_memberships(organisation=organisation),
            "actions": selectors.organisation_actions(organisation=organisation),
            "history": history_for(organisation),
            "can_manage": permissions.can_manage_partnerships(request.user, organisation),
        },
    )


@rule_required(permissions.can_manage_partnerships)
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(user=request.user, **form.cleaned_data)
        messages.success(request, f"Organisation ‘{organisation.name}’ added")
        return redirect("partners:organisation_detail", pk=organisation.pk)
    return render(request, "partners/organisation_form.html", {"form": form})


@rule_required(permissions.can_manage_partnerships)
def organisation_edit(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            user=request.user, organisation=organisation, **form.cleaned_data
        )
        messages.success(request, "Organisation changed")
        return redirect("partners:organisation_detail", pk=organisation.pk)
    organisation.refresh_from_db()
    return render(
        request,
        "partners/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


@rule_required(permissions.can_view_partnerships)
def work_stream_list(request):
    form = WorkStreamFilterForm(request.GET or None)
    filters = _filters(form, ("framework", "tier"))
    work_streams = selectors.work_stream_search(**filters)
    if wants_csv(request):
        return csv_response("work-streams", WORK_STREAM_COLUMNS, work_streams)
    return render(
        request,
        "partners/work_stream_list.html",
        {
            "filter_form": form,
            "groups": selectors.work_streams_by_framework(work_streams),
            "filtered": any(filters.values()),
        },
    )
