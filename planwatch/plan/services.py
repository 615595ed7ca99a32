"""Writing delivery updates and actions. Every change is recorded in the activity log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from planwatch.core import audit

from .models import Action, DeliveryUpdate, Priority

UPDATE_M2M = ("areas", "organisations", "partnerships", "work_streams")


def _m2m(values: dict) -> dict:
    return {name: values[name] for name in UPDATE_M2M if name in values}


@transaction.atomic
def update_create(
    *,
    user,
    priority: Priority,
    date: dt.date,
    title: str,
    narrative: str,
    status: str,
    disruption_reason: str = "",
    state: str = DeliveryUpdate.State.DRAFT,
    source: str = "",
    areas: Iterable = (),
    organisations: Iterable = (),
    partnerships: Iterable = (),
    work_streams: Iterable = (),
) -> DeliveryUpdate:
    """Record a delivery update. A partner's update always names the partner's organisation
    and can only be saved as a draft or submitted; officers may approve on saving."""
    organisations = list(organisations)
    if getattr(user, "is_partner", False):
        if state == DeliveryUpdate.State.APPROVED:
            raise PermissionDenied("Only OPCC officers can approve updates")
        if user.organisation not in organisations:
            organisations.append(user.organisation)
    update = DeliveryUpdate(
        priority=priority,
        date=date,
        title=title,
        narrative=narrative,
        status=status,
        disruption_reason=disruption_reason if status == "major_disruption" else "",
        state=state,
        source=source,
    )
    if state == DeliveryUpdate.State.APPROVED:
        update.approved_at = timezone.now()
    return audit.save_created(
        update,
        user=user,
        m2m={
            "areas": list(areas),
            "organisations": organisations,
            "partnerships": list(partnerships),
            "work_streams": list(work_streams),
        },
    )


@transaction.atomic
def update_change(*, user, update: DeliveryUpdate, **values) -> DeliveryUpdate:
    """Change an update's fields (and its areas, organisations, partnerships, work streams)."""
    update = DeliveryUpdate.objects.select_for_update().get(pk=update.pk)
    before = audit.snapshot(update)
    m2m = _m2m(values)
    if getattr(user, "is_partner", False) and "organisations" in m2m:
        organisations = list(m2m["organisations"])
        if user.organisation not in organisations:
            organisations.append(user.organisation)
        m2m["organisations"] = organisations
    for name, value in values.items():
        if name in UPDATE_M2M:
            continue
        if not hasattr(update, name) or name in ("id", "pk", "state", "approved_at"):
            raise ValueError(f"Cannot set {name!r} on a delivery update")
        setattr(update, name, value)
    if update.status != "major_disruption":
        update.disruption_reason = ""
    return audit.save_changed(update, user=user, before=before, m2m=m2m)


@transaction.atomic
def update_submit(*, user, update: DeliveryUpdate) -> DeliveryUpdate:
    update = DeliveryUpdate.objects.select_for_update().get(pk=update.pk)
    if update.state != DeliveryUpdate.State.DRAFT:
        raise ValidationError("Only a draft update can be submitted")
    before = audit.snapshot(update)
    update.state = DeliveryUpdate.State.SUBMITTED
    return audit.save_changed(update, user=user, before=before)


@transaction.atomic
def update_approve(*, user, update: DeliveryUpdate) -> DeliveryUpdate:
    update = DeliveryUpdate.objects.select_for_update().get(pk=update.pk)
    if update.state == DeliveryUpdate.State.APPROVED:
        raise ValidationError("This update is already approved")
    before = audit.snapshot(update)
    update.state = DeliveryUpdate.State.APPROVED
    update.approved_at = timezone.now()
    return audit.save_changed(update, user=user, before=before)


@transaction.atomic
def action_create(
    *,
    user,
    priority: Priority,
    description: str,
    owner,
    due_date: dt.date | None = None,
    status: str = Action.Status.OPEN,
    completed_on: dt.date | None = None,
) -> Action:
    action = Action(
        priority=priority,
        description=description,
        owner=owner,
        due_date=due_date,
        status=status,
        completed_on=completed_on,
    )
    return audit.save_created(action, user=user)


@transaction.atomic
def action_change(*, user, action: Action, **values) -> Action:
    action = Action.objects.select_for_update().get(pk=action.pk)
    before = audit.snapshot(action)
    for name, value in values.items():
        if name not in ("priority", "description", "owner", "due_date", "status", "completed_on"):
            raise ValueError(f"Cannot set {name!r} on an action")
        setattr(action, name, value)
    if action.status == Action.Status.DONE and action.completed_on is None:
        action.completed_on = timezone.localdate()
    if action.status != Action.Status.DONE:
        action.completed_on = None
    return audit.save_changed(action, user=user, before=before)
