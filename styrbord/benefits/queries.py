"""Reads for the benefit pages, reports and the API."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from styrbord.benefits import calc, economics
from styrbord.benefits.models import (
    Benefit,
    BusinessCase,
    Category,
    CostLine,
    Harvest,
    MapEdge,
    MapNode,
    Measurement,
    ProfilePoint,
)
from styrbord.portfolio.models import Project


def benefits() -> QuerySet[Benefit]:
    return Benefit.objects.select_related("project", "owner", "org_unit").prefetch_related(
        Prefetch("profile", queryset=ProfilePoint.objects.order_by("period_end"))
    )


def benefits_of(project: Project) -> list[Benefit]:
    return list(benefits().filter(project=project).order_by("title"))


def measurements_of(benefit: Benefit) -> QuerySet[Measurement]:
    return Measurement.objects.filter(benefit=benefit).select_related("recorded_by")


def harvests_of(benefit: Benefit) -> QuerySet[Harvest]:
    return Harvest.objects.filter(benefit=benefit).select_related("agenda_item__meeting__body")


def case_of(project: Project) -> BusinessCase | None:
    return BusinessCase.objects.filter(project=project).first()


def costs_of(case: BusinessCase) -> list[CostLine]:
    return list(CostLine.objects.filter(case=case))


def cost_lines() -> QuerySet[CostLine]:
    return CostLine.objects.select_related("case__project")


def case_result(case: BusinessCase) -> economics.CaseResult:
    return economics.work_out(case, costs_of(case), benefits_of(case.project))


def map_of(project: Project) -> tuple[list[MapNode], list[MapEdge]]:
    nodes = list(MapNode.objects.filter(project=project).order_by("position", "id"))
    edges = list(MapEdge.objects.filter(project=project))
    return nodes, edges


@dataclass(frozen=True)
class Badge:
    label: str
    met: bool | None  # None: does not apply
    explanation: str


def checklist(project_benefits: list[Benefit], harvested: Decimal) -> list[Badge]:
    """The seeds' four questions for a project's benefits, each with why it is (not) met."""
    today = timezone.localdate()
    if not project_benefits:
        missing = _("The project has no benefits yet.")
        return [
            Badge(_("Visible targets"), False, missing),
            Badge(_("Owner at management level"), False, missing),
            Badge(_("Follow-up happening"), False, missing),
            Badge(_("Benefits harvested"), None, missing),
        ]
    without_target = [
        b.title
        for b in project_benefits
        if b.baseline_value is None or b.target_expected is None or b.target_date is None
    ]
    without_owner = [b.title for b in project_benefits if b.owner is None or not b.owner.is_manager]
    followed = [b for b in project_benefits if b.frequency]
    behind = [
        b.title
        for b in followed
        if b.next_measurement_due is not None and b.next_measurement_due < today
    ]
    releasing = [b for b in project_benefits if b.category == Category.BUDGET_RELEASING]

    def names(titles: list[str]) -> str:
        return ", ".join(titles)

    return [
        Badge(
            _("Visible targets"),
            not without_target,
            _("Baseline, expected target and date for every benefit.")
            if not without_target
            else _("Missing for: %(names)s.") % {"names": names(without_target)},
        ),
        Badge(
            _("Owner at management level"),
            not without_owner,
            _("Every benefit has a manager as owner.")
            if not without_owner
            else _("Missing for: %(names)s.") % {"names": names(without_owner)},
        ),
        Badge(
            _("Follow-up happening"),
            bool(followed) and not behind,
            _("No benefit has a measurement frequency.")
            if not followed
            else _("Measurements overdue for: %(names)s.") % {"names": names(behind)}
            if behind
            else _("Every followed benefit is measured on time."),
        ),
        Badge(
            _("Benefits harvested"),
            None if not releasing else harvested > 0,
            _("No budget-releasing benefits.")
            if not releasing
            else _("%(amount)s kr. harvested into the budget.")
            % {"amount": f"{harvested:,.0f}".replace(",", ".")},
        ),
    ]


def harvested_total(project: Project) -> Decimal:
    total = Harvest.objects.filter(benefit__project=project).aggregate(total=Sum("amount"))["total"]
    return total or Decimal(0)


def due_for(person_user_id: int, horizon: datetime.date) -> QuerySet[Benefit]:
    """Benefits owned by the login's person whose next measurement is due by ``horizon``."""
    return (
        Benefit.objects.filter(owner__user_id=person_user_id, next_measurement_due__lte=horizon)
        .select_related("project")
        .order_by("next_measurement_due")
    )


@dataclass(frozen=True)
class SharedMeasure:
    measure: str
    unit: str
    municipalities: int
    median_change: Decimal | None
    median_achievement: int | None


# A median is shown only when at least this many municipalities share the measure, so no
# single municipality's figure can be read off the catalogue page.
MIN_SHARING = 2


def shared_results(catalogue_project: Project) -> tuple[int, list[SharedMeasure]]:
    """For a shared-catalogue project: how many municipalities share their benefit results,
    and per measure the median realised change and achievement. Only benefits whose
    municipality chose to share are read, and only these aggregates leave this function."""
    with scopes_disabled():
        rows = list(
            Benefit.objects.filter(
                project__implements=catalogue_project,
                share_results=True,
                baseline_value__isnull=False,
                latest_value__isnull=False,
            ).values(
                "municipality_id",
                "measure",
                "unit",
                "baseline_value",
                "target_expected",
                "latest_value",
            )
        )
    sharing = {row["municipality_id"] for row in rows}
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        grouped[(row["measure"].strip().lower(), row["unit"].strip().lower())].append(row)
    measures = []
    for (_measure, _unit), group in sorted(grouped.items()):
        count = len({row["municipality_id"] for row in group})
        if count < MIN_SHARING:
            measures.append(SharedMeasure(group[0]["measure"], group[0]["unit"], count, None, None))
            continue
        changes = [row["latest_value"] - row["baseline_value"] for row in group]
        fractions = [
            calc.achievement(row["baseline_value"], row["target_expected"], row["latest_value"])
            for row in group
            if row["target_expected"] is not None
        ]
        fractions = [f for f in fractions if f is not None]
        measures.append(
            SharedMeasure(
                group[0]["measure"],
                group[0]["unit"],
                count,
                statistics.median(changes),
                round(statistics.median(fractions) * 100) if fractions else None,
            )
        )
    return len(sharing), measures
