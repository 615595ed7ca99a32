"""One factory per role: ``OfficerFactory()``, ``PartnerFactory()``..."""

import factory

from planwatch.accounts.models import User
from planwatch.accounts.roles import Role

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = Role.MEMBER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AdministratorFactory(UserFactory):
    role = Role.ADMINISTRATOR
    is_staff = True


class OfficerFactory(UserFactory):
    role = Role.OFFICER


class MemberFactory(UserFactory):
    role = Role.MEMBER


class PartnerFactory(UserFactory):
    role = Role.PARTNER
    organisation = factory.SubFactory("planwatch.partners.tests.factories.OrganisationFactory")
