"""The digitalisation budget's rules: a pool per year, and neither the plan nor a direct
allocation may take more than the pool holds."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from styrbord.core.services import changes
from styrbord.governance.models import MeetingStatus, Outcome
from styrbord.governance.services import items as agenda
from styrbord.plans.models import BudgetAllocation, BudgetPool, VersionState
from styrbord.plans.services import budget, decisions, items, plans
from tests.plans.factories import AllocationFactory, PoolFactory
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")

DECIDED = datetime.date(2026, 2, 1)


@pytest.fixture
def pool(norddjurs):
    return PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(1_000_000))


def _approve(version, editor, secretary):
    """Submit the version and record the steering group's approval at its meeting."""
    version.refresh_from_db()
    decisions.submit(version, actor=editor, expected_version=version.version)
    version.refresh_from_db()
    item = version.agenda_item
    meeting = item.meeting
    changes.update(
        meeting,
        actor=None,
        expected_version=meeting.version,
        changes={"status": MeetingStatus.HELD, "starts_at": timezone.now() - datetime.timedelta(1)},
    )
    item.refresh_from_db()
    agenda.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Styregruppen godkender planen.",
        outcome=Outcome.APPROVED,
    )
    version.refresh_from_db()
    assert version.state == VersionState.APPROVED
    return version


def _allocate(pool, editor, **data):
    values = {
        "project": ProjectFactory(municipality=pool.municipality),
        "amount": Decimal(100_000),
        "purpose": "Prototype fra innovationsgruppen",
        "decided_on": DECIDED,
    }
    values.update(data)
    return budget.allocate(pool, actor=editor, **values)


@pytest.fixture
def revised(pool, draft, plan, editor, secretary, meeting):
    """Version 1 approved with 400.000 kr. on one item, and version 2 in draft."""
    items.add_item(draft, actor=editor, title="Seminar", allocated_amount=Decimal(400_000))
    _approve(draft, editor, secretary)
    revision = plans.create_revision(plan, actor=editor, change_note="Ny fordeling")
    return revision.items.get()


def _reallocate(item, editor, amount: int) -> None:
    item.refresh_from_db()
    items.update_item(
        item, actor=editor, expected_version=item.version, allocated_amount=Decimal(amount)
    )


# Pools


def test_a_pool_is_created_with_a_change_log_entry(norddjurs, editor):
    pool = budget.create_pool(
        municipality=norddjurs, actor=editor, year=2027, amount=Decimal(2_500_000), note="Puljen"
    )
    assert (pool.year, pool.amount) == (2027, Decimal(2_500_000))


def test_a_second_pool_for_the_same_year_is_refused_on_the_year(pool, norddjurs, editor):
    with pytest.raises(ValidationError) as refused:
        budget.create_pool(municipality=norddjurs, actor=editor, year=2026, amount=Decimal(1))
    assert list(refused.value.message_dict) == ["year"]


def test_a_negative_pool_is_refused_on_the_amount(norddjurs, editor):
    with pytest.raises(ValidationError) as refused:
        budget.create_pool(municipality=norddjurs, actor=editor, year=2027, amount=Decimal(-1))
    assert list(refused.value.message_dict) == ["amount"]
    assert not BudgetPool.objects.filter(year=2027).exists()


def test_reducing_the_pool_below_what_is_committed_is_refused(pool, draft, editor):
    items.add_item(draft, actor=editor, title="Seminar", allocated_amount=Decimal(200_000))
    _allocate(pool, editor, amount=Decimal(300_000))
    pool.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        budget.update_pool(
            pool, actor=editor, expected_version=pool.version, amount=Decimal(499_999)
        )
    assert list(refused.value.message_dict) == ["amount"]
    pool.refresh_from_db()
    assert pool.amount == Decimal(1_000_000)


def test_the_pool_can_be_reduced_to_exactly_what_is_committed(pool, editor):
    _allocate(pool, editor, amount=Decimal(300_000))
    pool.refresh_from_db()
    budget.update_pool(pool, actor=editor, expected_version=pool.version, amount=Decimal(300_000))
    pool.refresh_from_db()
    assert pool.amount == Decimal(300_000)


# Direct allocations


def test_a_direct_allocation_within_the_remainder_is_saved(pool, editor):
    allocation = _allocate(pool, editor, amount=Decimal(1_000_000))
    assert BudgetAllocation.objects.get().pk == allocation.pk
    assert budget.committed(pool) == Decimal(1_000_000)


def test_a_direct_allocation_beyond_the_remainder_is_refused_on_the_amount(pool, draft, editor):
    items.add_item(draft, actor=editor, title="Seminar", allocated_amount=Decimal(600_000))
    _allocate(pool, editor, amount=Decimal(300_000))
    with pytest.raises(ValidationError) as refused:
        _allocate(pool, editor, amount=Decimal(100_001))
    assert list(refused.value.message_dict) == ["amount"]
    assert BudgetAllocation.objects.count() == 1


def test_an_allocation_of_nothing_is_refused(pool, editor):
    with pytest.raises(ValidationError) as refused:
        _allocate(pool, editor, amount=Decimal(0))
    assert list(refused.value.message_dict) == ["amount"]


def test_an_allocation_dated_in_the_future_is_refused(pool, editor):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        _allocate(pool, editor, decided_on=tomorrow)
    assert list(refused.value.message_dict) == ["decided_on"]


def test_an_allocation_to_another_municipalitys_project_is_refused(pool, editor, rebild):
    with pytest.raises(ValidationError) as refused:
        _allocate(pool, editor, project=ProjectFactory(municipality=rebild))
    assert list(refused.value.message_dict) == ["project"]
    assert not BudgetAllocation.objects.exists()


def test_a_reader_cannot_allocate(pool, reader):
    with pytest.raises(PermissionDenied):
        _allocate(pool, reader)


def test_a_reader_cannot_change_the_pool(pool, reader):
    with pytest.raises(PermissionDenied):
        budget.update_pool(pool, actor=reader, expected_version=pool.version, amount=Decimal(1))


def test_an_edited_allocation_does_not_count_against_itself(pool, editor):
    allocation = _allocate(pool, editor, amount=Decimal(600_000))
    budget.update_allocation(
        allocation,
        actor=editor,
        expected_version=allocation.version,
        amount=Decimal(1_000_000),
    )
    allocation.refresh_from_db()
    assert allocation.amount == Decimal(1_000_000)


def test_deleting_an_allocation_returns_the_money_to_the_pool(pool, editor):
    allocation = _allocate(pool, editor, amount=Decimal(600_000))
    budget.delete_allocation(allocation, actor=editor)
    assert budget.committed(pool) == Decimal(0)


# The plan's share


def test_the_plans_share_is_the_approved_version_when_the_draft_holds_less(pool, revised, editor):
    _reallocate(revised, editor, 100_000)
    assert budget.plan_share(pool) == Decimal(400_000)


def test_the_plans_share_is_the_draft_when_it_holds_more(pool, revised, editor):
    _reallocate(revised, editor, 700_000)
    assert budget.plan_share(pool) == Decimal(700_000)


def test_a_direct_allocation_cannot_take_what_the_approved_version_holds(pool, revised, editor):
    _reallocate(revised, editor, 100_000)
    with pytest.raises(ValidationError) as refused:
        _allocate(pool, editor, amount=Decimal(600_001))
    assert list(refused.value.message_dict) == ["amount"]


def test_another_years_allocations_do_not_count(pool, norddjurs):
    AllocationFactory(pool=PoolFactory(municipality=norddjurs, year=2025), amount=Decimal(5))
    assert budget.committed(pool) == Decimal(0)
