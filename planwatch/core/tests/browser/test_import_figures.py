"""Importing figures in a real browser: an officer uploads a file with a mistake, reads the
error with its row and column, uploads the corrected file, checks the preview and applies it.
Every page passes axe-core (WCAG 2.2 A/AA)."""

import pytest
from playwright.sync_api import expect

from planwatch.performance.models import Observation
from planwatch.performance.tests.factories import IndicatorFactory
from planwatch.places.tests.factories import ForceAreaFactory

from .browsing import choose, follow, submit

pytestmark = pytest.mark.browser

HEADER = (
    "indicator,area,period,breakdown,value,numerator,denominator,sample_size,"
    "stated_value,stated_change,change_basis,source,note\n"
)


@pytest.fixture
def contacts(transactional_db):
    ForceAreaFactory()
    return IndicatorFactory(code="contacts", name="Public contacts")


def test_officer_imports_figures_after_correcting_the_file(page, sign_in, contacts, tmp_path):
    wrong = tmp_path / "figures.csv"
    wrong.write_text(HEADER + "contacts,,2019-13,channel=999,101926,,,,,,,,\n")
    right = tmp_path / "figures-corrected.csv"
    right.write_text(
        HEADER
        + "contacts,,2019-01..2019-09,channel=999,101926,,,,,+5,2018-01..2018-09,Panel report,\n"
        + "contacts,,2018-01..2018-09,channel=999,96457,,,,,,,Panel report,\n"
    )

    sign_in(page, "officer")
    follow(page, "Performance")
    follow(page, "Import indicators and figures")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import figures")

    choose(page, "Figures")
    page.get_by_label("Upload a file", exact=True).set_input_files(str(wrong))
    submit(page, "Check the file")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "figures.csv, row 2, column period"
    )
    assert Observation.objects.count() == 0

    follow(page, "Upload a corrected file")
    choose(page, "Figures")
    page.get_by_label("Upload a file", exact=True).set_input_files(str(right))
    submit(page, "Check the file")
    expect(page.locator("#count-new")).to_have_text("2")
    assert Observation.objects.count() == 0, "a preview changes nothing"

    submit(page, "Apply these changes")
    expect(page.get_by_role("alert")).to_contain_text("2 new")
    assert Observation.objects.filter(indicator=contacts).count() == 2
