"""Charts as SVG text: an XmR (statistical process control) line chart and a bar chart with
confidence-interval whiskers.

Pure functions: plain values in, a string out. No JavaScript and no stylesheet: colours, fonts
and sizes are attributes, so the same text works inline in a web page, in a PDF and, through
``svg_to_png``, in a Word document. Each chart says in words what it shows (``<title>`` and
``<desc>``); the pages that show one also give its figures in a table.

Colours are the GOV.UK palette, with the NHS "Making Data Count" meanings for special-cause
points: blue for improvement, orange for concern, purple for special cause where neither
direction is better, grey for common cause.

``svg`` holds the drawing primitives, ``spc`` the XmR chart, ``bars`` the bar chart and
``raster`` the conversion to PNG.
"""

from .bars import BAR_HEIGHT, BAR_WIDTH, ChartBar, bar_chart
from .raster import svg_to_png
from .spc import (
    COMMON,
    CONCERN,
    IMPROVEMENT,
    POINT_COLOURS,
    POINT_LEGEND,
    RULE_WORDS,
    SPC_HEIGHT,
    SPC_WIDTH,
    SPECIAL,
    point_class,
    spc_chart,
)
from .svg import (
    BLACK,
    BLUE,
    FONT,
    GREY,
    LIGHT_GREY,
    ORANGE,
    PURPLE,
    WHITE,
    Plot,
    month_label,
    nice_ticks,
)

__all__ = [
    "BAR_HEIGHT",
    "BAR_WIDTH",
    "BLACK",
    "BLUE",
    "COMMON",
    "CONCERN",
    "FONT",
    "GREY",
    "IMPROVEMENT",
    "LIGHT_GREY",
    "ORANGE",
    "POINT_COLOURS",
    "POINT_LEGEND",
    "PURPLE",
    "RULE_WORDS",
    "SPC_HEIGHT",
    "SPC_WIDTH",
    "SPECIAL",
    "WHITE",
    "ChartBar",
    "Plot",
    "bar_chart",
    "month_label",
    "nice_ticks",
    "point_class",
    "spc_chart",
    "svg_to_png",
]
