"""The demo's report on the Communities theme to the Police and Crime Panel of 13 November
2019, built from the demo dataset and read as a reader of the printed report would: its call
handling (para 5.2.2), workforce diversity (6.1.5) and complaints (6.2.2) tables, the figures
for November 2019 itself, and the six printed figures that disagree with the data.

The dataset is loaded and the report built once for the module, inside a transaction that is
rolled back at the end; each test runs in a savepoint within it.
"""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from planwatch.accountability.models import Meeting
from planwatch.accounts.models import User
from planwatch.performance.models import Indicator, Observation
from planwatch.places.selectors import force_area
from planwatch.plan.models import Priority, Theme
from planwatch.reports.builder import ThemeReportBuilder
from planwatch.reports.intelligence import IntelligenceTable, report_flags, unacknowledged_flags
from planwatch.reports.services import report_create

TITLE = "Business Intelligence Information – {}"
CONTACTS = TITLE.format("Public contacts with the Constabulary")
BME = TITLE.format("Black and minority ethnic (BME) share of the workforce")
COMPLAINTS = TITLE.format("Complaint cases recorded")
ALLEGATIONS = TITLE.format("Complaint allegations recorded")
TWITTER = TITLE.format("Followers of the Commissioner on Twitter")

# (indicator, period, breakdown, kind): the printed figures that disagree with the data
# (docs/demo-figures.md).
SIX_FLAGS = {
    ("contacts", "2019-01..2019-09", "channel=online", "change"),
    ("contacts", "2019-01..2019-09", "channel=web_chat", "change"),
    ("contacts", "CY2018", "", "total"),
    ("workforce-female", "2016-03", "staff_group=police_officer", "percentage"),
    ("workforce-female", "2016-03", "staff_group=pcso", "percentage"),
    ("workforce-disability", "2016-03", "staff_group=police_staff", "percentage"),
}


@pytest.fixture(scope="module")
def built_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", allow_without_debug=True, stdout=StringIO())
        report = report_create(
            theme=Theme.objects.get(plan__slug="2017-2021", slug="communities"),
            meeting=Meeting.objects.get(slug="panel-2019-11"),
            user=User.objects.get(username="officer"),
        )
        built = ThemeReportBuilder(report).build()
        yield SimpleNamespace(report=report, built=built, blocks=_bi_blocks(built["sections"]))
        transaction.set_rollback(True)


@pytest.fixture
def demo(built_once, db):
    return built_once


def _bi_blocks(blocks) -> dict:
    found = {}
    for block in blocks:
        if block.get("type") == "bi_table":
            found[block["title"]] = block
        found.update(_bi_blocks(block.get("blocks", [])))
    return found


def _texts(block) -> list[list[str]]:
    return [[cell["text"] for cell in row] for row in block["rows"]]


def _markers(block) -> list[list[str]]:
    return [[cell["marker"] for cell in row] for row in block["rows"]]


def _labels(block) -> list[str]:
    return [column["label"] for column in block["columns"]]


def test_the_report_runs_to_the_meeting_day(demo):
    assert demo.report.period_end.isoformat() == "2019-11-13"


# 5.2.2 Call handling


def test_call_handling_shows_jan_to_sep_both_years_and_2018_in_full(demo):
    block = demo.blocks[CONTACTS]
    assert _labels(block) == ["Period", "999", "101", "Online", "Web chat", "Total"]
    assert _texts(block) == [
        [
            "Jan–Sep 2019",
            "101,926 (+5.7%)",
            "208,750 (-12.8%)",
            "14,335 (+259.5%)",
            "15,410 (+36.9%)",
            "340,421 (-3.1%)",
        ],
        ["Jan–Sep 2018", "96,457", "239,473", "3,988", "11,254", "351,172"],
        ["Jan–Dec 2018", "130,142", "320,888", "5,661", "151", "471,827"],
    ]
    assert (block["latest"], block["basis_period"]) == ("2019-01..2019-09", "2018-01..2018-09")


def test_call_handling_notes_the_printed_changes_that_disagree(demo):
    block = demo.blocks[CONTACTS]
    # Printed +112% and +31%: the online and web-chat changes are computed, and noted.
    assert _markers(block)[0] == ["", "", "", "[note 1]", "[note 2]", ""]
    assert _markers(block)[2][-1] == "[note 3]"
    assert [(f["note"], f["kind"], f["acknowledged"]) for f in block["flags"]] == [
        (1, "change", False),
        (2, "change", False),
        (3, "total", False),
    ]
    online, web_chat, _ = (f["message"] for f in block["flags"])
    assert "printed +112%" in online and "+259.5%" in online
    assert "printed +31%" in web_chat and "+36.9%" in web_chat


# 6.1.5 Workforce diversity


def test_the_bme_table_compares_march_2016_with_march_2019(demo):
    block = demo.blocks[BME]
    assert _labels(block) == ["Staff group", "March 2016", "March 2019"]
    assert _texts(block) == [
        ["Police officer", "33 (2.4%)", "57 (4.02%)"],
        ["Police staff", "23 (2.7%)", "36 (3.85%)"],
        ["PCSO", "12 (8.5%)", "8 (9.09%)"],
    ]
    assert block["flags"] == []


# 6.2.2 Complaints


def test_complaints_compare_the_two_financial_years_and_no_quarter(demo):
    block = demo.blocks[COMPLAINTS]
    assert _labels(block) == ["Measure", "2017/18", "2018/19"]
    assert _texts(block) == [["Complaint cases recorded", "328", "338"]]
    assert _texts(demo.blocks[ALLEGATIONS]) == [["Complaint allegations recorded", "791", "783"]]
    labels = {p["label"] for b in demo.blocks.values() for p in b["periods"]}
    assert not any(label.startswith("Q") for label in labels)


# The meeting's own month


def test_november_2019s_figures_are_reported(demo):
    block = demo.blocks[TWITTER]
    assert _labels(block) == ["Measure", "July 2019", "November 2019"]
    assert _texts(block) == [["Followers of the Commissioner on Twitter", "3,200", "3,700"]]
    for name in (
        "Friends Against Scams registered",
        "Community Speedwatch volunteers",
        "Independent custody visitors recruited",
    ):
        assert demo.blocks[TITLE.format(name)]["latest"] == "2019-11", name


# The flags


def test_the_six_flags_are_listed_and_none_is_acknowledged(demo):
    flags = report_flags(demo.built)
    assert len(flags) == 6
    observations = Observation.objects.select_related("indicator").in_bulk(
        [f["observation"] for f in flags]
    )
    assert {
        (o.indicator.code, o.period, o.breakdown, f["kind"])
        for f in flags
        for o in [observations[f["observation"]]]
    } == SIX_FLAGS
    assert unacknowledged_flags(demo.built) == flags


# Queries


def test_building_the_report_reads_each_indicator_once_not_each_cell(demo):
    theme = demo.report.theme
    priorities = Priority.objects.filter(objective__theme=theme).count()
    links = Indicator.priorities.through.objects.filter(priority__objective__theme=theme).count()
    with CaptureQueriesContext(connection) as queries:
        ThemeReportBuilder(demo.report).build()
    # The rest of the report takes a dozen or so queries; each priority finds its indicators
    # (and the force area), and each indicator's table reads its observations once, then its
    # flags and their acknowledgements: 98 queries in all, where reading each cell took 495.
    assert len(queries) <= 20 + 2 * priorities + 3 * links


def test_one_table_takes_the_same_few_queries_however_many_cells(demo):
    contacts = Indicator.objects.get(code="contacts")
    table = IntelligenceTable(contacts, period_end=demo.report.period_end, area=force_area())
    with CaptureQueriesContext(connection) as queries:
        block = table.build()
    assert sum(len(row) - 1 for row in block["rows"]) == 15
    # Its observations, then its flags and their acknowledgements.
    assert len(queries) <= 4
