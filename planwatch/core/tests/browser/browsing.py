"""Moving around PlanWatch in a browser test. Each step that loads a page checks it with
axe-core, so a journey written with these is checked page by page.

    visit(page, "/accounts/sign-in/")
    fill_in(page, "Username", "officer")
    submit(page, "Sign in")
    follow(page, "Updates")

Paths are relative to the live server (the ``page`` fixture sets its base URL).
"""

from __future__ import annotations

from .axe import check_a11y

SIGN_IN_PATH = "/accounts/sign-in/"


def visit(page, path: str):
    """Open ``path`` and check it; returns the response."""
    __tracebackhide__ = True
    response = page.goto(path)
    check_a11y(page)
    return response


def fill_in(page, label: str, value: str) -> None:
    """Type ``value`` into the field labelled ``label`` (the label's exact text)."""
    page.get_by_label(label, exact=True).fill(value)


def choose(page, label: str) -> None:
    """Tick the radio button or checkbox labelled ``label``."""
    page.get_by_label(label, exact=True).check()


def select(page, label: str, option: str) -> None:
    """Pick ``option`` (its visible text) in the select labelled ``label``."""
    page.get_by_label(label, exact=True).select_option(label=option)


def submit(page, button: str) -> None:
    """Press the button named ``button``, wait for the page it leads to, and check it."""
    __tracebackhide__ = True
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    check_a11y(page)


def follow(page, link: str) -> None:
    """Follow the (first) link whose text is ``link``, and check the page it leads to."""
    __tracebackhide__ = True
    with page.expect_navigation():
        page.get_by_role("link", name=link, exact=True).first.click()
    check_a11y(page)


def sign_in_with(page, username: str, password: str) -> None:
    """Fill in and send the sign-in form (whatever the outcome)."""
    __tracebackhide__ = True
    if not page.url.split("?")[0].endswith(SIGN_IN_PATH):
        visit(page, SIGN_IN_PATH)
    fill_in(page, "Username", username)
    fill_in(page, "Password", password)
    submit(page, "Sign in")
