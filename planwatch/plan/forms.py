from django import forms
from django.utils import timezone

from planwatch.core.forms import GovukForm, GovukModelForm
from planwatch.partners.models import Organisation, Partnership, WorkStream
from planwatch.places.models import Area

from .models import Action, DeliveryStatus, DeliveryUpdate, Priority


class PriorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.objective.theme.name}: {obj.title}"


class DeliveryUpdateForm(GovukModelForm):
    priority = PriorityChoiceField(
        queryset=Priority.objects.select_related("objective__theme").order_by(
            "objective__theme__number", "objective__number", "number"
        ),
        label="Priority for action",
        empty_label="Choose a priority for action",
        error_messages={"required": "Choose the priority for action this update is about"},
    )

    class Meta:
        model = DeliveryUpdate
        fields = [
            "priority",
            "date",
            "title",
            "narrative",
            "status",
            "disruption_reason",
            "areas",
            "organisations",
            "partnerships",
            "work_streams",
            "source",
        ]
        labels = {
            "date": "Date of the update",
            "title": "Summary",
            "narrative": "What happened",
            "status": "Delivery status",
            "areas": "Areas involved",
            "organisations": "Organisations involved",
            "partnerships": "Partnerships involved",
            "work_streams": "Work streams involved",
        }
        widgets = {
            "status": forms.RadioSelect,
            "areas": forms.CheckboxSelectMultiple,
            "organisations": forms.CheckboxSelectMultiple,
            "partnerships": forms.CheckboxSelectMultiple,
            "work_streams": forms.CheckboxSelectMultiple,
            "narrative": forms.Textarea(attrs={"rows": 10}),
        }
        error_messages = {
            "date": {"required": "Enter the date of the update"},
            "title": {"required": "Enter a short summary of the update"},
            "narrative": {"required": "Describe what happened"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = DeliveryStatus.choices
        self.fields["areas"].queryset = Area.objects.active().exclude(area_type="lsoa")
        self.fields["organisations"].queryset = Organisation.objects.active()
        self.fields["partnerships"].queryset = Partnership.objects.all()
        self.fields["work_streams"].queryset = WorkStream.objects.active()

    # The reason required for a major disruption is checked by DeliveryUpdate.clean(), which the
    # form runs when it validates the instance: one rule, one message.


class ActionForm(GovukModelForm):
    class Meta:
        model = Action
        fields = ["description", "owner", "due_date", "status", "completed_on"]
        labels = {
            "description": "Action or next step",
            "owner": "Owner",
            "due_date": "Due date",
            "completed_on": "Date completed",
        }
        help_texts = {"completed_on": "Only when the status is Done. Today if left blank."}
        widgets = {"status": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "description": {"required": "Describe the action"},
            "owner": {"required": "Choose the organisation that owns the action"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Organisation.objects.active()
        self.fields["owner"].empty_label = "Choose an organisation"
        self.fields["status"].choices = Action.Status.choices

    def _post_clean(self):
        # A done action without a completion date was completed today.
        if self.cleaned_data.get("status") == Action.Status.DONE and not self.cleaned_data.get(
            "completed_on"
        ):
            self.cleaned_data["completed_on"] = timezone.localdate()
        super()._post_clean()


class UpdateFilterForm(GovukForm):
    q = forms.CharField(label="Search", required=False)
    theme = forms.ChoiceField(label="Theme", required=False)
    area = forms.ModelChoiceField(
        label="Area", required=False, queryset=Area.objects.none(), empty_label="All areas"
    )
    status = forms.ChoiceField(
        label="Delivery status",
        required=False,
        choices=[("", "All statuses"), *DeliveryStatus.choices],
    )
    state = forms.ChoiceField(
        label="Approval", required=False, choices=[("", "Any"), *DeliveryUpdate.State.choices]
    )
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "All themes"), *[(t.slug, t.name) for t in themes]]
        self.fields["area"].queryset = Area.objects.active().exclude(area_type="lsoa")
        for name in ("date_from", "date_to"):
            self.fields[name] = forms.DateField(
                label=self.fields[name].label,
                required=False,
                widget=forms.DateInput(attrs={"type": "date", "class": "govuk-input"}),
            )


class ActionFilterForm(GovukForm):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Any status"), ("overdue", "Overdue"), *Action.Status.choices],
    )
    owner = forms.ModelChoiceField(
        label="Owner",
        required=False,
        queryset=Organisation.objects.none(),
        empty_label="All owners",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Organisation.objects.filter(
            actions__isnull=False
        ).distinct()
