"""The report as a Word document: real headings, numbered paragraphs, lists and tables."""

from __future__ import annotations

import html
import io
import re
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from planwatch.performance.charts import svg_to_png

from .. import wording
from .base import ReportRenderer
from .docx_html import HtmlToDocx, numbered_paragraph

FONT = "Arial"
TEXT_COLOUR = RGBColor(0x0B, 0x0C, 0x0C)
NUMBER_INDENT = Cm(1.6)
# A style in python-docx's default template, so the table looks the same wherever it opens.
TABLE_STYLE = "Table Grid"
CHART_WIDTH = Cm(15)


class DocxRenderer(ReportRenderer):
    format = "docx"
    extension = "docx"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def render(self, context: dict[str, Any]) -> bytes:
        document = Document()
        self.set_up(document, context)
        self.write_front(document, context)
        for section in context["sections"]:
            self.write_section(document, section)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    # Page, styles and properties

    def set_up(self, document, context):
        page = document.sections[0]
        page.page_width, page.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(page, side, Mm(20))
        normal = document.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(6)
        for name, size in (("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 12)):
            style = document.styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = TEXT_COLOUR
            fonts = style.element.rPr.rFonts
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attribute), None)
        properties = document.core_properties
        properties.title = context["title"]
        properties.subject = f"{context['to']}, {context['date_label']}"
        properties.author = context["office"]
        properties.last_modified_by = context["office"]
        properties.comments = f"Period covered: {context['period']['label']}"
        self.write_footer(page.footer.paragraphs[0], context)

    @staticmethod
    def write_footer(paragraph, context):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(f"{context['title']}    Page ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES")
        for run in paragraph.runs:
            run.font.size = Pt(8.5)

    # Content

    def write_front(self, document, context):
        office = document.add_paragraph()
        office.add_run(context["office"]).bold = True
        if context.get("draft"):
            document.add_paragraph().add_run(
                "Draft: this report has not been finalised and may change."
            ).bold = True
        details = [
            ("To:", context["to"]),
            ("From:", context["from"]),
            ("Date:", context["date_label"]),
            ("Period:", context["period"]["label"]),
        ]
        table = document.add_table(rows=len(details), cols=2)
        for row, (label, value) in zip(table.rows, details, strict=True):
            row.cells[0].width, row.cells[1].width = Cm(2.5), Cm(14.5)
            row.cells[0].paragraphs[0].add_run(label).bold = True
            row.cells[1].paragraphs[0].add_run(value)
        document.add_heading(context["title"], level=1)

    def write_section(self, document, section):
        document.add_heading(f"{section['number']}. {section['heading']}", level=2)
        for block in section["blocks"]:
            if block["type"] == "priority":
                document.add_heading(f"{block['number']} {block['heading']}", level=3)
                for inner in block["blocks"]:
                    self.write_block(document, inner)
            else:
                self.write_block(document, block)

    def write_block(self, document, block):
        kind = block["type"]
        if kind == "question":
            self.write_question(document, block)
        elif kind == "actions":
            self.write_actions(document, block)
        elif kind == "bi_table":
            self.write_bi_table(document, block)
        else:
            HtmlToDocx(document, indent=NUMBER_INDENT, number=block["number"]).write(block["html"])

    def write_question(self, document, block):
        paragraph = numbered_paragraph(document, block["number"], NUMBER_INDENT)
        paragraph.add_run("Panel Question: ").bold = True
        lines = block["question"].splitlines() or [""]
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if index < len(lines) - 1:
                run.add_break()
        HtmlToDocx(document, indent=NUMBER_INDENT, lead="Response:").write(block["response_html"])

    def write_actions(self, document, block):
        numbered_paragraph(document, block["number"], NUMBER_INDENT).add_run(block["intro"])
        for action in block["items"]:
            item = document.add_paragraph(style="List Bullet")
            item.paragraph_format.left_indent = NUMBER_INDENT + Cm(0.63)
            item.paragraph_format.first_line_indent = -Cm(0.63)
            item.add_run(wording.action_line(action))

    def write_bi_table(self, document, block):
        """Business Intelligence Information: a numbered title, what the table shows, a real
        Word table, its source, the chart as a picture, and a paragraph per flag."""
        numbered_paragraph(document, block["number"], NUMBER_INDENT).add_run(
            block["title"]
        ).bold = True
        for text in (block["intro"], block.get("basis", "")):
            if text:
                _indented(document.add_paragraph(text))
        columns, rows = block["columns"], block["rows"]
        table = document.add_table(rows=1 + len(rows), cols=len(columns), style=TABLE_STYLE)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        _table_properties(table, indent=NUMBER_INDENT, caption=block["title"])
        _repeat_header(table.rows[0])
        for cell, column in zip(table.rows[0].cells, columns, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.add_run(column["label"]).bold = True
            if column.get("numeric"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for row, cells in zip(table.rows[1:], rows, strict=True):
            for cell, content in zip(row.cells, cells, strict=True):
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(content["text"])
                if content.get("header"):
                    run.bold = True
                if content.get("marker"):
                    paragraph.add_run(f" {content['marker']}").bold = True
                if content.get("numeric"):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if block.get("source"):
            source = _indented(document.add_paragraph())
            source.paragraph_format.space_before = Pt(6)
            source.add_run(f"Source: {block['source']}").italic = True
        if block.get("chart_svg"):
            self.write_chart(document, block)
        for flag in block.get("flags", []):
            paragraph = _indented(document.add_paragraph())
            if flag["acknowledged"]:
                paragraph.add_run(f"[note {flag['note']}] ").bold = True
                paragraph.add_run(f"{flag['message']} Acknowledged: {flag['reason']}")
            else:
                paragraph.add_run(f"Warning: [note {flag['note']}] ").bold = True
                paragraph.add_run(
                    f"{flag['message']} Not yet acknowledged: the report cannot be finalised "
                    "until it is."
                ).bold = True

    @staticmethod
    def write_chart(document, block):
        """The chart as a PNG made from the same SVG, with the chart's own title and
        description as the picture's alternative text."""
        svg = block["chart_svg"]
        png = svg_to_png(svg)
        paragraph = _indented(document.add_paragraph())
        picture = paragraph.add_run().add_picture(io.BytesIO(png), width=CHART_WIDTH)
        properties = picture._inline.docPr
        properties.set("title", _svg_text(svg, "title") or block["title"])
        properties.set("descr", _svg_text(svg, "desc") or block["title"])


def _svg_text(svg: str, tag: str) -> str:
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", svg, re.DOTALL)
    return html.unescape(match.group(1)).strip() if match else ""


def _indented(paragraph):
    paragraph.paragraph_format.left_indent = NUMBER_INDENT
    return paragraph


def _table_properties(table, *, indent, caption: str) -> None:
    """Line the table up under the paragraph text, as the printed reports do, and give it its
    title as alternative text (Word's table caption)."""
    properties = table._tbl.tblPr
    indent_element = OxmlElement("w:tblInd")
    indent_element.set(qn("w:w"), str(int(indent.twips)))
    indent_element.set(qn("w:type"), "dxa")
    properties.insert_element_before(
        indent_element,
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
        "w:tblPrChange",
    )
    caption_element = OxmlElement("w:tblCaption")
    caption_element.set(qn("w:val"), caption)
    properties.insert_element_before(caption_element, "w:tblDescription", "w:tblPrChange")


def _repeat_header(row) -> None:
    """The header row repeats on every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the document out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
