"""The form for uploading a file of indicator definitions or figures."""

from django import forms

from planwatch.core.forms import GovukForm

from .imports import MAX_FILE_BYTES

KIND_CHOICES = [
    ("figures", "Figures"),
    ("indicators", "Indicator definitions"),
]
SUFFIXES = (".csv", ".xlsx")


class ImportUploadForm(GovukForm):
    kind = forms.ChoiceField(
        label="What does the file hold?",
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether the file holds figures or indicator definitions"
        },
    )
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV UTF-8 (.csv) or Excel (.xlsx) file, up to 5 MB, with the template's "
        "header row.",
        error_messages={
            "required": "Choose a file to import",
            "empty": "The selected file is empty",
            "invalid": "Choose a file to import",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        if not name.lower().endswith(SUFFIXES):
            raise forms.ValidationError(
                "The selected file must be a CSV (.csv) or Excel (.xlsx) file"
            )
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 5 MB")
        return upload
