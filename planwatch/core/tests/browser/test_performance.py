"""Performance pages in a real browser: an officer reads the indicators, an indicator's chart
and figures, and the Data quality page, and acknowledges a flag. Every page passes axe-core
(WCAG 2.2 A/AA)."""

import pytest
from playwright.sync_api import expect

from planwatch.performance.tests.figures import make_figures

from .browsing import fill_in, follow, submit

pytestmark = pytest.mark.browser

MESSAGE = "Police officers who are women, March 2019: printed 30.0%, but 420 of 1,381 is 30.41%."


@pytest.fixture
def figures(transactional_db):
    return make_figures()


def test_officer_reads_the_figures_and_acknowledges_a_flag(page, sign_in, figures):
    sign_in(page, "officer")
    follow(page, "Performance")
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Hate crimes recorded")
    expect(table).to_contain_text("+29.7% on December 2018")

    # An indicator: its SPC chart, described in words, and the same figures in a table.
    follow(page, "Hate crimes recorded")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hate crimes recorded")
    chart = page.get_by_role("img", name="Hate crimes recorded, Cambridgeshire and Peterborough")
    expect(chart).to_be_visible()
    figures_table = page.get_by_role(
        "table", name="Hate crimes recorded: Cambridgeshire and Peterborough"
    )
    expect(figures_table.locator("tbody tr")).to_have_count(24)

    # Data quality: the flag, acknowledged with a reason.
    follow(page, "Performance")
    follow(page, "Data quality: printed figures that disagree with the data")
    expect(page.locator("#main-content")).to_contain_text(MESSAGE)
    follow(page, "Acknowledge the percentage flag on Police officers who are women, March 2019")
    expect(page.get_by_role("heading", level=1)).to_have_text("Acknowledge a flag")

    submit(page, "Acknowledge the flag")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why the printed figure is acceptable"
    )

    fill_in(page, "Why is the printed figure acceptable?", "The report used 31 March figures.")
    submit(page, "Acknowledge the flag")
    expect(page.get_by_role("alert")).to_contain_text("Flag acknowledged")
    card = page.locator(f"#flag-{figures.flagged.pk}-percentage")
    expect(card).to_contain_text("Reason: The report used 31 March figures.")
    expect(page.get_by_role("link", name="Acknowledge", exact=False)).to_have_count(0)
