"""Signing in, in a real browser; every page on the way passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from planwatch.accounts.tests.factories import PASSWORD

from .axe import check_a11y, watch_of
from .browsing import SIGN_IN_PATH, sign_in_with, submit, visit

pytestmark = pytest.mark.browser


def test_the_sign_in_page_is_accessible_and_styled(page):
    visit(page, SIGN_IN_PATH)

    expect(page).to_have_title("Sign in - PlanWatch")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to PlanWatch")
    # GOV.UK Frontend's stylesheet came from the live server: it hides the skip link
    # until it is focused.
    expect(page.get_by_role("link", name="Skip to main content")).to_have_css(
        "position", "absolute"
    )


def test_a_wrong_password_shows_the_error_summary(page, officer):
    sign_in_with(page, officer.username, "not-" + PASSWORD)

    expect(page).to_have_title(re.compile(r"^Sign in - Error"))
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading", level=2)).to_have_text("There is a problem")
    expect(summary).to_contain_text("Enter a correct username and password")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)


def test_an_officer_signs_in_and_lands_on_the_home_page(page, sign_in, live_server):
    sign_in(page, "officer")

    assert page.url == f"{live_server.url}/"
    expect(page.get_by_role("heading", level=1)).to_have_text("The Plan at a glance")
    expect(page.get_by_text("Signed in as")).to_contain_text("OPCC officer")


def test_a_visitor_is_sent_to_sign_in_and_then_back(page, member, live_server):
    visit(page, "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to PlanWatch")

    sign_in_with(page, member.username, PASSWORD)

    assert page.url == f"{live_server.url}/"
    expect(page.get_by_role("heading", level=1)).to_have_text("The Plan at a glance")


def test_a_page_loaded_without_the_helpers_is_still_noticed(page):
    page.goto(SIGN_IN_PATH)
    record = watch_of(page)
    assert record.unchecked() == [page.url]

    check_a11y(page)
    assert record.unchecked() == []


@pytest.mark.parametrize(
    ("role", "heading"),
    [
        ("administrator", "The Plan at a glance"),
        ("member", "The Plan at a glance"),
        ("partner", None),
    ],
)
def test_each_role_lands_on_its_home_page_and_signs_out(page, sign_in, role, heading):
    user = sign_in(page, role)

    expected = heading or str(user.organisation)
    expect(page.get_by_role("heading", level=1)).to_have_text(expected)

    submit(page, "Sign out")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to PlanWatch")


def test_the_page_not_found_is_accessible(page):
    response = visit(page, "/no-such-page/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_be_visible()
