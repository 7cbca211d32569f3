"""Writing benefits and their realisation profile."""

from typing import Any

from django.db import transaction

from styrbord.benefits import policy
from styrbord.benefits.models import Benefit, ProfilePoint
from styrbord.benefits.services._common import require
from styrbord.benefits.services.measurements import refresh_derived
from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.portfolio.models import Project

BENEFIT_FIELDS = {
    "title",
    "description",
    "category",
    "owner",
    "org_unit",
    "measure",
    "unit",
    "method",
    "direction",
    "baseline_value",
    "baseline_date",
    "baseline_source",
    "target_pessimistic",
    "target_expected",
    "target_optimistic",
    "target_date",
    "value_per_year",
    "status",
    "frequency",
    "share_results",
}


@transaction.atomic
def create_benefit(project: Project, *, actor: User | None, **fields: Any) -> Benefit:
    if actor is not None:
        require(policy.can_edit(actor, project.municipality))
    benefit = Benefit(
        municipality=project.municipality, project=project, **only(fields, BENEFIT_FIELDS)
    )
    changes.create(benefit, actor=actor)
    refresh_derived(benefit)
    return benefit


@transaction.atomic
def update_benefit(
    benefit: Benefit, *, actor: User | None, expected_version: int, **fields: Any
) -> Benefit:
    if actor is not None:
        require(policy.can_edit(actor, benefit.municipality))
    changes.update(
        benefit,
        actor=actor,
        expected_version=expected_version,
        changes=only(fields, BENEFIT_FIELDS),
    )
    if {"frequency", "baseline_date", "status"} & set(fields):
        refresh_derived(benefit)
    return benefit


@transaction.atomic
def delete_benefit(benefit: Benefit, *, actor: User) -> None:
    require(policy.can_edit(actor, benefit.municipality))
    changes.delete(benefit, actor=actor)


@transaction.atomic
def set_profile_point(
    benefit: Benefit, *, actor: User | None, period_end: Any, expected_value: Any, amount: Any
) -> ProfilePoint:
    """Add the profile's point for ``period_end``, or change it if there is one."""
    if actor is not None:
        require(policy.can_edit(actor, benefit.municipality))
    point = ProfilePoint.objects.filter(benefit=benefit, period_end=period_end).first()
    if point is None:
        return changes.create(
            ProfilePoint(
                municipality=benefit.municipality,
                benefit=benefit,
                period_end=period_end,
                expected_value=expected_value,
                amount=amount,
            ),
            actor=actor,
        )
    return changes.update(
        point,
        actor=actor,
        expected_version=point.version,
        changes={"expected_value": expected_value, "amount": amount},
    )


@transaction.atomic
def delete_profile_point(point: ProfilePoint, *, actor: User) -> None:
    require(policy.can_edit(actor, point.municipality))
    changes.delete(point, actor=actor)
