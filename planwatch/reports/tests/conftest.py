"""A small Plan to report on: the Communities theme with two objectives and three priorities
for action, updates inside and outside the period, a Panel meeting in November 2019 whose
previous report on the theme went to the Board in July 2019, Panel questions and actions."""

import datetime as dt
from types import SimpleNamespace

import pytest

from planwatch.accountability.models import Body, PanelQuestion
from planwatch.accountability.tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    PanelQuestionFactory,
)
from planwatch.partners.tests.factories import OrganisationFactory
from planwatch.plan.models import Action, DeliveryUpdate
from planwatch.plan.tests.factories import (
    ActionFactory,
    DeliveryUpdateFactory,
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
    ThemeFactory,
)

from .intelligence_data import bi_data  # noqa: F401 - a fixture for every reports test

UPDATE_IN_PERIOD = "Community Safety Officers attended a Think Communities workshop in October."
UPDATE_WITH_LIST = "The following work streams were codified:\n\n- Healthy and Safer Schools\n- Housing Trailblazer"
UPDATE_BEFORE_PERIOD = "An earlier update, reported to the Board in July."
UPDATE_DRAFT = "A draft update that has not been approved."
UPDATE_WORKFORCE = "Recruitment of officers is on track to reach 1,497 by March 2020."


@pytest.fixture
def report_plan(db):
    plan = PlanFactory(start_date=dt.date(2017, 4, 1), end_date=dt.date(2021, 3, 31))
    ThemeFactory(plan=plan, number=1, name="Victims", slug="victims")
    ThemeFactory(plan=plan, number=2, name="Offenders", slug="offenders")
    theme = ThemeFactory(
        plan=plan,
        number=3,
        name="Communities",
        slug="communities",
        aim="Support safer and stronger communities",
        shared_outcome="Communities have confidence in how we respond to their needs",
    )
    ThemeFactory(plan=plan, number=4, name="Transformation", slug="transformation")
    joining_up = ObjectiveFactory(
        theme=theme,
        number=1,
        title="Joining-up service provision to listen and respond to day to day community "
        "safety issues",
    )
    ethics = ObjectiveFactory(
        theme=theme,
        number=2,
        title="Inspire all public servants to maintain the highest levels of ethical behaviour",
    )
    services = PriorityFactory(
        objective=joining_up,
        number=1,
        title="Bring together services and systems to respond to community issues",
    )
    contact = PriorityFactory(
        objective=joining_up,
        number=2,
        title="Ensure the public have easy and effective ways to contact the right service",
    )
    workforce = PriorityFactory(
        objective=ethics,
        number=1,
        title="Ensure a police force that is representative of the communities we serve",
    )
    updates = SimpleNamespace(
        workshop=DeliveryUpdateFactory(
            priority=services, date=dt.date(2019, 10, 15), narrative=UPDATE_IN_PERIOD
        ),
        work_streams=DeliveryUpdateFactory(
            priority=services, date=dt.date(2019, 8, 1), narrative=UPDATE_WITH_LIST
        ),
        earlier=DeliveryUpdateFactory(
            priority=services, date=dt.date(2019, 7, 31), narrative=UPDATE_BEFORE_PERIOD
        ),
        draft=DeliveryUpdateFactory(
            priority=workforce,
            date=dt.date(2019, 9, 1),
            narrative=UPDATE_DRAFT,
            state=DeliveryUpdate.State.DRAFT,
        ),
        recruitment=DeliveryUpdateFactory(
            priority=workforce, date=dt.date(2019, 11, 20), narrative=UPDATE_WORKFORCE
        ),
    )
    board = MeetingFactory(body=Body.BOARD, date=dt.date(2019, 7, 31))
    AgendaItemFactory(meeting=board, number="9.2", title="Communities theme", theme=theme)
    panel = MeetingFactory(body=Body.PANEL, date=dt.date(2019, 11, 20))
    linked_question = PanelQuestionFactory(
        meeting=panel,
        theme=theme,
        priority=services,
        question="What evaluation will be conducted of the Place-Based Board pilots?",
        response="The **Discover, Define, Develop and Deliver** framework builds evaluation in.",
        status=PanelQuestion.Status.ANSWERED,
    )
    general_question = PanelQuestionFactory(
        meeting=panel,
        theme=theme,
        question="How are funding bids from Community Safety Partnerships assessed?",
        response="In proportion to the sums involved.",
        status=PanelQuestion.Status.ANSWERED,
    )
    constabulary = OrganisationFactory(name="Cambridgeshire Constabulary")
    open_action = ActionFactory(
        priority=contact,
        description="Publish the public contact strategy",
        owner=constabulary,
        due_date=dt.date(2020, 3, 31),
    )
    ActionFactory(
        priority=contact,
        description="Launch web-chat",
        owner=constabulary,
        status=Action.Status.DONE,
        completed_on=dt.date(2019, 9, 1),
    )
    return SimpleNamespace(
        plan=plan,
        theme=theme,
        objectives=(joining_up, ethics),
        priorities=SimpleNamespace(services=services, contact=contact, workforce=workforce),
        updates=updates,
        board=board,
        panel=panel,
        linked_question=linked_question,
        general_question=general_question,
        open_action=open_action,
    )


@pytest.fixture
def draft_report(report_plan, officer):
    from planwatch.reports.services import report_create

    return report_create(theme=report_plan.theme, meeting=report_plan.panel, user=officer)
