"""The home page: the Plan at a glance for staff and members; a partner's own delivery."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from planwatch.accountability import selectors as meetings
from planwatch.accounts import permissions
from planwatch.plan import selectors as plan_selectors


def home(request):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if permissions.can_view_dashboard(user):
        return _plan_at_a_glance(request)
    if permissions.can_view_partner_home(user):
        return _partner_home(request)
    raise PermissionDenied


home.permission_rule = permissions.can_view_home


def _plan_at_a_glance(request):
    plan = plan_selectors.plan_current()
    themes = []
    if plan is not None:
        by_theme = {}
        for item in plan_selectors.priority_statuses(plan=plan):
            by_theme.setdefault(item.priority.objective.theme_id, []).append(item)
        themes = [(t, by_theme.get(t.pk, [])) for t in plan_selectors.theme_list(plan=plan)]
    return render(
        request,
        "dashboard/home.html",
        {
            "plan": plan,
            "themes": themes,
            "overdue_actions": plan_selectors.actions_overdue(limit=10),
            "awaiting_approval": (
                plan_selectors.updates_awaiting_approval(limit=10)
                if permissions.can_approve_delivery_update(request.user)
                else []
            ),
            "upcoming_meetings": meetings.meetings_upcoming(limit=5),
            "latest_meeting": meetings.meeting_latest(),
            "unanswered_questions": meetings.panel_questions_unanswered()[:10],
        },
    )


def _partner_home(request):
    user = request.user
    return render(
        request,
        "dashboard/partner_home.html",
        {
            "organisation": user.organisation,
            "updates": plan_selectors.update_search(user=user)[:50],
            "actions": plan_selectors.action_search(owner=user.organisation),
        },
    )
