"""The bar chart, with confidence-interval whiskers where a bar has them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .svg import BLACK, BLUE, Plot, _el, _figure, _no_data, _svg, _text, _y_axis, nice_ticks

BAR_WIDTH, BAR_HEIGHT = 800, 420


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float
    low: float | None = None
    high: float | None = None


def _wrap(text: str, width_chars: int, *, lines: int = 3) -> list[str]:
    words = text.split()
    out: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width_chars or not current:
            current = candidate
        else:
            out.append(current)
            current = word
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(1, width_chars - 1)].rstrip() + "…"
    return [line if len(line) <= width_chars else line[: width_chars - 1] + "…" for line in out]


def _bar_desc(bars: Sequence[ChartBar], value_label: str, percent: bool) -> str:
    items = []
    for bar in bars:
        text = f"{bar.label}: {_figure(bar.value, percent=percent)}"
        if bar.low is not None and bar.high is not None:
            text += (
                f" (95% confidence interval {_figure(bar.low, percent=percent)} to "
                f"{_figure(bar.high, percent=percent)})"
            )
        items.append(text)
    return f"Bar chart of {value_label}, {len(bars)} bars. " + "; ".join(items) + "."


def bar_chart(
    bars: Sequence[ChartBar], *, title: str, value_label: str, percent: bool = False
) -> str:
    """Vertical bars with their values, and whiskers from ``low`` to ``high`` where given."""
    bars = list(bars)
    if not bars:
        return _no_data(BAR_WIDTH, BAR_HEIGHT, title, "There are no figures to chart.")
    whiskers = [b for b in bars if b.low is not None and b.high is not None]
    lowest = min(0.0, *(b.value for b in bars), *(b.low for b in whiskers))
    highest = max(0.0, *(b.value for b in bars), *(b.high for b in whiskers))
    # Room above the tallest bar (and below the lowest) for its value.
    headroom = (highest - lowest) * 0.08
    ticks = nice_ticks(lowest - (headroom if lowest < 0 else 0), highest + headroom)
    plot = Plot(
        left=90,
        top=30,
        right=BAR_WIDTH - 20,
        bottom=BAR_HEIGHT - 80,
        lowest=ticks[0],
        highest=ticks[-1],
    )
    body = _y_axis(plot, ticks, value_label, percent=percent)
    slot = plot.width / len(bars)
    bar_width = min(80.0, slot * 0.6)
    zero = plot.y(0)
    chars = max(4, int(slot / 7.6))
    for i, bar in enumerate(bars):
        centre = plot.left + slot * (i + 0.5)
        top = plot.y(bar.value)
        body.append(
            _el(
                "rect",
                x=centre - bar_width / 2,
                y=min(top, zero),
                width=bar_width,
                height=max(abs(zero - top), 0.5),
                fill=BLUE,
                class_="bar",
                data_label=bar.label,
            )
        )
        label_y = top - 8 if bar.value >= 0 else top + 20
        if bar.low is not None and bar.high is not None:
            y_low, y_high = plot.y(bar.low), plot.y(bar.high)
            cap = bar_width * 0.3
            body.append(
                _el(
                    "g",
                    _el("line", x1=centre, x2=centre, y1=y_low, y2=y_high)
                    + _el("line", x1=centre - cap, x2=centre + cap, y1=y_low, y2=y_low)
                    + _el("line", x1=centre - cap, x2=centre + cap, y1=y_high, y2=y_high),
                    stroke=BLACK,
                    stroke_width=2,
                    class_="whisker",
                )
            )
            label_y = min(label_y, y_high - 8) if bar.value >= 0 else max(label_y, y_low + 20)
        body.append(
            _text(
                centre,
                label_y,
                _figure(bar.value, percent=percent),
                text_anchor="middle",
                font_weight="bold",
                class_="value-label",
            )
        )
        lines = _wrap(bar.label, chars)
        for j, line in enumerate(lines):
            body.append(
                _text(
                    centre,
                    plot.bottom + 22 + j * 17,
                    line,
                    text_anchor="middle",
                    class_="x-label",
                )
            )
    if whiskers:
        y = BAR_HEIGHT - 12
        body.append(
            _el(
                "g",
                _el("line", x1=plot.left + 6, x2=plot.left + 6, y1=y - 12, y2=y + 4)
                + _el("line", x1=plot.left, x2=plot.left + 12, y1=y - 12, y2=y - 12)
                + _el("line", x1=plot.left, x2=plot.left + 12, y1=y + 4, y2=y + 4),
                stroke=BLACK,
                stroke_width=2,
            )
        )
        body.append(_text(plot.left + 20, y, "95% confidence interval"))
    return _svg(BAR_WIDTH, BAR_HEIGHT, title, _bar_desc(bars, value_label, percent), body)
