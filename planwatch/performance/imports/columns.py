"""The header of each kind of import file (every column is required; any order)."""

INDICATOR_COLUMNS = (
    "code",
    "name",
    "unit",
    "polarity",
    "decimals",
    "aggregation",
    "source",
    "definition",
)

FIGURE_COLUMNS = (
    "indicator",
    "area",
    "period",
    "breakdown",
    "value",
    "numerator",
    "denominator",
    "sample_size",
    "stated_value",
    "stated_change",
    "change_basis",
    "source",
    "note",
)
