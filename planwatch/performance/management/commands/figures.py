"""planwatch figures check|show|spc — check a figures file, show a figure, chart a series.

planwatch figures check figures.csv --indicators indicators.csv --json
planwatch figures show --indicator contacts --period 2019-01..2019-09 --breakdown channel=999 --json
planwatch figures spc --indicator hate-crime --from 2017-06 --to 2019-05 --json
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planwatch.performance import selectors
from planwatch.performance.breakdowns import BreakdownError, breakdown_canonical
from planwatch.performance.checking import check_file
from planwatch.performance.imports import ImportRejected
from planwatch.performance.periods import PeriodError, parse_period


def _refuse(message: str) -> CommandError:
    return CommandError(message, returncode=2)


def _number(value) -> float | None:
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal | int | float) else value


def flag_json(view_or_finding, *, row=None) -> dict:
    """One flag in the shape every JSON output uses."""
    flag = view_or_finding.flag
    record = getattr(view_or_finding, "record", None)
    if record is not None:
        indicator, period, breakdown = record.indicator, str(record.period), record.breakdown
        row = record.row
    else:
        obs = view_or_finding.observation
        indicator, period, breakdown = obs.indicator.code, obs.period, obs.breakdown
    data = {
        "row": row,
        "indicator": indicator,
        "period": period,
        "breakdown": breakdown,
        "kind": flag.kind,
        "stated": _number(flag.stated),
        "computed": _number(flag.computed),
        "message": flag.message,
    }
    if record is None:
        data["acknowledged"] = view_or_finding.acknowledged
    return data


class Command(BaseCommand):
    help = (
        "Check a figures file against indicator definitions, show one figure with its "
        "comparison and confidence interval, or chart a monthly series with XmR limits."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="check|show|spc")

        check = sub.add_parser(
            "check",
            help="Validate a figures file without importing it: list printed figures that "
            "disagree with their parts or basis.",
        )
        check.add_argument("file", help="The figures file (CSV or XLSX).")
        check.add_argument(
            "--indicators",
            help="An indicators file defining the codes the figures use "
            "(default: the indicators already in PlanWatch).",
        )
        check.add_argument("--json", action="store_true", help="Print the flags as JSON.")

        show = sub.add_parser("show", help="One figure, its 95%% interval and its change.")
        self._series_arguments(show)
        show.add_argument("--period", required=True, help="A period: 2019-05, FY2019/20, …")
        show.add_argument(
            "--compare",
            help="The period to compare with (default: the basis of the change printed with "
            "the figure, or else the same period last year).",
        )
        show.add_argument("--json", action="store_true", help="Print JSON.")

        spc = sub.add_parser("spc", help="XmR chart of a monthly series, with NHS rules.")
        self._series_arguments(spc)
        spc.add_argument("--from", dest="first", required=True, help="First month: 2017-06.")
        spc.add_argument("--to", dest="last", required=True, help="Last month: 2019-05.")
        spc.add_argument("--json", action="store_true", help="Print JSON.")

    @staticmethod
    def _series_arguments(parser):
        parser.add_argument("--indicator", required=True, help="The indicator's code.")
        parser.add_argument("--area", help="GSS code or name (default: the force area).")
        parser.add_argument(
            "--breakdown", default="", help="Dimension=value pairs: channel=999;group=female."
        )

    def handle(self, *args, action, **options):
        return getattr(self, f"handle_{action}")(**options)

    # check ---------------------------------------------------------------------------------

    def handle_check(self, *, file, indicators, json: bool, **options):
        path = Path(file)
        indicators_path = Path(indicators) if indicators else None
        for p in (path, indicators_path):
            if p is not None and not p.is_file():
                raise _refuse(f"{p}: no such file.")
        try:
            result = check_file(
                file_name=path.name,
                data=path.read_bytes(),
                indicators_name=indicators_path.name if indicators_path else None,
                indicators_data=indicators_path.read_bytes() if indicators_path else None,
            )
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise _refuse(f"{len(rejected.errors)} error(s): nothing was checked.") from None
        flags = [flag_json(finding) for finding in result.findings]
        if json:
            self._json(flags)
            return
        for flag in flags:
            self.stdout.write(f"Row {flag['row']}: {flag['message']}")
        for record in result.unchecked:
            self.stdout.write(
                f"Row {record.row}: not checked — no figure for the basis of the printed change "
                f"({record.subject})."
            )
        self.stdout.write(
            f"{path.name}: {result.rows} figure(s) read, {len(flags)} disagree with their parts "
            f"or basis."
        )

    # show ----------------------------------------------------------------------------------

    def _indicator_area_breakdown(self, indicator, area, breakdown):
        indicator_obj = selectors.indicator_get(code=indicator)
        if indicator_obj is None:
            known = ", ".join(selectors.indicator_list().values_list("code", flat=True))
            raise _refuse(f"No indicator '{indicator}'. Known: {known or '(none yet)'}.")
        area_obj = selectors.area_resolve(area)
        if area_obj is None:
            raise _refuse(f"No area '{area}'. Give a GSS code or an area's name.")
        try:
            # As the import stores it: "Channel = 999" finds channel=999.
            breakdown = breakdown_canonical(breakdown)
        except BreakdownError as exc:
            raise _refuse(f"--breakdown: {exc}") from None
        return indicator_obj, area_obj, breakdown

    def _period(self, text, option):
        try:
            return parse_period(text)
        except PeriodError as exc:
            raise _refuse(f"{option}: {exc}") from None

    def handle_show(self, *, indicator, area, breakdown, period, compare, json: bool, **options):
        indicator, area, breakdown = self._indicator_area_breakdown(indicator, area, breakdown)
        period = self._period(period, "--period")
        basis = self._period(compare, "--compare") if compare else None
        figure = selectors.figure_get(
            indicator=indicator, period=period, area=area, breakdown=breakdown
        )
        if figure is None:
            raise CommandError(
                f"No figure for {indicator.code} in {period} ({period.label}) for {area}"
                + (f", {breakdown}" if breakdown else "")
                + ": nothing recorded for that period, nor every month of it."
            )
        change = selectors.change_get(figure=figure, basis=basis, area=area)
        flags = selectors.flags_for_observations(
            observation_ids=[o.pk for o in figure.observations]
        )
        data = {
            "indicator": indicator.code,
            "area": area.gss_code,
            "period": str(period),
            "breakdown": breakdown,
            "value": _number(figure.value),
            "numerator": _number(figure.numerator),
            "denominator": _number(figure.denominator),
            "percent": _number(figure.percent),
            "ci95": list(figure.ci95) if figure.ci95 else None,
            "change": None
            if change is None
            else {
                "basis": str(change.basis),
                "absolute": _number(change.absolute),
                "percent": _number(change.percent),
                "significant": change.significant,
                "p_value": change.p_value,
                "text": change.text,
            },
            "flags": [flag_json(v) for v in flags],
        }
        if json:
            self._json(data)
            return
        self.stdout.write(f"{indicator.name}, {area}, {period.label}: {figure.shown}")
        if figure.ci95:
            low, high = figure.ci95
            self.stdout.write(f"95% confidence interval: {low:.1f}% to {high:.1f}%")
        if change is not None:
            self.stdout.write(f"Change: {change.text} — {change.verdict}")
        else:
            self.stdout.write("Change: no figure recorded for the basis period.")
        for flag in data["flags"]:
            self.stdout.write(f"Flag: {flag['message']}")

    # spc -----------------------------------------------------------------------------------

    def handle_spc(self, *, indicator, area, breakdown, first, last, json: bool, **options):
        indicator, area, breakdown = self._indicator_area_breakdown(indicator, area, breakdown)
        first_period, last_period = self._period(first, "--from"), self._period(last, "--to")
        if first_period.kind != "month" or last_period.kind != "month":
            raise _refuse("--from and --to take months, e.g. --from 2017-06 --to 2019-05.")
        if last_period.first < first_period.first:
            raise _refuse("--to comes before --from.")
        result = selectors.spc_get(
            indicator=indicator,
            area=area,
            breakdown=breakdown,
            first=first_period.first,
            last=last_period.first,
        )
        if result is None:
            raise CommandError(
                f"{indicator.code}: fewer than two monthly figures between {first} and {last}."
            )
        data = {
            "indicator": indicator.code,
            "area": area.gss_code,
            "breakdown": breakdown,
            "mean": result.mean,
            "ucl": result.ucl,
            "lcl": result.lcl,
            "points": [
                {"period": p.label, "value": p.value, "rules": list(p.rules)} for p in result.points
            ],
            "assessment": result.assessment,
        }
        if json:
            self._json(data)
            return
        self.stdout.write(
            f"{indicator.name}, {area}: mean {result.mean:,.1f}, process limits "
            f"{result.lcl:,.1f} to {result.ucl:,.1f} — {result.assessment}."
        )
        for p in result.points:
            rules = f"  [{', '.join(p.rules)}]" if p.rules else ""
            self.stdout.write(f"{p.label}  {p.value:,.{indicator.decimals}f}{rules}")

    def _json(self, data) -> None:
        self.stdout.write(json_dumps(data))


def json_dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=_number)
