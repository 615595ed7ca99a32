"""Blank files to fill in: the header row only, as CSV or as an Excel workbook (whose second
sheet, "How to fill this in", describes each column with two example rows). The examples are
never on the sheet that is imported, so rows added to a template import only themselves."""

from __future__ import annotations

import csv
import io

from . import figures, indicators

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


HELP_SHEET = "How to fill this in"


def template_csv(kind: str) -> bytes:
    """The template as CSV UTF-8 (with the byte-order mark spreadsheet programs look for): the
    header row only."""
    spec = TEMPLATES[kind]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(spec["columns"])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx(kind: str) -> bytes:
    """The template as an Excel workbook: the first sheet to fill in (the header row only),
    and a second sheet describing each column, with two example rows written down it."""
    spec = TEMPLATES[kind]
    from openpyxl import Workbook  # slow to import: only workbook downloads need it
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kind
    sheet.append(list(spec["columns"]))
    for index, name in enumerate(spec["columns"], start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[letter].width = max(12, min(40, len(name) + 4))
        if name in TEXT_COLUMNS:
            # Text format for the whole column, so Excel keeps what is typed.
            sheet.column_dimensions[letter].number_format = "@"
    sheet.freeze_panes = "A2"

    notes = workbook.create_sheet(HELP_SHEET)
    examples = spec["examples"]
    notes.append(
        ["column", "what to write", *(f"example {n}" for n in range(1, len(examples) + 1))]
    )
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for index, name in enumerate(spec["columns"]):
        notes.append([name, spec["help"][name], *(example[index] for example in examples)])
    notes.append([])
    notes.append(
        [
            "",
            "Only the first sheet is imported: the examples here are not. Keep the header row "
            "of the first sheet as it is and add a row for each "
            f"{'figure' if kind == figures.KIND else 'indicator'} beneath it. Importing is "
            "all or nothing: if any row has an error, nothing is imported.",
        ]
    )
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["B"].width = 80
    for number in range(len(examples)):
        letter = notes.cell(row=1, column=3 + number).column_letter
        notes.column_dimensions[letter].width = 30
    for row in notes.iter_rows(min_row=2):
        for cell in row[1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.number_format = "@"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
