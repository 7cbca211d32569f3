"""How the benefit demo writes: through the benefit services with no actor, each piece
skipped when its natural key exists (a benefit by project and title, a case by project, a
map by project having nodes), so a second load changes nothing."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from styrbord.benefits.models import Benefit, BusinessCase, CostLine, MapNode
from styrbord.benefits.services import benefits, cases, maps, measurements
from styrbord.core.models import OrgUnit, Person
from styrbord.portfolio.models import Phase, PhaseChange, Project
from styrbord.strategy.models import FocusArea

add_months = measurements.add_months

NUMBER_FIELDS = {
    "baseline_value",
    "target_pessimistic",
    "target_expected",
    "target_optimistic",
    "value_per_year",
}


def money(value: float | int | str | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def month_end(today: datetime.date, months_back: int) -> datetime.date:
    """The last day of the month ``months_back`` months before this one."""
    first = today.replace(day=1)
    return add_months(first, 1 - months_back) - datetime.timedelta(days=1)


def project(name: str) -> Project | None:
    """The portfolio demo's project by name; None if the portfolio demo has not made it."""
    return Project.objects.filter(name=name).first()


def approved(item: Project) -> bool:
    """Whether the project passed an approval gate in the portfolio demo (projects
    registered straight into execution never did)."""
    return PhaseChange.objects.filter(project=item, to_phase=Phase.APPROVED).exists()


@dataclass(frozen=True)
class Harvested:
    amount: int
    budget: str
    on: datetime.date
    decision: str


@dataclass(frozen=True)
class BenefitSpec:
    title: str
    owner: str
    org_unit: str
    fields: dict
    # (period end, expected value, amount in the period)
    profile: tuple[tuple[datetime.date, float | None, int | None], ...] = ()
    # (measured on, value, comment), oldest first
    measured: tuple[tuple[datetime.date, float, str], ...] = ()
    harvests: tuple[Harvested, ...] = ()


def benefit(item: Project, spec: BenefitSpec) -> Benefit:
    existing = Benefit.objects.filter(project=item, title=spec.title).first()
    if existing is not None:
        return existing
    values = {
        key: money(value) if key in NUMBER_FIELDS else value for key, value in spec.fields.items()
    }
    created = benefits.create_benefit(
        item,
        actor=None,
        title=spec.title,
        owner=Person.objects.get(name=spec.owner),
        org_unit=OrgUnit.objects.get(name=spec.org_unit),
        **values,
    )
    for period_end, expected, amount in spec.profile:
        benefits.set_profile_point(
            created,
            actor=None,
            period_end=period_end,
            expected_value=money(expected),
            amount=money(amount),
        )
    for measured_on, value, comment in spec.measured:
        measurements.record_measurement(
            created, actor=None, measured_on=measured_on, value=money(value), comment=comment
        )
    for harvest in spec.harvests:
        measurements.record_harvest(
            created,
            actor=None,
            amount=money(harvest.amount),
            budget=harvest.budget,
            harvested_on=harvest.on,
            decision=harvest.decision,
        )
    return created


@dataclass(frozen=True)
class Cost:
    kind: str
    cost_type: str
    year: int
    description: str
    minimum: int
    likely: int
    maximum: int


@dataclass(frozen=True)
class CaseSpec:
    start_year: int
    horizon_years: int
    assumptions: str
    costs: tuple[Cost, ...]
    # Changes to the estimate after the approved baseline was kept: (description of the
    # cost line to change, new minimum, likely, maximum), and new lines.
    revised: tuple[tuple[str, int, int, int], ...] = ()
    added: tuple[Cost, ...] = field(default=())


def business_case(item: Project, spec: CaseSpec) -> BusinessCase:
    """The project's case; the project's benefits must exist first, since the approved
    baseline is worked out from them."""
    existing = BusinessCase.objects.filter(project=item).first()
    if existing is not None:
        return existing
    case = cases.create_case(
        item,
        actor=None,
        start_year=spec.start_year,
        horizon_years=spec.horizon_years,
        assumptions=spec.assumptions,
    )
    for cost in spec.costs:
        _add_cost(case, cost)
    if not approved(item):
        return case
    case = cases.keep_as_baseline(case, actor=None)
    for description, low, likely, high in spec.revised:
        line = CostLine.objects.get(case=case, description=description)
        cases.update_cost(
            line,
            actor=None,
            expected_version=line.version,
            minimum=money(low),
            likely=money(likely),
            maximum=money(high),
        )
    for cost in spec.added:
        _add_cost(case, cost)
    return case


def _add_cost(case: BusinessCase, cost: Cost) -> CostLine:
    return cases.add_cost(
        case,
        actor=None,
        kind=cost.kind,
        cost_type=cost.cost_type,
        year=cost.year,
        description=cost.description,
        minimum=money(cost.minimum),
        likely=money(cost.likely),
        maximum=money(cost.maximum),
    )


@dataclass(frozen=True)
class Node:
    key: str
    kind: str
    label: str
    # What the node stands for: a deliverable's or a benefit's title, a focus area's name.
    refers_to: str = ""


def benefit_map(
    item: Project, nodes: tuple[Node, ...], arrows: tuple[tuple[str, str], ...]
) -> None:
    if MapNode.objects.filter(project=item).exists():
        return
    made: dict[str, MapNode] = {}
    for node in nodes:
        links: dict = {}
        if node.refers_to and node.kind == "deliverable":
            links["deliverable"] = item.deliverables.filter(title=node.refers_to).first()
        elif node.refers_to and node.kind == "benefit":
            links["benefit"] = Benefit.objects.filter(project=item, title=node.refers_to).first()
        elif node.refers_to and node.kind == "focus_area":
            links["focus_area"] = FocusArea.shared.filter(name=node.refers_to).first()
        made[node.key] = maps.add_node(item, actor=None, kind=node.kind, label=node.label, **links)
    for source, target in arrows:
        maps.add_edge(item, actor=None, source=made[source], target=made[target])
