import datetime as dt
import json
from decimal import Decimal

import pytest

from planwatch.performance import selectors
from planwatch.performance.models import Indicator
from planwatch.performance.periods import Month, parse_period
from planwatch.performance.services import flag_acknowledge
from planwatch.performance.tests.factories import IndicatorFactory, ObservationFactory
from planwatch.reports import intelligence
from planwatch.reports.builder import ThemeReportBuilder

from .intelligence_data import CONTACTS_SOURCE

CONTACTS_TITLE = "Business Intelligence Information – Public contacts with the Constabulary"
FEMALE_TITLE = "Business Intelligence Information – Female share of the workforce"


def _blocks(report):
    built = ThemeReportBuilder(report).build()
    found = {}
    for section in built["sections"]:
        for block in section["blocks"]:
            for inner in block.get("blocks", []):
                if inner["type"] == "bi_table":
                    found[inner["title"]] = inner
    return built, found


def _texts(block):
    return [[cell["text"] for cell in row] for row in block["rows"]]


def _report_ending(draft_report, end):
    draft_report.period_end = end
    return draft_report


# Call handling: a row per period, a column per channel, the total last


def test_the_call_handling_table_is_computed_from_the_figures(bi_data, draft_report):
    _, blocks = _blocks(draft_report)
    block = blocks[CONTACTS_TITLE]
    assert block["number"] == "4.2.2"
    assert block["layout"] == "periods_as_rows"
    assert [c["label"] for c in block["columns"]] == [
        "Period",
        "999",
        "101",
        "Online",
        "Web chat",
        "Total",
    ]
    assert [c["numeric"] for c in block["columns"]] == [False, True, True, True, True, True]
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
    assert all(row[0]["header"] and not row[0]["numeric"] for row in block["rows"])
    assert block["intro"] == (
        "Figures for Jan–Sep 2019, with the change on the same period of the previous year "
        "(Jan–Sep 2018) in brackets. Jan–Dec 2018 is also shown."
    )
    assert (
        "The change in the total, -3.1% on Jan–Sep 2018, is statistically significant"
        in (block["basis"])
    )
    assert block["source"] == CONTACTS_SOURCE
    assert (block["latest"], block["basis_period"]) == ("2019-01..2019-09", "2018-01..2018-09")


def test_a_changed_figure_changes_the_table(bi_data, draft_report):
    observation = bi_data.observations[("2018-01..2018-09", "channel=999")]
    observation.value = Decimal("100000")
    observation.save()
    _, blocks = _blocks(draft_report)
    assert _texts(blocks[CONTACTS_TITLE])[0][1] == "101,926 (+1.9%)"
    assert _texts(blocks[CONTACTS_TITLE])[1][1] == "100,000"


def test_the_bi_block_sits_between_the_updates_and_the_questions(bi_data, draft_report):
    built, _ = _blocks(draft_report)
    contact = built["sections"][3]["blocks"][1]
    assert [b["type"] for b in contact["blocks"]] == ["paragraph", "bi_table"]
    services = built["sections"][3]["blocks"][0]
    assert [b["type"] for b in services["blocks"]] == ["paragraph", "paragraph", "question"]


# Workforce: a row per staff group, a column per period


def test_the_workforce_table_shows_counts_with_computed_percentages(bi_data, draft_report):
    _, blocks = _blocks(draft_report)
    block = blocks[FEMALE_TITLE]
    assert block["number"] == "5.1.2"
    assert [c["label"] for c in block["columns"]] == ["Staff group", "March 2016", "March 2019"]
    # At the precision each percentage was printed with, computed from the counts: 420 of
    # 1,381 is 30.4%, though 30.0% was printed.
    assert _texts(block) == [
        ["Police officer", "420 (30.4%)", "447 (31.52%)"],
        ["Police staff", "521 (61.5%)", "586 (62.74%)"],
        ["PCSO", "75 (53.2%)", "49 (55.68%)"],
    ]
    assert block["intro"] == (
        "Figures for March 2019, with March 2016 for comparison. Numbers are shown with their "
        "percentage of the whole in brackets."
    )
    # A census of the workforce, not a survey, with no total: no chart adds anything.
    assert block["chart_svg"] == ""


def test_without_a_printed_percentage_the_indicators_decimals_are_used(bi_data, draft_report):
    observation = bi_data.observations[("2019-03", "staff_group=police_officer")]
    observation.stated_value = ""
    observation.save()
    _, blocks = _blocks(draft_report)
    assert _texts(blocks[FEMALE_TITLE])[0][2] == "447 (31.52%)"
    bi_data.female.decimals = 1
    bi_data.female.save()
    _, blocks = _blocks(draft_report)
    assert _texts(blocks[FEMALE_TITLE])[0][2] == "447 (31.5%)"


# Flags


def test_disagreeing_figures_are_marked_and_listed(bi_data, draft_report):
    _, blocks = _blocks(draft_report)
    contacts = blocks[CONTACTS_TITLE]
    markers = [[cell["marker"] for cell in row] for row in contacts["rows"]]
    assert markers[0] == ["", "", "", "[note 1]", "[note 2]", ""]
    assert markers[2][-1] == "[note 3]"
    assert [(f["note"], f["kind"], f["acknowledged"]) for f in contacts["flags"]] == [
        (1, "change", False),
        (2, "change", False),
        (3, "total", False),
    ]
    online = bi_data.observations[("2019-01..2019-09", "channel=online")]
    assert contacts["flags"][0]["observation"] == online.pk
    assert contacts["flags"][0]["message"] == (
        "Public contacts with the Constabulary (online), Jan–Sep 2019: printed +112% on "
        "Jan–Sep 2018, but 14,335 against 3,988 is +259.5%."
    )
    assert "Where a figure printed in the source disagrees" in contacts["basis"]
    female = blocks[FEMALE_TITLE]
    assert [cell["marker"] for cell in female["rows"][0]] == ["", "[note 1]", ""]
    assert female["flags"][0]["message"] == (
        "Female share of the workforce (police officer), March 2016: printed 30.0%, but 420 of "
        "1,381 is 30.41%."
    )


def test_an_acknowledged_flag_carries_its_reason(bi_data, draft_report, officer):
    online = bi_data.observations[("2019-01..2019-09", "channel=online")]
    flag_acknowledge(
        observation=online, kind="change", reason="The source compared a part-year.", user=officer
    )
    built, blocks = _blocks(draft_report)
    first = blocks[CONTACTS_TITLE]["flags"][0]
    assert (first["acknowledged"], first["reason"]) == (True, "The source compared a part-year.")
    assert blocks[CONTACTS_TITLE]["rows"][0][3]["marker"] == "[note 1]"
    flags = intelligence.report_flags(built)
    assert len(flags) == 5
    assert (flags[0]["block_number"], flags[0]["title"]) == ("4.2.2", CONTACTS_TITLE)
    assert len(intelligence.unacknowledged_flags(built)) == 4


def test_the_block_survives_json_unchanged(bi_data, draft_report):
    built, blocks = _blocks(draft_report)
    assert json.loads(json.dumps(built)) == built
    chart = blocks[CONTACTS_TITLE]["chart_svg"]
    assert chart.startswith("<svg") and chart.endswith("</svg>")
    assert "Jan–Sep 2018" in chart and "Jan–Sep 2019" in chart


# Which periods


def test_periods_ending_after_the_report_are_left_out(bi_data, draft_report):
    _, blocks = _blocks(_report_ending(draft_report, dt.date(2019, 6, 30)))
    block = blocks[CONTACTS_TITLE]
    # Jan–Dec 2018 is the latest; Jan–Sep 2018 lies inside it, and 2017 is not recorded.
    assert [row[0] for row in _texts(block)] == ["Jan–Dec 2018"]
    assert block["intro"] == "Figures for Jan–Dec 2018."
    assert blocks[FEMALE_TITLE]["latest"] == "2019-03"


def test_no_block_without_a_figure_in_time(bi_data, draft_report):
    _, blocks = _blocks(_report_ending(draft_report, dt.date(2016, 1, 31)))
    assert blocks == {}


def test_at_most_four_periods_newest_first_after_the_basis(report_plan, draft_report):
    indicator = IndicatorFactory(
        code="asb", name="Anti-social behaviour", table_layout="periods_as_rows"
    )
    indicator.priorities.add(report_plan.priorities.contact)
    for quarter in ("2017-Q1", "2018-Q2", "2018-Q3", "2018-Q4", "2019-Q1", "2019-Q2", "2019-Q3"):
        ObservationFactory(indicator=indicator, period=quarter, value=Decimal("100"))
    ObservationFactory(indicator=indicator, period="2019-Q4", value=Decimal("100"))
    _, blocks = _blocks(draft_report)
    block = blocks["Business Intelligence Information – Anti-social behaviour"]
    assert [row[0] for row in _texts(block)] == [
        "Jul–Sep 2019",
        "Jul–Sep 2018",
        "Apr–Jun 2019",
        "Jan–Mar 2019",
    ]
    assert _texts(block)[0][1] == "100 (0.0%)"
    # One column with no total: a chart would only repeat the table.
    assert block["chart_svg"] == ""


def test_a_stated_basis_is_used_for_the_change(report_plan, draft_report):
    indicator = IndicatorFactory(
        code="surgeries", name="Public surgeries held", table_layout="periods_as_rows"
    )
    indicator.priorities.add(report_plan.priorities.contact)
    ObservationFactory(
        indicator=indicator, period="2019-Q3", value=Decimal("12"), change_basis="2019-Q2"
    )
    ObservationFactory(indicator=indicator, period="2019-Q2", value=Decimal("10"))
    _, blocks = _blocks(draft_report)
    block = blocks["Business Intelligence Information – Public surgeries held"]
    assert _texts(block) == [["Jul–Sep 2019", "12 (+20.0%)"], ["Apr–Jun 2019", "10"]]
    assert (
        block["intro"] == "Figures for Jul–Sep 2019, with the change on Apr–Jun 2019 in brackets."
    )


def _indicator(report_plan, code, name, periods, **fields):
    indicator = IndicatorFactory(code=code, name=name, **fields)
    indicator.priorities.add(report_plan.priorities.contact)
    for period, value in periods.items():
        ObservationFactory(indicator=indicator, period=period, value=Decimal(value))
    return indicator


def test_figures_for_the_month_of_the_meeting_are_reported(report_plan, draft_report):
    # The report ends on the meeting day, 20 November 2019: November's figure is reported,
    # December's is not.
    _indicator(
        report_plan,
        "followers",
        "Followers on Twitter",
        {"2019-07": "3200", "2019-11": "3700", "2019-12": "3800"},
        aggregation="last",
    )
    _, blocks = _blocks(draft_report)
    block = blocks["Business Intelligence Information – Followers on Twitter"]
    assert [c["label"] for c in block["columns"]] == ["Measure", "July 2019", "November 2019"]
    assert _texts(block) == [["Followers on Twitter", "3,200", "3,700"]]
    assert block["latest"] == "2019-11"


def test_periods_of_another_length_are_not_mixed_in(report_plan, draft_report):
    # Two financial years compare; a later document's single quarter does not displace them.
    _indicator(
        report_plan,
        "complaints",
        "Complaint cases recorded",
        {"FY2017/18": "328", "FY2018/19": "338", "FY2019/20-Q1": "120"},
    )
    _, blocks = _blocks(draft_report)
    block = blocks["Business Intelligence Information – Complaint cases recorded"]
    assert [c["label"] for c in block["columns"]] == ["Measure", "2017/18", "2018/19"]
    assert (block["latest"], block["basis_period"]) == ("FY2018/19", "FY2017/18")


def test_with_nothing_to_compare_the_latest_is_shown_alone(report_plan, draft_report):
    _indicator(
        report_plan,
        "surgeries",
        "Public surgeries held",
        {"FY2018/19": "12", "2019-Q2": "4"},
    )
    _, blocks = _blocks(draft_report)
    block = blocks["Business Intelligence Information – Public surgeries held"]
    assert [c["label"] for c in block["columns"]] == ["Measure", "Apr–Jun 2019"]
    assert block["intro"] == "Figures for Apr–Jun 2019."


def test_a_basis_made_from_its_months_gives_the_change(report_plan, draft_report):
    # The quarter's basis is not stored, but its months are: they are added up for it, and
    # the months themselves are not shown beside the quarters.
    months = {str(Month(2018, 1) + i): "10" for i in range(9)}
    _indicator(
        report_plan,
        "asb",
        "Anti-social behaviour",
        {**months, "2019-Q3": "33"},
        table_layout="periods_as_rows",
    )
    _, blocks = _blocks(draft_report)
    block = blocks["Business Intelligence Information – Anti-social behaviour"]
    assert _texts(block) == [["Jul–Sep 2019", "33 (+10.0%)"], ["Jul–Sep 2018", "30"]]
    assert (block["latest"], block["basis_period"]) == ("2019-Q3", "2018-Q3")


# Charts


def test_a_monthly_series_gets_an_spc_chart(report_plan, draft_report):
    indicator = IndicatorFactory(code="calls-999", name="999 calls", polarity="neither")
    indicator.priorities.add(report_plan.priorities.contact)
    month = Month(2017, 10)
    for i in range(24):
        ObservationFactory(
            indicator=indicator, period=str(month + i), value=Decimal(10000 + (i % 5) * 300)
        )
    _, blocks = _blocks(draft_report)
    block = blocks["Business Intelligence Information – 999 calls"]
    # A column per period, in time order: the basis, then the latest three months.
    assert [c["label"] for c in block["columns"]] == [
        "Measure",
        "September 2018",
        "July 2019",
        "August 2019",
        "September 2019",
    ]
    assert _texts(block)[0][0] == "999 calls"
    assert block["chart_svg"].startswith("<svg")
    assert "999 calls, Oct 2017–Sep 2019, by month" in block["chart_svg"]


def test_an_spc_chart_needs_the_selectors_minimum_of_months(report_plan, draft_report):
    assert intelligence.SPC_MIN_POINTS == selectors.SPC_MIN_POINTS
    title = "Business Intelligence Information – 999 calls"
    indicator = IndicatorFactory(code="calls-999", name="999 calls", polarity="neither")
    indicator.priorities.add(report_plan.priorities.contact)
    last = Month(2019, 9)
    for i in range(selectors.SPC_MIN_POINTS - 1):
        ObservationFactory(indicator=indicator, period=str(last - i), value=10000 + i % 3)
    _, blocks = _blocks(draft_report)
    assert blocks[title]["chart_svg"] == ""
    ObservationFactory(
        indicator=indicator, period=str(last - selectors.SPC_MIN_POINTS + 1), value=10000
    )
    _, blocks = _blocks(draft_report)
    assert "999 calls, Jul 2018–Sep 2019, by month" in blocks[title]["chart_svg"]


def test_a_survey_percentage_gets_bars_with_confidence_intervals(report_plan, draft_report):
    indicator = IndicatorFactory(
        code="hate-satisfaction",
        name="Hate crime victims satisfied",
        unit=Indicator.Unit.PERCENTAGE,
        decimals=1,
        aggregation="last",
        table_layout="periods_as_rows",
    )
    indicator.priorities.add(report_plan.priorities.contact)
    ObservationFactory(indicator=indicator, period="R12-2019-05", value=67, sample_size=88)
    ObservationFactory(indicator=indicator, period="R12-2018-05", value=Decimal("79.2"))
    _, blocks = _blocks(draft_report)
    block = blocks["Business Intelligence Information – Hate crime victims satisfied"]
    assert _texts(block) == [
        ["year ending May 2019", "67.0% (n=88) (-12.2 pp)"],
        ["year ending May 2018", "79.2%"],
    ]
    assert "change in percentage points" in block["intro"]
    assert "one-sample score z-test" in block["basis"]
    assert "Hate crime victims satisfied, with 95% confidence intervals" in block["chart_svg"]


# Plain helpers


def test_note_markers_and_labels():
    assert intelligence.note_marker([]) == ""
    assert intelligence.note_marker([2]) == "[note 2]"
    assert intelligence.note_marker([3, 1, 3]) == "[notes 1 and 3]"
    assert intelligence.humanise("police_officer") == "Police officer"
    assert intelligence.humanise("pcso") == "PCSO"
    assert intelligence.humanise("999") == "999"
    assert intelligence.period_label(parse_period("CY2018")) == "Jan–Dec 2018"
    assert intelligence.period_label(parse_period("FY2018/19")) == "2018/19"


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [("5.65", 1, "+5.7"), ("-12.83", 1, "-12.8"), ("-0.04", 1, "0.0"), ("0.25", 1, "+0.3")],
)
def test_changes_are_rounded_half_up(value, places, expected):
    assert intelligence.signed(Decimal(value), places) == expected
