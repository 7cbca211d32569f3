"""An action plan on top of the portfolio world, for the browser tests.

This year's plan has an approved first version (decided at a steering-group meeting held
earlier) and a draft revision; the items are the portfolio world's running project and
proposal and an activity, scored, with hours and capacity. The budget pool has a direct
allocation to the running project.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django_scopes import scope

from styrbord.core.models import OrgUnit
from styrbord.core.services import changes
from styrbord.governance.models import MeetingStatus, Outcome
from styrbord.governance.services import items as agenda
from styrbord.governance.services import meetings
from styrbord.plans.models import ActionPlan, BudgetAllocation, BudgetPool, PlanVersion
from styrbord.plans.services import budget, decisions, items, plans
from tests.browser.governance_world import GovernanceWorld, _at
from tests.browser.portfolio_world import PortfolioWorld


@dataclass
class PlansWorld:
    plan: ActionPlan
    approved: PlanVersion
    draft: PlanVersion
    pool: BudgetPool
    allocation: BudgetAllocation
    unit: OrgUnit
    item_pk: int


def build(world, gov: GovernanceWorld, pw: PortfolioWorld) -> PlansWorld:
    municipality = world.norddjurs
    year = timezone.localdate().year
    with scope(municipality=municipality):
        unit = OrgUnit.objects.filter(municipality=municipality).order_by("name").first()
        pool = budget.create_pool(
            municipality=municipality, actor=None, year=year, amount=Decimal(2_000_000)
        )
        allocation = budget.allocate(
            pool,
            actor=None,
            project=pw.running,
            amount=Decimal(250_000),
            purpose="Ekstra integration",
            decided_on=timezone.localdate() - datetime.timedelta(days=30),
        )
        plan = plans.create_plan(
            municipality=municipality,
            actor=None,
            year=year,
            owner_body=gov.programme,
            approving_body=gov.steering,
            introduction="Planen prioriterer de **tværgående** indsatser.",
        )
        version = plan.versions.get()
        running = items.add_item(
            version,
            actor=None,
            project=pw.running,
            rationale="Fyrtårnsprojekt.",
            requested_amount=Decimal(600_000),
            allocated_amount=Decimal(500_000),
        )
        items.add_item(version, actor=None, project=pw.proposal, rationale="Sparer tid.")
        items.add_item(version, actor=None, title="Digitaliseringsseminar")
        for criterion, score in zip(version.criteria.all(), (5, 4, 3, 2, 4), strict=True):
            items.set_score(running, actor=None, criterion=criterion, score=score, comment="Ok")
        items.set_hours(
            running, actor=None, org_unit=unit, quarter=1, requested_hours=300, allocated_hours=250
        )
        plans.set_capacity(version, actor=None, org_unit=unit, hours={1: 200, 2: 200})
        # A meeting before the world's open one, so that the plan goes on its agenda; it is
        # then held and the plan approved there.
        meeting = meetings.create_meeting(body=gov.steering, actor=None, starts_at=_at(2))
        version.refresh_from_db()
        decisions.submit(version, actor=world.editor, expected_version=version.version)
        version.refresh_from_db()
        meeting.refresh_from_db()
        changes.update(
            meeting,
            actor=None,
            expected_version=meeting.version,
            changes={"status": MeetingStatus.HELD, "starts_at": _at(-1)},
        )
        item = version.agenda_item
        agenda.record_decision(
            item,
            actor=world.editor,
            expected_version=item.version,
            decision="Planen er godkendt.",
            outcome=Outcome.APPROVED,
        )
        version.refresh_from_db()
        draft = plans.create_revision(plan, actor=None, change_note="Seminaret flyttes op.")
        return PlansWorld(
            plan=plan,
            approved=version,
            draft=draft,
            pool=pool,
            allocation=allocation,
            unit=unit,
            item_pk=draft.items.get(rank=1).pk,
        )
