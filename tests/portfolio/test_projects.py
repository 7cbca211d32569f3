"""Projects: creation with their first phase, the invariants of dates, budget and shared
projects, alignment to catalogue focus areas, and edits that never overwrite derived columns."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from styrbord.core.models import ChangeAction, ChangeLogEntry
from styrbord.portfolio.models import Origin, Phase, PhaseChange, Project, StatusReport
from styrbord.portfolio.services import projects, reports
from styrbord.portfolio.services._common import set_shared_relation
from tests.factories import PersonFactory
from tests.portfolio.factories import (
    FocusAreaFactory,
    ProjectFactory,
    RunningProjectFactory,
    StrategyFactory,
    catalogue,
)

pytestmark = pytest.mark.usefixtures("in_norddjurs")

DAY = datetime.timedelta(days=1)


def _create(municipality, actor, **data):
    data.setdefault("name", "Talegenkendelse")
    data.setdefault("origin", Origin.LOCAL)
    return projects.create_project(municipality=municipality, actor=actor, **data)


def _project_log(project):
    return ChangeLogEntry._base_manager.filter(
        content_type=ContentType.objects.get_for_model(Project), object_id=str(project.pk)
    )


def test_a_new_project_starts_with_a_phase_change_recording_its_first_phase(norddjurs, editor):
    project = _create(norddjurs, editor, phase=Phase.IDEA)
    change = PhaseChange.objects.get(project=project)
    assert (change.from_phase, change.to_phase) == ("", Phase.IDEA)
    assert change.decided_on == timezone.localdate()


def test_a_new_project_cannot_start_in_a_phase_that_needs_a_decision(norddjurs, editor):
    with pytest.raises(ValidationError) as refused:
        _create(norddjurs, editor, phase=Phase.EXECUTION)
    assert "phase" in refused.value.message_dict
    assert not Project.objects.exists()


def test_a_reader_cannot_create_a_project(norddjurs, reader):
    with pytest.raises(PermissionDenied):
        _create(norddjurs, reader)


def test_an_end_date_before_the_start_date_is_refused_on_the_end_date(norddjurs, editor):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        _create(norddjurs, editor, start_date=today, end_date=today - DAY)
    assert list(refused.value.message_dict) == ["end_date"]


def test_a_negative_budget_is_refused(norddjurs, editor):
    with pytest.raises(ValidationError) as refused:
        _create(norddjurs, editor, budget_one_off=Decimal("-1"))
    assert "budget_one_off" in refused.value.message_dict


def test_a_negative_running_cost_is_refused_on_an_edit(editor):
    project = ProjectFactory()
    with pytest.raises(ValidationError) as refused:
        projects.update_project(
            project,
            actor=editor,
            expected_version=project.version,
            budget_running=Decimal("-100"),
        )
    assert "budget_running" in refused.value.message_dict


def test_a_project_can_only_implement_a_project_of_the_shared_catalogue(norddjurs, editor):
    local = ProjectFactory(municipality=norddjurs, name="Eget projekt")
    with pytest.raises(ValidationError) as refused:
        _create(norddjurs, editor, implements=local)
    assert "implements" in refused.value.message_dict


def test_a_project_implements_a_catalogue_project(norddjurs, editor):
    shared = ProjectFactory(
        municipality=catalogue(), name="Monopolbruddet", origin=Origin.JOINT_MUNICIPAL
    )
    project = _create(
        norddjurs,
        editor,
        name="Monopolbrud i Norddjurs",
        origin=Origin.JOINT_MUNICIPAL,
        implements=shared,
    )
    assert project.implements == shared


def test_a_leader_from_another_municipality_is_refused(norddjurs, rebild, editor):
    stranger = PersonFactory(municipality=rebild)
    with pytest.raises(ValidationError) as refused:
        _create(norddjurs, editor, leader=stranger)
    assert "leader" in refused.value.message_dict


def test_tags_are_stored_trimmed_and_without_duplicates(norddjurs, editor):
    project = _create(norddjurs, editor, tags=" Aula ,  skole,aula,, dagtilbud ")
    assert project.tags == "Aula, skole, dagtilbud"


def test_a_focus_area_of_another_municipality_is_refused(norddjurs, rebild, editor):
    project = ProjectFactory(municipality=norddjurs)
    foreign = FocusAreaFactory(strategy=StrategyFactory(municipality=rebild))
    with pytest.raises(ValidationError) as refused:
        set_shared_relation(project, "focus_areas", [foreign], actor=editor)
    assert "focus_areas" in refused.value.message_dict
    assert not Project.focus_areas.through.objects.filter(project=project).exists()


def test_a_catalogue_focus_area_is_accepted_and_the_change_logged(norddjurs, editor):
    project = ProjectFactory(municipality=norddjurs)
    shared = FocusAreaFactory(
        strategy=StrategyFactory(municipality=catalogue()), name="Digital velfærd"
    )
    set_shared_relation(project, "focus_areas", [shared], actor=editor)
    linked = Project.focus_areas.through.objects.filter(project=project)
    assert list(linked.values_list("focusarea_id", flat=True)) == [shared.pk]
    entry = _project_log(project).get(action=ChangeAction.UPDATE, actor=editor)
    assert entry.before == {"focus_areas": []}
    assert entry.after == {"focus_areas": ["Digital velfærd"]}


def test_setting_the_same_focus_areas_again_logs_nothing(norddjurs, editor):
    project = ProjectFactory(municipality=norddjurs)
    area = FocusAreaFactory(strategy=StrategyFactory(municipality=norddjurs))
    set_shared_relation(project, "focus_areas", [area], actor=editor)
    set_shared_relation(project, "focus_areas", [area], actor=editor)
    assert _project_log(project).filter(action=ChangeAction.UPDATE).count() == 1


def test_an_edit_of_a_stale_object_does_not_overwrite_the_latest_report(editor):
    project = RunningProjectFactory()
    stale = Project.objects.get(pk=project.pk)
    report = reports.create_report(
        project=project,
        actor=editor,
        period_end=timezone.localdate(),
        summary="Alt går efter planen.",
        **{name: "green" for name in ("overall", "schedule", "budget", "scope")},
        **{name: "green" for name in ("quality", "risk", "benefits")},
    )
    reports.submit_report(report, actor=editor, expected_version=report.version)
    assert stale.latest_report_id is None

    projects.update_project(
        stale, actor=editor, expected_version=stale.version, short_description="Nyt indhold"
    )

    project.refresh_from_db()
    assert project.short_description == "Nyt indhold"
    assert project.latest_report == StatusReport.objects.get(pk=report.pk)
    assert project.current_status == "green"


def test_changing_the_cadence_moves_the_next_report_due(editor):
    project = RunningProjectFactory()
    reports_due = project.next_report_due
    projects.update_project(
        project, actor=editor, expected_version=project.version, report_every_days=28
    )
    project.refresh_from_db()
    assert project.next_report_due == reports_due + 14 * DAY
