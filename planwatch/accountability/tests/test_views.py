import csv
import datetime as dt
import html
import io
import re

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from planwatch.accountability import services
from planwatch.accountability import urls as accountability_urls
from planwatch.accountability.models import AgendaItem, Body, Meeting, PanelQuestion, Recommendation
from planwatch.core.selectors import history_for
from planwatch.plan.tests.factories import PriorityFactory, ThemeFactory
from planwatch.reports.models import ThemeReport

from .factories import (
    AgendaItemFactory,
    MeetingFactory,
    PanelQuestionFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _date(name: str, day: dt.date | None) -> dict:
    if day is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


@pytest.fixture
def question():
    meeting = MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 27))
    item = AgendaItemFactory(meeting=meeting)
    RecommendationFactory(agenda_item=item)
    return PanelQuestionFactory(meeting=meeting)


def _urls(question):
    meeting = question.meeting
    item = meeting.agenda_items.get()
    recommendation = item.recommendations.get()
    return [
        reverse("accountability:meeting_list"),
        reverse("accountability:meeting_create"),
        reverse("accountability:meeting_detail", args=[meeting.slug]),
        reverse("accountability:meeting_edit", args=[meeting.slug]),
        reverse("accountability:agenda_item_create", args=[meeting.slug]),
        reverse("accountability:agenda_item_edit", args=[meeting.slug, item.pk]),
        reverse("accountability:recommendation_create", args=[meeting.slug]),
        reverse("accountability:recommendation_edit", args=[meeting.slug, recommendation.pk]),
        reverse("accountability:panel_question_list"),
        reverse("accountability:panel_question_detail", args=[question.pk]),
        reverse("accountability:panel_question_create", args=[meeting.slug]),
        reverse("accountability:panel_question_edit", args=[question.pk]),
    ]


def test_officer_can_open_every_page(officer_client, question):
    for url in _urls(question):
        response = officer_client.get(url)
        assert response.status_code == 200, url
        assert b'class="govuk-breadcrumbs"' in response.content, url


def test_member_reads_but_cannot_open_forms(member_client, question):
    for url in _urls(question):
        is_form = url.endswith(("/new/", "/edit/"))
        assert member_client.get(url).status_code == (403 if is_form else 200), url
        if is_form:
            assert member_client.post(url, {}).status_code == 403, url


def test_partner_gets_403_everywhere(partner_client, question):
    for url in _urls(question):
        assert partner_client.get(url).status_code == 403, url
        assert partner_client.post(url, {}).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in(client, question):
    for url in _urls(question):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


def test_officer_adds_and_changes_a_meeting(officer_client, officer):
    response = officer_client.post(
        reverse("accountability:meeting_create"),
        {
            "body": "panel",
            **_date("date", dt.date(2019, 11, 27)),
            "location": "Huntingdonshire District Council",
            **_date("period_start", None),
            **_date("period_end", None),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accountability:meeting_detail", args=["panel-2019-11"])
    meeting = Meeting.objects.get()
    assert meeting.created_by == officer
    page = _text(officer_client.get(response["Location"]))
    assert "Default: the months since the previous report on each theme" in page

    response = officer_client.post(
        reverse("accountability:meeting_edit", args=["panel-2019-11"]),
        {
            "body": "panel",
            **_date("date", dt.date(2019, 11, 27)),
            **_date("period_start", dt.date(2019, 7, 1)),
            **_date("period_end", dt.date(2019, 9, 30)),
        },
        follow=True,
    )
    page = _text(response)
    assert "Meeting changed" in page
    assert "1 July 2019 to 30 September 2019" in page
    assert "Location: Huntingdonshire District Council →" in page


def test_meeting_form_shows_a_clear_error_for_a_second_meeting_in_the_month(officer_client):
    MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 6))
    response = officer_client.post(
        reverse("accountability:meeting_create"),
        {"body": "panel", **_date("date", dt.date(2019, 11, 27))},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert (
        '<a href="#id_date_0">There is already a Police and Crime Panel meeting in that month</a>'
        in page
    )
    assert "govuk-form-group--error" in page
    assert Meeting.objects.count() == 1


def test_meeting_form_checks_the_period(officer_client):
    response = officer_client.post(
        reverse("accountability:meeting_create"),
        {
            "body": "board",
            **_date("date", dt.date(2020, 2, 25)),
            **_date("period_start", dt.date(2019, 12, 31)),
            **_date("period_end", dt.date(2019, 10, 1)),
        },
    )
    assert "The period must end after it starts" in _text(response)
    response = officer_client.post(
        reverse("accountability:meeting_create"), {"body": "", **_date("date", None)}
    )
    page = _text(response)
    assert "Choose which body is meeting" in page
    assert "Enter the date of the meeting" in page
    assert not Meeting.objects.exists()


def test_officer_adds_agenda_items_and_recommendations(officer_client):
    meeting = MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 27))
    theme = ThemeFactory(name="Communities")
    response = officer_client.post(
        reverse("accountability:agenda_item_create", args=[meeting.slug]),
        {"number": "9", "title": "Communities theme report", "theme": theme.pk},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    officer_client.post(
        reverse("accountability:agenda_item_edit", args=[meeting.slug, item.pk]),
        {"number": "9", "title": "Communities theme report", "theme": theme.pk, "presenter": "PCC"},
    )
    item.refresh_from_db()
    assert item.presenter == "PCC"
    assert history_for(item).count() == 2

    url = reverse("accountability:recommendation_create", args=[meeting.slug])
    form_page = officer_client.get(url, {"agenda_item": item.pk}).content.decode()
    assert f'<option value="{item.pk}" selected>' in form_page
    officer_client.post(
        url,
        {
            "agenda_item": item.pk,
            "number": "2.1",
            "text": "The Panel is recommended to note the report",
            "status": "proposed",
        },
    )
    recommendation = Recommendation.objects.get()
    officer_client.post(
        reverse("accountability:recommendation_edit", args=[meeting.slug, recommendation.pk]),
        {"agenda_item": item.pk, "number": "2.1", "text": recommendation.text, "status": "noted"},
    )
    page = _text(officer_client.get(reverse("accountability:meeting_detail", args=[meeting.slug])))
    assert "9 Communities theme report" in page
    assert "Theme Communities" in page
    assert "2.1 The Panel is recommended to note the report Noted" in page


def test_recommendation_cannot_use_another_meetings_agenda_item(officer_client):
    meeting = MeetingFactory()
    other_item = AgendaItemFactory()
    response = officer_client.post(
        reverse("accountability:recommendation_create", args=[meeting.slug]),
        {"agenda_item": other_item.pk, "text": "Note it", "status": "proposed"},
    )
    assert "Select a valid choice" in _text(response)
    assert not Recommendation.objects.exists()


def _question_data(**values):
    data = {
        "question": "How will the Commissioner ensure Place-Based Boards help?",
        "asked_by": "Cllr Smith",
        "theme": "",
        "priority": "",
        "response": "",
        **_date("responded_on", None),
        "status": "awaiting_response",
    }
    data.update(values)
    return data


def test_officer_adds_a_panel_question_and_records_the_response(officer_client):
    meeting = MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 27))
    priority = PriorityFactory(title="Place-based partnership working")
    theme = priority.objective.theme
    response = officer_client.post(
        reverse("accountability:panel_question_create", args=[meeting.slug]),
        _question_data(theme=theme.pk, priority=priority.pk),
    )
    question = PanelQuestion.objects.get()
    assert response["Location"] == reverse(
        "accountability:panel_question_detail", args=[question.pk]
    )
    response = officer_client.post(
        reverse("accountability:panel_question_edit", args=[question.pk]),
        _question_data(
            theme=theme.pk,
            priority=priority.pk,
            response="Through **Think Communities**.",
            status="answered",
            **_date("responded_on", dt.date(2019, 11, 20)),
        ),
        follow=True,
    )
    page = response.content.decode()
    assert "<strong>Think Communities</strong>" in page
    assert "Awaiting response → Answered" in _text(response)
    question.refresh_from_db()
    assert question.responded_on == dt.date(2019, 11, 20)


def test_answered_needs_a_response(officer_client):
    meeting = MeetingFactory(body=Body.PANEL)
    response = officer_client.post(
        reverse("accountability:panel_question_create", args=[meeting.slug]),
        _question_data(status="answered"),
    )
    page = response.content.decode()
    assert '<a href="#id_response">Enter the response before marking it answered</a>' in page
    assert page.count("Enter the response before marking it answered") == 2
    assert not PanelQuestion.objects.exists()


def test_priority_must_be_one_of_the_themes(officer_client):
    meeting = MeetingFactory(body=Body.PANEL)
    communities = ThemeFactory(name="Communities")
    victims_priority = PriorityFactory()
    response = officer_client.post(
        reverse("accountability:panel_question_create", args=[meeting.slug]),
        _question_data(theme=communities.pk, priority=victims_priority.pk),
    )
    page = response.content.decode()
    message = "Choose a priority for action of the Communities theme, or leave it blank"
    assert f'<a href="#id_priority">{message}</a>' in page
    assert page.count(message) == 2
    assert not PanelQuestion.objects.exists()


def test_priorities_are_offered_grouped_by_theme(officer_client):
    meeting = MeetingFactory(body=Body.PANEL)
    priority = PriorityFactory()
    page = officer_client.get(
        reverse("accountability:panel_question_create", args=[meeting.slug])
    ).content.decode()
    assert f'<optgroup label="{priority.objective.theme.name} theme">' in page


def test_panel_questions_are_added_at_panel_meetings_only(officer_client):
    board = MeetingFactory(body=Body.BOARD)
    url = reverse("accountability:panel_question_create", args=[board.slug])
    assert officer_client.get(url).status_code == 404
    page = _text(officer_client.get(reverse("accountability:meeting_detail", args=[board.slug])))
    assert "Add a Panel question" not in page


def test_meeting_page_shows_period_questions_and_reports_a_member_may_read(member_client):
    meeting = MeetingFactory(
        body=Body.PANEL,
        date=dt.date(2019, 11, 27),
        location="Huntingdon",
        period_start=dt.date(2019, 7, 1),
        period_end=dt.date(2019, 9, 30),
    )
    PanelQuestionFactory(
        meeting=meeting, question="What are the criteria?", response="", status="awaiting_response"
    )
    PanelQuestionFactory(
        meeting=meeting, question="Who assesses?", response="The *OPCC*.", status="answered"
    )
    communities, victims = ThemeFactory(name="Communities"), ThemeFactory(name="Victims")
    ThemeReport.objects.create(
        theme=communities,
        meeting=meeting,
        period_start=meeting.period_start,
        period_end=meeting.period_end,
        state="final",
        snapshot={},
    )
    ThemeReport.objects.create(
        theme=victims,
        meeting=meeting,
        period_start=meeting.period_start,
        period_end=meeting.period_end,
    )
    response = member_client.get(reverse("accountability:meeting_detail", args=[meeting.slug]))
    page, text = response.content.decode(), _text(response)
    assert "Police and Crime Panel, 27 November 2019" in text
    assert "1 July 2019 to 30 September 2019" in text
    assert "What are the criteria?" in text and "Awaiting response" in text
    assert "The <em>OPCC</em>." in page and "Answered" in text
    assert "Communities theme report" in text
    assert "Victims theme report" not in text
    report = ThemeReport.objects.get(theme=communities)
    try:
        report_url = reverse("reports:report_detail", args=[report.pk])
    except NoReverseMatch:
        report_url = None
    if report_url is not None:
        assert f'href="{report_url}"' in page


def test_officer_sees_draft_reports_too(officer_client):
    meeting = MeetingFactory()
    ThemeReport.objects.create(
        theme=ThemeFactory(name="Victims"),
        meeting=meeting,
        period_start=dt.date(2019, 1, 1),
        period_end=dt.date(2019, 3, 31),
    )
    text = _text(officer_client.get(reverse("accountability:meeting_detail", args=[meeting.slug])))
    assert "Victims theme report Draft" in text


def test_meeting_list_splits_upcoming_and_past_and_filters(member_client):
    today = timezone.localdate()
    soon = MeetingFactory(body=Body.BOARD, date=today + dt.timedelta(days=40))
    MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 27))
    MeetingFactory(body=Body.BOARD, date=dt.date(2019, 7, 31))
    response = member_client.get(reverse("accountability:meeting_list"))
    assert list(response.context["upcoming"]) == [soon]
    assert [m.slug for m in response.context["page_obj"]] == ["panel-2019-11", "board-2019-07"]

    response = member_client.get(
        reverse("accountability:meeting_list"), {"body": "board", "year": 2019}
    )
    assert list(response.context["upcoming"]) == []
    assert [m.slug for m in response.context["page_obj"]] == ["board-2019-07"]
    assert "No upcoming meetings match these filters." in _text(response)

    response = member_client.get(reverse("accountability:meeting_list"), {"body": "countywide"})
    assert "No meetings match these filters." in _text(response)


def test_meeting_csv_has_the_filtered_rows(member_client):
    MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 27), location="Huntingdon")
    MeetingFactory(body=Body.PANEL, date=dt.date(2020, 2, 5))
    MeetingFactory(body=Body.BOARD, date=dt.date(2019, 7, 31))
    rows = _csv(
        member_client.get(
            reverse("accountability:meeting_list"),
            {"body": "panel", "year": "2019", "format": "csv"},
        )
    )
    assert rows[0][:3] == ["Date", "Meeting of", "Location"]
    assert rows[1:] == [
        ["2019-11-27", "Police and Crime Panel", "Huntingdon", "", "", "", "panel-2019-11"]
    ]


def test_meeting_list_paginates_past_meetings(member_client, settings):
    settings.PAGE_SIZE = 2
    for month in (3, 5, 7):
        MeetingFactory(body=Body.PANEL, date=dt.date(2018, month, 1))
    response = member_client.get(reverse("accountability:meeting_list"), {"page": 2})
    assert [m.slug for m in response.context["page_obj"]] == ["panel-2018-03"]


def test_panel_question_list_filters_csv_and_empty_state(member_client):
    november = MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 27))
    theme = ThemeFactory(name="Communities")
    PanelQuestionFactory(meeting=november, question="Unanswered one?", theme=theme)
    PanelQuestionFactory(
        meeting=november, question="Answered one?", response="Yes.", status="answered"
    )
    PanelQuestionFactory(meeting=MeetingFactory(body=Body.PANEL, date=dt.date(2019, 6, 1)))
    url = reverse("accountability:panel_question_list")
    response = member_client.get(url, {"status": "awaiting_response", "meeting": november.pk})
    assert [q.question for q in response.context["page_obj"]] == ["Unanswered one?"]

    rows = _csv(member_client.get(url, {"status": "answered", "format": "csv"}))
    assert [r[4] for r in rows[1:]] == ["Answered one?"]
    rows = _csv(member_client.get(url, {"theme": theme.pk, "format": "csv"}))
    assert [r[4] for r in rows[1:]] == ["Unanswered one?"]

    response = member_client.get(
        url, {"status": "answered", "meeting": november.pk, "theme": theme.pk}
    )
    assert "No Panel questions match these filters." in _text(response)


def test_panel_question_page_shows_response_and_history(member_client, officer):
    question = PanelQuestionFactory(question="What are the criteria for assessment?")
    services.panel_question_update(
        user=officer,
        panel_question=question,
        response="Set out in the **fund prospectus**.",
        status="answered",
    )
    response = member_client.get(
        reverse("accountability:panel_question_detail", args=[question.pk])
    )
    page = response.content.decode()
    assert "<strong>fund prospectus</strong>" in page
    assert "Awaiting response → Answered" in _text(response)
    assert "Record the response" not in page


def test_every_page_names_its_permission_rule():
    for pattern in accountability_urls.urlpatterns:
        assert pattern.name, pattern
        assert callable(pattern.callback.permission_rule), pattern.name
