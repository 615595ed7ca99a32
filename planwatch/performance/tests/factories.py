from decimal import Decimal

import factory

from planwatch.performance.models import Indicator, Observation
from planwatch.performance.periods import parse_period
from planwatch.places.tests.factories import ForceAreaFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"indicator-{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = Indicator.Unit.COUNT
    polarity = Indicator.Polarity.NEITHER
    decimals = 0
    aggregation = Indicator.Aggregation.SUM


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    area = factory.SubFactory(ForceAreaFactory)
    period = "2019-05"
    period_first = factory.LazyAttribute(lambda o: parse_period(o.period).first.start)
    period_last = factory.LazyAttribute(lambda o: parse_period(o.period).last.start)
    breakdown = ""
    value = Decimal("100")
