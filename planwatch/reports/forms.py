from django import forms

from planwatch.core.forms import GovukForm

from .models import ThemeReport

MARKDOWN_HINT = "A blank line starts a new numbered paragraph; start a line with '- ' for a bullet."


class ReportFilterForm(GovukForm):
    theme = forms.ModelChoiceField(queryset=None, required=False, empty_label="All themes")
    state = forms.ChoiceField(
        choices=[("", "Draft or final"), *ThemeReport.State.choices], required=False
    )

    def __init__(self, *args, themes, show_state=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
        if not show_state:
            del self.fields["state"]


class ReportCreateForm(GovukForm):
    theme = forms.ModelChoiceField(queryset=None, empty_label="Choose a theme")
    meeting = forms.ModelChoiceField(
        queryset=None,
        empty_label="Choose a meeting",
        help_text="The Board or Panel meeting the report goes to.",
    )
    period_start = forms.DateField(
        label="First day of the period covered",
        required=False,
        help_text="For example, 1 8 2019. Leave blank for the default: the day after the "
        "previous meeting that had a report on the theme (or 12 months before the meeting).",
    )
    period_end = forms.DateField(
        label="Last day of the period covered",
        required=False,
        help_text="For example, 13 11 2019. Leave blank for the day of the meeting.",
    )

    required_messages = {
        "theme": {"required": "Choose the theme the report is on"},
        "meeting": {"required": "Choose the meeting the report goes to"},
    }

    def __init__(self, *args, themes, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
        self.fields["meeting"].queryset = meetings
        for name, messages in self.required_messages.items():
            self.fields[name].error_messages.update(messages)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The last day of the period must be after the first day")
        return cleaned


class ReportEditForm(GovukForm):
    author = forms.CharField(
        label="From",
        max_length=150,
        required=False,
        help_text="Who the report is from. Leave blank for “Chief Executive”.",
    )
    period_start = forms.DateField(label="First day of the period covered")
    period_end = forms.DateField(label="Last day of the period covered")
    include_stop_search = forms.BooleanField(
        label="Include stop and search for the period",
        required=False,
        help_text="Adds a Stop and search section for the Independent Scrutiny Group: the "
        "searches in the months of the period by officer-defined ethnicity, with the share of "
        "searches, the linked-outcome and no-further-action rates, and rates per 1,000 and "
        "disproportionality ratios against the White group where population figures have been "
        "entered. The figures are counted from the police.uk records imported into PlanWatch, "
        "as on the Stop and search page. Leave unticked for no stop-and-search section.",
    )
    purpose = forms.CharField(
        widget=forms.Textarea,
        required=False,
        help_text=f"{MARKDOWN_HINT} Leave blank for the standard wording.",
    )
    recommendations = forms.CharField(
        widget=forms.Textarea,
        required=False,
        help_text="One recommendation per paragraph, with a blank line between them. Leave "
        "blank for “The … is recommended to note the report.”",
    )
    background_note = forms.CharField(
        label="Background note",
        widget=forms.Textarea,
        required=False,
        help_text="Paragraphs added after the background PlanWatch writes from the Plan. "
        + MARKDOWN_HINT,
    )
    next_steps_note = forms.CharField(
        label="Next steps",
        widget=forms.Textarea,
        required=False,
        help_text="Introduces the next steps, before the list of open actions. " + MARKDOWN_HINT,
    )

    def __init__(self, *args, objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.objectives = list(objectives)
        names = []
        for objective in self.objectives:
            name = f"introduction_{objective.pk}"
            names.append(name)
            self.fields[name] = forms.CharField(
                label=f"Introduction to Objective: {objective.title}",
                required=False,
                widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}),
                help_text="Shown before the objective's priorities for action. " + MARKDOWN_HINT,
            )
        self.order_fields(
            [
                "author",
                "period_start",
                "period_end",
                "include_stop_search",
                "purpose",
                "recommendations",
                "background_note",
                *names,
                "next_steps_note",
            ]
        )

    @classmethod
    def initial_for(cls, report) -> dict:
        initial = {
            "author": report.author,
            "period_start": report.period_start,
            "period_end": report.period_end,
            "include_stop_search": report.include_stop_search,
            "purpose": report.purpose,
            "recommendations": report.recommendations,
            "background_note": report.background_note,
            "next_steps_note": report.next_steps_note,
        }
        for key, text in (report.introductions or {}).items():
            initial[f"introduction_{key}"] = text
        return initial

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The last day of the period must be after the first day")
        return cleaned

    def report_fields(self) -> dict:
        """The cleaned values as ``report_update`` takes them."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "author",
                "period_start",
                "period_end",
                "include_stop_search",
                "purpose",
                "recommendations",
                "background_note",
                "next_steps_note",
            )
        }
        fields["introductions"] = {
            str(o.pk): data.get(f"introduction_{o.pk}", "") for o in self.objectives
        }
        return fields
