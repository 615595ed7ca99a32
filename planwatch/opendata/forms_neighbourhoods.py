"""Forms for neighbourhoods: defining one (LSOAs ticked or given as codes) and the before/after
comparison on its page."""

from __future__ import annotations

import datetime as dt

from django import forms

from planwatch.core.forms import GovukForm

from . import neighbourhoods
from .models import Lsoa

MAX_CODES_FILE_BYTES = 1024 * 1024
CODES_FILE_SUFFIXES = (".csv", ".txt")


class NeighbourhoodForm(GovukForm):
    name = forms.CharField(
        label="Name",
        max_length=150,
        help_text="For example, Arbury.",
        error_messages={"required": "Enter the neighbourhood's name"},
    )
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the neighbourhood is for, for example the Safer Streets bid it supports.",
    )
    lsoas = forms.ModelMultipleChoiceField(
        label="Choose LSOAs",
        queryset=Lsoa.objects.order_by("district_name", "code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick the LSOAs in the neighbourhood, grouped by district. The force's own "
        "districts are listed; enter the codes of any other LSOA below.",
    )
    codes = forms.CharField(
        label="Or enter LSOA codes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text="Codes separated by commas, spaces or new lines, for example E01017968, "
        "E01017969. They are added to any you tick.",
    )
    codes_file = forms.FileField(
        label="Or upload a file of LSOA codes",
        required=False,
        help_text="A CSV (.csv) or text (.txt) file, up to 1 MB, of codes separated by commas, "
        "spaces or new lines; a header line is ignored.",
        error_messages={"empty": "The selected file is empty"},
    )

    def __init__(self, *args, neighbourhood=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lsoas"].queryset = neighbourhoods.lsoas_to_tick(neighbourhood=neighbourhood)
        self.fields["lsoas"].label_from_instance = lambda lsoa: f"{lsoa.name} ({lsoa.code})"

    def lsoa_groups(self):
        """``[(district, [checkbox…]), …]``: the LSOA checkboxes grouped by district, with
        whether any in the district is ticked."""
        groups = neighbourhoods.lsoas_by_district(
            (choice.data["value"].instance.district_name, choice)
            for choice in self["lsoas"].subwidgets
        )
        return [
            (district, choices, any(c.data["selected"] for c in choices))
            for district, choices in groups
        ]

    def _codes(self, name: str, codes: list[str]) -> list[Lsoa]:
        lsoas, unknown = neighbourhoods.lsoas_for_codes(codes=codes)
        if unknown:
            self.add_error(
                name,
                "These codes are not LSOAs imported from police.uk: " + ", ".join(unknown),
            )
        return lsoas

    def clean_codes_file(self):
        upload = self.cleaned_data.get("codes_file")
        if not upload:
            return None
        if not (upload.name or "").lower().endswith(CODES_FILE_SUFFIXES):
            raise forms.ValidationError(
                "The selected file must be a CSV (.csv) or text (.txt) file"
            )
        if upload.size > MAX_CODES_FILE_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 1 MB")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("The selected file must be text saved as UTF-8") from None

    def clean(self):
        data = super().clean()
        chosen = list(data.get("lsoas") or [])
        chosen += self._codes("codes", neighbourhoods.lsoa_codes_split(data.get("codes", "")))
        if data.get("codes_file"):
            chosen += self._codes(
                "codes_file", neighbourhoods.lsoa_codes_from_file(data["codes_file"])
            )
        if not self.errors and not chosen:
            self.add_error("lsoas", "Choose at least one LSOA, or enter their codes")
        data["chosen"] = list(dict.fromkeys(chosen))  # each once, in order
        return data


class BeforeAfterForm(GovukForm):
    crime_type = forms.ChoiceField(label="Crime type")
    month = forms.CharField(
        label="Month the change began",
        max_length=7,
        help_text="As year and month, for example 2024-07. Months before it are “before”; it "
        "and the months after it are “after”.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={"required": "Enter the month the change began"},
    )
    window = forms.TypedChoiceField(
        label="Months before and after",
        coerce=int,
        choices=[(n, f"{n} months") for n in neighbourhoods.WINDOW_CHOICES],
        initial=neighbourhoods.DEFAULT_WINDOW,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, crime_types: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crime_type"].choices = [(t, t) for t in crime_types]
        if neighbourhoods.DEFAULT_CRIME_TYPE in crime_types:
            self.fields["crime_type"].initial = neighbourhoods.DEFAULT_CRIME_TYPE

    def clean_month(self):
        text = self.cleaned_data["month"].strip()
        try:
            return dt.datetime.strptime(text, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(
                "Enter the month as year and month, for example 2024-07"
            ) from None
