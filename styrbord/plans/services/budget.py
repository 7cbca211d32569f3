"""The digitalisation budget: the pool per year and what is allocated from it.

Money leaves the pool in two ways: allocations on the action plan's items, and direct
allocations to projects the steering group funds outside the plan (the innovation group's).
The plan's share is the larger of its approved version and the version being worked on, so
that neither a draft revision nor a direct allocation can push the total past the pool.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only, same_municipality
from styrbord.plans import policy
from styrbord.plans.models import (
    OPEN_STATES,
    ActionPlanItem,
    BudgetAllocation,
    BudgetPool,
    PlanVersion,
    VersionState,
)
from styrbord.plans.services._common import require

ALLOCATION_FIELDS = {"project", "amount", "purpose", "body", "decided_on", "agenda_item"}
ZERO = Decimal(0)


def kr(amount: Decimal) -> str:
    return f"{amount:,.0f}".replace(",", ".") + " kr."


def governing_versions(municipality: Municipality, year: int) -> list[PlanVersion]:
    """The versions of the year's plan that hold money: the latest approved one and the
    one being worked on."""
    versions = list(
        PlanVersion.objects.filter(plan__municipality=municipality, plan__year=year).order_by(
            "-number"
        )
    )
    approved = next((v for v in versions if v.state == VersionState.APPROVED), None)
    open_ = next((v for v in versions if v.state in OPEN_STATES), None)
    return [v for v in (approved, open_) if v is not None]


def plan_total(version: PlanVersion) -> Decimal:
    return (
        ActionPlanItem.objects.filter(plan_version=version).aggregate(
            total=Sum("allocated_amount")
        )["total"]
        or ZERO
    )


def direct_total(pool: BudgetPool, *, excluding: BudgetAllocation | None = None) -> Decimal:
    allocations = BudgetAllocation.objects.filter(pool=pool)
    if excluding is not None:
        allocations = allocations.exclude(pk=excluding.pk)
    return allocations.aggregate(total=Sum("amount"))["total"] or ZERO


def plan_share(pool: BudgetPool, *, replacing: dict[int, Decimal] | None = None) -> Decimal:
    totals = {v.pk: plan_total(v) for v in governing_versions(pool.municipality, pool.year)}
    totals.update(replacing or {})
    return max(totals.values(), default=ZERO)


def committed(pool: BudgetPool) -> Decimal:
    return direct_total(pool) + plan_share(pool)


def check_plan_allocation(
    version: PlanVersion, amount: Decimal, *, replacing: Decimal = ZERO
) -> None:
    """Refuse an item allocation that would take the version past the year's pool."""
    if amount < 0:
        raise ValidationError({"allocated_amount": _("An amount cannot be negative.")})
    if amount == 0:
        return
    year = version.plan.year
    pool = (
        BudgetPool.objects.select_for_update()
        .filter(municipality=version.municipality, year=year)
        .first()
    )
    if pool is None:
        raise ValidationError(
            {
                "allocated_amount": _(
                    "There is no digitalisation budget for %(year)s. Create it before allocating."
                )
                % {"year": year}
            }
        )
    version_total = plan_total(version) - replacing + amount
    available = pool.amount - direct_total(pool)
    if version_total > available:
        raise ValidationError(
            {
                "allocated_amount": _(
                    "This is more than the budget allows: the plan can have %(available)s in "
                    "all, and its items would then have %(total)s."
                )
                % {"available": kr(available), "total": kr(version_total)}
            }
        )


def create_pool(
    *, municipality: Municipality, actor: User | None, year: int, amount: Decimal, note: str = ""
) -> BudgetPool:
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    if BudgetPool.objects.filter(municipality=municipality, year=year).exists():
        raise ValidationError(
            {"year": _("There is already a budget for %(year)s.") % {"year": year}}
        )
    return changes.create(
        BudgetPool(municipality=municipality, year=year, amount=amount, note=note), actor=actor
    )


@transaction.atomic
def update_pool(
    pool: BudgetPool, *, actor: User | None, expected_version: int, **data: Any
) -> BudgetPool:
    if actor is not None:
        require(policy.can_edit(actor, pool.municipality))
    only(data, {"amount", "note"})
    amount = data.get("amount")
    if amount is not None:
        already = committed(pool)
        if amount < already:
            raise ValidationError(
                {
                    "amount": _("%(committed)s is already allocated; the budget cannot be smaller.")
                    % {"committed": kr(already)}
                }
            )
    return changes.update(pool, actor=actor, expected_version=expected_version, changes=data)


def _check_allocation(
    pool: BudgetPool, data: dict[str, Any], *, editing: BudgetAllocation | None
) -> None:
    same_municipality(
        pool.municipality,
        project=data.get("project"),
        body=data.get("body"),
        agenda_item=data.get("agenda_item"),
    )
    amount = data.get("amount")
    if amount is None:
        return
    if amount <= 0:
        raise ValidationError({"amount": _("An allocation must be more than 0 kr.")})
    available = pool.amount - direct_total(pool, excluding=editing) - plan_share(pool)
    if amount > available:
        raise ValidationError(
            {
                "amount": _("Only %(available)s is left in the budget.")
                % {"available": kr(max(available, ZERO))}
            }
        )
    decided_on: datetime.date | None = data.get("decided_on")
    if decided_on is not None and decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("A decision cannot be dated in the future.")})


@transaction.atomic
def allocate(pool: BudgetPool, *, actor: User | None, **data: Any) -> BudgetAllocation:
    """Set money aside from the pool for a project outside the plan."""
    if actor is not None:
        require(policy.can_edit(actor, pool.municipality))
    only(data, ALLOCATION_FIELDS)
    # Lock the pool so that two allocations at once cannot both fit the same remainder.
    BudgetPool.objects.select_for_update().filter(pk=pool.pk).first()
    _check_allocation(pool, data, editing=None)
    return changes.create(
        BudgetAllocation(municipality=pool.municipality, pool=pool, **data), actor=actor
    )


@transaction.atomic
def update_allocation(
    allocation: BudgetAllocation, *, actor: User | None, expected_version: int, **data: Any
) -> BudgetAllocation:
    if actor is not None:
        require(policy.can_edit(actor, allocation.municipality))
    only(data, ALLOCATION_FIELDS)
    BudgetPool.objects.select_for_update().filter(pk=allocation.pool_id).first()
    _check_allocation(allocation.pool, data, editing=allocation)
    return changes.update(allocation, actor=actor, expected_version=expected_version, changes=data)


def delete_allocation(allocation: BudgetAllocation, *, actor: User | None) -> None:
    if actor is not None:
        require(policy.can_edit(actor, allocation.municipality))
    changes.delete(allocation, actor=actor)
