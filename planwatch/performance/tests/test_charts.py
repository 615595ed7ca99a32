"""The SVG charts: what they say in words, what they draw, and where."""

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.performance.charts import (
    BLUE,
    GREY,
    ORANGE,
    PURPLE,
    ChartBar,
    bar_chart,
    month_label,
    nice_ticks,
    spc_chart,
    svg_to_png,
)
from planwatch.performance.statistics import xmr

NS = {"svg": "http://www.w3.org/2000/svg"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# 20 steady months, then four high ones: the last is beyond the upper limit.
VALUES = [10, 12, 11, 13, 12, 10, 11, 12, 13, 11, 10, 12, 11, 13, 12, 11, 10, 12, 13, 11]
VALUES += [14, 13, 15, 25]
LABELS = [f"{2018 + i // 12}-{i % 12 + 1:02d}" for i in range(len(VALUES))]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output


def _by_class(root, cls, tag="*"):
    return [e for e in root.iter() if cls in (e.get("class") or "").split() and tag in ("*", e.tag)]


def _scale(root):
    """(value → y) read from the y axis tick labels the chart printed."""
    ticks = []
    for text in _by_class(root, "tick-label"):
        value = float(text.text.replace(",", "").rstrip("%"))
        ticks.append((value, float(text.get("y")) - 5))  # labels sit 5px below their line
    (v1, y1), (v2, y2) = ticks[0], ticks[-1]
    return lambda v: y1 + (v - v1) * (y2 - y1) / (v2 - v1)


def test_spc_chart_says_what_it_shows():
    result = xmr(VALUES, LABELS, polarity="lower")
    root = _parse(spc_chart(result, title="Burglaries, 2018 to 2019", value_label="Burglaries"))

    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title.text == "Burglaries, 2018 to 2019"
    assert "24 points from Jan 2018 to Dec 2019" in desc.text
    assert "The latest point, Dec 2019, shows special cause concern" in desc.text
    assert "Dec 2019 25 (concern: outside the process limits" in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_spc_chart_draws_every_point_and_the_limits_where_they_are():
    result = xmr(VALUES, LABELS, polarity="lower")
    root = _parse(spc_chart(result, title="Burglaries", value_label="Burglaries"))

    points = _by_class(root, "point")
    assert len(points) == len(VALUES)
    assert [p.get("data-label") for p in points] == LABELS
    y = _scale(root)
    for cls, value in (("ucl", result.ucl), ("lcl", result.lcl), ("mean", result.mean)):
        (line,) = _by_class(root, cls, "{http://www.w3.org/2000/svg}line")
        assert float(line.get("y1")) == pytest.approx(y(value), abs=0.02)
        assert float(line.get("y1")) == float(line.get("y2"))
    (ucl,) = _by_class(root, "ucl")
    assert ucl.get("stroke-dasharray")
    for point, value in zip(points, VALUES, strict=True):
        assert float(point.get("cy")) == pytest.approx(y(value), abs=0.02)


def test_spc_points_are_coloured_by_what_they_mean():
    result = xmr(VALUES, LABELS, polarity="lower")
    root = _parse(spc_chart(result, title="Burglaries", value_label="Burglaries"))
    points = _by_class(root, "point")
    # Higher is worse: the last point, above the upper limit, is a concern.
    assert points[-1].get("fill") == ORANGE
    assert "point-concern" in points[-1].get("class")
    assert points[0].get("fill") == GREY

    better = _parse(spc_chart(xmr(VALUES, LABELS, polarity="higher"), title="t", value_label="v"))
    assert _by_class(better, "point")[-1].get("fill") == BLUE

    neither = _parse(spc_chart(xmr(VALUES, LABELS, polarity="neither"), title="t", value_label="v"))
    assert _by_class(neither, "point")[-1].get("fill") == PURPLE


def test_spc_polarity_given_outright_colours_past_points_too():
    # The latest point is common cause, so the result alone does not say which way is better.
    values = [10, 11, 10, 30, 11, 10, 12, 11, 10, 11, 12, 10, 11, 10, 11]
    labels = [f"2019-{i + 1:02d}" if i < 12 else f"2020-{i - 11:02d}" for i in range(15)]
    result = xmr(values, labels, polarity="higher")
    assert result.assessment == "common cause"
    root = _parse(spc_chart(result, title="t", value_label="v", polarity="higher"))
    assert _by_class(root, "point")[3].get("fill") == BLUE
    unknown = _parse(spc_chart(result, title="t", value_label="v"))
    assert _by_class(unknown, "point")[3].get("fill") == PURPLE


def test_month_labels_are_thinned_when_there_are_many():
    values = list(range(60))
    labels = [f"{2015 + i // 12}-{i % 12 + 1:02d}" for i in range(60)]
    root = _parse(spc_chart(xmr(values, labels, polarity="neither"), title="t", value_label="v"))
    shown = [t.text for t in _by_class(root, "x-label")]
    assert shown[0] == "Jan 2015"
    assert 4 <= len(shown) <= 10


def test_bar_chart_draws_bars_whiskers_and_values():
    bars = [
        ChartBar("2017/18", 79.2),
        ChartBar("2018/19", 67.0, 56.7, 76.0),
        ChartBar("2019/20", 72.5, 65.1, 79.0),
    ]
    root = _parse(
        bar_chart(bars, title="Victim satisfaction", value_label="Satisfied (%)", percent=True)
    )
    assert root.find("svg:title", NS).text == "Victim satisfaction"
    desc = root.find("svg:desc", NS).text
    assert "2018/19: 67.0% (95% confidence interval 56.7% to 76.0%)" in desc
    assert len(_by_class(root, "bar")) == 3
    assert len(_by_class(root, "whisker")) == 2
    assert [t.text for t in _by_class(root, "value-label")] == ["79.2%", "67.0%", "72.5%"]

    y = _scale(root)
    rects = _by_class(root, "bar")
    for rect, bar in zip(rects, bars, strict=True):
        assert float(rect.get("y")) == pytest.approx(y(bar.value), abs=0.02)
        assert float(rect.get("y")) + float(rect.get("height")) == pytest.approx(y(0), abs=0.02)
    whisker = _by_class(root, "whisker")[0]
    ys = sorted(float(v) for line in whisker for v in (line.get("y1"), line.get("y2")))
    assert ys[0] == pytest.approx(y(76.0), abs=0.02)
    assert ys[-1] == pytest.approx(y(56.7), abs=0.02)


def test_bar_chart_with_negative_values_and_long_labels():
    bars = [ChartBar("A very long label that will not fit under a bar", -5), ChartBar("B", 10)]
    root = _parse(bar_chart(bars, title="Change", value_label="Change"))
    assert len(_by_class(root, "bar")) == 2
    y = _scale(root)
    rect = _by_class(root, "bar")[0]
    assert float(rect.get("y")) == pytest.approx(y(0), abs=0.02)
    assert len(_by_class(root, "x-label")) >= 3  # the long label wraps


def test_no_bars_says_so():
    root = _parse(bar_chart([], title="Nothing", value_label="v"))
    assert "no figures" in root.find("svg:desc", NS).text


def test_text_is_escaped():
    root = _parse(bar_chart([ChartBar("<b>&", 1)], title="A & B <c>", value_label="v & w"))
    assert root.find("svg:title", NS).text == "A & B <c>"


def test_png_for_documents():
    result = xmr(VALUES, LABELS, polarity="lower")
    png = svg_to_png(spc_chart(result, title="t", value_label="v"), width=600)
    assert png.startswith(PNG_SIGNATURE)
    width = int.from_bytes(png[16:20], "big")
    assert width == 600
    assert svg_to_png(bar_chart([ChartBar("a", 1)], title="t", value_label="v")).startswith(
        PNG_SIGNATURE
    )


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (87.5, 131.2, [80, 90, 100, 110, 120, 130, 140]),
        (0, 0.9, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (5, 5, [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6]),
        (0, 0, [-1.0, -0.5, 0, 0.5, 1.0]),
    ],
)
def test_nice_ticks(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


@given(
    st.floats(-1e6, 1e6, allow_nan=False),
    st.floats(0, 1e6, allow_nan=False),
)
def test_nice_ticks_cover_the_range(low, span):
    high = low + span
    ticks = nice_ticks(low, high)
    step = ticks[1] - ticks[0]
    assert ticks[0] <= low + step * 1e-6 and ticks[-1] >= high - step * 1e-6
    assert 2 <= len(ticks) <= 12


def test_month_label():
    assert month_label("2019-05") == "May 2019"
    assert month_label("Q1") == "Q1"
