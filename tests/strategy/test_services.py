"""The strategy services: who may change what, which input is refused and why, and that
every write lands in the change log."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_scopes import scopes_disabled

from styrbord.core import queries as core_queries
from styrbord.core.models import ChangeAction
from styrbord.core.services.changes import StaleEdit
from styrbord.portfolio.models import ArchitectureAlignment
from styrbord.strategy import services
from styrbord.strategy.models import (
    FocusArea,
    Principle,
    PrincipleKind,
    Strategy,
    StrategyAddendum,
    StrategyKind,
)
from tests.portfolio.factories import (
    FocusAreaFactory,
    PrincipleFactory,
    ProjectFactory,
    StrategyFactory,
    catalogue,
)

STRATEGY = {"title": "Digitaliseringsstrategi 2021–2025", "period_from": 2021, "period_to": 2025}


def _exists(model, pk: int) -> bool:
    with scopes_disabled():
        return model.objects.filter(pk=pk).exists()


def test_an_editor_creates_a_strategy_and_the_change_log_records_it(in_norddjurs, editor):
    strategy = services.create_strategy(municipality=in_norddjurs, actor=editor, **STRATEGY)
    entry = core_queries.history_of(strategy).get()
    assert (entry.action, entry.actor) == (ChangeAction.CREATE, editor)


def test_a_period_ending_before_it_starts_is_refused_on_period_to(in_norddjurs, editor):
    with pytest.raises(ValidationError) as refused:
        services.create_strategy(
            municipality=in_norddjurs,
            actor=editor,
            title="Omvendt",
            period_from=2025,
            period_to=2021,
        )
    assert "period_to" in refused.value.message_dict
    assert not Strategy.objects.filter(title="Omvendt").exists()


def test_a_reader_cannot_create_a_strategy(in_norddjurs, reader):
    with pytest.raises(PermissionDenied):
        services.create_strategy(municipality=in_norddjurs, actor=reader, **STRATEGY)


def test_an_editor_of_another_municipality_cannot_edit_a_strategy(norddjurs, other_editor):
    strategy = StrategyFactory(municipality=norddjurs)
    with pytest.raises(PermissionDenied):
        services.update_strategy(
            strategy, actor=other_editor, expected_version=strategy.version, title="Overtaget"
        )


def test_a_catalogue_strategy_cannot_be_edited_by_an_editor(in_norddjurs, editor):
    strategy = StrategyFactory(municipality=catalogue())
    with pytest.raises(PermissionDenied):
        services.update_strategy(
            strategy, actor=editor, expected_version=strategy.version, title="Ændret"
        )


def test_a_catalogue_strategy_cannot_be_edited_even_by_a_superuser(in_norddjurs, editor):
    editor.is_superuser = True
    strategy = StrategyFactory(municipality=catalogue())
    with pytest.raises(PermissionDenied):
        services.update_strategy(
            strategy, actor=editor, expected_version=strategy.version, title="Ændret"
        )


def test_no_focus_area_can_be_added_to_a_catalogue_strategy(in_norddjurs, editor):
    strategy = StrategyFactory(municipality=catalogue())
    with pytest.raises(PermissionDenied):
        services.create_focus_area(strategy=strategy, actor=editor, name="Eget fokus")


def test_a_data_load_without_an_actor_keeps_the_catalogue(db):
    strategy = services.create_strategy(
        municipality=catalogue(), actor=None, kind=StrategyKind.PROGRAMME, **STRATEGY
    )
    assert strategy.municipality.is_catalogue


def test_an_edit_of_a_stale_version_is_refused(in_norddjurs, editor):
    strategy = StrategyFactory(municipality=in_norddjurs)
    stale = strategy.version
    services.update_strategy(strategy, actor=editor, expected_version=stale, vision="Først")
    with pytest.raises(StaleEdit):
        services.update_strategy(strategy, actor=editor, expected_version=stale, vision="Sidst")


def test_a_focus_area_name_is_unique_within_its_strategy(in_norddjurs, editor):
    strategy = StrategyFactory(municipality=in_norddjurs)
    services.create_focus_area(strategy=strategy, actor=editor, name="Borgeren i centrum")
    with pytest.raises(ValidationError):
        services.create_focus_area(strategy=strategy, actor=editor, name="Borgeren i centrum")


def test_a_focus_area_without_projects_is_deleted_and_logged(in_norddjurs, editor):
    focus_area = FocusAreaFactory(strategy=StrategyFactory(municipality=in_norddjurs))
    services.delete_focus_area(FocusArea.objects.get(pk=focus_area.pk), actor=editor)
    assert not _exists(FocusArea, focus_area.pk)
    assert core_queries.history_of(focus_area).filter(action=ChangeAction.DELETE).exists()


def test_a_focus_area_that_projects_are_aligned_to_cannot_be_deleted(in_norddjurs, editor):
    focus_area = FocusAreaFactory(strategy=StrategyFactory(municipality=in_norddjurs))
    project = ProjectFactory(municipality=in_norddjurs)
    with scopes_disabled():
        project.focus_areas.add(focus_area)
    with pytest.raises(ValidationError) as refused:
        services.delete_focus_area(focus_area, actor=editor)
    assert "1" in refused.value.messages[0]
    assert _exists(FocusArea, focus_area.pk)


def test_a_principle_that_projects_are_aligned_to_cannot_be_deleted(in_norddjurs, editor):
    principle = PrincipleFactory(strategy=StrategyFactory(municipality=in_norddjurs))
    project = ProjectFactory(municipality=in_norddjurs)
    with scopes_disabled():
        project.principles.add(principle)
    with pytest.raises(ValidationError):
        services.delete_principle(principle, actor=editor)
    assert _exists(Principle, principle.pk)


def test_an_architecture_principle_a_project_was_assessed_against_cannot_be_deleted(
    in_norddjurs, editor
):
    principle = PrincipleFactory(
        strategy=StrategyFactory(municipality=in_norddjurs), kind=PrincipleKind.ARCHITECTURE
    )
    project = ProjectFactory(municipality=in_norddjurs)
    ArchitectureAlignment.objects.create(
        municipality=in_norddjurs, project=project, principle=principle, follows=True
    )
    with pytest.raises(ValidationError):
        services.delete_principle(principle, actor=editor)
    assert _exists(Principle, principle.pk)


def test_an_aligned_principle_cannot_change_kind(in_norddjurs, editor):
    principle = PrincipleFactory(strategy=StrategyFactory(municipality=in_norddjurs))
    project = ProjectFactory(municipality=in_norddjurs)
    with scopes_disabled():
        project.principles.add(principle)
    with pytest.raises(ValidationError) as refused:
        services.update_principle(
            principle,
            actor=editor,
            expected_version=principle.version,
            kind=PrincipleKind.ARCHITECTURE,
        )
    assert "kind" in refused.value.message_dict


def test_a_principle_keeps_rebilds_form(in_norddjurs, editor):
    strategy = StrategyFactory(municipality=in_norddjurs)
    principle = services.create_principle(
        strategy=strategy,
        actor=editor,
        name="Vi digitaliserer med borgeren i centrum",
        because="Borgerne forventer hurtig og enkel service.",
        explanation="Løsninger designes ud fra borgerens behov.",
        prerequisite="Brugerinddragelse i alle projekter.",
    )
    principle.refresh_from_db()
    assert principle.prerequisite == "Brugerinddragelse i alle projekter."


def test_an_addendum_is_added_to_an_own_strategy_and_edited(in_norddjurs, editor):
    strategy = StrategyFactory(municipality=in_norddjurs)
    addendum = services.create_addendum(strategy=strategy, actor=editor, title="Tillæg 2019")
    services.update_addendum(
        addendum, actor=editor, expected_version=addendum.version, text="Nyt fokus på data."
    )
    addendum.refresh_from_db()
    assert (addendum.municipality, addendum.text) == (in_norddjurs, "Nyt fokus på data.")


def test_deleting_a_strategy_logs_each_of_its_parts(in_norddjurs, editor):
    strategy = StrategyFactory(municipality=in_norddjurs)
    focus_area = FocusAreaFactory(strategy=strategy)
    addendum = services.create_addendum(strategy=strategy, actor=editor, title="Tillæg")
    services.delete_strategy(strategy, actor=editor)
    assert not _exists(Strategy, strategy.pk)
    assert not _exists(StrategyAddendum, addendum.pk)
    assert core_queries.history_of(focus_area).filter(action=ChangeAction.DELETE).exists()


def test_a_strategy_with_an_aligned_focus_area_cannot_be_deleted(in_norddjurs, editor):
    strategy = StrategyFactory(municipality=in_norddjurs)
    focus_area = FocusAreaFactory(strategy=strategy)
    project = ProjectFactory(municipality=in_norddjurs)
    with scopes_disabled():
        project.focus_areas.add(focus_area)
    with pytest.raises(ValidationError):
        services.delete_strategy(strategy, actor=editor)
    assert _exists(FocusArea, focus_area.pk)
