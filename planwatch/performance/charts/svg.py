"""SVG drawing primitives for the charts: colours, the plot area and its scale, ticks, labels."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..periods import MONTH_ABBREVIATIONS

BLUE = "#1d70b8"
GREY = "#505a5f"
LIGHT_GREY = "#b1b4b6"
ORANGE = "#f47738"
PURPLE = "#4c2c92"
BLACK = "#0b0c0c"
WHITE = "#ffffff"
FONT = "Arial, Helvetica, sans-serif"

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Plot:
    """The plotting area and its vertical scale."""

    left: float
    top: float
    right: float
    bottom: float
    lowest: float
    highest: float

    @property
    def width(self) -> float:
        return self.right - self.left

    def y(self, value: float) -> float:
        span = self.highest - self.lowest
        return self.bottom - (value - self.lowest) * (self.bottom - self.top) / span


# --- Numbers ----------------------------------------------------------------------------------


def nice_ticks(low: float, high: float, *, count: int = 5) -> list[float]:
    """Round tick values covering ``low``..``high``: steps of 1, 2, 2.5 or 5 times a power of 10."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("Ticks need finite numbers.")
    if high < low:
        low, high = high, low
    if high - low <= max(abs(low), abs(high), 1e-6) * 1e-9:  # one value (or as good as)
        pad = abs(high) * 0.1 if abs(high) > 1e-6 else 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999999)
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    places = max(0, 2 - math.floor(math.log10(step)))
    return [_clean(round(i * step, places)) for i in range(first, last + 1)]


def _clean(value: float) -> float:
    return 0.0 if value == 0 else value


def _step_decimals(ticks: Sequence[float]) -> int:
    """Decimals needed to tell the ticks apart."""
    if len(ticks) < 2:
        return 0
    step = abs(ticks[1] - ticks[0])
    for decimals in range(0, 7):
        if abs(round(step, decimals) - step) < 1e-9:
            return decimals
    return 6


def _number(value: float, decimals: int, *, percent: bool = False) -> str:
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    return f"{text}%" if percent else text


def _auto_decimals(value: float) -> int:
    size = abs(value)
    if size >= 100:
        return 0
    if size >= 10:
        return 1
    return 2


def _figure(value: float, *, percent: bool = False) -> str:
    """A value for a label: 1 decimal for percentages, otherwise by its size."""
    if percent:
        return _number(value, 1, percent=True)
    if float(value).is_integer() and abs(value) < 1e15:
        return _number(value, 0)
    return _number(value, _auto_decimals(value))


def month_label(label: str) -> str:
    """``"2019-05"`` → ``"May 2019"``; any other label as it is."""
    match = _MONTH.match(label)
    if match and 1 <= int(match[2]) <= 12:
        return f"{MONTH_ABBREVIATIONS[int(match[2]) - 1]} {match[1]}"
    return label


# --- SVG pieces -------------------------------------------------------------------------------


def _attrs(**attrs) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = f"{value:.2f}".rstrip("0").rstrip(".")
        parts.append(f"{name.rstrip('_').replace('_', '-')}={quoteattr(str(value))}")
    return " ".join(parts)


def _el(tag: str, content: str | None = None, **attrs) -> str:
    if content is None:
        return f"<{tag} {_attrs(**attrs)}/>"
    return f"<{tag} {_attrs(**attrs)}>{content}</{tag}>"


def _text(x: float, y: float, text: str, **attrs) -> str:
    attrs.setdefault("fill", BLACK)
    return _el("text", escape(text), x=float(x), y=float(y), **attrs)


def _svg(width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    content = "".join(body)
    ident = (
        "chart-"
        + hashlib.sha1(  # noqa: S324 - an identifier, not security
            (title + desc + content).encode()
        ).hexdigest()[:10]
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" {_attrs(width=width, height=height)} '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" '
        f"{_attrs(font_family=FONT, font_size=14)}>"
    )
    return (
        f'{head}<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>'
        f"{_el('rect', x=0, y=0, width=width, height=height, fill=WHITE)}"
        f"{content}</svg>"
    )


def _y_axis(plot: Plot, ticks: Sequence[float], value_label: str, *, percent: bool) -> list[str]:
    decimals = _step_decimals(ticks)
    parts = []
    for tick in ticks:
        y = plot.y(tick)
        parts.append(
            _el(
                "line",
                x1=plot.left,
                x2=plot.right,
                y1=y,
                y2=y,
                stroke=LIGHT_GREY if tick else GREY,
                stroke_width=1,
                class_="gridline",
            )
        )
        parts.append(
            _text(
                plot.left - 8,
                y + 5,
                _number(tick, decimals, percent=percent),
                text_anchor="end",
                class_="tick-label",
            )
        )
    parts.append(
        _el(
            "line",
            x1=plot.left,
            x2=plot.left,
            y1=plot.top,
            y2=plot.bottom,
            stroke=GREY,
            stroke_width=1,
        )
    )
    middle = (plot.top + plot.bottom) / 2
    parts.append(
        _text(
            18,
            middle,
            value_label,
            text_anchor="middle",
            font_size=16,
            transform=f"rotate(-90 18 {middle:.2f})",
            class_="axis-title",
        )
    )
    return parts


def _no_data(width: int, height: int, title: str, message: str) -> str:
    return _svg(
        width,
        height,
        title,
        message,
        [_text(width / 2, height / 2, message, text_anchor="middle", font_size=16)],
    )
