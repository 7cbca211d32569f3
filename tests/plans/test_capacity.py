"""Capacity against hours: the reads behind the capacity and quarter pages."""

import datetime

import pytest

from styrbord.plans import queries_capacity
from styrbord.plans.services import items, plans
from tests.factories import OrgUnitFactory
from tests.plans.factories import ItemFactory
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")


@pytest.fixture
def unit(norddjurs):
    return OrgUnitFactory(municipality=norddjurs, name="Digitalisering")


def _hours(item, unit, quarter, requested=0, allocated=0):
    items.set_hours(
        item,
        actor=None,
        org_unit=unit,
        quarter=quarter,
        requested_hours=requested,
        allocated_hours=allocated,
    )


def _capacity(version, unit, **hours):
    plans.set_capacity(
        version,
        actor=None,
        org_unit=unit,
        hours={int(q[1]): value for q, value in hours.items()},
    )


def test_allocation_beyond_capacity_is_over_by_the_difference(draft, unit):
    _capacity(draft, unit, q2=200)
    _hours(ItemFactory(plan_version=draft), unit, 2, requested=300, allocated=320)
    cell = queries_capacity.load(draft).cell(unit.pk, 2)
    assert (cell.available, cell.requested, cell.allocated) == (200, 300, 320)
    assert cell.over_by == 120
    assert cell.is_over and not cell.no_capacity


def test_allocated_hours_without_capacity_are_flagged(draft, unit):
    _hours(ItemFactory(plan_version=draft), unit, 1, allocated=80)
    cell = queries_capacity.load(draft).cell(unit.pk, 1)
    assert cell.available is None
    assert cell.no_capacity
    assert cell.over_by == 80


def test_allocation_within_capacity_is_not_flagged(draft, unit):
    _capacity(draft, unit, q1=100)
    _hours(ItemFactory(plan_version=draft), unit, 1, requested=500, allocated=100)
    table = queries_capacity.load(draft)
    cell = table.cell(unit.pk, 1)
    assert not cell.is_over and not cell.no_capacity
    assert table.over == []


def test_requested_hours_alone_are_not_an_over_allocation(draft, unit):
    _hours(ItemFactory(plan_version=draft), unit, 3, requested=40)
    assert queries_capacity.load(draft).over == []


def test_the_over_allocation_names_the_items_that_take_the_hours(draft, unit):
    _capacity(draft, unit, q1=100)
    first = ItemFactory(plan_version=draft, title="Første")
    second = ItemFactory(plan_version=draft, title="Anden")
    _hours(second, unit, 1, allocated=60)
    _hours(first, unit, 1, allocated=70)
    (cell,) = queries_capacity.load(draft).over
    assert [(share.item, share.allocated) for share in cell.items] == [(first, 70), (second, 60)]


def test_org_units_with_capacity_or_hours_are_rows_by_name(draft, norddjurs):
    with_capacity = OrgUnitFactory(municipality=norddjurs, name="Borgerservice")
    with_hours = OrgUnitFactory(municipality=norddjurs, name="Ældre")
    OrgUnitFactory(municipality=norddjurs, name="Uden noget")
    _capacity(draft, with_capacity, q4=50)
    _hours(ItemFactory(plan_version=draft), with_hours, 4, requested=10)
    rows = queries_capacity.load(draft).rows
    assert [row.org_unit for row in rows] == [with_capacity, with_hours]


def test_quarter_totals_add_up_the_org_units(draft, norddjurs):
    a = OrgUnitFactory(municipality=norddjurs)
    b = OrgUnitFactory(municipality=norddjurs)
    _capacity(draft, a, q1=100)
    _capacity(draft, b, q1=50)
    item = ItemFactory(plan_version=draft)
    _hours(item, a, 1, requested=30, allocated=20)
    _hours(item, b, 1, requested=10, allocated=5)
    total = queries_capacity.load(draft).totals[0]
    assert (total.available, total.requested, total.allocated) == (150, 40, 25)


def test_loading_the_table_takes_the_same_queries_for_many_items(
    draft, unit, django_assert_max_num_queries
):
    for quarter in (1, 2, 3):
        _hours(ItemFactory(plan_version=draft), unit, quarter, requested=10, allocated=5)
    _capacity(draft, unit, q1=10)
    with django_assert_max_num_queries(2):
        queries_capacity.load(draft)
    for _ in range(9):
        _hours(ItemFactory(plan_version=draft), unit, 4, requested=10, allocated=5)
    with django_assert_max_num_queries(2):
        table = queries_capacity.load(draft)
        titles = [share.item.shown_title for share in table.cell(unit.pk, 4).items]
    assert len(titles) == 9


def test_by_quarter_lists_an_item_under_each_quarter_it_has_hours_in(draft, unit):
    item = ItemFactory(plan_version=draft, title="Seminar")
    _hours(item, unit, 2, requested=16)
    view = queries_capacity.by_quarter(draft)
    listed = {plan.quarter: [entry.item for entry in plan.items] for plan in view.quarters}
    assert listed == {1: [], 2: [item], 3: [], 4: []}
    (share,) = view.quarters[1].items[0].shares
    assert (share.org_unit, share.requested, share.allocated) == (unit, 16, 0)


def test_by_quarter_lists_items_without_hours_once(draft, unit):
    planned = ItemFactory(plan_version=draft)
    unplanned = ItemFactory(plan_version=draft)
    _hours(planned, unit, 1, allocated=5)
    assert queries_capacity.by_quarter(draft).unplanned == [unplanned]


def test_by_quarter_shows_capacity_against_allocation_per_quarter(draft, unit):
    _capacity(draft, unit, q3=10)
    _hours(ItemFactory(plan_version=draft), unit, 3, allocated=25)
    quarter = queries_capacity.by_quarter(draft).quarters[2]
    (cell,) = quarter.units
    assert (cell.available, cell.allocated, cell.over_by) == (10, 25, 15)
    assert queries_capacity.by_quarter(draft).quarters[0].units == []


def test_by_quarter_takes_the_same_queries_for_many_items(
    draft, unit, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            project = ProjectFactory(municipality=draft.municipality)
            item = items.add_item(draft, actor=None, project=project)
            _hours(item, unit, 1, requested=10, allocated=5)

    add(3)
    with django_assert_max_num_queries(3):
        view = queries_capacity.by_quarter(draft)
        [entry.item.shown_title for entry in view.quarters[0].items]
    add(9)
    with django_assert_max_num_queries(3):
        view = queries_capacity.by_quarter(draft)
        titles = [entry.item.shown_title for entry in view.quarters[0].items]
    assert len(titles) == 12


@pytest.mark.parametrize(
    ("start", "end", "kind"),
    [
        (datetime.date(2026, 4, 15), datetime.date(2026, 12, 31), "starts"),
        (datetime.date(2025, 1, 1), datetime.date(2026, 5, 31), "ends"),
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30), "starts_and_ends"),
        (datetime.date(2025, 1, 1), datetime.date(2027, 1, 1), "runs"),
        (datetime.date(2026, 9, 1), None, "not_started"),
        (None, datetime.date(2026, 2, 1), "ended"),
    ],
)
def test_a_projects_dates_are_placed_against_the_quarter(draft, norddjurs, start, end, kind):
    project = ProjectFactory(municipality=norddjurs, start_date=start, end_date=end)
    item = items.add_item(draft, actor=None, project=project)
    timing = queries_capacity.project_timing(item, 2026, 2)
    assert timing.kind == kind


def test_an_activity_or_a_project_without_dates_has_no_timing(draft, norddjurs):
    activity = ItemFactory(plan_version=draft)
    project = ProjectFactory(municipality=norddjurs, start_date=None, end_date=None)
    undated = items.add_item(draft, actor=None, project=project)
    assert queries_capacity.project_timing(activity, 2026, 1) is None
    assert queries_capacity.project_timing(undated, 2026, 1) is None


def test_quarters_run_from_the_first_to_the_last_day(plan):
    assert queries_capacity.quarter_dates(2026, 1) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 3, 31),
    )
    assert queries_capacity.quarter_dates(2026, 4) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 12, 31),
    )
