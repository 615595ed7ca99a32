"""Reading and checking figures and indicator files: every error names file, row and column."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from planwatch.performance.imports import (
    CHANGED,
    NEW,
    UNCHANGED,
    figures_import_preview,
    indicators_import_preview,
    template_csv,
    template_xlsx,
)
from planwatch.performance.imports.figures import COLUMNS as FIGURE_COLUMNS
from planwatch.performance.imports.templates import HELP_SHEET, TEMPLATES
from planwatch.places.tests.factories import DistrictFactory

from .factories import ObservationFactory
from .import_files import (
    GOOD_FIGURES,
    csv_bytes,
    figure_row,
    figures_csv,
    indicators_csv,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


def _errors(preview):
    return [str(e) for e in preview.errors]


def _figures(*rows, name="figures.csv"):
    return figures_import_preview(file_name=name, data=figures_csv(*rows))


# --- Figures ----------------------------------------------------------------------------------


def test_good_figures_preview_lists_every_row_as_new(import_places, import_indicators):
    preview = figures_import_preview(file_name="figures.csv", data=GOOD_FIGURES)
    assert preview.errors == []
    assert [r.status for r in preview.rows] == [NEW] * 4
    assert [r.row for r in preview.rows] == [2, 3, 4, 5]
    q2 = preview.rows[2].values
    assert q2["period"] == "2019-Q2"
    assert q2["period_first"].isoformat() == "2019-04-01"
    assert q2["period_last"].isoformat() == "2019-06-01"
    assert q2["breakdown"] == "channel=999;staff_group=police_officer"
    assert q2["area"] == import_places["cambridge"]
    assert q2["value"] == Decimal("420")
    assert q2["stated_value"] == "420"
    assert q2["stated_change"] == "+5%"
    assert q2["change_basis"] == "2018-Q2"
    survey = preview.rows[3].values
    assert survey["value"] == Decimal("30.412744")  # 100 × 420 / 1,381 for a percentage
    assert survey["sample_size"] == 1381
    assert preview.rows[0].values["area"] == import_places["force"]
    assert preview.summary == "figures.csv: 4 new, 0 changed, 0 unchanged."


def test_value_from_numerator_and_denominator_is_a_ratio_for_other_units(
    import_places, import_indicators
):
    preview = _figures(
        {"indicator": "contacts", "period": "2019-05", "numerator": "1", "denominator": "3"}
    )
    assert preview.rows[0].values["value"] == Decimal("0.333333")


def test_changed_and_unchanged_rows_are_told_apart(import_places, import_indicators):
    contacts = import_indicators["contacts"]
    ObservationFactory(indicator=contacts, area=import_places["force"], value=Decimal("1381"))
    ObservationFactory(
        indicator=contacts,
        area=import_places["force"],
        period="2019-06",
        value=Decimal("1399"),
        source="Control room",
    )
    preview = _figures(
        {"indicator": "contacts", "period": "2019-05", "value": "1,381"},
        {"indicator": "contacts", "period": "2019-06", "value": "1400"},
    )
    assert [r.status for r in preview.rows] == [UNCHANGED, CHANGED]
    changes = {c.field: (c.old, c.new) for c in preview.rows[1].changes}
    assert changes == {"value": ("1399", "1400"), "source": ("Control room", "(blank)")}


def test_same_months_written_differently_match_the_stored_figure(import_places, import_indicators):
    ObservationFactory(indicator=import_indicators["contacts"], period="2019-Q2", value=5)
    preview = _figures({"indicator": "contacts", "period": "FY2019/20-Q1", "value": "5"})
    assert preview.rows[0].status == CHANGED
    assert [(c.field, c.old, c.new) for c in preview.rows[0].changes] == [
        ("period", "2019-Q2", "FY2019/20-Q1")
    ]


def test_existing_figures_are_read_with_one_query_per_indicator(
    import_places, import_indicators, django_assert_max_num_queries
):
    rows = [
        {"indicator": code, "period": f"{year}-{month:02d}", "value": str(month)}
        for code in ("contacts", "satisfaction")
        for year in (2018, 2019)
        for month in range(1, 13)
    ]
    data = figures_csv(*rows)
    # indicators, areas, the force area, then one query per indicator
    with django_assert_max_num_queries(5):
        preview = figures_import_preview(file_name="figures.csv", data=data)
    assert preview.new == 48


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (
            {"indicator": "contactz"},
            "indicator",
            "'contactz' is not an indicator's code. Did you mean contacts?",
        ),
        ({"indicator": ""}, "indicator", "the indicator is missing"),
        ({"area": "Atlantis"}, "area", "'Atlantis' is not an area"),
        ({"period": "2019-13"}, "period", '"2019-13" is not a period. There is no month 13.'),
        ({"period": ""}, "period", "the period is missing"),
        ({"breakdown": "channel=999;channel=101"}, "breakdown", "appears twice"),
        ({"value": "151,36"}, "value", "'151,36' is not a number"),
        ({"value": ""}, "value", "the value is blank. Give the value, or both"),
        ({"value": "", "numerator": "4"}, "value", "the value is blank"),
        ({"numerator": "4", "denominator": "0"}, "denominator", "it must be more than 0"),
        ({"sample_size": "12.5"}, "sample_size", "'12.5' is not a whole number"),
        ({"stated_change": "up 5"}, "stated_change", "'up 5' is not a change in per cent"),
        ({"change_basis": "last year"}, "change_basis", '"last year" is not a period'),
        ({"change_basis": "2019-05"}, "change_basis", "is the period itself"),
        ({"stated_value": "9" * 41}, "stated_value", "the most is 40"),
        (
            {"stated_value": "n/a", "numerator": "4", "denominator": "10"},
            "stated_value",
            "'n/a' is not a number as printed",
        ),
        ({"stated_value": "n/a"}, "stated_value", "'n/a' is not a number as printed"),
    ],
)
def test_each_kind_of_bad_figure_names_file_row_and_column(
    import_places, import_indicators, row, column, message
):
    good = {"indicator": "contacts", "period": "2019-05", "value": "10"}
    preview = _figures(good | {"period": "2019-04"}, good | row)
    assert preview.rows == []
    assert len(preview.errors) == 1, _errors(preview)
    error = preview.errors[0]
    assert (error.file_name, error.row, error.column) == ("figures.csv", 3, column)
    assert str(error).startswith(f"figures.csv, row 3, column {column}: ")
    assert message in error.message


def test_the_quote_a_csv_export_puts_before_a_formula_character_is_taken_off(
    import_places, import_indicators
):
    preview = _figures(
        {
            "indicator": "contacts",
            "period": "2019-05",
            "value": "'-13",
            "stated_value": "'-13",
            "stated_change": "'+5",
            "source": "'=Control room",
            "note": "'@home",
        },
        {"indicator": "contacts", "period": "2019-06", "value": "1", "note": "'quoted'"},
        {"indicator": "contacts", "period": "2019-07", "value": "1", "note": "''+1 'as printed'"},
    )
    assert preview.errors == [], _errors(preview)
    first, second, third = (row.values for row in preview.rows)
    assert third["note"] == "'+1 'as printed'"  # text that began "'+" was exported "''+"
    assert first["value"] == Decimal("-13")
    assert (first["stated_value"], first["stated_change"]) == ("-13", "+5")
    assert (first["source"], first["note"]) == ("=Control room", "@home")
    assert second["note"] == "'quoted'"  # not before a formula character: kept


def test_period_error_lists_the_accepted_forms(import_places, import_indicators):
    preview = _figures({"indicator": "contacts", "period": "2019-13", "value": "1"})
    assert "2019-05 (a month), 2019-Q2" in str(preview.errors[0])


def test_every_error_in_a_row_and_in_the_file_is_reported(import_places, import_indicators):
    preview = _figures(
        {"indicator": "nope", "area": "Atlantis", "period": "2019-13", "value": "x"},
        {"indicator": "contacts", "period": "2019-05", "value": "1", "sample_size": "-1"},
    )
    places = [(e.row, e.column) for e in preview.errors]
    assert places == [
        (2, "indicator"),
        (2, "area"),
        (2, "period"),
        (2, "value"),
        (3, "sample_size"),
    ]


def test_duplicate_figures_in_a_file_name_both_rows(import_places, import_indicators):
    preview = _figures(
        {"indicator": "contacts", "period": "2019-Q2", "breakdown": "channel=999", "value": "1"},
        {"indicator": "contacts", "period": "2019-Q3", "value": "1"},
        {
            "indicator": "contacts",
            "area": "Cambridgeshire and Peterborough",
            "period": "2019-04..2019-06",
            "breakdown": " Channel=999 ",
            "value": "2",
        },
    )
    assert len(preview.errors) == 1
    error = preview.errors[0]
    assert error.row == 4
    assert "same indicator, area, period and breakdown as row 2" in str(error)


def test_an_area_name_shared_by_two_areas_needs_the_code(import_places, import_indicators):
    DistrictFactory(name="Abbey", gss_code="E05000001", parent=import_places["force"])
    DistrictFactory(name="Abbey", gss_code="E05000002", parent=import_places["force"])
    preview = _figures(
        {"indicator": "contacts", "area": "abbey", "period": "2019-05", "value": "1"}
    )
    assert "more than one area (E05000001, E05000002)" in preview.errors[0].message
    preview = _figures(
        {"indicator": "contacts", "area": "e05000002", "period": "2019-05", "value": "1"}
    )
    assert preview.errors == []


def test_a_blank_area_needs_a_force_area(import_indicators):
    preview = _figures({"indicator": "contacts", "period": "2019-05", "value": "1"})
    assert "no force area is set up" in preview.errors[0].message


# --- Headers and files ------------------------------------------------------------------------


def test_unknown_and_missing_columns_are_named(import_places, import_indicators):
    header = [c for c in FIGURE_COLUMNS if c != "note"] + ["comment"]
    data = csv_bytes([["contacts"]], header=header)
    preview = figures_import_preview(file_name="figures.csv", data=data)
    assert [(e.row, e.column) for e in preview.errors] == [(1, "comment"), (1, "note")]
    assert str(preview.errors[0]) == (
        "figures.csv, row 1, column comment: 'comment' is not a column of this file. The header "
        "must be: " + ",".join(FIGURE_COLUMNS)
    )
    assert str(preview.errors[1]).startswith("figures.csv, row 1, column note: the header has no")


def test_a_file_of_the_other_kind_is_recognised(import_places, import_indicators):
    data = indicators_csv({"code": "crimes", "name": "Crimes", "unit": "count"})
    preview = figures_import_preview(file_name="indicators.csv", data=data)
    assert _errors(preview) == [
        "indicators.csv, row 1: this is a file of indicator definitions, not of figures. "
        "Import it as indicator definitions."
    ]
    preview = indicators_import_preview(file_name="figures.csv", data=GOOD_FIGURES)
    assert "this is a file of figures, not of indicator definitions" in _errors(preview)[0]


def test_columns_may_come_in_any_order_with_a_byte_order_mark(import_places, import_indicators):
    header = list(reversed(FIGURE_COLUMNS))
    row = list(reversed(figure_row(indicator="contacts", period="2019-05", value="3")))
    data = csv_bytes([row], header=header, bom=True)
    preview = figures_import_preview(file_name="figures.csv", data=data)
    assert preview.errors == [] and preview.new == 1


def test_blank_rows_are_skipped_but_rows_keep_their_numbers(import_places, import_indicators):
    data = csv_bytes(
        [figure_row(), figure_row(indicator="contacts", period="2019-13", value="1")],
        header=FIGURE_COLUMNS,
    )
    preview = figures_import_preview(file_name="figures.csv", data=data)
    assert [e.row for e in preview.errors] == [3]


def test_a_cell_beyond_the_header_is_an_error(import_places, import_indicators):
    row = [*figure_row(indicator="contacts", period="2019-05", value="1"), "extra"]
    preview = figures_import_preview(
        file_name="figures.csv", data=csv_bytes([row], header=FIGURE_COLUMNS)
    )
    assert preview.errors[0].row == 2
    assert "beyond the last column" in preview.errors[0].message


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("figures.csv", "indicator,area\n".encode("utf-16"), "not UTF-8"),
        ("figures.csv", b"", "the file is empty"),
        ("figures.xlsx", b"PK\x03\x04 not really", "could not be read as an Excel workbook"),
        ("figures.xls", b"\xd0\xcf\x11\xe0", "old Excel file (.xls)"),
    ],
)
def test_unreadable_files(import_places, name, data, message):
    preview = figures_import_preview(file_name=name, data=data)
    assert len(preview.errors) == 1
    assert str(preview.errors[0]).startswith(name)
    assert message in str(preview.errors[0])


def test_xlsx_first_sheet_is_read(import_places, import_indicators):
    import datetime as dt

    rows = [
        figure_row(indicator="contacts", period=dt.datetime(2019, 5, 1), value=1381),
        figure_row(indicator="satisfaction", period="2019-Q2", numerator=42, denominator=88),
        [None] * len(FIGURE_COLUMNS),
        figure_row(indicator="contacts", period="2019-13", value=1),
    ]
    data = xlsx_bytes(FIGURE_COLUMNS, rows)
    preview = figures_import_preview(file_name="figures.xlsx", data=data)
    assert _errors(preview) == [
        'figures.xlsx, row 5, column period: "2019-13" is not a period. There is no month 13. '
        + preview.errors[0].message.split("There is no month 13. ")[1]
    ]
    good = xlsx_bytes(FIGURE_COLUMNS, rows[:2])
    preview = figures_import_preview(file_name="figures.xlsx", data=good)
    assert preview.errors == []
    assert preview.rows[0].values["period"] == "2019-05"
    assert preview.rows[0].values["value"] == Decimal("1381")
    assert preview.rows[1].values["value"] == Decimal("47.727273")


# --- Indicators -------------------------------------------------------------------------------


def test_good_indicators_preview(import_indicators):
    data = indicators_csv(
        {
            "code": "contacts",
            "name": "Contacts with the police",
            "unit": "count",
            "polarity": "neither",
            "decimals": "0",
            "aggregation": "sum",
        },
        {
            "code": "satisfaction",
            "name": "Victim satisfaction",
            "unit": "Percentage",
            "polarity": "HIGHER",
            "decimals": "1",
            "aggregation": "",
        },
        {"code": "crimes", "name": "Crimes", "unit": "count", "polarity": "lower"},
    )
    preview = indicators_import_preview(file_name="indicators.csv", data=data)
    assert preview.errors == []
    assert [r.status for r in preview.rows] == [CHANGED, UNCHANGED, NEW]
    assert [(c.field, c.old, c.new) for c in preview.rows[0].changes] == [
        ("name", "Contacts", "Contacts with the police")
    ]
    assert preview.rows[2].values["decimals"] == 0
    assert preview.rows[2].values["aggregation"] == "sum"


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ({"code": "Contacts 999"}, "code", "e.g. contacts-999"),
        ({"code": ""}, "code", "the code is missing"),
        ({"name": ""}, "name", "the name is missing"),
        (
            {"unit": "people"},
            "unit",
            "'people' is not one of: count, percentage, rate, money, ratio",
        ),
        ({"unit": ""}, "unit", "the unit is missing"),
        ({"polarity": "up"}, "polarity", "'up' is not one of: higher, lower, neither"),
        ({"decimals": "5"}, "decimals", "too many decimal places"),
        ({"decimals": "one"}, "decimals", "not a number of decimal places"),
        ({"aggregation": "median"}, "aggregation", "'median' is not one of: sum, average, last"),
        ({"code": "first"}, "code", "the code 'first' is also on row 2"),
    ],
)
def test_each_kind_of_bad_indicator_names_file_row_and_column(db, row, column, message):
    good = {"code": "other", "name": "Other", "unit": "count", "polarity": "neither"}
    data = indicators_csv(good | {"code": "first"}, good | row)
    preview = indicators_import_preview(file_name="indicators.csv", data=data)
    assert len(preview.errors) == 1, _errors(preview)
    error = preview.errors[0]
    assert (error.row, error.column) == (3, column)
    assert str(error).startswith(f"indicators.csv, row 3, column {column}: ")
    assert message in error.message


# --- Templates --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["figures", "indicators"])
def test_templates_are_the_header_only_with_examples_that_import_on_the_help_sheet(
    import_places, import_indicators, kind
):
    preview_of = {"figures": figures_import_preview, "indicators": indicators_import_preview}[kind]
    if kind == "figures":
        from .factories import IndicatorFactory

        IndicatorFactory(code="victim-satisfaction", unit="percentage")
    # Nothing to import in a template as downloaded: rows added to it import only themselves.
    for name, data in ((f"{kind}.csv", template_csv(kind)), (f"{kind}.xlsx", template_xlsx(kind))):
        preview = preview_of(file_name=name, data=data)
        assert preview.errors == [], _errors(preview)
        assert preview.rows == []
    assert template_csv(kind).decode("utf-8-sig") == ",".join(TEMPLATES[kind]["columns"]) + "\r\n"

    workbook = load_workbook(io.BytesIO(template_xlsx(kind)))
    assert workbook.sheetnames == [kind, HELP_SHEET]
    assert [c.value for c in workbook[kind][1]] == list(TEMPLATES[kind]["columns"])
    assert workbook[kind].max_row == 1
    # The examples are written down the help sheet, a column each, beside what to write.
    rows = list(workbook[HELP_SHEET].iter_rows(values_only=True))
    assert rows[0] == ("column", "what to write", "example 1", "example 2")
    columns = TEMPLATES[kind]["columns"]
    described = {row[0]: row for row in rows[1 : len(columns) + 1]}
    assert list(described) == list(columns)
    examples = [[described[c][2 + i] or "" for c in columns] for i in range(2)]
    assert examples == TEMPLATES[kind]["examples"]
    preview = preview_of(file_name=f"{kind}.csv", data=csv_bytes(examples, header=columns))
    assert preview.errors == [], _errors(preview)
    assert len(preview.rows) == 2
