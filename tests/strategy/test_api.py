"""The strategy API: catalogue rows are read next to the municipality's own, marked
``shared``; writes go through the services, with field errors, 403 on catalogue rows and
409 on a stale version."""

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from styrbord.core.services.users import create_api_token
from styrbord.strategy.models import FocusArea, PrincipleKind, Strategy
from tests.portfolio.factories import (
    FocusAreaFactory,
    PrincipleFactory,
    StrategyFactory,
    catalogue,
)

API = "/api/norddjurs/strategi"


def token_client(user, municipality, can_write: bool = True) -> Client:
    _token, key = create_api_token(
        user=user, municipality=municipality, name="Test", can_write=can_write
    )
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def post(client: Client, url: str, data: dict):
    return client.post(url, data, content_type="application/json")


def patch(client: Client, url: str, data: dict):
    return client.patch(url, data, content_type="application/json")


def rows(response) -> dict[int, dict]:
    assert response.status_code == 200, response.json()
    return {row["id"]: row for row in response.json()["results"]}


@pytest.fixture
def editor_api(editor, norddjurs):
    return token_client(editor, norddjurs)


@pytest.fixture
def reader_api(reader, norddjurs):
    return token_client(reader, norddjurs)


def test_the_list_includes_catalogue_strategies_marked_shared(reader_api, norddjurs):
    own = StrategyFactory(municipality=norddjurs)
    shared = StrategyFactory(municipality=catalogue())
    listed = rows(reader_api.get(f"{API}/strategies/"))
    assert (listed[own.pk]["shared"], listed[shared.pk]["shared"]) == (False, True)


def test_the_list_leaves_out_another_municipalitys_strategies(reader_api, rebild):
    foreign = StrategyFactory(municipality=rebild)
    assert foreign.pk not in rows(reader_api.get(f"{API}/strategies/"))


def test_another_municipalitys_strategy_is_not_found(reader_api, rebild):
    foreign = StrategyFactory(municipality=rebild)
    assert reader_api.get(f"{API}/strategies/{foreign.pk}/").status_code == 404


def test_focus_areas_are_filtered_by_strategy_including_the_catalogues(reader_api, norddjurs):
    shared = StrategyFactory(municipality=catalogue())
    wanted = FocusAreaFactory(strategy=shared)
    FocusAreaFactory(strategy=StrategyFactory(municipality=norddjurs))
    listed = rows(reader_api.get(f"{API}/focus-areas/", {"strategy": shared.pk}))
    assert list(listed) == [wanted.pk]
    assert listed[wanted.pk]["shared"] is True


def test_principles_are_filtered_by_kind(reader_api, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    architecture = PrincipleFactory(strategy=strategy, kind=PrincipleKind.ARCHITECTURE)
    PrincipleFactory(strategy=strategy)
    listed = rows(reader_api.get(f"{API}/principles/", {"kind": "architecture"}))
    assert list(listed) == [architecture.pk]


def test_an_editor_creates_a_strategy(editor_api, norddjurs):
    response = post(
        editor_api,
        f"{API}/strategies/",
        {"title": "Digitaliseringsstrategi 2021–2025", "period_from": 2021, "period_to": 2025},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["shared"] is False
    with scopes_disabled():
        assert Strategy.objects.get(pk=response.json()["id"]).municipality == norddjurs


def test_a_reader_cannot_create_a_strategy(reader_api):
    response = post(
        reader_api, f"{API}/strategies/", {"title": "X", "period_from": 2021, "period_to": 2025}
    )
    assert response.status_code == 403


def test_a_period_ending_before_it_starts_is_answered_400_on_period_to(editor_api):
    response = post(
        editor_api,
        f"{API}/strategies/",
        {"title": "Baglæns", "period_from": 2025, "period_to": 2021},
    )
    assert response.status_code == 400
    assert "period_to" in response.json()


def test_an_editor_adds_a_focus_area_to_an_own_strategy(editor_api, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    response = post(
        editor_api,
        f"{API}/focus-areas/",
        {"strategy": strategy.pk, "number": 1, "name": "Digital velfærd"},
    )
    assert response.status_code == 201, response.json()
    with scopes_disabled():
        assert FocusArea.objects.get(pk=response.json()["id"]).strategy == strategy


def test_a_focus_area_cannot_be_added_to_a_catalogue_strategy(editor_api, db):
    shared = StrategyFactory(municipality=catalogue())
    response = post(editor_api, f"{API}/focus-areas/", {"strategy": shared.pk, "name": "Eget"})
    assert response.status_code == 400
    assert "strategy" in response.json()


def test_an_update_without_the_version_is_refused(editor_api, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    response = patch(editor_api, f"{API}/strategies/{strategy.pk}/", {"title": "Ny titel"})
    assert response.status_code == 400
    assert "version" in response.json()


def test_an_update_with_the_version_read_is_saved(editor_api, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    read = editor_api.get(f"{API}/strategies/{strategy.pk}/").json()
    response = patch(
        editor_api,
        f"{API}/strategies/{strategy.pk}/",
        {"vision": "Digitalt først", "version": read["version"]},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == read["version"] + 1


def test_a_stale_version_is_answered_409(editor_api, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    stale = strategy.version
    patch(editor_api, f"{API}/strategies/{strategy.pk}/", {"vision": "Først", "version": stale})
    response = patch(
        editor_api, f"{API}/strategies/{strategy.pk}/", {"vision": "Sidst", "version": stale}
    )
    assert response.status_code == 409
    assert response.json()["changed_fields"] == ["vision"]


def test_a_catalogue_strategy_cannot_be_updated(editor_api, db):
    shared = StrategyFactory(municipality=catalogue())
    response = patch(
        editor_api, f"{API}/strategies/{shared.pk}/", {"title": "Ændret", "version": shared.version}
    )
    assert response.status_code == 403
    shared.refresh_from_db()
    assert shared.title != "Ændret"


def test_an_editor_renames_an_own_focus_area_but_not_its_strategy(editor_api, norddjurs):
    focus_area = FocusAreaFactory(strategy=StrategyFactory(municipality=norddjurs))
    original_strategy = focus_area.strategy_id
    other = StrategyFactory(municipality=norddjurs)
    response = patch(
        editor_api,
        f"{API}/focus-areas/{focus_area.pk}/",
        {"name": "Data og sammenhæng", "strategy": other.pk, "version": focus_area.version},
    )
    assert response.status_code == 200, response.json()
    focus_area.refresh_from_db()
    assert (focus_area.name, focus_area.strategy_id) == ("Data og sammenhæng", original_strategy)


def test_a_second_focus_area_with_the_same_name_is_answered_400(editor_api, norddjurs):
    existing = FocusAreaFactory(strategy=StrategyFactory(municipality=norddjurs))
    response = post(
        editor_api,
        f"{API}/focus-areas/",
        {"strategy": existing.strategy_id, "name": existing.name},
    )
    assert response.status_code == 400


def test_a_focus_area_of_another_municipality_is_not_found_for_update(editor_api, rebild):
    foreign = FocusAreaFactory(strategy=StrategyFactory(municipality=rebild))
    response = patch(
        editor_api, f"{API}/focus-areas/{foreign.pk}/", {"name": "X", "version": foreign.version}
    )
    assert response.status_code == 404


def test_the_api_is_not_found_under_another_municipalitys_slug(editor_api, rebild):
    assert editor_api.get("/api/rebild/strategi/strategies/").status_code in (401, 403, 404)


@pytest.mark.parametrize("path", ["strategies/", "focus-areas/", "principles/"])
def test_list_query_count_is_bounded(reader_api, norddjurs, path, django_assert_max_num_queries):
    for owner in (norddjurs, catalogue()) * 5:
        strategy = StrategyFactory(municipality=owner)
        FocusAreaFactory(strategy=strategy)
        PrincipleFactory(strategy=strategy)
    with django_assert_max_num_queries(8):
        response = reader_api.get(f"{API}/{path}")
    assert response.json()["count"] == 10
