import datetime as dt

import factory

from planwatch.accountability.models import AgendaItem, Body, Meeting, PanelQuestion, Recommendation


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        django_get_or_create = ("body", "date")

    body = Body.PANEL
    date = factory.Sequence(lambda n: dt.date(2019, 1, 15) + dt.timedelta(days=31 * n))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    agenda_item = factory.SubFactory(AgendaItemFactory)
    text = "The Panel is recommended to note the report."


class PanelQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelQuestion

    meeting = factory.SubFactory(MeetingFactory)
    question = factory.Sequence(lambda n: f"Question {n}?")
    asked_by = "A Panel member"
