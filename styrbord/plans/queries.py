"""Reads for the plan's pages and API. Every query runs inside the municipality's scope."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, QuerySet

from styrbord.plans.models import (
    ActionPlan,
    ActionPlanItem,
    Criterion,
    ItemHours,
    ItemScore,
    PlanVersion,
    VersionState,
)
from styrbord.plans.scoring import WeightedScore, weighted_score
from styrbord.portfolio.models import Project


def plans() -> QuerySet[ActionPlan]:
    return ActionPlan.objects.select_related("owner_body", "approving_body").annotate(
        version_count=Count("versions")
    )


def versions_of(plan: ActionPlan) -> QuerySet[PlanVersion]:
    return plan.versions.select_related("agenda_item__meeting__body").order_by("number")


def current_version(plan: ActionPlan) -> PlanVersion | None:
    """The version a reader means by "the plan": the latest approved one, or the first
    draft while nothing is approved yet."""
    versions = plan.versions.order_by("-number")
    return versions.filter(state=VersionState.APPROVED).first() or versions.last()


def open_version(plan: ActionPlan) -> PlanVersion | None:
    return plan.versions.filter(state__in=(VersionState.DRAFT, VersionState.SUBMITTED)).first()


def version(plan: ActionPlan, number: int) -> PlanVersion:
    return PlanVersion.objects.select_related(
        "plan__owner_body", "plan__approving_body", "agenda_item__meeting__body", "based_on"
    ).get(plan=plan, number=number)


def criteria_of(version: PlanVersion) -> list[Criterion]:
    return list(version.criteria.all())


def items_of(version: PlanVersion) -> QuerySet[ActionPlanItem]:
    """The ranked items with what the plan page shows of each: a bounded number of queries
    whatever the number of items."""
    return (
        ActionPlanItem.objects.filter(plan_version=version)
        .select_related("project__leader", "project__org_unit", "project__latest_report")
        .prefetch_related(
            Prefetch("scores", queryset=ItemScore.objects.select_related("criterion")),
            Prefetch("hours", queryset=ItemHours.objects.select_related("org_unit")),
        )
        .order_by("rank", "id")
    )


@dataclass(frozen=True)
class RankedItem:
    item: ActionPlanItem
    score: WeightedScore
    requested_hours: int
    allocated_hours: int

    @property
    def spent(self) -> Decimal | None:
        """Spent to date by the item's project, from its latest submitted status report."""
        project = self.item.project
        report = project.latest_report if project is not None else None
        return report.spent_to_date if report is not None else None


def ranked(version: PlanVersion) -> list[RankedItem]:
    criteria = criteria_of(version)
    rows = []
    for item in items_of(version):
        hours = list(item.hours.all())
        rows.append(
            RankedItem(
                item=item,
                score=weighted_score(criteria, item.scores.all()),
                requested_hours=sum(h.requested_hours for h in hours),
                allocated_hours=sum(h.allocated_hours for h in hours),
            )
        )
    return rows


def items_of_project(project: Project) -> QuerySet[ActionPlanItem]:
    """The project's place in each year's plan, newest first, for its page."""
    return (
        ActionPlanItem.objects.filter(project=project)
        .select_related("plan_version__plan")
        .order_by("-plan_version__plan__year", "-plan_version__number")
    )
