"""Files for the import tests: CSV and XLSX bytes from rows."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from planwatch.performance.imports.figures import COLUMNS as FIGURE_COLUMNS
from planwatch.performance.imports.indicators import COLUMNS as INDICATOR_COLUMNS


def csv_bytes(rows, *, header=None, bom=False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def figure_row(**values) -> list[str]:
    return [values.get(column, "") for column in FIGURE_COLUMNS]


def indicator_row(**values) -> list[str]:
    return [values.get(column, "") for column in INDICATOR_COLUMNS]


def figures_csv(*rows: dict, **kwargs) -> bytes:
    return csv_bytes([figure_row(**r) for r in rows], header=FIGURE_COLUMNS, **kwargs)


def indicators_csv(*rows: dict, **kwargs) -> bytes:
    return csv_bytes([indicator_row(**r) for r in rows], header=INDICATOR_COLUMNS, **kwargs)


def xlsx_bytes(header, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


GOOD_FIGURES = figures_csv(
    {"indicator": "contacts", "period": "2019-05", "value": "1,381", "source": "Control room"},
    {"indicator": "contacts", "period": "2019-06", "value": "1400"},
    {
        "indicator": "contacts",
        "area": "E07000008",
        "period": "2019-Q2",
        "breakdown": "Channel=999; staff_group = police_officer",
        "value": "+420",
        "stated_value": " 420 ",
        "stated_change": "+5%",
        "change_basis": " 2018-Q2 ",
    },
    {
        "indicator": "satisfaction",
        "area": "cambridge",
        "period": "FY2019/20",
        "numerator": "420",
        "denominator": "1,381",
        "sample_size": "1,381",
        "stated_value": "30.0",
        "note": "From the survey",
    },
)
