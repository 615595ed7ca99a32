"""Charts as PNG images, for documents that cannot hold SVG."""

from __future__ import annotations

import cairosvg


def svg_to_png(svg: str, *, width: int = 1200) -> bytes:
    """The chart as a PNG ``width`` pixels wide (for Word documents)."""
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=width)
