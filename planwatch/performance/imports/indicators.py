"""Indicator definitions from a file: one row per indicator, matched on its code."""

from __future__ import annotations

import re

from ..models import Indicator
from .base import CHANGED, NEW, UNCHANGED, FieldChange, ImportPreview, PreviewRow, RowError
from .base import read_table as _read_table
from .columns import FIGURE_COLUMNS, INDICATOR_COLUMNS
from .values import CellError, choice_parse, whole_number_parse

KIND = "indicators"
COLUMNS = INDICATOR_COLUMNS
FIELDS = ("name", "unit", "polarity", "decimals", "aggregation", "source", "definition")

_CODE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_MAX_DECIMALS = 4


def _code(text: str) -> str:
    if not text:
        raise CellError("the code is missing. Give each indicator a short code, e.g. contacts.")
    max_length = Indicator._meta.get_field("code").max_length
    if len(text) > max_length or not _CODE.match(text):
        suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:max_length]
        raise CellError(
            f"'{text}' is not a code: use lower-case letters and digits, with single hyphens "
            f"or underscores between words, at most {max_length} characters"
            + (f", e.g. {suggestion}." if suggestion else ".")
        )
    return text


def _text(text: str, field_name: str, *, required: bool = False) -> str:
    if required and not text:
        raise CellError(f"the {field_name} is missing.")
    max_length = Indicator._meta.get_field(field_name).max_length
    if max_length and len(text) > max_length:
        raise CellError(
            f"this is {len(text):,} characters long; the most is {max_length:,}. Shorten it."
        )
    return text


def _decimals(text: str) -> int:
    if not text:
        return 0
    try:
        number = whole_number_parse(text)
    except CellError as exc:
        raise CellError(
            f"'{text}' is not a number of decimal places: write 0, 1, 2, 3 or 4."
        ) from exc
    if number > _MAX_DECIMALS:
        raise CellError(f"'{text}' is too many decimal places: write 0, 1, 2, 3 or 4.")
    return number


def _unit(text: str) -> str:
    if not text:
        raise CellError(f"the unit is missing: write one of {', '.join(Indicator.Unit.values)}.")
    return choice_parse(text, Indicator.Unit)


def _polarity(text: str) -> str:
    if not text:
        raise CellError(
            "the polarity is missing: write higher (higher is better), lower (lower is "
            "better) or neither."
        )
    return choice_parse(text, Indicator.Polarity)


def _aggregation(text: str) -> str:
    if not text:
        return Indicator.Aggregation.SUM
    return choice_parse(text, Indicator.Aggregation)


READERS = {
    "code": _code,
    "name": lambda t: _text(t, "name", required=True),
    "unit": _unit,
    "polarity": _polarity,
    "decimals": _decimals,
    "aggregation": _aggregation,
    "source": lambda t: _text(t, "source"),
    "definition": lambda t: t,
}


def indicators_import_preview(*, file_name: str, data: bytes, lock: bool = False) -> ImportPreview:
    """Check a file of indicator definitions and say, row by row, what importing it would do:
    new indicators, changed ones (each field old → new) and unchanged ones, or the errors."""
    preview = ImportPreview(kind=KIND, file_name=file_name)
    table, errors = _read_table(
        file_name=file_name,
        data=data,
        columns=COLUMNS,
        what="indicator definitions",
        others={"figures": FIGURE_COLUMNS},
    )
    preview.errors.extend(errors)
    if table is None:
        return preview
    parsed: list[tuple[int, dict]] = []
    first_row_of: dict[str, int] = {}
    for number, cells in table.rows:
        values, row_errors = {}, []
        for column in COLUMNS:
            try:
                values[column] = READERS[column](table.cell(cells, column))
            except CellError as exc:
                row_errors.append(RowError(file_name, str(exc), number, column))
        code = values.get("code")
        if code is not None:
            if code in first_row_of:
                row_errors.append(
                    RowError(
                        file_name,
                        f"the code '{code}' is also on row {first_row_of[code]}. "
                        "Each indicator may appear once: keep one of the two rows.",
                        number,
                        "code",
                    )
                )
            else:
                first_row_of[code] = number
        preview.errors.extend(row_errors)
        if not row_errors:
            parsed.append((number, values))
    if preview.errors:
        return preview
    existing_qs = Indicator.objects.filter(code__in=[v["code"] for _, v in parsed])
    if lock:
        existing_qs = existing_qs.select_for_update()
    existing = {i.code: i for i in existing_qs}
    labels = {f: str(Indicator._meta.get_field(f).verbose_name).capitalize() for f in FIELDS}
    for number, values in parsed:
        indicator = existing.get(values["code"])
        label = f"{values['code']}: {values['name']}"
        if indicator is None:
            preview.rows.append(PreviewRow(row=number, status=NEW, label=label, values=values))
            continue
        changes = [
            FieldChange(
                field=name,
                label=labels[name],
                old=str(getattr(indicator, name)),
                new=str(values[name]),
            )
            for name in FIELDS
            if getattr(indicator, name) != values[name]
        ]
        preview.rows.append(
            PreviewRow(
                row=number,
                status=CHANGED if changes else UNCHANGED,
                label=label,
                changes=changes,
                values=values,
                existing=indicator,
            )
        )
    return preview
