"""Writing partnerships, memberships and organisations. Every change is recorded in the
activity log; organisations are retired, never deleted."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from planwatch.core import audit
from planwatch.core.models import ActivityLog

from .models import Membership, Organisation, Partnership

# Addresses under /partners/ that a partnership's slug must not take.
RESERVED_SLUGS = {"new", "organisations", "work-streams"}

PARTNERSHIP_FIELDS = (
    "name",
    "short_name",
    "slug",
    "partnership_type",
    "area",
    "parent",
    "description",
    "established",
)
ORGANISATION_FIELDS = ("name", "short_name", "organisation_type", "area", "website", "active")


def _unique_slug(base: str, *, exclude_pk=None) -> str:
    base = (slugify(base) or "partnership")[:70]
    slug, n = base, 2
    taken = Partnership.objects.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _check_partnership(partnership: Partnership) -> None:
    if partnership.slug in RESERVED_SLUGS:
        raise ValidationError({"slug": f"‘{partnership.slug}’ is used by another page"})
    ancestor, seen = partnership.parent, set()
    while ancestor is not None and ancestor.pk not in seen:
        if partnership.pk and ancestor.pk == partnership.pk:
            raise ValidationError(
                {"parent": "A partnership cannot sit under itself or one of its own sub-groups"}
            )
        seen.add(ancestor.pk)
        ancestor = ancestor.parent


@transaction.atomic
def partnership_create(
    *,
    user,
    name: str,
    partnership_type: str,
    short_name: str = "",
    slug: str = "",
    area=None,
    parent: Partnership | None = None,
    description: str = "",
    established: dt.date | None = None,
) -> Partnership:
    """Record a partnership. Without a slug, one is made from the short name or the name."""
    partnership = Partnership(
        name=name,
        short_name=short_name,
        slug=slug or _unique_slug(short_name or name),
        partnership_type=partnership_type,
        area=area,
        parent=parent,
        description=description,
        established=established,
    )
    _check_partnership(partnership)
    return audit.save_created(partnership, user=user)


@transaction.atomic
def partnership_update(*, user, partnership: Partnership, **values) -> Partnership:
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    before = audit.snapshot(partnership)
    for name, value in values.items():
        if name not in PARTNERSHIP_FIELDS:
            raise ValueError(f"Cannot set {name!r} on a partnership")
        setattr(partnership, name, value)
    if not partnership.slug:
        partnership.slug = _unique_slug(
            partnership.short_name or partnership.name, exclude_pk=partnership.pk
        )
    _check_partnership(partnership)
    return audit.save_changed(partnership, user=user, before=before)


def _membership_label(membership: Membership) -> str:
    return f"{membership.organisation} ({membership.get_role_display()})"


def _record_on_partnership(membership: Membership, user, label: str, old, new) -> None:
    """Show a change of membership in the partnership's own history too."""
    audit._log(
        membership.partnership,
        ActivityLog.Action.UPDATE,
        user,
        {"members": {"label": label, "old": old, "new": new}},
    )


def _check_membership(membership: Membership) -> None:
    clash = Membership.objects.filter(
        partnership=membership.partnership_id, organisation=membership.organisation_id
    ).exclude(pk=membership.pk)
    if clash.exists():
        raise ValidationError(
            {"organisation": f"{membership.organisation} is already a member of this partnership"}
        )


@transaction.atomic
def membership_create(
    *,
    user,
    partnership: Partnership,
    organisation: Organisation,
    role: str = Membership.Role.MEMBER,
    note: str = "",
) -> Membership:
    membership = Membership(
        partnership=partnership, organisation=organisation, role=role, note=note
    )
    _check_membership(membership)
    audit.save_created(membership, user=user)
    _record_on_partnership(membership, user, "Member added", None, _membership_label(membership))
    return membership


@transaction.atomic
def membership_update(*, user, membership: Membership, **values) -> Membership:
    membership = (
        Membership.objects.select_for_update().select_related("partnership").get(pk=membership.pk)
    )
    before = audit.snapshot(membership)
    old_label = _membership_label(membership)
    for name, value in values.items():
        if name not in ("organisation", "role", "note"):
            raise ValueError(f"Cannot set {name!r} on a membership")
        setattr(membership, name, value)
    _check_membership(membership)
    audit.save_changed(membership, user=user, before=before)
    new_label = _membership_label(membership)
    if new_label != old_label:
        _record_on_partnership(membership, user, "Member changed", old_label, new_label)
    return membership


@transaction.atomic
def membership_delete(*, user, membership: Membership) -> None:
    membership = (
        Membership.objects.select_for_update()
        .select_related("partnership", "organisation")
        .get(pk=membership.pk)
    )
    label = _membership_label(membership)
    _record_on_partnership(membership, user, "Member removed", label, None)
    audit.delete_recorded(membership, user=user)


@transaction.atomic
def organisation_create(
    *,
    user,
    name: str,
    organisation_type: str = Organisation.OrganisationType.OTHER,
    short_name: str = "",
    area=None,
    website: str = "",
    active: bool = True,
) -> Organisation:
    organisation = Organisation(
        name=name,
        short_name=short_name,
        organisation_type=organisation_type,
        area=area,
        website=website,
        active=active,
    )
    return audit.save_created(organisation, user=user)


@transaction.atomic
def organisation_update(*, user, organisation: Organisation, **values) -> Organisation:
    """Change an organisation; ``active=False`` retires it (it stays on past records)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = audit.snapshot(organisation)
    for name, value in values.items():
        if name not in ORGANISATION_FIELDS:
            raise ValueError(f"Cannot set {name!r} on an organisation")
        setattr(organisation, name, value)
    return audit.save_changed(organisation, user=user, before=before)
