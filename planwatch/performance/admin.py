"""Indicator definitions and their links to priorities are managed here by administrators;
figures come in through imports, and flags are acknowledged on the Data quality page."""

from django.contrib import admin

from planwatch.core.admin import AuditedAdmin

from .models import Indicator, Observation


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ("name", "code", "unit", "polarity", "active")
    list_filter = ("unit", "polarity", "active")
    search_fields = ("name", "code")
    filter_horizontal = ("priorities",)


@admin.register(Observation)
class ObservationAdmin(AuditedAdmin):
    list_display = ("indicator", "area", "period", "breakdown", "value", "stated_value")
    list_filter = ("indicator",)
    search_fields = ("indicator__code", "period", "breakdown")
    list_select_related = ("indicator", "area")
