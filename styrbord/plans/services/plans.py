"""Creating a year's plan, editing its texts, criteria, capacity and coverage, and making a
revision of an approved (or rejected) version."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styrbord.core.models import Municipality, OrgUnit, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only, same_municipality
from styrbord.plans import policy
from styrbord.plans.models import (
    OPEN_STATES,
    QUARTERS,
    ActionPlan,
    ActionPlanItem,
    Capacity,
    Criterion,
    CriterionKind,
    DemandExclusion,
    ItemHours,
    ItemScore,
    PlanVersion,
)
from styrbord.plans.services._common import require, require_draft
from styrbord.portfolio.models import Idea, IdeaStatus, Phase, Project

# The criteria a new plan starts with (name, what a 5 means, direction, weight); the team
# changes them per plan.
DEFAULT_CRITERIA = (
    (
        gettext_lazy("Strategic importance"),
        gettext_lazy("Carries a focus area of the strategy directly."),
        CriterionKind.VALUE,
        30,
    ),
    (
        gettext_lazy("Benefit potential"),
        gettext_lazy("Large, documented benefits for citizens, employees or finances."),
        CriterionKind.VALUE,
        25,
    ),
    (
        gettext_lazy("Legal or fælleskommunal obligation"),
        gettext_lazy("Required by law or agreed in the joint municipal strategy."),
        CriterionKind.VALUE,
        20,
    ),
    (
        gettext_lazy("Risk"),
        gettext_lazy("High risk that the effort fails or is delayed."),
        CriterionKind.COST,
        10,
    ),
    (
        gettext_lazy("Resource demand"),
        gettext_lazy("Needs many hours and much money."),
        CriterionKind.COST,
        15,
    ),
)

PLAN_FIELDS = {"title", "owner_body", "approving_body"}
VERSION_FIELDS = {"introduction", "change_note"}
CRITERION_FIELDS = {"name", "description", "kind", "weight", "position"}


def _check_bodies(municipality: Municipality, data: dict[str, Any]) -> None:
    same_municipality(
        municipality, owner_body=data.get("owner_body"), approving_body=data.get("approving_body")
    )


@transaction.atomic
def create_plan(
    *,
    municipality: Municipality,
    actor: User | None,
    year: int,
    introduction: str = "",
    **data: Any,
) -> ActionPlan:
    """A year's plan with its first version in draft and the default criteria."""
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    only(data, PLAN_FIELDS)
    _check_bodies(municipality, data)
    if ActionPlan.objects.filter(municipality=municipality, year=year).exists():
        raise ValidationError({"year": _("There is already a plan for %(year)s.") % {"year": year}})
    data.setdefault("title", _("Action plan %(year)s") % {"year": year})
    plan = changes.create(ActionPlan(municipality=municipality, year=year, **data), actor=actor)
    version = changes.create(
        PlanVersion(municipality=municipality, plan=plan, number=1, introduction=introduction),
        actor=actor,
    )
    for position, (name, description, kind, weight) in enumerate(DEFAULT_CRITERIA, start=1):
        changes.create(
            Criterion(
                municipality=municipality,
                plan_version=version,
                name=str(name),
                description=str(description),
                kind=kind,
                weight=weight,
                position=position,
            ),
            actor=actor,
        )
    return plan


def update_plan(
    plan: ActionPlan, *, actor: User | None, expected_version: int, **data: Any
) -> ActionPlan:
    if actor is not None:
        require(policy.can_edit(actor, plan.municipality))
    only(data, PLAN_FIELDS)
    _check_bodies(plan.municipality, data)
    return changes.update(plan, actor=actor, expected_version=expected_version, changes=data)


def update_version(
    version: PlanVersion, *, actor: User | None, expected_version: int, **data: Any
) -> PlanVersion:
    require_draft(version, actor)
    only(data, VERSION_FIELDS)
    return changes.update(version, actor=actor, expected_version=expected_version, changes=data)


# Criteria -------------------------------------------------------------------------------


def add_criterion(version: PlanVersion, *, actor: User | None, **data: Any) -> Criterion:
    require_draft(version, actor)
    only(data, CRITERION_FIELDS)
    if "position" not in data:
        data["position"] = version.criteria.count() + 1
    _check_criterion_name(version, data.get("name", ""))
    return changes.create(
        Criterion(municipality=version.municipality, plan_version=version, **data), actor=actor
    )


def update_criterion(
    criterion: Criterion, *, actor: User | None, expected_version: int, **data: Any
) -> Criterion:
    require_draft(criterion.plan_version, actor)
    only(data, CRITERION_FIELDS)
    if "name" in data:
        _check_criterion_name(criterion.plan_version, data["name"], exclude=criterion.pk)
    return changes.update(criterion, actor=actor, expected_version=expected_version, changes=data)


def delete_criterion(criterion: Criterion, *, actor: User | None) -> None:
    require_draft(criterion.plan_version, actor)
    changes.delete(criterion, actor=actor)


def _check_criterion_name(version: PlanVersion, name: str, exclude: int | None = None) -> None:
    if version.criteria.filter(name__iexact=name.strip()).exclude(pk=exclude).exists():
        raise ValidationError({"name": _("The plan already has a criterion with this name.")})


# Capacity -------------------------------------------------------------------------------


@transaction.atomic
def set_capacity(
    version: PlanVersion,
    *,
    actor: User | None,
    org_unit: OrgUnit,
    hours: dict[int, int | None],
) -> None:
    """Set an org unit's available hours per quarter; a quarter given as None is cleared."""
    require_draft(version, actor)
    same_municipality(version.municipality, org_unit=org_unit)
    for quarter, value in hours.items():
        if quarter not in QUARTERS:
            raise ValidationError({"quarter": _("A quarter is 1, 2, 3 or 4.")})
        if value is not None and value < 0:
            raise ValidationError({f"q{quarter}": _("Hours cannot be negative.")})
        existing = Capacity.objects.filter(
            plan_version=version, org_unit=org_unit, quarter=quarter
        ).first()
        if value is None:
            if existing is not None:
                changes.delete(existing, actor=actor)
        elif existing is None:
            changes.create(
                Capacity(
                    municipality=version.municipality,
                    plan_version=version,
                    org_unit=org_unit,
                    quarter=quarter,
                    hours=value,
                ),
                actor=actor,
            )
        else:
            changes.update(
                existing, actor=actor, expected_version=existing.version, changes={"hours": value}
            )


# Demand not covered ---------------------------------------------------------------------


def exclude_demand(
    version: PlanVersion,
    *,
    actor: User | None,
    reason: str,
    project: Project | None = None,
    idea: Idea | None = None,
) -> DemandExclusion:
    """Record that a proposal or idea is not in the plan, and why."""
    require_draft(version, actor)
    same_municipality(version.municipality, project=project, idea=idea)
    if project is not None and project.phase not in (Phase.IDEA, Phase.PROPOSAL):
        raise ValidationError(
            {"project": _("Only a project in the idea or proposal phase is demand.")}
        )
    if idea is not None and idea.status != IdeaStatus.LATER:
        raise ValidationError({"idea": _("Only an idea to consider later is demand.")})
    if project is not None and version.items.filter(project=project).exists():
        raise ValidationError({"project": _("The project is in the plan; remove it first.")})
    duplicate = DemandExclusion.objects.filter(plan_version=version)
    if (project and duplicate.filter(project=project).exists()) or (
        idea and duplicate.filter(idea=idea).exists()
    ):
        raise ValidationError(_("This is already listed as not covered."))
    return changes.create(
        DemandExclusion(
            municipality=version.municipality,
            plan_version=version,
            project=project,
            idea=idea,
            reason=reason,
        ),
        actor=actor,
    )


def update_exclusion(
    exclusion: DemandExclusion, *, actor: User | None, expected_version: int, reason: str
) -> DemandExclusion:
    require_draft(exclusion.plan_version, actor)
    return changes.update(
        exclusion, actor=actor, expected_version=expected_version, changes={"reason": reason}
    )


def delete_exclusion(exclusion: DemandExclusion, *, actor: User | None) -> None:
    require_draft(exclusion.plan_version, actor)
    changes.delete(exclusion, actor=actor)


# Revisions ------------------------------------------------------------------------------


@transaction.atomic
def create_revision(plan: ActionPlan, *, actor: User | None, change_note: str = "") -> PlanVersion:
    """A new draft copied from the latest version, with every item, score, hour, criterion,
    capacity and exclusion; the version it copies stays as it was decided."""
    if actor is not None:
        require(policy.can_edit(actor, plan.municipality))
    # Lock the plan row so two people pressing "make a revision" get one revision.
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    base = plan.versions.order_by("-number").first()
    if base is None:
        raise ValidationError(_("The plan has no version to revise."))
    if base.state in OPEN_STATES:
        raise ValidationError(
            _("Version %(number)s is still %(state)s; finish it before making a revision.")
            % {"number": base.number, "state": base.get_state_display().lower()}
        )
    municipality = plan.municipality
    revision = changes.create(
        PlanVersion(
            municipality=municipality,
            plan=plan,
            number=base.number + 1,
            based_on=base,
            introduction=base.introduction,
            change_note=change_note,
        ),
        actor=actor,
    )
    criteria = {}
    for criterion in base.criteria.all():
        criteria[criterion.pk] = changes.create(
            Criterion(
                municipality=municipality,
                plan_version=revision,
                **{name: getattr(criterion, name) for name in CRITERION_FIELDS},
            ),
            actor=actor,
        )
    for item in base.items.prefetch_related("scores", "hours"):
        copy = changes.create(
            ActionPlanItem(
                municipality=municipality,
                plan_version=revision,
                lineage=item.lineage,
                project_id=item.project_id,
                title=item.title,
                rank=item.rank,
                rationale=item.rationale,
                requested_amount=item.requested_amount,
                allocated_amount=item.allocated_amount,
            ),
            actor=actor,
        )
        for score in item.scores.all():
            changes.create(
                ItemScore(
                    municipality=municipality,
                    item=copy,
                    criterion=criteria[score.criterion_id],
                    score=score.score,
                    comment=score.comment,
                ),
                actor=actor,
            )
        for hours in item.hours.all():
            changes.create(
                ItemHours(
                    municipality=municipality,
                    item=copy,
                    org_unit_id=hours.org_unit_id,
                    quarter=hours.quarter,
                    requested_hours=hours.requested_hours,
                    allocated_hours=hours.allocated_hours,
                ),
                actor=actor,
            )
    for capacity in base.capacities.all():
        changes.create(
            Capacity(
                municipality=municipality,
                plan_version=revision,
                org_unit_id=capacity.org_unit_id,
                quarter=capacity.quarter,
                hours=capacity.hours,
            ),
            actor=actor,
        )
    for exclusion in base.exclusions.all():
        changes.create(
            DemandExclusion(
                municipality=municipality,
                plan_version=revision,
                project_id=exclusion.project_id,
                idea_id=exclusion.idea_id,
                reason=exclusion.reason,
            ),
            actor=actor,
        )
    return revision


@transaction.atomic
def delete_draft(version: PlanVersion, *, actor: User | None) -> None:
    """Discard a draft revision. The first version of a plan goes with the plan."""
    require_draft(version, actor)
    if version.number == 1:
        raise ValidationError(_("The first version is the plan itself and cannot be discarded."))
    for item in version.items.all():
        changes.delete(item, actor=actor)
    changes.delete(version, actor=actor)
