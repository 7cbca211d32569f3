"""Factories for the action plan and budget. Plans are made by the service so that a new
plan has its first version and default criteria, as in the application."""

import datetime
from decimal import Decimal

import factory
from django_scopes import scopes_disabled

from styrbord.core.services import changes
from styrbord.plans.models import (
    ActionPlan,
    ActionPlanItem,
    BudgetAllocation,
    BudgetPool,
    PlanVersion,
)
from styrbord.plans.services import plans as plan_services
from tests.factories import municipality
from tests.portfolio.factories import ProjectFactory


def make_plan(municipality_=None, year: int = 2026, **data) -> ActionPlan:
    with scopes_disabled():
        return plan_services.create_plan(
            municipality=municipality_ or municipality("0707"), actor=None, year=year, **data
        )


def first_version(plan: ActionPlan) -> PlanVersion:
    with scopes_disabled():
        return PlanVersion.objects.get(plan=plan, number=1)


class _LoggedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return changes.create(model_class(*args, **kwargs), actor=None)


class ItemFactory(_LoggedFactory):
    """An activity (no project) at the given rank; pass ``project`` for a project item."""

    class Meta:
        model = ActionPlanItem

    plan_version = factory.LazyFunction(lambda: first_version(make_plan()))
    municipality = factory.SelfAttribute("plan_version.municipality")
    title = factory.Sequence(lambda n: f"Indsats {n}")
    rank = factory.LazyAttribute(lambda o: o.plan_version.items.count() + 1)


class PoolFactory(_LoggedFactory):
    class Meta:
        model = BudgetPool

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    year = 2026
    amount = Decimal("2000000")


class AllocationFactory(_LoggedFactory):
    class Meta:
        model = BudgetAllocation

    pool = factory.SubFactory(PoolFactory)
    municipality = factory.SelfAttribute("pool.municipality")
    project = factory.SubFactory(
        ProjectFactory, municipality=factory.SelfAttribute("..municipality")
    )
    amount = Decimal("100000")
    decided_on = datetime.date(2026, 2, 1)
