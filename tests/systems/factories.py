"""Factories for the IT-system portfolio, written through the change log like the services."""

import datetime

import factory
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.services import changes
from styrbord.systems.deadlines import ByEndOf
from styrbord.systems.models import (
    Contract,
    DataProcessingRegistration,
    ItSystem,
    Lifecycle,
    Role,
    RoleAssignment,
    SecurityIncident,
    Severity,
    Supplier,
    SystemUsage,
)
from tests.factories import PersonFactory, municipality


class _LoggedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return changes.create(model_class(*args, **kwargs), actor=None)


class SupplierFactory(_LoggedFactory):
    class Meta:
        model = Supplier

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    name = factory.Sequence(lambda n: f"Leverandør {n} A/S")
    cvr = factory.Sequence(lambda n: f"{10000000 + n}")


class SystemFactory(_LoggedFactory):
    class Meta:
        model = ItSystem

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    name = factory.Sequence(lambda n: f"System {n}")
    supplier = factory.SubFactory(
        SupplierFactory, municipality=factory.SelfAttribute("..municipality")
    )


class UsageFactory(_LoggedFactory):
    """An operational usage of a local system, with no data-protection facts yet."""

    class Meta:
        model = SystemUsage

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    system = factory.SubFactory(SystemFactory, municipality=factory.SelfAttribute("..municipality"))
    lifecycle = Lifecycle.OPERATIONAL


class ContractFactory(_LoggedFactory):
    """A running contract: started two years ago, three months' notice to the end of a month."""

    class Meta:
        model = Contract

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    name = factory.Sequence(lambda n: f"Kontrakt {n}")
    supplier = factory.SubFactory(
        SupplierFactory, municipality=factory.SelfAttribute("..municipality")
    )
    owner = factory.SubFactory(PersonFactory, municipality=factory.SelfAttribute("..municipality"))
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=730))
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=400))
    notice_months = 3
    notice_by_end_of = ByEndOf.MONTH


class RegistrationFactory(_LoggedFactory):
    class Meta:
        model = DataProcessingRegistration

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    name = factory.Sequence(lambda n: f"Databehandling {n}")


class IncidentFactory(_LoggedFactory):
    class Meta:
        model = SecurityIncident

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    detected_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=5))
    description = "Mail med CPR-numre sendt til forkert modtager"
    severity = Severity.MEDIUM
    personal_data_breach = True


def catalogue_role(key: str) -> Role:
    """A role from the shared catalogue (loaded by migration), e.g. ``system_data_owner``."""
    with scopes_disabled():
        return Role._base_manager.get(key=key, municipality__is_catalogue=True)


def assign(role_key: str, person, **target) -> RoleAssignment:
    """Give ``person`` the catalogue role ``role_key`` on ``target`` (usage=…, contract=…)."""
    with scopes_disabled():
        return changes.create(
            RoleAssignment(
                municipality=person.municipality,
                role=catalogue_role(role_key),
                person=person,
                **target,
            ),
            actor=None,
        )
