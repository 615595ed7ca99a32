"""Reading indicators and their figures: values for any period, comparisons, SPC and flags.

``indicators`` finds indicators (and areas), ``figures`` reads a figure for any period and the
monthly series behind an SPC chart, ``changes`` compares a figure with its basis, ``flags``
checks printed figures against the data, and ``summaries`` says in a line how an indicator is
doing.
"""

from .changes import Change, change_between, change_get, default_basis
from .derived import Rate, RollingTotal, Share, rate_per_1000, rolling_total_latest, shares_of
from .figures import (
    Figure,
    breakdowns_of,
    figure_get,
    figure_latest,
    figure_of,
    format_value,
    monthly_series,
    observations_for,
    period_of,
    period_span,
    spc_get,
)
from .flags import (
    FlagView,
    flag_get,
    flags_all,
    flags_by_observation,
    flags_for_indicator,
    flags_for_observations,
    flags_unchecked,
    observation_record,
)
from .indicators import (
    area_resolve,
    indicator_get,
    indicator_list,
    indicators_for_priority,
    indicators_for_theme,
)
from .summaries import (
    ASSESSMENT_LABELS,
    SPC_MIN_POINTS,
    Assessment,
    IndicatorSummary,
    assessment_of_change,
    assessment_of_spc,
    indicator_summaries,
    indicator_summary,
    open_flag_counts,
)

__all__ = [
    "Rate",
    "RollingTotal",
    "Share",
    "rate_per_1000",
    "rolling_total_latest",
    "shares_of",
    "ASSESSMENT_LABELS",
    "SPC_MIN_POINTS",
    "Assessment",
    "Change",
    "Figure",
    "FlagView",
    "IndicatorSummary",
    "area_resolve",
    "assessment_of_change",
    "assessment_of_spc",
    "breakdowns_of",
    "change_between",
    "change_get",
    "default_basis",
    "figure_get",
    "figure_latest",
    "figure_of",
    "flag_get",
    "flags_all",
    "flags_by_observation",
    "flags_for_indicator",
    "flags_for_observations",
    "flags_unchecked",
    "format_value",
    "indicator_get",
    "indicator_list",
    "indicator_summaries",
    "indicator_summary",
    "indicators_for_priority",
    "indicators_for_theme",
    "monthly_series",
    "observation_record",
    "observations_for",
    "open_flag_counts",
    "period_of",
    "period_span",
    "spc_get",
]
