import math
import time
from fractions import Fraction
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats as scipy_stats

from planwatch.performance.statistics import (
    POLARITIES,
    Z95,
    TestResult,
    assess,
    one_proportion_test,
    poisson_test,
    two_proportion_test,
    wilson_interval,
    xmr,
)

fast = settings(max_examples=150, deadline=None)

# Below this, SciPy's own binomial tails lose relative accuracy; both sides are then "tiny".
TINY = 1e-100


@st.composite
def counts(draw, max_n=1_000_000):
    n = draw(st.integers(1, max_n))
    return draw(st.integers(0, n)), n


# -- seed examples -------------------------------------------------------------------------------


def test_67_percent_of_88_against_a_fixed_79_point_2_percent_is_significant():
    result = one_proportion_test(59, 88, 0.792)
    assert result.statistic == pytest.approx(-2.809, abs=1e-3)
    assert result.p_value == pytest.approx(0.00497, abs=1e-5)
    assert result.significant


def test_wilson_interval_for_58_point_3_percent_of_985():
    lower, upper = wilson_interval(574, 985)  # 58.3%
    assert (round(lower * 100, 1), round(upper * 100, 1)) == (55.2, 61.3)


def test_z95_is_the_two_sided_95_percent_point():
    assert abs(Z95 - scipy_stats.norm.ppf(0.975)) < 1e-15


def test_significance_is_below_five_percent():
    assert TestResult("t", 0.0, 0.0499).significant
    assert not TestResult("t", 0.0, 0.05).significant


# -- Wilson --------------------------------------------------------------------------------------


@fast
@given(counts())
def test_wilson_agrees_with_scipy(sample):
    successes, n = sample
    expected = scipy_stats.binomtest(successes, n).proportion_ci(method="wilson")
    lower, upper = wilson_interval(successes, n)
    assert lower == pytest.approx(expected.low, abs=1e-12)
    assert upper == pytest.approx(expected.high, abs=1e-12)
    assert 0 <= lower <= successes / n <= upper <= 1


def test_wilson_at_the_edges_and_other_levels():
    assert wilson_interval(0, 10)[0] == 0.0
    assert wilson_interval(10, 10)[1] == 1.0
    narrow = wilson_interval(50, 100, z=1.0)
    wide = wilson_interval(50, 100)
    assert wide[0] < narrow[0] < 0.5 < narrow[1] < wide[1]
    with pytest.raises(ValueError):
        wilson_interval(1, 0)
    with pytest.raises(ValueError):
        wilson_interval(11, 10)


# -- proportion tests ----------------------------------------------------------------------------


@fast
@given(counts(100_000), counts(100_000))
def test_two_proportion_test_agrees_with_chi_squared_on_the_2x2_table(first, second):
    (x1, n1), (x2, n2) = first, second
    assume(0 < x1 + x2 < n1 + n2)
    table = [[x1, n1 - x1], [x2, n2 - x2]]
    chi2, p, _, _ = scipy_stats.chi2_contingency(table, correction=False)
    result = two_proportion_test(x1, n1, x2, n2)
    assert math.isclose(result.p_value, p, rel_tol=1e-6, abs_tol=TINY)
    assert result.statistic**2 == pytest.approx(chi2, rel=1e-9, abs=1e-9)
    assert (result.statistic > 0) == (x1 / n1 > x2 / n2) or result.statistic == 0


def test_two_proportion_test_with_nothing_to_compare():
    assert two_proportion_test(0, 10, 0, 20).p_value == 1.0
    assert two_proportion_test(10, 10, 20, 20).p_value == 1.0


@fast
@given(counts(), st.floats(0.001, 0.999))
def test_one_proportion_test_is_scipys_chi_square_goodness_of_fit(sample, p0):
    # The score test's z squared is the chi-square statistic of x successes and n - x failures
    # against n p0 and n (1 - p0) expected, on one degree of freedom: the p-values are equal.
    x, n = sample
    expected = scipy_stats.chisquare([x, n - x], [n * p0, n * (1 - p0)])
    result = one_proportion_test(x, n, p0)
    assert result.statistic**2 == pytest.approx(expected.statistic, rel=1e-9, abs=1e-9)
    assert math.isclose(result.p_value, expected.pvalue, rel_tol=1e-6, abs_tol=TINY)
    assert (result.statistic > 0) == (x / n > p0)


def test_one_proportion_test_needs_a_proportion_strictly_inside_0_and_1():
    for p0 in (0, 1, 1.5):
        with pytest.raises(ValueError):
            one_proportion_test(5, 10, p0)


# -- Poisson counts ------------------------------------------------------------------------------

exposures = st.floats(0.01, 100)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 500_000),
    st.integers(0, 500_000),
    st.one_of(st.just(1.0), exposures),
    st.one_of(st.just(1.0), exposures),
)
def test_poisson_test_agrees_with_scipy_binomtest(count1, count2, exposure1, exposure2):
    assume(count1 + count2 > 0)
    p = exposure1 / (exposure1 + exposure2)
    expected = scipy_stats.binomtest(count1, count1 + count2, p).pvalue
    result = poisson_test(count1, count2, exposure1=exposure1, exposure2=exposure2)
    assert math.isclose(result.p_value, expected, rel_tol=1e-6, abs_tol=TINY)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 1_000_000), exposures, exposures, st.floats(-6, 6))
def test_poisson_test_agrees_with_scipy_near_the_expected_count(n, exposure1, exposure2, z):
    p = exposure1 / (exposure1 + exposure2)
    count1 = min(n, max(0, round(n * p + z * math.sqrt(n * p * (1 - p)))))
    expected = scipy_stats.binomtest(count1, n, p).pvalue
    result = poisson_test(count1, n - count1, exposure1=exposure1, exposure2=exposure2)
    assert math.isclose(result.p_value, expected, rel_tol=1e-6, abs_tol=TINY)


@fast
@given(st.integers(0, 300), st.integers(0, 300))
def test_poisson_test_agrees_with_scipy_on_small_close_counts(count1, count2):
    assume(count1 + count2 > 0)
    expected = scipy_stats.binomtest(count1, count1 + count2, 0.5).pvalue
    assert math.isclose(poisson_test(count1, count2).p_value, expected, rel_tol=1e-6)


def _exact_p(k: int, n: int, p: Fraction) -> float:
    pmf = [math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(n + 1)]
    limit = pmf[k] * Fraction(10**7 + 1, 10**7)
    return float(min(Fraction(1), sum(x for x in pmf if x <= limit)))


@fast
@given(st.integers(0, 60), st.integers(0, 60), st.integers(1, 9), st.integers(1, 9))
def test_poisson_test_matches_exact_rational_arithmetic(count1, count2, e1, e2):
    assume(count1 + count2 > 0)
    expected = _exact_p(count1, count1 + count2, Fraction(e1, e1 + e2))
    actual = poisson_test(count1, count2, exposure1=e1, exposure2=e2).p_value
    assert math.isclose(actual, expected, rel_tol=1e-9)


def test_poisson_test_is_accurate_far_into_the_tail():
    # 2 of 1,000 events against an expected share of 0.4619: computed exactly, 3.80316e-264
    p = poisson_test(2, 998, exposure1=4.141263344150411, exposure2=4.824279333723915).p_value
    assert p == pytest.approx(3.8031620059232600e-264, rel=1e-9)


def test_poisson_test_is_fast_for_hundreds_of_thousands():
    start = time.perf_counter()
    for count1, count2 in [(400_000, 401_000), (350_000, 352_000), (612_345, 598_765)]:
        result = poisson_test(count1, count2)
        expected = scipy_stats.binomtest(count1, count1 + count2, 0.5).pvalue
        assert math.isclose(result.p_value, expected, rel_tol=1e-6)
    assert time.perf_counter() - start < 0.5


def test_poisson_test_statistic_is_the_rate_ratio():
    result = poisson_test(30, 10, exposure1=2, exposure2=1)
    assert result.statistic == pytest.approx(1.5)
    assert poisson_test(5, 0).statistic == math.inf
    nothing = poisson_test(0, 0)
    assert (nothing.statistic, nothing.p_value) == (1.0, 1.0)
    assert poisson_test(10, 10).p_value == 1.0
    with pytest.raises(ValueError):
        poisson_test(-1, 3)
    with pytest.raises(ValueError):
        poisson_test(1, 3, exposure2=0)


# -- XmR -----------------------------------------------------------------------------------------


def _chart(values, polarity="higher"):
    return xmr(values, [f"m{i}" for i in range(len(values))], polarity=polarity)


def _flagged(result):
    return {i: (p.rules, p.direction) for i, p in enumerate(result.points) if p.rules}


def test_limits():
    result = _chart([10, 12, 9, 11, 10, 12, 9, 11, 10, 11])
    assert result.mean == pytest.approx(10.5)
    assert result.moving_range_mean == pytest.approx(17 / 9)
    assert result.ucl == pytest.approx(10.5 + 2.66 * 17 / 9)
    assert result.lcl == pytest.approx(10.5 - 2.66 * 17 / 9)
    assert result.upper_2sigma == pytest.approx(10.5 + 2 / 3 * 2.66 * 17 / 9)
    assert result.lower_2sigma == pytest.approx(10.5 - 2 / 3 * 2.66 * 17 / 9)
    assert [p.label for p in result.points] == [f"m{i}" for i in range(10)]


def test_a_stable_series_triggers_no_rule():
    result = _chart([10, 12, 9, 11, 10, 12, 9, 11, 10, 11])
    assert _flagged(result) == {}
    assert result.assessment == "common cause"
    assert all(p.direction is None for p in result.points)


def test_outside_limits():
    values = [9, 11] * 6 + [25] + [11, 9] * 2 + [-5] + [9, 11] * 2
    assert _flagged(_chart(values)) == {
        12: (("outside_limits",), "high"),
        17: (("outside_limits",), "low"),
    }


def test_run_of_seven_on_one_side_of_the_mean():
    values = [9, 11, 9, 11, 9, 11, 10, 11, 12, 11, 12, 11, 12, 11, 9, 8, 9, 8, 10, 9, 11]
    flagged = _flagged(_chart(values))
    assert flagged == dict.fromkeys(range(7, 14), (("run",), "high"))


def test_run_below_the_mean_and_six_in_a_row_is_not_a_run():
    values = [11, 9, 11, 9, 11, 9, 10, 9, 8, 9, 8, 9, 8, 9, 11, 12, 11, 12, 10, 11, 9]
    assert _flagged(_chart(values)) == dict.fromkeys(range(7, 14), (("run",), "low"))
    six = [11, 9, 11, 9, 11, 9, 10, 9, 8, 9, 8, 9, 8, 11, 12, 11, 12, 10, 11, 9]
    assert _flagged(_chart(six)) == {}


def test_a_point_on_the_mean_breaks_a_run():
    # the mean is exactly 10: the 10 splits the eight points above it into 4 and 3
    values = [11, 12, 11, 12, 10, 12, 11, 12, 8, 8, 8, 9, 7, 9, 12, 8]
    result = _chart(values)
    assert result.mean == 10
    assert all("run" not in p.rules for p in result.points)
    values[4] = 11
    assert _flagged(_chart(values)) == dict.fromkeys(range(8), (("run",), "high"))


def test_trend_of_six_rising_points():
    values = [11, 9, 11, 9, 12, 8, 9, 10, 11, 12, 13, 10, 12, 9, 11, 10, 8, 10]
    assert _flagged(_chart(values)) == dict.fromkeys(range(5, 11), (("trend",), "high"))


def test_trend_of_six_falling_points_and_five_is_not_a_trend():
    values = [9, 11, 9, 11, 8, 12, 11, 10, 9, 8, 7, 10, 8, 11, 9, 10, 12, 10]
    assert _flagged(_chart(values)) == dict.fromkeys(range(5, 11), (("trend",), "low"))
    five = [9, 11, 9, 11, 8, 12, 11, 10, 9, 8, 10, 8, 11, 9, 10, 12, 10]
    assert _flagged(_chart(five)) == {}


def test_an_equal_value_breaks_a_trend():
    values = [11, 9, 11, 9, 12, 8, 9, 10, 10, 11, 12, 10, 12, 9, 11, 10, 8, 10]
    assert all("trend" not in p.rules for p in _chart(values).points)


def test_two_of_three_beyond_the_same_two_sigma_line():
    values = [10, 9, 11, 10, 10, 11, 9, 10, 10, 9, 11, 10, 13.5, 10, 13.5, 10, 9, 11]
    values += [10, 9, 11, 10, 9, 6.5, 10, 6.5, 10, 11, 10]
    result = _chart(values)
    assert result.upper_2sigma < 13.5 < result.ucl
    assert _flagged(result) == {
        12: (("two_of_three",), "high"),
        14: (("two_of_three",), "high"),
        23: (("two_of_three",), "low"),
        25: (("two_of_three",), "low"),
    }


def test_two_of_three_needs_the_same_side():
    values = [10, 9, 11, 10, 10, 11, 9, 10, 10, 9, 11, 10, 13.5, 6.5, 10, 9, 11, 10, 9, 11, 10]
    result = _chart(values)
    assert result.upper_2sigma < 13.5
    assert result.lower_2sigma > 6.5
    assert _flagged(result) == {}


def test_rules_combine_on_a_point():
    values = [10] * 10 + [12, 13, 10, 13, 10, 10, 10, 10, 8, 8, 7, 9, 10, 10]
    flagged = _flagged(_chart(values))
    assert flagged[11] == (("outside_limits", "two_of_three"), "high")
    assert flagged[10] == (("two_of_three",), "high")
    assert flagged[20] == (("outside_limits", "two_of_three"), "low")


@pytest.mark.parametrize(
    ("last", "polarity", "assessment"),
    [
        (25, "higher", "improvement"),
        (25, "lower", "concern"),
        (25, "neither", "special cause"),
        (-5, "higher", "concern"),
        (-5, "lower", "improvement"),
        (-5, "neither", "special cause"),
        (11, "higher", "common cause"),
        (11, "neither", "common cause"),
    ],
)
def test_assessment_reads_the_latest_point_by_polarity(last, polarity, assessment):
    values = [10, 11, 10, 12, 11, 9, 10, 12, 10, 11, last]
    assert _chart(values, polarity).assessment == assessment


def test_a_rising_trend_is_an_improvement_when_higher_is_better():
    values = [11, 9, 11, 9, 12, 8, 9, 10, 11, 12, 13]
    assert _chart(values, "higher").assessment == "improvement"
    assert _chart(values, "lower").assessment == "concern"
    assert assess(_chart(values).points[0], polarity="higher") == "common cause"


def test_xmr_needs_two_points_matching_labels_and_a_known_polarity():
    with pytest.raises(ValueError):
        xmr([1], ["a"], polarity="higher")
    with pytest.raises(ValueError):
        xmr([1, 2], ["a"], polarity="higher")
    with pytest.raises(ValueError):
        xmr([1, 2], ["a", "b"], polarity="up")


def test_a_flat_series_has_no_signals():
    result = _chart([5, 5, 5, 5, 5, 5, 5, 5])
    assert result.ucl == result.lcl == 5
    assert _flagged(result) == {}


# -- XmR properties ------------------------------------------------------------------------------

whole_series = st.lists(st.integers(-1000, 1000), min_size=2, max_size=40)
float_series = st.lists(
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False), min_size=2, max_size=40
)
polarities = st.sampled_from(POLARITIES)
MIRRORED = {"high": "low", "low": "high", None: None}


def _on_a_line(values) -> bool:
    """Whether a point is exactly on a process limit or a warning line, in exact arithmetic:
    there rounding may put it on either side, so a rule may or may not fire."""
    n = len(values)
    mean = Fraction(sum(values), n)
    limit = Fraction(266, 100) * Fraction(sum(abs(b - a) for a, b in pairwise(values)), n - 1)
    lines = {mean + limit, mean - limit, mean + limit * 2 / 3, mean - limit * 2 / 3}
    return any(v in lines for v in values)


def _readings(result):
    return [(p.rules, p.direction) for p in result.points]


@fast
@given(float_series, polarities)
def test_a_mirrored_series_swaps_high_and_low_and_keeps_the_rules(values, polarity):
    result = _chart(values, polarity)
    mirrored = _chart([-v for v in values], polarity)
    assert [p.rules for p in mirrored.points] == [p.rules for p in result.points]
    assert [p.direction for p in mirrored.points] == [MIRRORED[p.direction] for p in result.points]
    assert (mirrored.ucl, mirrored.lcl) == (-result.lcl, -result.ucl)
    swapped = {"higher": "lower", "lower": "higher", "neither": "neither"}[polarity]
    assert _chart([-v for v in values], swapped).assessment == result.assessment


@fast
@given(whole_series, st.integers(-1_000_000, 1_000_000), polarities)
def test_adding_a_constant_changes_no_rule(values, constant, polarity):
    assume(not _on_a_line(values))
    shifted = _chart([v + constant for v in values], polarity)
    result = _chart(values, polarity)
    assert _readings(shifted) == _readings(result)
    assert shifted.assessment == result.assessment
    assert shifted.mean == pytest.approx(result.mean + constant, rel=1e-12, abs=1e-9)


@fast
@given(
    whole_series,
    # Factors that multiply whole numbers exactly, so a point on the mean stays on it.
    st.one_of(st.integers(1, 1000), st.sampled_from([0.5, 0.25, 0.125, 2**-10])),
    polarities,
)
def test_multiplying_by_a_positive_constant_changes_no_rule(values, factor, polarity):
    assume(not _on_a_line(values))
    scaled = _chart([v * factor for v in values], polarity)
    result = _chart(values, polarity)
    assert _readings(scaled) == _readings(result)
    assert scaled.assessment == result.assessment


@fast
@given(float_series)
def test_the_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges(values):
    result = _chart(values)
    mean = float(np.mean(values))
    moving_range = float(np.mean(np.abs(np.diff(values))))
    close = {"rel": 1e-9, "abs": 1e-6}
    assert result.mean == pytest.approx(mean, **close)
    assert result.moving_range_mean == pytest.approx(moving_range, **close)
    assert result.ucl == pytest.approx(mean + 2.66 * moving_range, **close)
    assert result.lcl == pytest.approx(mean - 2.66 * moving_range, **close)
    assert result.upper_2sigma == pytest.approx(mean + 2 / 3 * 2.66 * moving_range, **close)
    assert result.lower_2sigma == pytest.approx(mean - 2 / 3 * 2.66 * moving_range, **close)
