"""A report's Business Intelligence blocks: one per indicator of a priority, and their flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from planwatch.performance.selectors import indicators_for_priority
from planwatch.places.selectors import force_area

from .table import BLOCK_TYPE, Block, IntelligenceTable


def bi_blocks(*, priority, period_end: dt.date) -> list[Block]:
    """A Business Intelligence block for each indicator linked to ``priority`` that has a
    figure for a period ending in or before the month of ``period_end``."""
    blocks = []
    area = force_area()
    for indicator in indicators_for_priority(priority=priority):
        block = IntelligenceTable(indicator, period_end=period_end, area=area).build()
        if block is not None:
            blocks.append(block)
    return blocks


def report_flags(context: dict[str, Any]) -> list[dict[str, Any]]:
    """Every flag in a built report (or its snapshot), with the number and title of the
    Business Intelligence block it is in."""
    found = []
    for block in _bi_blocks_in(context.get("sections", [])):
        for flag in block.get("flags", []):
            found.append({**flag, "block_number": block.get("number", ""), "title": block["title"]})
    return found


def unacknowledged_flags(context: dict[str, Any]) -> list[dict[str, Any]]:
    return [flag for flag in report_flags(context) if not flag["acknowledged"]]


def _bi_blocks_in(blocks: Iterable[Block]):
    for block in blocks:
        if block.get("type") == BLOCK_TYPE:
            yield block
        yield from _bi_blocks_in(block.get("blocks", []))
