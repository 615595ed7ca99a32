"""Reading the Plan and its delivery. Other apps (reports, dashboard) read through these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Prefetch, Q, QuerySet

from .models import Action, DeliveryUpdate, Objective, Plan, Priority, Theme


def plan_current() -> Plan | None:
    """The Plan in force today, or else the latest."""
    today = dt.date.today()
    return (
        Plan.objects.filter(start_date__lte=today, end_date__gte=today).first()
        or Plan.objects.order_by("-start_date").first()
    )


def theme_get(*, slug: str, plan: Plan | None = None) -> Theme | None:
    qs = Theme.objects.select_related("plan").filter(slug=slug)
    if plan is not None:
        qs = qs.filter(plan=plan)
    return qs.order_by("-plan__start_date").first()


def theme_list(*, plan: Plan) -> QuerySet[Theme]:
    return plan.themes.order_by("number")


def theme_choices() -> QuerySet[Theme]:
    """The themes of the current Plan (none when there is no Plan yet)."""
    plan = plan_current()
    return theme_list(plan=plan) if plan else Theme.objects.none()


def objectives_with_priorities(*, theme: Theme) -> QuerySet[Objective]:
    return theme.objectives.order_by("number").prefetch_related(
        Prefetch("priorities", queryset=Priority.objects.order_by("number"))
    )


def updates_visible_to(user) -> QuerySet[DeliveryUpdate]:
    """Delivery updates the user may read: all for officers; approved ones for members;
    those involving their own organisation for partners."""
    qs = DeliveryUpdate.objects.all()
    if not user.is_authenticated:
        return qs.none()
    if user.is_officer:
        return qs
    if user.is_member:
        return qs.approved()
    if user.is_partner:
        return qs.filter(Q(organisations=user.organisation_id) | Q(created_by=user)).distinct()
    return qs.none()


def updates_for_period(*, theme: Theme, start: dt.date, end: dt.date) -> QuerySet[DeliveryUpdate]:
    """Approved updates on the theme's priorities dated within [start, end], oldest first."""
    return (
        DeliveryUpdate.objects.approved()
        .between(start, end)
        .filter(priority__objective__theme=theme)
        .select_related("priority")
        .prefetch_related("areas", "organisations", "partnerships", "work_streams")
        .order_by("date", "id")
    )


def actions_open(*, theme: Theme) -> QuerySet[Action]:
    """Open actions / next steps on the theme's priorities, soonest due first."""
    return (
        Action.objects.open()
        .filter(priority__objective__theme=theme)
        .select_related("owner", "priority")
        .order_by("due_date", "id")
    )


@dataclass(frozen=True)
class PriorityStatus:
    """A priority's delivery status at a glance: its latest approved update."""

    priority: Priority
    status: str | None
    status_label: str
    last_update: dt.date | None


def priority_statuses(
    *, theme: Theme | None = None, plan: Plan | None = None
) -> list[PriorityStatus]:
    """Every priority with the status and date of its latest approved update
    ("Not started", no date, when it has none)."""
    priorities = Priority.objects.select_related("objective__theme").order_by(
        "objective__theme__number", "objective__number", "number"
    )
    if theme is not None:
        priorities = priorities.filter(objective__theme=theme)
    if plan is not None:
        priorities = priorities.filter(objective__theme__plan=plan)
    latest: dict[int, DeliveryUpdate] = {}
    updates = (
        DeliveryUpdate.objects.approved()
        .filter(priority__in=priorities)
        .order_by("priority_id", "-date", "-id")
        .only("id", "priority_id", "date", "status")
    )
    for update in updates:
        latest.setdefault(update.priority_id, update)
    result = []
    for priority in priorities:
        update = latest.get(priority.pk)
        if update is None:
            result.append(PriorityStatus(priority, None, "No updates yet", None))
        else:
            result.append(
                PriorityStatus(priority, update.status, update.get_status_display(), update.date)
            )
    return result


def updates_awaiting_approval(*, limit: int = 10) -> QuerySet[DeliveryUpdate]:
    """Submitted updates an officer has yet to approve, oldest first."""
    return (
        DeliveryUpdate.objects.filter(state=DeliveryUpdate.State.SUBMITTED)
        .select_related("priority", "created_by")
        .order_by("date", "id")[:limit]
    )


def update_search(
    *,
    user,
    q: str = "",
    theme_slug: str = "",
    area=None,
    status: str = "",
    state: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    priority: Priority | None = None,
) -> QuerySet[DeliveryUpdate]:
    """Updates the user may see, filtered; newest first. ``q`` matches words in the summary,
    the narrative or the source (every word must match)."""
    qs = updates_visible_to(user).select_related("priority__objective__theme")
    for word in q.split():
        qs = qs.filter(
            Q(title__icontains=word) | Q(narrative__icontains=word) | Q(source__icontains=word)
        )
    if theme_slug:
        qs = qs.filter(priority__objective__theme__slug=theme_slug)
    if area is not None:
        qs = qs.filter(Q(areas=area) | Q(areas__parent=area)).distinct()
    if status:
        qs = qs.filter(status=status)
    if state:
        qs = qs.filter(state=state)
    if date_from:
        qs = qs.filter(date__gte=date_from)
    if date_to:
        qs = qs.filter(date__lte=date_to)
    if priority is not None:
        qs = qs.filter(priority=priority)
    return qs.order_by("-date", "-id")


def action_search(*, status: str = "", owner=None, theme: Theme | None = None) -> QuerySet[Action]:
    qs = Action.objects.select_related("owner", "priority__objective__theme")
    if status == "overdue":
        qs = qs.overdue()
    elif status:
        qs = qs.filter(status=status)
    if owner is not None:
        qs = qs.filter(owner=owner)
    if theme is not None:
        qs = qs.filter(priority__objective__theme=theme)
    return qs.order_by(F("due_date").asc(nulls_last=True), "id")


def actions_overdue(*, limit: int | None = None) -> QuerySet[Action]:
    qs = Action.objects.overdue().select_related("owner", "priority").order_by("due_date", "id")
    return qs[:limit] if limit else qs
