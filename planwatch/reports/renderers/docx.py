"""The report as a Word document: real headings, numbered paragraphs, lists and tables."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from .base import ReportRenderer
from .docx_html import HtmlToDocx, numbered_paragraph

FONT = "Arial"
TEXT_COLOUR = RGBColor(0x0B, 0x0C, 0x0C)
NUMBER_INDENT = Cm(1.6)


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
            item.add_run(
                f"{action['description']} (owner: {action['owner']}; due: {action['due_label']}; "
                f"status: {action['status_label']})"
            )


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
