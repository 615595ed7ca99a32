import io
import re

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from pypdf import PdfReader

from planwatch.reports.builder import ThemeReportBuilder
from planwatch.reports.renderers import (
    DocxRenderer,
    HtmlRenderer,
    PdfRenderer,
    document_body,
    renderer_for,
)
from planwatch.reports.renderers.docx_html import HtmlToDocx

from .conftest import UPDATE_IN_PERIOD, UPDATE_WORKFORCE


@pytest.fixture
def context(draft_report):
    return ThemeReportBuilder(draft_report).build()


def test_renderers_by_format():
    assert isinstance(renderer_for("pdf"), PdfRenderer)
    assert isinstance(renderer_for("docx"), DocxRenderer)
    assert isinstance(renderer_for("html"), HtmlRenderer)
    with pytest.raises(ValueError, match="choose pdf, docx, html"):
        renderer_for("odt")


def test_filenames(context):
    assert renderer_for("pdf").filename(context) == "communities-panel-2019-11.pdf"
    assert renderer_for("docx").filename(context) == "communities-panel-2019-11.docx"


def test_html_is_a_standalone_document_with_numbered_headings(context):
    html = HtmlRenderer().render(context).decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in html
    assert "<style>" in html and "@page" in html and "counter(page)" in html
    assert "<link" not in html and "<script" not in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert "<h1>Police and Crime Plan – Communities theme</h1>" in html
    assert re.search(r'<h2 id="report-section-1"><span[^>]*>1\.</span> Purpose</h2>', html)
    assert re.search(r"<h3><span[^>]*>4\.1</span> Priority for Action: Bring together", html)
    assert re.search(r"<p><span class=\"pw-report__number\">4\.1\.2&nbsp;</span>Community", html)
    assert f"{UPDATE_IN_PERIOD}</p>" in html
    assert "<strong>Panel Question:</strong>" in html
    assert "<p><strong>Response:</strong> The <strong>Discover" in html
    assert "<dt>To:</dt><dd>Police and Crime Panel</dd>" in html


def test_the_body_can_be_cut_from_a_document(context):
    renderer = HtmlRenderer()
    body = document_body(renderer.render_text(context))
    assert body.startswith('<div class="pw-report__body">')
    assert body == renderer.render_body(context).strip()
    assert document_body("<html>no markers</html>") == ""


def test_pdf_is_a4_with_page_numbers_and_the_reports_text(context):
    pdf = PdfReader(io.BytesIO(PdfRenderer().render(context)))
    first = pdf.pages[0]
    assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (595, 842)
    text = "\n".join(page.extract_text() for page in pdf.pages)
    flat = " ".join(text.split())
    for heading in (
        "1. Purpose",
        "2. Recommendations",
        "3. Background",
        "4. Objective: Joining-up service provision",
        "Priority for Action: Bring together services",
        "Panel Question:",
        "Response:",
        "Next steps",
    ):
        assert heading in flat, heading
    assert UPDATE_WORKFORCE in flat
    assert f"Page 1 of {len(pdf.pages)}" in flat


def _docx(context):
    return Document(io.BytesIO(DocxRenderer().render(context)))


def test_docx_has_real_headings_and_numbered_paragraphs(context):
    document = _docx(context)
    headings = {
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    }
    assert ("Heading 1", "Police and Crime Plan – Communities theme") in headings
    for text in ("1. Purpose", "2. Recommendations", "3. Background", "7. Next steps"):
        assert ("Heading 2", text) in headings
    assert any(
        style == "Heading 2" and text.startswith("4. Objective: Joining-up")
        for style, text in headings
    )
    assert (
        "Heading 3",
        "4.1 Priority for Action: Bring together services and systems to respond to community "
        "issues",
    ) in headings
    texts = [p.text for p in document.paragraphs]
    assert f"4.1.2\t{UPDATE_IN_PERIOD}" in texts
    assert "4.2.1\tNo updates were recorded for this priority in the period." in texts
    assert not document.inline_shapes


def test_docx_lists_labels_and_header_table(context):
    document = _docx(context)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Healthy and Safer Schools" in bullets
    assert any(b.startswith("Publish the public contact strategy. Lead: Camb") for b in bullets)
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if "Panel Question:" in p.text)
    question, response = paragraphs[at], paragraphs[at + 1]
    assert question.text.startswith("4.1.3\tPanel Question: What evaluation")
    assert [r.text for r in question.runs if r.bold][:2] == ["4.1.3\t", "Panel Question: "]
    assert response.runs[0].text == "Response: " and response.runs[0].bold
    assert [r.text for r in response.runs if r.bold][1] == "Discover, Define, Develop and Deliver"
    details = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert details[:3] == [
        ["To:", "Police and Crime Panel"],
        ["From:", "Chief Executive"],
        ["Date:", "20 November 2019"],
    ]


def test_html_to_docx_keeps_links_ordered_lists_and_tables():
    document = Document()
    html = (
        '<p>See <a href="https://example.org/matrix">the <em>matrix</em></a><br>now.</p>\n'
        "<ol>\n<li>First</li>\n<li>Second\n<ul>\n<li>Nested</li>\n</ul>\n</li>\n</ol>\n"
        "<table><thead><tr><th>Year</th><th>Killed</th></tr></thead>"
        "<tbody><tr><td>2018</td><td>29</td></tr></tbody></table>"
    )
    HtmlToDocx(document, indent=Cm(1.6), number="5.5.6").write(html)
    paragraphs = document.paragraphs
    assert paragraphs[0].text.startswith("5.5.6\tSee ")
    assert "w:hyperlink" in paragraphs[0]._p.xml and "matrix" in paragraphs[0]._p.xml
    assert "https://example.org/matrix" in [
        rel.target_ref for rel in document.part.rels.values() if rel.is_external
    ]
    assert [p.text for p in paragraphs[1:3]] == ["1.\tFirst", "2.\tSecond"]
    assert (paragraphs[3].style.name, paragraphs[3].text) == ("List Bullet 2", "Nested")
    table = document.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Year", "Killed"],
        ["2018", "29"],
    ]


def test_html_to_docx_writes_the_number_even_for_empty_text():
    document = Document()
    HtmlToDocx(document, indent=Cm(1.6), number="2.1").write("")
    assert [p.text for p in document.paragraphs] == ["2.1\t"]


# Business Intelligence Information


@pytest.fixture
def bi_context(bi_data, draft_report):
    return ThemeReportBuilder(draft_report).build()


def test_html_bi_table_is_a_govuk_table_with_its_chart_and_flags(bi_context):
    html = HtmlRenderer().render(bi_context).decode("utf-8")
    title = "Business Intelligence Information – Public contacts with the Constabulary"
    assert f"<strong>{title}</strong>" in html
    assert f'<caption class="govuk-table__caption govuk-visually-hidden">{title}</caption>' in html
    assert re.search(r'<p><span class="pw-report__number">4\.2\.2&nbsp;</span><strong>Bus', html)
    assert "Figures for Jan–Sep 2019, with the change on the same period" in html
    assert '<th scope="col" class="govuk-table__header govuk-table__header--numeric">999</th>' in (
        html
    )
    assert '<th scope="row" class="govuk-table__header">Jan–Sep 2019</th>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">101,926 (+5.7%)</td>' in html
    assert '14,335 (+259.5%) <span class="pw-report__note-ref">[note 1]</span></td>' in html
    assert "Source: Cambridgeshire Constabulary contact management" in html
    assert '<figure class="pw-report__chart"><svg' in html
    assert html.count('class="govuk-warning-text pw-report__flag"') == 5
    assert "printed +112% on Jan–Sep 2018, but 14,335 against 3,988 is +259.5%." in html


def test_pdf_has_the_bi_tables_text(bi_context):
    pdf = PdfReader(io.BytesIO(PdfRenderer().render(bi_context)))
    flat = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    for text in (
        "4.2.2 Business Intelligence Information – Public contacts with the Constabulary",
        "Period 999 101 Online Web chat Total",
        "101,926 (+5.7%)",
        "96,457 239,473 3,988 11,254 351,172",
        "[note 1] Public contacts with the Constabulary (online), Jan–Sep 2019: printed +112%",
        "Staff group March 2016 March 2019",
        "Police officer 420 (30.4%) [note 1] 447 (31.52%)",
        "printed 30.0%, but 420 of 1,381 is 30.41%.",
    ):
        assert text in flat, text


def test_docx_bi_tables_are_word_tables_with_the_chart_and_flags(bi_context):
    document = _docx(bi_context)
    tables = {t.rows[0].cells[0].text: t for t in document.tables[1:]}
    contacts = tables["Period"]
    assert contacts.style.name == "Table Grid"
    rows = [[c.text for c in row.cells] for row in contacts.rows]
    assert rows[0] == ["Period", "999", "101", "Online", "Web chat", "Total"]
    assert rows[1] == [
        "Jan–Sep 2019",
        "101,926 (+5.7%)",
        "208,750 (-12.8%)",
        "14,335 (+259.5%) [note 1]",
        "15,410 (+36.9%) [note 2]",
        "340,421 (-3.1%)",
    ]
    assert all(r.bold for cell in contacts.rows[0].cells for r in cell.paragraphs[0].runs)
    assert contacts.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    workforce = [[c.text for c in row.cells] for row in tables["Staff group"].rows]
    assert workforce[1] == ["Police officer", "420 (30.4%) [note 1]", "447 (31.52%)"]
    texts = [p.text for p in document.paragraphs]
    assert (
        "4.2.2\tBusiness Intelligence Information – Public contacts with the Constabulary" in texts
    )
    assert "Source: Cambridgeshire Constabulary contact management" in texts
    assert any(
        t.startswith("Warning: [note 1] Public contacts with the Constabulary (online)")
        for t in texts
    )
    (chart,) = document.inline_shapes
    assert chart._inline.docPr.get("title").startswith("Public contacts with the Constabulary")
