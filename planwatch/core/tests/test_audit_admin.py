import pytest
from django.urls import reverse

from planwatch.core import audit
from planwatch.core.models import ActivityLog
from planwatch.core.selectors import history_for
from planwatch.plan.tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def test_changes_made_in_the_admin_site_are_recorded(client, administrator):
    theme = ThemeFactory(name="Communities", aim="Old aim")
    client.force_login(administrator)
    url = reverse("admin:plan_theme_change", args=[theme.pk])
    response = client.post(
        url,
        {
            "plan": theme.plan.pk,
            "number": theme.number,
            "name": "Communities",
            "slug": theme.slug,
            "aim": "Support safer and stronger communities",
            "shared_outcome": theme.shared_outcome,
            "summary": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = history_for(theme).get()
    assert entry.action == ActivityLog.Action.UPDATE
    assert entry.user == administrator
    assert entry.changes["aim"]["old"] == "Old aim"
    assert entry.changes["aim"]["new"] == "Support safer and stronger communities"


def test_theme_page_shows_its_history(officer_client, officer):
    theme = ThemeFactory(name="Communities")
    before = audit.snapshot(theme)
    theme.aim = "Support safer and stronger communities"
    audit.save_changed(theme, user=officer, before=before)
    body = officer_client.get(reverse("plan:theme_detail", args=[theme.slug])).content.decode()
    assert "History" in body
    assert "Support safer and stronger communities" in body
