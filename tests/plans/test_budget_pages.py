"""The digitalisation budget's pages: the pools by year, a pool with the plan's share and
the direct allocations, and the forms that write through ``services.budget``."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.models import ChangeLogEntry
from styrbord.governance.models import BodyKind, ItemKind
from styrbord.plans import queries_budget
from styrbord.plans.models import BudgetAllocation, BudgetPool
from styrbord.plans.services import budget, items, plans
from styrbord.portfolio.models import Phase
from tests.governance.factories import AgendaItemFactory, BodyFactory, MeetingFactory
from tests.plans.factories import AllocationFactory, PoolFactory
from tests.plans.test_budget_services import _approve
from tests.portfolio.factories import ProjectFactory, StatusReportFactory

SLUG = "norddjurs"


def _url(name: str, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"plans:{name}", kwargs={"kommune": slug, **kwargs})


def _count(model, **filters) -> int:
    with scopes_disabled():
        return model.objects.filter(**filters).count()


def _logged(obj) -> bool:
    with scopes_disabled():
        return ChangeLogEntry._base_manager.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).exists()


def _allocation_data(project, **overrides) -> dict:
    data = {
        "project": str(project.pk),
        "amount": "150000",
        "purpose": "Prototype på chatbot fra innovationsgruppen",
        "body": "",
        "decided_on": "2026-02-01",
        "agenda_item": "",
        "version": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def pool(norddjurs):
    return PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(1_000_000))


@pytest.fixture
def project(norddjurs):
    return ProjectFactory(municipality=norddjurs, name="Chatbot", phase=Phase.EXECUTION)


@pytest.fixture
def funded(pool, draft, editor, project, norddjurs):
    """300.000 kr. on a plan item and 150.000 kr. allocated directly to a project that has
    reported 40.000 kr. spent."""
    with scope(municipality=norddjurs):
        items.add_item(draft, actor=editor, title="Seminar", allocated_amount=Decimal(300_000))
    StatusReportFactory(project=project, spent_to_date=Decimal(40_000))
    return AllocationFactory(pool=pool, project=project, amount=Decimal(150_000))


# The list


def test_the_list_shows_each_years_budget_with_its_figures(reader_client, funded):
    response = reader_client.get(_url("budgets"))
    assert response.status_code == 200
    row = response.context["rows"][0]
    assert (row.pool.year, row.committed, row.spent, row.remaining) == (
        2026,
        Decimal(450_000),
        Decimal(40_000),
        Decimal(550_000),
    )
    for figure in ("1.000.000 kr.", "450.000 kr.", "40.000 kr.", "550.000 kr."):
        assert figure in response.content.decode()


def test_a_reader_is_not_offered_a_new_budget(reader_client, pool):
    response = reader_client.get(_url("budgets"))
    assert _url("budget_create") not in response.content.decode()


def test_the_list_figures_agree_with_the_budget_services(pool, funded, in_norddjurs):
    PoolFactory(municipality=pool.municipality, year=2027, amount=Decimal(10))
    by_year = {row.pool.year: row for row in queries_budget.pools()}
    assert by_year[2026].committed == budget.committed(pool)
    assert (by_year[2027].committed, by_year[2027].spent) == (Decimal(0), None)


def test_the_list_query_count_is_bounded(reader_client, norddjurs, django_assert_max_num_queries):
    for year in range(2020, 2027):
        pool = PoolFactory(municipality=norddjurs, year=year)
        AllocationFactory.create_batch(3, pool=pool)
    # Session, user and membership, then the pools, the versions and the funded projects.
    with django_assert_max_num_queries(12):
        assert reader_client.get(_url("budgets")).status_code == 200


# A pool


def test_the_pool_page_shows_the_plans_share_allocations_and_totals(reader_client, funded):
    response = reader_client.get(_url("budget", year=2026))
    assert response.status_code == 200
    page = response.content.decode()
    assert _url("version", year=2026, number=1) in page
    assert (
        reverse("portfolio:project_detail", kwargs={"kommune": SLUG, "pk": funded.project_id})
        in page
    )
    for figure in ("300.000 kr.", "150.000 kr.", "450.000 kr.", "550.000 kr.", "40.000 kr."):
        assert figure in page
    assert "Seminar" in page


def test_the_pool_page_names_the_version_that_counts(
    reader_client, pool, draft, plan, editor, secretary, meeting, norddjurs
):
    with scope(municipality=norddjurs):
        items.add_item(draft, actor=editor, title="Seminar", allocated_amount=Decimal(400_000))
        _approve(draft, editor, secretary)
        plans.create_revision(plan, actor=editor)
    summary = reader_client.get(_url("budget", year=2026)).context["summary"]
    assert (summary.approved.total, summary.open.total) == (Decimal(400_000), Decimal(400_000))
    assert summary.counting.version.number == 1
    assert summary.plan_share == Decimal(400_000)


def test_a_project_without_a_report_is_shown_as_not_reported(reader_client, pool):
    AllocationFactory(pool=pool)
    summary = reader_client.get(_url("budget", year=2026)).context["summary"]
    assert (summary.spent, summary.unreported) == (None, 1)


def test_a_year_without_a_budget_is_not_found(reader_client, norddjurs):
    assert reader_client.get(_url("budget", year=2031)).status_code == 404


def test_a_reader_sees_no_edit_controls(reader_client, funded):
    page = reader_client.get(_url("budget", year=2026)).content.decode()
    assert _url("allocation_edit", year=2026, pk=funded.pk) not in page
    assert _url("budget_edit", year=2026) not in page


def test_an_editor_sees_edit_controls(editor_client, funded):
    page = editor_client.get(_url("budget", year=2026)).content.decode()
    assert _url("allocation_edit", year=2026, pk=funded.pk) in page
    assert _url("allocation_delete", year=2026, pk=funded.pk) in page


@pytest.mark.parametrize("count", [3, 12])
def test_the_pool_page_query_count_is_bounded(
    editor_client, funded, count, django_assert_max_num_queries
):
    for _ in range(count - 1):
        project = ProjectFactory(municipality=funded.municipality)
        StatusReportFactory(project=project, spent_to_date=Decimal(1000))
        agenda_item = AgendaItemFactory(
            meeting=MeetingFactory(
                body=BodyFactory(municipality=funded.municipality),
                starts_at=timezone.now() - datetime.timedelta(days=30),
            )
        )
        AllocationFactory(
            pool=funded.pool,
            project=project,
            amount=Decimal(1000),
            body=agenda_item.meeting.body,
            agenda_item=agenda_item,
        )
    # The same for 3 allocations as for 12: nothing is fetched per row.
    with django_assert_max_num_queries(14):
        response = editor_client.get(_url("budget", year=2026))
    assert len(response.context["summary"].allocations) == count


# Creating and editing a pool


def test_creating_a_pool_writes_through_the_service(editor_client, norddjurs):
    response = editor_client.post(
        _url("budget_create"), {"year": "2027", "amount": "2500000", "note": "Puljen"}
    )
    assert response.status_code == 302
    assert response.url == _url("budget", year=2027)
    with scopes_disabled():
        pool = BudgetPool.objects.get(municipality=norddjurs, year=2027)
    assert pool.amount == Decimal(2_500_000)
    assert _logged(pool)


def test_a_second_budget_for_a_year_is_shown_next_to_the_year(editor_client, pool):
    response = editor_client.post(
        _url("budget_create"), {"year": "2026", "amount": "5", "note": "Igen"}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["year"]
    assert 'value="5"' in response.content.decode()


def test_a_negative_budget_is_shown_next_to_the_amount(editor_client, norddjurs):
    response = editor_client.post(
        _url("budget_create"), {"year": "2027", "amount": "-1", "note": ""}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["amount"]
    assert _count(BudgetPool) == 0


def test_reducing_the_budget_below_what_is_committed_shows_the_error(editor_client, funded):
    pool = funded.pool
    response = editor_client.post(
        _url("budget_edit", year=2026),
        {"amount": "400000", "note": "Sparet", "version": str(pool.version)},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["amount"]
    assert "Sparet" in response.content.decode()
    with scopes_disabled():
        pool.refresh_from_db()
    assert pool.amount == Decimal(1_000_000)


def test_the_budget_is_edited_through_the_service(editor_client, pool):
    response = editor_client.post(
        _url("budget_edit", year=2026),
        {"amount": "1200000", "note": "Tillægsbevilling", "version": str(pool.version)},
    )
    assert response.status_code == 302
    with scopes_disabled():
        pool.refresh_from_db()
    assert (pool.amount, pool.note, pool.version) == (Decimal(1_200_000), "Tillægsbevilling", 2)


# Allocations


def test_an_allocation_is_saved_through_the_service(editor_client, pool, project):
    response = editor_client.post(_url("allocation_create", year=2026), _allocation_data(project))
    assert response.status_code == 302
    with scopes_disabled():
        allocation = BudgetAllocation.objects.get()
    assert (allocation.project, allocation.amount) == (project, Decimal(150_000))
    assert _logged(allocation)


def test_an_allocation_beyond_the_pool_shows_the_error_and_keeps_the_purpose(
    editor_client, pool, project
):
    data = _allocation_data(project, amount="1000001", purpose="Et helt særligt formål")
    response = editor_client.post(_url("allocation_create", year=2026), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["amount"]
    assert "Et helt særligt formål" in response.content.decode()
    assert _count(BudgetAllocation) == 0


def test_a_future_decision_date_is_shown_next_to_the_date(editor_client, pool, project):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = editor_client.post(
        _url("allocation_create", year=2026), _allocation_data(project, decided_on=tomorrow)
    )
    assert list(response.context["form"].errors) == ["decided_on"]


def test_a_new_allocation_suggests_the_project_and_the_innovation_group(
    editor_client, pool, project, norddjurs
):
    iod = BodyFactory(municipality=norddjurs, kind=BodyKind.INNOVATION_GROUP, name="IOD")
    response = editor_client.get(_url("allocation_create", year=2026) + f"?project={project.pk}")
    form = response.context["form"]
    assert (form.initial["project"], form.initial["body"]) == (project.pk, iod.pk)
    assert form.initial["decided_on"] == timezone.localdate()


def test_no_body_is_suggested_when_there_are_two_innovation_groups(editor_client, pool, norddjurs):
    BodyFactory.create_batch(2, municipality=norddjurs, kind=BodyKind.INNOVATION_GROUP)
    form = editor_client.get(_url("allocation_create", year=2026)).context["form"]
    assert form.initial.get("body") is None


def test_the_choices_are_this_municipalitys_open_projects_and_recent_decisions(
    editor_client, pool, project, norddjurs, rebild, steering_group
):
    closed = ProjectFactory(municipality=norddjurs, phase=Phase.CLOSED)
    theirs = ProjectFactory(municipality=rebild)
    recent = MeetingFactory(body=steering_group, starts_at=timezone.now() - datetime.timedelta(30))
    old = MeetingFactory(body=steering_group, starts_at=timezone.now() - datetime.timedelta(800))
    decision = AgendaItemFactory(meeting=recent, kind=ItemKind.DECISION)
    AgendaItemFactory(meeting=recent, kind=ItemKind.ORIENTATION)
    AgendaItemFactory(meeting=old, kind=ItemKind.DECISION)
    form = editor_client.get(_url("allocation_create", year=2026)).context["form"]
    with scope(municipality=norddjurs):
        projects = set(form.fields["project"].queryset)
        agenda_items = list(form.fields["agenda_item"].queryset)
    assert project in projects
    assert closed not in projects and theirs not in projects
    assert agenda_items == [decision]


def test_an_allocation_is_edited_through_the_service(editor_client, funded):
    data = _allocation_data(funded.project, amount="200000", version=str(funded.version))
    response = editor_client.post(_url("allocation_edit", year=2026, pk=funded.pk), data)
    assert response.status_code == 302
    with scopes_disabled():
        funded.refresh_from_db()
    assert funded.amount == Decimal(200_000)


def test_a_stale_allocation_edit_keeps_the_input(editor_client, funded):
    data = _allocation_data(funded.project, purpose="Mit formål", version=str(funded.version - 1))
    response = editor_client.post(_url("allocation_edit", year=2026, pk=funded.pk), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Mit formål" in response.content.decode()


def test_an_allocation_is_deleted_through_the_service(editor_client, funded):
    response = editor_client.post(_url("allocation_delete", year=2026, pk=funded.pk))
    assert response.status_code == 302
    assert _count(BudgetAllocation) == 0


def test_another_municipalitys_allocation_is_not_found(editor_client, pool, rebild):
    theirs = AllocationFactory(pool=PoolFactory(municipality=rebild, year=2026))
    response = editor_client.get(_url("allocation_edit", year=2026, pk=theirs.pk))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("budget_create", {}),
        ("budget_edit", {"year": 2026}),
        ("allocation_create", {"year": 2026}),
        ("allocation_edit", {"year": 2026, "pk": None}),
        ("allocation_delete", {"year": 2026, "pk": None}),
    ],
)
def test_a_reader_gets_403_on_writes(reader_client, funded, project, name, kwargs):
    kwargs = {key: funded.pk if value is None else value for key, value in kwargs.items()}
    data = _allocation_data(project) | {"year": "2027", "version": "1"}
    response = reader_client.post(_url(name, **kwargs), data)
    assert response.status_code == 403
    assert _count(BudgetAllocation) == 1
    assert _count(BudgetPool) == 1
