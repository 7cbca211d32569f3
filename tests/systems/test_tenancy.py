"""No IT-system page, export, panel or API endpoint shows one municipality's data to
another: every route is tried with Rebild's slug and with Norddjurs' slug naming Rebild's
objects."""

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.services import changes
from styrbord.systems import api_urls as system_api_urls
from styrbord.systems import urls as system_urls
from styrbord.systems.models import ContractCost, KitosRun, Oversight, PrincipleAssessment
from styrbord.systems.services import roles
from tests.factories import PersonFactory
from tests.portfolio.factories import PrincipleFactory
from tests.systems.factories import (
    ContractFactory,
    IncidentFactory,
    RegistrationFactory,
    SupplierFactory,
    SystemFactory,
    UsageFactory,
    assign,
)
from tests.tenancy import assert_isolated


@pytest.fixture
def objects(rebild):
    supplier = SupplierFactory(municipality=rebild, name="Rebilds egen leverandør")
    system = SystemFactory(municipality=rebild, supplier=supplier, name="Rebilds eget system")
    usage = UsageFactory(municipality=rebild, system=system, local_name="Rebilds ESDH")
    contract = ContractFactory(municipality=rebild, supplier=supplier, name="Rebilds kontrakt")
    registration = RegistrationFactory(municipality=rebild, name="Rebilds databehandling")
    incident = IncidentFactory(municipality=rebild, usage=usage)
    person = PersonFactory(municipality=rebild)
    assignment = assign("system_data_owner", person, usage=usage)
    principle = PrincipleFactory(municipality=rebild, strategy__municipality=rebild)
    with scopes_disabled():
        cost = changes.create(
            ContractCost(municipality=rebild, contract=contract, year=2026, running=1000),
            actor=None,
        )
        oversight = changes.create(
            Oversight(municipality=rebild, registration=registration, done_on=timezone.localdate()),
            actor=None,
        )
        assessment = changes.create(
            PrincipleAssessment(
                municipality=rebild, usage=usage, principle=principle, follows=True
            ),
            actor=None,
        )
        role = roles.create_role(
            rebild, actor=None, name="Rebilds egen rolle", applies_to=["usage"]
        )
        run = KitosRun._base_manager.create(municipality=rebild, dry_run=True)
    return {
        "supplier": supplier,
        "system": system,
        "usage": usage,
        "contract": contract,
        "cost": cost,
        "registration": registration,
        "oversight": oversight,
        "incident": incident,
        "person": person,
        "assignment": assignment,
        "assessment": assessment,
        "role": role,
        "run": run,
    }


def page_kwargs(o) -> dict:
    def pk(name: str) -> dict:
        return {"pk": o[name].pk}

    return {
        "system_detail": pk("system"),
        "system_edit": pk("system"),
        "supplier_detail": pk("supplier"),
        "usage_detail": pk("usage"),
        "usage_edit": pk("usage"),
        "usage_delete": pk("usage"),
        "usage_projects": pk("usage"),
        "usage_principle": pk("usage"),
        "contract_detail": pk("contract"),
        "contract_edit": pk("contract"),
        "contract_delete": pk("contract"),
        "contract_usages": pk("contract"),
        "cost_create": pk("contract"),
        "cost_delete": pk("cost"),
        "registration_detail": pk("registration"),
        "registration_edit": pk("registration"),
        "registration_delete": pk("registration"),
        "oversight_create": pk("registration"),
        "oversight_delete": pk("oversight"),
        "incident_detail": pk("incident"),
        "incident_edit": pk("incident"),
        "role_detail": pk("role"),
        "role_edit": pk("role"),
        "assignment_edit": pk("assignment"),
        "assignment_delete": pk("assignment"),
        "handover": {"person_pk": o["person"].pk},
        "kitos_run": pk("run"),
    }


def test_system_pages_refuse_another_municipalitys_objects(client, local_admin, objects):
    client.force_login(local_admin)
    checked = assert_isolated(
        client,
        system_urls.urlpatterns,
        namespace="systems",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=page_kwargs(objects),
    )
    assert checked > 50


def test_lists_overviews_and_exports_show_no_other_municipalitys_rows(client, local_admin, objects):
    client.force_login(local_admin)
    names = [
        "Rebilds ESDH",
        "Rebilds eget system",
        "Rebilds kontrakt",
        "Rebilds databehandling",
        "Rebilds egen rolle",
        "Rebilds egen leverandør",
    ]
    for path in (
        "",
        "overblik/",
        "kontrakter/",
        "kontrakter/udloeber/",
        "databehandling/",
        "haendelser/",
        "roller/",
        "roller/mangler/",
        "landskab/",
        "landskab/livscyklus/",
        "landskab/enheder/",
        "landskab/leverandoerer/",
        "katalog/",
        "leverandoerer/",
        "kitos/",
    ):
        response = client.get(f"/norddjurs/systemer/{path}")
        assert response.status_code == 200, path
        html = response.content.decode()
        assert not [name for name in names if name in html], path
    for path in ("eksport/anvendelser.xlsx", "eksport/kontrakter.xlsx"):
        body = client.get(f"/norddjurs/systemer/{path}").content
        assert b"Rebilds" not in body, path


def test_history_pages_refuse_another_municipalitys_system_objects(client, editor, objects):
    client.force_login(editor)
    for model, obj in [
        ("system-usage", objects["usage"]),
        ("contract", objects["contract"]),
        ("processing-registration", objects["registration"]),
        ("security-incident", objects["incident"]),
        ("role-assignment", objects["assignment"]),
    ]:
        response = client.get(f"/norddjurs/historik/{model}/{obj.pk}/")
        assert response.status_code == 404, model


def test_the_person_page_of_another_municipality_is_refused_with_its_roles(client, editor, objects):
    client.force_login(editor)
    response = client.get(f"/norddjurs/personer/{objects['person'].pk}/")
    assert response.status_code == 404


def test_api_refuses_another_municipalitys_objects(client, local_admin, objects):
    client.force_login(local_admin)
    o = objects
    kwargs = {
        "system-detail": {"pk": o["system"].pk},
        "supplier-detail": {"pk": o["supplier"].pk},
        "usage-detail": {"pk": o["usage"].pk},
        "principle-assessment-detail": {"pk": o["assessment"].pk},
        "role-detail": {"pk": o["role"].pk},
        "role-assignment-detail": {"pk": o["assignment"].pk},
        "contract-detail": {"pk": o["contract"].pk},
        "contract-cost-detail": {"pk": o["cost"].pk},
        "registration-detail": {"pk": o["registration"].pk},
        "oversight-detail": {"pk": o["oversight"].pk},
        "incident-detail": {"pk": o["incident"].pk},
    }
    checked = assert_isolated(
        client,
        system_api_urls.urlpatterns,
        namespace="systems_api",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=kwargs,
    )
    assert checked > 20
