"""The performance pages: the list of indicators and an indicator's page."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse

from planwatch.performance import services, statistics
from planwatch.performance.imports.columns import FIGURE_COLUMNS
from planwatch.performance.models import FlagAcknowledgement
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
