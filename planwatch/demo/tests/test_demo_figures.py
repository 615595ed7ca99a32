"""The seeds' business intelligence figures: the product finds each printed figure that
disagrees with its parts or basis, and nothing else (docs/demo-figures.md sets out each one with
its arithmetic and seed paragraph)."""

import io
import json

import pytest
from django.core.management import call_command

from planwatch.demo.data.figures import FIGURES_FILE, INDICATORS_FILE, PRIORITY_LINKS
from planwatch.performance import selectors
from planwatch.performance.models import Indicator, Observation

# (indicator, period, breakdown, kind)
EXPECTED_FLAGS = {
    ("contacts", "2019-01..2019-09", "channel=online", "change"),
    ("contacts", "2019-01..2019-09", "channel=web_chat", "change"),
    ("contacts", "CY2018", "", "total"),
    ("workforce-female", "2016-03", "staff_group=police_officer", "percentage"),
    ("workforce-female", "2016-03", "staff_group=pcso", "percentage"),
    ("workforce-disability", "2016-03", "staff_group=police_staff", "percentage"),
}


def _check_json(*args) -> list[dict]:
    out = io.StringIO()
    call_command("figures", "check", str(FIGURES_FILE), *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_checking_the_demo_files_finds_exactly_the_printed_figures_that_disagree():
    flags = _check_json("--indicators", str(INDICATORS_FILE))
    assert {(f["indicator"], f["period"], f["breakdown"], f["kind"]) for f in flags} == (
        EXPECTED_FLAGS
    )
    assert Observation.objects.count() == 0, "checking a file imports nothing"
    by_key = {(f["indicator"], f["period"], f["breakdown"], f["kind"]): f for f in flags}
    online = by_key["contacts", "2019-01..2019-09", "channel=online", "change"]
    assert (online["stated"], online["computed"]) == (112, 259.5)
    female = by_key["workforce-female", "2016-03", "staff_group=police_officer", "percentage"]
    assert (female["stated"], female["computed"]) == (30.0, 30.41)
    assert "420 of 1,381 is 30.41%" in female["message"]


@pytest.fixture
def demo(db):
    call_command("demo", allow_without_debug=True, stdout=io.StringIO())


def test_the_demo_loads_every_figure_and_the_data_quality_flags_are_the_same(demo):
    assert Observation.objects.count() == sum(1 for _ in FIGURES_FILE.open()) - 1
    flags = selectors.flags_all()
    assert {
        (v.observation.indicator.code, v.observation.period, v.observation.breakdown, v.kind)
        for v in flags
    } == EXPECTED_FLAGS
    assert not any(v.acknowledged for v in flags)


def test_every_indicator_is_linked_to_the_priority_that_reports_it(demo):
    for code, keys in PRIORITY_LINKS.items():
        indicator = Indicator.objects.get(code=code)
        assert indicator.priorities.count() == len(keys), code


def test_survey_changes_are_tested_and_stated_with_their_basis(demo):
    hate = Indicator.objects.get(code="hate-crime-victim-satisfaction")
    figure = selectors.figure_latest(indicator=hate)
    change = selectors.change_get(figure=figure)
    # 67% of 88 against 79.2% a year earlier: a real fall, not noise
    assert change.significant is True
    assert change.text == "-12.2 percentage points on year ending May 2018"
    low, high = figure.ci95
    assert 56 < low < 57 and 75 < high < 76
