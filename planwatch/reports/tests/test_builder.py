import datetime as dt
import json

from planwatch.accountability.models import Body
from planwatch.accountability.tests.factories import MeetingFactory, PanelQuestionFactory
from planwatch.reports.builder import ThemeReportBuilder
from planwatch.reports.services import report_create, report_update

from .conftest import (
    UPDATE_BEFORE_PERIOD,
    UPDATE_DRAFT,
    UPDATE_IN_PERIOD,
    UPDATE_WITH_LIST,
    UPDATE_WORKFORCE,
)


def _blocks(section):
    return {block["number"]: block for block in section["blocks"]}


def test_the_report_is_numbered_like_the_seeds(draft_report):
    context = ThemeReportBuilder(draft_report).build()
    headings = [(s["number"], s["heading"]) for s in context["sections"]]
    assert headings == [
        ("1", "Purpose"),
        ("2", "Recommendations"),
        ("3", "Background"),
        (
            "4",
            "Objective: Joining-up service provision to listen and respond to day to day "
            "community safety issues",
        ),
        (
            "5",
            "Objective: Inspire all public servants to maintain the highest levels of ethical "
            "behaviour",
        ),
        ("6", "Panel questions and responses"),
        ("7", "Next steps"),
    ]
    objective = _blocks(context["sections"][3])
    services, contact = objective["4.1"], objective["4.2"]
    assert services["heading"] == (
        "Priority for Action: Bring together services and systems to respond to community issues"
    )
    numbered = [(b["number"], b["type"]) for b in services["blocks"]]
    assert numbered == [("4.1.1", "paragraph"), ("4.1.2", "paragraph"), ("4.1.3", "question")]
    assert [b["number"] for b in contact["blocks"]] == ["4.2.1"]
    assert _blocks(context["sections"][4])["5.1"]["blocks"][0]["number"] == "5.1.1"


def test_approved_updates_in_the_period_oldest_first_with_html_and_markdown(draft_report):
    context = ThemeReportBuilder(draft_report).build()
    services = _blocks(context["sections"][3])["4.1"]
    first, second = services["blocks"][0], services["blocks"][1]
    assert first["markdown"] == UPDATE_WITH_LIST
    assert "<ul>\n<li>Healthy and Safer Schools</li>" in first["html"]
    assert first["update"]["date"] == "2019-08-01"
    assert second["html"] == f"<p>{UPDATE_IN_PERIOD}</p>"
    text = json.dumps(context)
    assert UPDATE_WORKFORCE in text
    assert UPDATE_BEFORE_PERIOD not in text
    assert UPDATE_DRAFT not in text


def test_a_priority_without_updates_says_so(draft_report):
    context = ThemeReportBuilder(draft_report).build()
    contact = _blocks(context["sections"][3])["4.2"]
    assert contact["blocks"][0]["html"] == (
        "<p>No updates were recorded for this priority in the period.</p>"
    )


def test_panel_questions_follow_their_priority_and_the_rest_have_a_section(
    draft_report, report_plan
):
    context = ThemeReportBuilder(draft_report).build()
    question = _blocks(context["sections"][3])["4.1"]["blocks"][2]
    assert question["question"] == report_plan.linked_question.question
    assert question["response_html"] == (
        "<p>The <strong>Discover, Define, Develop and Deliver</strong> framework builds "
        "evaluation in.</p>"
    )
    general = context["sections"][5]
    assert [b["question"] for b in general["blocks"]] == [report_plan.general_question.question]


def test_questions_from_other_meetings_are_left_out(draft_report, report_plan):
    PanelQuestionFactory(
        meeting=MeetingFactory(body=Body.PANEL, date=dt.date(2019, 9, 10)),
        theme=report_plan.theme,
        question="A question put at another meeting?",
    )
    assert "another meeting" not in json.dumps(ThemeReportBuilder(draft_report).build())


def test_board_reports_have_no_panel_questions(report_plan, officer):
    board = MeetingFactory(body=Body.BOARD, date=dt.date(2019, 11, 28))
    PanelQuestionFactory(meeting=board, theme=report_plan.theme, question="Asked at the Board?")
    report = report_create(theme=report_plan.theme, meeting=board, user=officer)
    context = ThemeReportBuilder(report).build()
    assert [s["heading"] for s in context["sections"]][-1] == "Next steps"
    assert "Panel questions and responses" not in [s["heading"] for s in context["sections"]]
    assert '"question"' not in json.dumps(context)
    assert context["to"] == "Business Coordination Board"
    assert context["sections"][0]["blocks"][0]["markdown"].startswith(
        "The purpose of this report is to update the Business Coordination Board (the “Board”)"
    )
    assert context["sections"][1]["blocks"][0]["markdown"] == (
        "The Board is recommended to note the report."
    )


def test_background_is_written_from_the_plan(draft_report):
    background = ThemeReportBuilder(draft_report).build()["sections"][2]["blocks"]
    assert background[0]["number"] == "3.1"
    assert background[0]["markdown"].startswith(
        "Under the Police Reform and Social Responsibility Act 2011, the Commissioner is "
        "required to produce a Plan. The Commissioner’s Plan became effective from the 1st "
        "April 2017 and is structured around four key strategic themes: Victims, Offenders, "
        "Communities, and Transformation. Each theme has its own aim"
    )
    assert background[1]["markdown"] == (
        "The Communities Theme of the Plan has the Shared Outcome of ‘Communities have "
        "confidence in how we respond to their needs’; the Aim to ‘Support safer and stronger "
        "communities’, along with 3 ‘Priorities for Action’."
    )


def test_the_reports_own_text(draft_report, report_plan, officer):
    joining_up = report_plan.objectives[0]
    report = report_update(
        report=draft_report,
        user=officer,
        author="Dorothy Gregson, Chief Executive",
        purpose="The purpose of this report is to:\n\n- update the Panel\n- explain\n\nAlso this.",
        background_note="The Board discussed the theme in July 2019.",
        introductions={str(joining_up.pk): "Place-based partnerships are evolving."},
        next_steps_note="A report to the September 2019 Board identified further action.",
    )
    context = ThemeReportBuilder(report).build()
    assert context["from"] == "Dorothy Gregson, Chief Executive"
    purpose = context["sections"][0]["blocks"]
    assert [b["number"] for b in purpose] == ["1.1", "1.2"]
    assert "<li>update the Panel</li>" in purpose[0]["html"]
    assert context["sections"][2]["blocks"][2]["markdown"] == (
        "The Board discussed the theme in July 2019."
    )
    objective = context["sections"][3]["blocks"]
    assert objective[0]["number"] == "4.1"
    assert objective[0]["markdown"] == "Place-based partnerships are evolving."
    assert objective[1]["number"] == "4.2"
    assert objective[1]["heading"].startswith("Priority for Action: Bring together")
    assert objective[1]["blocks"][0]["number"] == "4.2.1"
    next_steps = context["sections"][-1]["blocks"]
    assert next_steps[0]["number"] == "7.1"
    assert next_steps[1]["number"] == "7.2"


def test_next_steps_list_the_open_actions(draft_report):
    next_steps = ThemeReportBuilder(draft_report).build()["sections"][-1]
    actions = next_steps["blocks"][0]
    assert actions["type"] == "actions"
    assert actions["items"] == [
        {
            "description": "Publish the public contact strategy",
            "owner": "Cambridgeshire Constabulary",
            "due_date": "2020-03-31",
            "due_label": "31 March 2020",
            "status": "open",
            "status_label": "Not started",
            "priority": "Ensure the public have easy and effective ways to contact the right "
            "service",
        }
    ]


def test_the_context_is_plain_json(draft_report):
    context = ThemeReportBuilder(draft_report).build()
    assert json.loads(json.dumps(context)) == context
    assert context["title"] == "Police and Crime Plan – Communities theme"
    assert context["to"] == "Police and Crime Panel"
    assert context["from"] == "Chief Executive"
    assert context["date"] == "2019-11-20"
    assert context["meeting"]["slug"] == "panel-2019-11"
    assert context["period"] == {
        "start": "2019-08-01",
        "end": "2019-11-20",
        "label": "1 August 2019 to 20 November 2019",
    }
    assert context["draft"] is True
    assert context["filename_stem"] == "communities-panel-2019-11"
