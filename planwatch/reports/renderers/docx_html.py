"""Sanitised report HTML (from ``render_markdown``) written into a Word document as real
paragraphs, bullet lists, bold and italic runs, links and tables."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length

LIST_INDENT = Cm(0.63)
QUOTE_INDENT = Cm(1)
LINK_COLOUR = "1D70B8"
_SPACE = re.compile(r"\s+")


def add_hyperlink(paragraph, url: str, text: str, *, bold=False, italic=False) -> None:
    """A real, clickable hyperlink run (python-docx has no call for one)."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for flag, tag in ((bold, "w:b"), (italic, "w:i")):
        if flag:
            properties.append(OxmlElement(tag))
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), LINK_COLOUR)
    properties.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(underline)
    run.append(properties)
    content = OxmlElement("w:t")
    content.set(qn("xml:space"), "preserve")
    content.text = text
    run.append(content)
    link.append(run)
    paragraph._p.append(link)


def numbered_paragraph(document, number: str, indent: Length, style=None):
    """A paragraph that starts with its number in bold, the text hanging after a tab."""
    paragraph = document.add_paragraph(style=style)
    fmt = paragraph.paragraph_format
    fmt.left_indent = indent
    fmt.first_line_indent = -indent
    fmt.tab_stops.add_tab_stop(indent)
    paragraph.add_run(f"{number}\t").bold = True
    return paragraph


class HtmlToDocx(HTMLParser):
    """Writes one block of report HTML into ``document``.

    ``number`` starts the first paragraph (``4.1.1``); ``lead`` is a bold label at the start of
    the first paragraph (``Response:``). Every paragraph is indented by ``indent`` so the text
    lines up under the number, as in the printed reports.
    """

    def __init__(self, document, *, indent: Length, number: str = "", lead: str = ""):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.indent = indent
        self.number = number
        self.lead = lead
        self.started = False
        self.paragraph = None
        self.empty = True
        self.bold = 0
        self.italic = 0
        self.href: str | None = None
        self.lists: list[list] = []
        self.quote = 0
        self.table: list[list[list]] | None = None

    def write(self, html: str) -> None:
        self.feed(html or "")
        self.close()
        self._trim()
        if not self.started:
            self._paragraph()

    # Paragraphs

    def _trim(self) -> None:
        """Drop the white space the HTML leaves at the end of a paragraph or line."""
        if self.paragraph is None or not self.paragraph.runs:
            return
        last = self.paragraph.runs[-1]
        if last._r is self.paragraph._p[-1] and last.text != last.text.rstrip(" "):
            last.text = last.text.rstrip(" ")

    def _paragraph(self, style=None, depth: int = 0):
        self._trim()
        if not self.started and self.number and style is not None:
            numbered_paragraph(self.document, self.number, self.indent)
            self.number = ""
        if not self.started and self.number:
            paragraph = numbered_paragraph(self.document, self.number, self.indent)
        else:
            paragraph = self.document.add_paragraph(style=style)
            fmt = paragraph.paragraph_format
            if depth:
                fmt.left_indent = self.indent + LIST_INDENT * depth
                fmt.first_line_indent = -LIST_INDENT
            else:
                fmt.left_indent = self.indent + QUOTE_INDENT * self.quote
        if not self.started and self.lead:
            paragraph.add_run(f"{self.lead} ").bold = True
        self.started = True
        self.paragraph = paragraph
        self.empty = True
        return paragraph

    def _list_item(self):
        kind = self.lists[-1] if self.lists else ["ul", 0]
        kind[1] += 1
        depth = max(len(self.lists), 1)
        if kind[0] == "ol":
            paragraph = self._paragraph(style="List Paragraph", depth=depth)
            paragraph.paragraph_format.tab_stops.add_tab_stop(self.indent + LIST_INDENT * depth)
            paragraph.add_run(f"{kind[1]}.\t")
        else:
            self._paragraph(style="List Bullet" if depth == 1 else "List Bullet 2", depth=depth)

    # Parser events

    def handle_starttag(self, tag, attrs):
        if self.table is not None:
            if tag == "tr":
                self.table.append([])
            elif tag in ("td", "th") and self.table:
                self.table[-1].append([tag == "th", ""])
            return
        if tag in ("p", "h3", "h4", "pre"):
            in_fresh_item = self.lists and self.paragraph is not None and self.empty
            if not in_fresh_item:
                self._paragraph()
            if tag in ("h3", "h4"):
                self.bold += 1
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 0])
            self._trim()
            self.paragraph = None
        elif tag == "li":
            self._list_item()
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href") or None
        elif tag == "br" and self.paragraph is not None:
            self._trim()
            self.paragraph.add_run().add_break()
        elif tag == "blockquote":
            self.quote += 1
            self.paragraph = None
        elif tag == "table":
            self.table = []
            self.paragraph = None

    def handle_endtag(self, tag):
        if tag == "table":
            self._write_table()
            return
        if self.table is not None:
            return
        if tag in ("p", "h3", "h4", "pre", "li"):
            if tag in ("h3", "h4"):
                self.bold = max(self.bold - 1, 0)
            self._trim()
            self.paragraph = None
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.paragraph = None
        elif tag in ("strong", "b"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)
        elif tag == "a":
            self.href = None
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
            self.paragraph = None

    def handle_data(self, data):
        if self.table is not None:
            if self.table and self.table[-1]:
                cell = self.table[-1][-1]
                cell[1] = _SPACE.sub(" ", f"{cell[1]}{data}")
            return
        text = _SPACE.sub(" ", data)
        if self.paragraph is None or self.empty:
            text = text.lstrip()
        if not text:
            return
        if self.paragraph is None:
            self._paragraph()
        if self.href:
            add_hyperlink(
                self.paragraph, self.href, text, bold=bool(self.bold), italic=bool(self.italic)
            )
        else:
            run = self.paragraph.add_run(text)
            run.bold = bool(self.bold) or None
            run.italic = bool(self.italic) or None
        self.empty = False

    def _write_table(self):
        rows = [row for row in (self.table or []) if row]
        self.table = None
        if not rows:
            return
        if not self.started:
            self._paragraph()
        columns = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=columns, style="Table Grid")
        for r, row in enumerate(rows):
            for c, (header, text) in enumerate(row):
                cell_paragraph = table.cell(r, c).paragraphs[0]
                cell_paragraph.add_run(text.strip()).bold = header or None
        self.paragraph = None
