"""The action plan API: scoped, token-authenticated, through the plan services and their
policy; bad input is answered 400 on the field, a stale version 409."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from styrbord.core.services import changes
from styrbord.core.services.users import create_api_token
from styrbord.governance.models import MeetingStatus, Outcome
from styrbord.governance.services import items as agenda
from styrbord.plans.models import (
    ActionPlan,
    BudgetPool,
    ItemHours,
    ItemScore,
    PlanVersion,
    VersionState,
)
from styrbord.plans.services import decisions, items
from tests.factories import OrgUnitFactory
from tests.governance.factories import BodyFactory
from tests.plans.factories import AllocationFactory, ItemFactory, PoolFactory, make_plan
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")

API = "/api/norddjurs/indsatsplan"


def token_client(user, municipality) -> Client:
    _token, key = create_api_token(
        user=user, municipality=municipality, name="Test", can_write=True
    )
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def post(client: Client, url: str, data: dict | None = None):
    return client.post(url, data or {}, content_type="application/json")


def patch(client: Client, url: str, data: dict):
    return client.patch(url, data, content_type="application/json")


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def current(client: Client, path: str) -> int:
    """The ``version`` of a row as the API shows it now."""
    return client.get(f"{API}/{path}").json()["version"]


@pytest.fixture
def editor_api(editor, norddjurs):
    return token_client(editor, norddjurs)


@pytest.fixture
def reader_api(reader, norddjurs):
    return token_client(reader, norddjurs)


def _approve(version: PlanVersion, editor, secretary) -> PlanVersion:
    """Submit ``version`` and record the steering group's approval at a held meeting."""
    version.refresh_from_db()
    decisions.submit(version, actor=editor, expected_version=version.version)
    version.refresh_from_db()
    meeting = version.agenda_item.meeting
    changes.update(
        meeting,
        actor=None,
        expected_version=meeting.version,
        changes={
            "status": MeetingStatus.HELD,
            "starts_at": timezone.now() - timezone.timedelta(days=1),
        },
    )
    item = version.agenda_item
    item.refresh_from_db()
    agenda.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Godkendt.",
        outcome=Outcome.APPROVED,
    )
    version.refresh_from_db()
    return version


# --- plans and versions ---


def test_plans_are_listed_and_retrieved_with_their_versions(reader_api, plan, draft, norddjurs):
    older = make_plan(norddjurs, year=2025)
    assert ids(reader_api.get(f"{API}/plans/")) == [plan.pk, older.pk]
    detail = reader_api.get(f"{API}/plans/{plan.pk}/").json()
    assert detail["year"] == 2026
    assert detail["versions"] == [{"id": draft.pk, "number": 1, "state": "draft"}]


def test_a_plan_is_created_with_its_first_draft(editor_api, steering_group):
    response = post(
        editor_api,
        f"{API}/plans/",
        {"year": 2027, "approving_body": steering_group.pk, "introduction": "Vi digitaliserer."},
    )
    assert response.status_code == 201, response.json()
    # The default title is translated; the year is in it whatever the language.
    assert "2027" in response.json()["title"]
    version = PlanVersion.objects.get(plan_id=response.json()["id"])
    assert (version.number, version.introduction) == (1, "Vi digitaliserer.")


def test_a_second_plan_for_the_same_year_is_400_on_year(editor_api, plan):
    response = post(editor_api, f"{API}/plans/", {"year": 2026})
    assert response.status_code == 400
    assert list(response.json()) == ["year"]


def test_a_body_of_another_municipality_is_400(editor_api, rebild):
    foreign = BodyFactory(municipality=rebild)
    response = post(editor_api, f"{API}/plans/", {"year": 2030, "owner_body": foreign.pk})
    assert response.status_code == 400
    assert "owner_body" in response.json()


def test_a_stale_plan_update_is_409_and_changes_nothing(editor_api, plan):
    url = f"{API}/plans/{plan.pk}/"
    assert patch(editor_api, url, {"title": "Første", "version": 1}).status_code == 200
    second = patch(editor_api, url, {"title": "Anden", "version": 1})
    assert second.status_code == 409
    assert editor_api.get(url).json()["title"] == "Første"


def test_versions_are_filtered_by_plan(reader_api, draft, norddjurs):
    other = PlanVersion.objects.get(plan=make_plan(norddjurs, year=2025))
    assert ids(reader_api.get(f"{API}/versions/", {"plan": draft.plan_id})) == [draft.pk]
    assert other.pk in ids(reader_api.get(f"{API}/versions/"))


def test_a_drafts_introduction_is_updated(editor_api, draft):
    response = patch(
        editor_api, f"{API}/versions/{draft.pk}/", {"introduction": "Nyt år.", "version": 1}
    )
    assert response.status_code == 200, response.json()
    assert response.json()["introduction"] == "Nyt år."


def test_submitting_with_a_coming_meeting_makes_the_version_submitted(editor_api, draft, meeting):
    ItemFactory(plan_version=draft, title="Digitaliseringsseminar")
    seen = current(editor_api, f"versions/{draft.pk}/")
    response = post(editor_api, f"{API}/versions/{draft.pk}/submit/", {"version": seen})
    assert response.status_code == 200, response.json()
    assert response.json()["state"] == VersionState.SUBMITTED
    assert response.json()["agenda_item"] is not None


def test_submitting_without_items_is_400(editor_api, draft, meeting):
    response = post(editor_api, f"{API}/versions/{draft.pk}/submit/", {"version": 1})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_a_revision_of_an_open_version_is_400(editor_api, plan, draft):
    response = post(editor_api, f"{API}/plans/{plan.pk}/revisions/", {"change_note": "Mere"})
    assert response.status_code == 400


def test_a_revision_of_an_approved_version_is_a_new_draft(
    editor_api, editor, secretary, plan, draft, meeting
):
    ItemFactory(plan_version=draft, title="A")
    _approve(draft, editor, secretary)
    response = post(editor_api, f"{API}/plans/{plan.pk}/revisions/", {"change_note": "Mere"})
    assert response.status_code == 201, response.json()
    assert (response.json()["number"], response.json()["state"]) == (2, "draft")
    assert response.json()["change_note"] == "Mere"


def test_an_approved_versions_items_show_their_snapshot(
    reader_api, editor, secretary, draft, meeting
):
    ItemFactory(plan_version=draft, title="Seminar")
    _approve(draft, editor, secretary)
    rows = reader_api.get(f"{API}/items/", {"plan_version": draft.pk}).json()["results"]
    assert rows[0]["frozen"] == {"title": "Seminar"}


# --- items ---


def test_an_item_is_added_at_the_bottom_with_its_weighted_score(editor_api, draft, norddjurs):
    ItemFactory(plan_version=draft, title="Først")
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    response = post(editor_api, f"{API}/items/", {"plan_version": draft.pk, "project": project.pk})
    assert response.status_code == 201, response.json()
    assert (response.json()["title"], response.json()["rank"]) == ("Borgerblikket", 2)
    item = draft.items.get(pk=response.json()["id"])
    for criterion in draft.criteria.all():
        items.set_score(item, actor=None, criterion=criterion, score=4)
    detail = editor_api.get(f"{API}/items/{item.pk}/").json()
    assert detail["score_complete"] is True
    assert detail["weighted_score"] is not None


def test_an_activity_without_a_title_is_400_on_title(editor_api, draft):
    response = post(editor_api, f"{API}/items/", {"plan_version": draft.pk})
    assert response.status_code == 400
    assert "title" in response.json()


def test_another_municipalitys_project_is_400_on_project(editor_api, draft, rebild):
    foreign = ProjectFactory(municipality=rebild)
    response = post(editor_api, f"{API}/items/", {"plan_version": draft.pk, "project": foreign.pk})
    assert response.status_code == 400
    assert "project" in response.json()


def test_an_allocation_beyond_the_pool_is_400_on_allocated_amount(editor_api, draft, norddjurs):
    PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(500_000))
    response = post(
        editor_api,
        f"{API}/items/",
        {"plan_version": draft.pk, "title": "Dyrt", "allocated_amount": "600000.00"},
    )
    assert response.status_code == 400
    assert "allocated_amount" in response.json()
    assert not draft.items.exists()


def test_a_stale_item_update_is_409(editor_api, draft):
    item = ItemFactory(plan_version=draft)
    url = f"{API}/items/{item.pk}/"
    assert patch(editor_api, url, {"rationale": "Fordi", "version": 1}).status_code == 200
    assert patch(editor_api, url, {"rationale": "Derfor", "version": 1}).status_code == 409


def test_a_reorder_sets_the_ranking(editor_api, draft):
    a, b = ItemFactory(plan_version=draft), ItemFactory(plan_version=draft)
    url = f"{API}/versions/{draft.pk}/"
    seen = current(editor_api, f"versions/{draft.pk}/")
    response = post(editor_api, f"{url}reorder/", {"order": [b.pk, a.pk], "version": seen})
    assert response.status_code == 200, response.json()
    assert ids(editor_api.get(f"{API}/items/", {"plan_version": draft.pk})) == [b.pk, a.pk]


def test_a_reorder_with_a_stale_version_is_409(editor_api, draft):
    a, b = ItemFactory(plan_version=draft), ItemFactory(plan_version=draft)
    seen = current(editor_api, f"versions/{draft.pk}/")
    moved = post(
        editor_api, f"{API}/items/{b.pk}/move/", {"direction": "up", "plan_version_version": seen}
    )
    assert moved.status_code == 200, moved.json()
    assert moved.json()["rank"] == 1
    stale = post(
        editor_api, f"{API}/versions/{draft.pk}/reorder/", {"order": [a.pk, b.pk], "version": seen}
    )
    assert stale.status_code == 409
    assert ids(editor_api.get(f"{API}/items/", {"plan_version": draft.pk})) == [b.pk, a.pk]


def test_deleting_an_item_closes_the_gap(editor_api, draft):
    a, b = ItemFactory(plan_version=draft), ItemFactory(plan_version=draft)
    assert editor_api.delete(f"{API}/items/{a.pk}/").status_code == 204
    assert editor_api.get(f"{API}/items/{b.pk}/").json()["rank"] == 1


def test_a_submitted_version_refuses_new_items_with_400(editor_api, editor, draft, meeting):
    ItemFactory(plan_version=draft)
    draft.refresh_from_db()
    decisions.submit(draft, actor=editor, expected_version=draft.version)
    response = post(editor_api, f"{API}/items/", {"plan_version": draft.pk, "title": "Sent"})
    assert response.status_code == 400


# --- criteria, scores and hours ---


def test_a_criterion_is_added_and_a_duplicate_name_is_400(editor_api, draft):
    data = {"plan_version": draft.pk, "name": "Borgernærhed", "weight": 10}
    assert post(editor_api, f"{API}/criteria/", data).status_code == 201
    duplicate = post(editor_api, f"{API}/criteria/", {**data, "name": "borgernærhed"})
    assert duplicate.status_code == 400
    assert "name" in duplicate.json()


def test_a_criterion_is_deleted(editor_api, draft):
    criterion = draft.criteria.first()
    assert editor_api.delete(f"{API}/criteria/{criterion.pk}/").status_code == 204
    assert criterion.pk not in ids(editor_api.get(f"{API}/criteria/", {"plan_version": draft.pk}))


def test_a_score_of_7_is_400_on_score(editor_api, draft):
    item = ItemFactory(plan_version=draft)
    data = {"item": item.pk, "criterion": draft.criteria.first().pk, "score": 7}
    response = post(editor_api, f"{API}/scores/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["score"]


def test_a_score_is_set_replaced_and_cleared(editor_api, draft):
    item = ItemFactory(plan_version=draft)
    data = {"item": item.pk, "criterion": draft.criteria.first().pk, "score": 3}
    assert post(editor_api, f"{API}/scores/", data).status_code == 201
    replaced = post(editor_api, f"{API}/scores/", {**data, "score": 5, "comment": "Lov"})
    assert replaced.status_code == 200
    assert ids(editor_api.get(f"{API}/scores/", {"item": item.pk})) == [replaced.json()["id"]]
    assert editor_api.delete(f"{API}/scores/{replaced.json()['id']}/").status_code == 204
    assert not ItemScore.objects.filter(item=item).exists()


def test_negative_hours_are_400_on_requested_hours(editor_api, draft, norddjurs):
    item = ItemFactory(plan_version=draft)
    unit = OrgUnitFactory(municipality=norddjurs)
    data = {"item": item.pk, "org_unit": unit.pk, "quarter": 1, "requested_hours": -5}
    response = post(editor_api, f"{API}/hours/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["requested_hours"]


def test_hours_are_set_for_an_org_unit_and_quarter(editor_api, draft, norddjurs):
    item = ItemFactory(plan_version=draft)
    unit = OrgUnitFactory(municipality=norddjurs)
    data = {"item": item.pk, "org_unit": unit.pk, "quarter": 2, "requested_hours": 40}
    response = post(editor_api, f"{API}/hours/", {**data, "allocated_hours": 30})
    assert response.status_code == 201, response.json()
    assert ItemHours.objects.get(item=item).allocated_hours == 30


# --- the digitalisation budget ---


def test_a_budget_is_created_and_shows_what_remains(editor_api, norddjurs):
    response = post(editor_api, f"{API}/budgets/", {"year": 2026, "amount": "1000000.00"})
    assert response.status_code == 201, response.json()
    pool = BudgetPool.objects.get(pk=response.json()["id"])
    AllocationFactory(pool=pool, municipality=norddjurs, amount=250_000)
    detail = editor_api.get(f"{API}/budgets/{response.json()['id']}/").json()
    assert (detail["committed"], detail["remaining"]) == ("250000.00", "750000.00")


def test_an_allocation_beyond_the_remainder_is_400_on_amount(editor_api, norddjurs):
    pool = PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(300_000))
    project = ProjectFactory(municipality=norddjurs)
    data = {"pool": pool.pk, "project": project.pk, "decided_on": "2026-01-15"}
    first = post(editor_api, f"{API}/allocations/", {**data, "amount": "200000.00"})
    assert first.status_code == 201, first.json()
    second = post(editor_api, f"{API}/allocations/", {**data, "amount": "200000.00"})
    assert second.status_code == 400
    assert list(second.json()) == ["amount"]


def test_a_stale_budget_update_is_409(editor_api, norddjurs):
    pool = PoolFactory(municipality=norddjurs)
    url = f"{API}/budgets/{pool.pk}/"
    assert patch(editor_api, url, {"note": "Puljen", "version": 1}).status_code == 200
    assert patch(editor_api, url, {"note": "Anden", "version": 1}).status_code == 409


# --- permissions and tenancy ---


def test_a_reader_gets_403_on_every_write(reader_api, plan, draft, norddjurs):
    item = ItemFactory(plan_version=draft)
    pool = PoolFactory(municipality=norddjurs)
    refused = [
        post(reader_api, f"{API}/plans/", {"year": 2031}),
        patch(reader_api, f"{API}/plans/{plan.pk}/", {"title": "X", "version": 1}),
        post(reader_api, f"{API}/items/", {"plan_version": draft.pk, "title": "X"}),
        reader_api.delete(f"{API}/items/{item.pk}/"),
        post(reader_api, f"{API}/versions/{draft.pk}/reorder/", {"order": [], "version": 1}),
        post(reader_api, f"{API}/budgets/", {"year": 2031, "amount": "1.00"}),
        patch(reader_api, f"{API}/budgets/{pool.pk}/", {"note": "X", "version": 1}),
    ]
    assert [response.status_code for response in refused] == [403] * len(refused)
    assert ActionPlan.objects.count() == 1


def test_another_municipalitys_editor_is_403_under_norddjurs(client, other_editor, plan):
    client.force_login(other_editor)
    assert client.get(f"{API}/plans/{plan.pk}/").status_code == 403


def test_norddjurs_plan_is_404_under_rebild(other_editor, rebild, plan):
    client = token_client(other_editor, rebild)
    assert client.get(f"/api/rebild/indsatsplan/plans/{plan.pk}/").status_code == 404
    response = patch(client, f"/api/rebild/indsatsplan/plans/{plan.pk}/", {"version": 1})
    assert response.status_code == 404


# --- query counts ---


@pytest.mark.parametrize("count", [3, 12])
def test_the_item_list_has_a_bounded_query_count(
    editor_api, draft, norddjurs, count, django_assert_max_num_queries
):
    criteria = list(draft.criteria.all())
    for _ in range(count):
        item = ItemFactory(plan_version=draft, project=ProjectFactory(municipality=norddjurs))
        for criterion in criteria[:3]:
            items.set_score(item, actor=None, criterion=criterion, score=3)
    with django_assert_max_num_queries(10):
        response = editor_api.get(f"{API}/items/", {"plan_version": draft.pk})
    assert len(response.json()["results"]) == count


@pytest.mark.parametrize(
    "path",
    ["plans/", "versions/", "criteria/", "scores/", "hours/", "budgets/", "allocations/"],
)
def test_lists_have_a_bounded_query_count(
    editor_api, draft, norddjurs, path, django_assert_max_num_queries
):
    pool = PoolFactory(municipality=norddjurs)
    unit = OrgUnitFactory(municipality=norddjurs)
    for year in range(2020, 2024):
        make_plan(norddjurs, year=year)
    for _ in range(4):
        item = ItemFactory(plan_version=draft)
        items.set_score(item, actor=None, criterion=draft.criteria.first(), score=2)
        items.set_hours(
            item, actor=None, org_unit=unit, quarter=1, requested_hours=8, allocated_hours=8
        )
        AllocationFactory(pool=pool, municipality=norddjurs, amount=1000)
    with django_assert_max_num_queries(10):
        assert editor_api.get(f"{API}/{path}").status_code == 200
