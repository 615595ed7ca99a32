"""Writing accounts and roles."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from planwatch.core import audit

from .models import User
from .roles import ROLE_MODEL_PERMISSIONS, Role


@transaction.atomic
def roles_sync() -> list[str]:
    """Create or update one group per role with its model permissions, and put every user in
    the group of their role. Safe to run any number of times. Returns what changed."""
    changes = []
    for role in Role:
        group, created = Group.objects.get_or_create(name=role.label)
        if created:
            changes.append(f"Created group {group.name}")
        wanted = ROLE_MODEL_PERMISSIONS[role]
        perms = Permission.objects.all() if wanted == "__all__" else Permission.objects.none()
        group.permissions.set(perms)
        for user in User.objects.filter(role=role):
            user.groups.set([group])
            is_staff = role == Role.ADMINISTRATOR
            if user.is_staff != is_staff and not user.is_superuser:
                user.is_staff = is_staff
                user.save(update_fields=["is_staff"])
    return changes


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str,
    first_name="",
    last_name="",
    email="",
    organisation=None,
    created_by=None,
    actor_label="",
) -> User:
    """Create a user in a role (recorded in the activity log, without the password)."""
    user = User(
        username=username,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisation=organisation,
        is_staff=(role == Role.ADMINISTRATOR),
    )
    user.set_password(password)
    audit.save_created(user, user=created_by, actor_label=actor_label)
    group, _ = Group.objects.get_or_create(name=Role(role).label)
    user.groups.set([group])
    return user
