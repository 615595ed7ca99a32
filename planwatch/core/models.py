"""Shared model foundations: who created and changed a row, reference lists, the activity log."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class BaseModel(models.Model):
    """Records when, and by whom, a row was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True


class ReferenceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class ReferenceModel(BaseModel):
    """A reference list entry: disabled when no longer used, never deleted."""

    active = models.BooleanField(default=True, help_text="Untick to retire this entry.")

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        abstract = True


class ActivityLog(models.Model):
    """One create, change or delete of domain data: who, when, what."""

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        DELETE = "delete", "Deleted"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(max_length=300)
    action = models.CharField(max_length=10, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(
        max_length=150,
        blank=True,
        help_text="Who made the change when it was not a signed-in user.",
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    changes = models.JSONField(
        default=dict, blank=True, help_text='{"field": {"label": ..., "old": ..., "new": ...}}'
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_action_display()} {self.object_repr}"

    @property
    def actor(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return self.actor_label or "System"
