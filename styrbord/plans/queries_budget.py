"""Reads for the digitalisation budget's pages. Every query runs inside the municipality's
scope, and each page fetches a fixed number of queries however many pools, items and
allocations there are.

"Spent" is each project's total spent to date from its latest submitted status report; a
project funded by several allocations (or by the plan and an allocation) counts once.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from styrbord.plans.models import (
    OPEN_STATES,
    ActionPlanItem,
    BudgetAllocation,
    BudgetPool,
    PlanVersion,
    VersionState,
)
from styrbord.plans.services import budget as budget_services
from styrbord.portfolio.models import Project

ZERO = Decimal(0)
MONEY = DecimalField(max_digits=14, decimal_places=2)
V = TypeVar("V")


def _counting(shares: list[tuple[V, Decimal]]) -> V | None:
    """The version whose total counts against the pool: the larger; on a tie the first
    (the approved one), since that is what was decided."""
    best: tuple[V, Decimal] | None = None
    for version, total in shares:
        if best is None or total > best[1]:
            best = (version, total)
    return best[0] if best is not None else None


def _reported(project: Project | None) -> Decimal | None:
    report = project.latest_report if project is not None else None
    return report.spent_to_date if report is not None else None


def _spent(reported: Iterable[tuple[int, Decimal | None]]) -> tuple[Decimal | None, int]:
    """The sum of what the distinct projects report, and how many have not reported.
    ``None`` when no project has reported, so that the page says so rather than show 0."""
    by_project = dict(reported)
    amounts = [amount for amount in by_project.values() if amount is not None]
    total = sum(amounts, ZERO) if amounts else None
    return total, len(by_project) - len(amounts)


# The list page


@dataclass(frozen=True)
class PoolRow:
    """A year's pool with what the list page shows of it."""

    pool: BudgetPool
    direct: Decimal
    plan_share: Decimal
    spent: Decimal | None

    @property
    def committed(self) -> Decimal:
        return self.direct + self.plan_share

    @property
    def remaining(self) -> Decimal:
        return self.pool.amount - self.committed


def _governing(versions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``services.budget.governing_versions`` over rows sorted newest first: the latest
    approved version and the open one."""
    approved = next((v for v in versions if v["state"] == VersionState.APPROVED), None)
    open_ = next((v for v in versions if v["state"] in OPEN_STATES), None)
    return [v for v in (approved, open_) if v is not None]


def pools() -> list[PoolRow]:
    """Every pool, newest year first, with its figures in four queries in all: the pools
    with their direct total, the plan versions' totals, and the funded projects' spending."""
    direct = (
        BudgetAllocation.objects.filter(pool=OuterRef("pk"))
        .values("pool")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    rows = list(
        BudgetPool.objects.annotate(
            direct=Coalesce(Subquery(direct, output_field=MONEY), Value(ZERO), output_field=MONEY)
        ).order_by("-year")
    )
    if not rows:
        return []
    years = [pool.year for pool in rows]
    versions: dict[int, list[dict[str, Any]]] = {year: [] for year in years}
    for version in (
        PlanVersion.objects.filter(plan__year__in=years)
        .values("pk", "plan__year", "state")
        .annotate(total=Sum("items__allocated_amount"))
        .order_by("-number")
    ):
        versions[version["plan__year"]].append(version)
    share: dict[int, Decimal] = {}
    counting: dict[int, int] = {}  # the counting version's pk -> its year
    for year, found in versions.items():
        totals = [(v, v["total"] or ZERO) for v in _governing(found)]
        share[year] = max((total for _, total in totals), default=ZERO)
        best = _counting(totals)
        if best is not None:
            counting[best["pk"]] = year
    funded: dict[int, list[tuple[int, Decimal | None]]] = {year: [] for year in years}
    for year, project, spent in BudgetAllocation.objects.filter(pool__in=rows).values_list(
        "pool__year", "project_id", "project__latest_report__spent_to_date"
    ):
        funded[year].append((project, spent))
    for version, project, spent in ActionPlanItem.objects.filter(
        plan_version__in=list(counting), allocated_amount__gt=0, project__isnull=False
    ).values_list("plan_version_id", "project_id", "project__latest_report__spent_to_date"):
        funded[counting[version]].append((project, spent))
    return [
        PoolRow(
            pool=pool,
            direct=pool.direct,
            plan_share=share[pool.year],
            spent=_spent(funded[pool.year])[0],
        )
        for pool in rows
    ]


# One pool


def pool(year: int) -> BudgetPool | None:
    return BudgetPool.objects.select_related("municipality").filter(year=year).first()


def allocation(pool: BudgetPool, pk: int) -> BudgetAllocation | None:
    """The pool's allocation; one of another pool (or municipality) is not found."""
    return (
        BudgetAllocation.objects.select_related("pool", "project").filter(pool=pool, pk=pk).first()
    )


@dataclass(frozen=True)
class PlanShare:
    version: PlanVersion
    total: Decimal
    counts: bool


@dataclass(frozen=True)
class BudgetSummary:
    """Everything the pool's page shows: the plan's share, the items and allocations that
    take money from it, and what is committed, spent and left."""

    pool: BudgetPool
    approved: PlanShare | None
    open: PlanShare | None
    items: list[ActionPlanItem]
    allocations: list[BudgetAllocation]
    direct: Decimal
    spent: Decimal | None
    unreported: int

    @property
    def shares(self) -> list[PlanShare]:
        return [share for share in (self.approved, self.open) if share is not None]

    @property
    def counting(self) -> PlanShare | None:
        return next((share for share in self.shares if share.counts), None)

    @property
    def plan_share(self) -> Decimal:
        return max((share.total for share in self.shares), default=ZERO)

    @property
    def committed(self) -> Decimal:
        return self.direct + self.plan_share

    @property
    def remaining(self) -> Decimal:
        return self.pool.amount - self.committed


def summary(pool: BudgetPool) -> BudgetSummary:
    """The pool's page in at most five queries: the governing versions and their totals
    (through the budget services, so that the page and the over-allocation rules agree),
    the counting version's items with money, and the direct allocations."""
    totals = [
        (version, budget_services.plan_total(version))
        for version in budget_services.governing_versions(pool.municipality, pool.year)
    ]
    counting = _counting(totals)
    approved = open_ = None
    for version, total in totals:
        share = PlanShare(version=version, total=total, counts=version == counting)
        if version.state == VersionState.APPROVED:
            approved = share
        else:
            open_ = share
    items: list[ActionPlanItem] = []
    if counting is not None:
        items = list(
            ActionPlanItem.objects.filter(plan_version=counting, allocated_amount__gt=0)
            .select_related("project__latest_report")
            .order_by("rank", "id")
        )
    allocations = list(
        BudgetAllocation.objects.filter(pool=pool)
        .select_related("project__latest_report", "body", "agenda_item__meeting__body")
        .order_by("-decided_on", "id")
    )
    spent, unreported = _spent(
        (row.project_id, _reported(row.project))
        for row in [*items, *allocations]
        if row.project_id is not None
    )
    return BudgetSummary(
        pool=pool,
        approved=approved,
        open=open_,
        items=items,
        allocations=allocations,
        direct=sum((allocation.amount for allocation in allocations), ZERO),
        spent=spent,
        unreported=unreported,
    )
