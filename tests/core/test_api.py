"""The REST API: scoped, token-authenticated, change-logged, 400 on bad input, 409 on stale."""

import pytest
from django.test import Client
from django_scopes import scope
from openapi_spec_validator import validate

from styrbord.core import queries
from styrbord.core.models import OrgUnit
from styrbord.core.services.users import create_api_token, revoke_api_token
from tests.factories import OrgUnitFactory, PersonFactory


@pytest.fixture
def token_client(norddjurs, editor):
    _token, key = create_api_token(user=editor, municipality=norddjurs, name="Test", can_write=True)
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def test_the_schema_is_valid_openapi_3(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate(schema)
    assert "/api/{kommune}/persons/" in schema["paths"]


def test_the_api_docs_are_served_without_a_cdn(client, db):
    html = client.get("/api/docs/").text
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()


def test_org_units_are_listed_paginated_and_filtered(token_client, norddjurs):
    OrgUnitFactory(name="IT og Digitalisering")
    OrgUnitFactory(name="Økonomi")
    response = token_client.get("/api/norddjurs/org-units/", {"q": "digital"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["name"] == "IT og Digitalisering"


def test_a_person_created_through_the_api_is_change_logged(token_client, editor, norddjurs):
    response = token_client.post(
        "/api/norddjurs/persons/",
        {"name": "Tonny Olsen", "title": "Chef for Borgerservice, IT og Digitalisering"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    with scope(municipality=norddjurs):
        person = queries.persons().get(pk=response.json()["id"])
        assert queries.history_of(person).get().actor == editor


def test_bad_input_is_answered_400_with_field_errors(token_client):
    response = token_client.post(
        "/api/norddjurs/persons/", {"name": "", "email": "nej"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()) >= {"name", "email"}


def test_a_service_rule_broken_through_the_api_is_400_not_500(token_client, norddjurs):
    top = OrgUnitFactory(name="Top")
    child = OrgUnitFactory(name="Under", parent=top)
    response = token_client.patch(
        f"/api/norddjurs/org-units/{top.pk}/",
        {"parent": child.pk, "version": 1},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "parent" in response.json()


def test_a_reference_to_another_municipalitys_unit_is_400(token_client, rebild):
    foreign = OrgUnitFactory(municipality=rebild)
    response = token_client.post(
        "/api/norddjurs/persons/",
        {"name": "Ny", "org_unit": foreign.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "org_unit" in response.json()


def test_an_update_without_a_version_is_refused(token_client, norddjurs):
    person = PersonFactory()
    response = token_client.patch(
        f"/api/norddjurs/persons/{person.pk}/", {"title": "Chef"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_a_stale_update_is_answered_409_and_changes_nothing(token_client, norddjurs):
    person = PersonFactory(title="Konsulent")
    url = f"/api/norddjurs/persons/{person.pk}/"
    first = token_client.patch(
        url, {"title": "Chef", "version": 1}, content_type="application/json"
    )
    assert first.status_code == 200
    assert first.json()["version"] == 2
    second = token_client.patch(
        url, {"title": "Direktør", "version": 1}, content_type="application/json"
    )
    assert second.status_code == 409
    assert second.json()["changed_fields"] == ["title"]
    assert token_client.get(url).json()["title"] == "Chef"


def test_moving_a_unit_through_the_api(token_client, norddjurs):
    top, unit = OrgUnitFactory(), OrgUnitFactory()
    response = token_client.patch(
        f"/api/norddjurs/org-units/{unit.pk}/",
        {"parent": top.pk, "version": 1},
        content_type="application/json",
    )
    assert response.status_code == 200
    with scope(municipality=norddjurs):
        assert OrgUnit.objects.get(pk=unit.pk).parent == top


def test_a_read_only_token_cannot_write(norddjurs, editor):
    _token, key = create_api_token(user=editor, municipality=norddjurs, name="Læs")
    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/norddjurs/persons/").status_code == 200
    response = client.post(
        "/api/norddjurs/persons/", {"name": "X"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_a_readers_token_cannot_write_even_with_write_permission(norddjurs, reader):
    _token, key = create_api_token(user=reader, municipality=norddjurs, name="X", can_write=True)
    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.post(
        "/api/norddjurs/persons/", {"name": "X"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_a_revoked_token_is_refused(norddjurs, editor):
    token, key = create_api_token(user=editor, municipality=norddjurs, name="Gammel")
    revoke_api_token(token, actor=editor)
    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/norddjurs/persons/").status_code == 401


def test_an_anonymous_request_is_refused(client, norddjurs):
    assert client.get("/api/norddjurs/persons/").status_code in {401, 403}


def test_a_token_is_created_and_revoked_in_the_browser_pages(editor_client, editor, norddjurs):
    response = editor_client.post("/norddjurs/api-noegler/", {"name": "Power BI"})
    key = response.context["new_key"]
    assert (
        Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/norddjurs/persons/").status_code == 200
    )
    token = queries.api_tokens(editor, norddjurs).get()
    editor_client.post(f"/norddjurs/api-noegler/{token.pk}/tilbagekald/")
    assert (
        Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/norddjurs/persons/").status_code == 401
    )
    assert key not in editor_client.get("/norddjurs/api-noegler/").text


def test_a_token_cannot_be_created_already_expired(editor_client):
    response = editor_client.post(
        "/norddjurs/api-noegler/", {"name": "Gammel", "expires_at": "2020-01-01T12:00"}
    )
    assert response.status_code == 200
    assert 'id="id_expires_at_error"' in response.text
    assert response.context["new_key"] is None


def test_a_closed_unit_is_left_out_of_the_list_but_found_by_its_id(token_client, norddjurs):
    closed = OrgUnitFactory(name="Gruppe for markedsføring", closed_on="2019-10-31")
    listed = token_client.get("/api/norddjurs/org-units/").json()["results"]
    assert closed.pk not in [unit["id"] for unit in listed]
    assert (
        token_client.get("/api/norddjurs/org-units/", {"include_closed": "true"}).json()["count"]
        == 1
    )
    assert token_client.get(f"/api/norddjurs/org-units/{closed.pk}/").status_code == 200


def test_reading_persons_through_the_api_is_recorded_in_the_access_log(
    token_client, editor, norddjurs
):
    from styrbord.core.models import AccessLogEntry

    person = PersonFactory()
    token_client.get("/api/norddjurs/persons/")
    token_client.get(f"/api/norddjurs/persons/{person.pk}/")
    with scope(municipality=norddjurs):
        entries = list(AccessLogEntry.objects.order_by("time", "pk"))
    assert [(entry.user, entry.object_id) for entry in entries] == [
        (editor, ""),
        (editor, str(person.pk)),
    ]
