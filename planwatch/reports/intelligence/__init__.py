"""Business Intelligence Information: the tables of an indicator's figures that sit in a
priority's section of a theme report, each with a chart where one helps.

``bi_blocks(priority=..., period_end=...)`` gives one plain, JSON-serialisable block per
indicator linked to the priority (the chart is SVG text), so a final report's snapshot carries
it unchanged. Every number in a block is computed from the recorded figures through the
performance selectors. Where a figure printed in a source disagrees with them, the cell shows
the computed figure with a note, and the block lists the flag and whether an officer has
acknowledged it: a report with an unacknowledged flag cannot be finalised.

``blocks`` builds a report's blocks and finds their flags; ``table`` builds one indicator's
block from ``periods`` (which periods it shows), ``cells`` (its layout and cells), ``flags``
(its notes) and ``charts`` (its chart); ``text`` writes the numbers and names.
``stop_search`` builds the stop-and-search table a report carries when asked to, in the same
block shape.
"""

from .blocks import bi_blocks, report_flags, unacknowledged_flags
from .cells import ADDITIVE_UNITS
from .charts import SPC_MIN_POINTS, VALUE_LABELS, result_first  # the selectors' minimum
from .periods import MAX_PERIODS, TOTAL, WINDOW_MONTHS, newness, period_label
from .stop_search import stop_search_block, stop_search_empty_text
from .table import BLOCK_TYPE, Block, IntelligenceTable
from .text import (
    MISSING,
    header_cell,
    humanise,
    note_marker,
    number_text,
    rounded,
    sentence_case,
    signed,
    value_text,
)

__all__ = [
    "ADDITIVE_UNITS",
    "BLOCK_TYPE",
    "MAX_PERIODS",
    "MISSING",
    "SPC_MIN_POINTS",
    "TOTAL",
    "VALUE_LABELS",
    "WINDOW_MONTHS",
    "Block",
    "IntelligenceTable",
    "bi_blocks",
    "header_cell",
    "humanise",
    "newness",
    "note_marker",
    "number_text",
    "period_label",
    "report_flags",
    "result_first",
    "rounded",
    "sentence_case",
    "signed",
    "stop_search_block",
    "stop_search_empty_text",
    "unacknowledged_flags",
    "value_text",
]
