"""Reading organisations, partnerships, their memberships and work streams."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from .models import Membership, Organisation, Partnership, WorkStream


def partnership_search(
    *, partnership_type: str = "", area=None, q: str = ""
) -> QuerySet[Partnership]:
    """Partnerships with their member counts, filtered; by name. ``q`` matches the name or
    short name (every word must match)."""
    qs = Partnership.objects.select_related("area", "parent").annotate(
        member_count=Count("memberships", distinct=True)
    )
    if partnership_type:
        qs = qs.filter(partnership_type=partnership_type)
    if area is not None:
        qs = qs.filter(area=area)
    for word in q.split():
        qs = qs.filter(Q(name__icontains=word) | Q(short_name__icontains=word))
    return qs.order_by("name", "id")


def partnership_get(*, slug: str) -> Partnership | None:
    return Partnership.objects.select_related("area", "parent").filter(slug=slug).first()


@dataclass(frozen=True)
class Tier:
    """One tier of a partnership's members: the Board, Board advisors or Supporters."""

    label: str
    memberships: list[Membership]


def partnership_tiers(*, partnership: Partnership) -> list[Tier]:
    """The partnership's members grouped by tier (``Membership.TIERS``), chair first within the
    Board, then by organisation name. Tiers with no members are left out."""
    memberships = list(
        partnership.memberships.select_related("organisation").order_by("organisation__name", "id")
    )
    tiers = []
    for label, roles in Membership.TIERS:
        in_tier = [m for m in memberships if m.role in roles]
        in_tier.sort(key=lambda m: list(roles).index(m.role))
        if in_tier:
            tiers.append(Tier(label, in_tier))
    return tiers


def partnership_children(*, partnership: Partnership) -> QuerySet[Partnership]:
    return partnership.children.order_by("name", "id")


def partnership_work_streams(*, partnership: Partnership) -> QuerySet[WorkStream]:
    return partnership.work_streams.active().order_by("framework", "name", "id")


def partnership_updates(*, partnership: Partnership, limit: int = 10):
    """The latest approved delivery updates that involve the partnership, newest first."""
    return (
        partnership.delivery_updates.filter(state="approved")
        .select_related("priority__objective__theme")
        .order_by("-date", "-id")[:limit]
    )


def organisation_search(
    *, organisation_type: str = "", q: str = "", status: str = ""
) -> QuerySet[Organisation]:
    """Organisations, filtered; by name. ``status`` is "" for those in use, "retired" or
    "all"."""
    qs = Organisation.objects.select_related("area").annotate(
        membership_count=Count("memberships", distinct=True)
    )
    if status == "retired":
        qs = qs.filter(active=False)
    elif status != "all":
        qs = qs.filter(active=True)
    if organisation_type:
        qs = qs.filter(organisation_type=organisation_type)
    for word in q.split():
        qs = qs.filter(Q(name__icontains=word) | Q(short_name__icontains=word))
    return qs.order_by("name", "id")


def organisation_memberships(*, organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("partnership").order_by(
        "partnership__name", "id"
    )


def organisation_actions(*, organisation: Organisation):
    """Actions and next steps the organisation owns, soonest due first."""
    return organisation.actions.select_related("priority__objective__theme").order_by(
        "status", "due_date", "id"
    )


def work_stream_search(*, framework: str = "", tier: str = "") -> QuerySet[WorkStream]:
    """Work streams in use, by framework and name."""
    qs = WorkStream.objects.active().select_related("partnership")
    if framework:
        qs = qs.filter(framework=framework)
    if tier:
        qs = qs.filter(tier=tier)
    return qs.order_by("framework", "name", "id")


def work_streams_by_framework(work_streams) -> list[tuple[str, list[WorkStream]]]:
    """[(framework label, [work streams])] in the order of ``WorkStream.Framework``, leaving
    out frameworks with none."""
    groups: dict[str, list[WorkStream]] = {}
    for stream in work_streams:
        groups.setdefault(stream.framework, []).append(stream)
    return [
        (label, groups[value]) for value, label in WorkStream.Framework.choices if value in groups
    ]
