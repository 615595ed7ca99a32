"""Blank files to fill in: the header row and two example rows, as CSV or as an Excel workbook
(with a second sheet describing each column)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import figures, indicators
from .values import CellError, number_parse

TEMPLATES = {
    indicators.KIND: {
        "columns": indicators.COLUMNS,
        "examples": [
            [
                "contacts",
                "Contacts with the police",
                "count",
                "neither",
                "0",
                "sum",
                "Force control room",
                "Calls to 999 and 101, web-chat and online reports received.",
            ],
            [
                "victim-satisfaction",
                "Victims satisfied with the whole experience",
                "percentage",
                "higher",
                "1",
                "average",
                "Victim satisfaction survey",
                "Victims of crime who said they were satisfied with the whole experience.",
            ],
        ],
        "help": {
            "code": "Short code used in figure files and addresses: lower-case letters, digits, "
            "hyphens or underscores. Required. An existing code updates that indicator.",
            "name": "The indicator's name as shown on pages and in reports. Required.",
            "unit": "count, percentage, rate, money or ratio. Required.",
            "polarity": "higher (higher is better), lower (lower is better) or neither. Required.",
            "decimals": "Decimal places shown: 0 to 4. Blank means 0.",
            "aggregation": "How monthly values combine into longer periods: sum, average or "
            "last. Blank means sum.",
            "source": "Where the figures come from. Optional.",
            "definition": "What is counted, in plain English. Optional.",
        },
    },
    figures.KIND: {
        "columns": figures.COLUMNS,
        "examples": [
            [
                "contacts",
                "",
                "2019-Q2",
                "channel=999",
                "41,230",
                "",
                "",
                "",
                "41,230",
                "+5",
                "",
                "Force control room",
                "",
            ],
            [
                "victim-satisfaction",
                "E07000008",
                "FY2019/20",
                "",
                "",
                "512",
                "640",
                "640",
                "80.0",
                "",
                "",
                "Victim satisfaction survey",
                "Value worked out from numerator and denominator.",
            ],
        ],
        "help": {
            "indicator": "The indicator's code. The indicator must already exist. Required.",
            "area": "GSS code (E07000008) or the area's exact name. Blank means the force area.",
            "period": "2019-05, 2019-Q2, FY2019/20-Q1, FY2019/20, CY2019, 2019-01..2019-09 or "
            "R12-2019-05. Required.",
            "breakdown": "dimension=value pairs separated by ;, e.g. "
            "channel=999;staff_group=police_officer. Blank for the whole figure.",
            "value": "The figure. May be blank when numerator and denominator are given.",
            "numerator": "For a share: how many of the denominator. Optional.",
            "denominator": "For a share: out of how many (more than 0). Optional.",
            "sample_size": "Number of people or cases surveyed: a whole number. Optional.",
            "stated_value": "The value exactly as a document printed it, e.g. 30.0. Optional.",
            "stated_change": "The % change as printed: +112, -13, 5.7. Optional.",
            "change_basis": "The period the printed change is against. Blank means the same "
            "period last year.",
            "source": "Where this figure comes from. Optional.",
            "note": "Anything a reader should know. Optional.",
        },
    },
}
# Columns whose text must stay as typed in Excel (a period like 2019-05 would become a date).
TEXT_COLUMNS = {
    "code",
    "indicator",
    "area",
    "period",
    "breakdown",
    "stated_value",
    "stated_change",
    "change_basis",
}
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_csv(kind: str) -> bytes:
    """The template as CSV UTF-8 (with the byte-order mark spreadsheet programs look for)."""
    spec = TEMPLATES[kind]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(spec["columns"])
    writer.writerows(spec["examples"])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx_cell(column: str, text: str):
    """Numbers as numbers in the workbook, except in columns kept as typed text."""
    if column in TEXT_COLUMNS or not text:
        return text
    try:
        number = number_parse(text)
    except CellError:
        return text
    return int(number) if number == number.to_integral_value() else float(number)


def template_xlsx(kind: str) -> bytes:
    """The template as an Excel workbook: the first sheet to fill in, a second sheet of help."""
    spec = TEMPLATES[kind]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kind
    sheet.append(list(spec["columns"]))
    for row in spec["examples"]:
        sheet.append(
            [_xlsx_cell(name, text) for name, text in zip(spec["columns"], row, strict=True)]
        )
    for index, name in enumerate(spec["columns"], start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[letter].width = max(12, min(40, len(name) + 4))
        if name in TEXT_COLUMNS:
            # Text format for the whole column, so Excel keeps what is typed.
            sheet.column_dimensions[letter].number_format = "@"
            for row in range(2, len(spec["examples"]) + 2):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("How to fill this in")
    notes.append(["column", "what to write"])
    notes["A1"].font = notes["B1"].font = Font(bold=True)
    for name in spec["columns"]:
        notes.append([name, spec["help"][name]])
    notes.append([])
    notes.append(
        [
            "",
            "Only the first sheet is imported. Keep the header row as it is. Importing is "
            "all or nothing: if any row has an error, nothing is imported.",
        ]
    )
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["B"].width = 100
    for row in notes.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
