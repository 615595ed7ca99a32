"""The Import figures pages: upload → check → apply, for officers only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from planwatch.core.models import ActivityLog
from planwatch.performance.imports import MAX_FILE_BYTES
from planwatch.performance.models import Indicator, Observation

from .factories import ObservationFactory
from .import_files import GOOD_FIGURES, figures_csv, indicators_csv

pytestmark = pytest.mark.django_db

UPLOAD = reverse("performance:import_upload")
PREVIEW = reverse("performance:import_preview")
APPLY = reverse("performance:import_apply")


def _upload(client, data, *, name="figures.csv", kind="figures", follow=True):
    return client.post(
        UPLOAD, {"kind": kind, "file": SimpleUploadedFile(name, data)}, follow=follow
    )


def _digest(response):
    body = response.content.decode()
    start = body.index('name="digest" value="') + len('name="digest" value="')
    return body[start : start + 64]


def test_officer_uploads_checks_and_applies_figures(
    officer_client, import_places, import_indicators
):
    ObservationFactory(
        indicator=import_indicators["contacts"], area=import_places["force"], value=1000
    )
    page = officer_client.get(UPLOAD)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()

    response = _upload(officer_client, GOOD_FIGURES)
    assert response.redirect_chain == [(PREVIEW, 302)]
    body = response.content.decode()
    assert "Check the import of figures.csv" in body
    assert '<dd class="govuk-summary-list__value" id="count-new">3</dd>' in body
    assert '<dd class="govuk-summary-list__value" id="count-changed">1</dd>' in body
    assert "Value: 1000 → 1381" in body
    assert "Apply these changes" in body
    assert Observation.objects.count() == 1  # nothing written yet

    applied = officer_client.post(APPLY, {"digest": _digest(response)}, follow=True)
    assert applied.redirect_chain == [(UPLOAD, 302)]
    assert "Imported figures.csv: 3 new, 1 changed, 0 unchanged." in applied.content.decode()
    assert Observation.objects.count() == 4
    assert Observation.objects.get(period="2019-05").value == 1381
    assert ActivityLog.objects.filter(user__username="officer").count() == 4

    # The file is forgotten once applied.
    assert officer_client.get(PREVIEW).status_code == 302


def test_administrator_imports_indicator_definitions(admin_client_):
    data = indicators_csv(
        {"code": "crimes", "name": "Recorded crimes", "unit": "count", "polarity": "lower"}
    )
    response = _upload(admin_client_, data, name="ind.csv", kind="indicators")
    assert "Indicator definitions" in response.content.decode()
    admin_client_.post(APPLY, {"digest": _digest(response)})
    assert Indicator.objects.get().name == "Recorded crimes"


def test_a_file_with_errors_shows_them_in_an_error_summary_and_cannot_be_applied(
    officer_client, import_places, import_indicators
):
    data = figures_csv(
        {"indicator": "contacts", "period": "2019-05", "value": "1"},
        {"indicator": "contacts", "period": "2019-13", "value": "1"},
        {"indicator": "contacts", "period": "2019-06", "value": "151,36"},
    )
    response = _upload(officer_client, data)
    body = response.content.decode()
    assert "<title>Error: Check the import of figures.csv - PlanWatch</title>" in body
    assert 'class="govuk-error-summary"' in body
    assert "There is a problem with figures.csv" in body
    assert '<a href="#error-1">figures.csv, row 3, column period: &quot;2019-13&quot;' in body
    assert "figures.csv, row 4, column value: &#x27;151,36&#x27; is not a number" in body
    assert "Apply these changes" not in body
    assert "Upload a corrected file" in body
    # Posting the digest anyway writes nothing.
    session = officer_client.session["performance_import"]
    officer_client.post(APPLY, {"digest": session["digest"]})
    assert Observation.objects.count() == 0


def test_nothing_to_change(officer_client, import_places, import_indicators, officer):
    from planwatch.performance.services import figures_import

    figures_import(file_name="figures.csv", data=GOOD_FIGURES, user=officer)
    body = _upload(officer_client, GOOD_FIGURES).content.decode()
    assert "Nothing to change" in body
    assert "Apply these changes" not in body


def test_apply_with_a_stale_digest_or_no_file_applies_nothing(
    officer_client, import_places, import_indicators
):
    response = officer_client.post(APPLY, {"digest": "x" * 64}, follow=True)
    assert "upload it again" in response.content.decode()
    _upload(officer_client, GOOD_FIGURES)
    officer_client.post(APPLY, {"digest": "0" * 64})
    assert Observation.objects.count() == 0


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"kind": "figures"}, "Choose a file to import"),
        (
            {"file": SimpleUploadedFile("figures.csv", b"x")},
            "Choose whether the file holds figures or indicator definitions",
        ),
        (
            {"kind": "figures", "file": SimpleUploadedFile("figures.pdf", b"x")},
            "must be a CSV (.csv) or Excel (.xlsx) file",
        ),
        (
            {
                "kind": "figures",
                "file": SimpleUploadedFile("figures.csv", b"x" * (MAX_FILE_BYTES + 1)),
            },
            "must be smaller than 5 MB",
        ),
    ],
)
def test_upload_form_errors(officer_client, post, message):
    response = officer_client.post(UPLOAD, post)
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert message in body


@pytest.mark.parametrize(
    ("kind", "fmt", "content_type"),
    [
        ("figures", "csv", "text/csv; charset=utf-8"),
        ("indicators", "csv", "text/csv; charset=utf-8"),
        ("figures", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("indicators", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_templates_download(officer_client, kind, fmt, content_type):
    response = officer_client.get(f"/performance/templates/{kind}.{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{kind}.{fmt}"'
    # The header row only: rows added beneath it are all that would be imported.
    if fmt == "csv":
        lines = response.content.decode("utf-8-sig").splitlines()
        assert len(lines) == 1
    else:
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        assert sheet.max_row == 1


def test_unknown_template_is_not_found(officer_client):
    assert officer_client.get("/performance/templates/plans.csv").status_code == 404
    assert officer_client.get("/performance/templates/figures.pdf").status_code == 404


def test_partner_and_member_are_refused(partner_client, import_places, import_indicators):
    assert partner_client.get(UPLOAD).status_code == 403
    response = _upload(partner_client, GOOD_FIGURES, follow=False)
    assert response.status_code == 403
    assert partner_client.post(APPLY, {"digest": "x"}).status_code == 403
    assert partner_client.get("/performance/templates/figures.csv").status_code == 403
    assert Observation.objects.count() == 0


def test_member_is_refused(member_client):
    assert member_client.get(UPLOAD).status_code == 403
