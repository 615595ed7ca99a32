from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from planwatch.reports import wording

register = template.Library()


@register.simple_tag
def report_number(number: str):
    """A paragraph's number (4.1.1), set in the margin at the start of its first line."""
    return format_html('<span class="pw-report__number">{}&nbsp;</span>', number)


def _at_start(html: str, lead: str):
    """Sanitised HTML (made by ``render_markdown`` when the report was built) with ``lead``
    at the start of its first paragraph."""
    html = html or ""
    if html.startswith("<p>"):
        return mark_safe(f"<p>{lead}{html[3:]}")  # noqa: S308 - sanitised when built
    return mark_safe(f"<p>{lead}</p>{html}")  # noqa: S308 - sanitised when built


@register.filter
def with_number(html: str, number: str):
    return _at_start(html, report_number(number))


@register.filter
def with_label(html: str, label: str):
    """As the reports print "Response: ...": a bold label opening the first paragraph."""
    return _at_start(html, f"<strong>{escape(label)}</strong> ")


@register.filter
def action_line(action: dict) -> str:
    return wording.action_line(action)


@register.filter
def chart_svg(svg: str):
    """A Business Intelligence chart: SVG text made by performance.charts when the report was
    built (and stored with its snapshot). Anything else is dropped."""
    svg = (svg or "").strip()
    if not svg.startswith("<svg") or not svg.endswith("</svg>") or "<script" in svg.lower():
        return ""
    return mark_safe(svg)  # noqa: S308 - made by our chart code, not from user input
