"""Forms for the stop-and-search scrutiny page (months and grouping) and the population figures
behind its rates."""

from __future__ import annotations

import datetime as dt

from django import forms

from planwatch.core.forms import GovukForm, GovukModelForm

from .models import PopulationFigure
from .selectors import STOP_SEARCH_GROUPS
from .stop_search import GROUP_LABELS

MONTH_WIDGET = forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": "false"})


def _month(value: str, label: str) -> dt.date:
    try:
        return dt.datetime.strptime(value.strip(), "%Y-%m").date()
    except ValueError:
        raise forms.ValidationError(
            f"{label} must be a year and month, for example 2024-01"
        ) from None


class StopSearchFilterForm(GovukForm):
    start = forms.CharField(
        label="From",
        max_length=7,
        help_text="Year and month, for example 2024-01.",
        widget=MONTH_WIDGET,
        error_messages={"required": "Enter the first month"},
    )
    end = forms.CharField(
        label="To",
        max_length=7,
        help_text="Year and month, for example 2024-12.",
        widget=MONTH_WIDGET,
        error_messages={"required": "Enter the last month"},
    )
    by = forms.ChoiceField(
        label="Group by",
        choices=[(name, GROUP_LABELS[name]) for name in STOP_SEARCH_GROUPS],
        error_messages={"invalid_choice": "Choose what to group the searches by"},
    )

    def clean_start(self):
        return _month(self.cleaned_data["start"], "The first month")

    def clean_end(self):
        return _month(self.cleaned_data["end"], "The last month")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The last month must be the same as or after the first month")
        return data


class PopulationFigureForm(GovukModelForm):
    class Meta:
        model = PopulationFigure
        fields = ["group_by", "group", "population", "source"]
        labels = {
            "group_by": "Grouping",
            "group": "Group",
            "population": "Population",
            "source": "Source",
        }
        help_texts = {
            "group_by": "The field of the stop-and-search records the group belongs to.",
            "group": "Exactly as police.uk writes it, for example White, 18-24 or Female.",
            "population": "The number of people in the group in the force area.",
            "source": "Where the figure comes from, for example Census 2021, table TS021.",
        }
        error_messages = {
            "group_by": {"required": "Choose the grouping"},
            "group": {"required": "Enter the group, as police.uk writes it"},
            "population": {
                "required": "Enter the population",
                "invalid": "The population must be a whole number, like 12000",
                "min_value": "The population must be more than 0",
            },
            "source": {"required": "Enter where the figure comes from"},
        }
        widgets = {"population": forms.TextInput(attrs={"inputmode": "numeric"})}

    def clean_population(self):
        population = self.cleaned_data["population"]
        if population is not None and population < 1:
            raise forms.ValidationError("The population must be more than 0")
        return population

    def clean(self):
        data = super().clean()
        group_by, group = data.get("group_by"), (data.get("group") or "").strip()
        if group_by and group:
            data["group"] = group
            taken = PopulationFigure.objects.filter(group_by=group_by, group=group)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                # On "group", so the model's own (less helpful) uniqueness message is skipped.
                self.add_error(
                    "group",
                    f"There is already a population figure for {group}: change that one instead",
                )
        return data
