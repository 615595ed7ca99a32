"""Stop and search in a theme report: the officer-defined ethnicity table for the months of the
report's period, checked against an independent count of the factory rows; none unless the
draft asks for it; the empty period; population figures and ratios; the frozen final report;
and the table in the HTML, PDF and Word files."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from planwatch.opendata.tests.factories import PopulationFigureFactory, StopSearchFactory
from planwatch.reports.builder import ThemeReportBuilder
from planwatch.reports.renderers import DocxRenderer, HtmlRenderer, PdfRenderer
from planwatch.reports.selectors import report_context
from planwatch.reports.services import report_finalise, report_render, report_update

NFA = "A no further action disposal"
ARREST = "Arrest"
TITLE = "Business Intelligence Information – Stop and search by officer-defined ethnicity"
# The draft report covers 1 August to 20 November 2019: August to November are its months.
# (month, officer-defined ethnicity, outcome, outcome linked to the object of search)
RECORDS = [
    ((2019, 8), "White", NFA, None),
    ((2019, 8), "White", ARREST, True),
    ((2019, 8), "Black", NFA, None),
    ((2019, 8), "Black", ARREST, True),
    ((2019, 9), "White", NFA, False),
    ((2019, 9), "Asian", "Community resolution", True),
    ((2019, 9), "Black", NFA, None),
    ((2019, 9), "", NFA, None),
    ((2019, 10), "White", ARREST, True),
    ((2019, 10), "Black", ARREST, False),
    ((2019, 10), "White", NFA, None),
    ((2019, 10), "Mixed", NFA, None),
    # Outside the period: never counted.
    ((2019, 7), "Black", ARREST, True),
    ((2019, 12), "White", NFA, None),
]
FIRST, LAST = (2019, 8), (2019, 11)
POPULATIONS = {"White": 2_000, "Black": 400, "Asian": 1_000, "Other": 500}


def _add(records):
    for (year, month), ethnicity, outcome, linked in records:
        StopSearchFactory(
            month=dt.date(year, month, 1),
            officer_defined_ethnicity=ethnicity,
            outcome=outcome,
            outcome_linked_to_object_of_search=linked,
        )


@pytest.fixture
def searches(db):
    _add(RECORDS)
    return RECORDS


@pytest.fixture
def populations(db):
    for group, population in POPULATIONS.items():
        PopulationFigureFactory(group=group, population=population)
    return POPULATIONS


@pytest.fixture
def with_stop_search(draft_report, officer):
    return report_update(report=draft_report, user=officer, include_stop_search=True)


def _half_up(value: Decimal, places: int) -> str:
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _expected_rows(records, populations=None):
    """The table's cells worked out here from the records, not through PlanWatch."""
    chosen = [r for r in records if FIRST <= r[0] <= LAST]
    counts: dict[str, list[int]] = {}
    for _month, ethnicity, outcome, linked in chosen:
        group = counts.setdefault(ethnicity or "Not stated", [0, 0, 0])
        group[0] += 1
        group[1] += linked is True
        group[2] += outcome == NFA
    total = len(chosen)
    order = sorted(counts, key=lambda g: (-counts[g][0], g))
    populations = populations or {}
    order += sorted(set(populations) - set(counts))
    white_rate = Decimal(counts["White"][0]) * 1000 / populations["White"] if populations else 0

    def pct(part, whole):
        return f"{_half_up(Decimal(part) * 100 / whole, 1)}%" if whole else "–"

    rows = []
    for group in order:
        n, linked, nfa = counts.get(group, (0, 0, 0))
        row = [group, f"{n:,}", pct(n, total), pct(linked, n), pct(nfa, n)]
        if populations:
            population = populations.get(group)
            rate = Decimal(n) * 1000 / population if population else None
            row += [
                f"{population:,}" if population else "No figure",
                _half_up(rate, 2) if rate is not None else "–",
                _half_up(rate / white_rate, 2) if rate is not None else "–",
            ]
        rows.append(row)
    linked = sum(c[1] for c in counts.values())
    nfa = sum(c[2] for c in counts.values())
    footer = ["All searches", f"{total:,}", "100.0%", pct(linked, total), pct(nfa, total)]
    rows.append(footer + [""] * (3 if populations else 0))
    return rows


def _section(context):
    found = [s for s in context["sections"] if s["kind"] == "stop_search"]
    assert len(found) == 1
    return found[0]


def _texts(block):
    return [[cell["text"] for cell in row] for row in block["rows"]]


# The builder


def test_the_table_counts_as_an_independent_count_does(searches, populations, with_stop_search):
    context = ThemeReportBuilder(with_stop_search).build()
    assert [(s["number"], s["heading"]) for s in context["sections"]][5:] == [
        ("6", "Stop and search"),
        ("7", "Panel questions and responses"),
        ("8", "Next steps"),
    ]
    (block,) = _section(context)["blocks"]
    assert (block["type"], block["number"], block["title"]) == ("bi_table", "6.1", TITLE)
    assert [c["label"] for c in block["columns"]] == [
        "Officer-defined ethnicity",
        "Searches",
        "Share of all searches",
        "Linked-outcome rate",
        "No-further-action rate",
        "Population",
        "Searches per 1,000 population",
        "Ratio against White",
    ]
    assert [c["numeric"] for c in block["columns"]] == [False] + [True] * 7
    assert _texts(block) == _expected_rows(RECORDS, POPULATIONS)
    assert [row[0]["header"] for row in block["rows"]] == [True] * len(block["rows"])
    assert block["intro"] == (
        "Searches recorded by the police and published on police.uk in August to October "
        "2019, by officer-defined ethnicity: 12 searches in all. The report’s period also takes "
        "in November 2019, for which no records have been imported."
    )
    assert block["source"] == "police.uk stop and search, August to October 2019"
    assert block["stop_search"] == {
        "by": "officer_defined_ethnicity",
        "months": ["2019-08", "2019-09", "2019-10"],
        "months_without_records": ["2019-11"],
        "searches": 12,
        "populations_entered": True,
        "comparator": "White",
    }
    assert "Census 2021, table TS021" in block["basis"]
    assert "divided by that of White (the White group): 2.50 searches per 1,000" in block["basis"]
    assert "No population figure has been entered for Mixed, so its rate" in block["basis"]
    assert (block["flags"], block["chart_svg"]) == ([], "")
    assert json.loads(json.dumps(context)) == context


def test_the_report_agrees_with_the_page(searches, populations, with_stop_search, member_client):
    """The Stop and search page for the same months prints the same figures."""
    (block,) = _section(ThemeReportBuilder(with_stop_search).build())["blocks"]
    page = member_client.get(
        reverse("opendata:stop_search"),
        {"start": "2019-08", "end": "2019-11", "by": "officer_defined_ethnicity"},
    ).content.decode()
    for row in _texts(block)[:-1]:
        for text in row[2:5] + row[6:]:
            assert f">{text}<" in page, (row[0], text)


def test_no_section_unless_the_draft_asks_for_it(searches, populations, draft_report):
    assert draft_report.include_stop_search is False
    context = ThemeReportBuilder(draft_report).build()
    assert "stop_search" not in {s["kind"] for s in context["sections"]}
    assert "Stop and search" not in json.dumps(context)
    assert [s["heading"] for s in context["sections"]][-2:] == [
        "Panel questions and responses",
        "Next steps",
    ]


def test_a_period_without_records_says_so(db, with_stop_search):
    _add([r for r in RECORDS if not FIRST <= r[0] <= LAST])
    (block,) = _section(ThemeReportBuilder(with_stop_search).build())["blocks"]
    assert block["type"] == "paragraph"
    assert block["markdown"] == (
        "No stop-and-search records have been imported for August to November 2019, the months "
        "of the report’s period, so there are no stop-and-search figures for the period."
    )


def test_without_population_figures_it_says_why_there_are_no_rates(searches, with_stop_search):
    (block,) = _section(ThemeReportBuilder(with_stop_search).build())["blocks"]
    assert len(block["columns"]) == 5
    assert _texts(block) == _expected_rows(RECORDS)
    assert block["stop_search"]["populations_entered"] is False
    assert (
        "Rates per 1,000 population and disproportionality ratios are not given: no population "
        "figures by officer-defined ethnicity had been entered in PlanWatch when this report "
        "was prepared."
    ) in block["basis"]


def test_without_the_white_population_there_are_no_ratios(searches, with_stop_search):
    PopulationFigureFactory(group="Black", population=400)
    (block,) = _section(ThemeReportBuilder(with_stop_search).build())["blocks"]
    assert [c["label"] for c in block["columns"]][-2:] == [
        "Population",
        "Searches per 1,000 population",
    ]
    assert (
        "Ratios need the population of the White group: enter a figure for “White”."
        in (block["basis"])
    )
    assert block["stop_search"]["comparator"] == ""


def test_a_final_report_keeps_its_table_when_searches_are_added(
    searches, populations, with_stop_search, officer
):
    report = report_finalise(report=with_stop_search, user=officer)
    snapshot = json.loads(json.dumps(report.snapshot))
    (block,) = _section(snapshot)["blocks"]
    assert block["stop_search"]["searches"] == 12
    pdf = bytes(report.final_pdf)
    _add([((2019, 9), "Black", ARREST, True), ((2019, 11), "Asian", NFA, None)])
    PopulationFigureFactory(group="Mixed", population=300)
    report.refresh_from_db()
    assert report.snapshot == snapshot
    assert report_context(report=report) == snapshot
    assert report_render(report=report, fmt="pdf")[0] == pdf
    # Built afresh from today's data, the table would have changed.
    (fresh,) = _section(ThemeReportBuilder(report).build())["blocks"]
    assert fresh["stop_search"]["searches"] == 14
    assert fresh["stop_search"]["months_without_records"] == []


# The draft's form


def test_the_officer_ticks_stop_and_search_on_the_draft(
    searches, officer_client, draft_report, report_plan
):
    url = reverse("reports:report_edit", kwargs={"pk": draft_report.pk})
    page = officer_client.get(url).content.decode()
    assert "Include stop and search for the period" in page
    assert "Adds a Stop and search section for the Independent Scrutiny Group" in page
    day = draft_report.period_end
    response = officer_client.post(
        url,
        {
            "period_start_0": draft_report.period_start.day,
            "period_start_1": draft_report.period_start.month,
            "period_start_2": draft_report.period_start.year,
            "period_end_0": day.day,
            "period_end_1": day.month,
            "period_end_2": day.year,
            "include_stop_search": "on",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "The report’s text has been saved" in html
    assert "Stop and search</h2>" in html
    assert TITLE in html
    draft_report.refresh_from_db()
    assert draft_report.include_stop_search is True
    page = officer_client.get(url).content.decode()
    assert 'name="include_stop_search" id="id_include_stop_search" checked' in page


# The three renderers


@pytest.fixture
def stop_search_context(searches, populations, with_stop_search):
    return ThemeReportBuilder(with_stop_search).build()


def test_html_prints_a_govuk_table(stop_search_context):
    html = HtmlRenderer().render(stop_search_context).decode("utf-8")
    assert (
        '<h2 id="report-section-6"><span class="pw-report__number">6.</span> Stop and search'
        in (html)
    )
    assert f'<caption class="govuk-table__caption govuk-visually-hidden">{TITLE}</caption>' in html
    assert '<th scope="row" class="govuk-table__header">Black</th>' in html
    assert "Source: police.uk stop and search, August to October 2019" in html


def test_pdf_contains_the_table(stop_search_context):
    pdf = PdfReader(io.BytesIO(PdfRenderer().render(stop_search_context)))
    flat = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "6. Stop and search" in flat
    # The heading may break after a hyphen ("officer- defined"), with wider fonts.
    assert f"6.1 {TITLE}" in flat.replace("- ", "-")
    # Narrow header cells break after a hyphen: "Officer- defined".
    (block,) = _section(stop_search_context)["blocks"]
    header = " ".join(c["label"] for c in block["columns"])
    assert header in flat.replace("- ", "-")
    for row in _expected_rows(RECORDS, POPULATIONS):
        assert " ".join(text for text in row if text) in flat, row
    assert "Source: police.uk stop and search, August to October 2019" in flat


def test_docx_contains_the_table(stop_search_context):
    document = Document(io.BytesIO(DocxRenderer().render(stop_search_context)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "6. Stop and search" in headings
    assert f"6.1\t{TITLE}" in [p.text for p in document.paragraphs]
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Officer")]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    (block,) = _section(stop_search_context)["blocks"]
    assert cells[0] == [c["label"] for c in block["columns"]]
    assert cells[1:] == _expected_rows(RECORDS, POPULATIONS)
