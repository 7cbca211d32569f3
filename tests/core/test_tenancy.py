"""No page or API endpoint of the core shows one municipality's data to another."""

import pytest
from django.test import Client
from django_scopes import ScopeError, scopes_disabled

from styrbord.core import urls as core_urls
from styrbord.core.api import urls as core_api_urls
from styrbord.core.models import ApiToken, Membership, OrgUnit, Person
from styrbord.core.services.users import create_api_token
from tests.factories import MembershipFactory, OrgUnitFactory, PersonFactory, UserFactory
from tests.tenancy import assert_isolated, routes


@pytest.fixture
def rebild_objects(rebild, other_editor):
    unit = OrgUnitFactory(municipality=rebild, name="Center Børn og Unge")
    person = PersonFactory(municipality=rebild, org_unit=unit)
    with scopes_disabled():
        membership = Membership.objects.get(user=other_editor)
    token, _key = create_api_token(user=other_editor, municipality=rebild, name="Rebild")
    return {"unit": unit, "person": person, "membership": membership, "token": token}


def core_page_kwargs(objects) -> dict:
    return {
        "org_unit_detail": {"pk": objects["unit"].pk},
        "org_unit_edit": {"pk": objects["unit"].pk},
        "org_unit_move": {"pk": objects["unit"].pk},
        "org_unit_close": {"pk": objects["unit"].pk},
        "org_unit_reopen": {"pk": objects["unit"].pk},
        "person_detail": {"pk": objects["person"].pk},
        "person_edit": {"pk": objects["person"].pk},
        "user_role": {"pk": objects["membership"].pk},
        "api_token_revoke": {"pk": objects["token"].pk},
        "history": [
            {"model": "org-unit", "pk": objects["unit"].pk},
            {"model": "person", "pk": objects["person"].pk},
            {"model": "membership", "pk": objects["membership"].pk},
        ],
    }


def core_api_kwargs(objects) -> dict:
    return {
        "api-org-unit-detail": {"pk": objects["unit"].pk},
        "api-person-detail": {"pk": objects["person"].pk},
    }


@pytest.mark.parametrize("fixture", ["editor", "local_admin"])
def test_core_pages_refuse_another_municipalitys_objects(client, request, rebild_objects, fixture):
    client.force_login(request.getfixturevalue(fixture))
    checked = assert_isolated(
        client,
        core_urls.urlpatterns,
        namespace="core",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=core_page_kwargs(rebild_objects),
    )
    assert checked > 40


def test_core_api_refuses_another_municipalitys_objects(client, editor, rebild_objects):
    client.force_login(editor)
    assert_isolated(
        client,
        core_api_urls.urlpatterns,
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=core_api_kwargs(rebild_objects),
    )


def test_core_api_refuses_another_municipalitys_objects_with_a_token(
    norddjurs, editor, rebild_objects
):
    _token, key = create_api_token(user=editor, municipality=norddjurs, name="CI", can_write=True)
    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert_isolated(
        client,
        core_api_urls.urlpatterns,
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=core_api_kwargs(rebild_objects),
    )


def test_refused_writes_change_nothing(client, editor, rebild_objects):
    client.force_login(editor)
    unit = rebild_objects["unit"]
    client.post(
        f"/norddjurs/organisation/{unit.pk}/rediger/", {"name": "Overtaget", "kind": "team"}
    )
    client.post(f"/rebild/organisation/{unit.pk}/rediger/", {"name": "Overtaget", "kind": "team"})
    with scopes_disabled():
        assert OrgUnit.objects.get(pk=unit.pk).name == "Center Børn og Unge"


def test_a_user_of_both_municipalities_sees_each_only_under_its_own_slug(
    client, norddjurs, rebild, rebild_objects
):
    user = UserFactory(username="both")
    MembershipFactory(user=user, municipality=norddjurs)
    MembershipFactory(user=user, municipality=rebild)
    client.force_login(user)
    person = rebild_objects["person"]
    assert client.get(f"/rebild/personer/{person.pk}/").status_code == 200
    assert client.get(f"/norddjurs/personer/{person.pk}/").status_code == 404


def test_a_token_of_one_municipality_is_refused_in_another_where_its_owner_has_a_role(
    norddjurs, rebild, rebild_objects
):
    user = UserFactory(username="both")
    MembershipFactory(user=user, municipality=norddjurs)
    MembershipFactory(user=user, municipality=rebild)
    _token, key = create_api_token(user=user, municipality=norddjurs, name="Norddjurs only")
    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/norddjurs/persons/").status_code == 200
    assert client.get("/api/rebild/persons/").status_code in {401, 403}


def test_an_unknown_municipality_slug_is_404(editor_client):
    assert editor_client.get("/atlantis/").status_code == 404
    assert editor_client.get("/api/atlantis/persons/").status_code == 404


def test_the_catalogue_organisation_has_no_municipality_pages(client, db):
    from tests.factories import UserFactory as Users

    client.force_login(Users(username="root", is_superuser=True))
    assert client.get("/katalog/").status_code == 404


def test_a_scoped_query_outside_a_municipality_scope_fails_loudly(db):
    with pytest.raises(ScopeError):
        list(Person.objects.all())
    with pytest.raises(ScopeError):
        list(ApiToken.objects.none()) or Membership.objects.count()


def test_the_helper_demands_arguments_for_every_route_with_arguments(client, editor):
    client.force_login(editor)
    with pytest.raises(AssertionError, match="no arguments for 'core:"):
        assert_isolated(
            client,
            core_urls.urlpatterns,
            namespace="core",
            own_slug="norddjurs",
            foreign_slug="rebild",
            foreign_kwargs={},
        )


def test_the_helper_sees_every_core_route():
    names = {route.name for route in routes(core_urls.urlpatterns, "core")}
    assert {"core:dashboard", "core:person_edit", "core:history", "core:change_log"} <= names
