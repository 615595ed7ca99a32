import datetime as dt
import io
import threading
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from pypdf import PdfReader

from planwatch.core.models import ActivityLog
from planwatch.core.selectors import history_for
from planwatch.plan.services import update_change, update_create
from planwatch.reports import services
from planwatch.reports.builder import ThemeReportBuilder
from planwatch.reports.models import ThemeReport

from .conftest import UPDATE_IN_PERIOD
from .intelligence_data import acknowledge_all


def test_a_draft_has_the_default_period_and_wording(report_plan, officer):
    report = services.report_create(
        theme=report_plan.theme, meeting=report_plan.panel, user=officer
    )
    assert report.state == ThemeReport.State.DRAFT
    assert (report.period_start, report.period_end) == (dt.date(2019, 8, 1), dt.date(2019, 11, 20))
    assert report.purpose.startswith(
        "The purpose of this report is to update the Police and Crime Panel (the “Panel”)"
    )
    assert report.recommendations == "The Panel is recommended to note the report."
    entry = history_for(report).get()
    assert (entry.action, entry.user) == (ActivityLog.Action.CREATE, officer)


def test_a_period_can_be_chosen(report_plan, officer):
    report = services.report_create(
        theme=report_plan.theme,
        meeting=report_plan.panel,
        user=officer,
        period_start=dt.date(2019, 4, 1),
        period_end=dt.date(2019, 9, 30),
    )
    assert (report.period_start, report.period_end) == (dt.date(2019, 4, 1), dt.date(2019, 9, 30))


def test_one_report_per_theme_and_meeting(report_plan, officer):
    first = services.report_create(theme=report_plan.theme, meeting=report_plan.panel, user=officer)
    again = services.report_create(theme=report_plan.theme, meeting=report_plan.panel, user=officer)
    assert again == first
    assert ThemeReport.objects.count() == 1


def test_a_report_created_meanwhile_by_someone_else_is_returned(report_plan, officer):
    """The other request's report appears between our look-up and our insert."""
    first = services.report_create(theme=report_plan.theme, meeting=report_plan.panel, user=officer)
    real_filter = ThemeReport.objects.filter
    calls = []

    def filter_missing_once(*args, **kwargs):
        qs = real_filter(*args, **kwargs)
        if not calls:
            calls.append(1)
            return qs.none()
        return qs

    with mock.patch.object(ThemeReport.objects, "filter", side_effect=filter_missing_once):
        again = services.report_create(
            theme=report_plan.theme, meeting=report_plan.panel, user=officer
        )
    assert again == first
    assert ThemeReport.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_creation_makes_one_report(report_plan, officer):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database with concurrent writers (PostgreSQL)")
    barrier = threading.Barrier(4)
    results, errors = [], []

    def create():
        from django.db import connections

        try:
            barrier.wait()
            report = services.report_create(
                theme=report_plan.theme, meeting=report_plan.panel, user=officer
            )
            results.append(report.pk)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(set(results)) == 1
    assert ThemeReport.objects.count() == 1


def test_a_draft_can_be_edited_and_the_change_is_recorded(draft_report, officer):
    report = services.report_update(
        report=draft_report, user=officer, purpose="  A new purpose.  ", background_note="More."
    )
    report.refresh_from_db()
    assert report.purpose == "A new purpose."
    entry = history_for(report).first()
    assert entry.action == ActivityLog.Action.UPDATE
    assert set(entry.changes) == {"purpose", "background_note"}


def test_only_the_reports_text_and_period_can_be_edited(draft_report, officer):
    with pytest.raises(TypeError):
        services.report_update(report=draft_report, user=officer, state="final")


def test_a_period_must_end_after_it_starts(draft_report, officer):
    with pytest.raises(ValidationError):
        services.report_update(
            report=draft_report,
            user=officer,
            period_start=dt.date(2019, 11, 1),
            period_end=dt.date(2019, 10, 1),
        )


def _downloads(report):
    return {fmt: services.report_render(report=report, fmt=fmt) for fmt in ("html", "pdf", "docx")}


def _preview(client, report):
    page = client.get(f"/reports/{report.pk}/").content.decode()
    return page.split("<!-- report-preview -->")[1].split("<!-- /report-preview -->")[0]


def test_finalising_freezes_the_report(draft_report, report_plan, officer, officer_client):
    report = services.report_finalise(report=draft_report, user=officer)
    assert report.is_final
    assert report.finalised_by == officer and report.finalised_at is not None
    assert report.sha256 == services.snapshot_digest(report.snapshot)
    assert report.snapshot["draft"] is False
    report = ThemeReport.objects.get(pk=report.pk)
    snapshot, downloads, page = (
        report.snapshot,
        _downloads(report),
        _preview(officer_client, report),
    )
    assert UPDATE_IN_PERIOD in page
    pdf_text = " ".join(PdfReader(io.BytesIO(downloads["pdf"][0])).pages[1].extract_text().split())
    assert "Priority for Action" in pdf_text
    assert downloads["pdf"][2] == "communities-panel-2019-11.pdf"

    update_change(user=officer, update=report_plan.updates.workshop, narrative="Rewritten later.")
    update_create(
        user=officer,
        priority=report_plan.priorities.contact,
        date=dt.date(2019, 11, 1),
        title="Added after finalising",
        narrative="An update added after the report was finalised.",
        status="on_track",
        state="approved",
    )
    report_plan.theme.name = "Safer Communities"
    report_plan.theme.save()

    report = ThemeReport.objects.get(pk=report.pk)
    assert report.snapshot == snapshot
    assert services.snapshot_digest(report.snapshot) == report.sha256
    assert _downloads(report) == downloads
    assert _preview(officer_client, report) == page
    assert "Rewritten later." not in page
    with pytest.raises(ValidationError, match="A finalised report cannot be changed"):
        services.report_update(report=report, user=officer, purpose="Changed")
    with pytest.raises(ValidationError):
        services.report_finalise(report=report, user=officer)
    entry = history_for(report).first()
    assert set(entry.changes) == {"state", "finalised_at", "finalised_by", "sha256"}


def test_a_draft_is_rendered_from_todays_data(draft_report, report_plan, officer):
    before, content_type, filename = services.report_render(report=draft_report, fmt="html")
    assert content_type.startswith("text/html") and filename == "communities-panel-2019-11.html"
    update_change(user=officer, update=report_plan.updates.workshop, narrative="Rewritten today.")
    after, _, _ = services.report_render(report=draft_report, fmt="html")
    assert b"Rewritten today." in after and b"Rewritten today." not in before


# Business Intelligence Information: flags block finalising


def test_a_report_with_unacknowledged_flags_cannot_be_finalised(bi_data, draft_report, officer):
    with pytest.raises(ValidationError) as raised:
        services.report_finalise(report=draft_report, user=officer)
    messages = raised.value.messages
    assert messages[0].startswith(
        "This report cannot be finalised: five figures in it disagree with what was printed"
    )
    assert messages[1] == (
        "4.2.2 Business Intelligence Information – Public contacts with the Constabulary, "
        "note 1: Public contacts with the Constabulary (online), Jan–Sep 2019: printed +112% "
        "on Jan–Sep 2018, but 14,335 against 3,988 is +259.5%."
    )
    assert len(messages) == 6
    assert any("420 of 1,381 is 30.41%" in m for m in messages)
    assert {e.code for e in raised.value.error_list} == {services.UNACKNOWLEDGED_FLAGS}
    draft_report.refresh_from_db()
    assert not draft_report.is_final and draft_report.snapshot is None


def test_a_flag_left_unacknowledged_still_blocks(bi_data, draft_report, officer):
    from planwatch.performance.services import flag_acknowledge

    acknowledge_all(bi_data, officer)
    # A printed figure corrected after acknowledgement, and still wrong, needs a new one.
    online = bi_data.observations[("2019-01..2019-09", "channel=online")]
    online.stated_change = "+250"
    online.save()
    with pytest.raises(ValidationError) as raised:
        services.report_finalise(report=draft_report, user=officer)
    assert len(raised.value.messages) == 2
    assert "a figure in it disagrees" in raised.value.messages[0]
    assert "printed +250% on Jan–Sep 2018" in raised.value.messages[1]
    flag_acknowledge(observation=online, kind="change", reason="As printed.", user=officer)
    assert services.report_finalise(report=draft_report, user=officer).is_final


def test_after_acknowledgement_the_report_is_finalised_and_frozen(bi_data, draft_report, officer):
    acknowledge_all(bi_data, officer, reason="The source rounded a part-year figure.")
    report = services.report_finalise(report=draft_report, user=officer)
    assert report.is_final
    report = ThemeReport.objects.get(pk=report.pk)
    snapshot, downloads = report.snapshot, _downloads(report)
    block = snapshot["sections"][3]["blocks"][1]["blocks"][1]
    assert block["type"] == "bi_table"
    assert block["rows"][0][1]["text"] == "101,926 (+5.7%)"
    assert all(flag["acknowledged"] for flag in block["flags"])
    assert block["flags"][0]["reason"] == "The source rounded a part-year figure."
    html = downloads["html"][0].decode()
    assert "Acknowledged: The source rounded a part-year figure." in html
    assert "govuk-warning-text pw-report__flag" not in html

    # The data changes after finalising; the final report does not.
    observation = bi_data.observations[("2019-01..2019-09", "channel=999")]
    observation.value = Decimal("120000")
    observation.save()
    bi_data.contacts.name = "Renamed later"
    bi_data.contacts.save()
    report = ThemeReport.objects.get(pk=report.pk)
    assert report.snapshot == snapshot
    assert services.snapshot_digest(report.snapshot) == report.sha256
    assert _downloads(report) == downloads
    assert "101,926 (+5.7%)" in downloads["html"][0].decode()
    pdf_text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(downloads["pdf"][0])).pages).split()
    )
    assert "101,926 (+5.7%)" in pdf_text and "120,000" not in pdf_text
    fresh = ThemeReportBuilder(report).build()
    assert fresh["sections"][3]["blocks"][1]["blocks"][1]["rows"][0][1]["text"] == (
        "120,000 (+24.4%)"
    )
