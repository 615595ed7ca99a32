import io

import pytest
from django.urls import reverse
from docx import Document

from planwatch.reports.builder import ThemeReportBuilder
from planwatch.reports.models import ThemeReport
from planwatch.reports.renderers import HtmlRenderer
from planwatch.reports.services import report_finalise

from .conftest import UPDATE_IN_PERIOD
from .intelligence_data import acknowledge_all


def _url(name, report=None, **kwargs):
    if report is not None:
        kwargs["pk"] = report.pk
    return reverse(f"reports:{name}", kwargs=kwargs or None)


@pytest.fixture
def final_report(report_plan, officer):
    from planwatch.reports.services import report_create

    report = report_create(theme=report_plan.theme, meeting=report_plan.board, user=officer)
    report.state = ThemeReport.State.FINAL
    snapshot = ThemeReportBuilder(report).build()
    ThemeReport.objects.filter(pk=report.pk).update(
        state="final",
        snapshot=snapshot,
        final_html=HtmlRenderer().render_text(snapshot),
        final_pdf=b"%PDF-1.7 stored",
        final_docx=b"PK stored",
    )
    return ThemeReport.objects.get(pk=report.pk)


def _date(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


# Officers


def test_officer_creates_a_draft_through_the_form(officer_client, report_plan):
    page = officer_client.get(_url("report_create"))
    assert page.status_code == 200
    assert "Create a report" in page.content.decode()
    response = officer_client.post(
        _url("report_create"),
        {"theme": report_plan.theme.pk, "meeting": report_plan.panel.pk},
        follow=True,
    )
    report = ThemeReport.objects.get()
    assert response.redirect_chain[-1][0] == _url("report_detail", report)
    html = response.content.decode()
    assert "The draft report has been created" in html
    assert "1 August 2019 to 20 November 2019" in html
    assert UPDATE_IN_PERIOD in html
    assert "Download PDF" in html and "Download Word document" in html
    assert "Download HTML" in html and "Edit the text" in html


def test_the_default_period_is_filled_in_on_request(officer_client, report_plan):
    response = officer_client.post(
        _url("report_create"),
        {
            "theme": report_plan.theme.pk,
            "meeting": report_plan.panel.pk,
            "action": "default_period",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["period_start"].isoformat() == "2019-08-01"
    assert form.initial["period_end"].isoformat() == "2019-11-20"
    assert ThemeReport.objects.count() == 0
    link = officer_client.get(
        _url("report_create"), {"theme": report_plan.theme.pk, "meeting": report_plan.panel.pk}
    )
    assert link.context["form"].initial["period_start"].isoformat() == "2019-08-01"


def test_creating_shows_errors(officer_client, report_plan):
    response = officer_client.post(
        _url("report_create"),
        {
            "meeting": report_plan.panel.pk,
            **_date("period_start", report_plan.panel.date),
            **_date("period_end", report_plan.board.date),
        },
    )
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose the theme the report is on" in html
    assert "The last day of the period must be after the first day" in html
    assert ThemeReport.objects.count() == 0


def test_officer_edits_the_text(officer_client, draft_report, report_plan):
    joining_up = report_plan.objectives[0]
    page = officer_client.get(_url("report_edit", draft_report)).content.decode()
    assert f"Introduction to Objective: {joining_up.title}" in page
    response = officer_client.post(
        _url("report_edit", draft_report),
        {
            "author": "Dorothy Gregson",
            **_date("period_start", draft_report.period_start),
            **_date("period_end", draft_report.period_end),
            "purpose": "A purpose written by the officer.",
            "recommendations": "Note the report.\n\nAgree the next steps.",
            f"introduction_{joining_up.pk}": "An introduction to the objective.",
            "next_steps_note": "Work continues.",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "The report’s text has been saved" in html
    assert "A purpose written by the officer." in html
    assert "Agree the next steps." in html
    assert "An introduction to the objective." in html
    draft_report.refresh_from_db()
    assert draft_report.introductions == {str(joining_up.pk): "An introduction to the objective."}


def test_officer_finalises_after_confirming(officer_client, draft_report):
    page = officer_client.get(_url("report_finalise", draft_report)).content.decode()
    assert "Once finalised, this report cannot be changed" in page
    assert "govuk-warning-text" in page
    response = officer_client.post(_url("report_finalise", draft_report), follow=True)
    html = response.content.decode()
    assert "The report has been finalised" in html
    draft_report.refresh_from_db()
    assert draft_report.is_final
    assert "Edit the text" not in html
    assert f'href="{_url("report_finalise", draft_report)}"' not in html
    # the edit page now sends the officer back to the final report, and a POST changes nothing
    assert officer_client.get(_url("report_edit", draft_report)).status_code == 302
    snapshot = draft_report.snapshot
    officer_client.post(_url("report_edit", draft_report), {"purpose": "Changed"})
    draft_report.refresh_from_db()
    assert draft_report.snapshot == snapshot
    docx = officer_client.get(_url("report_download", draft_report, fmt="docx"))
    assert bytes(docx.content) == bytes(draft_report.final_docx)
    assert Document(io.BytesIO(docx.content)).paragraphs


def test_downloads(officer_client, draft_report):
    response = officer_client.get(_url("report_download", draft_report, fmt="html"))
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="communities-panel-2019-11.html"'
    )
    assert UPDATE_IN_PERIOD.encode() in response.content
    docx = officer_client.get(_url("report_download", draft_report, fmt="docx"))
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert officer_client.get(_url("report_download", draft_report, fmt="odt")).status_code == 404


def test_the_list_filters_and_exports(officer_client, draft_report, final_report):
    html = officer_client.get(_url("report_list")).content.decode()
    assert "2 reports" in html
    assert html.count("Communities theme report to the") == 2
    drafts = officer_client.get(_url("report_list"), {"state": "draft"}).content.decode()
    assert "1 report" in drafts and "Police and Crime Panel" in drafts
    csv = officer_client.get(_url("report_list"), {"state": "final", "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    rows = csv.content.decode("utf-8-sig").strip().splitlines()
    assert rows[0].startswith("Theme,Meeting,Meeting date,Period start,Period end,State")
    assert len(rows) == 2 and "Business Coordination Board" in rows[1] and "Final" in rows[1]


# Members


def test_members_see_final_reports_only(member_client, draft_report, final_report):
    html = member_client.get(_url("report_list")).content.decode()
    assert "1 report" in html
    assert _url("report_detail", final_report) in html
    assert _url("report_detail", draft_report) not in html
    assert "Create a report" not in html
    assert member_client.get(_url("report_detail", draft_report)).status_code == 403
    assert member_client.get(_url("report_download", draft_report, fmt="pdf")).status_code == 403
    page = member_client.get(_url("report_detail", final_report))
    assert page.status_code == 200
    assert "Edit the text" not in page.content.decode()
    pdf = member_client.get(_url("report_download", final_report, fmt="pdf"))
    assert pdf.content == b"%PDF-1.7 stored"


def test_members_change_nothing(member_client, draft_report):
    assert member_client.get(_url("report_create")).status_code == 403
    assert member_client.post(_url("report_edit", draft_report), {}).status_code == 403
    assert member_client.post(_url("report_finalise", draft_report)).status_code == 403
    draft_report.refresh_from_db()
    assert not draft_report.is_final


# Partners and the public


@pytest.mark.parametrize(
    "name", ["report_list", "report_create", "report_detail", "report_edit", "report_finalise"]
)
def test_partners_are_refused(partner_client, draft_report, name):
    url = _url(name) if name in ("report_list", "report_create") else _url(name, draft_report)
    assert partner_client.get(url).status_code == 403


def test_partners_cannot_download(partner_client, draft_report):
    response = partner_client.get(_url("report_download", draft_report, fmt="html"))
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, draft_report):
    for url in (
        _url("report_list"),
        _url("report_detail", draft_report),
        _url("report_download", draft_report, fmt="pdf"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_every_view_names_its_rule():
    from planwatch.reports import views

    for view in (
        views.report_list,
        views.report_create,
        views.report_detail,
        views.report_edit,
        views.report_finalise,
        views.report_download,
    ):
        assert callable(view.permission_rule)


def test_a_final_report_cannot_be_finalised_again(officer_client, final_report, officer):
    response = officer_client.post(_url("report_finalise", final_report))
    assert response.status_code == 302
    with pytest.raises(Exception, match="already been finalised"):
        report_finalise(report=final_report, user=officer)


# Business Intelligence flags on the draft and finalise pages


def test_the_draft_page_lists_the_flags_with_links_to_acknowledge(
    officer_client, bi_data, draft_report
):
    html = officer_client.get(_url("report_detail", draft_report)).content.decode()
    assert "Figures that disagree with their source" in html
    assert "5 figures have not been acknowledged" in html
    online = bi_data.observations[("2019-01..2019-09", "channel=online")]
    link = reverse("performance:flag_acknowledge", args=[online.pk, "change"])
    assert f'href="{link}?next=/reports/{draft_report.pk}/"' in html
    assert "4.2.2, note 1" in html and "5.1.2, note 2" in html
    assert "printed 30.0%, but 420 of 1,381 is 30.41%." in html


def test_the_finalise_page_explains_why_a_report_cannot_be_finalised(
    officer_client, bi_data, draft_report, officer
):
    page = officer_client.get(_url("report_finalise", draft_report)).content.decode()
    assert "cannot be finalised while a figure in its Business Intelligence tables" in page
    assert "Finalise the report</button>" not in page
    online = bi_data.observations[("2019-01..2019-09", "channel=online")]
    assert reverse("performance:flag_acknowledge", args=[online.pk, "change"]) in page
    response = officer_client.post(_url("report_finalise", draft_report))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "This report cannot be finalised: five figures in it disagree" in html
    assert '<a href="#report-flags">4.2.2 Business Intelligence Information' in html
    draft_report.refresh_from_db()
    assert not draft_report.is_final

    acknowledge_all(bi_data, officer)
    page = officer_client.get(_url("report_finalise", draft_report)).content.decode()
    assert "Every figure that disagrees with its source has been acknowledged" in page
    assert "Finalise the report</button>" in page
    response = officer_client.post(_url("report_finalise", draft_report), follow=True)
    assert "The report has been finalised" in response.content.decode()
    final = officer_client.get(_url("report_detail", draft_report)).content.decode()
    assert "Figures that disagree with their source" not in final
    assert "Acknowledged: Checked against the source document." in final


def test_acknowledging_from_the_draft_page_returns_to_it(officer_client, bi_data, draft_report):
    online = bi_data.observations[("2019-01..2019-09", "channel=online")]
    link = reverse("performance:flag_acknowledge", args=[online.pk, "change"])
    report_url = _url("report_detail", draft_report)
    response = officer_client.post(
        f"{link}?next={report_url}", {"reason": "The source compared a part-year."}, follow=True
    )
    assert response.redirect_chain[-1][0] == report_url
    html = response.content.decode()
    assert "4 figures have not been acknowledged" in html
    assert "The source compared a part-year." in html


def test_editing_a_final_report_says_it_is_final(officer_client, final_report):
    response = officer_client.get(_url("report_edit", final_report), follow=True)
    assert response.redirect_chain[-1][0] == _url("report_detail", final_report)
    assert "This report is final: it cannot be changed." in response.content.decode()
