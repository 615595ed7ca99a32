"""The Data quality page, acknowledging flags, and indicators on theme and priority pages."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from planwatch.core.models import ActivityLog
from planwatch.performance import selectors
from planwatch.performance.models import FlagAcknowledgement, Observation
from planwatch.plan.tests.factories import PriorityFactory

from .factories import IndicatorFactory, ObservationFactory
from .figures import make_figures

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
