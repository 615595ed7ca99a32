"""Area pages: police.uk street crime for the force and each district.

Rows of the counts table are crime types and columns the months of the chosen range (at most
12, so it fits the page), with the range's total: reading across gives a type's months, reading
down a month's types. A range of up to 12 months also keeps the comparison with the same months
a year earlier free of overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import rule_required
from planwatch.core.forms import GovukForm
from planwatch.core.lists import Column, csv_response, wants_csv
from planwatch.performance import charts
from planwatch.performance.comparisons import change, format_change, rolling_totals
from planwatch.performance.periods import RANGE, Month, Period
from planwatch.performance.statistics import xmr

from . import areas
from .caching import cached, cached_body, data_version
from .selectors import crime_types

ALL_CRIME = "All crime"
MAX_MONTHS = 12
# An XmR chart needs enough months for its limits to mean something; fewer get bars.
SPC_MIN_MONTHS = 15
# Recorded crime can rise because more is reported (hate crime, domestic abuse), so neither
# direction is marked better: special cause is shown as such, not as improvement or concern.
POLARITY = "neither"


def period_label(first: Month, last: Month) -> str:
    return Period(RANGE, first, last).label


class AreaFilterForm(GovukForm):
    crime_type = forms.ChoiceField(label="Crime type", required=False)
    start = forms.ChoiceField(label="From")
    end = forms.ChoiceField(label="To")

    def __init__(self, *args, types=(), months=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crime_type"].choices = [("", ALL_CRIME), *[(t, t) for t in types]]
        choices = [(str(m), m.label) for m in months]
        self.fields["start"].choices = choices
        self.fields["end"].choices = choices

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            first, last = Month.parse(start), Month.parse(end)
            if last < first:
                self.add_error("end", "The last month must be the same as or after the first")
            elif last - first + 1 > MAX_MONTHS:
                self.add_error("end", f"Choose a range of at most {MAX_MONTHS} months")
            data["first"], data["last"] = first, last
        return data


@dataclass
class CountRow:
    crime_type: str
    cells: list[int | None]  # one per month of the range; None where the month is not imported
    total: int
    share: Decimal | None = None  # of the force's count of this type (district pages)
    is_total: bool = False


@dataclass
class SeriesRow:
    month: Month
    count: int
    point: object = None
    point_class: str = ""


@dataclass
class Page:
    force: str
    district: areas.District | None
    crime_type: str
    first: Month
    last: Month
    months: list[Month]
    rows: list[CountRow]


def _choices(request, months: list[Month], *, force: str):
    latest = months[-1]
    default_first = max(months[0], latest - (MAX_MONTHS - 1))
    data = {"crime_type": "", "start": str(default_first), "end": str(latest)}
    data.update({k: request.GET[k] for k in data if k in request.GET})
    form = AreaFilterForm(data, types=crime_types(force=force), months=months)
    if form.is_valid():
        clean = form.cleaned_data
        return form, clean["crime_type"], clean["first"], clean["last"]
    return form, "", default_first, latest


def _count_rows(table, span, imported, force_table=None) -> list[CountRow]:
    rows = []
    for crime_type in sorted(table):
        by_month = table[crime_type]
        cells = [by_month.get(m, 0) if m in imported else None for m in span]
        total = sum(by_month.values())
        share = None
        if force_table is not None:
            share = areas.share(total, sum(force_table.get(crime_type, {}).values()))
        rows.append(CountRow(crime_type, cells, total, share))
    totals = [
        sum(r.cells[i] or 0 for r in rows) if m in imported else None for i, m in enumerate(span)
    ]
    whole = sum(r.total for r in rows)
    share = None
    if force_table is not None:
        share = areas.share(whole, sum(sum(t.values()) for t in force_table.values()))
    rows.append(CountRow(ALL_CRIME, totals, whole, share, is_total=True))
    return rows


def _csv(page: Page):
    name = page.district.name if page.district else areas.force_label(page.force)
    columns = [Column("Crime type", lambda r: r.crime_type)]
    for i, month in enumerate(page.months):
        columns.append(Column(str(month), lambda r, i=i: r.cells[i]))
    columns.append(Column("Total", lambda r: r.total))
    if page.district is not None:
        columns.append(
            Column(
                "Share of the force (%)",
                lambda r: None if r.share is None else f"{r.share:.1f}",
            )
        )
    return csv_response(f"{name}-street-crime-{page.first}-to-{page.last}", columns, page.rows)


def _rolling(series: list[tuple[Month, int]], last: Month) -> dict | None:
    totals = dict(rolling_totals(series))
    if last not in totals:
        return None
    result = {"total": totals[last], "label": f"year ending {last.label}"}
    before = last - 12
    if before in totals:
        absolute, percent = change(totals[last], totals[before])
        result["previous"] = totals[before]
        result["change"] = absolute
        result["change_text"] = format_change(percent, f"the year ending {before.label}")
    return result


def _chart(series: list[tuple[Month, int]], title: str):
    rows = [SeriesRow(m, n) for m, n in series]
    if len(series) >= SPC_MIN_MONTHS:
        spc = xmr([n for _, n in series], [str(m) for m, _ in series], polarity=POLARITY)
        for row, point in zip(rows, spc.points, strict=True):
            row.point = point
            row.point_class = charts.point_class(point, POLARITY)
        svg = charts.spc_chart(
            spc,
            title=f"{title}: monthly counts with process limits",
            value_label="Crimes",
            polarity=POLARITY,
        )
        return svg, spc, rows
    bars = [charts.ChartBar(label=f"{m.abbreviation} {m.year}", value=n) for m, n in series]
    svg = charts.bar_chart(bars, title=f"{title}: monthly counts", value_label="Crimes")
    return svg, None, rows


def _drivers(page: Page, imported: set[Month]) -> dict:
    """Each district's contribution to the force's change between the range and the same
    months a year earlier."""
    before = (page.first - 12, page.last - 12)
    basis_label = period_label(*before)
    if not all(m in imported for m in areas.month_span(*before)):
        return {"drivers_missing": basis_label}
    totals = areas.district_totals(
        force=page.force,
        crime_type=page.crime_type,
        current=(page.first, page.last),
        previous=before,
    )
    own, rest = areas.group_other_districts(totals)
    other = areas.grouped(rest)
    force_change, rows = areas.contributions(own + ([other] if other else []))
    return {
        "drivers": rows,
        "drivers_basis": basis_label,
        "drivers_change": force_change,
        "drivers_current": sum(a.current for a in totals),
        "drivers_previous": sum(a.previous for a in totals),
    }


def _area_page(
    request, *, force: str | None, district: areas.District | None, title: str, version: str
):
    """The page, its body made once per address and data (``caching``)."""

    def make():
        return _area_body(request, force=force, district=district, title=title)

    csv = wants_csv(request)
    body = make() if csv else cached_body(request, "area", make, version=version)
    if isinstance(body, HttpResponse):
        return body
    context = {"title": title, "district": district, "body": body}
    return render(request, "opendata/area_detail.html", context)


def _area_body(request, *, force, district, title):
    months = areas.force_months(force=force) if force else []
    context = {"title": title, "district": district, "force": force}
    if not months:
        return mark_safe(render_to_string("opendata/area_body.html", context, request))  # noqa: S308 - a rendered template
    form, crime_type, first, last = _choices(request, months, force=force)
    imported = set(months)
    span = areas.month_span(first, last)
    table = areas.counts_by_type_and_month(force=force, district=district, first=first, last=last)
    force_table = None
    if district is not None:
        force_table = areas.counts_by_type_and_month(force=force, first=first, last=last)
    page = Page(
        force,
        district,
        crime_type,
        first,
        last,
        span,
        _count_rows(table, span, imported, force_table),
    )
    if wants_csv(request):
        return _csv(page)

    crime_label = crime_type or ALL_CRIME.lower()
    history = [m for m in months if m <= last]
    series = areas.monthly_counts(
        force=force, district=district, crime_type=crime_type, months=history
    )
    chart, spc, series_rows = _chart(series, f"{crime_type or ALL_CRIME}, {title}")
    in_range = sum(n for m, n in series if first <= m <= last)
    context.update(
        {
            "form": form,
            "force_label": areas.force_label(force),
            "crime_label": crime_label,
            "crime_type": crime_type,
            "first": first,
            "last": last,
            "range_label": period_label(first, last),
            "months": span,
            "imported": imported,
            "count_rows": page.rows,
            "in_range": in_range,
            "rolling": _rolling(series, last),
            "chart": mark_safe(chart),  # noqa: S308 - built by the charts package, every text escaped
            "spc": spc,
            "series_rows": series_rows,
            "csv_query": _csv_query(request),
        }
    )
    if district is not None:
        force_in_range = sum(
            sum(n for m, n in by_month.items())
            for t, by_month in force_table.items()
            if not crime_type or t == crime_type
        )
        context["force_in_range"] = force_in_range
        context["share"] = areas.share(in_range, force_in_range)
    else:
        context.update(_drivers(page, imported))
    return mark_safe(render_to_string("opendata/area_body.html", context, request))  # noqa: S308 - a rendered template


def _csv_query(request) -> str:
    query = request.GET.copy()
    query["format"] = "csv"
    return query.urlencode()


@rule_required(permissions.can_view_areas)
def area_list(request):
    version = data_version()
    body = cached_body(
        request, "area-list", lambda: _area_list_body(request, version), version=version
    )
    return render(request, "opendata/area_list.html", {"body": body})


def _area_list_body(request, version: str) -> str:
    force = areas.force_get(version=version)
    months = areas.force_months(force=force) if force else []
    context = {"force": force}
    if months:
        latest = months[-1]
        current = (max(months[0], latest - 11), latest)
        previous = (latest - 23, latest - 12)
        imported = set(months)
        has_previous = all(m in imported for m in areas.month_span(*previous))
        totals = areas.district_totals(force=force, current=current, previous=previous)
        own, rest = areas.group_other_districts(totals)
        own.sort(key=lambda a: (-a.current, a.name))
        rest.sort(key=lambda a: (-a.current, a.name))
        context.update(
            {
                "force_label": areas.force_label(force),
                "force_totals": areas.AreaTotals(
                    areas.force_label(force),
                    sum(a.current for a in totals),
                    sum(a.previous for a in totals),
                ),
                "districts": own,
                "other_districts": rest,
                "current_label": period_label(*current),
                "previous_label": period_label(*previous),
                "has_previous": has_previous,
                "full_year": current[1] - current[0] + 1 == 12,
            }
        )
    return mark_safe(render_to_string("opendata/area_list_body.html", context, request))  # noqa: S308 - a rendered template


@rule_required(permissions.can_view_areas)
def area_force(request):
    version = data_version()
    force = areas.force_get(version=version)
    title = (
        cached(f"force-label:{force}", lambda: areas.force_label(force), version=version)
        if force
        else "The force"
    )
    return _area_page(request, force=force, district=None, title=title, version=version)


@rule_required(permissions.can_view_areas)
def area_district(request, district):
    version = data_version()
    found = areas.district_get(key=district, version=version)
    if found is None:
        raise Http404
    force = areas.force_get(version=version)
    return _area_page(request, force=force, district=found, title=found.name, version=version)
