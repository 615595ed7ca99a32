"""Applying imports: all or nothing, recorded in the activity log, idempotent."""

from decimal import Decimal

import pytest

from planwatch.core.models import ActivityLog
from planwatch.performance.imports import ImportRejected
from planwatch.performance.imports.figures import COLUMNS as FIGURE_COLUMNS
from planwatch.performance.models import Indicator, Observation
from planwatch.performance.services import figures_import, indicators_import

from .factories import ObservationFactory
from .import_files import GOOD_FIGURES, figure_row, figures_csv, indicators_csv, xlsx_bytes

pytestmark = pytest.mark.django_db


def _counts():
    return (Indicator.objects.count(), Observation.objects.count(), ActivityLog.objects.count())


def test_good_file_creates_every_figure_and_logs_each(import_places, import_indicators, officer):
    logs = ActivityLog.objects.count()
    result = figures_import(file_name="figures.csv", data=GOOD_FIGURES, user=officer)
    assert (result.new, result.changed, result.unchanged) == (4, 0, 0)
    assert result.summary == "figures.csv: 4 new, 0 changed, 0 unchanged."
    assert Observation.objects.count() == 4
    assert ActivityLog.objects.count() == logs + 4
    q2 = Observation.objects.get(period="2019-Q2")
    assert q2.breakdown == "channel=999;staff_group=police_officer"
    assert q2.area.gss_code == "E07000008"
    assert q2.stated_change == "+5%"
    assert q2.created_by == officer
    survey = Observation.objects.get(indicator__code="satisfaction")
    assert survey.value == Decimal("30.412744")
    assert survey.numerator == 420 and survey.denominator == 1381
    log = ActivityLog.objects.filter(object_id=str(survey.pk)).get()
    assert log.action == ActivityLog.Action.CREATE and log.user == officer


def test_same_file_twice_changes_nothing_the_second_time(import_places, import_indicators, officer):
    figures_import(file_name="figures.csv", data=GOOD_FIGURES, user=officer)
    before = _counts()
    stamps = list(Observation.objects.order_by("pk").values_list("updated_at", flat=True))
    result = figures_import(file_name="figures.csv", data=GOOD_FIGURES, user=officer)
    assert (result.new, result.changed, result.unchanged) == (0, 0, 4)
    assert _counts() == before
    assert list(Observation.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps


def test_changed_rows_are_updated_and_logged_old_to_new(import_places, import_indicators, officer):
    contacts = import_indicators["contacts"]
    kept = ObservationFactory(indicator=contacts, area=import_places["force"], value=1381)
    changed = ObservationFactory(
        indicator=contacts, area=import_places["force"], period="2019-06", value=1399
    )
    logs = ActivityLog.objects.count()
    result = figures_import(
        file_name="figures.csv",
        data=figures_csv(
            {"indicator": "contacts", "period": "2019-05", "value": "1,381"},
            {"indicator": "contacts", "period": "2019-06", "value": "1400", "note": "Revised"},
            {"indicator": "contacts", "period": "2019-07", "value": "1500"},
        ),
        user=officer,
    )
    assert (result.new, result.changed, result.unchanged) == (1, 1, 1)
    changed.refresh_from_db()
    assert changed.value == 1400 and changed.note == "Revised"
    assert changed.updated_by == officer
    log = ActivityLog.objects.filter(action=ActivityLog.Action.UPDATE).get()
    assert log.object_id == str(changed.pk)
    assert Decimal(log.changes["value"]["old"]) == 1399
    assert Decimal(log.changes["value"]["new"]) == 1400
    assert not ActivityLog.objects.filter(object_id=str(kept.pk)).exists()
    assert ActivityLog.objects.count() == logs + 2


@pytest.mark.parametrize(
    "bad",
    [
        {"indicator": "contactz", "period": "2019-07", "value": "1"},
        {"indicator": "contacts", "area": "Atlantis", "period": "2019-07", "value": "1"},
        {"indicator": "contacts", "period": "2019-13", "value": "1"},
        {"indicator": "contacts", "period": "2019-07", "breakdown": "a=1;a=2", "value": "1"},
        {"indicator": "contacts", "period": "2019-07", "value": "151,36"},
        {"indicator": "contacts", "period": "2019-07", "numerator": "1", "denominator": "0"},
        {"indicator": "contacts", "period": "2019-07", "value": "1", "sample_size": "1.5"},
        {"indicator": "contacts", "period": "2019-07", "value": "1", "stated_change": "lots"},
        {"indicator": "contacts", "period": "2019-07", "value": "1", "change_basis": "2019"},
        {"indicator": "contacts", "period": "2019-05", "value": "2"},  # duplicate of row 2
    ],
)
def test_any_error_rejects_the_whole_file_and_changes_nothing(
    import_places, import_indicators, officer, bad
):
    ObservationFactory(indicator=import_indicators["contacts"], period="2019-06", value=1)
    before = _counts()
    data = figures_csv(
        {"indicator": "contacts", "period": "2019-05", "value": "1"},
        {"indicator": "contacts", "period": "2019-06", "value": "2"},
        bad,
    )
    with pytest.raises(ImportRejected) as caught:
        figures_import(file_name="bad.csv", data=data, user=officer)
    assert _counts() == before
    assert Observation.objects.get().value == 1
    [error] = caught.value.errors
    assert error.file_name == "bad.csv" and error.row == 4
    assert str(caught.value).startswith("bad.csv, row 4")
    assert str(caught.value).endswith("Nothing was imported.")


def test_a_rejected_file_lists_every_error(import_places, import_indicators, officer):
    data = figures_csv(
        {"indicator": "contacts", "period": "2019-13", "value": "1"},
        {"indicator": "nope", "period": "2019-05", "value": "x"},
    )
    with pytest.raises(ImportRejected) as caught:
        figures_import(file_name="bad.csv", data=data, user=officer)
    assert len(caught.value.errors) == 3
    assert "(and 2 more errors)" in str(caught.value)


def test_xlsx_file_imports(import_places, import_indicators, officer):
    data = xlsx_bytes(
        FIGURE_COLUMNS,
        [
            figure_row(indicator="contacts", period="2019-05", value=1381, stated_value="1,381"),
            figure_row(indicator="satisfaction", period="2019-Q2", numerator=42, denominator=88),
        ],
    )
    result = figures_import(file_name="figures.xlsx", data=data, user=officer)
    assert result.new == 2
    assert Observation.objects.get(period="2019-05").stated_value == "1,381"
    again = figures_import(file_name="figures.xlsx", data=data, user=officer)
    assert (again.new, again.changed, again.unchanged) == (0, 0, 2)


# --- Indicators -------------------------------------------------------------------------------

INDICATORS = indicators_csv(
    {
        "code": "contacts",
        "name": "Contacts with the police",
        "unit": "count",
        "polarity": "neither",
        "decimals": "0",
        "aggregation": "sum",
        "source": "Control room",
        "definition": "Calls, web-chat and online reports.",
    },
    {"code": "crimes", "name": "Recorded crimes", "unit": "count", "polarity": "lower"},
)


def test_indicators_are_created_then_updated_then_left_alone(import_indicators, officer):
    logs = ActivityLog.objects.count()
    result = indicators_import(file_name="indicators.csv", data=INDICATORS, user=officer)
    assert (result.new, result.changed, result.unchanged) == (1, 1, 0)
    contacts = Indicator.objects.get(code="contacts")
    assert contacts.name == "Contacts with the police"
    assert contacts.definition == "Calls, web-chat and online reports."
    crimes = Indicator.objects.get(code="crimes")
    assert crimes.polarity == "lower" and crimes.aggregation == "sum" and crimes.decimals == 0
    assert ActivityLog.objects.count() == logs + 2
    before = _counts()
    result = indicators_import(file_name="indicators.csv", data=INDICATORS, user=officer)
    assert (result.new, result.changed, result.unchanged) == (0, 0, 2)
    assert _counts() == before


def test_bad_indicator_file_changes_nothing(import_indicators, officer):
    data = indicators_csv(
        {"code": "crimes", "name": "Recorded crimes", "unit": "count", "polarity": "lower"},
        {"code": "contacts", "name": "", "unit": "count", "polarity": "sideways"},
    )
    before = _counts()
    with pytest.raises(ImportRejected) as caught:
        indicators_import(file_name="indicators.csv", data=data, user=officer)
    assert [(e.row, e.column) for e in caught.value.errors] == [(3, "name"), (3, "polarity")]
    assert _counts() == before
    assert Indicator.objects.get(code="contacts").name == "Contacts"


def test_validation_errors_when_saving_roll_back_the_rows_already_written(
    import_places, import_indicators, officer, monkeypatch
):
    from django.core.exceptions import ValidationError

    original = Observation.full_clean
    calls = []

    def failing_on_the_second(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise ValidationError({"value": ["Ensure this value is sensible."]})
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Observation, "full_clean", failing_on_the_second)
    before = _counts()
    with pytest.raises(ImportRejected) as caught:
        figures_import(file_name="figures.csv", data=GOOD_FIGURES, user=officer)
    assert str(caught.value.errors[0]).startswith("figures.csv, row 3, column value: Ensure")
    assert _counts() == before


def test_importing_locks_only_the_observations_it_reads(import_places, import_indicators, officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    contacts = import_indicators["contacts"]
    ObservationFactory(indicator=contacts, area=import_places["force"], value=Decimal(1))
    data = figures_csv({"indicator": "contacts", "period": "2019-05", "value": "2"})
    with CaptureQueriesContext(connection) as queries:
        result = figures_import(file_name="figures.csv", data=data, user=officer)
    assert result.changed == 1
    [read] = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT") and 'FROM "performance_observation"' in q["sql"]
    ]
    # No ordering, so no join to the indicator and area (which PostgreSQL would lock too: it
    # locks "FOR UPDATE OF" the observations only). SQLite takes no row locks: the lock and its
    # OF are left out of its SQL.
    assert "JOIN" not in read and "ORDER BY" not in read
    if connection.features.has_select_for_update_of:
        assert 'FOR UPDATE OF "performance_observation"' in read
    else:
        assert "FOR UPDATE" not in read


def test_the_admin_checks_a_figure_as_the_import_does(import_places, import_indicators):
    from django.forms import modelform_factory

    from planwatch.performance.admin import ObservationAdminForm

    form_class = modelform_factory(
        Observation,
        form=ObservationAdminForm,
        fields=["breakdown", "stated_value", "stated_change"],
    )
    form = form_class(
        data={"breakdown": " Channel = 999 ", "stated_value": "30.0%", "stated_change": "\u20135"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["breakdown"] == "channel=999"
    form = form_class(data={"breakdown": "channel", "stated_value": "n/a", "stated_change": "up"})
    assert not form.is_valid()
    assert set(form.errors) == {"breakdown", "stated_value", "stated_change"}
