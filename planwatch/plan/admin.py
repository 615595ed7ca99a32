"""The Plan's structure is reference data, managed by administrators here; delivery updates
and actions are recorded through PlanWatch's own pages."""

from django.contrib import admin

from planwatch.core.admin import AuditedAdmin

from .models import Objective, Plan, Priority, Theme


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0
    fields = ("number", "name", "slug", "aim", "shared_outcome")
    can_delete = False


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ("name", "start_date", "end_date")


@admin.register(Theme)
class ThemeAdmin(AuditedAdmin):
    list_display = ("name", "plan", "number")
    list_filter = ("plan",)


@admin.register(Objective)
class ObjectiveAdmin(AuditedAdmin):
    list_display = ("title", "theme", "number")
    list_filter = ("theme",)


@admin.register(Priority)
class PriorityAdmin(AuditedAdmin):
    list_display = ("title", "objective", "number")
    list_filter = ("objective__theme",)
    search_fields = ("title",)
