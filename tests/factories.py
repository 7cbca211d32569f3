"""Factories for the core models. Municipalities come from the reference-data migration."""

import factory
from django_scopes import scopes_disabled

from styrbord.core.models import Membership, Municipality, OrgUnit, OrgUnitKind, Person, Role, User
from styrbord.core.services import changes


def municipality(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.dk")
    password = factory.PostGenerationMethodCall("set_password", "korrekt-hest-batteri")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.LazyFunction(lambda: municipality("0707"))
    role = Role.EDITOR

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return model_class._base_manager.create(*args, **kwargs)


class OrgUnitFactory(factory.django.DjangoModelFactory):
    """Creates through the change-logging service, like the application does."""

    class Meta:
        model = OrgUnit

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    name = factory.Sequence(lambda n: f"Enhed {n}")
    kind = OrgUnitKind.DEPARTMENT
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return changes.create(model_class(*args, **kwargs), actor=None)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    name = factory.Faker("name", locale="da_DK")
    title = "Konsulent"
    email = factory.Sequence(lambda n: f"person{n}@example.dk")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return changes.create(model_class(*args, **kwargs), actor=None)
