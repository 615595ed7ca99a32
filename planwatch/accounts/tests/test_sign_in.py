import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from planwatch.accounts.models import User
from planwatch.accounts.roles import Role
from planwatch.accounts.tests.factories import PASSWORD, OfficerFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_sign_in_with_the_right_password_goes_home(client):
    OfficerFactory(username="olivia")
    response = client.post(
        reverse("accounts:login"), {"username": "olivia", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard:home")
    assert "Signed in as" in response.content.decode()


def test_a_wrong_password_shows_the_error_summary(client):
    OfficerFactory(username="olivia")
    response = client.post(reverse("accounts:login"), {"username": "olivia", "password": "nope"})
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter a correct username and password" in body
    assert "<title>Sign in - Error - PlanWatch</title>" in body


def test_sign_out_needs_a_post_and_ends_the_session(client):
    user = OfficerFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard:home")).status_code == 302


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("plan:update_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_partner_must_belong_to_an_organisation():
    user = User(username="p", role=Role.PARTNER)
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "organisation" in error.value.message_dict


def test_sync_roles_creates_a_group_per_role_and_is_idempotent():
    partner = PartnerFactory()
    call_command("sync_roles")
    call_command("sync_roles")
    assert set(Group.objects.values_list("name", flat=True)) == {r.label for r in Role}
    assert list(partner.groups.values_list("name", flat=True)) == [Role.PARTNER.label]


def test_error_pages_are_govuk_styled(client):
    client.force_login(PartnerFactory())
    forbidden = client.get(reverse("plan:plan_detail_current"))
    assert forbidden.status_code == 403
    assert "You do not have permission to see this page" in forbidden.content.decode()
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()
