"""The shared layout (core/base.html): notification banners."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.template.loader import render_to_string
from django.test import RequestFactory
from playwright.sync_api import expect

from .axe import check_a11y
from .browsing import visit

pytestmark = pytest.mark.browser


def test_a_success_and_a_problem_are_told_apart(page, officer):
    request = RequestFactory().get("/")
    request.user = officer
    request.session = {}
    request._messages = FallbackStorage(request)
    messages.success(request, "Update approved")
    messages.error(request, "This update cannot be submitted")
    html = render_to_string("403.html", {}, request=request)
    # Shown in a page of the live server, so that its stylesheets and scripts load.
    visit(page, "/accounts/sign-in/")
    page.set_content(html)
    check_a11y(page)

    expect(page.get_by_role("alert")).to_contain_text("Success")
    expect(page.get_by_role("alert")).to_contain_text("Update approved")
    problem = page.get_by_role("region", name="Important")
    expect(problem).to_contain_text("This update cannot be submitted")
