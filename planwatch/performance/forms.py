"""Forms of the performance pages: filters, the choice of figures to show, acknowledging a flag."""

from django import forms

from planwatch.core.forms import GovukForm

from .breakdowns import describe_breakdown


class IndicatorFilterForm(GovukForm):
    theme = forms.ChoiceField(label="Theme", required=False)
    priority = forms.ChoiceField(label="Priority for action", required=False)

    def __init__(self, *args, themes=(), priorities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "All themes"), *[(t.slug, t.name) for t in themes]]
        self.fields["priority"].choices = [
            ("", "All priorities"),
            *[(str(p.pk), p.title) for p in priorities],
        ]


def breakdown_label(breakdown: str) -> str:
    if not breakdown:
        return "All (no breakdown)"
    words = describe_breakdown(breakdown)
    return words[:1].upper() + words[1:]


class FigureChoiceForm(GovukForm):
    """Which figures of an indicator to show: an area and a breakdown."""

    area = forms.ChoiceField(label="Area")
    breakdown = forms.ChoiceField(label="Breakdown", required=False)

    def __init__(self, *args, areas=(), breakdowns=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [(a.gss_code, a.name) for a in areas]
        self.fields["breakdown"].choices = [(b, breakdown_label(b)) for b in breakdowns]


class FlagAcknowledgeForm(GovukForm):
    reason = forms.CharField(
        label="Why is the printed figure acceptable?",
        help_text=(
            "For example, the source document used figures that were later revised. "
            "This is recorded with your name."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter why the printed figure is acceptable"},
    )
