"""The role pages and panels: the catalogue, a role's holders, assigning and ending a
role, the usages missing a required role, and the handover with its preview."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from styrbord.core.models import AccessLogEntry
from styrbord.systems import panels_roles
from styrbord.systems.models import Contract, RoleAssignment
from tests.factories import OrgUnitFactory, PersonFactory
from tests.systems.factories import ContractFactory, UsageFactory, assign, catalogue_role

SLUG = "norddjurs"


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _url(name: str, **kwargs) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": SLUG, **kwargs})


@pytest.fixture
def person(norddjurs):
    return PersonFactory(municipality=norddjurs, name="Alma Leaver")


@pytest.fixture
def usage(norddjurs):
    return UsageFactory(municipality=norddjurs, local_name="ESDH")


def test_the_role_list_shows_the_catalogue_with_holder_counts(
    reader_client, person, usage, django_assert_max_num_queries
):
    assign("super_user", person, usage=usage)
    with django_assert_max_num_queries(10):
        response = reader_client.get(_url("roles"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "System- og dataejer" in html
    assert "Databeskyttelsesrådgiver (DPO)" in html
    assert "Systemejer, Dataejer" in html  # KITOS names


def test_a_role_page_shows_holders_and_records_the_access(
    reader_client, reader, person, usage, django_assert_max_num_queries
):
    role = catalogue_role("system_data_owner")
    assign("system_data_owner", person, usage=usage)
    for _ in range(3):
        assign("system_data_owner", PersonFactory(), usage=UsageFactory())
    with django_assert_max_num_queries(13):
        response = reader_client.get(_url("role_detail", pk=role.pk))
    html = response.content.decode()
    assert "Alma Leaver" in html and "ESDH" in html
    assert "Ansvarlig for håndtering af sikkerhedshændelser" in html
    with scopes_disabled():
        assert AccessLogEntry.objects.filter(
            user=reader, path=_url("role_detail", pk=role.pk)
        ).exists()


def test_an_editor_adds_an_own_role(editor_client, norddjurs):
    response = editor_client.post(
        _url("role_create"),
        {
            "name": "Leverandørkoordinator",
            "applies_to": ["usage", "contract"],
            "responsibilities": "Kontakt til leverandøren\nMøder",
            "tasks": "",
            "kitos_names": "Leverandøransvarlig",
            "version": "",
        },
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        from styrbord.systems.models import Role

        role = Role.objects.get(name="Leverandørkoordinator")
    assert role.applies_to == ["usage", "contract"]
    assert role.kitos_names == ["Leverandøransvarlig"]


def test_a_role_without_targets_is_refused_next_to_the_field(editor_client):
    response = editor_client.post(
        _url("role_create"),
        {
            "name": "Tovholder",
            "responsibilities": "",
            "tasks": "",
            "kitos_names": "",
            "version": "",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_applies_to_error"' in html
    assert 'value="Tovholder"' in html


def test_a_reader_cannot_add_a_role(reader_client):
    assert reader_client.get(_url("role_create")).status_code == 403


def test_assigning_on_a_usage_offers_only_usage_roles(editor_client, usage):
    html = editor_client.get(_url("assignment_create") + f"?usage={usage.pk}").content.decode()
    assert "System- og dataejer" in html
    assert "Kontraktejer" not in html.split('name="role"')[1].split("</select>")[0]


def test_an_editor_assigns_a_role_on_a_usage(editor_client, norddjurs, person, usage):
    role = catalogue_role("it_contact")
    response = editor_client.post(
        _url("assignment_create") + f"?usage={usage.pk}",
        {
            "role": role.pk,
            "person": person.pk,
            "starts_on": "2026-01-01",
            "ends_on": "",
            "version": "",
        },
    )
    assert response.status_code == 302
    assert response.url == _url("usage_detail", pk=usage.pk)
    with scope(municipality=norddjurs):
        assert RoleAssignment.objects.filter(usage=usage, person=person, role=role).exists()


def test_a_role_on_a_unit_is_assigned_by_an_editor(editor_client, norddjurs, person):
    unit = OrgUnitFactory(municipality=norddjurs)
    response = editor_client.post(
        _url("assignment_create") + f"?org_unit={unit.pk}",
        {
            "role": catalogue_role("it_guide").pk,
            "person": person.pk,
            "starts_on": "",
            "ends_on": "",
            "version": "",
        },
    )
    assert response.status_code == 302


def test_an_end_before_the_start_is_refused_with_input_kept(editor_client, person, usage):
    response = editor_client.post(
        _url("assignment_create") + f"?usage={usage.pk}",
        {
            "role": catalogue_role("it_contact").pk,
            "person": person.pk,
            "starts_on": "2026-05-01",
            "ends_on": "2026-01-01",
            "version": "",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_ends_on_error"' in html
    assert 'value="2026-05-01"' in html


def test_a_reader_holding_a_role_on_the_usage_may_assign_there(
    reader_client, reader, norddjurs, usage
):
    with scopes_disabled():
        me = PersonFactory(municipality=norddjurs, user=reader)
    assign("system_data_owner", me, usage=usage)
    assert reader_client.get(_url("assignment_create") + f"?usage={usage.pk}").status_code == 200
    assert reader_client.get(_url("assignment_create")).status_code == 403


def test_a_foreign_target_is_not_found(editor_client, rebild):
    with scope(municipality=rebild):
        foreign = UsageFactory(municipality=rebild)
    assert editor_client.get(_url("assignment_create") + f"?usage={foreign.pk}").status_code == 404


def test_an_assignment_is_ended_by_giving_its_last_day(editor_client, norddjurs, person, usage):
    assignment = assign("it_contact", person, usage=usage)
    response = editor_client.post(
        _url("assignment_edit", pk=assignment.pk),
        {
            "person": person.pk,
            "starts_on": "",
            "ends_on": "2026-06-30",
            "version": assignment.version,
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert RoleAssignment.objects.get(pk=assignment.pk).ends_on == datetime.date(2026, 6, 30)


def test_an_assignment_is_deleted_after_confirmation(editor_client, norddjurs, person, usage):
    assignment = assign("it_contact", person, usage=usage)
    assert editor_client.get(_url("assignment_delete", pk=assignment.pk)).status_code == 200
    assert editor_client.post(_url("assignment_delete", pk=assignment.pk)).status_code == 302
    with scopes_disabled():
        assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_the_missing_roles_page_names_what_is_missing(
    reader_client, norddjurs, person, django_assert_max_num_queries
):
    for n in range(4):
        usage = UsageFactory(municipality=norddjurs, local_name=f"Anvendelse {n}")
        assign("it_contact", person, usage=usage)
    with django_assert_max_num_queries(12):
        response = reader_client.get(_url("missing_roles"))
    html = response.content.decode()
    assert html.count("No System- og dataejer") == 4
    assert "No It-kontaktperson" not in html
    assert f"?usage={usage.pk}&amp;role={catalogue_role('system_data_owner').pk}" in html


def test_the_handover_shows_a_preview_then_hands_over(editor_client, norddjurs, person, usage):
    successor = PersonFactory(municipality=norddjurs, name="Bo Successor")
    assignment = assign("system_data_owner", person, usage=usage)
    contract = ContractFactory(municipality=norddjurs, owner=person)
    url = _url("handover", person_pk=person.pk)
    assert editor_client.get(url).status_code == 200

    preview = editor_client.get(url, {"successor": successor.pk, "on": "2026-03-01"})
    html = preview.content.decode()
    assert "System- og dataejer" in html and contract.name in html
    with scopes_disabled():
        assert RoleAssignment.objects.get(pk=assignment.pk).ends_on is None

    done = editor_client.post(url, {"successor": successor.pk, "on": "2026-03-01"})
    assert done.status_code == 302
    assert done.url == reverse("core:person_detail", kwargs={"kommune": SLUG, "pk": successor.pk})
    with scopes_disabled():
        assert RoleAssignment.objects.get(pk=assignment.pk).ends_on == datetime.date(2026, 2, 28)
        assert Contract.objects.get(pk=contract.pk).owner_id == successor.pk


def test_a_reader_cannot_open_the_handover(reader_client, person):
    assert reader_client.get(_url("handover", person_pk=person.pk)).status_code == 403


def test_a_foreign_successor_is_refused(editor_client, rebild, person):
    with scope(municipality=rebild):
        stranger = PersonFactory(municipality=rebild)
    response = editor_client.post(
        _url("handover", person_pk=person.pk), {"successor": stranger.pk, "on": "2026-03-01"}
    )
    assert response.status_code == 400
    assert 'id="id_successor_error"' in response.content.decode()


def _request(user, norddjurs):
    request = RequestFactory().get("/")
    request.user = user
    request.municipality = norddjurs
    return request


def test_the_usage_panel_warns_in_words_of_a_missing_role(editor, norddjurs, person, usage):
    assign("system_data_owner", person, usage=usage)
    with scope(municipality=norddjurs):
        context = panels_roles.usage_roles(_request(editor, norddjurs), usage)
        html = render_to_string(panels_roles.USAGE_TEMPLATE, context)
    assert [role.key for role in context["missing"]] == ["it_contact"]
    assert "Nobody is It-kontaktperson for this system usage." in html
    assert "Alma Leaver" in html


def test_the_contract_panel_lists_its_roles(editor, norddjurs, person):
    contract = ContractFactory(municipality=norddjurs)
    assign("contract_owner", person, contract=contract)
    with scope(municipality=norddjurs):
        html = render_to_string(
            panels_roles.CONTRACT_TEMPLATE,
            panels_roles.contract_roles(_request(editor, norddjurs), contract),
        )
    assert "Kontraktejer" in html and "Alma Leaver" in html


def test_the_person_panel_links_to_the_handover(editor, norddjurs, person, usage):
    assign("it_contact", person, usage=usage)
    with scope(municipality=norddjurs):
        html = render_to_string(
            panels_roles.PERSON_TEMPLATE,
            panels_roles.person_roles(_request(editor, norddjurs), person),
        )
    assert "It-kontaktperson" in html
    assert _url("handover", person_pk=person.pk) in html
