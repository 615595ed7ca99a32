"""Figures (observations) from a file: one row per indicator × area × period × breakdown."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from planwatch.places.models import Area
from planwatch.places.selectors import force_area

from ..breakdowns import breakdown_text
from ..models import Indicator, Observation
from ..periods import Period, PeriodError, parse_period
from .base import (
    CHANGED,
    NEW,
    UNCHANGED,
    FieldChange,
    ImportPreview,
    PreviewRow,
    RowError,
    Table,
    read_table,
)
from .columns import FIGURE_COLUMNS, INDICATOR_COLUMNS
from .values import (
    CellError,
    breakdown_parse,
    number_parse,
    number_shown,
    stated_change_check,
    stated_value_check,
    whole_number_parse,
)

KIND = "figures"
COLUMNS = FIGURE_COLUMNS
# The fields a row sets on an observation it matches (indicator, area, months and breakdown).
COMPARED = (
    "period",
    "value",
    "numerator",
    "denominator",
    "sample_size",
    "stated_value",
    "stated_change",
    "change_basis",
    "source",
    "note",
)
_PLACES = Decimal("0.000001")


@dataclass
class _Lookups:
    """Everything rows refer to, read once for the whole file."""

    indicators: dict[str, Indicator]
    areas_by_code: dict[str, Area]
    areas_by_name: dict[str, list[Area]]
    force: Area | None

    @classmethod
    def load(cls) -> _Lookups:
        areas = list(Area.objects.all())
        by_name: dict[str, list[Area]] = defaultdict(list)
        for area in areas:
            by_name[area.name.lower()].append(area)
        return cls(
            indicators={i.code.lower(): i for i in Indicator.objects.all()},
            areas_by_code={a.gss_code.upper(): a for a in areas},
            areas_by_name=dict(by_name),
            force=force_area(),
        )

    def indicator(self, text: str) -> Indicator:
        if not text:
            raise CellError("the indicator is missing: give the indicator's code, e.g. contacts.")
        found = self.indicators.get(text.lower())
        if found is not None:
            return found
        close = difflib.get_close_matches(text.lower(), self.indicators, n=1)
        hint = f" Did you mean {self.indicators[close[0]].code}?" if close else ""
        raise CellError(
            f"'{text}' is not an indicator's code.{hint} Indicators must exist before their "
            "figures are imported: import the indicator definitions first."
        )

    def area(self, text: str) -> Area:
        if not text:
            if self.force is None:
                raise CellError(
                    "the area is blank, which means the force area, but no force area is set "
                    "up. Give the area's GSS code."
                )
            return self.force
        found = self.areas_by_code.get(text.upper())
        if found is not None:
            return found
        named = self.areas_by_name.get(text.lower(), [])
        if len(named) == 1:
            return named[0]
        if named:
            codes = ", ".join(sorted(a.gss_code for a in named))
            raise CellError(
                f"'{text}' is the name of more than one area ({codes}): give the GSS code."
            )
        force = f" ({self.force.name})" if self.force else ""
        raise CellError(
            f"'{text}' is not an area: give its GSS code (e.g. E07000008) or its name as "
            f"PlanWatch has it, or leave it blank for the force area{force}."
        )


def _length(text: str, field_name: str) -> str:
    max_length = Observation._meta.get_field(field_name).max_length
    if max_length and len(text) > max_length:
        raise CellError(
            f"this is {len(text):,} characters long; the most is {max_length:,}. Shorten it."
        )
    return text


def _optional(reader):
    return lambda text: reader(text) if text else None


def _period(text: str) -> Period:
    if not text:
        raise CellError("the period is missing: write it like 2019-05, 2019-Q2 or FY2019/20.")
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise CellError(str(exc)) from exc


def _change_basis(text: str) -> str:
    if not text:
        return ""
    try:
        return str(parse_period(text))
    except PeriodError as exc:
        raise CellError(f"{exc} Leave it blank to mean the same period last year.") from exc


def _breakdown(text: str) -> str:
    return _length(breakdown_text(breakdown_parse(text)), "breakdown")


READERS = {
    "period": _period,
    "breakdown": _breakdown,
    "value": _optional(number_parse),
    "numerator": _optional(number_parse),
    "denominator": _optional(number_parse),
    "sample_size": _optional(whole_number_parse),
    "stated_value": lambda t: _length(stated_value_check(t), "stated_value") if t else "",
    "stated_change": lambda t: _length(stated_change_check(t), "stated_change") if t else "",
    "change_basis": _change_basis,
    "source": lambda t: _length(t, "source"),
    "note": lambda t: t,
}


def _row_values(
    table: Table, number: int, cells: list[str], lookups: _Lookups
) -> tuple[dict, list[RowError]]:
    """Read one row; returns its values and its errors (every one, not just the first)."""
    file_name = table.file_name
    values: dict = {}
    errors: list[RowError] = []

    def read(column, reader):
        try:
            values[column] = reader(table.cell(cells, column))
        except CellError as exc:
            errors.append(RowError(file_name, str(exc), number, column))

    read("indicator", lookups.indicator)
    read("area", lookups.area)
    for column, reader in READERS.items():
        read(column, reader)

    denominator = values.get("denominator")
    if denominator is not None and denominator <= 0:
        errors.append(
            RowError(
                file_name,
                f"the denominator is {number_shown(denominator)}; it must be more than 0 "
                "(it is what the numerator is a share of).",
                number,
                "denominator",
            )
        )
    elif "value" in values and values["value"] is None:
        numerator = values.get("numerator")
        if table.cell(cells, "numerator") == "" or table.cell(cells, "denominator") == "":
            errors.append(
                RowError(
                    file_name,
                    "the value is blank. Give the value, or both the numerator and the "
                    "denominator to work it out from.",
                    number,
                    "value",
                )
            )
        elif numerator is not None and denominator is not None and "indicator" in values:
            ratio = numerator / denominator
            if values["indicator"].unit == Indicator.Unit.PERCENTAGE:
                ratio *= 100
            values["value"] = ratio.quantize(_PLACES, rounding=ROUND_HALF_UP)
    period, basis = values.get("period"), values.get("change_basis")
    if period is not None and basis and parse_period(basis).key == period.key:
        errors.append(
            RowError(
                file_name,
                f"the change basis {basis} is the period itself. Give the period the printed "
                "change is against, or leave it blank for the same period last year.",
                number,
                "change_basis",
            )
        )
    order = {column: index for index, column in enumerate(COLUMNS)}
    return values, sorted(errors, key=lambda e: order.get(e.column, len(order)))


def _model_values(values: dict) -> dict:
    period: Period = values["period"]
    return {
        "indicator": values["indicator"],
        "area": values["area"],
        "period": str(period),
        "period_first": period.first.start,
        "period_last": period.last.start,
        "breakdown": values["breakdown"],
        **{name: values[name] for name in COMPARED if name != "period"},
    }


def _label(values: dict) -> str:
    period: Period = values["period"]
    parts = [values["indicator"].code, values["area"].name, f"{period} ({period.label})"]
    if values["breakdown"]:
        parts.append(values["breakdown"])
    return ", ".join(parts)


def _shown(value) -> str:
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, Decimal | int):
        return number_shown(value)
    return str(value)


def _existing(parsed: list[tuple[int, dict]], *, lock: bool) -> dict[tuple, Observation]:
    """The stored observations the rows may match: one query per indicator in the file."""
    by_indicator: dict[int, list[dict]] = defaultdict(list)
    for _, values in parsed:
        by_indicator[values["indicator"].pk].append(values)
    found: dict[tuple, Observation] = {}
    for rows in by_indicator.values():
        indicator = rows[0]["indicator"]
        areas = {v["area"].pk: v["area"] for v in rows}
        qs = Observation.objects.filter(
            indicator=indicator,
            area_id__in=list(areas),
            period_first__gte=min(v["period_first"] for v in rows),
            period_last__lte=max(v["period_last"] for v in rows),
        )
        if lock:
            # Only the observations: the default ordering would join (and lock) the
            # indicator and area rows too. SQLite ignores the lock.
            qs = qs.order_by().select_for_update(of=("self",))
        for observation in qs:
            observation.indicator = indicator
            observation.area = areas[observation.area_id]
            key = (
                indicator.code,
                observation.area.gss_code,
                observation.period_first,
                observation.period_last,
                observation.breakdown,
            )
            found[key] = observation
    return found


def _key(values: dict) -> tuple:
    return (
        values["indicator"].code,
        values["area"].gss_code,
        values["period_first"],
        values["period_last"],
        values["breakdown"],
    )


def figures_read(
    *, file_name: str, data: bytes, lookups: _Lookups | None = None
) -> tuple[list[tuple[int, dict]], list[RowError], dict[tuple, tuple[int, str]]]:
    """Read and check every row of a figures file without touching stored figures.

    Returns the rows that read cleanly as (row number, model values), every error, and for
    each figure's key the row it is on and its label. ``lookups`` resolves indicators and
    areas (by default, those PlanWatch holds)."""
    table, errors = read_table(
        file_name=file_name,
        data=data,
        columns=COLUMNS,
        what="figures",
        others={"indicator definitions": INDICATOR_COLUMNS},
    )
    errors = list(errors)
    if table is None:
        return [], errors, {}
    lookups = lookups or _Lookups.load()
    parsed: list[tuple[int, dict]] = []
    first_row_of: dict[tuple, tuple[int, str]] = {}
    for number, cells in table.rows:
        values, row_errors = _row_values(table, number, cells, lookups)
        if row_errors:
            errors.extend(row_errors)
            continue
        label = _label(values)
        values = _model_values(values)
        key = _key(values)
        if key in first_row_of:
            earlier, earlier_label = first_row_of[key]
            errors.append(
                RowError(
                    file_name,
                    f"this is the same indicator, area, period and breakdown as row {earlier} "
                    f"({earlier_label}). Each figure may appear once: keep one of the two rows.",
                    number,
                )
            )
            continue
        first_row_of[key] = (number, label)
        parsed.append((number, values))
    return parsed, errors, first_row_of


def figures_import_preview(*, file_name: str, data: bytes, lock: bool = False) -> ImportPreview:
    """Check a file of figures and say, row by row, what importing it would do: new figures,
    changed ones (each field old → new) and unchanged ones, or every error in the file.

    ``lock`` locks the matching stored figures until the transaction ends (for applying)."""
    preview = ImportPreview(kind=KIND, file_name=file_name)
    parsed, errors, first_row_of = figures_read(file_name=file_name, data=data)
    preview.errors.extend(errors)
    if preview.errors:
        return preview
    existing = _existing(parsed, lock=lock)
    labels = {f: str(Observation._meta.get_field(f).verbose_name).capitalize() for f in COMPARED}
    for number, values in parsed:
        label = first_row_of[_key(values)][1]
        observation = existing.get(_key(values))
        if observation is None:
            preview.rows.append(PreviewRow(row=number, status=NEW, label=label, values=values))
            continue
        changes = [
            FieldChange(
                field=name,
                label=labels[name],
                old=_shown(getattr(observation, name)),
                new=_shown(values[name]),
            )
            for name in COMPARED
            if getattr(observation, name) != values[name]
        ]
        preview.rows.append(
            PreviewRow(
                row=number,
                status=CHANGED if changes else UNCHANGED,
                label=label,
                changes=changes,
                values=values,
                existing=observation,
            )
        )
    return preview
