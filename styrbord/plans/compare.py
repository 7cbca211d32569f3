"""What changed between two versions of a plan: items added, removed, re-ranked and given
other money or hours.

An item is the same item in both versions when it names the same project; otherwise when
it has the same lineage (a revision copies each item with its lineage). Matching projects
first means that a project taken out of a revision and put back in again is still the
same item, although the new item has a new lineage.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from styrbord.plans.models import ActionPlanItem, ItemHours, PlanVersion


@dataclass(frozen=True)
class HoursChange:
    """Allocated hours of one org unit in one quarter, before and after."""

    org_unit: str
    quarter: int
    old: int
    new: int


@dataclass(frozen=True)
class Reranked:
    old: ActionPlanItem
    new: ActionPlanItem

    @property
    def title(self) -> str:
        return self.new.shown_title

    @property
    def old_rank(self) -> int:
        return self.old.rank

    @property
    def new_rank(self) -> int:
        return self.new.rank


@dataclass(frozen=True)
class Reallocated:
    old: ActionPlanItem
    new: ActionPlanItem
    old_amount: Decimal
    new_amount: Decimal
    old_hours: int
    new_hours: int
    hours_changes: tuple[HoursChange, ...]

    @property
    def title(self) -> str:
        return self.new.shown_title

    @property
    def amount_changed(self) -> bool:
        return self.old_amount != self.new_amount


@dataclass(frozen=True)
class Comparison:
    """From version ``a`` to version ``b``."""

    a: PlanVersion
    b: PlanVersion
    added: tuple[ActionPlanItem, ...]
    removed: tuple[ActionPlanItem, ...]
    reranked: tuple[Reranked, ...]
    reallocated: tuple[Reallocated, ...]
    unchanged: int

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.reranked or self.reallocated)


def _items(a: PlanVersion, b: PlanVersion) -> tuple[list[ActionPlanItem], list[ActionPlanItem]]:
    """Both versions' items with their projects and hours, in three queries together."""
    items = (
        ActionPlanItem.objects.filter(plan_version_id__in={a.pk, b.pk})
        .select_related("project")
        .prefetch_related(Prefetch("hours", queryset=ItemHours.objects.select_related("org_unit")))
        .order_by("rank", "id")
    )
    old: list[ActionPlanItem] = []
    new: list[ActionPlanItem] = []
    for item in items:
        # Comparing a version with itself puts each item on both sides.
        if item.plan_version_id == a.pk:
            old.append(item)
        if item.plan_version_id == b.pk:
            new.append(item)
    return old, new


def _pairs(
    old: list[ActionPlanItem], new: list[ActionPlanItem]
) -> list[tuple[ActionPlanItem, ActionPlanItem]]:
    by_project = {item.project_id: item for item in old if item.project_id is not None}
    by_lineage = {item.lineage: item for item in old}
    taken: set[int] = set()
    pairs = []
    for item in new:
        match = by_project.get(item.project_id) if item.project_id is not None else None
        if match is None:
            candidate = by_lineage.get(item.lineage)
            both_projects = (
                candidate is not None
                and candidate.project_id is not None
                and item.project_id is not None
            )
            # Two different projects are never the same item, whatever their lineage.
            if candidate is not None and not both_projects:
                match = candidate
        if match is not None and match.pk not in taken:
            taken.add(match.pk)
            pairs.append((match, item))
    return pairs


def _hours(item: ActionPlanItem) -> dict[tuple[str, int, int], int]:
    """Allocated hours by (org unit name, org unit id, quarter): sorted by name, keyed by id."""
    return {
        (h.org_unit.name, h.org_unit_id, h.quarter): h.allocated_hours for h in item.hours.all()
    }


def _reallocation(old: ActionPlanItem, new: ActionPlanItem) -> Reallocated | None:
    old_hours, new_hours = _hours(old), _hours(new)
    hours_changes = []
    for unit, unit_id, quarter in sorted(old_hours.keys() | new_hours.keys()):
        key = (unit, unit_id, quarter)
        before, after = old_hours.get(key, 0), new_hours.get(key, 0)
        if before != after:
            hours_changes.append(HoursChange(org_unit=unit, quarter=quarter, old=before, new=after))
    if old.allocated_amount == new.allocated_amount and not hours_changes:
        return None
    return Reallocated(
        old=old,
        new=new,
        old_amount=old.allocated_amount,
        new_amount=new.allocated_amount,
        old_hours=sum(old_hours.values()),
        new_hours=sum(new_hours.values()),
        hours_changes=tuple(hours_changes),
    )


def compare(a: PlanVersion, b: PlanVersion) -> Comparison:
    """What changed from version ``a`` to version ``b``; each list follows the ranking."""
    old, new = _items(a, b)
    pairs = _pairs(old, new)
    matched_old = {before.pk for before, _ in pairs}
    matched_new = {after.pk for _, after in pairs}
    reranked: list[Reranked] = []
    reallocated: list[Reallocated] = []
    unchanged = 0
    for before, after in pairs:
        reallocation = _reallocation(before, after)
        if before.rank != after.rank:
            reranked.append(Reranked(old=before, new=after))
        if reallocation is not None:
            reallocated.append(reallocation)
        if before.rank == after.rank and reallocation is None:
            unchanged += 1
    return Comparison(
        a=a,
        b=b,
        added=tuple(item for item in new if item.pk not in matched_new),
        removed=tuple(item for item in old if item.pk not in matched_old),
        reranked=tuple(reranked),
        reallocated=tuple(reallocated),
        unchanged=unchanged,
    )
