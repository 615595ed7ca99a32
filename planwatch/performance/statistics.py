"""Confidence intervals, significance tests and statistical process control (XmR) charts.

Plain functions over plain numbers, using only the standard library. The methods, their
formulas and when each is used are described in docs/statistical-methods.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

# The two-sided 95% point of the standard normal distribution.
Z95 = 1.959963984540054
SIGNIFICANCE_LEVEL = 0.05

# XmR chart constants: the natural process limits sit 2.66 mean moving ranges from the mean
# (3 sigma, with sigma estimated as mR-bar / 1.128); the warning lines at two thirds of that.
XMR_LIMIT = 2.66
XMR_WARNING = 2 * XMR_LIMIT / 3
RUN_LENGTH = 7
TREND_LENGTH = 6

OUTSIDE_LIMITS = "outside_limits"
RUN = "run"
TREND = "trend"
TWO_OF_THREE = "two_of_three"
RULES = (OUTSIDE_LIMITS, RUN, TREND, TWO_OF_THREE)

HIGH = "high"
LOW = "low"

POLARITIES = ("higher", "lower", "neither")
IMPROVEMENT = "improvement"
CONCERN = "concern"
COMMON_CAUSE = "common cause"
SPECIAL_CAUSE = "special cause"


@dataclass(frozen=True)
class TestResult:
    """The outcome of a significance test: its name, test statistic and two-sided p-value."""

    __test__ = False  # not a pytest test class

    method: str
    statistic: float
    p_value: float

    @property
    def significant(self) -> bool:
        """Significant at the 5% level (two-sided)."""
        return self.p_value < SIGNIFICANCE_LEVEL


def _check_count(successes: int, n: int, what: str = "successes") -> None:
    if n <= 0:
        raise ValueError(f"The sample size must be positive, not {n}.")
    if not 0 <= successes <= n:
        raise ValueError(f"The {what} ({successes}) must be between 0 and the sample size ({n}).")


def _two_sided_normal_p(z: float) -> float:
    """P(|Z| >= |z|) for a standard normal Z."""
    return math.erfc(abs(z) / math.sqrt(2))


# -- proportions ---------------------------------------------------------------------------------


def wilson_interval(successes: int, n: int, *, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion, as proportions between 0 and 1 (95% by default)."""
    _check_count(successes, n)
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half_width = (z / denominator) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    lower = 0.0 if successes == 0 else max(0.0, centre - half_width)
    upper = 1.0 if successes == n else min(1.0, centre + half_width)
    return lower, upper


def two_proportion_test(x1: int, n1: int, x2: int, n2: int) -> TestResult:
    """Two-sided z-test of two proportions x1/n1 and x2/n2 with the pooled standard error.

    The statistic is z, positive when the first proportion is the higher. When neither sample
    has any successes (or neither has any failures) there is nothing to compare: z is 0, p is 1.
    """
    _check_count(x1, n1)
    _check_count(x2, n2)
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance <= 0:
        return TestResult("two-proportion z-test", 0.0, 1.0)
    z = (x1 / n1 - x2 / n2) / math.sqrt(variance)
    return TestResult("two-proportion z-test", z, _two_sided_normal_p(z))


def one_proportion_test(x: int, n: int, p0: float) -> TestResult:
    """Two-sided score z-test of the proportion x/n against a fixed proportion p0 (0 < p0 < 1).

    Used when the proportion compared with was published without its sample size, so it is
    taken as known: 67% of 88 against 79.2%. The statistic is z, positive when x/n is above p0.
    """
    _check_count(x, n)
    if not 0 < p0 < 1:
        raise ValueError(
            f"The proportion compared with must be strictly between 0 and 1, not {p0}."
        )
    z = (x / n - p0) / math.sqrt(p0 * (1 - p0) / n)
    return TestResult("one-sample score z-test", z, _two_sided_normal_p(z))


# -- two Poisson counts --------------------------------------------------------------------------

_LN_SQRT_2PI = 0.5 * math.log(2 * math.pi)
_LN_2PI = math.log(2 * math.pi)
# scipy.stats.binomtest counts outcomes as extreme as the one seen when their probability is
# within this relative tolerance of it.
_TIE_TOLERANCE = 1 + 1e-7


def _stirling_error(n: float) -> float:
    """log(n!) - log(sqrt(2 pi n) (n/e)^n), accurately for large n (Loader 2000)."""
    if n <= 15:
        return math.lgamma(n + 1) - (n + 0.5) * math.log(n) + n - _LN_SQRT_2PI
    nn = n * n
    s0, s1, s2, s3, s4 = 1 / 12, 1 / 360, 1 / 1260, 1 / 1680, 1 / 1188
    if n > 500:
        return (s0 - s1 / nn) / n
    if n > 80:
        return (s0 - (s1 - s2 / nn) / nn) / n
    if n > 35:
        return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n


def _deviance(x: float, mean: float) -> float:
    """x log(x / mean) + mean - x, without cancellation when x is near mean (Loader 2000)."""
    if abs(x - mean) < 0.1 * (x + mean):
        v = (x - mean) / (x + mean)
        total = (x - mean) * v
        term = 2 * x * v
        v *= v
        j = 1
        while True:
            term *= v
            updated = total + term / (2 * j + 1)
            if updated == total:
                return updated
            total = updated
            j += 1
    return x * math.log(x / mean) + mean - x


def _binomial_log_pmf(k: int, n: int, p: float) -> float:
    """log P(X = k) for X ~ Binomial(n, p), 0 < p < 1, accurate to a few ulps in the pmf."""
    q = 1 - p
    if k == 0:
        return -_deviance(n, n * q) - n * p if p < 0.1 else n * math.log(q)
    if k == n:
        return -_deviance(n, n * p) - n * q if q < 0.1 else n * math.log(p)
    log_c = (
        _stirling_error(n)
        - _stirling_error(k)
        - _stirling_error(n - k)
        - _deviance(k, n * p)
        - _deviance(n - k, n * q)
    )
    log_f = _LN_2PI + math.log(k) + math.log1p(-k / n)
    return log_c - 0.5 * log_f


def _log_tail(start: int, step: int, n: int, p: float) -> float:
    """log of the sum of P(X = i) from i = start outward (step -1 down to 0, +1 up to n).

    The scan starts on the side of the mode it moves away from, so the terms fall, and it stops
    once what is left is bounded below 1e-17 of the sum.
    """
    odds = p / (1 - p)
    term = total = 1.0
    i = start
    end = 0 if step < 0 else n
    while i != end:
        ratio = i / ((n - i + 1) * odds) if step < 0 else (n - i) * odds / (i + 1)
        term *= ratio
        total += term
        i += step
        if ratio < 1 and term * ratio / (1 - ratio) < total * 1e-17:
            break
    return _binomial_log_pmf(start, n, p) + math.log(total)


def _first(lo: int, hi: int, predicate) -> int | None:
    """The least i in [lo, hi] where a monotone (False … True) predicate holds, or None."""
    if lo > hi or not predicate(hi):
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        if predicate(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _binomial_two_sided_p(k: int, n: int, p: float) -> float:
    """Two-sided exact binomial p-value, summing the outcomes no more likely than k."""
    mean = p * n
    if k == mean:
        return 1.0
    threshold = _binomial_log_pmf(k, n, p) + math.log(_TIE_TOLERANCE)

    def rare(i: int) -> bool:
        return _binomial_log_pmf(i, n, p) <= threshold

    log_tails = []
    if k < mean:
        log_tails.append(_log_tail(k, -1, n, p))
        # the far tail: from the first outcome above the mean as unlikely as k, up to n
        far = _first(math.ceil(mean), n, rare)
        if far is not None:
            log_tails.append(_log_tail(far, +1, n, p))
    else:
        log_tails.append(_log_tail(k, +1, n, p))
        # the far tail: from 0 up to the last outcome below the mean as unlikely as k
        lo = math.floor(mean)
        near = _first(0, lo, lambda i: not rare(i))
        far = lo if near is None else near - 1
        if far >= 0:
            log_tails.append(_log_tail(far, -1, n, p))
    return min(1.0, sum(math.exp(log_tail) for log_tail in log_tails))


def poisson_test(
    count1: int, count2: int, *, exposure1: float = 1, exposure2: float = 1
) -> TestResult:
    """Exact two-sided test that two Poisson counts have the same rate per unit of exposure.

    Given the total, count1 is Binomial(count1 + count2, exposure1 / (exposure1 + exposure2))
    when the rates are equal; the p-value is that of the exact binomial test, two-sided as in
    scipy.stats.binomtest (the sum over every outcome no more likely than the one observed).
    The statistic is the rate ratio (count1 / exposure1) / (count2 / exposure2): infinite when
    count2 is 0 and count1 is not, 1 when both are 0.
    """
    if count1 < 0 or count2 < 0:
        raise ValueError(f"Counts cannot be negative ({count1}, {count2}).")
    if not (exposure1 > 0 and exposure2 > 0):
        raise ValueError(f"Exposures must be positive ({exposure1}, {exposure2}).")
    method = "exact conditional Poisson test"
    n = count1 + count2
    if n == 0:
        return TestResult(method, 1.0, 1.0)
    rate_ratio = (count1 / exposure1) / (count2 / exposure2) if count2 else math.inf
    p = exposure1 / (exposure1 + exposure2)
    return TestResult(method, rate_ratio, _binomial_two_sided_p(count1, n, p))


# -- XmR charts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpcPoint:
    label: str
    value: float
    rules: tuple[str, ...]  # the rules this point is part of, in the order of RULES
    direction: str | None  # "high" or "low" when any rule flags it


@dataclass(frozen=True)
class SpcResult:
    mean: float
    ucl: float
    lcl: float
    upper_2sigma: float
    lower_2sigma: float
    moving_range_mean: float
    points: list[SpcPoint]
    assessment: str  # "improvement" | "concern" | "common cause" | "special cause"

    @property
    def latest(self) -> SpcPoint:
        return self.points[-1]


def _runs(signs: Sequence[int], minimum: int) -> list[tuple[int, int, int]]:
    """(start, end exclusive, sign) of each run of equal non-zero signs at least minimum long."""
    found = []
    start = 0
    for i in range(1, len(signs) + 1):
        if i == len(signs) or signs[i] != signs[start]:
            if signs[start] and i - start >= minimum:
                found.append((start, i, signs[start]))
            start = i
    return found


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def xmr(values: Sequence[float], labels: Sequence[str], *, polarity: str) -> SpcResult:
    """An XmR (individuals) chart of the values, with the NHS "Making Data Count" rules.

    Rules, each flagged on every point that makes it up: "outside_limits" (beyond the process
    limits); "run" (7 or more points in a row on the same side of the mean; a point on the mean
    ends a run); "trend" (6 or more points in a row, each higher than the one before, or each
    lower; an equal value ends it); "two_of_three" (2 of 3 points in a row beyond the same
    2-sigma line: the points beyond it are flagged). A point's direction is the side of the mean
    its rules put it on; for a point flagged by a trend alone, the way the trend goes.

    The assessment reads the latest point: no rule → "common cause"; otherwise "improvement" or
    "concern" by the polarity ("higher" or "lower" is better), or "special cause" when neither.
    """
    if polarity not in POLARITIES:
        raise ValueError(f"Polarity must be one of {', '.join(POLARITIES)}, not {polarity!r}.")
    if len(values) != len(labels):
        raise ValueError(f"{len(values)} values but {len(labels)} labels: give one label a value.")
    if len(values) < 2:
        raise ValueError("An XmR chart needs at least 2 points.")
    values = [float(v) for v in values]
    n = len(values)
    mean = math.fsum(values) / n
    moving_range_mean = math.fsum(abs(b - a) for a, b in pairwise(values)) / (n - 1)
    ucl, lcl = mean + XMR_LIMIT * moving_range_mean, mean - XMR_LIMIT * moving_range_mean
    upper_2sigma = mean + XMR_WARNING * moving_range_mean
    lower_2sigma = mean - XMR_WARNING * moving_range_mean

    rules: list[set[str]] = [set() for _ in values]
    side: list[int] = [0] * n  # direction given by side-of-the-mean rules
    trend: list[int] = [0] * n  # direction given by a trend

    for i, v in enumerate(values):
        if v > ucl or v < lcl:
            rules[i].add(OUTSIDE_LIMITS)
            side[i] = 1 if v > ucl else -1

    for start, end, sign in _runs([_sign(v - mean) for v in values], RUN_LENGTH):
        for i in range(start, end):
            rules[i].add(RUN)
            side[i] = sign

    # steps[i] compares point i with point i - 1; a run of s equal steps spans s + 1 points
    steps = [0] + [_sign(b - a) for a, b in pairwise(values)]
    for start, end, sign in _runs(steps, TREND_LENGTH - 1):
        for i in range(start - 1, end):
            rules[i].add(TREND)
            trend[i] = sign

    beyond = [1 if v > upper_2sigma else -1 if v < lower_2sigma else 0 for v in values]
    for start in range(n - 2):
        window = beyond[start : start + 3]
        for sign in (1, -1):
            if window.count(sign) >= 2:
                for i in range(start, start + 3):
                    if beyond[i] == sign:
                        rules[i].add(TWO_OF_THREE)
                        side[i] = sign

    points = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        sign = side[i] or trend[i]
        points.append(
            SpcPoint(
                label=str(label),
                value=value,
                rules=tuple(rule for rule in RULES if rule in rules[i]),
                direction=(HIGH if sign > 0 else LOW) if sign else None,
            )
        )
    return SpcResult(
        mean=mean,
        ucl=ucl,
        lcl=lcl,
        upper_2sigma=upper_2sigma,
        lower_2sigma=lower_2sigma,
        moving_range_mean=moving_range_mean,
        points=points,
        assessment=assess(points[-1], polarity=polarity),
    )


def assess(point: SpcPoint, *, polarity: str) -> str:
    """What a point says given which way is better: improvement, concern or common cause."""
    if not point.rules:
        return COMMON_CAUSE
    if polarity == "neither" or point.direction is None:
        return SPECIAL_CAUSE
    good = HIGH if polarity == "higher" else LOW
    return IMPROVEMENT if point.direction == good else CONCERN
