import datetime as dt

import factory

from planwatch.plan.models import Action, DeliveryUpdate, Objective, Plan, Priority, Theme


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("slug",)

    name = "Police and Crime Plan 2017-2021"
    slug = "2017-2021"
    start_date = dt.date(2017, 4, 1)
    end_date = dt.date(2021, 3, 31)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    aim = "Support safer and stronger communities"
    shared_outcome = "Communities have confidence in how we respond to their needs"


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    theme = factory.SubFactory(ThemeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Objective {n}")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    objective = factory.SubFactory(ObjectiveFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority for action {n}")


class DeliveryUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeliveryUpdate

    priority = factory.SubFactory(PriorityFactory)
    date = dt.date(2019, 10, 1)
    title = factory.Sequence(lambda n: f"Update {n}")
    narrative = "The partnership met and agreed a plan."
    status = "on_track"
    state = DeliveryUpdate.State.APPROVED


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    priority = factory.SubFactory(PriorityFactory)
    description = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory("planwatch.partners.tests.factories.OrganisationFactory")
    due_date = dt.date(2020, 3, 31)
