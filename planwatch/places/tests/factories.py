import factory

from planwatch.places.models import Area


class ForceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("gss_code",)

    name = "Cambridgeshire and Peterborough"
    gss_code = "E23000023"
    area_type = Area.AreaType.FORCE


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("gss_code",)

    name = factory.Sequence(lambda n: f"District {n}")
    gss_code = factory.Sequence(lambda n: f"E07{n:06d}")
    area_type = Area.AreaType.DISTRICT
    parent = factory.SubFactory(ForceAreaFactory)
