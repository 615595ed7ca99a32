from django.contrib import admin

from planwatch.core.admin import AuditedAdmin

from .models import Area


@admin.register(Area)
class AreaAdmin(AuditedAdmin):
    list_display = ("name", "gss_code", "area_type", "parent", "active")
    list_filter = ("area_type", "active")
    search_fields = ("name", "gss_code")
