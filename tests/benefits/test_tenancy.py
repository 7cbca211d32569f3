"""No benefit page, PDF, panel or API endpoint shows one municipality's data to another:
every route is tried with Rebild's slug and with Norddjurs' slug naming Rebild's objects."""

from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from styrbord.benefits import api_urls as benefit_api_urls
from styrbord.benefits import urls as benefit_urls
from styrbord.benefits.models import Category, NodeKind
from styrbord.benefits.services import benefits as benefit_services
from styrbord.benefits.services import maps, measurements
from tests.benefits.factories import BenefitFactory, CaseFactory, CostFactory, NodeFactory, measure
from tests.portfolio.factories import ProjectFactory
from tests.tenancy import assert_isolated


@pytest.fixture
def objects(rebild):
    project = ProjectFactory(municipality=rebild)
    benefit = BenefitFactory(project=project, category=Category.BUDGET_RELEASING)
    measurement = measure(benefit, 18)
    case = CaseFactory(project=project)
    cost = CostFactory(case=case)
    deliverable = NodeFactory(project=project, kind=NodeKind.DELIVERABLE)
    effect = NodeFactory(project=project, kind=NodeKind.EFFECT)
    with scopes_disabled():
        harvest = measurements.record_harvest(
            benefit,
            actor=None,
            amount=Decimal(1000),
            budget="IT",
            harvested_on=benefit.baseline_date,
            decision="Budget",
        )
        point = benefit_services.set_profile_point(
            benefit,
            actor=None,
            period_end=benefit.target_date,
            expected_value=Decimal(12),
            amount=None,
        )
        edge = maps.add_edge(project, actor=None, source=deliverable, target=effect)
    return {
        "project": project,
        "benefit": benefit,
        "measurement": measurement,
        "harvest": harvest,
        "point": point,
        "case": case,
        "cost": cost,
        "node": deliverable,
        "edge": edge,
    }


def page_kwargs(o) -> dict:
    project, benefit = {"pk": o["project"].pk}, {"pk": o["benefit"].pk}
    return {
        "project": project,
        "benefit_create": project,
        "benefit_detail": benefit,
        "benefit_edit": benefit,
        "benefit_delete": benefit,
        "measurement_create": benefit,
        "measurement_delete": {"pk": o["measurement"].pk},
        "harvest_create": benefit,
        "harvest_delete": {"pk": o["harvest"].pk},
        "profile_point": benefit,
        "profile_delete": {"pk": o["point"].pk},
        "case": project,
        "case_edit": project,
        "case_compare": project,
        "cost_create": project,
        "cost_edit": {"pk": o["cost"].pk},
        "cost_delete": {"pk": o["cost"].pk},
        "map": project,
        "map_pdf": project,
        "map_fill": project,
        "node_create": project,
        "node_edit": {"pk": o["node"].pk},
        "node_delete": {"pk": o["node"].pk},
        "edge_create": project,
        "edge_delete": {"pk": o["edge"].pk},
        "project_report_pdf": project,
    }


def test_benefit_pages_refuse_another_municipalitys_objects(client, editor, objects):
    client.force_login(editor)
    checked = assert_isolated(
        client,
        benefit_urls.urlpatterns,
        namespace="benefits",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=page_kwargs(objects),
    )
    assert checked > 60


def test_history_pages_refuse_another_municipalitys_benefit_objects(client, editor, objects):
    client.force_login(editor)
    for model, obj in [
        ("benefit", objects["benefit"]),
        ("measurement", objects["measurement"]),
        ("harvest", objects["harvest"]),
        ("business-case", objects["case"]),
        ("cost-line", objects["cost"]),
        ("map-node", objects["node"]),
    ]:
        response = client.get(f"/norddjurs/historik/{model}/{obj.pk}/")
        assert response.status_code == 404, model


def test_the_benefits_list_and_report_show_no_other_municipalitys_benefits(client, editor, objects):
    client.force_login(editor)
    for url in ("/norddjurs/gevinster/", "/norddjurs/gevinster/rapport/"):
        response = client.get(url)
        assert response.status_code == 200
        assert objects["benefit"].title not in response.content.decode()


def test_api_refuses_another_municipalitys_objects(client, editor, objects):
    client.force_login(editor)
    o = objects
    kwargs = {
        "benefit-detail": {"pk": o["benefit"].pk},
        "measurement-detail": {"pk": o["measurement"].pk},
        "harvest-detail": {"pk": o["harvest"].pk},
        "profile-point-detail": {"pk": o["point"].pk},
        "business-case-detail": {"pk": o["case"].pk},
        "cost-detail": {"pk": o["cost"].pk},
        "map-node-detail": {"pk": o["node"].pk},
        "map-edge-detail": {"pk": o["edge"].pk},
    }
    assert_isolated(
        client,
        benefit_api_urls.urlpatterns,
        namespace="benefits_api",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=kwargs,
    )
