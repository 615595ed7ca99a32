"""One GOV.UK base form: every form renders with GOV.UK Design System markup and an error
summary, through the templates in core/templates/core/forms/."""

import datetime as dt

from django import forms
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import Input


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes."""

    template_name = "core/forms/date_widget.html"

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
            forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
            forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value:
            try:
                d = dt.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
            return [d.day, d.month, d.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    widget = GovukDateWidget

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        fields = (forms.IntegerField(), forms.IntegerField(), forms.IntegerField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        self.error_messages.setdefault("invalid", "Enter a real date")

    def compress(self, data_list):
        if not data_list or all(v in (None, "") for v in data_list):
            return None
        if any(v in (None, "") for v in data_list):
            raise forms.ValidationError(
                f"{self.label or 'Date'} must include a day, month and year", code="incomplete"
            )
        day, month, year = data_list
        try:
            return dt.date(int(year), int(month), int(day))
        except (TypeError, ValueError) as exc:
            raise forms.ValidationError(
                f"{self.label or 'Date'} must be a real date", code="invalid"
            ) from exc


class GovukFormMixin:
    """Adds the GOV.UK classes to widgets and swaps date fields for the GOV.UK date input."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in list(self.fields.items()):
            if isinstance(field, forms.DateField) and not isinstance(field, GovukDateField):
                replacement = GovukDateField(
                    required=field.required,
                    label=field.label,
                    help_text=field.help_text,
                    initial=field.initial,
                )
                # Keep the form's own message ("Enter the date of the update") over the default.
                required = field.error_messages.get("required")
                if required and required != forms.Field.default_error_messages["required"]:
                    replacement.error_messages["required"] = required
                elif field.label:
                    replacement.error_messages["required"] = f"Enter the {field.label.lower()}"
                self.fields[name] = field = replacement
            widget = field.widget
            css = widget.attrs.get("class", "")
            if isinstance(widget, forms.CheckboxSelectMultiple):
                widget.govuk = "checkboxes"
            elif isinstance(widget, forms.RadioSelect):
                widget.govuk = "radios"
            elif isinstance(widget, forms.CheckboxInput):
                widget.govuk = "checkbox"
            elif isinstance(widget, forms.Textarea):
                widget.attrs["class"] = f"govuk-textarea {css}".strip()
                widget.attrs.setdefault("rows", 5)
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = f"govuk-select {css}".strip()
            elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
                widget.attrs["class"] = f"govuk-file-upload {css}".strip()
            elif isinstance(widget, GovukDateWidget):
                widget.govuk = "date"
                for sub in widget.widgets:
                    sub.attrs["class"] = f"govuk-input govuk-date-input__input {sub.attrs['class']}"
            elif isinstance(widget, Input):
                widget.attrs["class"] = f"govuk-input {css}".strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            field = self.fields.get(name)
            if field is None:
                continue
            auto_id = self[name].auto_id
            described_by = [f"{auto_id}_helptext"] if field.help_text else []
            field.widget.attrs["aria-describedby"] = " ".join([*described_by, f"{auto_id}-error"])
            widgets = getattr(field.widget, "widgets", [field.widget])
            for widget in widgets:
                css = widget.attrs.get("class", "")
                if css and "--error" not in css:
                    widget.attrs["class"] = f"{css} {css.split()[0]}--error"

    def error_summary(self):
        """[(message, anchor)] for the GOV.UK error summary, in field order."""
        items = [(str(e), "") for e in self.non_field_errors()]
        for name, field in self.fields.items():
            for error in self.errors.get(name, []):
                widget = field.widget
                anchor = f"id_{self.add_prefix(name)}"
                if getattr(widget, "govuk", "") in ("date", "checkboxes", "radios"):
                    anchor += "_0"
                items.append((str(error), anchor))
        return items


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass
