"""The benefits API: scoped, token-authenticated, through the benefit services and their
policy; bad input is answered 400 on the field, a stale version 409."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from styrbord.benefits import queries
from styrbord.benefits.models import (
    Benefit,
    BusinessCase,
    Category,
    CostKind,
    CostLine,
    CostType,
    Harvest,
    MapEdge,
    MapNode,
    Measurement,
    NodeKind,
    ProfilePoint,
)
from styrbord.benefits.services import benefits as benefit_services
from styrbord.benefits.services import maps, measurements
from styrbord.core.services.users import create_api_token
from tests.benefits.factories import (
    BenefitFactory,
    CaseFactory,
    CostFactory,
    ManagerFactory,
    NodeFactory,
    measure,
)
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")

API = "/api/norddjurs/gevinster"


def token_client(user, municipality, can_write: bool = True) -> Client:
    _token, key = create_api_token(
        user=user, municipality=municipality, name="Test", can_write=can_write
    )
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def post(client: Client, url: str, data: dict | None = None):
    return client.post(url, data or {}, content_type="application/json")


def patch(client: Client, url: str, data: dict):
    return client.patch(url, data, content_type="application/json")


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def editor_api(editor, norddjurs):
    return token_client(editor, norddjurs)


@pytest.fixture
def reader_api(reader, norddjurs):
    return token_client(reader, norddjurs)


@pytest.fixture
def project(norddjurs):
    return ProjectFactory(municipality=norddjurs, name="Digital post")


@pytest.fixture
def benefit(project):
    return BenefitFactory(project=project, title="Kortere sagsbehandling")


@pytest.fixture
def releasing(project):
    return BenefitFactory(
        project=project, title="Færre porto-udgifter", category=Category.BUDGET_RELEASING
    )


@pytest.fixture
def foreign_project(rebild):
    return ProjectFactory(municipality=rebild)


def benefit_data(project, **changes) -> dict:
    return {
        "project": project.pk,
        "title": "Hurtigere svar",
        "category": "quality",
        "measure": "Svartid",
        "unit": "dage",
        "direction": "lower",
        "baseline_value": "10.00",
        "baseline_date": "2026-01-01",
        "target_expected": "5.00",
        "target_date": "2027-01-01",
        **changes,
    }


# --- benefits ---


def test_a_benefit_is_read_with_its_latest_value_and_achievement(reader_api, benefit):
    measure(benefit, 16, days_ago=10)
    detail = reader_api.get(f"{API}/benefits/{benefit.pk}/").json()
    assert (detail["baseline_value"], detail["latest_value"]) == ("20.00", "16.00")
    assert detail["achievement_percent"] == 50
    assert "50" in detail["achievement_meaning"]
    assert detail["next_measurement_due"] is None


def test_benefits_are_filtered_by_project(reader_api, benefit, norddjurs):
    other = BenefitFactory(project=ProjectFactory(municipality=norddjurs))
    assert ids(reader_api.get(f"{API}/benefits/", {"project": benefit.project_id})) == [benefit.pk]
    assert other.pk in ids(reader_api.get(f"{API}/benefits/"))


def test_a_benefit_is_created(editor_api, project):
    response = post(editor_api, f"{API}/benefits/", benefit_data(project))
    assert response.status_code == 201, response.json()
    assert response.json()["achievement_meaning"] == "Ikke målt endnu."
    assert Benefit.objects.get(pk=response.json()["id"]).project == project


def test_a_target_date_before_the_baseline_date_is_400_on_target_date(editor_api, project):
    data = benefit_data(project, target_date="2025-12-31")
    response = post(editor_api, f"{API}/benefits/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["target_date"]
    assert not Benefit.objects.exists()


def test_a_benefit_is_updated(editor_api, benefit):
    response = patch(
        editor_api, f"{API}/benefits/{benefit.pk}/", {"status": "on_track", "version": 1}
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["version"]) == ("on_track", 2)


def test_a_stale_benefit_update_is_409_and_changes_nothing(editor_api, benefit):
    url = f"{API}/benefits/{benefit.pk}/"
    assert patch(editor_api, url, {"title": "Første", "version": 1}).status_code == 200
    second = patch(editor_api, url, {"title": "Anden", "version": 1})
    assert second.status_code == 409
    assert second.json()["changed_fields"] == ["title"]
    assert editor_api.get(url).json()["title"] == "Første"


def test_a_benefit_is_deleted(editor_api, benefit):
    assert editor_api.delete(f"{API}/benefits/{benefit.pk}/").status_code == 204
    assert not Benefit.objects.filter(pk=benefit.pk).exists()


def test_another_municipalitys_owner_is_400_on_owner(editor_api, project, rebild):
    foreign = ManagerFactory(municipality=rebild)
    response = post(editor_api, f"{API}/benefits/", benefit_data(project, owner=foreign.pk))
    assert response.status_code == 400
    assert list(response.json()) == ["owner"]


# --- measurements ---


def test_measurements_are_listed_by_benefit_newest_first(reader_api, benefit, project):
    older, newer = measure(benefit, 18, days_ago=20), measure(benefit, 16, days_ago=5)
    measure(BenefitFactory(project=project), 3)
    assert ids(reader_api.get(f"{API}/measurements/", {"benefit": benefit.pk})) == [
        newer.pk,
        older.pk,
    ]


def test_a_measurement_is_recorded_and_becomes_the_latest_value(editor_api, editor, benefit):
    data = {"benefit": benefit.pk, "measured_on": "2026-11-01", "value": "15.50"}
    response = post(editor_api, f"{API}/measurements/", data)
    assert response.status_code == 201, response.json()
    assert response.json()["recorded_by"] == editor.get_full_name()
    detail = editor_api.get(f"{API}/benefits/{benefit.pk}/").json()
    assert (detail["latest_value"], detail["latest_measured_on"]) == ("15.50", "2026-11-01")


def test_a_measurement_without_a_value_is_400_on_value(editor_api, benefit):
    response = post(
        editor_api, f"{API}/measurements/", {"benefit": benefit.pk, "measured_on": "2026-11-01"}
    )
    assert response.status_code == 400
    assert list(response.json()) == ["value"]
    assert not Measurement.objects.exists()


def test_the_benefit_owner_records_a_measurement_as_a_reader(reader_api, reader, project):
    owner = ManagerFactory(municipality=project.municipality, user=reader)
    owned = BenefitFactory(project=project, owner=owner)
    data = {"benefit": owned.pk, "measured_on": "2026-11-01", "value": "14.00"}
    response = post(reader_api, f"{API}/measurements/", data)
    assert response.status_code == 201, response.json()


def test_a_reader_who_owns_nothing_cannot_record_a_measurement(reader_api, benefit):
    data = {"benefit": benefit.pk, "measured_on": "2026-11-01", "value": "14.00"}
    assert post(reader_api, f"{API}/measurements/", data).status_code == 403
    assert not Measurement.objects.exists()


def test_the_owners_read_only_token_cannot_record(reader, project, norddjurs):
    owned = BenefitFactory(
        project=project, owner=ManagerFactory(municipality=norddjurs, user=reader)
    )
    client = token_client(reader, norddjurs, can_write=False)
    data = {"benefit": owned.pk, "measured_on": "2026-11-01", "value": "14.00"}
    assert post(client, f"{API}/measurements/", data).status_code == 403


def test_deleting_a_measurement_clears_the_latest_value(editor_api, benefit):
    measurement = measure(benefit, 17)
    assert editor_api.delete(f"{API}/measurements/{measurement.pk}/").status_code == 204
    assert editor_api.get(f"{API}/benefits/{benefit.pk}/").json()["latest_value"] is None


def test_a_reader_cannot_delete_a_measurement(reader_api, reader, project):
    owned = BenefitFactory(
        project=project, owner=ManagerFactory(municipality=project.municipality, user=reader)
    )
    measurement = measure(owned, 17)
    assert reader_api.delete(f"{API}/measurements/{measurement.pk}/").status_code == 403
    assert Measurement.objects.filter(pk=measurement.pk).exists()


# --- harvests ---


def harvest_data(benefit, **changes) -> dict:
    return {
        "benefit": benefit.pk,
        "amount": "250000.00",
        "budget": "Borgerservice",
        "harvested_on": "2026-10-01",
        "decision": "Budgetaftale 2027",
        **changes,
    }


def test_a_harvest_is_recorded_and_listed(editor_api, releasing):
    response = post(editor_api, f"{API}/harvests/", harvest_data(releasing))
    assert response.status_code == 201, response.json()
    assert response.json()["amount"] == "250000.00"
    listed = ids(editor_api.get(f"{API}/harvests/", {"benefit": releasing.pk}))
    assert listed == [response.json()["id"]]
    assert editor_api.get(f"{API}/harvests/{listed[0]}/").json()["budget"] == "Borgerservice"


def test_harvesting_a_quality_benefit_is_400(editor_api, benefit):
    response = post(editor_api, f"{API}/harvests/", harvest_data(benefit))
    assert response.status_code == 400
    assert not Harvest.objects.exists()


def test_a_harvest_of_nothing_is_400_on_amount(editor_api, releasing):
    response = post(editor_api, f"{API}/harvests/", harvest_data(releasing, amount="0.00"))
    assert response.status_code == 400
    assert list(response.json()) == ["amount"]


def test_a_harvest_is_deleted(editor_api, releasing):
    harvest = measurements.record_harvest(
        releasing,
        actor=None,
        amount=Decimal(1000),
        budget="IT",
        harvested_on=datetime.date(2026, 10, 1),
        decision="Budget",
    )
    assert editor_api.delete(f"{API}/harvests/{harvest.pk}/").status_code == 204
    assert not Harvest.objects.exists()


# --- the realisation profile ---


def test_a_profile_point_is_set_then_replaced(editor_api, benefit):
    data = {"benefit": benefit.pk, "period_end": "2027-06-30", "expected_value": "16.00"}
    created = post(editor_api, f"{API}/profile-points/", data)
    assert created.status_code == 201, created.json()
    replaced = post(editor_api, f"{API}/profile-points/", {**data, "amount": "50000.00"})
    assert replaced.status_code == 200, replaced.json()
    assert replaced.json()["id"] == created.json()["id"]
    assert (replaced.json()["expected_value"], replaced.json()["amount"]) == (
        "16.00",
        "50000.00",
    )


def test_profile_points_are_listed_by_benefit_in_date_order(reader_api, benefit, project):
    def point(target, day: datetime.date) -> ProfilePoint:
        return benefit_services.set_profile_point(
            target, actor=None, period_end=day, expected_value=Decimal(15), amount=None
        )

    late = point(benefit, datetime.date(2027, 12, 31))
    early = point(benefit, datetime.date(2027, 6, 30))
    point(BenefitFactory(project=project), datetime.date(2027, 6, 30))
    listed = ids(reader_api.get(f"{API}/profile-points/", {"benefit": benefit.pk}))
    assert listed == [early.pk, late.pk]
    assert reader_api.get(f"{API}/profile-points/{late.pk}/").json()["period_end"] == "2027-12-31"


def test_a_profile_point_without_value_or_amount_is_400(editor_api, benefit):
    data = {"benefit": benefit.pk, "period_end": "2027-06-30"}
    assert post(editor_api, f"{API}/profile-points/", data).status_code == 400
    assert not ProfilePoint.objects.exists()


def test_a_profile_point_is_deleted(editor_api, benefit):
    point = benefit_services.set_profile_point(
        benefit, actor=None, period_end=datetime.date(2027, 6, 30), expected_value=None, amount=1
    )
    assert editor_api.delete(f"{API}/profile-points/{point.pk}/").status_code == 204
    assert not ProfilePoint.objects.exists()


# --- business cases ---


def test_a_business_case_is_created(editor_api, project):
    data = {"project": project.pk, "start_year": 2026, "horizon_years": 3}
    response = post(editor_api, f"{API}/business-cases/", data)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["discount_rate"], body["baseline"]) == ("3.50", None)
    assert [row["year"] for row in body["result"]["years"]] == [2026, 2027, 2028]


def test_a_second_business_case_for_a_project_is_400_on_project(editor_api, project):
    CaseFactory(project=project)
    data = {"project": project.pk, "start_year": 2026}
    response = post(editor_api, f"{API}/business-cases/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["project"]


def test_business_cases_are_listed_by_project(reader_api, project, norddjurs):
    case = CaseFactory(project=project)
    CaseFactory(project=ProjectFactory(municipality=norddjurs))
    assert ids(reader_api.get(f"{API}/business-cases/", {"project": project.pk})) == [case.pk]


def test_a_business_case_is_updated(editor_api, project):
    case = CaseFactory(project=project)
    response = patch(
        editor_api, f"{API}/business-cases/{case.pk}/", {"horizon_years": 3, "version": 1}
    )
    assert response.status_code == 200, response.json()
    assert len(response.json()["result"]["years"]) == 3


def test_a_stale_business_case_update_is_409(editor_api, project):
    url = f"{API}/business-cases/{CaseFactory(project=project).pk}/"
    assert patch(editor_api, url, {"assumptions": "A", "version": 1}).status_code == 200
    assert patch(editor_api, url, {"assumptions": "B", "version": 1}).status_code == 409


def test_the_business_case_result_matches_a_hand_computed_case(reader_api, project):
    """At 10 %: a one-off 100,000 in 2026, licences 10/20/40 thousand in 2027 (PERT
    21,666.67), and a budget-releasing 70,000 a year from the 2027 target date.
    Net flows −100,000, 48,333.33 and 70,000; NPV −100,000 + 48,333.33/1.1 + 70,000/1.21."""
    case = CaseFactory(project=project, start_year=2026, horizon_years=3, discount_rate=Decimal(10))
    CostFactory(case=case, year=2026)
    CostFactory(
        case=case,
        year=2027,
        kind=CostKind.RUNNING,
        cost_type=CostType.LICENCES,
        minimum=Decimal(10_000),
        likely=Decimal(20_000),
        maximum=Decimal(40_000),
    )
    BenefitFactory(
        project=project,
        category=Category.BUDGET_RELEASING,
        value_per_year=Decimal(70_000),
        target_date=datetime.date(2027, 6, 30),
    )
    result = reader_api.get(f"{API}/business-cases/{case.pk}/").json()["result"]
    assert result["npv"] == "1790.63"
    assert result["npv_likely"] == "3305.79"
    assert result["npv_worst"] == "-14876.03"
    assert result["npv_best"] == "12396.69"
    assert result["payback_year"] == 2028
    assert result["years"][1] == {
        "year": 2027,
        "one_off": "0.00",
        "running": "21666.67",
        "budget_releasing": "70000.00",
        "other_benefits": "0.00",
        "net": "48333.33",
        "cumulative": "-51666.67",
        "discounted": "43939.39",
    }
    assert result["npv"] == f"{queries.case_result(case).npv:.2f}"


# --- costs ---


def cost_data(case, **changes) -> dict:
    return {
        "case": case.pk,
        "kind": "one_off",
        "cost_type": "consultants",
        "year": 2026,
        "minimum": "80000.00",
        "likely": "100000.00",
        "maximum": "150000.00",
        **changes,
    }


def test_a_cost_is_added_and_listed_by_case(editor_api, project):
    case = CaseFactory(project=project)
    response = post(editor_api, f"{API}/costs/", cost_data(case))
    assert response.status_code == 201, response.json()
    assert ids(editor_api.get(f"{API}/costs/", {"case": case.pk})) == [response.json()["id"]]
    assert editor_api.get(f"{API}/costs/{response.json()['id']}/").json()["likely"] == ("100000.00")


def test_a_cost_with_minimum_above_maximum_is_400_on_minimum(editor_api, project):
    case = CaseFactory(project=project)
    data = cost_data(case, minimum="200000.00")
    response = post(editor_api, f"{API}/costs/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["minimum"]
    assert not CostLine.objects.exists()


def test_a_cost_is_updated_and_a_stale_update_is_409(editor_api, project):
    cost = CostFactory(case=CaseFactory(project=project))
    url = f"{API}/costs/{cost.pk}/"
    first = patch(editor_api, url, {"description": "Konsulent", "version": 1})
    assert first.status_code == 200, first.json()
    assert patch(editor_api, url, {"description": "Anden", "version": 1}).status_code == 409


def test_a_cost_is_deleted(editor_api, project):
    cost = CostFactory(case=CaseFactory(project=project))
    assert editor_api.delete(f"{API}/costs/{cost.pk}/").status_code == 204
    assert not CostLine.objects.exists()


# --- the benefit map ---


def test_a_node_is_added_last_in_its_layer(editor_api, project):
    NodeFactory(project=project, kind=NodeKind.EFFECT, position=1)
    data = {"project": project.pk, "kind": "effect", "label": "Færre henvendelser"}
    response = post(editor_api, f"{API}/map-nodes/", data)
    assert response.status_code == 201, response.json()
    assert response.json()["position"] == 2


def test_a_node_for_another_projects_benefit_is_400_on_benefit(editor_api, project, norddjurs):
    elsewhere = BenefitFactory(project=ProjectFactory(municipality=norddjurs))
    data = {"project": project.pk, "kind": "benefit", "label": "X", "benefit": elsewhere.pk}
    response = post(editor_api, f"{API}/map-nodes/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["benefit"]


def test_nodes_are_listed_by_project(reader_api, project, norddjurs):
    node = NodeFactory(project=project)
    NodeFactory(project=ProjectFactory(municipality=norddjurs))
    assert ids(reader_api.get(f"{API}/map-nodes/", {"project": project.pk})) == [node.pk]


def test_a_node_is_renamed_and_keeps_its_layer(editor_api, project):
    node = NodeFactory(project=project, kind=NodeKind.CHANGE)
    url = f"{API}/map-nodes/{node.pk}/"
    response = patch(editor_api, url, {"label": "Ny arbejdsgang", "kind": "effect", "version": 1})
    assert response.status_code == 200, response.json()
    assert (response.json()["label"], response.json()["kind"]) == ("Ny arbejdsgang", "change")
    assert patch(editor_api, url, {"label": "Gammel", "version": 1}).status_code == 409


def test_deleting_a_node_removes_its_arrows(editor_api, project):
    source = NodeFactory(project=project, kind=NodeKind.DELIVERABLE)
    target = NodeFactory(project=project, kind=NodeKind.EFFECT)
    maps.add_edge(project, actor=None, source=source, target=target)
    assert editor_api.delete(f"{API}/map-nodes/{source.pk}/").status_code == 204
    assert not MapEdge.objects.exists()


def test_an_arrow_is_added_and_listed_by_project(editor_api, project):
    source = NodeFactory(project=project, kind=NodeKind.DELIVERABLE)
    target = NodeFactory(project=project, kind=NodeKind.CHANGE)
    response = post(editor_api, f"{API}/map-edges/", {"source": source.pk, "target": target.pk})
    assert response.status_code == 201, response.json()
    assert response.json()["project"] == project.pk
    assert ids(editor_api.get(f"{API}/map-edges/", {"project": project.pk})) == [
        response.json()["id"]
    ]


def test_a_backwards_arrow_is_400_on_target(editor_api, project):
    source = NodeFactory(project=project, kind=NodeKind.BENEFIT)
    target = NodeFactory(project=project, kind=NodeKind.DELIVERABLE)
    response = post(editor_api, f"{API}/map-edges/", {"source": source.pk, "target": target.pk})
    assert response.status_code == 400
    assert list(response.json()) == ["target"]
    assert not MapEdge.objects.exists()


def test_an_arrow_is_deleted(editor_api, project):
    source = NodeFactory(project=project, kind=NodeKind.DELIVERABLE)
    target = NodeFactory(project=project, kind=NodeKind.EFFECT)
    edge = maps.add_edge(project, actor=None, source=source, target=target)
    assert editor_api.delete(f"{API}/map-edges/{edge.pk}/").status_code == 204
    assert MapNode.objects.count() == 2
    assert not MapEdge.objects.exists()


# --- permissions and tenancy ---


def test_a_reader_gets_403_on_every_editor_write(reader_api, project, benefit, releasing):
    case = CaseFactory(project=project)
    cost = CostFactory(case=case)
    node = NodeFactory(project=project)
    refused = [
        post(reader_api, f"{API}/benefits/", benefit_data(project)),
        patch(reader_api, f"{API}/benefits/{benefit.pk}/", {"title": "X", "version": 1}),
        reader_api.delete(f"{API}/benefits/{benefit.pk}/"),
        post(reader_api, f"{API}/harvests/", harvest_data(releasing)),
        post(
            reader_api,
            f"{API}/profile-points/",
            {"benefit": benefit.pk, "period_end": "2027-06-30", "amount": "1.00"},
        ),
        post(reader_api, f"{API}/business-cases/", {"project": project.pk, "start_year": 2026}),
        patch(reader_api, f"{API}/business-cases/{case.pk}/", {"assumptions": "X", "version": 1}),
        post(reader_api, f"{API}/costs/", cost_data(case)),
        reader_api.delete(f"{API}/costs/{cost.pk}/"),
        post(
            reader_api, f"{API}/map-nodes/", {"project": project.pk, "kind": "effect", "label": "X"}
        ),
        reader_api.delete(f"{API}/map-nodes/{node.pk}/"),
    ]
    assert [response.status_code for response in refused] == [403] * len(refused)
    assert Benefit.objects.count() == 2
    assert CostLine.objects.count() == 1


def test_another_municipalitys_objects_are_404_in_urls(editor_api, foreign_project):
    with scopes_disabled():
        benefit = BenefitFactory(project=foreign_project)
        measurement = measure(benefit, 18)
        case = CaseFactory(project=foreign_project)
        cost = CostFactory(case=case)
        node = NodeFactory(project=foreign_project)
    # A measurement has no update: that answers 405.
    for path, patched, deleted in (
        (f"benefits/{benefit.pk}/", 404, 404),
        (f"measurements/{measurement.pk}/", 405, 404),
        (f"business-cases/{case.pk}/", 404, 404),
        (f"costs/{cost.pk}/", 404, 404),
        (f"map-nodes/{node.pk}/", 404, 404),
    ):
        assert editor_api.get(f"{API}/{path}").status_code == 404, path
        assert patch(editor_api, f"{API}/{path}", {"version": 1}).status_code == patched, path
        assert editor_api.delete(f"{API}/{path}").status_code == deleted, path
    with scopes_disabled():
        assert Benefit.objects.filter(pk=benefit.pk).exists()


def test_another_municipalitys_ids_in_a_body_are_400(editor_api, project, foreign_project):
    with scopes_disabled():
        benefit = BenefitFactory(project=foreign_project)
        case = CaseFactory(project=foreign_project)
        node = NodeFactory(project=foreign_project)
    own_node = NodeFactory(project=project, kind=NodeKind.EFFECT)
    attempts = {
        "project": post(editor_api, f"{API}/benefits/", benefit_data(foreign_project)),
        "benefit": post(
            editor_api,
            f"{API}/measurements/",
            {"benefit": benefit.pk, "measured_on": "2026-11-01", "value": "1.00"},
        ),
        "case": post(editor_api, f"{API}/costs/", cost_data(case)),
        "source": post(editor_api, f"{API}/map-edges/", {"source": node.pk, "target": own_node.pk}),
    }
    for field, response in attempts.items():
        assert response.status_code == 400, field
        assert field in response.json(), field


def test_a_foreign_project_filter_is_400(reader_api, foreign_project):
    assert reader_api.get(f"{API}/map-nodes/", {"project": foreign_project.pk}).status_code == 400


# --- query counts ---


@pytest.fixture
def filled(project, norddjurs):
    """Six of each: a query per row would take a list past the bound."""
    for _ in range(6):
        other = ProjectFactory(municipality=norddjurs)
        benefit = BenefitFactory(project=other, category=Category.BUDGET_RELEASING)
        measure(benefit, 18)
        measurements.record_harvest(
            benefit,
            actor=None,
            amount=Decimal(1000),
            budget="IT",
            harvested_on=datetime.date(2026, 10, 1),
            decision="Budget",
        )
        benefit_services.set_profile_point(
            benefit,
            actor=None,
            period_end=datetime.date(2027, 6, 30),
            expected_value=None,
            amount=Decimal(5000),
        )
        case = CaseFactory(project=other)
        CostFactory(case=case)
        CostFactory(case=case, year=2027, kind=CostKind.RUNNING)
        source = NodeFactory(project=other, kind=NodeKind.DELIVERABLE)
        target = NodeFactory(project=other, kind=NodeKind.EFFECT)
        maps.add_edge(other, actor=None, source=source, target=target)


@pytest.mark.parametrize(
    "path",
    [
        "benefits/",
        "measurements/",
        "harvests/",
        "profile-points/",
        "business-cases/",
        "costs/",
        "map-nodes/",
        "map-edges/",
    ],
)
def test_lists_have_a_bounded_query_count(editor_api, filled, path, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = editor_api.get(f"{API}/{path}")
    assert response.status_code == 200
    assert response.json()["count"] >= 6


def test_an_editor_deletes_a_business_case(editor_api, project):
    case = CaseFactory(project=project)
    assert editor_api.delete(f"{API}/business-cases/{case.pk}/").status_code == 204
    with scopes_disabled():
        assert not BusinessCase.objects.filter(pk=case.pk).exists()
