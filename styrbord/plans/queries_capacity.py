"""Reads for the resource pages: hours per org unit and quarter, set against capacity.

Every function fetches a fixed number of queries whatever the number of items, and runs
inside the municipality's scope like the rest of ``plans.queries``.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import OrgUnit
from styrbord.plans.models import QUARTERS, ActionPlanItem, Capacity, ItemHours, PlanVersion

QUARTER_NAMES: dict[int, Promise] = {
    1: _("Q1 (January–March)"),
    2: _("Q2 (April–June)"),
    3: _("Q3 (July–September)"),
    4: _("Q4 (October–December)"),
}


def quarter_dates(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """The first and the last day of a quarter."""
    first = datetime.date(year, 3 * quarter - 2, 1)
    if quarter == 4:
        return first, datetime.date(year, 12, 31)
    return first, datetime.date(year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)


@dataclass(frozen=True)
class ItemShare:
    """One item's hours in one org unit's quarter."""

    item: ActionPlanItem
    requested: int
    allocated: int


@dataclass
class Cell:
    """One org unit in one quarter: what it has, what is asked of it and what it gives."""

    org_unit: OrgUnit
    quarter: int
    available: int | None = None
    requested: int = 0
    allocated: int = 0
    items: list[ItemShare] = field(default_factory=list)

    @property
    def over_by(self) -> int:
        """Allocated hours beyond the capacity; with no capacity recorded, all of them."""
        return max(self.allocated - (self.available or 0), 0)

    @property
    def is_over(self) -> bool:
        return self.over_by > 0

    @property
    def no_capacity(self) -> bool:
        """Hours are allocated, but nobody has said the unit has any to give."""
        return self.available is None and self.allocated > 0

    @property
    def is_empty(self) -> bool:
        return self.available is None and not self.requested and not self.allocated


@dataclass
class UnitRow:
    org_unit: OrgUnit
    cells: list[Cell]

    @property
    def available(self) -> int | None:
        known = [cell.available for cell in self.cells if cell.available is not None]
        return sum(known) if known else None

    @property
    def requested(self) -> int:
        return sum(cell.requested for cell in self.cells)

    @property
    def allocated(self) -> int:
        return sum(cell.allocated for cell in self.cells)


@dataclass(frozen=True)
class QuarterTotal:
    quarter: int
    available: int
    requested: int
    allocated: int


@dataclass
class CapacityTable:
    """Org units (rows, by name) × quarters (columns)."""

    rows: list[UnitRow]

    def row(self, org_unit_id: int) -> UnitRow | None:
        return next((row for row in self.rows if row.org_unit.pk == org_unit_id), None)

    def cell(self, org_unit_id: int, quarter: int) -> Cell | None:
        row = self.row(org_unit_id)
        return row.cells[quarter - 1] if row is not None else None

    @property
    def over(self) -> list[Cell]:
        """Every over-allocation, by quarter and then org unit."""
        cells = [cell for row in self.rows for cell in row.cells if cell.is_over]
        return sorted(cells, key=lambda cell: cell.quarter)

    @property
    def totals(self) -> list[QuarterTotal]:
        return [
            QuarterTotal(
                quarter=quarter,
                available=sum(row.cells[quarter - 1].available or 0 for row in self.rows),
                requested=sum(row.cells[quarter - 1].requested for row in self.rows),
                allocated=sum(row.cells[quarter - 1].allocated for row in self.rows),
            )
            for quarter in QUARTERS
        ]


def _capacities(version: PlanVersion) -> list[Capacity]:
    return list(Capacity.objects.filter(plan_version=version).select_related("org_unit"))


def _hours(version: PlanVersion, *, with_items: bool) -> list[ItemHours]:
    related = ("org_unit", "item__project") if with_items else ("org_unit",)
    return list(ItemHours.objects.filter(item__plan_version=version).select_related(*related))


def _table(
    capacities: Iterable[Capacity],
    hours: Iterable[ItemHours],
    items: dict[int, ActionPlanItem] | None = None,
) -> CapacityTable:
    cells: dict[int, list[Cell]] = {}
    units: dict[int, OrgUnit] = {}

    def row(unit: OrgUnit) -> list[Cell]:
        if unit.pk not in cells:
            units[unit.pk] = unit
            cells[unit.pk] = [Cell(org_unit=unit, quarter=quarter) for quarter in QUARTERS]
        return cells[unit.pk]

    for capacity in capacities:
        row(capacity.org_unit)[capacity.quarter - 1].available = capacity.hours
    for entry in hours:
        cell = row(entry.org_unit)[entry.quarter - 1]
        cell.requested += entry.requested_hours
        cell.allocated += entry.allocated_hours
        item = items[entry.item_id] if items is not None else entry.item
        cell.items.append(ItemShare(item, entry.requested_hours, entry.allocated_hours))
    for unit_cells in cells.values():
        for cell in unit_cells:
            cell.items.sort(key=lambda share: (share.item.rank, share.item.pk))
    ordered = sorted(units.values(), key=lambda unit: (unit.name.lower(), unit.pk))
    return CapacityTable(rows=[UnitRow(org_unit=unit, cells=cells[unit.pk]) for unit in ordered])


def load(version: PlanVersion) -> CapacityTable:
    """Every org unit with capacity or hours in the version, per quarter. Two queries."""
    return _table(_capacities(version), _hours(version, with_items=True))


def item_hours(item: ActionPlanItem) -> list[ItemHours]:
    """The item's hours with their org units, by org unit name and quarter."""
    return list(ItemHours.objects.filter(item=item).select_related("org_unit"))


def hours_table(item: ActionPlanItem, hours: Iterable[ItemHours]) -> CapacityTable:
    """One item's hours as a table of org units × quarters, without capacity."""
    return _table((), hours, {item.pk: item})


def unit_capacity(version: PlanVersion, org_unit: OrgUnit) -> list[Capacity]:
    return list(Capacity.objects.filter(plan_version=version, org_unit=org_unit))


# The quarter-by-quarter view -------------------------------------------------------------


@dataclass(frozen=True)
class UnitShare:
    org_unit: OrgUnit
    requested: int
    allocated: int


@dataclass(frozen=True)
class ProjectTiming:
    """How a project's known start and end dates fall against a quarter."""

    start: datetime.date | None
    end: datetime.date | None
    first_day: datetime.date
    last_day: datetime.date

    @property
    def starts(self) -> bool:
        return self.start is not None and self.first_day <= self.start <= self.last_day

    @property
    def ends(self) -> bool:
        return self.end is not None and self.first_day <= self.end <= self.last_day

    @property
    def kind(self) -> str:
        """One of: starts_and_ends, starts, ends, not_started, ended, runs."""
        if self.starts and self.ends:
            return "starts_and_ends"
        if self.starts:
            return "starts"
        if self.ends:
            return "ends"
        if self.start is not None and self.start > self.last_day:
            return "not_started"
        if self.end is not None and self.end < self.first_day:
            return "ended"
        return "runs"


def project_timing(item: ActionPlanItem, year: int, quarter: int) -> ProjectTiming | None:
    project = item.project if item.project_id is not None else None
    if project is None or (project.start_date is None and project.end_date is None):
        return None
    first_day, last_day = quarter_dates(year, quarter)
    return ProjectTiming(project.start_date, project.end_date, first_day, last_day)


@dataclass
class QuarterItem:
    item: ActionPlanItem
    shares: list[UnitShare]
    timing: ProjectTiming | None

    @property
    def requested(self) -> int:
        return sum(share.requested for share in self.shares)

    @property
    def allocated(self) -> int:
        return sum(share.allocated for share in self.shares)


@dataclass
class QuarterPlan:
    quarter: int
    first_day: datetime.date
    last_day: datetime.date
    items: list[QuarterItem]
    units: list[Cell]

    @property
    def name(self) -> Promise:
        return QUARTER_NAMES[self.quarter]

    @property
    def requested(self) -> int:
        return sum(entry.requested for entry in self.items)

    @property
    def allocated(self) -> int:
        return sum(entry.allocated for entry in self.items)

    @property
    def available(self) -> int:
        return sum(cell.available or 0 for cell in self.units)


@dataclass
class QuarterView:
    quarters: list[QuarterPlan]
    unplanned: list[ActionPlanItem]
    table: CapacityTable


def by_quarter(version: PlanVersion) -> QuarterView:
    """Per quarter: the items with hours in it (by rank), their hours per org unit, and
    each org unit's capacity against what it gives. Items without hours are listed once.
    Three queries."""
    items = list(
        ActionPlanItem.objects.filter(plan_version=version)
        .select_related("project")
        .order_by("rank", "id")
    )
    by_id = {item.pk: item for item in items}
    hours = _hours(version, with_items=False)
    table = _table(_capacities(version), hours, by_id)
    shares: dict[tuple[int, int], list[UnitShare]] = defaultdict(list)
    for entry in sorted(hours, key=lambda h: (h.org_unit.name.lower(), h.org_unit_id)):
        if entry.requested_hours or entry.allocated_hours:
            shares[(entry.quarter, entry.item_id)].append(
                UnitShare(entry.org_unit, entry.requested_hours, entry.allocated_hours)
            )
    year = version.plan.year
    quarters = []
    for quarter in QUARTERS:
        first_day, last_day = quarter_dates(year, quarter)
        quarters.append(
            QuarterPlan(
                quarter=quarter,
                first_day=first_day,
                last_day=last_day,
                items=[
                    QuarterItem(
                        item, shares[(quarter, item.pk)], project_timing(item, year, quarter)
                    )
                    for item in items
                    if (quarter, item.pk) in shares
                ],
                units=[
                    row.cells[quarter - 1]
                    for row in table.rows
                    if not row.cells[quarter - 1].is_empty
                ],
            )
        )
    planned = {item_id for (_quarter, item_id) in shares}
    return QuarterView(
        quarters=quarters,
        unplanned=[item for item in items if item.pk not in planned],
        table=table,
    )
