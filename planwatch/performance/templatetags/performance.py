"""Template tags of the performance pages, and the indicators table the Plan's theme and
priority pages show (``{% load performance %}{% indicators_for priority %}``), so that the plan
app's code never imports this app."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html

from planwatch.performance import selectors
from planwatch.performance.breakdowns import describe_breakdown, humanise
from planwatch.performance.periods import PeriodError, parse_period
from planwatch.plan.models import Priority, Theme

register = template.Library()

ASSESSMENT_COLOURS = {
    "improvement": "blue",
    "concern": "orange",
    "common_cause": "grey",
    "no_significant_change": "grey",
    "special_cause": "purple",
    "significant_change": "purple",
}
POINT_COLOURS = {"improvement": "blue", "concern": "orange", "special cause": "purple"}
CHECK_LABELS = {"percentage": "Percentage", "change": "Change", "total": "Total of its parts"}
RULE_LABELS = {
    "outside_limits": "outside the process limits",
    "run": "run of 7 or more on one side of the mean",
    "trend": "trend of 6 or more",
    "two_of_three": "2 of 3 beyond the warning line",
}


@register.simple_tag
def assessment_tag(assessment):
    """A GOV.UK tag in words ("Improvement", "Concern"…); "Not tested" as plain text."""
    colour = ASSESSMENT_COLOURS.get(assessment.key)
    if colour is None:
        return assessment.label
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, assessment.label
    )


@register.simple_tag
def spc_point_tag(point, kind: str):
    """The SPC reading of one point: "Common cause", or a tag with the rules that flag it."""
    if point is None:
        return ""
    if not point.rules:
        return "Common cause"
    rules = "; ".join(RULE_LABELS.get(r, r) for r in point.rules)
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong> <span class="govuk-body-s">{}</span>',
        POINT_COLOURS.get(kind, "purple"),
        kind.capitalize(),
        rules,
    )


@register.filter
def significance(change) -> str:
    """ "Significant (p = 0.012)", "Not significant (p = 0.43)" or "Not tested"."""
    if change is None or change.test is None:
        return "Not tested"
    p = change.test.p_value
    shown = "p < 0.001" if p < 0.001 else f"p = {p:.3f}"
    return f"{'Significant' if change.test.significant else 'Not significant'} ({shown})"


@register.filter
def method(change) -> str:
    return "" if change is None or change.test is None else change.test.method


@register.filter
def number(value) -> str:
    """A stored number without trailing zeros, with thousands separators: 1381.000000 → 1,381."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


@register.filter
def percent_interval(ci) -> str:
    if not ci:
        return ""
    return f"{ci[0]:.1f}% to {ci[1]:.1f}%"


@register.filter
def period_label(text: str) -> str:
    try:
        return parse_period(text).label
    except PeriodError:
        return text


@register.filter
def breakdown_words(text: str) -> str:
    return describe_breakdown(text) if text else ""


@register.filter
def check_label(kind: str) -> str:
    return CHECK_LABELS.get(kind, kind)


@register.filter
def flag_check(view) -> str:
    """The check a flag failed: "Change", or for a total the dimension of its parts ("Total of
    its parts by channel"), so a total's two flags are told apart."""
    label = check_label(view.kind)
    return f"{label} by {humanise(view.dimension)}" if view.dimension else label


@register.filter
def flag_computed(view) -> str:
    """What the data gives, in the form the figure was printed in."""
    flag = view.flag
    if flag.computed is None:
        return "–"
    if flag.kind == "percentage":
        return f"{flag.computed:,f}%"
    if flag.kind == "change":
        return f"{flag.computed:+,f}%"
    return number(flag.computed)


@register.filter
def flag_printed(view) -> str:
    flag = view.flag
    text = flag.stated_text or ("" if flag.stated is None else number(flag.stated))
    if flag.kind in ("percentage", "change") and text and not text.endswith("%"):
        text += "%"
    return text


@register.inclusion_tag("performance/includes/indicator_table.html")
def indicators_for(obj, heading_level: int = 2):
    """The indicators linked to a theme or a priority for action: latest figure and change."""
    if isinstance(obj, Theme):
        indicators = selectors.indicators_for_theme(theme=obj)
        caption = f"Indicators of the {obj.name} theme"
    elif isinstance(obj, Priority):
        indicators = selectors.indicators_for_priority(priority=obj)
        caption = "Indicators of this priority for action"
    else:
        raise template.TemplateSyntaxError("indicators_for takes a theme or a priority")
    summaries = selectors.indicator_summaries(indicators=indicators) if indicators else []
    return {"summaries": summaries, "caption": caption, "heading_level": heading_level}
