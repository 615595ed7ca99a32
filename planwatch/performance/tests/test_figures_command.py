"""``planwatch figures show|spc|check``: the JSON a script reads, and the errors a person reads."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from planwatch.performance.models import Indicator
from planwatch.performance.periods import Month

from .factories import IndicatorFactory, ObservationFactory


def _json(*args) -> dict | list:
    out = io.StringIO()
    call_command("figures", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def calls(import_places):
    """999 calls for Jan–Sep of two years, as the Panel report prints them."""
    contacts = IndicatorFactory(code="contacts", name="Contacts")
    force = import_places["force"]
    ObservationFactory(
        indicator=contacts,
        area=force,
        period="2019-01..2019-09",
        breakdown="channel=999",
        value=Decimal(101926),
        stated_change="+5",
        change_basis="2018-01..2018-09",
    )
    ObservationFactory(
        indicator=contacts,
        area=force,
        period="2018-01..2018-09",
        breakdown="channel=999",
        value=Decimal(96457),
    )
    return contacts


def test_show_gives_the_value_and_the_change_on_the_same_period_last_year(calls):
    data = _json(
        "show", "--indicator", "contacts", "--period", "2019-01..2019-09",
        "--breakdown", "channel=999",
    )  # fmt: skip
    assert data["value"] == 101926
    assert data["ci95"] is None
    change = data["change"]
    assert change["basis"] == "2018-01..2018-09"
    assert change["absolute"] == 5469
    assert round(change["percent"], 2) == 5.67
    assert change["significant"] is True
    assert change["text"] == "+5.7% on Jan–Sep 2018"
    assert data["flags"] == []


def test_show_reads_a_breakdown_as_the_import_stores_it(calls):
    data = _json(
        "show", "--indicator", "contacts", "--period", "2019-01..2019-09",
        "--breakdown", " Channel = 999 ",
    )  # fmt: skip
    assert (data["breakdown"], data["value"]) == ("channel=999", 101926)


def test_a_share_of_everyone_has_no_confidence_interval(import_places):
    female = IndicatorFactory(code="female", unit=Indicator.Unit.PERCENTAGE, decimals=1)
    ObservationFactory(
        indicator=female, area=import_places["force"], period="2016-03",
        breakdown="staff_group=police_officer", value=Decimal("30.41"),
        numerator=420, denominator=1381,
    )  # fmt: skip
    data = _json(
        "show", "--indicator", "female", "--period", "2016-03",
        "--breakdown", "staff_group=police_officer",
    )  # fmt: skip
    # 420 of all 1,381 police officers: a count of everyone, not a sample
    assert round(data["percent"], 2) == 30.41
    assert data["ci95"] is None


def test_show_builds_a_longer_period_from_its_months_and_compares_with_any_period(import_places):
    indicator = IndicatorFactory(code="burglary")
    for month in range(1, 13):
        ObservationFactory(
            indicator=indicator, area=import_places["force"], period=f"2019-{month:02d}",
            value=Decimal(month),
        )  # fmt: skip
    data = _json("show", "--indicator", "burglary", "--period", "2019-Q2", "--compare", "2019-Q1")
    assert data["value"] == 4 + 5 + 6
    assert data["change"]["basis"] == "2019-Q1"
    assert data["change"]["absolute"] == 15 - 6


def test_show_gives_a_wilson_interval_for_a_survey_percentage(import_places):
    survey = IndicatorFactory(
        code="confidence", unit=Indicator.Unit.PERCENTAGE, polarity=Indicator.Polarity.HIGHER
    )
    ObservationFactory(
        indicator=survey, area=import_places["force"], period="R12-2019-05",
        value=Decimal("58.3"), sample_size=985,
    )  # fmt: skip
    data = _json("show", "--indicator", "confidence", "--period", "R12-2019-05")
    low, high = data["ci95"]
    assert 55 < low < 55.5 and 61 < high < 61.5
    assert data["change"] is None


def test_show_lists_the_flags_on_the_figure(calls):
    calls.observations.filter(period="2019-01..2019-09").update(stated_change="+50")
    data = _json(
        "show", "--indicator", "contacts", "--period", "2019-01..2019-09",
        "--breakdown", "channel=999",
    )  # fmt: skip
    [flag] = data["flags"]
    assert flag["kind"] == "change"
    assert (flag["stated"], flag["computed"]) == (50, 5.7)
    assert flag["acknowledged"] is False


def test_spc_flags_a_shift_and_assesses_it_by_polarity(import_places):
    indicator = IndicatorFactory(code="satisfied", polarity=Indicator.Polarity.HIGHER)
    values = [50, 52, 49, 51, 50, 48, 51, 50, 49, 52, 50, 51] + [60, 61, 59, 62, 60, 61, 63, 60]
    month = Month(2018, 1)
    for value in values:
        ObservationFactory(
            indicator=indicator, area=import_places["force"], period=str(month),
            value=Decimal(value),
        )  # fmt: skip
        month = month + 1
    data = _json("spc", "--indicator", "satisfied", "--from", "2018-01", "--to", "2019-08")
    assert len(data["points"]) == len(values)
    assert round(data["mean"], 3) == round(sum(values) / len(values), 3)
    assert data["ucl"] > data["mean"] > data["lcl"]
    assert "run" in data["points"][-1]["rules"]
    assert data["assessment"] == "improvement"
    # the first year sits below the mean throughout: a run on the low side
    assert data["points"][0]["period"] == "2018-01"
    assert "run" in data["points"][0]["rules"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--indicator", "nope", "--period", "2019-05"], "No indicator 'nope'"),
        (["show", "--indicator", "contacts", "--period", "2019-13"], "--period"),
        (["show", "--indicator", "contacts", "--period", "2019", "--area", "Atlantis"], ""),
        (["spc", "--indicator", "contacts", "--from", "2019-Q1", "--to", "2019-05"], "months"),
        (
            ["show", "--indicator", "contacts", "--period", "2019-05", "--breakdown", "Channel"],
            "--breakdown: 'Channel' in 'Channel' is not dimension=value",
        ),
        (
            ["show", "--indicator", "contacts", "--period", "2019-05", "--breakdown", "a b=1"],
            "'a b' is not a dimension name",
        ),
    ],
)
def test_bad_options_are_refused_with_exit_code_2(calls, args, message):
    with pytest.raises(CommandError) as error:
        call_command("figures", *args, stdout=io.StringIO())
    assert error.value.returncode == 2
    assert message in str(error.value)


def test_a_period_with_nothing_recorded_is_exit_code_1(calls):
    with pytest.raises(CommandError) as error:
        call_command(
            "figures", "show", "--indicator", "contacts", "--period", "2017-05",
            "--breakdown", "channel=999", stdout=io.StringIO(),
        )  # fmt: skip
    assert error.value.returncode == 1
    assert "No figure for contacts in 2017-05 (May 2017)" in str(error.value)


def test_check_refuses_a_malformed_file_with_its_row_and_column(tmp_path, import_places):
    IndicatorFactory(code="contacts")
    bad = tmp_path / "figures.csv"
    bad.write_text(
        "indicator,area,period,breakdown,value,numerator,denominator,sample_size,"
        "stated_value,stated_change,change_basis,source,note\n"
        "contacts,,2019-13,,5,,,,,,,,\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("figures", "check", str(bad), stdout=io.StringIO(), stderr=err)
    assert error.value.returncode == 2
    assert "figures.csv, row 2, column period" in err.getvalue()


def test_check_refuses_a_printed_value_that_is_not_a_number(tmp_path, import_places):
    IndicatorFactory(code="female", unit=Indicator.Unit.PERCENTAGE)
    bad = tmp_path / "figures.csv"
    bad.write_text(
        "indicator,area,period,breakdown,value,numerator,denominator,sample_size,"
        "stated_value,stated_change,change_basis,source,note\n"
        "female,,2016-03,,,420,1381,,n/a,,,,\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("figures", "check", str(bad), stdout=io.StringIO(), stderr=err)
    assert error.value.returncode == 2
    assert "figures.csv, row 2, column stated_value: 'n/a' is not a number" in err.getvalue()


def test_check_reads_a_change_printed_with_an_en_dash(tmp_path, import_places):
    IndicatorFactory(code="contacts", name="Contacts")
    data = tmp_path / "figures.csv"
    data.write_text(
        "indicator,area,period,breakdown,value,numerator,denominator,sample_size,"
        "stated_value,stated_change,change_basis,source,note\n"
        "contacts,,2019-05,,95,,,,,\u20135,,,\n"
        "contacts,,2018-05,,100,,,,,,,,\n"
        "contacts,,2019-06,,95,,,,,\u201310,,,\n"
        "contacts,,2018-06,,100,,,,,,,,\n",
        encoding="utf-8",
    )
    [flag] = _json("check", str(data))
    assert flag["row"] == 4
    assert (flag["stated"], flag["computed"]) == (-10, -5.0)
