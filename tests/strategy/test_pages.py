"""The strategy pages: own and catalogue strategies side by side, edit buttons only for
editors and only on own rows, bad input kept on the form, and bounded query counts."""

import pytest
from django_scopes import scopes_disabled

from styrbord.portfolio.models import ArchitectureAlignment
from styrbord.strategy.models import FocusArea, PrincipleKind, Strategy
from tests.portfolio.factories import (
    FocusAreaFactory,
    PrincipleFactory,
    ProjectFactory,
    StrategyFactory,
    catalogue,
)

S = "/norddjurs/strategi/"


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _align(project, focus_area) -> None:
    with scopes_disabled():
        project.focus_areas.add(focus_area)


def test_the_list_shows_own_strategies_before_the_catalogues(reader_client, norddjurs):
    StrategyFactory(municipality=catalogue(), title="Fælleskommunal strategi", period_to=2025)
    StrategyFactory(municipality=norddjurs, title="Norddjurs strategi", period_to=2020)
    page = _page(reader_client, S)
    assert page.index("Norddjurs strategi") < page.index("Fælleskommunal strategi")


def test_the_list_leaves_out_another_municipalitys_strategies(reader_client, rebild):
    StrategyFactory(municipality=rebild, title="Rebilds strategi")
    assert "Rebilds strategi" not in _page(reader_client, S)


def test_a_reader_sees_no_edit_button_on_an_own_strategy(reader_client, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    FocusAreaFactory(strategy=strategy)
    page = _page(reader_client, f"{S}{strategy.pk}/")
    assert "rediger/" not in page
    assert "/ny/" not in page


def test_an_editor_gets_edit_buttons_on_an_own_strategy(editor_client, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    page = _page(editor_client, f"{S}{strategy.pk}/")
    assert f"{S}{strategy.pk}/rediger/" in page
    assert f"{S}{strategy.pk}/fokusomraader/ny/" in page


def test_a_catalogue_strategy_is_readable_but_offers_no_edit_button(editor_client, db):
    strategy = StrategyFactory(municipality=catalogue(), title="Kommunernes Digitaliseringsprogram")
    FocusAreaFactory(strategy=strategy, name="Klima og ressourcer")
    page = _page(editor_client, f"{S}{strategy.pk}/")
    assert "Klima og ressourcer" in page
    assert "rediger/" not in page


def test_the_edit_page_of_a_catalogue_strategy_is_not_found(editor_client, db):
    strategy = StrategyFactory(municipality=catalogue())
    assert editor_client.get(f"{S}{strategy.pk}/rediger/").status_code == 404


def test_a_focus_area_of_a_catalogue_strategy_cannot_be_deleted_from_a_municipality(
    editor_client, db
):
    focus_area = FocusAreaFactory(strategy=StrategyFactory(municipality=catalogue()))
    assert editor_client.post(f"{S}fokusomraader/{focus_area.pk}/slet/").status_code == 404


def test_a_reader_cannot_open_the_new_strategy_form(reader_client):
    assert reader_client.get(f"{S}ny/").status_code == 403


def test_an_editor_creates_a_strategy_through_the_form(editor_client, norddjurs):
    response = editor_client.post(
        f"{S}ny/",
        {
            "title": "Digitaliseringsstrategi 2016–2020",
            "kind": "strategy",
            "period_from": "2016",
            "period_to": "2020",
            "vision": "Digitalisering skal skabe værdi for borgere og virksomheder.",
            "approved_by": "Byrådet",
            "approved_on": "2016-06-21",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert response.context["strategy"].title == "Digitaliseringsstrategi 2016–2020"
    with scopes_disabled():
        assert Strategy.objects.get(title__startswith="Digitaliserings").municipality == norddjurs


def test_a_period_ending_before_it_starts_keeps_the_form_and_shows_the_error(editor_client):
    response = editor_client.post(
        f"{S}ny/",
        {
            "title": "Baglæns strategi",
            "kind": "strategy",
            "period_from": "2020",
            "period_to": "2016",
        },
    )
    assert response.status_code == 200
    assert "period_to" in response.context["form"].errors
    assert 'value="Baglæns strategi"' in response.content.decode()
    with scopes_disabled():
        assert not Strategy.objects.filter(title="Baglæns strategi").exists()


def test_the_vision_is_rendered_from_markdown(reader_client, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs, vision="Vi er **digitale først**.")
    assert "<strong>digitale først</strong>" in _page(reader_client, f"{S}{strategy.pk}/")


def test_a_principle_is_shown_with_because_explanation_and_prerequisite(reader_client, norddjurs):
    principle = PrincipleFactory(
        strategy=StrategyFactory(municipality=norddjurs),
        because="Borgerne forventer det",
        explanation="Vi designer efter behov",
        prerequisite="Brugerinddragelse",
    )
    page = _page(reader_client, f"{S}{principle.strategy_id}/")
    for text in ("Borgerne forventer det", "Vi designer efter behov", "Brugerinddragelse"):
        assert text in page


def test_a_catalogue_focus_area_counts_only_the_municipalitys_own_projects(
    reader_client, norddjurs, rebild
):
    focus_area = FocusAreaFactory(strategy=StrategyFactory(municipality=catalogue()))
    _align(ProjectFactory(municipality=norddjurs), focus_area)
    _align(ProjectFactory(municipality=rebild), focus_area)
    _align(ProjectFactory(municipality=rebild), focus_area)
    response = reader_client.get(f"{S}{focus_area.strategy_id}/")
    [shown] = response.context["focus_areas"]
    assert shown.project_count == 1


def test_a_focus_area_links_to_the_portfolio_filtered_by_it(reader_client, norddjurs):
    focus_area = FocusAreaFactory(strategy=StrategyFactory(municipality=norddjurs))
    _align(ProjectFactory(municipality=norddjurs), focus_area)
    assert f"?focus_area={focus_area.pk}" in _page(reader_client, f"{S}{focus_area.strategy_id}/")


def test_an_architecture_principle_shows_how_many_projects_follow_it(reader_client, norddjurs):
    principle = PrincipleFactory(
        strategy=StrategyFactory(municipality=norddjurs), kind=PrincipleKind.ARCHITECTURE
    )
    with scopes_disabled():
        for follows in (True, False):
            ArchitectureAlignment.objects.create(
                municipality=norddjurs,
                project=ProjectFactory(municipality=norddjurs),
                principle=principle,
                follows=follows,
                explanation="" if follows else "Leverandøren understøtter det ikke.",
            )
    response = reader_client.get(f"{S}{principle.strategy_id}/")
    [shown] = response.context["architecture_principles"]
    assert (shown.assessed_count, shown.follows_count) == (2, 1)


def test_an_editor_adds_a_focus_area_to_an_own_strategy(editor_client, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    response = editor_client.post(
        f"{S}{strategy.pk}/fokusomraader/ny/", {"number": "1", "name": "Digital velfærd"}
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert FocusArea.objects.filter(strategy=strategy, name="Digital velfærd").exists()


def test_an_editor_edits_a_principle_with_the_version_it_read(editor_client, norddjurs):
    principle = PrincipleFactory(strategy=StrategyFactory(municipality=norddjurs))
    response = editor_client.post(
        f"{S}principper/{principle.pk}/rediger/",
        {
            "kind": "strategic",
            "number": "3",
            "name": "Genbrug før nyt",
            "version": principle.version,
        },
    )
    assert response.status_code == 302
    principle.refresh_from_db()
    assert principle.name == "Genbrug før nyt"


def test_a_stale_edit_keeps_the_input_and_saves_nothing(editor_client, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs, title="Original")
    response = editor_client.post(
        f"{S}{strategy.pk}/rediger/",
        {
            "title": "Min udgave",
            "kind": "strategy",
            "period_from": "2016",
            "period_to": "2020",
            "version": strategy.version - 1,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    strategy.refresh_from_db()
    assert strategy.title == "Original"


def test_a_focus_area_with_projects_is_kept_and_the_page_says_why(editor_client, norddjurs):
    focus_area = FocusAreaFactory(strategy=StrategyFactory(municipality=norddjurs))
    _align(ProjectFactory(municipality=norddjurs), focus_area)
    response = editor_client.post(
        f"{S}fokusomraader/{focus_area.pk}/slet/", {"version": focus_area.version}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    with scopes_disabled():
        assert FocusArea.objects.filter(pk=focus_area.pk).exists()


def test_an_editor_deletes_a_focus_area_without_projects(editor_client, norddjurs):
    focus_area = FocusAreaFactory(strategy=StrategyFactory(municipality=norddjurs))
    response = editor_client.post(
        f"{S}fokusomraader/{focus_area.pk}/slet/", {"version": focus_area.version}
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert not FocusArea.objects.filter(pk=focus_area.pk).exists()


def test_an_editor_adds_an_addendum(editor_client, norddjurs):
    strategy = StrategyFactory(municipality=norddjurs)
    response = editor_client.post(
        f"{S}{strategy.pk}/tillaeg/ny/",
        {"title": "Tillæg om data", "adopted_on": "2019-03-01", "text": "Mere om data."},
        follow=True,
    )
    assert "Tillæg om data" in response.content.decode()


@pytest.fixture
def many_strategies(norddjurs):
    for number in range(15):
        StrategyFactory(municipality=norddjurs, title=f"Egen strategi {number}")
        StrategyFactory(municipality=catalogue(), title=f"Fælles strategi {number}")


def test_the_list_costs_a_bounded_number_of_queries(
    editor_client, many_strategies, django_assert_max_num_queries
):
    editor_client.get(S)  # warm-up: session, roles, content types
    with django_assert_max_num_queries(8):
        assert editor_client.get(S).status_code == 200


def test_the_strategy_page_costs_a_bounded_number_of_queries(
    editor_client, norddjurs, django_assert_max_num_queries
):
    strategy = StrategyFactory(municipality=norddjurs)
    for _number in range(10):
        focus_area = FocusAreaFactory(strategy=strategy)
        _align(ProjectFactory(municipality=norddjurs), focus_area)
        PrincipleFactory(strategy=strategy)
        PrincipleFactory(strategy=strategy, kind=PrincipleKind.ARCHITECTURE)
    editor_client.get(f"{S}{strategy.pk}/")
    with django_assert_max_num_queries(10):
        assert editor_client.get(f"{S}{strategy.pk}/").status_code == 200
