"""The strategy demo: the catalogue's strategies as the seeds list them, Norddjurs' strategy
with its vision and Rebild's seven principles. It needs only the reference data, so each test
loads it."""

import datetime

import pytest
from django_scopes import scope, scopes_disabled

from styrbord.core.models import ChangeLogEntry, Municipality
from styrbord.strategy import demo
from styrbord.strategy.models import (
    FocusArea,
    Principle,
    PrincipleKind,
    Strategy,
    StrategyKind,
)


@pytest.fixture
def loaded(db):
    demo.load()


def _catalogue_strategy(title: str) -> Strategy:
    with scopes_disabled():
        return Strategy.objects.get(municipality__is_catalogue=True, title=title)


def test_the_joint_strategy_has_the_focus_areas_in_the_order_the_seeds_list_them(loaded):
    strategy = _catalogue_strategy(demo.JOINT_STRATEGY)
    with scopes_disabled():
        names = list(strategy.focus_areas.order_by("number").values_list("name", flat=True))
    assert names == [
        "Fælles fundament for en ny strategi",
        "Borgerbetjening 3.0",
        "Offentlige data skal skabe effektivitet og merværdi",
        "Sikkerhed og tilgængelighed",
        "Kommunernes rammearkitektur",
        "Gevinstrealisering og kompetenceudvikling",
        "Fællesoffentligt samarbejde om digitalisering",
        "Effektiv styring og administration",
        "Smart digital beskæftigelsesindsats",
        "Borgerne skal videst mulig mestre eget liv",
        "Teknologi giver bedre fysiske rammer og bæredygtig vækst",
        "Digital sammenhæng for børn og unge",
    ]
    assert (strategy.period_from, strategy.period_to) == (2016, 2020)
    assert strategy.approved_on == datetime.date(2015, 6, 21)


def test_the_digitalisation_programme_has_its_six_sub_programmes(loaded):
    strategy = _catalogue_strategy(demo.PROGRAMME)
    with scopes_disabled():
        names = list(strategy.focus_areas.order_by("number").values_list("name", flat=True))
    assert strategy.kind == StrategyKind.PROGRAMME
    assert names == [
        "Borger, teknologi og lokaldemokratiet",
        "Digital transformation",
        "Sammenhængende velfærdsforløb",
        "Klima og ressourcer",
        "Bedre velfærd og styring med data",
        "Kommunernes digitale fundamenter",
    ]


def test_the_common_public_architecture_has_eight_architecture_principles(loaded):
    strategy = _catalogue_strategy(demo.ARCHITECTURE)
    with scopes_disabled():
        principles = list(strategy.principles.order_by("number"))
    assert strategy.kind == StrategyKind.ARCHITECTURE
    assert len(principles) == 8
    assert {p.kind for p in principles} == {PrincipleKind.ARCHITECTURE}
    assert principles[3].name == "Sikkerhed, privatliv og tillid sikres"
    assert all(p.explanation for p in principles)


def test_norddjurs_strategy_carries_its_vision_and_approval(loaded):
    with scope(municipality=Municipality.objects.get(code="0707")):
        strategy = Strategy.objects.get(title=demo.NORDDJURS_STRATEGY)
        assert "der kan selv, skal selv" in strategy.vision
        assert strategy.approved_by == "Kommunalbestyrelsen"
        assert strategy.approved_on == datetime.date(2016, 1, 21)
        assert strategy.focus_areas.count() == 6
        assert strategy.addenda.get().adopted_on == datetime.date(2017, 1, 11)


def test_rebild_has_seven_principles_each_with_because_explanation_and_prerequisite(loaded):
    with scope(municipality=Municipality.objects.get(code="0840")):
        principles = list(
            Principle.objects.filter(strategy__title=demo.REBILD_STRATEGY).order_by("number")
        )
    assert len(principles) == 7
    assert principles[0].name == "Digitalisering skal styrke vores kerneopgave"
    assert all(p.because and p.explanation and p.prerequisite for p in principles)
    assert {p.kind for p in principles} == {PrincipleKind.STRATEGIC}


def test_a_municipality_reads_the_catalogue_but_not_another_municipalitys_strategy(loaded):
    with scope(municipality=Municipality.objects.get(code="0840")):
        titles = set(Strategy.shared.values_list("title", flat=True))
        areas = set(FocusArea.shared.values_list("name", flat=True))
    assert titles == {
        demo.JOINT_STRATEGY,
        demo.PROGRAMME,
        demo.ARCHITECTURE,
        demo.REBILD_STRATEGY,
    }
    assert "Mobil- og bredbåndsdækning" not in areas


def test_loading_the_strategies_twice_creates_nothing_new(loaded):
    with scopes_disabled():
        before = (Strategy.objects.count(), ChangeLogEntry.objects.count())
        demo.load()
        after = (Strategy.objects.count(), ChangeLogEntry.objects.count())
    assert before == after
