"""Reading shared records: an object's history."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import ActivityLog


def history_for(obj: models.Model):
    """Every recorded change to ``obj``, newest first."""
    return (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
            object_id=str(obj.pk),
        )
        .select_related("user")
        .order_by("-at", "-id")
    )
