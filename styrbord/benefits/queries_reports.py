"""Reads for the yearly benefits report: planned, realised and harvested per benefit,
summed per project and per org unit.

Money is counted for economic benefits only (budget-releasing and freed time), so that
planned and realised compare like with like; the other benefits are followed by their
measure. The whole report is one query, whatever the number of benefits: the year's
figures are subqueries on the benefit rows.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import DecimalField, Exists, OuterRef, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _

from styrbord.benefits import calc
from styrbord.benefits.models import (
    ECONOMIC_CATEGORIES,
    Benefit,
    Harvest,
    Measurement,
    ProfilePoint,
)
from styrbord.core.models import OrgUnit, User
from styrbord.governance import queries as governance_queries
from styrbord.governance.models import AgendaItem, MeetingStatus
from styrbord.portfolio.models import Project

ZERO = Decimal(0)
MONEY = DecimalField(max_digits=16, decimal_places=2)


@dataclass(frozen=True)
class BenefitRow:
    benefit: Benefit
    planned: Decimal | None  # money planned in the year; None for a non-economic benefit
    measured_value: Decimal | None  # the latest measurement in or before the year
    measured_on: datetime.date | None
    achievement: Decimal | None  # calc.achievement of that measurement
    realised: Decimal | None  # estimated: planned × achievement, never below 0
    harvested: Decimal

    @property
    def achievement_percent(self) -> int | None:
        return None if self.achievement is None else round(self.achievement * 100)


@dataclass
class Group:
    """The benefits of one project or one org unit (``key`` None: no unit given)."""

    key: int | None
    label: str
    rows: list[BenefitRow] = field(default_factory=list)
    planned: Decimal = ZERO
    realised: Decimal = ZERO
    harvested: Decimal = ZERO

    def add(self, row: BenefitRow) -> None:
        self.rows.append(row)
        self.planned += row.planned or ZERO
        self.realised += row.realised or ZERO
        self.harvested += row.harvested


@dataclass
class Report:
    year: int
    org_unit: OrgUnit | None
    project: Project | None
    rows: list[BenefitRow]
    by_project: list[Group]
    by_org_unit: list[Group]
    totals: Group


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _sum_of(queryset: QuerySet, column: str) -> Subquery:
    """The sum of ``column`` over ``queryset`` (rows of one benefit), as a subquery."""
    return Subquery(
        queryset.order_by().values("benefit").annotate(total=Sum(column)).values("total")[:1],
        output_field=MONEY,
    )


def year_benefits(
    year: int, *, org_unit: OrgUnit | None = None, project: Project | None = None
) -> QuerySet[Benefit]:
    """The benefits with the year's figures annotated, in one query."""
    first, last = _year_bounds(year)
    points = ProfilePoint.objects.filter(benefit=OuterRef("pk"), amount__isnull=False)
    latest = Measurement.objects.filter(benefit=OuterRef("pk"), measured_on__lte=last).order_by(
        "-measured_on", "-id"
    )
    harvests = Harvest.objects.filter(
        benefit=OuterRef("pk"), harvested_on__gte=first, harvested_on__lte=last
    )
    queryset = Benefit.objects.select_related("project", "org_unit", "owner").annotate(
        has_amounts=Exists(points),
        profile_in_year=_sum_of(
            points.filter(period_end__gte=first, period_end__lte=last), "amount"
        ),
        year_value=Subquery(latest.values("value")[:1], output_field=MONEY),
        year_measured_on=Subquery(latest.values("measured_on")[:1]),
        harvested_in_year=_sum_of(harvests, "amount"),
    )
    if org_unit is not None:
        queryset = queryset.filter(org_unit=org_unit)
    if project is not None:
        queryset = queryset.filter(project=project)
    return queryset.order_by("project__name", "project_id", "title", "id")


def planned_in(benefit: Benefit, year: int) -> Decimal | None:
    """The money ``benefit`` should bring in ``year``: its realisation profile's amounts in
    the year, or without any amounts in its profile its value per year once the target
    date's year is reached. Needs the ``year_benefits`` annotations."""
    if benefit.category not in ECONOMIC_CATEGORIES:
        return None
    if benefit.has_amounts:
        return benefit.profile_in_year or ZERO
    if benefit.value_per_year and (benefit.target_date is None or benefit.target_date.year <= year):
        return benefit.value_per_year
    return ZERO


def _achievement(benefit: Benefit) -> Decimal | None:
    baseline, target, value = benefit.baseline_value, benefit.target_expected, benefit.year_value
    if baseline is None or target is None or value is None:
        return None
    return calc.achievement(baseline, target, value)


def _row(benefit: Benefit, year: int) -> BenefitRow:
    planned = planned_in(benefit, year)
    achievement = _achievement(benefit)
    realised = None
    if planned is not None and achievement is not None:
        realised = planned * max(achievement, ZERO)
    return BenefitRow(
        benefit=benefit,
        planned=planned,
        measured_value=benefit.year_value,
        measured_on=benefit.year_measured_on,
        achievement=achievement,
        realised=realised,
        harvested=benefit.harvested_in_year or ZERO,
    )


def _belongs_to(row: BenefitRow, year: int) -> bool:
    """Whether the benefit has anything to report for the year: money planned or
    harvested, a measurement in the year, or the year lies between its baseline and
    target dates."""
    benefit = row.benefit
    if row.planned or row.harvested or (row.measured_on and row.measured_on.year == year):
        return True
    started = benefit.baseline_date is None or benefit.baseline_date.year <= year
    ongoing = benefit.target_date is None or benefit.target_date.year >= year
    return started and ongoing


def _grouped(rows: list[BenefitRow], by_project: bool) -> list[Group]:
    groups: dict[int | None, Group] = {}
    for row in rows:
        benefit = row.benefit
        if by_project:
            key, label = benefit.project_id, benefit.project.name
        elif benefit.org_unit_id is not None:
            key, label = benefit.org_unit_id, benefit.org_unit.name
        else:
            key, label = None, _("No org unit given")
        groups.setdefault(key, Group(key=key, label=label)).add(row)
    return sorted(groups.values(), key=lambda g: (g.key is None, g.label.lower(), g.key or 0))


def report(year: int, *, org_unit: OrgUnit | None = None, project: Project | None = None) -> Report:
    rows = [
        _row(benefit, year) for benefit in year_benefits(year, org_unit=org_unit, project=project)
    ]
    rows = [row for row in rows if _belongs_to(row, year)]
    totals = Group(key=None, label=_("All benefits"))
    for row in rows:
        totals.add(row)
    return Report(
        year=year,
        org_unit=org_unit,
        project=project,
        rows=rows,
        by_project=_grouped(rows, by_project=True),
        by_org_unit=_grouped(rows, by_project=False),
        totals=totals,
    )


def org_units() -> QuerySet[OrgUnit]:
    """Every unit, closed ones too: an earlier year's report may need them."""
    return OrgUnit.objects.order_by("name")


def open_agenda_items(user: User | AnonymousUser) -> QuerySet[AgendaItem]:
    """Agenda items of meetings not yet held, where a document can still be attached;
    closed items only for the body's members, as everywhere else."""
    before_held = [
        status
        for status in MeetingStatus.values
        if MeetingStatus.rank(status) < MeetingStatus.rank(MeetingStatus.HELD)
    ]
    return (
        governance_queries.items_visible_to(user)
        .filter(meeting__status__in=before_held)
        .order_by("meeting__starts_at", "meeting_id", "position")
    )
