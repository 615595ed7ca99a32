"""Reading the cells of import files: numbers, stated figures, breakdowns, spreadsheet cells."""

from decimal import Decimal

import pytest

from planwatch.performance.breakdowns import breakdown_text
from planwatch.performance.imports import (
    figures_import_preview,
)
from planwatch.performance.imports.base import cell_text
from planwatch.performance.imports.values import (
    CellError,
    breakdown_parse,
    number_parse,
    stated_change_check,
    stated_value_check,
    whole_number_parse,
)

from .import_files import (
    figures_csv,
)

pytestmark = pytest.mark.django_db


def _errors(preview):
    return [str(e) for e in preview.errors]


def _figures(*rows, name="figures.csv"):
    return figures_import_preview(file_name=name, data=figures_csv(*rows))


# --- Cell readers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,381", Decimal("1381")),
        ("+5", Decimal("5")),
        ("-13", Decimal("-13")),
        ("\u221213", Decimal("-13")),
        ("30.41", Decimal("30.41")),
        ("1,234,567.5", Decimal("1234567.5")),
        (".5", Decimal("0.5")),
    ],
)
def test_numbers_accept_thousands_separators_and_signs(text, number):
    assert number_parse(text) == number


@pytest.mark.parametrize("text", ["151,36", "1,38", "12%", "abc", "+", "1.2.3", "1 381", "£5"])
def test_numbers_refuse_anything_else(text):
    with pytest.raises(CellError, match="is not a number"):
        number_parse(text)


def test_number_with_a_decimal_comma_suggests_the_full_stop():
    with pytest.raises(CellError, match=r"\(151\.36\?\)"):
        number_parse("151,36")


def test_too_many_decimals_and_too_large_are_refused():
    with pytest.raises(CellError, match="more than 6 decimal places"):
        number_parse("1.1234567")
    with pytest.raises(CellError, match="too large"):
        number_parse("100000000000000")


@pytest.mark.parametrize("text", ["12.5", "-1", "x"])
def test_whole_numbers(text):
    assert whole_number_parse("1,200") == 1200
    with pytest.raises(CellError, match="whole number"):
        whole_number_parse(text)


def test_stated_change_is_kept_as_written():
    for text in ("+112", "-13", "5.7", "+5%", "\u221213", "\u20135", "12 %"):
        assert stated_change_check(text) == text
    for text in ("up 5", "n/a", "--3"):
        with pytest.raises(CellError, match="is not a change in per cent"):
            stated_change_check(text)


def test_stated_value_is_kept_as_written_once_it_reads_as_the_checks_read_it():
    for text in ("30.0", "1,381", "30.0%", "£42,085", "151,36", "\u20135"):
        assert stated_value_check(text) == text
    for text in ("n/a", "*", "about 30"):
        with pytest.raises(CellError, match="is not a number as printed"):
            stated_value_check(text)


def test_breakdown_is_canonical():
    parts = breakdown_parse(" staff_group=police_officer ; Channel = 999;")
    assert parts == {"channel": "999", "staff_group": "police_officer"}
    assert breakdown_text(parts) == "channel=999;staff_group=police_officer"
    assert breakdown_text(breakdown_parse("")) == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("channel=999;channel=101", "appears twice"),
        ("staff group=officer", "not a dimension name"),
        ("channel", "not dimension=value"),
        ("channel=a=b", "not dimension=value"),
        ("channel=", "has no value"),
    ],
)
def test_bad_breakdowns(text, message):
    with pytest.raises(CellError, match=message):
        breakdown_parse(text)


def test_spreadsheet_cells_read_as_they_show():
    import datetime as dt

    assert cell_text(None) == ""
    assert cell_text(1381) == "1381"
    assert cell_text(1381.0) == "1381"
    assert cell_text(30.41) == "30.41"
    assert cell_text(30.0, "0.0") == "30.0"
    assert cell_text(0.304, "0.0%") == "30.4"
    # Halves away from zero, as Excel shows them (not to the even digit).
    assert cell_text(0.125, "0.00") == "0.13"
    assert cell_text(-0.125, "0.00") == "-0.13"
    assert cell_text(2.5, "0.0") == "2.5"
    assert cell_text(0.3045, "0.0%") == "30.5"
    assert cell_text(30.25, "#,##0.0") == "30.3"
    assert cell_text(dt.datetime(2019, 5, 1)) == "2019-05"
    assert cell_text(dt.datetime(2019, 5, 13)) == "2019-05-13"
