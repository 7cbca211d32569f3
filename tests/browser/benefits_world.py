"""Benefits on top of the portfolio world, for the browser tests.

The running project has a freed-time benefit owned by the demo editor (a manager), with
measurements and a realisation profile, whose next measurement is overdue; a
budget-releasing benefit with a harvest; a business case with a cost and an approved
baseline; and a small benefit map.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django_scopes import scope

from styrbord.benefits.models import Benefit, BusinessCase, CostKind, CostType, MapNode, NodeKind
from styrbord.benefits.services import benefits, cases, maps, measurements
from styrbord.core.models import Person
from styrbord.core.services import organisation
from tests.browser.portfolio_world import PortfolioWorld

DAY = datetime.timedelta(days=1)


@dataclass
class BenefitsWorld:
    owner: Person
    freed_time: Benefit
    savings: Benefit
    case: BusinessCase
    node: MapNode


def build(world, pw: PortfolioWorld) -> BenefitsWorld:
    municipality = world.norddjurs
    today = timezone.localdate()
    with scope(municipality=municipality):
        owner = Person.objects.filter(user=world.editor).first()
        organisation.update_person(
            owner, actor=None, expected_version=owner.version, is_manager=True
        )
        owner.refresh_from_db()
        project = pw.running
        freed_time = benefits.create_benefit(
            project,
            actor=None,
            title="Frigjort tid i journalføringen",
            category="freed_time",
            owner=owner,
            measure="Frigjorte timer pr. måned",
            unit="timer",
            direction="higher",
            baseline_value=Decimal(0),
            baseline_date=today - 200 * DAY,
            baseline_source="Tidsregistrering",
            target_pessimistic=Decimal(200),
            target_expected=Decimal(300),
            target_optimistic=Decimal(400),
            target_date=today + 200 * DAY,
            value_per_year=Decimal(1_200_000),
            frequency=1,
            status="on_track",
        )
        for days_ago, value in ((150, 60), (120, 110), (90, 150)):
            measurements.record_measurement(
                freed_time, actor=None, measured_on=today - days_ago * DAY, value=Decimal(value)
            )
        benefits.set_profile_point(
            freed_time,
            actor=None,
            period_end=today + 200 * DAY,
            expected_value=Decimal(300),
            amount=Decimal(600_000),
        )
        savings = benefits.create_benefit(
            project,
            actor=None,
            title="Sparede licenser",
            category="budget_releasing",
            owner=owner,
            measure="Licensudgift",
            unit="kr. pr. år",
            direction="lower",
            baseline_value=Decimal(900_000),
            baseline_date=today - 300 * DAY,
            target_expected=Decimal(500_000),
            target_date=today + 100 * DAY,
            value_per_year=Decimal(400_000),
        )
        measurements.record_harvest(
            savings,
            actor=None,
            amount=Decimal(250_000),
            budget="Center for Økonomi og IT",
            harvested_on=today - 20 * DAY,
            decision="Budgetforlig",
        )
        case = cases.create_case(project, actor=None, start_year=today.year, horizon_years=4)
        cases.add_cost(
            case,
            actor=None,
            kind=CostKind.ONE_OFF,
            cost_type=CostType.CONSULTANTS,
            year=today.year,
            minimum=Decimal(400_000),
            likely=Decimal(500_000),
            maximum=Decimal(700_000),
        )
        cases.keep_as_baseline(case, actor=None)
        case.refresh_from_db()
        node = maps.add_node(
            project, actor=None, kind=NodeKind.DELIVERABLE, label="Talegenkendelse i fagsystemet"
        )
        change = maps.add_node(
            project, actor=None, kind=NodeKind.CHANGE, label="Diktat i stedet for tastning"
        )
        maps.add_edge(project, actor=None, source=node, target=change)
        maps.fill_from_project(project, actor=None)
    return BenefitsWorld(owner, freed_time, savings, case, node)
