from django import forms
from django.db.models import Q

from planwatch.core.forms import GovukForm, GovukModelForm
from planwatch.plan.models import Plan, Priority, Theme

from .models import AgendaItem, Body, Meeting, PanelQuestion, Recommendation


class ThemeChoiceField(forms.ModelChoiceField):
    """Themes, named with their Plan when there is more than one Plan."""

    _many_plans = None

    def label_from_instance(self, obj):
        if self._many_plans is None:
            self._many_plans = Plan.objects.count() > 1
        return f"{obj.name} ({obj.plan.name})" if self._many_plans else obj.name


def _themes():
    return Theme.objects.select_related("plan").order_by("-plan__start_date", "number")


class GroupedPriorityField(forms.ModelChoiceField):
    """Priorities for action grouped by theme, so the choice works without JavaScript."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_grouped_choices()

    def _set_grouped_choices(self):
        groups: dict[Theme, list] = {}
        for priority in self.queryset:
            groups.setdefault(priority.objective.theme, []).append((priority.pk, priority.title))
        choices = [("", self.empty_label or "")]
        choices += [(f"{theme.name} theme", items) for theme, items in groups.items()]
        self.widget.choices = choices


class MeetingForm(GovukModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "location", "period_start", "period_end", "minutes_url"]
        labels = {
            "body": "Meeting of",
            "date": "Date of the meeting",
            "location": "Where it is held",
            "period_start": "Reports cover the period from",
            "period_end": "Reports cover the period to",
            "minutes_url": "Link to the published papers or minutes",
        }
        help_texts = {
            "date": "For example, 27 11 2019. There is one meeting of each body a month.",
            "period_start": "Leave both dates blank for the default: the months since the "
            "previous report on each theme.",
            "period_end": "The last day the reports cover.",
        }
        widgets = {"body": forms.RadioSelect}
        error_messages = {
            "body": {"required": "Choose which body is meeting"},
            "minutes_url": {"invalid": "Enter the link in full, like https://example.org/papers"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = Body.choices
        self.fields["date"].error_messages["required"] = "Enter the date of the meeting"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if "period_start" in cleaned and "period_end" in cleaned:
            if start and not end:
                self.add_error("period_end", "Enter the end of the period, or leave both blank")
            elif end and not start:
                self.add_error("period_start", "Enter the start of the period, or leave both blank")
            elif start and end and end < start:
                self.add_error("period_end", "The period must end after it starts")
        return cleaned


class AgendaItemForm(GovukModelForm):
    theme = ThemeChoiceField(
        queryset=Theme.objects.none(),
        required=False,
        label="Plan theme it reports on",
        empty_label="None",
    )

    class Meta:
        model = AgendaItem
        fields = ["number", "title", "theme", "presenter"]
        labels = {"number": "Item number", "title": "Title", "presenter": "Presented by"}
        widgets = {"number": forms.TextInput(attrs={"class": "govuk-input--width-5"})}
        error_messages = {
            "number": {"required": "Enter the item number as on the agenda"},
            "title": {"required": "Enter the title of the item"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = _themes()


class RecommendationForm(GovukModelForm):
    class Meta:
        model = Recommendation
        fields = ["agenda_item", "number", "text", "status"]
        labels = {
            "agenda_item": "Agenda item",
            "number": "Number",
            "text": "Recommendation",
            "status": "Status",
        }
        help_texts = {"number": "As in the report, for example 2.1."}
        widgets = {
            "status": forms.RadioSelect,
            "number": forms.TextInput(attrs={"class": "govuk-input--width-5"}),
            "text": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "agenda_item": {"required": "Choose the agenda item the recommendation belongs to"},
            "text": {"required": "Enter the recommendation"},
        }

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("number", "id")
        self.fields["agenda_item"].empty_label = "Choose an agenda item"
        self.fields["status"].choices = Recommendation.Status.choices


class PanelQuestionForm(GovukModelForm):
    theme = ThemeChoiceField(
        queryset=Theme.objects.none(), required=False, label="Theme", empty_label="None"
    )
    priority = GroupedPriorityField(
        queryset=Priority.objects.none(),
        required=False,
        label="Priority for action",
        empty_label="None",
        help_text="If the question is about one priority for action. It must be one of the "
        "theme's priorities.",
    )

    class Meta:
        model = PanelQuestion
        fields = ["question", "asked_by", "theme", "priority", "response", "responded_on", "status"]
        labels = {
            "question": "Question",
            "asked_by": "Asked by",
            "response": "Response",
            "responded_on": "Date of the response",
            "status": "Status",
        }
        help_texts = {
            "response": "The Commissioner's response. Markdown: blank line between "
            "paragraphs, '- ' for bullet points.",
        }
        widgets = {
            "status": forms.RadioSelect,
            "question": forms.Textarea(attrs={"rows": 4}),
            "response": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {"question": {"required": "Enter the question"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = _themes()
        priority = self.fields["priority"]
        priority.queryset = Priority.objects.select_related("objective__theme").order_by(
            "-objective__theme__plan__start_date",
            "objective__theme__number",
            "objective__number",
            "number",
        )
        priority._set_grouped_choices()
        self.fields["status"].choices = PanelQuestion.Status.choices

    def clean(self):
        cleaned = super().clean()
        theme, priority = cleaned.get("theme"), cleaned.get("priority")
        if theme is not None and priority is not None and priority.objective.theme_id != theme.pk:
            self.add_error(
                "priority",
                f"Choose a priority for action of the {theme.name} theme, or leave it blank",
            )
        if (
            cleaned.get("status") == PanelQuestion.Status.ANSWERED
            and not (cleaned.get("response") or "").strip()
        ):
            self.add_error("response", "Enter the response before marking it answered")
        return cleaned

    def _post_clean(self):
        # The checks above give the messages; the model's own check of the same rules would
        # repeat them.
        if self.has_error("priority") or self.has_error("response"):
            return
        super()._post_clean()


class MeetingFilterForm(GovukForm):
    body = forms.ChoiceField(
        label="Meeting of", required=False, choices=[("", "All bodies"), *Body.choices]
    )
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "All years"), *[(y, str(y)) for y in years]]


class PanelQuestionFilterForm(GovukForm):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "All"), *PanelQuestion.Status.choices],
    )
    meeting = forms.ModelChoiceField(
        label="Meeting", required=False, queryset=Meeting.objects.none(), empty_label="All"
    )
    theme = ThemeChoiceField(
        label="Theme", required=False, queryset=Theme.objects.none(), empty_label="All"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(panel_questions__isnull=False).distinct().order_by("-date")
        )
        self.fields["theme"].queryset = (
            _themes()
            .filter(
                Q(panel_questions__isnull=False)
                | Q(objectives__priorities__panel_questions__isnull=False)
            )
            .distinct()
        )
