"""The plan demo: Norddjurs' action plan for the current year, approved at a steering-group
meeting and being revised, and the digitalisation budget with IOD's trials.

The demo is loaded once for the module, in a transaction rolled back at the end, because
loading it with the other apps' demos takes several seconds.
"""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.models import ChangeLogEntry, Municipality
from styrbord.governance.demo.bodies import PROGRAMME, STEERING
from styrbord.governance.models import BodyKind, MeetingStatus, Outcome
from styrbord.plans.models import (
    ActionPlan,
    ActionPlanItem,
    BudgetAllocation,
    BudgetPool,
    Capacity,
    ItemHours,
    PlanVersion,
    VersionState,
)
from styrbord.plans.services import budget
from styrbord.portfolio.models import RUNNING_PHASES


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def norddjurs(demo, db):
    place = Municipality.objects.get(code="0707")
    with scope(municipality=place):
        yield place


def _plan() -> ActionPlan:
    return ActionPlan.objects.select_related("owner_body", "approving_body").get(
        year=timezone.localdate().year
    )


def test_this_years_plan_was_approved_at_a_past_steering_group_meeting(norddjurs):
    plan = _plan()
    first = plan.versions.select_related("agenda_item__meeting__body").get(number=1)
    meeting = first.agenda_item.meeting
    assert (plan.owner_body.name, plan.approving_body.name) == (PROGRAMME, STEERING)
    assert first.state == VersionState.APPROVED
    assert first.agenda_item.outcome == Outcome.APPROVED
    assert meeting.body.name == STEERING
    assert meeting.status == MeetingStatus.MINUTES_APPROVED
    assert meeting.starts_at < timezone.now()
    assert first.decided_on == timezone.localtime(meeting.starts_at).date()
    assert first.submitted_at < meeting.starts_at
    assert first.items.count() >= 8
    assert not first.items.filter(frozen__isnull=True).exists()


def test_the_draft_revision_adds_an_item_and_moves_another(norddjurs):
    first, second = PlanVersion.objects.filter(plan=_plan()).order_by("number")
    assert second.state == VersionState.DRAFT
    assert second.based_on == first
    assert second.change_note
    assert second.items.count() == first.items.count() + 1
    ranks = dict(first.items.values_list("lineage", "rank"))
    moved = [item for item in second.items.all() if item.lineage in ranks]
    assert any(item.rank != ranks[item.lineage] for item in moved)


def test_the_innovation_groups_projects_are_funded_within_the_pool(norddjurs):
    pool = BudgetPool.objects.get(year=timezone.localdate().year)
    allocations = BudgetAllocation.objects.filter(pool=pool).select_related(
        "body", "project", "agenda_item"
    )
    assert len(allocations) == 2
    for allocation in allocations:
        assert allocation.body.kind == BodyKind.INNOVATION_GROUP
        assert allocation.project.phase in RUNNING_PHASES
        assert allocation.agenda_item.outcome == Outcome.APPROVED
        assert allocation.decided_on < timezone.localdate()
    assert budget.committed(pool) <= pool.amount


def test_one_org_unit_is_over_allocated_in_one_quarter(norddjurs):
    first = _plan().versions.get(number=1)
    allocated = Counter()
    for row in (
        ItemHours.objects.filter(item__plan_version=first)
        .values("org_unit", "quarter")
        .annotate(total=Sum("allocated_hours"))
    ):
        allocated[row["org_unit"], row["quarter"]] = row["total"]
    available = {
        (unit, quarter): hours
        for unit, quarter, hours in Capacity.objects.filter(plan_version=first).values_list(
            "org_unit", "quarter", "hours"
        )
    }
    over = [cell for cell, total in allocated.items() if total > available.get(cell, 0)]
    assert len(over) == 1


def test_loading_the_demo_twice_creates_nothing_new(demo, db):
    with scopes_disabled():
        counted = (ActionPlan, PlanVersion, ActionPlanItem, BudgetAllocation, ChangeLogEntry)
        before = [model.objects.count() for model in counted]
        call_command("demo", stdout=io.StringIO())
        after = [model.objects.count() for model in counted]
    assert before == after
