from django.contrib import admin

from . import audit
from .models import ActivityLog


class AuditedAdmin(admin.ModelAdmin):
    """Admin changes are recorded in the activity log like any other change.
    Reference lists are retired with their 'active' box, so delete is not offered."""

    def save_model(self, request, obj, form, change):
        if change:
            before = audit.snapshot(type(obj).objects.get(pk=obj.pk))
            audit.save_changed(obj, user=request.user, before=before)
        else:
            audit.save_created(obj, user=request.user)

    def save_related(self, request, form, formsets, change):
        before = audit.snapshot(form.instance)
        super().save_related(request, form, formsets, change)
        changes = audit.diff(before, audit.snapshot(form.instance), form.instance)
        if changes:
            audit._log(form.instance, ActivityLog.Action.UPDATE, request.user, changes)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ActivityLog)
class ActivityLogAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "object_repr", "content_type", "user")
    list_filter = ("action", "content_type")
    search_fields = ("object_repr",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
