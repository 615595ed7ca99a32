"""Pages of the Plan: themes, objectives, priorities, delivery updates and actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import check_rule, rule_required
from planwatch.core.lists import Column, csv_response, paginate, wants_csv
from planwatch.core.selectors import history_for

from . import selectors, services
from .forms import ActionFilterForm, ActionForm, DeliveryUpdateForm, UpdateFilterForm
from .models import Action, DeliveryUpdate, Objective, Priority

UPDATE_COLUMNS = [
    Column("Date", lambda u: u.date),
    Column("Theme", lambda u: u.priority.objective.theme.name),
    Column("Priority for action", lambda u: u.priority.title),
    Column("Summary", lambda u: u.title),
    Column("Delivery status", lambda u: u.get_status_display()),
    Column("Approval", lambda u: u.get_state_display()),
    Column("Narrative", lambda u: u.narrative),
    Column("Source", lambda u: u.source),
]

ACTION_COLUMNS = [
    Column("Action", lambda a: a.description),
    Column("Priority for action", lambda a: a.priority.title),
    Column("Owner", lambda a: a.owner.name),
    Column("Due date", lambda a: a.due_date),
    Column("Status", lambda a: a.get_status_display()),
    Column("Overdue", lambda a: "Yes" if a.is_overdue else "No"),
    Column("Completed on", lambda a: a.completed_on),
]


def _current_plan_or_404():
    plan = selectors.plan_current()
    if plan is None:
        raise Http404("There is no Plan yet")
    return plan


@rule_required(permissions.can_view_plan)
def plan_detail_current(request):
    plan = selectors.plan_current()
    if plan is None:
        return render(request, "plan/no_plan.html")
    statuses = selectors.priority_statuses(plan=plan)
    by_theme = {}
    for item in statuses:
        by_theme.setdefault(item.priority.objective.theme_id, []).append(item)
    themes = [(theme, by_theme.get(theme.pk, [])) for theme in selectors.theme_list(plan=plan)]
    return render(request, "plan/plan_detail.html", {"plan": plan, "themes": themes})


@rule_required(permissions.can_view_plan)
def theme_detail(request, slug):
    plan = _current_plan_or_404()
    theme = selectors.theme_get(slug=slug, plan=plan)
    if theme is None:
        raise Http404
    statuses = {s.priority.pk: s for s in selectors.priority_statuses(theme=theme)}
    objectives = [
        (objective, [statuses[p.pk] for p in objective.priorities.all()])
        for objective in selectors.objectives_with_priorities(theme=theme)
    ]
    return render(
        request,
        "plan/theme_detail.html",
        {
            "theme": theme,
            "objectives": objectives,
            "priority_count": len(statuses),
            "history": history_for(theme),
        },
    )


@rule_required(permissions.can_view_plan)
def objective_detail(request, pk):
    objective = get_object_or_404(Objective.objects.select_related("theme__plan"), pk=pk)
    statuses = selectors.priority_statuses(theme=objective.theme)
    return render(
        request,
        "plan/objective_detail.html",
        {
            "objective": objective,
            "statuses": [s for s in statuses if s.priority.objective_id == objective.pk],
            "history": history_for(objective),
        },
    )


@rule_required(permissions.can_view_plan)
def priority_detail(request, pk):
    priority = get_object_or_404(Priority.objects.select_related("objective__theme"), pk=pk)
    status = next(
        s
        for s in selectors.priority_statuses(theme=priority.objective.theme)
        if s.priority == priority
    )
    updates = selectors.update_search(user=request.user, priority=priority)
    return render(
        request,
        "plan/priority_detail.html",
        {
            "priority": priority,
            "status": status,
            "page_obj": paginate(request, updates, per_page=10),
            "querystring_without_page": "",
            "actions": priority.actions.select_related("owner").order_by("status", "due_date"),
            "panel_questions": priority.panel_questions.select_related("meeting").order_by(
                "-meeting__date"
            ),
            "history": history_for(priority),
            "can_add_update": permissions.can_add_delivery_update(request.user, priority),
            "can_manage_actions": permissions.can_manage_actions(request.user),
        },
    )


@rule_required(permissions.can_search_updates)
def update_list(request):
    plan = selectors.plan_current()
    themes = selectors.theme_list(plan=plan) if plan else []
    form = UpdateFilterForm(request.GET or None, themes=themes)
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "q": data["q"],
            "theme_slug": data["theme"],
            "area": data["area"],
            "status": data["status"],
            "state": data["state"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
        }
    updates = selectors.update_search(user=request.user, **filters)
    if wants_csv(request):
        return csv_response("delivery-updates", UPDATE_COLUMNS, updates)
    return render(
        request,
        "plan/update_list.html",
        {
            "filter_form": form,
            "page_obj": paginate(request, updates),
            "filtered": bool(request.GET.get("q") or any(v for v in filters.values())),
        },
    )


def _get_update_for(request, pk, rule):
    update = get_object_or_404(
        DeliveryUpdate.objects.select_related("priority__objective__theme"), pk=pk
    )
    check_rule(request, rule, update)
    return update


@rule_required(permissions.can_search_updates)
def update_detail(request, pk):
    update = _get_update_for(request, pk, permissions.can_view_delivery_update)
    return render(
        request,
        "plan/update_detail.html",
        {
            "update": update,
            "history": history_for(update),
            "can_change": permissions.can_change_delivery_update(request.user, update),
            "can_approve": permissions.can_approve_delivery_update(request.user, update)
            and update.state != DeliveryUpdate.State.APPROVED,
            "can_submit": update.state == DeliveryUpdate.State.DRAFT
            and permissions.can_change_delivery_update(request.user, update),
        },
    )


_SAVED = {
    DeliveryUpdate.State.DRAFT: "Update ‘{title}’ saved as a draft. Submit it when it is ready.",
    DeliveryUpdate.State.SUBMITTED: "Update ‘{title}’ submitted: an officer will review it.",
    DeliveryUpdate.State.APPROVED: "Update ‘{title}’ added to the record.",
}


def _state_from_button(request) -> str:
    action = request.POST.get("action", "draft")
    if action == "approve" and request.user.is_officer:
        return DeliveryUpdate.State.APPROVED
    if action == "submit":
        return DeliveryUpdate.State.SUBMITTED
    return DeliveryUpdate.State.DRAFT


@rule_required(permissions.can_add_delivery_update)
def update_create(request):
    initial = {}
    priority_pk = request.GET.get("priority")
    if priority_pk and priority_pk.isdigit():
        initial["priority"] = Priority.objects.filter(pk=priority_pk).first()
    form = DeliveryUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update = services.update_create(
                user=request.user,
                state=_state_from_button(request),
                **{name: data[name] for name in form.Meta.fields},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _SAVED[update.state].format(title=update.title))
            return redirect("plan:update_detail", pk=update.pk)
    return render(request, "plan/update_form.html", {"form": form, "creating": True})


@rule_required(permissions.can_add_delivery_update)
def update_edit(request, pk):
    update = _get_update_for(request, pk, permissions.can_change_delivery_update)
    form = DeliveryUpdateForm(request.POST or None, instance=update)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_change(
                user=request.user,
                update=update,
                **{name: data[name] for name in form.Meta.fields},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Update changed")
            return redirect("plan:update_detail", pk=update.pk)
    return render(request, "plan/update_form.html", {"form": form, "update": update})


@require_POST
@rule_required(permissions.can_add_delivery_update)
def update_submit(request, pk):
    update = _get_update_for(request, pk, permissions.can_change_delivery_update)
    try:
        services.update_submit(user=request.user, update=update)
        messages.success(request, "Update submitted for approval")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("plan:update_detail", pk=update.pk)


@require_POST
@rule_required(permissions.can_approve_delivery_update)
def update_approve(request, pk):
    update = get_object_or_404(DeliveryUpdate, pk=pk)
    try:
        services.update_approve(user=request.user, update=update)
        messages.success(request, "Update approved")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("plan:update_detail", pk=update.pk)


@rule_required(permissions.can_view_plan)
def action_list(request):
    form = ActionFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {"status": form.cleaned_data["status"], "owner": form.cleaned_data["owner"]}
    actions = selectors.action_search(**filters)
    if wants_csv(request):
        return csv_response("actions", ACTION_COLUMNS, actions)
    return render(
        request,
        "plan/action_list.html",
        {"filter_form": form, "page_obj": paginate(request, actions), "filtered": bool(filters)},
    )


@rule_required(permissions.can_manage_actions)
def action_create(request, priority_pk):
    priority = get_object_or_404(Priority, pk=priority_pk)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.action_create(user=request.user, priority=priority, **form.cleaned_data)
        messages.success(request, "Action added")
        return redirect(reverse("plan:priority_detail", args=[priority.pk]) + "#actions")
    return render(request, "plan/action_form.html", {"form": form, "priority": priority})


@rule_required(permissions.can_manage_actions)
def action_edit(request, pk):
    action = get_object_or_404(Action.objects.select_related("priority"), pk=pk)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        services.action_change(user=request.user, action=action, **form.cleaned_data)
        messages.success(request, "Action changed")
        return redirect(reverse("plan:priority_detail", args=[action.priority_id]) + "#actions")
    return render(
        request,
        "plan/action_form.html",
        {
            "form": form,
            "priority": action.priority,
            "action": action,
            "history": history_for(action),
        },
    )
