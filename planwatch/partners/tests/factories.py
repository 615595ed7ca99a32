import factory

from planwatch.partners.models import Membership, Organisation, Partnership, WorkStream


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    organisation_type = Organisation.OrganisationType.VOLUNTARY


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnership {n}")
    slug = factory.Sequence(lambda n: f"partnership-{n}")
    partnership_type = Partnership.PartnershipType.PARTNERSHIP


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER


class WorkStreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkStream

    name = factory.Sequence(lambda n: f"Work stream {n}")
    framework = WorkStream.Framework.PARTNERSHIP_MATRIX
    tier = WorkStream.Tier.PRIMARY
