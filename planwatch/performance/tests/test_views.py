"""The performance pages: the list of indicators, an indicator, Data quality, acknowledging."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from planwatch.core.models import ActivityLog
from planwatch.performance import selectors, services, statistics
from planwatch.performance.imports.columns import FIGURE_COLUMNS
from planwatch.performance.models import FlagAcknowledgement, Observation
from planwatch.places.tests.factories import DistrictFactory
from planwatch.plan.tests.factories import PriorityFactory

from .factories import IndicatorFactory, ObservationFactory
from .figures import HATE_CRIMES, MONTHS, make_figures

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def figures(db):
    return make_figures()


def _csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _svg(html: str) -> ET.Element:
    match = re.search(r"<svg .*?</svg>", html, re.S)
    return ET.fromstring(match.group(0))  # noqa: S314 - our own output


def _text(html: str) -> str:
    """The page's words, tags removed and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _acknowledge_url(observation, kind="percentage"):
    return reverse("performance:flag_acknowledge", args=[observation.pk, kind])


# --- The list -----------------------------------------------------------------------------------


def test_list_shows_each_indicator_with_its_latest_figure_change_and_assessment(
    officer_client, figures
):
    response = officer_client.get(reverse("performance:indicator_list"))
    assert response.status_code == 200
    summaries = {s.indicator.code: s for s in response.context["summaries"]}

    hate = summaries["hate-crime"]
    assert hate.latest.period.label == "December 2019"
    assert hate.latest.value == 131
    assert hate.change.text == "+29.7% on December 2018"  # 131 against 101
    assert hate.spc is not None and hate.assessment.key == "concern"  # higher is worse

    satisfaction = summaries["satisfaction"]
    assert satisfaction.change.text == "-12.2 percentage points on 2017/18"
    # 67% of 88 against a printed 79.2% with no sample size: a one-sample test.
    assert satisfaction.change.significant
    assert satisfaction.assessment.key == "concern"

    # 420 of all 1,381 officers against 390 of 1,345: counts of everyone, not a sample, so the
    # change is not a matter of chance and is not tested.
    officers = summaries["female-officers"]
    assert officers.change.text == "+1.4 percentage points on March 2018"
    assert officers.change.test is None
    assert officers.assessment.key == "not_tested"

    assert officers.open_flags == 1
    assert hate.open_flags == 0

    text = _text(response.content.decode())
    assert "+29.7% on December 2018" in text
    assert (
        '<strong class="govuk-tag govuk-tag--orange">Concern</strong>' in response.content.decode()
    )
    assert "Not tested" in text
    assert "No significant change" not in text
    assert "1 unacknowledged flag for Police officers who are women" in text


def test_a_member_sees_the_list_but_no_import_link(member_client, figures):
    response = member_client.get(reverse("performance:indicator_list"))
    assert response.status_code == 200
    assert reverse("performance:import_upload") not in response.content.decode()


def test_partner_is_refused(partner_client, figures):
    for url in (
        reverse("performance:indicator_list"),
        reverse("performance:indicator_detail", args=["hate-crime"]),
        reverse("performance:data_quality"),
        _acknowledge_url(figures.flagged),
    ):
        assert partner_client.get(url).status_code == 403
    assert (
        partner_client.post(_acknowledge_url(figures.flagged), {"reason": "x"}).status_code == 403
    )
    assert not FlagAcknowledgement.objects.exists()


def test_list_filters_by_theme_and_priority(officer_client, figures):
    priority = PriorityFactory()
    figures.hate_crime.priorities.add(priority)
    theme = priority.objective.theme

    by_theme = officer_client.get(reverse("performance:indicator_list"), {"theme": theme.slug})
    assert [s.indicator.code for s in by_theme.context["summaries"]] == ["hate-crime"]

    by_priority = officer_client.get(
        reverse("performance:indicator_list"), {"priority": str(priority.pk)}
    )
    assert [s.indicator.code for s in by_priority.context["summaries"]] == ["hate-crime"]


def test_list_csv(officer_client, figures):
    rows = _csv(officer_client.get(reverse("performance:indicator_list"), {"format": "csv"}))
    header, *body = rows
    assert header[:5] == ["Indicator", "Code", "Unit", "Latest period", "Latest value"]
    by_code = {row[1]: dict(zip(header, row, strict=True)) for row in body}
    assert by_code["hate-crime"]["Latest period"] == "December 2019"
    assert by_code["hate-crime"]["Change"] == "'+29.7% on December 2018"  # kept as text
    assert by_code["satisfaction"]["Change significant"] == "Yes"
    assert by_code["female-officers"]["Unacknowledged flags"] == "1"


def test_empty_list_tells_officers_how_to_import(client, officer, member):
    client.force_login(officer)
    response = client.get(reverse("performance:indicator_list"))
    assert "No indicators yet" in response.content.decode()
    assert reverse("performance:import_upload") in response.content.decode()

    client.force_login(member)
    response = client.get(reverse("performance:indicator_list"))
    assert "An officer of the OPCC imports them" in response.content.decode()


# --- One indicator ------------------------------------------------------------------------------


def test_monthly_counts_have_an_spc_chart_and_the_same_figures_in_the_table(member_client, figures):
    response = member_client.get(reverse("performance:indicator_detail", args=["hate-crime"]))
    assert response.status_code == 200
    html = response.content.decode()
    svg = _svg(html)
    assert svg.get("role") == "img"
    assert "Hate crimes recorded" in svg.find(f"{SVG}title").text
    assert "24 points from Jan 2018 to Dec 2019" in svg.find(f"{SVG}desc").text
    points = [e for e in svg.iter(f"{SVG}circle") if "point" in e.get("class", "").split()]
    assert [p.get("data-label") for p in points] == MONTHS

    spc = response.context["spc"]
    assert [p.value for p in spc.points] == HATE_CRIMES
    expected = statistics.xmr(HATE_CRIMES, MONTHS, polarity="lower")
    assert spc.ucl == pytest.approx(expected.ucl)

    rows = response.context["rows"]
    assert [r.figure.period.label for r in rows][:2] == ["January 2018", "February 2018"]
    assert [int(r.figure.value) for r in rows] == HATE_CRIMES
    assert [r.spc_point.label for r in rows] == MONTHS
    assert len(re.findall(r'<tr class="govuk-table__row" id="observation-', html)) == 24
    # The year-on-year change of the last month, with its test.
    last = rows[-1]
    assert last.change.text == "+29.7% on December 2018"
    assert "Not significant (p = 0.057)" in _text(html)
    assert "Concern" in _text(html)


def test_a_survey_percentage_has_bars_with_its_confidence_interval(officer_client, figures):
    response = officer_client.get(reverse("performance:indicator_detail", args=["satisfaction"]))
    html = response.content.decode()
    svg = _svg(html)
    bars = [e for e in svg.iter(f"{SVG}rect") if e.get("class") == "bar"]
    assert [b.get("data-label") for b in bars] == ["2017/18", "2018/19"]
    whiskers = [e for e in svg.iter(f"{SVG}g") if e.get("class") == "whisker"]
    assert len(whiskers) == 1  # the basis was printed without its sample size

    low, high = statistics.wilson_interval(59, 88)  # 67% of 88
    shown = f"{low * 100:.1f}% to {high * 100:.1f}%"
    assert shown == "56.7% to 76.0%"
    assert shown in html
    assert f"95% confidence interval {shown}" in svg.find(f"{SVG}desc").text
    text = _text(html)
    assert "Sample size" in text and " 88 " in text
    assert "-12.2 percentage points on 2017/18: significant (p = 0.005)" in text
    assert "one-sample score z-test" in text
    assert [r.figure.period.label for r in response.context["charted"]] == ["2017/18", "2018/19"]


def test_a_flagged_figure_shows_its_warning_beside_it(client, officer, member, figures):
    url = reverse("performance:indicator_detail", args=["female-officers"])
    client.force_login(officer)
    html = client.get(url).content.decode()
    message = (
        "Police officers who are women, March 2019: printed 30.0%, but 420 of 1,381 is 30.41%."
    )
    assert "govuk-warning-text" in html
    assert message in html
    assert _acknowledge_url(figures.flagged) in html
    # The warning follows the figure's row.
    assert html.index(f'id="observation-{figures.flagged.pk}"') < html.index(message)
    assert "1,381" in _text(html)

    client.force_login(member)
    html = client.get(url).content.decode()
    assert message in html
    assert _acknowledge_url(figures.flagged) not in html


def test_indicator_page_chooses_area_and_breakdown(officer_client, figures):
    district = DistrictFactory(name="Fenland")
    indicator = IndicatorFactory(code="contacts", name="Contacts")
    ObservationFactory(indicator=indicator, period="2019-01", value=10)
    ObservationFactory(indicator=indicator, area=district, period="2019-01", value=4)
    ObservationFactory(
        indicator=indicator, area=district, period="2019-01", breakdown="channel=999", value=3
    )
    url = reverse("performance:indicator_detail", args=["contacts"])

    default = officer_client.get(url)
    assert [r.figure.value for r in default.context["rows"]] == [10]

    chosen = officer_client.get(url, {"area": district.gss_code, "breakdown": "channel=999"})
    assert chosen.context["area"] == district
    assert [r.figure.value for r in chosen.context["rows"]] == [3]
    assert "Fenland, 999" in _text(chosen.content.decode())

    unknown = officer_client.get(url, {"area": "nowhere", "breakdown": "x=y"})
    assert [r.figure.value for r in unknown.context["rows"]] == [10]


def test_an_indicator_recorded_only_by_breakdown_shows_its_first_breakdown(officer_client, db):
    indicator = IndicatorFactory(code="headcount", name="Headcount")
    ObservationFactory(
        indicator=indicator, period="2019-03", breakdown="staff_group=pcso", value=88
    )
    ObservationFactory(
        indicator=indicator, period="2019-03", breakdown="staff_group=police_officer", value=1418
    )
    page = officer_client.get(reverse("performance:indicator_detail", args=["headcount"]))
    assert page.context["breakdown"] == "staff_group=pcso"
    assert [r.figure.value for r in page.context["rows"]] == [88]
    assert '<option value="staff_group=pcso" selected>PCSO</option>' in page.content.decode()

    listing = officer_client.get(reverse("performance:indicator_list"))
    assert "No single figure for the force area" in listing.content.decode()


def test_indicator_page_links_its_priorities_and_history(officer_client, figures):
    priority = PriorityFactory(title="Tackle hate crime")
    figures.hate_crime.priorities.add(priority)
    html = officer_client.get(
        reverse("performance:indicator_detail", args=["hate-crime"])
    ).content.decode()
    assert reverse("plan:priority_detail", args=[priority.pk]) in html
    assert "Tackle hate crime" in html
    assert 'id="history"' in html


def test_unknown_indicator_is_not_found(officer_client, db):
    assert (
        officer_client.get(reverse("performance:indicator_detail", args=["nope"])).status_code
        == 404
    )


def test_indicator_csv_is_a_figures_import_file(officer_client, figures):
    rows = _csv(
        officer_client.get(
            reverse("performance:indicator_detail", args=["female-officers"]), {"format": "csv"}
        )
    )
    header, *body = rows
    assert header == list(FIGURE_COLUMNS)  # exactly the import template's columns, in order
    assert [row[2] for row in body] == ["2018-03", "2019-03"]
    figure = dict(zip(header, body[1], strict=True))
    assert (figure["value"], figure["numerator"], figure["denominator"]) == ("30.41", "420", "1381")
    assert figure["stated_value"] == "30.0"
    # A spreadsheet would run "+2" as a formula, so the export writes "'+2".
    assert dict(zip(header, body[0], strict=True))["stated_change"] == "'+2"


def test_an_indicators_exported_figures_import_again_unchanged(officer_client, officer, figures):
    area = figures.flagged.area
    ObservationFactory(
        indicator=figures.officers,
        area=area,
        period="2019-03",
        breakdown="staff_group=pcso",
        value=Decimal("-13"),
        stated_value="-13",
        stated_change="–5",
        change_basis="2018-03",
        source="=Workforce report",
        note="'+ or - 1' is how the report put it",  # starts with a quote already
    )
    ObservationFactory(
        indicator=figures.officers,
        area=DistrictFactory(name="Cambridge", gss_code="E07000008", parent=area),
        period="FY2018/19",
        value=Decimal("0.000001"),
        sample_size=1200,
    )
    response = officer_client.get(
        reverse("performance:indicator_detail", args=["female-officers"]), {"format": "csv"}
    )
    stored = figures.officers.observations.count()
    assert stored == 4
    result = services.figures_import(
        file_name="female-officers.csv", data=response.content, user=officer
    )
    assert (result.new, result.changed, result.unchanged) == (0, 0, stored)
    pcso = figures.officers.observations.get(breakdown="staff_group=pcso")
    assert (pcso.stated_change, pcso.source) == ("–5", "=Workforce report")
    assert pcso.note == "'+ or - 1' is how the report put it"


# --- Data quality and acknowledging -------------------------------------------------------------


def test_data_quality_lists_flags_and_figures_not_checked(member_client, figures):
    response = member_client.get(reverse("performance:data_quality"))
    assert response.status_code == 200
    text = _text(response.content.decode())
    assert (
        "Police officers who are women, March 2019: printed 30.0%, but 420 of 1,381 is 30.41%."
        in text
    )
    assert "Printed 30.0%" in text
    assert "From the data 30.41%" in text
    assert "Not acknowledged" in text
    assert "+2% on March 2017" in text
    assert "The figure for March 2017 is not recorded" in text
    assert _acknowledge_url(figures.flagged) not in response.content.decode()  # members


def test_data_quality_csv(officer_client, figures):
    header, *body = _csv(officer_client.get(reverse("performance:data_quality"), {"format": "csv"}))
    assert header[:6] == ["Indicator", "Area", "Period", "Breakdown", "Check", "Printed"]
    assert len(body) == 1
    row = dict(zip(header, body[0], strict=True))
    assert row["Check"] == "percentage"
    assert row["From the data"] == "30.41"
    assert row["Acknowledged"] == "No"


def test_officer_acknowledges_a_flag(officer_client, officer, figures):
    url = _acknowledge_url(figures.flagged)
    page = officer_client.get(url)
    assert page.status_code == 200
    assert "420 of 1,381 is 30.41%" in page.content.decode()

    blank = officer_client.post(url, {"reason": "   "})
    assert blank.status_code == 200
    html = blank.content.decode()
    assert "govuk-error-summary" in html
    assert "There is a problem" in html
    assert '<a href="#id_reason">Enter why the printed figure is acceptable</a>' in html
    assert "<title>Acknowledge a flag - Error - PlanWatch</title>" in html
    assert not FlagAcknowledgement.objects.exists()

    done = officer_client.post(
        url, {"reason": "The report used the establishment figure for 31 March."}
    )
    assert done.status_code == 302
    assert done["Location"] == (
        reverse("performance:data_quality") + f"#flag-{figures.flagged.pk}-percentage"
    )
    ack = FlagAcknowledgement.objects.get()
    assert ack.acknowledged_by == officer
    assert ack.reason == "The report used the establishment figure for 31 March."
    assert ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(FlagAcknowledgement),
        object_id=str(ack.pk),
        action=ActivityLog.Action.CREATE,
        user=officer,
    ).exists()

    after = officer_client.get(done["Location"])
    text = _text(after.content.decode())
    assert "Flag acknowledged: Police officers who are women, March 2019" in text
    assert "govuk-notification-banner--success" in after.content.decode()
    assert "Yes, by Sam" in text
    assert "Reason: The report used the establishment figure for 31 March." in text
    assert "0 have not been acknowledged" in text or "0 has not been acknowledged" in text
    assert _acknowledge_url(figures.flagged) not in after.content.decode()

    listing = officer_client.get(reverse("performance:indicator_list"))
    counts = {s.indicator.code: s.open_flags for s in listing.context["summaries"]}
    assert counts["female-officers"] == 0

    indicator_page = officer_client.get(
        reverse("performance:indicator_detail", args=["female-officers"])
    )
    assert "acknowledged</strong> by Sam" in indicator_page.content.decode()

    # Once acknowledged there is nothing more to do.
    again = officer_client.get(url)
    assert again.status_code == 302


def test_acknowledging_returns_to_the_page_it_came_from(officer_client, figures):
    back = reverse("performance:indicator_detail", args=["female-officers"])
    done = officer_client.post(
        _acknowledge_url(figures.flagged), {"reason": "Revised later.", "next": back}
    )
    assert done["Location"] == back
    elsewhere = officer_client.post(
        _acknowledge_url(figures.flagged), {"reason": "x", "next": "https://example.com/"}
    )
    assert elsewhere["Location"].startswith(reverse("performance:data_quality"))


def test_administrator_may_acknowledge_but_a_member_may_not(admin_client_, figures):
    assert admin_client_.get(_acknowledge_url(figures.flagged)).status_code == 200


def test_member_may_not_acknowledge(member_client, figures):
    url = _acknowledge_url(figures.flagged)
    assert member_client.get(url).status_code == 403
    assert member_client.post(url, {"reason": "Because"}).status_code == 403
    assert not FlagAcknowledgement.objects.exists()


def test_a_total_broken_down_two_ways_has_a_flag_for_each_acknowledged_apart(
    officer_client, figures
):
    contacts = IndicatorFactory(code="contacts", name="Contacts")
    area = figures.flagged.area
    total = ObservationFactory(
        indicator=contacts, area=area, period="2019-Q2", value=100, stated_value="100"
    )
    for breakdown, value in (
        ("channel=999", 40),
        ("channel=101", 50),  # 90 by channel
        ("sex=female", 30),
        ("sex=male", 60),  # 90 by sex too
    ):
        ObservationFactory(
            indicator=contacts, area=area, period="2019-Q2", breakdown=breakdown, value=value
        )
    views = selectors.flags_for_observations(observation_ids=[total.pk])
    assert [(v.kind, v.dimension, v.slug) for v in views] == [
        ("total", "channel", "total-channel"),
        ("total", "sex", "total-sex"),
    ]
    assert [v.key for v in views] == [f"{total.pk}-total-channel", f"{total.pk}-total-sex"]
    assert views[0].flag.fingerprint != views[1].flag.fingerprint
    assert "its parts (101, 999) add up to 90" in views[0].flag.message
    assert "its parts (female, male) add up to 90" in views[1].flag.message

    by_channel = _acknowledge_url(total, "total-channel")
    by_sex = _acknowledge_url(total, "total-sex")
    html = officer_client.get(reverse("performance:data_quality")).content.decode()
    assert by_channel in html and by_sex in html
    assert "Total of its parts by channel" in html and "Total of its parts by sex" in html

    done = officer_client.post(by_channel, {"reason": "The channels leave out letters."})
    assert done["Location"].endswith(f"#flag-{total.pk}-total-channel")
    views = selectors.flags_for_observations(observation_ids=[total.pk])
    assert [v.acknowledged for v in views] == [True, False]
    html = officer_client.get(reverse("performance:data_quality")).content.decode()
    assert by_channel not in html and by_sex in html

    officer_client.post(by_sex, {"reason": "Sex was not recorded for 10 contacts."})
    views = selectors.flags_for_observations(observation_ids=[total.pk])
    assert [v.acknowledged for v in views] == [True, True]
    assert FlagAcknowledgement.objects.filter(observation=total).count() == 2
    # A total's flag is named with its dimension.
    assert officer_client.get(_acknowledge_url(total, "total")).status_code == 404
    assert officer_client.get(_acknowledge_url(total, "change-channel")).status_code == 404


def test_printed_text_stored_before_the_import_checked_it_does_not_break_the_pages(
    officer_client, figures
):
    Observation.objects.filter(pk=figures.flagged.pk).update(stated_value="n/a")
    hate = figures.hate_crime.observations.get(period="2019-12")
    Observation.objects.filter(pk=hate.pk).update(stated_change="n/a")  # 2018-12 is recorded
    assert selectors.flags_all() == []  # nothing it can check, and no error
    for url in (
        reverse("performance:data_quality"),
        reverse("performance:indicator_list"),
        reverse("performance:indicator_detail", args=["female-officers"]),
        reverse("performance:indicator_detail", args=["hate-crime"]),
    ):
        assert officer_client.get(url).status_code == 200, url


def test_acknowledging_a_flag_that_is_not_there_is_not_found(officer_client, figures):
    assert officer_client.get(_acknowledge_url(figures.flagged, "total")).status_code == 404
    assert officer_client.get(_acknowledge_url(figures.flagged, "nonsense")).status_code == 404
    hate = figures.hate_crime.observations.first()
    assert officer_client.get(_acknowledge_url(hate)).status_code == 404


# --- Theme and priority pages -------------------------------------------------------------------


def test_priority_and_theme_pages_show_their_indicators(member_client, figures):
    priority = PriorityFactory(title="Tackle hate crime")
    figures.hate_crime.priorities.add(priority)
    link = reverse("performance:indicator_detail", args=["hate-crime"])

    for url in (
        reverse("plan:priority_detail", args=[priority.pk]),
        reverse("plan:theme_detail", args=[priority.objective.theme.slug]),
    ):
        html = member_client.get(url).content.decode()
        assert link in html
        text = _text(html)
        assert "Hate crimes recorded" in text
        assert "131 December 2019" in text
        assert "+29.7% on December 2018" in text


def test_priority_without_indicators_shows_no_indicators_section(member_client, db):
    priority = PriorityFactory()
    html = member_client.get(reverse("plan:priority_detail", args=[priority.pk])).content.decode()
    assert 'id="indicators"' not in html


def test_performance_is_in_the_navigation_for_readers(officer_client, figures):
    html = officer_client.get(reverse("performance:indicator_list")).content.decode()
    assert re.search(r'aria-current="page"><strong[^>]*>Performance</strong>', html)
