import datetime as dt

from django import forms

from planwatch.core.forms import GovukForm


class EventForm(GovukForm):
    name = forms.CharField(label="Event name")
    held_on = forms.DateField(label="Date held")


def test_date_fields_use_the_govuk_date_input():
    form = EventForm({"name": "Surgery", "held_on_0": "13", "held_on_1": "11", "held_on_2": "2019"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["held_on"] == dt.date(2019, 11, 13)
    html = str(form)
    assert 'class="govuk-date-input"' in html
    assert ">Day</label>" in html and ">Year</label>" in html


def test_errors_are_listed_for_the_summary_with_anchors_and_marked_on_inputs():
    form = EventForm({"name": "", "held_on_0": "31", "held_on_1": "2", "held_on_2": "2019"})
    assert not form.is_valid()
    summary = dict((anchor, message) for message, anchor in form.error_summary())
    assert summary["id_name"] == "This field is required."
    assert "real date" in summary["id_held_on_0"]
    html = str(form)
    assert "govuk-form-group--error" in html
    assert "govuk-input--error" in html
    assert '<span class="govuk-visually-hidden">Error:</span>' in html
