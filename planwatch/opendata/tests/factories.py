"""Factories for police.uk open data: LSOAs, street-crime counts and neighbourhoods."""

from __future__ import annotations

import datetime as dt

import factory

from planwatch.opendata.models import (
    FileKind,
    ForceMonth,
    ImportRun,
    Lsoa,
    Neighbourhood,
    PopulationFigure,
    StopSearch,
    StreetCrimeCount,
)


class LsoaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lsoa
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"E01{900000 + n:06d}")
    district_name = "Cambridge"
    name = factory.LazyAttributeSequence(lambda o, n: f"{o.district_name} {n % 1000:03d}A")


class StreetCrimeCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StreetCrimeCount

    force = "cambridgeshire"
    month = dt.date(2024, 1, 1)
    lsoa_code = factory.LazyAttribute(lambda o: LsoaFactory().code)
    crime_type = "Burglary"
    count = 1


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    """A neighbourhood of one new LSOA, unless ``lsoas=[…]`` is given."""

    class Meta:
        model = Neighbourhood
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Neighbourhood {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))

    @factory.post_generation
    def lsoas(obj, create, extracted, **kwargs):
        if create:
            obj.lsoas.set(extracted if extracted is not None else [LsoaFactory()])


class ForceMonthFactory(factory.django.DjangoModelFactory):
    """A force's month of one kind of file as imported (street crime unless told)."""

    class Meta:
        model = ForceMonth
        django_get_or_create = ("force", "month", "kind")

    force = "cambridgeshire"
    month = dt.date(2024, 1, 1)
    kind = FileKind.STREET
    rows_kept = 0
    rows_set_aside = 0
    run = factory.LazyFunction(lambda: ImportRun.objects.create(actor_label="Tests"))


class StopSearchFactory(factory.django.DjangoModelFactory):
    """One stop-and-search record as published: a White man aged 18-24 searched for drugs,
    no further action, "linked" left blank (as police.uk mostly does)."""

    class Meta:
        model = StopSearch

    force = "cambridgeshire"
    month = dt.date(2024, 1, 1)
    type = "Person search"
    occurred_at = factory.LazyAttribute(
        lambda o: dt.datetime.combine(o.month, dt.time(12), tzinfo=dt.UTC)
    )
    gender = "Male"
    age_range = "18-24"
    self_defined_ethnicity = "White - English/Welsh/Scottish/Northern Irish/British"
    officer_defined_ethnicity = "White"
    legislation = "Misuse of Drugs Act 1971 (section 23)"
    object_of_search = "Controlled drugs"
    outcome = "A no further action disposal"
    outcome_linked_to_object_of_search = None


class PopulationFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PopulationFigure
        django_get_or_create = ("group_by", "group")

    group_by = PopulationFigure.GroupBy.OFFICER_DEFINED_ETHNICITY
    group = "White"
    population = 700_000
    source = "Census 2021, table TS021"
