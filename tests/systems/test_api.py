"""The IT-system portfolio API: scoped, token-authenticated, through the systems services and
their policy; bad input is answered 400 on the field, a stale version 409."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.models import ChangeLogEntry
from styrbord.core.services.users import create_api_token
from styrbord.systems import deadlines
from styrbord.systems.models import (
    Contract,
    ContractCost,
    DataProcessingRegistration,
    Oversight,
    PrincipleAssessment,
    RoleAssignment,
    SecurityIncident,
    SystemUsage,
)
from tests.factories import OrgUnitFactory, PersonFactory
from tests.portfolio.factories import PrincipleFactory, ProjectFactory, catalogue
from tests.systems.factories import (
    ContractFactory,
    IncidentFactory,
    RegistrationFactory,
    SupplierFactory,
    SystemFactory,
    UsageFactory,
    assign,
    catalogue_role,
)

pytestmark = pytest.mark.usefixtures("in_norddjurs")

API = "/api/norddjurs/systemer"


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
def system(norddjurs):
    return SystemFactory(municipality=norddjurs, name="SBSYS")


@pytest.fixture
def usage(system):
    return UsageFactory(municipality=system.municipality, system=system)


@pytest.fixture
def contract(norddjurs):
    return ContractFactory(municipality=norddjurs, name="SBSYS drift")


def kitos_usage(system) -> SystemUsage:
    return UsageFactory(
        municipality=system.municipality,
        system=system,
        kitos_uuid=uuid.uuid4(),
        kitos_synced_at=timezone.now(),
    )


# --- the catalogue ---


def test_catalogue_and_own_systems_are_listed_but_not_another_municipalitys(
    reader_api, system, rebild
):
    with scopes_disabled():
        shared = SystemFactory(municipality=catalogue(), name="Aula", supplier=None)
        foreign = SystemFactory(municipality=rebild, name="Rebilds eget system")
    by_id = {
        row["id"]: row
        for name in ("SBSYS", "Aula", "Rebild")
        for row in reader_api.get(f"{API}/systems/", {"q": name}).json()["results"]
    }
    assert set(by_id) == {system.pk, shared.pk}
    assert by_id[shared.pk]["in_catalogue"] is True
    assert by_id[system.pk]["supplier_name"] == system.supplier.name
    assert reader_api.get(f"{API}/systems/{foreign.pk}/").status_code == 404


def test_systems_are_read_only(editor_api, system):
    response = patch(editor_api, f"{API}/systems/{system.pk}/", {"name": "Nyt navn"})
    assert response.status_code == 405


def test_an_editor_adds_a_supplier_and_a_reader_cannot(editor_api, reader_api, norddjurs):
    data = {"name": "Netcompany A/S", "cvr": "14814833"}
    assert post(reader_api, f"{API}/suppliers/", data).status_code == 403
    response = post(editor_api, f"{API}/suppliers/", data)
    assert response.status_code == 201, response.json()
    assert response.json()["in_catalogue"] is False


def test_a_supplier_with_a_bad_cvr_is_400_on_cvr(editor_api):
    response = post(editor_api, f"{API}/suppliers/", {"name": "X", "cvr": "123"})
    assert response.status_code == 400
    assert list(response.json()) == ["cvr"]


def test_catalogue_roles_are_listed(reader_api):
    keys = [row["key"] for row in reader_api.get(f"{API}/roles/").json()["results"]]
    assert {"system_data_owner", "it_contact"} <= set(keys)


# --- usages ---


def test_a_usage_is_created_read_updated_and_deleted(editor_api, editor, system, norddjurs):
    unit = OrgUnitFactory(municipality=norddjurs)
    project = ProjectFactory(municipality=norddjurs)
    response = post(
        editor_api,
        f"{API}/usages/",
        {
            "system": system.pk,
            "lifecycle": "operational",
            "functional_fit": 4,
            "technical_fit": 2,
            "using_units": [unit.pk],
            "projects": [project.pk],
        },
    )
    assert response.status_code == 201, response.json()
    created = response.json()
    assert (created["disposition"], created["using_units"], created["projects"]) == (
        "migrate",
        [unit.pk],
        [project.pk],
    )
    assert created["kitos_mastered"] == []
    url = f"{API}/usages/{created['id']}/"

    # Setting the links moved the version on; the edit is based on the one it was given.
    assert created["version"] == 3
    response = patch(editor_api, url, {"technical_fit": 4, "using_units": [], "version": 3})
    assert response.status_code == 200, response.json()
    assert (response.json()["disposition"], response.json()["using_units"]) == ("invest", [])
    assert response.json()["version"] == 5

    assert editor_api.delete(url).status_code == 204
    assert not SystemUsage.objects.filter(pk=created["id"]).exists()
    actions = ChangeLogEntry.objects.filter(object_id=str(created["id"]), actor=editor)
    assert actions.count() >= 3


def test_an_unknown_lifecycle_is_400_on_lifecycle(editor_api, system):
    response = post(editor_api, f"{API}/usages/", {"system": system.pk, "lifecycle": "maybe"})
    assert response.status_code == 400
    assert list(response.json()) == ["lifecycle"]


def test_a_usage_of_another_municipalitys_system_is_400_on_system(editor_api, rebild):
    with scopes_disabled():
        foreign = SystemFactory(municipality=rebild)
    response = post(editor_api, f"{API}/usages/", {"system": foreign.pk})
    assert response.status_code == 400
    assert list(response.json()) == ["system"]


def test_a_bad_using_unit_leaves_no_usage_behind(editor_api, system, rebild):
    with scopes_disabled():
        foreign_unit = OrgUnitFactory(municipality=rebild)
    response = post(
        editor_api, f"{API}/usages/", {"system": system.pk, "using_units": [foreign_unit.pk]}
    )
    assert response.status_code == 400
    assert list(response.json()) == ["using_units"]
    assert not SystemUsage.objects.exists()


def test_a_stale_usage_update_is_409_and_changes_nothing(editor_api, usage):
    url = f"{API}/usages/{usage.pk}/"
    assert patch(editor_api, url, {"purpose": "Sager", "version": 1}).status_code == 200
    response = patch(editor_api, url, {"purpose": "Journal", "version": 1})
    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    assert response.json()["changed_fields"] == ["purpose"]
    usage.refresh_from_db()
    assert usage.purpose == "Sager"


def test_a_stale_change_of_using_units_alone_is_409(editor_api, usage, norddjurs):
    url = f"{API}/usages/{usage.pk}/"
    assert patch(editor_api, url, {"purpose": "Sager", "version": 1}).status_code == 200
    unit = OrgUnitFactory(municipality=norddjurs)
    response = patch(editor_api, url, {"using_units": [unit.pk], "version": 1})
    assert response.status_code == 409
    assert not usage.using_units.exists()


def test_an_update_without_a_version_is_400_on_version(editor_api, usage):
    response = patch(editor_api, f"{API}/usages/{usage.pk}/", {"purpose": "Sager"})
    assert response.status_code == 400
    assert list(response.json()) == ["version"]


def test_a_kitos_usage_lists_its_mastered_fields_and_refuses_changing_one(editor_api, system):
    usage = kitos_usage(system)
    url = f"{API}/usages/{usage.pk}/"
    detail = editor_api.get(url).json()
    assert "lifecycle" in detail["kitos_mastered"]
    assert "functional_fit" not in detail["kitos_mastered"]
    assert detail["kitos_synced_at"] is not None

    response = patch(editor_api, url, {"lifecycle": "retired", "version": 1})
    assert response.status_code == 400
    assert list(response.json()) == ["lifecycle"]
    response = patch(editor_api, url, {"functional_fit": 3, "version": 1})
    assert response.status_code == 200, response.json()


def test_a_reader_cannot_create_or_change_a_usage(reader_api, usage, system):
    assert post(reader_api, f"{API}/usages/", {"system": system.pk}).status_code == 403
    url = f"{API}/usages/{usage.pk}/"
    assert patch(reader_api, url, {"purpose": "X", "version": 1}).status_code == 403
    assert reader_api.delete(url).status_code == 403


def test_the_system_and_data_owner_keeps_their_usage_as_a_reader(reader_api, reader, usage):
    with scopes_disabled():
        person = PersonFactory(municipality=usage.municipality, user=reader)
    assign("system_data_owner", person, usage=usage)
    url = f"{API}/usages/{usage.pk}/"
    response = patch(reader_api, url, {"purpose": "Journalisering", "version": 1})
    assert response.status_code == 200, response.json()


def test_a_read_only_token_cannot_write(editor, norddjurs, system):
    client = token_client(editor, norddjurs, can_write=False)
    assert post(client, f"{API}/usages/", {"system": system.pk}).status_code == 403


def test_another_municipalitys_usage_is_404(editor_api, rebild):
    with scopes_disabled():
        foreign = UsageFactory(municipality=rebild)
    url = f"{API}/usages/{foreign.pk}/"
    assert editor_api.get(url).status_code == 404
    assert patch(editor_api, url, {"purpose": "X", "version": 1}).status_code == 404
    assert editor_api.delete(url).status_code == 404


def test_usages_are_filtered_by_lifecycle(reader_api, usage, norddjurs):
    retired = UsageFactory(municipality=norddjurs, lifecycle="retired")
    assert ids(reader_api.get(f"{API}/usages/", {"lifecycle": "retired"})) == [retired.pk]


def test_deleting_a_usage_with_incidents_is_409(editor_api, usage):
    IncidentFactory(municipality=usage.municipality, usage=usage)
    response = editor_api.delete(f"{API}/usages/{usage.pk}/")
    assert response.status_code == 409
    assert SystemUsage.objects.filter(pk=usage.pk).exists()


def _list_queries(client: Client, url: str, expected_rows: int) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.json()["results"]) == expected_rows
    return len(context)


def test_the_usage_list_reads_a_fixed_number_of_queries(reader_api, norddjurs):
    unit = OrgUnitFactory(municipality=norddjurs)
    project = ProjectFactory(municipality=norddjurs)

    def add(count: int) -> None:
        for _ in range(count):
            usage = UsageFactory(municipality=norddjurs)
            with scopes_disabled():
                usage.using_units.add(unit)
                usage.projects.add(project)

    add(2)
    few = _list_queries(reader_api, f"{API}/usages/", 2)
    add(18)
    assert _list_queries(reader_api, f"{API}/usages/", 20) == few


# --- principle assessments ---


def test_a_principle_assessment_is_made_replaced_and_removed(editor_api, usage):
    principle = PrincipleFactory(municipality=usage.municipality)
    data = {"usage": usage.pk, "principle": principle.pk, "follows": True}
    assert post(editor_api, f"{API}/principle-assessments/", data).status_code == 201
    data = {**data, "follows": False, "explanation": ""}
    response = post(editor_api, f"{API}/principle-assessments/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["explanation"]
    data["explanation"] = "Leverandøren understøtter ikke standarden"
    response = post(editor_api, f"{API}/principle-assessments/", data)
    assert response.status_code == 200, response.json()
    assessment = PrincipleAssessment.objects.get()
    assert assessment.follows is False
    url = f"{API}/principle-assessments/{assessment.pk}/"
    assert editor_api.delete(url).status_code == 204


# --- role assignments ---


def test_a_role_is_assigned_moved_to_another_person_and_removed(editor_api, usage, norddjurs):
    first, second = PersonFactory(municipality=norddjurs), PersonFactory(municipality=norddjurs)
    role = catalogue_role("system_data_owner")
    data = {"role": role.pk, "person": first.pk, "usage": usage.pk}
    response = post(editor_api, f"{API}/role-assignments/", data)
    assert response.status_code == 201, response.json()
    url = f"{API}/role-assignments/{response.json()['id']}/"
    response = patch(editor_api, url, {"person": second.pk, "version": 1})
    assert response.status_code == 200, response.json()
    assert RoleAssignment.objects.get().person == second
    assert editor_api.delete(url).status_code == 204


def test_a_usage_role_held_on_a_contract_is_400_on_role(editor_api, contract, norddjurs):
    role = catalogue_role("it_contact")  # held on usages only
    data = {"role": role.pk, "person": PersonFactory(municipality=norddjurs).pk}
    data["contract"] = contract.pk
    response = post(editor_api, f"{API}/role-assignments/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["role"]


# --- contracts ---


def contract_data(**changes) -> dict:
    return {
        "name": "ESDH drift",
        "starts_on": "2024-01-01",
        "expires_on": "2030-12-31",
        "notice_months": 6,
        "notice_by_end_of": "month",
        **changes,
    }


def test_a_contract_is_created_with_its_deadlines_updated_and_deleted(editor_api, usage):
    response = post(editor_api, f"{API}/contracts/", contract_data(usages=[usage.pk]))
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["usages"] == [usage.pk]
    assert created["notice_deadline"] == "2030-06-30"
    assert created["decision_deadline"] == "2029-12-31"
    url = f"{API}/contracts/{created['id']}/"

    response = patch(
        editor_api,
        url,
        {"decision_lead_months": 12, "usages": [], "version": created["version"]},
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["decision_deadline"], response.json()["usages"]) == ("2029-06-30", [])
    assert response.json()["version"] == created["version"] + 2

    assert editor_api.delete(url).status_code == 204
    assert not Contract.objects.exists()


def test_a_running_contract_has_a_notice_deadline_from_today(reader_api, contract):
    contract_row = reader_api.get(f"{API}/contracts/{contract.pk}/").json()
    expected = deadlines.notice_deadline(
        today=timezone.localdate(),
        expires_on=contract.expires_on,
        months=contract.notice_months,
        by_end_of=contract.notice_by_end_of,
        irrevocable_until=None,
    )
    assert contract_row["notice_deadline"] == expected.notice_by.isoformat()


def test_a_contract_without_notice_terms_has_no_deadlines(editor_api):
    response = post(editor_api, f"{API}/contracts/", {"name": "Licens"})
    assert response.status_code == 201, response.json()
    assert (response.json()["notice_deadline"], response.json()["decision_deadline"]) == (
        None,
        None,
    )


def test_a_contract_ending_before_it_starts_is_400_on_expires_on(editor_api):
    data = contract_data(starts_on="2026-01-01", expires_on="2025-12-31")
    response = post(editor_api, f"{API}/contracts/", data)
    assert response.status_code == 400
    assert "expires_on" in response.json()
    assert not Contract.objects.exists()


def test_a_parent_contract_making_a_cycle_is_400_on_parent(editor_api, norddjurs):
    parent = ContractFactory(municipality=norddjurs)
    child = ContractFactory(municipality=norddjurs, parent=parent)
    url = f"{API}/contracts/{parent.pk}/"
    response = patch(editor_api, url, {"parent": child.pk, "version": 1})
    assert response.status_code == 400
    assert list(response.json()) == ["parent"]
    parent.refresh_from_db()
    assert parent.parent is None


def test_a_stale_contract_update_is_409(editor_api, contract):
    url = f"{API}/contracts/{contract.pk}/"
    assert patch(editor_api, url, {"number": "A-1", "version": 1}).status_code == 200
    assert patch(editor_api, url, {"number": "A-2", "version": 1}).status_code == 409


def test_a_reader_cannot_create_a_contract_but_its_owner_keeps_it(reader_api, reader, norddjurs):
    assert post(reader_api, f"{API}/contracts/", contract_data()).status_code == 403
    with scopes_disabled():
        owner = PersonFactory(municipality=norddjurs, user=reader)
    contract = ContractFactory(municipality=norddjurs, owner=owner)
    url = f"{API}/contracts/{contract.pk}/"
    assert patch(reader_api, url, {"number": "K-7", "version": 1}).status_code == 200


def test_another_municipalitys_contract_is_404(editor_api, rebild):
    with scopes_disabled():
        foreign = ContractFactory(municipality=rebild)
    assert editor_api.get(f"{API}/contracts/{foreign.pk}/").status_code == 404


def test_a_contract_with_a_sub_contract_cannot_be_deleted(editor_api, norddjurs):
    parent = ContractFactory(municipality=norddjurs)
    ContractFactory(municipality=norddjurs, parent=parent)
    assert editor_api.delete(f"{API}/contracts/{parent.pk}/").status_code == 409


def test_the_contract_list_reads_a_fixed_number_of_queries(reader_api, norddjurs):
    usage = UsageFactory(municipality=norddjurs)

    def add(count: int) -> None:
        for _ in range(count):
            contract = ContractFactory(municipality=norddjurs)
            with scopes_disabled():
                contract.usages.add(usage)

    add(2)
    few = _list_queries(reader_api, f"{API}/contracts/", 2)
    add(18)
    assert _list_queries(reader_api, f"{API}/contracts/", 20) == few


def test_contract_costs_are_added_updated_and_deleted(editor_api, contract):
    data = {"contract": contract.pk, "year": 2026, "acquisition": "1000.00", "running": "250.00"}
    response = post(editor_api, f"{API}/contract-costs/", data)
    assert response.status_code == 201, response.json()
    url = f"{API}/contract-costs/{response.json()['id']}/"
    response = patch(editor_api, url, {"running": "300.00", "version": 1})
    assert (response.status_code, response.json()["running"]) == (200, "300.00")
    assert ids(editor_api.get(f"{API}/contract-costs/", {"contract": contract.pk})) == [
        ContractCost.objects.get().pk
    ]
    assert editor_api.delete(url).status_code == 204


def test_a_negative_cost_is_400_on_the_field(editor_api, contract):
    data = {"contract": contract.pk, "year": 2026, "running": "-1.00"}
    response = post(editor_api, f"{API}/contract-costs/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["running"]


# --- data protection ---


def test_a_registration_is_created_with_catalogue_and_own_processors(
    editor_api, usage, contract, norddjurs
):
    with scopes_disabled():
        shared = SupplierFactory(municipality=catalogue(), cvr="")
    own = SupplierFactory(municipality=norddjurs)
    data = {
        "name": "SBSYS databehandling",
        "processors": [shared.pk],
        "sub_processors": [own.pk],
        "usages": [usage.pk],
        "contracts": [contract.pk],
    }
    response = post(editor_api, f"{API}/registrations/", data)
    assert response.status_code == 201, response.json()
    row = editor_api.get(f"{API}/registrations/{response.json()['id']}/").json()
    assert (row["processors"], row["sub_processors"]) == ([shared.pk], [own.pk])
    assert (row["usages"], row["contracts"]) == ([usage.pk], [contract.pk])


def test_the_registration_list_reads_a_fixed_number_of_queries(reader_api, norddjurs):
    with scopes_disabled():
        shared = SupplierFactory(municipality=catalogue(), cvr="")
    usage = UsageFactory(municipality=norddjurs)

    def add(count: int) -> None:
        for _ in range(count):
            registration = RegistrationFactory(municipality=norddjurs)
            with scopes_disabled():
                registration.processors.add(shared)
                registration.usages.add(usage)

    add(2)
    few = _list_queries(reader_api, f"{API}/registrations/", 2)
    add(18)
    assert _list_queries(reader_api, f"{API}/registrations/", 20) == few
    row = reader_api.get(f"{API}/registrations/").json()["results"][0]
    assert row["processors"] == [shared.pk]


def test_a_third_country_transfer_without_a_basis_is_400(editor_api):
    data = {"name": "Zoom", "third_country_transfer": True}
    response = post(editor_api, f"{API}/registrations/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["transfer_basis"]
    assert not DataProcessingRegistration.objects.exists()


def test_a_reader_cannot_create_a_registration(reader_api):
    assert post(reader_api, f"{API}/registrations/", {"name": "X"}).status_code == 403


def test_oversight_is_recorded_listed_and_deleted(editor_api, norddjurs):
    registration = RegistrationFactory(municipality=norddjurs)
    data = {"registration": registration.pk, "done_on": "2026-03-01", "remark": "ISAE 3000"}
    response = post(editor_api, f"{API}/oversights/", data)
    assert response.status_code == 201, response.json()
    listed = ids(editor_api.get(f"{API}/oversights/", {"registration": registration.pk}))
    row = editor_api.get(f"{API}/registrations/{registration.pk}/").json()
    assert (row["last_oversight_on"], row["next_oversight_due"]) == ("2026-03-01", None)
    assert listed == [Oversight.objects.get().pk]
    assert editor_api.delete(f"{API}/oversights/{listed[0]}/").status_code == 204


def test_a_reader_reports_an_incident_with_its_72_hour_deadline(reader_api, usage):
    detected = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=2)
    data = {
        "usage": usage.pk,
        "detected_at": detected.isoformat(),
        "description": "Mail med CPR-numre sendt forkert",
        "severity": "high",
        "personal_data_breach": True,
    }
    response = post(reader_api, f"{API}/incidents/", data)
    assert response.status_code == 201, response.json()
    notify_by = datetime.datetime.fromisoformat(response.json()["notify_by"])
    assert notify_by == detected + datetime.timedelta(hours=72)


def test_an_unknown_severity_is_400_on_severity(reader_api):
    data = {"detected_at": timezone.now().isoformat(), "description": "X", "severity": "huge"}
    response = post(reader_api, f"{API}/incidents/", data)
    assert response.status_code == 400
    assert list(response.json()) == ["severity"]


def test_an_incident_is_closed_by_an_editor_not_a_reader(editor_api, reader_api, norddjurs):
    incident = IncidentFactory(municipality=norddjurs)
    url = f"{API}/incidents/{incident.pk}/"
    closed = {"closed_at": timezone.now().isoformat(), "version": 1}
    assert patch(reader_api, url, closed).status_code == 403
    response = patch(editor_api, url, closed)
    assert response.status_code == 200, response.json()
    assert SecurityIncident.objects.get().closed_at is not None
