"""The XmR (statistical process control) line chart, its point classes and its legend."""

from __future__ import annotations

import math

from ..statistics import SpcPoint, SpcResult
from .svg import (
    BLACK,
    BLUE,
    GREY,
    ORANGE,
    PURPLE,
    Plot,
    _el,
    _figure,
    _no_data,
    _svg,
    _text,
    _y_axis,
    month_label,
    nice_ticks,
)

IMPROVEMENT = "improvement"
CONCERN = "concern"
SPECIAL = "special cause"
COMMON = "common cause"
POINT_COLOURS = {IMPROVEMENT: BLUE, CONCERN: ORANGE, SPECIAL: PURPLE, COMMON: GREY}
POINT_LEGEND = {
    IMPROVEMENT: "Special cause: improvement",
    CONCERN: "Special cause: concern",
    SPECIAL: "Special cause",
    COMMON: "Common cause",
}
RULE_WORDS = {
    "outside_limits": "outside the process limits",
    "run": "in a run of 7 or more on one side of the mean",
    "trend": "in a trend of 6 or more rising or falling",
    "two_of_three": "2 of 3 beyond the warning line",
}

SPC_WIDTH, SPC_HEIGHT = 800, 440


def _polarity_of(result: SpcResult, polarity: str | None) -> str | None:
    """Which way is better: given, held by the result, or read from its assessment."""
    polarity = polarity or getattr(result, "polarity", None)
    if polarity:
        return polarity
    latest = result.points[-1] if result.points else None
    if latest is None or latest.direction is None:
        return None
    if result.assessment == IMPROVEMENT:
        return "higher" if latest.direction == "high" else "lower"
    if result.assessment == CONCERN:
        return "lower" if latest.direction == "high" else "higher"
    if result.assessment == SPECIAL:
        return "neither"
    return None


def point_class(point: SpcPoint, polarity: str | None) -> str:
    """ "improvement", "concern", "special cause" or "common cause" for one point."""
    if not point.rules:
        return COMMON
    if polarity in ("higher", "lower") and point.direction:
        good = "high" if polarity == "higher" else "low"
        return IMPROVEMENT if point.direction == good else CONCERN
    return SPECIAL


def _spc_desc(result: SpcResult, value_label: str, classes: list[str]) -> str:
    points = result.points
    first, last = month_label(points[0].label), month_label(points[-1].label)
    words = [
        f"Line chart of {value_label}: {len(points)} points from {first} to {last}.",
        f"Mean {_figure(result.mean)}; process limits {_figure(result.lcl)} (lower) "
        f"to {_figure(result.ucl)} (upper).",
    ]
    latest_class = classes[-1]
    if latest_class == COMMON:
        words.append(f"The latest point, {last}, shows common cause variation.")
    elif latest_class == SPECIAL:
        words.append(f"The latest point, {last}, shows special cause variation.")
    else:
        words.append(f"The latest point, {last}, shows special cause {latest_class}.")
    special = [
        f"{month_label(p.label)} {_figure(p.value)} ({c}: "
        f"{', '.join(RULE_WORDS.get(r, r) for r in p.rules)})"
        for p, c in zip(points, classes, strict=True)
        if p.rules
    ]
    if special:
        shown = special[:12]
        more = f"; and {len(special) - 12} more" if len(special) > 12 else ""
        words.append("Special cause points: " + "; ".join(shown) + more + ".")
    else:
        words.append("No point shows special cause variation.")
    return " ".join(words)


def _marker(x: float, y: float, kind: str, *, cls: str, label: str | None = None) -> str:
    """A point: small and grey for common cause, larger and outlined for special cause."""
    special = kind != COMMON
    return _el(
        "circle",
        cx=x,
        cy=y,
        r=6.5 if special else 3.5,
        fill=POINT_COLOURS[kind],
        stroke=BLACK if special else None,
        stroke_width=1.5 if special else None,
        class_=f"{cls} {cls}-{kind.replace(' ', '-')}",
        data_label=label,
    )


def _spread_labels(items: list[tuple[float, str, str]], *, gap: float = 17) -> list[tuple]:
    """Move right-hand line labels apart so none overlap; items are (y, text, class)."""
    items = sorted(items)
    placed: list[list] = []
    for y, text, cls in items:
        if placed and y - placed[-1][0] < gap:
            y = placed[-1][0] + gap
        placed.append([y, text, cls])
    return [tuple(p) for p in placed]


def spc_chart(
    result: SpcResult, *, title: str, value_label: str, polarity: str | None = None
) -> str:
    """An XmR chart: the values as a line with markers, the mean, dashed process limits, and
    special-cause points coloured by whether they are improvement or concern.

    ``polarity`` ("higher", "lower", "neither") is the one the result was built with; when not
    given it is read from the result's assessment where that says it."""
    points = result.points
    if not points:
        return _no_data(SPC_WIDTH, SPC_HEIGHT, title, "There are no figures to chart.")
    polarity = _polarity_of(result, polarity)
    classes = [point_class(p, polarity) for p in points]
    values = [p.value for p in points]
    ticks = nice_ticks(min(*values, result.lcl), max(*values, result.ucl))
    plot = Plot(
        left=90,
        top=20,
        right=SPC_WIDTH - 130,
        bottom=SPC_HEIGHT - 110,
        lowest=ticks[0],
        highest=ticks[-1],
    )
    n = len(points)
    step = plot.width / (n - 1) if n > 1 else 0

    def x(i: int) -> float:
        return plot.left + i * step if n > 1 else plot.left + plot.width / 2

    body = _y_axis(plot, ticks, value_label, percent=False)

    # Mean and process limits, labelled at the right.
    lines = [
        (result.ucl, "ucl", "Upper limit", "6 4"),
        (result.mean, "mean", "Mean", None),
        (result.lcl, "lcl", "Lower limit", "6 4"),
    ]
    labels = []
    for value, cls, name, dash in lines:
        y = plot.y(value)
        body.append(
            _el(
                "line",
                x1=plot.left,
                x2=plot.right,
                y1=y,
                y2=y,
                stroke=GREY,
                stroke_width=2,
                stroke_dasharray=dash,
                class_=cls,
            )
        )
        labels.append((y, f"{name} {_figure(value)}", cls))
    for y, text, cls in _spread_labels(labels):
        body.append(_text(plot.right + 8, y + 5, text, class_=f"{cls}-label"))

    # The values.
    path = " ".join(
        f"{'M' if i == 0 else 'L'}{x(i):.2f},{plot.y(v):.2f}" for i, v in enumerate(values)
    )
    body.append(
        _el(
            "path",
            d=path,
            fill="none",
            stroke=BLUE,
            stroke_width=2.5,
            stroke_linejoin="round",
            class_="series",
        )
    )
    for i, (point, kind) in enumerate(zip(points, classes, strict=True)):
        body.append(_marker(x(i), plot.y(point.value), kind, cls="point", label=point.label))

    # Month labels along the bottom, thinned to fit.
    room = max(1, int(plot.width // 78) + 1)
    every = max(1, math.ceil(n / room))
    for i in range(0, n, every):
        body.append(
            _el(
                "line",
                x1=x(i),
                x2=x(i),
                y1=plot.bottom,
                y2=plot.bottom + 6,
                stroke=GREY,
                stroke_width=1,
            )
        )
        body.append(
            _text(
                x(i),
                plot.bottom + 24,
                month_label(points[i].label),
                text_anchor="middle",
                class_="x-label",
            )
        )

    body.extend(_spc_legend(plot, sorted(set(classes), key=list(POINT_COLOURS).index)))
    return _svg(SPC_WIDTH, SPC_HEIGHT, title, _spc_desc(result, value_label, classes), body)


def _spc_legend(plot: Plot, kinds: list[str]) -> list[str]:
    y = plot.bottom + 62
    x = plot.left
    parts = [
        _el("line", x1=x, x2=x + 28, y1=y, y2=y, stroke=BLUE, stroke_width=2.5),
        _text(x + 34, y + 5, "Value"),
    ]
    x += 90
    parts += [
        _el("line", x1=x, x2=x + 28, y1=y, y2=y, stroke=GREY, stroke_width=2),
        _text(x + 34, y + 5, "Mean"),
    ]
    x += 88
    parts += [
        _el(
            "line",
            x1=x,
            x2=x + 28,
            y1=y,
            y2=y,
            stroke=GREY,
            stroke_width=2,
            stroke_dasharray="6 4",
        ),
        _text(x + 34, y + 5, "Process limits"),
    ]
    x = plot.left
    y += 26
    for kind in kinds:
        parts.append(_marker(x + 8, y, kind, cls="legend-point"))
        parts.append(_text(x + 22, y + 5, POINT_LEGEND[kind]))
        x += 22 + len(POINT_LEGEND[kind]) * 7.6 + 24
    return parts
