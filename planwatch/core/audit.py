"""Recording changes to domain data (who, when, which fields, old -> new).

Services call these inside their transaction; nothing here reads the request.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import ActivityLog

# Never copied into the log: bookkeeping, and secrets.
AUDIT_EXCLUDE = {"created_at", "updated_at", "created_by", "updated_by", "password", "last_login"}


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return f"{len(value):,} bytes"
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The audited state of ``obj``: concrete fields (display values) and many-to-many labels."""
    state: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in AUDIT_EXCLUDE or field.primary_key:
            continue
        if field.is_relation:
            value = getattr(obj, field.name)
        elif field.choices:
            value = getattr(obj, f"get_{field.name}_display")()
        else:
            value = field.value_from_object(obj)
        state[field.name] = _plain(value)
    if obj.pk:
        for field in obj._meta.many_to_many:
            state[field.name] = sorted(str(o) for o in getattr(obj, field.name).all())
    return state


def _labels(obj: models.Model) -> dict[str, str]:
    return {
        f.name: str(getattr(f, "verbose_name", f.name)).capitalize()
        for f in [*obj._meta.concrete_fields, *obj._meta.many_to_many]
    }


def diff(before: dict[str, Any], after: dict[str, Any], obj: models.Model) -> dict[str, Any]:
    labels = _labels(obj)
    return {
        name: {"label": labels.get(name, name), "old": before.get(name), "new": value}
        for name, value in after.items()
        if before.get(name) != value
    }


def _stamp(obj: models.Model, user, *, created: bool) -> None:
    if user is not None and getattr(user, "pk", None):
        if created and hasattr(obj, "created_by_id"):
            obj.created_by = user
        if hasattr(obj, "updated_by_id"):
            obj.updated_by = user


def _log(obj, action, user, changes, actor_label=""):
    return ActivityLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        user=user if getattr(user, "pk", None) else None,
        actor_label=actor_label,
        changes=changes,
    )


def save_created(
    obj: models.Model,
    *,
    user,
    m2m: dict[str, Any] | None = None,
    actor_label="",
    checked: Iterable[str] = (),
):
    """Validate, save and record a new object. ``m2m`` sets many-to-many fields after saving.

    ``checked`` names fields the caller has already validated, such as foreign keys to rows it
    read in bulk: ``full_clean()`` skips them and the constraints that use them (the database
    still enforces those), which saves queries per row in bulk imports."""
    _stamp(obj, user, created=True)
    obj.full_clean(exclude=list(checked) or None)
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    changes = diff({}, snapshot(obj), obj)
    _log(obj, ActivityLog.Action.CREATE, user, changes, actor_label)
    return obj


def save_changed(
    obj: models.Model,
    *,
    user,
    before: dict[str, Any],
    m2m: dict[str, Any] | None = None,
    actor_label="",
    checked: Iterable[str] = (),
):
    """Validate, save and record changes to ``obj``; ``before`` is ``snapshot(obj)`` taken
    before the caller changed it. Nothing is logged when nothing changed. ``checked``: as for
    ``save_created``."""
    _stamp(obj, user, created=False)
    obj.full_clean(exclude=list(checked) or None)
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    changes = diff(before, snapshot(obj), obj)
    if changes:
        _log(obj, ActivityLog.Action.UPDATE, user, changes, actor_label)
    return obj


def delete_recorded(obj: models.Model, *, user, actor_label="") -> None:
    """Delete ``obj`` and record what it held."""
    labels = _labels(obj)
    changes = {
        name: {"label": labels.get(name, name), "old": value, "new": None}
        for name, value in snapshot(obj).items()
    }
    _log(obj, ActivityLog.Action.DELETE, user, changes, actor_label)
    obj.delete()
