"""The ``demo`` command: what it loads from the OPCC's reports, and that loading it again
changes nothing.

The dataset is loaded once for the module inside a transaction that is rolled back at the end;
each test runs in a savepoint within it.
"""

import datetime as dt
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from planwatch.accountability.models import Meeting, PanelQuestion
from planwatch.accounts.models import User
from planwatch.core.models import ActivityLog
from planwatch.partners.models import Membership, Partnership, WorkStream
from planwatch.places.models import Area
from planwatch.plan.models import Action, DeliveryUpdate, Priority, Theme

EDUCATE = (
    "Educate and support local people to recognise vulnerable members of their community and "
    "know how to help them"
)

# The CAPASP Board as the July 2019 Board report lists it (paragraph 5.3).
CAPASP_BOARD = {
    "Age UK Cambridgeshire and Peterborough",
    "Fenland Community Safety Partnership",
    "The Bobby Scheme",
    "NatWest Bank",
    "Cambridgeshire Constabulary",
    "Neighbourhood Watch Cambridgeshire",
    "Cambridgeshire County Council",
    "Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough",
    "Cambridgeshire Fire and Rescue Service",
    "Peterborough City Council",
    "Care Network",
    "Safe Local Trades",
    "Citizens Advice Peterborough",
    "South Cambridgeshire Community Safety Partnership",
    "East Cambridgeshire Community Safety Partnership",
    "Wisbech Town Council",
    "Eastern Region Special Operations Unit",
}


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker):
    """The output of the first ``planwatch demo``; the data stays for the module's tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("demo", allow_without_debug=True, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(first_run, db):
    return first_run


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_first_run_says_what_it_loaded_and_how_to_sign_in(demo):
    assert "Loaded the demo dataset:" in demo
    assert "  Priorities: 10\n" in demo
    assert "  Panel questions: 5\n" in demo
    assert "Demo logins (password: planwatch-demo)" in demo
    for username in ("admin", "officer", "member", "partner"):
        assert f"  {username} " in demo
    assert "Open http://127.0.0.1:8000" in demo


def test_loading_again_changes_nothing_and_records_nothing(demo):
    counts = _row_counts()
    last_log = ActivityLog.objects.order_by("-id").values_list("id", flat=True).first()

    out = StringIO()
    call_command("demo", allow_without_debug=True, stdout=out)

    assert _row_counts() == counts
    assert ActivityLog.objects.order_by("-id").values_list("id", flat=True).first() == last_log
    assert "Demo data already loaded: nothing changed" in out.getvalue()
    assert "Demo logins (password: planwatch-demo)" in out.getvalue()
    assert "Open http://127.0.0.1:8000" in out.getvalue()


def test_the_history_shows_rows_came_from_the_demo_dataset(demo):
    update = DeliveryUpdate.objects.filter(priority__title=EDUCATE).first()
    entry = ActivityLog.objects.get(object_id=str(update.pk), content_type__model="deliveryupdate")
    assert entry.action == ActivityLog.Action.CREATE
    assert entry.actor == "Demo dataset"


def test_places_have_their_official_codes(demo):
    force = Area.objects.get(gss_code="E23000023")
    assert force.name == "Cambridgeshire and Peterborough"
    districts = {a.gss_code: a.name for a in Area.objects.filter(parent=force)}
    assert districts == {
        "E07000008": "Cambridge",
        "E07000009": "East Cambridgeshire",
        "E07000010": "Fenland",
        "E07000011": "Huntingdonshire",
        "E07000012": "South Cambridgeshire",
        "E06000031": "Peterborough",
    }
    arbury = Area.objects.get(name="Arbury")
    assert arbury.area_type == Area.AreaType.WARD
    assert arbury.parent.name == "Cambridge"


def test_the_plan_has_four_themes_and_communities_has_its_aim_and_outcome(demo):
    themes = Theme.objects.filter(plan__slug="2017-2021").order_by("number")
    assert [(t.number, t.slug) for t in themes] == [
        (1, "victims"),
        (2, "offenders"),
        (3, "communities"),
        (4, "transformation"),
    ]
    communities = themes.get(slug="communities")
    assert communities.aim == "Support safer and stronger communities"
    assert communities.shared_outcome == (
        "Communities have confidence in how we respond to their needs"
    )
    assert communities.plan.start_date == dt.date(2017, 4, 1)
    assert communities.plan.end_date == dt.date(2021, 3, 31)
    assert not themes.get(slug="victims").objectives.exists()
    assert themes.get(slug="transformation").objectives.count() == 4


def test_communities_has_three_objectives_and_ten_priorities_worded_as_the_panel_report(demo):
    theme = Theme.objects.get(plan__slug="2017-2021", slug="communities")
    objectives = list(theme.objectives.order_by("number"))
    assert [o.title for o in objectives] == [
        "Joining-up service provision to listen and respond to day to day community safety issues",
        "Increase public involvement to improve community understanding and resilience",
        "Inspire all public servants to maintain the highest levels of ethical behaviour to "
        "ensure public confidence and trust",
    ]
    priorities = Priority.objects.filter(objective__theme=theme)
    assert priorities.count() == 10
    assert [o.priorities.count() for o in objectives] == [5, 3, 2]
    titles = set(priorities.values_list("title", flat=True))
    assert EDUCATE in titles
    assert (
        "Bring together services and systems to respond to community issues in a sustained and "
        "co-ordinated way e.g. co-location, aligned activity and information sharing"
    ) in titles
    assert (
        "Reassure the public of the Constabulary’s commitment to local policing to maintain "
        "public confidence and deal with issues of local concern such as road safety, "
        "anti-social behaviour and Hate Crime"
    ) in titles
    assert (
        "Build relationships with communities to gather information and intelligence to "
        "prevent crime: high levels of witnesses, low levels of crime"
    ) in titles
    assert priorities.get(title=EDUCATE).objective == objectives[1]


def test_the_educate_priority_carries_the_scams_partnership_updates(demo):
    updates = DeliveryUpdate.objects.approved().filter(priority__title=EDUCATE)
    capasp = Partnership.objects.get(short_name="CAPASP")
    scams = updates.filter(partnerships=capasp)
    assert scams.filter(narrative__contains="Against Scams").exists()
    assert {u.date for u in scams} == {dt.date(2019, 7, 31), dt.date(2019, 11, 13)}
    board_list = scams.get(source="Police and Crime Panel, November 2019, paragraph 5.8.3")
    assert board_list.organisations.count() == 17


def test_updates_are_approved_dated_by_their_report_and_say_where_they_came_from(demo):
    updates = DeliveryUpdate.objects.all()
    assert updates.count() > 50
    assert not updates.exclude(state=DeliveryUpdate.State.APPROVED).exists()
    assert not updates.filter(source="").exists()
    meeting_dates = set(Meeting.objects.values_list("date", flat=True))
    assert set(updates.values_list("date", flat=True)) <= meeting_dates
    arbury = updates.get(
        title="Safer Streets Fund bid of over £545k for the Arbury area of Cambridge"
    )
    assert arbury.areas.filter(name="Arbury").exists()
    assert arbury.source == "Business Coordination Board, November 2020, paragraphs 5.8–5.9"
    bullets = updates.get(source="Police and Crime Panel, November 2019, paragraph 5.1.4")
    assert "\n\n- Healthy and Safer Schools\n- Children’s Early Help\n" in bullets.narrative
    assert bullets.work_streams.count() == 5


def test_capasp_has_every_board_member_and_its_other_tiers(demo):
    capasp = Partnership.objects.get(
        name="Cambridgeshire and Peterborough Against Scams Partnership"
    )
    assert capasp.short_name == "CAPASP"
    assert capasp.established == dt.date(2018, 12, 1)
    board = capasp.memberships.filter(role__in=[Membership.Role.CHAIR, Membership.Role.MEMBER])
    assert set(board.values_list("organisation__name", flat=True)) == CAPASP_BOARD
    supporters = capasp.memberships.filter(role=Membership.Role.SUPPORTER)
    assert "Barclays Bank" in set(supporters.values_list("organisation__name", flat=True))


def test_partnerships_and_work_streams(demo):
    countywide = Partnership.objects.get(name="Countywide Community Safety Strategic Board")
    groups = countywide.children.filter(partnership_type="delivery_group")
    assert groups.count() == 7
    csps = Partnership.objects.filter(partnership_type="csp")
    assert set(csps.values_list("short_name", flat=True)) == {
        "Cambridge City CSP",
        "East Cambridgeshire CSP",
        "Fenland CSP",
        "Huntingdonshire CSP",
        "South Cambridgeshire CSP",
        "Safer Peterborough",
    }
    assert not csps.filter(area__isnull=True).exists()
    assert WorkStream.objects.filter(framework="think_communities").count() == 8
    assert WorkStream.objects.filter(framework="community_safety_agreement").count() == 5
    matrix = WorkStream.objects.filter(framework="partnership_matrix")
    assert set(matrix.values_list("tier", flat=True)) == {"primary", "secondary", "tertiary"}
    for name in ("Vision Zero Partnership", "Think Communities Executive Board"):
        assert Partnership.objects.filter(name=name).exists()
    assert Partnership.objects.filter(short_name__in=["BCH", "7F"]).count() == 2


def test_meetings_have_their_slugs_and_theme_reports(demo):
    expected = {
        "board-2018-11": dt.date(2018, 11, 1),
        "board-2019-07": dt.date(2019, 7, 31),
        "board-2020-02": dt.date(2020, 2, 25),
    }
    for slug, date in expected.items():
        assert Meeting.objects.get(slug=slug).date == date
    panel = Meeting.objects.get(slug="panel-2019-11")
    assert panel.is_panel
    item = panel.agenda_items.get()
    assert item.theme.slug == "communities"
    assert (
        item.recommendations.get().text == "The Panel is recommended to note the attached reports."
    )
    transformation = Meeting.objects.get(slug="board-2020-02").agenda_items.get()
    assert transformation.theme.slug == "transformation"


def test_the_panel_meeting_has_its_five_answered_questions(demo):
    questions = PanelQuestion.objects.filter(meeting__slug="panel-2019-11").order_by("id")
    assert questions.count() == 5
    assert set(questions.values_list("status", flat=True)) == {PanelQuestion.Status.ANSWERED}
    assert set(questions.values_list("theme__slug", flat=True)) == {"communities"}
    first = questions.first()
    assert first.question.startswith("Given that Huntingdonshire and Peterborough are the pilot")
    assert first.question.endswith("before Place-Based Boards are rolled out elsewhere?")
    assert "\n\n- providing strategic advice and setting the framework" in first.response
    brexit = questions.get(question__contains="post Brexit")
    assert brexit.priority.title.startswith("Reassure the public")


def test_next_steps_are_open_actions_owned_by_the_opcc(demo):
    step = Action.objects.get(description="Promoting development of a system wide youth strategy.")
    assert step.owner.short_name == "OPCC"
    assert step.status == Action.Status.OPEN
    assert step.due_date is None
    assert Action.objects.filter(description__contains="Rural Crime Advisory Group").exists()
    assert Action.objects.filter(description__contains="de-criminalisation of parking").exists()


@pytest.mark.parametrize(
    ("username", "role"),
    [
        ("admin", "administrator"),
        ("officer", "officer"),
        ("member", "member"),
        ("partner", "partner"),
    ],
)
def test_the_demo_users_can_sign_in_with_the_printed_password(demo, client, username, role):
    user = User.objects.get(username=username)
    assert user.role == role
    assert client.login(username=username, password="planwatch-demo")


def test_the_partner_works_for_age_uk(demo):
    partner = User.objects.get(username="partner")
    assert partner.organisation.name == "Age UK Cambridgeshire and Peterborough"
    assert DeliveryUpdate.objects.filter(organisations=partner.organisation).exists()
    officer = User.objects.get(username="officer")
    assert officer.get_full_name() == "Olivia Officer"
