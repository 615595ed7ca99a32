"""Pages of indicators and their figures: the list, one indicator, and the Data quality page."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import rule_required
from planwatch.core.lists import Column, csv_response, paginate, wants_csv
from planwatch.core.selectors import history_for
from planwatch.places.models import Area
from planwatch.places.selectors import force_area
from planwatch.plan import selectors as plan_selectors
from planwatch.plan.models import Priority

from . import charts, selectors, services
from .breakdowns import describe_breakdown
from .forms import FigureChoiceForm, FlagAcknowledgeForm, IndicatorFilterForm, breakdown_label
from .imports.base import escape
from .imports.columns import FIGURE_COLUMNS
from .imports.values import number_shown
from .models import Indicator, Observation
from .periods import PeriodError, parse_period
from .validation import flag_slug_parse

# Bars in a chart of figures that are not monthly; the table below it has them all.
CHART_BARS = 12

SUMMARY_COLUMNS = [
    Column("Indicator", lambda s: s.indicator.name),
    Column("Code", lambda s: s.indicator.code),
    Column("Unit", lambda s: s.indicator.get_unit_display()),
    Column("Latest period", lambda s: s.latest.period.label if s.latest else ""),
    Column("Latest value", lambda s: s.latest.value if s.latest else None),
    Column("Change", lambda s: s.change.text if s.change else ""),
    Column("Change significant", lambda s: _yes_no(s.change.significant) if s.change else ""),
    Column("p value", lambda s: s.change.p_value if s.change else None),
    Column("Assessment", lambda s: s.assessment.label),
    Column("Assessed by", lambda s: s.assessment.method_label),
    Column("Unacknowledged flags", lambda s: s.open_flags),
]

# An indicator's figures as a figures import file: the import template's columns, in its order,
# so the export can be edited and imported again (the import takes off the "'" the CSV puts
# before a cell starting +, -, = or @).
_OBSERVATION_VALUES = {
    "indicator": lambda o: o.indicator.code,
    "area": lambda o: o.area.gss_code,
    "period": lambda o: o.period,
    "breakdown": lambda o: escape(o.breakdown),
    "value": lambda o: number_shown(o.value),
    "numerator": lambda o: number_shown(o.numerator),
    "denominator": lambda o: number_shown(o.denominator),
    "sample_size": lambda o: o.sample_size,
    "stated_value": lambda o: escape(o.stated_value),
    "stated_change": lambda o: escape(o.stated_change),
    "change_basis": lambda o: o.change_basis,
    "source": lambda o: escape(o.source),
    "note": lambda o: escape(o.note),
}
OBSERVATION_COLUMNS = [Column(name, _OBSERVATION_VALUES[name]) for name in FIGURE_COLUMNS]

FLAG_COLUMNS = [
    Column("Indicator", lambda v: v.observation.indicator.name),
    Column("Area", lambda v: v.observation.area.name),
    Column("Period", lambda v: v.observation.period),
    Column("Breakdown", lambda v: v.observation.breakdown),
    Column("Check", lambda v: v.slug),
    Column("Printed", lambda v: v.flag.stated_text),
    Column("From the data", lambda v: v.flag.computed),
    Column("Message", lambda v: v.flag.message),
    Column("Acknowledged", lambda v: _yes_no(v.acknowledged)),
    Column(
        "Acknowledged by",
        lambda v: _person(v.acknowledgement.acknowledged_by) if v.acknowledgement else "",
    ),
    Column(
        "Acknowledged at", lambda v: v.acknowledgement.acknowledged_at if v.acknowledged else None
    ),
    Column("Reason", lambda v: v.acknowledgement.reason if v.acknowledgement else ""),
]


def _yes_no(value) -> str:
    if value is None:
        return "Not tested"
    return "Yes" if value else "No"


def _person(user) -> str:
    if user is None:
        return "Unknown"
    return user.get_full_name() or user.username


# --- The list of indicators -------------------------------------------------------------------


@rule_required(permissions.can_view_indicators)
def indicator_list(request):
    priorities = (
        Priority.objects.filter(indicators__isnull=False)
        .select_related("objective__theme")
        .distinct()
        .order_by("objective__theme__number", "objective__number", "number")
    )
    form = IndicatorFilterForm(
        request.GET or None, themes=plan_selectors.theme_choices(), priorities=priorities
    )
    indicators = selectors.indicator_list()
    filtered = False
    if form.is_bound and form.is_valid():
        theme_slug, priority_pk = form.cleaned_data["theme"], form.cleaned_data["priority"]
        if theme_slug:
            theme = plan_selectors.theme_get(slug=theme_slug, plan=plan_selectors.plan_current())
            indicators = selectors.indicators_for_theme(theme=theme) if theme else indicators.none()
            filtered = True
        if priority_pk:
            indicators = indicators.filter(priorities__pk=priority_pk).distinct()
            filtered = True
    flags = selectors.flags_all()
    if wants_csv(request):
        rows = selectors.indicator_summaries(indicators=indicators, flags=flags)
        return csv_response("indicators", SUMMARY_COLUMNS, rows)
    page_obj = paginate(request, indicators)
    summaries = selectors.indicator_summaries(indicators=page_obj.object_list, flags=flags)
    return render(
        request,
        "performance/indicator_list.html",
        {
            "filter_form": form,
            "page_obj": page_obj,
            "summaries": summaries,
            "filtered": filtered,
            "any_indicators": filtered or page_obj.paginator.count > 0,
            "can_import": permissions.can_import_figures(request.user),
        },
    )


# --- One indicator ----------------------------------------------------------------------------


@dataclass
class Row:
    """A line of an indicator's data table: a stored figure with its change and checks."""

    observation: Observation
    figure: selectors.Figure
    change: selectors.Change | None
    spc_point: object = None  # statistics.SpcPoint when the figure is on the SPC chart
    spc_class: str = ""
    flags: list = field(default_factory=list)


def _choose_figures(request, indicator):
    """The area and breakdown asked for; by default the force area (or else the first area
    with figures) and its figures with no breakdown (or else its first breakdown)."""
    area_ids = indicator.observations.values("area_id").distinct()
    areas = list(Area.objects.filter(pk__in=area_ids).order_by("area_type", "name"))
    area = force_area()
    if area not in areas:
        area = areas[0] if areas else area
    asked = request.GET.get("area")
    if asked:
        area = next((a for a in areas if a.gss_code == asked), area)
    breakdowns = selectors.breakdowns_of(indicator=indicator, area=area) if area else []
    breakdown = request.GET.get("breakdown", "")
    if breakdown not in breakdowns:
        breakdown = "" if "" in breakdowns or not breakdowns else breakdowns[0]
    form = FigureChoiceForm(
        initial={"area": area.gss_code if area else "", "breakdown": breakdown},
        areas=areas or ([area] if area else []),
        breakdowns=breakdowns or [""],
    )
    return form, area, breakdown


def _value_label(indicator: Indicator) -> str:
    unit = {
        Indicator.Unit.PERCENTAGE: "%",
        Indicator.Unit.MONEY: "£",
        Indicator.Unit.RATE: "rate",
        Indicator.Unit.RATIO: "ratio",
    }.get(indicator.unit)
    return f"{indicator.name} ({unit})" if unit else indicator.name


def _chart(indicator, rows, spc, subject, latest):
    """The SVG chart of the rows: XmR for a long monthly series, else bars of the latest
    periods of the same kind as the latest figure."""
    if spc is not None:
        return charts.spc_chart(
            spc,
            title=f"{indicator.name}, {subject}: monthly values with process limits",
            value_label=_value_label(indicator),
            polarity=indicator.polarity,
        ), [r for r in rows if r.spc_point is not None]
    if latest is None:
        return "", []
    kind = latest.figure.period.kind
    charted = [r for r in rows if r.figure.value is not None and r.figure.period.kind == kind]
    charted = charted[-CHART_BARS:]
    percent = indicator.unit == Indicator.Unit.PERCENTAGE
    bars = []
    for row in charted:
        ci = row.figure.ci95
        bars.append(
            charts.ChartBar(
                label=row.figure.period.label,
                value=float(row.figure.value),
                low=ci[0] if ci else None,
                high=ci[1] if ci else None,
            )
        )
    return charts.bar_chart(
        bars,
        title=f"{indicator.name}, {subject}",
        value_label=_value_label(indicator),
        percent=percent,
    ), charted


def _comparisons(latest: Row | None, area):
    """The latest figure against the same period last year, the period before, and the basis
    a printed change was on."""
    if latest is None or latest.figure.value is None:
        return []
    figure = latest.figure
    found = []
    bases = [
        ("Same period last year", figure.period.same_period_last_year()),
        ("Previous period", figure.period.previous()),
    ]
    basis_text = latest.observation.change_basis
    if basis_text:
        with contextlib.suppress(PeriodError):
            bases.append(("Basis of the printed change", parse_period(basis_text)))
    seen = set()
    for name, basis in bases:
        if basis.key in seen:
            continue
        seen.add(basis.key)
        change = selectors.change_get(figure=figure, basis=basis, area=area)
        found.append((name, basis, change))
    return found


def _derived(indicator, latest: Row | None, area, breakdown) -> dict:
    """Figures computed from the stored ones: the latest rolling 12-month total, the latest
    figure's parts with their shares, and its rate per 1,000."""
    if area is None:
        return {}
    figure = latest.figure if latest is not None else None
    return {
        "rolling": selectors.rolling_total_latest(
            indicator=indicator, area=area, breakdown=breakdown
        ),
        "shares": selectors.shares_of(figure=figure, area=area) if figure else [],
        "rate": selectors.rate_per_1000(figure=figure, area=area) if figure else None,
    }


@rule_required(permissions.can_view_indicators)
def indicator_detail(request, code):
    indicator = selectors.indicator_get(code=code)
    if indicator is None:
        raise Http404
    if wants_csv(request):
        observations = indicator.observations.select_related("indicator", "area").order_by(
            "area__area_type", "area__name", "breakdown", "period_first", "period_last"
        )
        return csv_response(f"{indicator.code}-figures", OBSERVATION_COLUMNS, observations)

    form, area, breakdown = _choose_figures(request, indicator)
    observations = (
        list(selectors.observations_for(indicator=indicator, area=area, breakdown=breakdown))
        if area
        else []
    )
    all_flags = selectors.flags_for_indicator(indicator=indicator)
    flags_by_obs = selectors.flags_by_observation(all_flags)
    figures = [selectors.figure_of(observation=obs) for obs in observations]
    by_key = {f.period.key: f for f in figures}
    rows = []
    for obs, figure in zip(observations, figures, strict=True):
        basis = figure.period.same_period_last_year()
        if basis.key in by_key:
            change = selectors.change_between(figure=figure, basis_figure=by_key[basis.key])
        elif basis.n_months > 1:  # it may still be made of the basis's months
            change = selectors.change_get(figure=figure, basis=basis, area=area)
        else:
            change = None
        rows.append(Row(obs, figure, change, flags=flags_by_obs.get(obs.pk, [])))

    spc = selectors.spc_get(indicator=indicator, area=area, breakdown=breakdown) if area else None
    if spc is not None and len(spc.points) < selectors.SPC_MIN_POINTS:
        spc = None
    if spc is not None:
        by_label = {p.label: p for p in spc.points}
        polarity = indicator.polarity
        for row in rows:
            if row.figure.period.n_months == 1:
                point = by_label.get(str(row.figure.period.first))
                if point is not None:
                    row.spc_point = point
                    row.spc_class = charts.point_class(point, polarity)

    subject = area.name if area else ""
    if breakdown:
        subject += f", {describe_breakdown(breakdown)}"
    # The latest figure as figure_latest finds it: the latest end, the longest period of those.
    valued = [r for r in rows if r.figure.value is not None]
    latest_row = (
        max(
            valued,
            key=lambda r: (r.observation.period_last, -r.observation.period_first.toordinal()),
        )
        if valued
        else None
    )
    chart, charted = _chart(indicator, rows, spc, subject, latest_row)
    if spc is not None:
        assessment = selectors.assessment_of_spc(spc)
    else:
        assessment = selectors.assessment_of_change(latest_row.change if latest_row else None)
    shown_ids = {r.observation.pk for r in rows}
    other_flags = [v for v in all_flags if v.observation.pk not in shown_ids]
    columns = _table_columns(rows)

    return render(
        request,
        "performance/indicator_detail.html",
        {
            "indicator": indicator,
            "choice_form": form,
            "area": area,
            "breakdown": breakdown,
            "breakdown_label": breakdown_label(breakdown),
            "subject": subject,
            "rows": rows,
            "chart": mark_safe(chart),  # noqa: S308 - built by the charts package, every text escaped
            "charted": charted,
            "spc": spc,
            "latest": latest_row,
            "assessment": assessment,
            "comparisons": _comparisons(latest_row, area),
            **_derived(indicator, latest_row, area, breakdown),
            "other_flags": other_flags,
            "open_flags": sum(1 for v in all_flags if not v.acknowledged),
            "columns": columns,
            "column_count": 3 + sum(columns.values()),
            "priorities": indicator.priorities.select_related("objective__theme").order_by(
                "objective__theme__number", "objective__number", "number"
            ),
            "history": history_for(indicator),
            "can_acknowledge": permissions.can_acknowledge_flags(request.user),
            "return_to": request.get_full_path(),
        },
    )


def _table_columns(rows) -> dict[str, bool]:
    """Which optional columns of the data table have anything in them."""
    return {
        "numerator": any(r.figure.numerator is not None for r in rows),
        "denominator": any(r.figure.denominator is not None for r in rows),
        "sample_size": any(r.figure.sample_size for r in rows),
        "ci": any(r.figure.ci95 for r in rows),
        "printed": any(r.observation.stated_value or r.observation.stated_change for r in rows),
        "spc": any(r.spc_point is not None for r in rows),
    }


# --- Data quality -----------------------------------------------------------------------------


@rule_required(permissions.can_view_indicators)
def data_quality(request):
    views = selectors.flags_all()
    views.sort(
        key=lambda v: (
            v.observation.indicator.name,
            v.observation.period_first,
            v.observation.period_last,
            v.observation.breakdown,
            v.slug,
            v.observation.pk,
        )
    )
    if wants_csv(request):
        return csv_response("data-quality-flags", FLAG_COLUMNS, views)
    groups: dict[int, tuple[Indicator, list]] = {}
    for view in views:
        indicator = view.observation.indicator
        groups.setdefault(indicator.pk, (indicator, []))[1].append(view)
    unchecked = sorted(
        selectors.flags_unchecked(),
        key=lambda o: (o.indicator.name, o.period_first, o.period_last, o.breakdown),
    )
    return render(
        request,
        "performance/data_quality.html",
        {
            "groups": list(groups.values()),
            "flag_count": len(views),
            "open_count": sum(1 for v in views if not v.acknowledged),
            "unchecked": [(o, _basis_label(o)) for o in unchecked],
            "can_acknowledge": permissions.can_acknowledge_flags(request.user),
            "return_to": request.get_full_path(),
        },
    )


def _basis_label(observation: Observation) -> str:
    try:
        if observation.change_basis:
            return parse_period(observation.change_basis).label
        return selectors.period_of(observation).same_period_last_year().label
    except PeriodError:
        return observation.change_basis


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@rule_required(permissions.can_acknowledge_flags)
def flag_acknowledge(request, pk, kind):
    """Acknowledge one flag. ``kind`` is the flag's slug (FlagView.slug): its kind, and for a
    total the dimension of the parts it disagrees with, as in ``total-channel``."""
    parsed = flag_slug_parse(kind)
    if parsed is None:
        raise Http404
    kind, dimension = parsed
    observation = get_object_or_404(Observation.objects.select_related("indicator", "area"), pk=pk)
    view = selectors.flag_get(observation=observation, kind=kind, dimension=dimension)
    if view is None:
        raise Http404("This figure has no such flag")
    fallback = reverse("performance:data_quality") + f"#flag-{view.key}"
    next_url = _safe_next(request, fallback)
    if view.acknowledged:
        messages.info(request, "This flag has already been acknowledged")
        return redirect(next_url)
    form = FlagAcknowledgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.flag_acknowledge(
                observation=observation,
                kind=kind,
                dimension=dimension,
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except services.FlagNotFound:
            messages.info(request, "The figure no longer disagrees with the data")
        else:
            messages.success(request, f"Flag acknowledged: {view.flag.subject}")
        return redirect(next_url)
    return render(
        request,
        "performance/flag_acknowledge.html",
        {"form": form, "view": view, "observation": observation, "next_url": next_url},
    )
