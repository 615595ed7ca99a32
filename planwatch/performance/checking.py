"""Checking a figures file's printed figures without importing anything."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.places.models import Area

from .imports import ImportRejected, indicators_import_preview
from .imports.figures import _Lookups, figures_read
from .imports.values import CellError
from .models import Indicator
from .periods import parse_period
from .validation import Finding, Record, check_records, unchecked_changes


@dataclass
class CheckResult:
    rows: int
    findings: list[Finding] = field(default_factory=list)
    unchecked: list[Record] = field(default_factory=list)


class _FileLookups(_Lookups):
    """Indicators from a definitions file; areas as PlanWatch has them, or as written."""

    def area(self, text: str) -> Area:
        try:
            return super().area(text)
        except CellError:
            if not text:  # no force area set up yet: blank still means the force area
                return Area(name="", gss_code="", area_type=Area.AreaType.FORCE)
            return Area(name=text, gss_code=text.upper(), area_type=Area.AreaType.DISTRICT)


def _indicators_from(file_name: str, data: bytes) -> dict[str, Indicator]:
    preview = indicators_import_preview(file_name=file_name, data=data)
    if preview.errors:
        raise ImportRejected(preview.errors)
    found = {}
    for row in preview.rows:
        values = dict(row.values)
        code = values.pop("code")
        found[code.lower()] = Indicator(code=code, **values)
    return found


def check_file(
    *,
    file_name: str,
    data: bytes,
    indicators_name: str | None = None,
    indicators_data: bytes | None = None,
) -> CheckResult:
    """Every printed figure in a figures file that disagrees with its parts or basis.

    Indicators come from ``indicators_data`` when given, else from PlanWatch. Raises
    ImportRejected when either file has errors (the file is not well-formed)."""
    lookups = _FileLookups.load()
    if indicators_data is not None:
        lookups.indicators = _indicators_from(indicators_name or "indicators", indicators_data)
    parsed, errors, _ = figures_read(file_name=file_name, data=data, lookups=lookups)
    if errors:
        raise ImportRejected(errors)
    records = [_record(number, values) for number, values in parsed]
    decimals = {v["indicator"].code: v["indicator"].decimals for _, v in parsed}
    return CheckResult(
        rows=len(records),
        findings=check_records(records, decimals=decimals),
        unchecked=unchecked_changes(records),
    )


def _record(number: int, values: dict) -> Record:
    indicator, area = values["indicator"], values["area"]
    return Record(
        indicator=indicator.code,
        indicator_name=indicator.name,
        unit=indicator.unit,
        area=area.gss_code,
        area_name="" if area.area_type == Area.AreaType.FORCE else area.name,
        period=parse_period(values["period"]),
        breakdown=values["breakdown"],
        value=values["value"],
        numerator=values["numerator"],
        denominator=values["denominator"],
        stated_value=values["stated_value"],
        stated_change=values["stated_change"],
        change_basis=parse_period(values["change_basis"]) if values["change_basis"] else None,
        row=number,
    )
