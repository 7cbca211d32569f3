"""The parts of a start document (deliverables, success criteria, milestones, risks) and
lessons learned: checked, logged, and edited without touching the approved baseline."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from styrbord.core.models import ChangeAction, ChangeLogEntry
from styrbord.portfolio.models import (
    Deliverable,
    DeliverableStatus,
    Lesson,
    Milestone,
    Phase,
    Risk,
    SuccessCriterion,
)
from styrbord.portfolio.services import charter, phases
from tests.factories import PersonFactory
from tests.portfolio.factories import DeliverableFactory, ProjectFactory, RunningProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")

DAY = datetime.timedelta(days=1)


def _log(obj):
    return ChangeLogEntry._base_manager.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


def _risk(project, actor, **data):
    values = {"title": "Leverandøren leverer for sent", "probability": 3, "consequence": 4}
    values.update(data)
    return charter.add_part(Risk, project=project, actor=actor, **values)


def test_a_deliverable_is_added_with_a_change_log_entry(editor):
    project = ProjectFactory()
    deliverable = charter.add_part(
        Deliverable,
        project=project,
        actor=editor,
        title="Talegenkendelse i drift",
        due_on=timezone.localdate() + 30 * DAY,
    )
    assert deliverable.status == DeliverableStatus.PLANNED
    entry = _log(deliverable).get()
    assert (entry.action, entry.actor) == (ChangeAction.CREATE, editor)


def test_a_probability_of_seven_is_refused(editor):
    with pytest.raises(ValidationError) as refused:
        _risk(ProjectFactory(), editor, probability=7)
    assert list(refused.value.message_dict) == ["probability"]
    assert not Risk.objects.exists()


def test_a_consequence_of_zero_is_refused(editor):
    with pytest.raises(ValidationError) as refused:
        _risk(ProjectFactory(), editor, consequence=0)
    assert "consequence" in refused.value.message_dict


def test_a_risk_owner_from_another_municipality_is_refused(editor, rebild):
    with pytest.raises(ValidationError) as refused:
        _risk(ProjectFactory(), editor, owner=PersonFactory(municipality=rebild))
    assert "owner" in refused.value.message_dict


def test_a_risk_scores_probability_times_consequence(editor):
    assert _risk(ProjectFactory(), editor, probability=2, consequence=5).score == 10


def test_a_milestone_needs_a_date(editor):
    with pytest.raises(ValidationError) as refused:
        charter.add_part(Milestone, project=ProjectFactory(), actor=editor, title="Go-live")
    assert "due_on" in refused.value.message_dict


def test_a_success_criterion_needs_a_measure_and_a_target(editor):
    with pytest.raises(ValidationError) as refused:
        charter.add_part(
            SuccessCriterion, project=ProjectFactory(), actor=editor, description="Færre opkald"
        )
    assert {"measure", "target"} <= set(refused.value.message_dict)


def test_a_reader_cannot_add_a_part(reader):
    with pytest.raises(PermissionDenied):
        _risk(ProjectFactory(), reader)


def test_a_field_the_service_does_not_edit_is_a_programming_error(editor):
    with pytest.raises(ValueError):
        charter.add_part(Deliverable, project=ProjectFactory(), actor=editor, title="X", met=True)


def test_lessons_are_not_written_for_a_proposal(editor):
    with pytest.raises(ValidationError):
        charter.add_part(
            Lesson, project=ProjectFactory(phase=Phase.PROPOSAL), actor=editor, title="Tidligt"
        )
    assert not Lesson.objects.exists()


def test_lessons_are_written_while_a_project_runs(editor):
    lesson = charter.add_part(
        Lesson, project=RunningProjectFactory(), actor=editor, title="Inddrag brugerne tidligt"
    )
    assert Lesson.objects.get(pk=lesson.pk).title == "Inddrag brugerne tidligt"


def test_an_update_logs_only_the_changed_field(editor):
    deliverable = DeliverableFactory(title="Pilot")
    charter.update_part(
        deliverable,
        actor=editor,
        expected_version=deliverable.version,
        status=DeliverableStatus.DELIVERED,
    )
    entry = _log(deliverable).get(action=ChangeAction.UPDATE)
    assert entry.before == {"status": DeliverableStatus.PLANNED}
    assert entry.after == {"status": DeliverableStatus.DELIVERED}


def test_a_deleted_part_keeps_its_last_values_in_the_log(editor):
    deliverable = DeliverableFactory(title="Pilot")
    pk = deliverable.pk
    charter.delete_part(deliverable, actor=editor)
    assert not Deliverable.objects.filter(pk=pk).exists()
    entry = ChangeLogEntry._base_manager.get(
        content_type=ContentType.objects.get_for_model(Deliverable),
        object_id=str(pk),
        action=ChangeAction.DELETE,
    )
    assert entry.before["title"] == "Pilot"


def test_editing_a_deliverable_after_approval_keeps_the_approved_baseline(editor, norddjurs):
    project = ProjectFactory()
    deliverable = DeliverableFactory(project=project, title="Pilot i to afdelinger")
    phases.change_phase(
        project,
        actor=editor,
        expected_version=project.version,
        to_phase=Phase.APPROVED,
        approver=PersonFactory(municipality=norddjurs),
        decided_on=timezone.localdate(),
    )
    charter.update_part(
        deliverable, actor=editor, expected_version=deliverable.version, title="Pilot i én afdeling"
    )
    project.refresh_from_db()
    assert [d["title"] for d in project.charter_baseline["deliverables"]] == [
        "Pilot i to afdelinger"
    ]
