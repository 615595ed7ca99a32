from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from planwatch.core.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str):
    """Sanitised HTML from Markdown; safe to output unescaped."""
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3


@register.inclusion_tag("core/includes/breadcrumbs.html")
def breadcrumbs(*pairs):
    """{% breadcrumbs "Home" home_url "Theme" theme_url "This page" "" %}"""
    return {"crumbs": list(zip(pairs[0::2], pairs[1::2], strict=False))}


STATUS_COLOURS = {
    "on_track": "green",
    "complete": "blue",
    "some_disruption": "yellow",
    "major_disruption": "red",
    "not_started": "grey",
    "draft": "grey",
    "submitted": "light-blue",
    "approved": "green",
    "open": "light-blue",
    "in_progress": "turquoise",
    "done": "green",
    "overdue": "red",
    "awaiting_response": "orange",
    "answered": "green",
    "final": "green",
    "proposed": "light-blue",
    "agreed": "green",
    "noted": "purple",
    "not_agreed": "red",
}


@register.simple_tag
def status_tag(value: str, label: str = ""):
    colour = STATUS_COLOURS.get(value, "grey")
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label or value
    )


@register.simple_tag(takes_context=True)
def querystring_without(context, *names):
    """The current query string without ``names``, ending in & when not empty."""
    params = context["request"].GET.copy()
    for name in names:
        params.pop(name, None)
    encoded = params.urlencode()
    return f"{encoded}&" if encoded else ""
