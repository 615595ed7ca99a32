"""Indicator definitions and their links to priorities are managed here by administrators;
figures come in through imports, and flags are acknowledged on the Data quality page."""

from django import forms
from django.contrib import admin

from planwatch.core.admin import AuditedAdmin

from .breakdowns import BreakdownError, breakdown_canonical
from .imports.values import CellError, stated_change_check, stated_value_check
from .models import Indicator, Observation


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ("name", "code", "unit", "polarity", "active")
    list_filter = ("unit", "polarity", "active")
    search_fields = ("name", "code")
    filter_horizontal = ("priorities",)


class ObservationAdminForm(forms.ModelForm):
    """The checks a figures file gets on the fields the checks read: a breakdown stored as the
    import stores it, and printed figures that read as numbers. (The admin gives the model
    and fields.)"""

    def clean_breakdown(self):
        try:
            return breakdown_canonical(self.cleaned_data["breakdown"])
        except BreakdownError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def _printed(self, name, check):
        text = self.cleaned_data[name]
        try:
            return check(text) if text else ""
        except CellError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_stated_value(self):
        return self._printed("stated_value", stated_value_check)

    def clean_stated_change(self):
        return self._printed("stated_change", stated_change_check)


@admin.register(Observation)
class ObservationAdmin(AuditedAdmin):
    form = ObservationAdminForm
    list_display = ("indicator", "area", "period", "breakdown", "value", "stated_value")
    list_filter = ("indicator",)
    search_fields = ("indicator__code", "period", "breakdown")
    list_select_related = ("indicator", "area")
