"""Reading a shared catalogue: a municipality sees its own rows and the catalogue's, never
another municipality's, and nothing at all outside a municipality scope."""

import pytest
from django_scopes import ScopeError, scope, scopes_disabled

from styrbord.strategy.models import Strategy
from tests.portfolio.factories import StrategyFactory, catalogue


@pytest.fixture
def strategies(norddjurs, rebild):
    return {
        "own": StrategyFactory(municipality=norddjurs, title="Norddjurs' strategi"),
        "catalogue": StrategyFactory(municipality=catalogue(), title="Fælleskommunal strategi"),
        "foreign": StrategyFactory(municipality=rebild, title="Rebilds strategi"),
    }


def _titles(queryset) -> set[str]:
    return set(queryset.values_list("title", flat=True))


def test_a_municipality_reads_its_own_and_the_catalogues_rows(norddjurs, strategies):
    with scope(municipality=norddjurs):
        assert _titles(Strategy.shared.all()) == {"Norddjurs' strategi", "Fælleskommunal strategi"}


def test_a_municipality_never_reads_another_municipalitys_rows(rebild, strategies):
    with scope(municipality=rebild):
        titles = _titles(Strategy.shared.all())
    assert "Norddjurs' strategi" not in titles
    assert titles == {"Rebilds strategi", "Fælleskommunal strategi"}


def test_another_municipalitys_row_is_not_found_by_its_id(norddjurs, strategies):
    with scope(municipality=norddjurs):
        assert not Strategy.shared.filter(pk=strategies["foreign"].pk).exists()


def test_a_read_outside_a_municipality_scope_fails_loudly(strategies):
    with pytest.raises(ScopeError):
        list(Strategy.shared.all())


def test_a_filtered_read_outside_a_municipality_scope_fails_loudly(strategies):
    with pytest.raises(ScopeError):
        Strategy.shared.filter(title="Fælleskommunal strategi").first()


def test_with_scopes_disabled_every_row_is_read(strategies):
    with scopes_disabled():
        assert _titles(Strategy.shared.all()) == {
            "Norddjurs' strategi",
            "Fælleskommunal strategi",
            "Rebilds strategi",
        }


def test_the_default_manager_still_reads_only_the_own_rows(norddjurs, strategies):
    with scope(municipality=norddjurs):
        assert _titles(Strategy.objects.all()) == {"Norddjurs' strategi"}
