"""Every URL against every role.

The test walks the whole URL configuration. Each named URL must appear in ROUTES with the
roles that may use it; a page added without an entry here fails the suite. For each URL and
role it checks GET and POST: a role that may not use the page is refused (403, or sent to sign
in when anonymous) and nothing it posts is accepted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from planwatch.accountability.tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    PanelQuestionFactory,
    RecommendationFactory,
)
from planwatch.accounts.tests.factories import (
    AdministratorFactory,
    MemberFactory,
    OfficerFactory,
    PartnerFactory,
)
from planwatch.opendata.tests.factories import (
    LsoaFactory,
    NeighbourhoodFactory,
    PopulationFigureFactory,
    StopSearchFactory,
)
from planwatch.partners.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    WorkStreamFactory,
)
from planwatch.performance.models import Indicator
from planwatch.performance.tests.factories import IndicatorFactory, ObservationFactory
from planwatch.plan.models import DeliveryUpdate
from planwatch.plan.tests.factories import ActionFactory, DeliveryUpdateFactory, PriorityFactory
from planwatch.reports.services import report_create

ROLES = ("anonymous", "partner", "member", "officer", "administrator")
STAFF = {"officer", "administrator"}
READERS = STAFF | {"member"}
SIGNED_IN = READERS | {"partner"}
EVERYONE = set(ROLES)


@dataclass(frozen=True)
class Route:
    allowed: set[str]
    kwargs: object = None  # callable(world) -> dict
    post_only: bool = False
    # Roles allowed only for some objects (e.g. a partner's own update): refused for `world`'s
    # sample object of another organisation.
    notes: str = ""
    allowed_post: set[str] = field(default_factory=set)


def _kw(**names):
    return lambda world: {k: getattr(world, v) for k, v in names.items()}


ROUTES: dict[str, Route] = {
    "accounts:login": Route(EVERYONE),
    "accounts:logout": Route(EVERYONE, post_only=True),
    "dashboard:home": Route(SIGNED_IN),
    "plan:plan_detail_current": Route(READERS),
    "plan:theme_detail": Route(READERS, _kw(slug="theme_slug")),
    "plan:objective_detail": Route(READERS, _kw(pk="objective_pk")),
    "plan:priority_detail": Route(READERS, _kw(pk="priority_pk")),
    "plan:action_create": Route(STAFF, _kw(priority_pk="priority_pk")),
    "plan:update_list": Route(SIGNED_IN),
    "plan:update_create": Route(SIGNED_IN - {"member"}),
    # The sample update is another organisation's draft: partners and members may not see it.
    "plan:update_detail": Route(STAFF, _kw(pk="draft_update_pk")),
    "plan:update_edit": Route(STAFF, _kw(pk="draft_update_pk")),
    "plan:update_submit": Route(STAFF, _kw(pk="draft_update_pk"), post_only=True),
    "plan:update_approve": Route(STAFF, _kw(pk="draft_update_pk"), post_only=True),
    "plan:action_list": Route(READERS),
    "plan:action_edit": Route(STAFF, _kw(pk="action_pk")),
    "partners:partnership_list": Route(READERS),
    "partners:partnership_create": Route(STAFF),
    "partners:partnership_detail": Route(READERS, _kw(slug="partnership_slug")),
    "partners:partnership_edit": Route(STAFF, _kw(slug="partnership_slug")),
    "partners:membership_create": Route(STAFF, _kw(slug="partnership_slug")),
    "partners:membership_edit": Route(STAFF, _kw(slug="partnership_slug", pk="membership_pk")),
    "partners:membership_delete": Route(STAFF, _kw(slug="partnership_slug", pk="membership_pk")),
    "partners:organisation_list": Route(READERS),
    "partners:organisation_create": Route(STAFF),
    "partners:organisation_detail": Route(READERS, _kw(pk="organisation_pk")),
    "partners:organisation_edit": Route(STAFF, _kw(pk="organisation_pk")),
    "partners:work_stream_list": Route(READERS),
    "accountability:meeting_list": Route(READERS),
    "accountability:meeting_create": Route(STAFF),
    "accountability:meeting_detail": Route(READERS, _kw(slug="meeting_slug")),
    "accountability:meeting_edit": Route(STAFF, _kw(slug="meeting_slug")),
    "accountability:agenda_item_create": Route(STAFF, _kw(slug="meeting_slug")),
    "accountability:agenda_item_edit": Route(STAFF, _kw(slug="meeting_slug", pk="agenda_item_pk")),
    "accountability:recommendation_create": Route(STAFF, _kw(slug="meeting_slug")),
    "accountability:recommendation_edit": Route(
        STAFF, _kw(slug="meeting_slug", pk="recommendation_pk")
    ),
    "accountability:panel_question_list": Route(READERS),
    "accountability:panel_question_detail": Route(READERS, _kw(pk="panel_question_pk")),
    "accountability:panel_question_create": Route(STAFF, _kw(slug="meeting_slug")),
    "accountability:panel_question_edit": Route(STAFF, _kw(pk="panel_question_pk")),
    # Indicators, their figures and data-quality flags.
    "performance:indicator_list": Route(READERS),
    "performance:indicator_detail": Route(READERS, _kw(code="indicator_code")),
    "performance:data_quality": Route(READERS),
    "performance:flag_acknowledge": Route(
        STAFF, lambda w: {"pk": w.flagged_observation_pk, "kind": "percentage"}
    ),
    # Importing indicator definitions and figures.
    "performance:import_upload": Route(STAFF),
    "performance:import_preview": Route(STAFF),
    "performance:import_apply": Route(STAFF, post_only=True),
    "performance:import_template": Route(STAFF, lambda w: {"kind": "figures", "fmt": "xlsx"}),
    "reports:report_list": Route(READERS),
    "reports:report_create": Route(STAFF),
    # The sample report is a draft: members read final reports only.
    "reports:report_detail": Route(STAFF, _kw(pk="report_pk")),
    "reports:report_edit": Route(STAFF, _kw(pk="report_pk")),
    "reports:report_finalise": Route(STAFF, _kw(pk="report_pk")),
    "reports:report_download": Route(STAFF, lambda w: {"pk": w.report_pk, "fmt": "html"}),
    # Area pages: police.uk street crime for the force and each district.
    "opendata:area_list": Route(READERS),
    "opendata:area_force": Route(READERS),
    "opendata:area_district": Route(READERS, _kw(district="district_slug")),
    # Neighbourhoods (named sets of police.uk LSOAs).
    "opendata:neighbourhood_list": Route(READERS),
    "opendata:neighbourhood_create": Route(STAFF),
    "opendata:neighbourhood_detail": Route(READERS, _kw(slug="neighbourhood_slug")),
    "opendata:neighbourhood_edit": Route(STAFF, _kw(slug="neighbourhood_slug")),
    # Stop and search for the Independent Scrutiny Group, and the population figures behind it.
    "opendata:stop_search": Route(READERS),
    "opendata:population_figure_list": Route(READERS),
    "opendata:population_figure_create": Route(STAFF),
    "opendata:population_figure_edit": Route(STAFF, _kw(pk="population_figure_pk")),
}


class World:
    """One of everything a URL can point at."""

    def __init__(self):
        priority = PriorityFactory()
        self.theme_slug = priority.objective.theme.slug
        self.objective_pk = priority.objective.pk
        self.priority_pk = priority.pk
        other = OrganisationFactory(name="Another organisation")
        draft = DeliveryUpdateFactory(priority=priority, state=DeliveryUpdate.State.DRAFT)
        draft.organisations.set([other])
        self.draft_update_pk = draft.pk
        self.approved_update_pk = DeliveryUpdateFactory(priority=priority).pk
        self.action_pk = ActionFactory(priority=priority, owner=other).pk
        meeting = MeetingFactory(date=dt.date(2019, 11, 13))
        self.meeting_slug = meeting.slug
        item = AgendaItemFactory(meeting=meeting, theme=priority.objective.theme)
        self.agenda_item_pk = item.pk
        self.recommendation_pk = RecommendationFactory(agenda_item=item).pk
        self.panel_question_pk = PanelQuestionFactory(meeting=meeting).pk
        membership = MembershipFactory()
        self.partnership_slug = membership.partnership.slug
        self.membership_pk = membership.pk
        self.organisation_pk = other.pk
        self.work_stream_pk = WorkStreamFactory().pk
        self.report_pk = report_create(
            theme=priority.objective.theme, meeting=meeting, user=None
        ).pk
        indicator = IndicatorFactory(unit=Indicator.Unit.PERCENTAGE, decimals=1)
        indicator.priorities.add(priority)
        self.indicator_code = indicator.code
        # Printed 30.0%, but 420 of 1,381 is 30.41%: a flag to acknowledge.
        self.flagged_observation_pk = ObservationFactory(
            indicator=indicator, value=30.41, numerator=420, denominator=1381, stated_value="30.0"
        ).pk
        self.neighbourhood_slug = NeighbourhoodFactory(name="Arbury", slug="arbury").slug
        self.district_slug = "south-cambridgeshire"
        LsoaFactory(district_name="South Cambridgeshire")
        StopSearchFactory()
        self.population_figure_pk = PopulationFigureFactory().pk
        self.users = {
            "partner": PartnerFactory(username="matrix-partner"),
            "member": MemberFactory(username="matrix-member"),
            "officer": OfficerFactory(username="matrix-officer"),
            "administrator": AdministratorFactory(username="matrix-admin"),
        }
        self.extra = {}

    def __getattr__(self, name):
        try:
            return self.__dict__["extra"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def _walk(patterns, namespace=None, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns and namespace and entry.namespace:
                ns = f"{namespace}:{entry.namespace}"
            yield from _walk(entry.url_patterns, ns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield name, prefix + str(entry.pattern)


def all_urls():
    return list(_walk(get_resolver().url_patterns))


def test_every_url_has_a_name_and_an_access_rule():
    missing = []
    for name, pattern in all_urls():
        if pattern.startswith("admin/"):
            continue  # the admin site: see test_admin_site_is_for_administrators_only
        if name is None:
            missing.append(f"(unnamed) {pattern}")
        elif name not in ROUTES:
            missing.append(f"{name}  ({pattern})")
    assert not missing, (
        "These URLs have no entry in ROUTES (planwatch/core/tests/test_url_permissions.py); "
        "add one saying which roles may use them:\n" + "\n".join(missing)
    )


def test_routes_table_has_no_stale_entries():
    names = {name for name, _ in all_urls()}
    assert set(ROUTES) <= names, f"Routes not in the URL configuration: {set(ROUTES) - names}"


@pytest.fixture
def world(db):
    return World()


def _client(client, world, role):
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def _denied(response, role) -> bool:
    if role == "anonymous":
        return response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    return response.status_code in (403, 404)


@pytest.mark.parametrize("role", ROLES)
def test_roles_reach_only_what_they_may(client, world, role):
    problems = []
    for name, route in ROUTES.items():
        kwargs = route.kwargs(world) if route.kwargs else {}
        url = reverse(name, kwargs=kwargs)
        client.logout()
        c = _client(client, world, role)
        allowed = role in route.allowed
        get = c.get(url)
        if allowed:
            expected = (405,) if route.post_only else (200, 302)
            if get.status_code not in expected:
                problems.append(
                    f"{role} GET {url} ({name}): {get.status_code}, expected {expected}"
                )
        else:
            if not (_denied(get, role) or (route.post_only and get.status_code == 405)):
                problems.append(f"{role} GET {url} ({name}) was not refused: {get.status_code}")
            post = c.post(url, {})
            if not _denied(post, role):
                problems.append(f"{role} POST {url} ({name}) was not refused: {post.status_code}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ROLES)
def test_admin_site_is_for_administrators_only(client, world, role):
    c = _client(client, world, role)
    for name, pattern in all_urls():
        if not (name and name.startswith("admin:")) or "<" in pattern:
            continue
        try:
            url = reverse(name)
        except Exception:  # noqa: BLE001, S112 - admin URLs that need arguments
            continue
        response = c.get(url)
        if role == "administrator":
            # Some admin pages refuse by design (the activity log cannot be added to).
            assert response.status_code < 500, (url, response.status_code)
        elif name not in ("admin:login", "admin:logout"):
            assert response.status_code in (302, 403), (role, url, response.status_code)
            if response.status_code == 302:
                assert "/admin/login/" in response["Location"], (url, response["Location"])
