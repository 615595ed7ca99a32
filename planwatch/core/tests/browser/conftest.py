"""Browser tests: Playwright's sync API driving Debian's Chromium against the live server.

Fixtures:
    page        a fresh browser page (its own cookies) whose base URL is the live server
    new_page    makes more such pages, e.g. one per role in a journey
    sign_in     sign_in(page, "officer") signs in through the sign-in form; returns the user

Every document a page loads must be checked with axe-core (the helpers in browsing.py do
it; or call ``check_a11y(page)``). After each test, any loaded page that was not checked,
any JavaScript error and any asset that failed to load fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from planwatch.accounts.tests.factories import (
    PASSWORD,
    AdministratorFactory,
    MemberFactory,
    OfficerFactory,
    PartnerFactory,
)

from .axe import AxeUnavailable, axe_source, watch
from .browsing import sign_in_with

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000

# Usernames match the demo logins and the role fixtures in the root conftest.
ROLE_USERS = {
    "administrator": (AdministratorFactory, "admin"),
    "officer": (OfficerFactory, "officer"),
    "member": (MemberFactory, "member"),
    "partner": (PartnerFactory, "partner"),
}

WATCHES = pytest.StashKey[list]()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run `make chromium` "
            "(installs Debian's chromium with apt).",
            pytrace=False,
        )
    try:
        axe_source()
    except AxeUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    # The sync API keeps an asyncio loop marked as running in this thread, which Django
    # would otherwise take for async code touching the database. Only while it runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(request, browser, live_server):
    if request.node.get_closest_marker("browser") is None:
        pytest.fail("Mark browser tests with @pytest.mark.browser.", pytrace=False)
    watches = request.node.stash.setdefault(WATCHES, [])
    contexts = []

    def make_page():
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        watches.append(watch(page))
        return page

    yield make_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def sign_in(live_server):
    """``sign_in(page, role_or_user)``: sign in through the form; returns the user.

    A role ("administrator", "officer", "member", "partner") makes (or reuses) the user of
    that role; a user signs in as that user (its password must be factories.PASSWORD).
    """

    def sign_in_as(page, who):
        if isinstance(who, str):
            factory, username = ROLE_USERS[who]
            user = factory(username=username)
        else:
            user = who
        sign_in_with(page, user.username, PASSWORD)
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
        return user

    return sign_in_as


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    problems = []
    for record in item.stash.get(WATCHES, []):
        problems += [f"not checked with axe-core: {url}" for url in record.unchecked()]
        problems += [f"JavaScript error: {error}" for error in record.errors]
        problems += [f"failed to load ({why}): {url}" for url, why in record.failed_assets.items()]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    return result
