"""Factories for benefits realisation, written through the change log like the services."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.benefits.models import (
    Benefit,
    BusinessCase,
    Category,
    CostKind,
    CostLine,
    CostType,
    Direction,
    MapNode,
    NodeKind,
)
from styrbord.benefits.services.measurements import record_measurement, refresh_derived
from styrbord.core.services import changes
from tests.factories import PersonFactory
from tests.portfolio.factories import ProjectFactory


class _LoggedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return changes.create(model_class(*args, **kwargs), actor=None)


class ManagerFactory(PersonFactory):
    is_manager = True


class BenefitFactory(_LoggedFactory):
    """Case-handling time falling from 20 to 12 days, owned by a manager."""

    class Meta:
        model = Benefit

    project = factory.SubFactory(ProjectFactory)
    municipality = factory.SelfAttribute("project.municipality")
    title = factory.Sequence(lambda n: f"Gevinst {n}")
    category = Category.QUALITY
    owner = factory.SubFactory(ManagerFactory, municipality=factory.SelfAttribute("..municipality"))
    measure = "Sagsbehandlingstid"
    unit = "dage"
    direction = Direction.LOWER
    baseline_value = Decimal(20)
    baseline_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=90))
    target_expected = Decimal(12)
    target_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        benefit = super()._create(model_class, *args, **kwargs)
        with scopes_disabled():
            refresh_derived(benefit)
        return benefit


def measure(benefit: Benefit, value, days_ago: int = 0, actor=None):
    with scopes_disabled():
        return record_measurement(
            benefit,
            actor=actor,
            measured_on=timezone.localdate() - datetime.timedelta(days=days_ago),
            value=Decimal(value),
        )


class CaseFactory(_LoggedFactory):
    class Meta:
        model = BusinessCase

    project = factory.SubFactory(ProjectFactory)
    municipality = factory.SelfAttribute("project.municipality")
    start_year = 2026
    horizon_years = 5
    discount_rate = Decimal("3.5")


class CostFactory(_LoggedFactory):
    class Meta:
        model = CostLine

    case = factory.SubFactory(CaseFactory)
    municipality = factory.SelfAttribute("case.municipality")
    kind = CostKind.ONE_OFF
    cost_type = CostType.CONSULTANTS
    year = factory.SelfAttribute("case.start_year")
    minimum = Decimal(100_000)
    likely = Decimal(100_000)
    maximum = Decimal(100_000)


class NodeFactory(_LoggedFactory):
    class Meta:
        model = MapNode

    project = factory.SubFactory(ProjectFactory)
    municipality = factory.SelfAttribute("project.municipality")
    kind = NodeKind.DELIVERABLE
    label = factory.Sequence(lambda n: f"Leverance {n}")
