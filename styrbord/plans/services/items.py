"""The plan's items: adding, editing, ranking, scoring and the resources they ask for."""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from styrbord.core.models import OrgUnit, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only, same_municipality
from styrbord.plans.models import (
    QUARTERS,
    ActionPlanItem,
    Criterion,
    DemandExclusion,
    ItemHours,
    ItemScore,
    PlanVersion,
)
from styrbord.plans.services._common import require_draft, touch_ranking
from styrbord.plans.services.budget import check_plan_allocation
from styrbord.portfolio.models import ENDED_PHASES, Project

ITEM_FIELDS = {"title", "rationale", "requested_amount", "allocated_amount"}


def _check_project(
    version: PlanVersion, project: Project | None, exclude: int | None = None
) -> None:
    if project is None:
        return
    same_municipality(version.municipality, project=project)
    if project.phase in ENDED_PHASES:
        raise ValidationError(
            {
                "project": _("%(project)s is %(phase)s and cannot be planned.")
                % {"project": project, "phase": project.get_phase_display().lower()}
            }
        )
    if version.items.filter(project=project).exclude(pk=exclude).exists():
        raise ValidationError({"project": _("The project is already in the plan.")})


@transaction.atomic
def add_item(
    version: PlanVersion, *, actor: User | None, project: Project | None = None, **data: Any
) -> ActionPlanItem:
    """Add a project or an activity at the bottom of the ranking."""
    require_draft(version, actor)
    only(data, ITEM_FIELDS)
    _check_project(version, project)
    if project is not None and not data.get("title"):
        data["title"] = project.name[:200]
    if data.get("allocated_amount"):
        check_plan_allocation(version, Decimal(data["allocated_amount"]))
    item = changes.create(
        ActionPlanItem(
            municipality=version.municipality,
            plan_version=version,
            project=project,
            rank=version.items.count() + 1,
            **data,
        ),
        actor=actor,
    )
    if project is not None:
        # A project in the plan is covered; it no longer needs a reason for not being.
        for exclusion in DemandExclusion.objects.filter(plan_version=version, project=project):
            changes.delete(exclusion, actor=actor)
    touch_ranking(version, actor=actor)
    return item


@transaction.atomic
def update_item(
    item: ActionPlanItem, *, actor: User | None, expected_version: int, **data: Any
) -> ActionPlanItem:
    require_draft(item.plan_version, actor)
    only(data, ITEM_FIELDS)
    if "allocated_amount" in data and data["allocated_amount"] is not None:
        check_plan_allocation(
            item.plan_version, Decimal(data["allocated_amount"]), replacing=item.allocated_amount
        )
    return changes.update(item, actor=actor, expected_version=expected_version, changes=data)


@transaction.atomic
def delete_item(item: ActionPlanItem, *, actor: User | None) -> None:
    version = item.plan_version
    require_draft(version, actor)
    changes.delete(item, actor=actor)
    _renumber(version, list(version.items.order_by("rank", "id")), actor=actor)
    touch_ranking(version, actor=actor)


def _renumber(
    version: PlanVersion, ordered: Sequence[ActionPlanItem], *, actor: User | None
) -> None:
    for rank, item in enumerate(ordered, start=1):
        if item.rank != rank:
            changes.update(item, actor=actor, expected_version=item.version, changes={"rank": rank})


@transaction.atomic
def move_item(
    item: ActionPlanItem, *, actor: User | None, expected_version: int, direction: str
) -> None:
    """Move an item one place up or down. ``expected_version`` is the plan version's, as
    the page showed it: a move based on an older ranking is refused (``StaleEdit``)."""
    version = item.plan_version
    require_draft(version, actor)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Move up or down.")})
    touch_ranking(version, actor=actor, expected_version=expected_version)
    ordered = list(version.items.order_by("rank", "id"))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    _renumber(version, ordered, actor=actor)


@transaction.atomic
def reorder(
    version: PlanVersion, *, actor: User | None, expected_version: int, order: Sequence[int]
) -> None:
    """Set the whole ranking at once (drag and drop): ``order`` lists every item's id."""
    require_draft(version, actor)
    items = {item.pk: item for item in version.items.all()}
    if sorted(order) != sorted(items):
        raise ValidationError(
            {"order": _("The order must list every item of the plan once. Reload the page.")}
        )
    touch_ranking(version, actor=actor, expected_version=expected_version)
    _renumber(version, [items[pk] for pk in order], actor=actor)


# Scores ---------------------------------------------------------------------------------


@transaction.atomic
def set_score(
    item: ActionPlanItem,
    *,
    actor: User | None,
    criterion: Criterion,
    score: int | None,
    comment: str = "",
) -> ItemScore | None:
    """Score an item 1–5 on a criterion; None clears the score."""
    require_draft(item.plan_version, actor)
    if criterion.plan_version_id != item.plan_version_id:
        raise ValidationError({"criterion": _("Choose a criterion of this plan.")})
    if score is not None and not 1 <= score <= 5:
        raise ValidationError({"score": _("A score is from 1 to 5.")})
    existing = ItemScore.objects.filter(item=item, criterion=criterion).first()
    if score is None:
        if existing is not None:
            changes.delete(existing, actor=actor)
        return None
    if existing is None:
        return changes.create(
            ItemScore(
                municipality=item.municipality,
                item=item,
                criterion=criterion,
                score=score,
                comment=comment,
            ),
            actor=actor,
        )
    return changes.update(
        existing,
        actor=actor,
        expected_version=existing.version,
        changes={"score": score, "comment": comment},
    )


# Hours ----------------------------------------------------------------------------------


@transaction.atomic
def set_hours(
    item: ActionPlanItem,
    *,
    actor: User | None,
    org_unit: OrgUnit,
    quarter: int,
    requested_hours: int,
    allocated_hours: int,
) -> ItemHours | None:
    """Hours an item asks of and is given by an org unit in a quarter; 0 and 0 clears."""
    require_draft(item.plan_version, actor)
    same_municipality(item.municipality, org_unit=org_unit)
    errors = {}
    if quarter not in QUARTERS:
        errors["quarter"] = _("A quarter is 1, 2, 3 or 4.")
    if requested_hours is None or requested_hours < 0:
        errors["requested_hours"] = _("Hours cannot be negative.")
    if allocated_hours is None or allocated_hours < 0:
        errors["allocated_hours"] = _("Hours cannot be negative.")
    if errors:
        raise ValidationError(errors)
    existing = ItemHours.objects.filter(item=item, org_unit=org_unit, quarter=quarter).first()
    if not requested_hours and not allocated_hours:
        if existing is not None:
            changes.delete(existing, actor=actor)
        return None
    values = {"requested_hours": requested_hours, "allocated_hours": allocated_hours}
    if existing is None:
        return changes.create(
            ItemHours(
                municipality=item.municipality,
                item=item,
                org_unit=org_unit,
                quarter=quarter,
                **values,
            ),
            actor=actor,
        )
    return changes.update(existing, actor=actor, expected_version=existing.version, changes=values)
