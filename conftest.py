"""Fixtures shared by every app's tests: one signed-in client per role."""

import pytest

from planwatch.accounts.tests.factories import (
    AdministratorFactory,
    MemberFactory,
    OfficerFactory,
    PartnerFactory,
)


@pytest.fixture(scope="session", autouse=True)
def policeuk_store(tmp_path_factory):
    """police.uk Parquet files are written to a folder of the test run, not var/."""
    from django.conf import settings

    settings.POLICEUK_STORE = tmp_path_factory.mktemp("policeuk-store")
    return settings.POLICEUK_STORE


@pytest.fixture(autouse=True)
def cache_cleared():
    """Each test starts with an empty cache (cached page bodies are keyed by data that tests
    roll back)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def officer(db):
    return OfficerFactory(username="officer")


@pytest.fixture
def administrator(db):
    return AdministratorFactory(username="admin")


@pytest.fixture
def member(db):
    return MemberFactory(username="member")


@pytest.fixture
def partner(db):
    return PartnerFactory(username="partner")


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def officer_client(client, officer):
    return _client_for(client, officer)


@pytest.fixture
def admin_client_(client, administrator):
    return _client_for(client, administrator)


@pytest.fixture
def member_client(client, member):
    return _client_for(client, member)


@pytest.fixture
def partner_client(client, partner):
    return _client_for(client, partner)
