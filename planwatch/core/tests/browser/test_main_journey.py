"""The first complete journey, in a real browser on the demo data: an officer finds a
priority, reads its updates about the scams partnership, adds one, then generates,
finalises and downloads the Communities report for the November 2019 Panel. Every page on
the way passes axe-core (WCAG 2.2 A/AA)."""

import io

import docx
import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from planwatch.demo.services import DEMO_PASSWORD

from .browsing import choose, fill_in, follow, select, sign_in_with, submit, visit

pytestmark = pytest.mark.browser

PRIORITY = (
    "Educate and support local people to recognise vulnerable members of their community "
    "and know how to help them"
)


@pytest.fixture
def demo_data(transactional_db):
    call_command("demo", allow_without_debug=True, stdout=io.StringIO())


def _download(page, link_text):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_text, exact=True).click()
    download = info.value
    with open(download.path(), "rb") as handle:
        return download.suggested_filename, handle.read()


def test_officer_records_delivery_and_publishes_the_panel_report(page, demo_data):
    visit(page, "/")
    sign_in_with(page, "officer", DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("The Plan at a glance")

    # Find the priority and its updates about the scams partnership.
    follow(page, "The Plan")
    follow(page, PRIORITY)
    expect(page.get_by_role("heading", level=1)).to_have_text(PRIORITY)
    expect(page.locator("#main-content")).to_contain_text("Against Scams Partnership")

    # Add an update.
    submit(page, "Add an update")  # a link styled as a button
    fill_in(page, "Day", "12")
    fill_in(page, "Month", "11")
    fill_in(page, "Year", "2019")
    fill_in(page, "Summary", "Scam Champions trained in Wisbech")
    fill_in(
        page, "What happened", "Six more **Scam Champions** were trained with Wisbech Town Council."
    )
    choose(page, "On track")
    submit(page, "Save and approve")
    expect(page.get_by_role("heading", level=1)).to_have_text("Scam Champions trained in Wisbech")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("added to the record")

    # Generate the Communities report for the November 2019 Panel.
    follow(page, "Reports")
    submit(page, "Create a report")  # a link styled as a button
    select(page, "Theme", "Communities")
    select(page, "Meeting", "Police and Crime Panel, 13 November 2019")
    submit(page, "Create the draft report")
    report = page.locator("#main-content")
    expect(report).to_contain_text("Panel Question")
    expect(report).to_contain_text(
        "Six more Scam Champions were trained with Wisbech Town Council."
    )
    expect(report).to_contain_text(
        "what evaluation will be conducted of the successes and any problems with those pilots"
    )

    # Its Business Intelligence tables are computed from the figures, with their basis.
    expect(report).to_contain_text("Business Intelligence Information")
    expect(report).to_contain_text("101,926 (+5.7%)")

    # The printed figures that disagree with the data block finalising until acknowledged.
    submit(page, "Finalise")  # a link styled as a button
    expect(page.locator("#main-content")).to_contain_text("cannot be finalised")
    acknowledge = page.get_by_role("link", name="Acknowledge note", exact=False)
    flags = acknowledge.count()
    assert flags == 6  # the seeds' six: docs/demo-figures.md
    for _ in range(flags):
        follow(page, " ".join(acknowledge.first.text_content().split()))
        expect(page.get_by_role("heading", level=1)).to_have_text("Acknowledge a flag")
        fill_in(page, "Why is the printed figure acceptable?", "Reported as printed at the time.")
        submit(page, "Acknowledge the flag")
    expect(acknowledge).to_have_count(0)

    # Finalise it, then download it as PDF and Word.
    submit(page, "Finalise the report")
    expect(page.locator("#main-content")).to_contain_text("Final")

    name, pdf = _download(page, "Download PDF")
    assert name == "communities-panel-2019-11.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Priority for Action" in text
    assert "Panel Question" in text
    assert "Six more Scam Champions were trained" in text

    name, word = _download(page, "Download Word document")
    assert name == "communities-panel-2019-11.docx"
    document = docx.Document(io.BytesIO(word))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any(PRIORITY in h for h in headings)
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Response:" in body
