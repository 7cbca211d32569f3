"""Moving a project through its phases: every gate needs a recorded decision, approval
keeps the start document as its baseline, and closing needs the final report."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from styrbord.governance.models import AgendaItem, MeetingStatus, Outcome
from styrbord.portfolio.models import Origin, Phase, PhaseChange
from styrbord.portfolio.services import phases, projects
from tests.factories import PersonFactory
from tests.governance.factories import AgendaItemFactory, MeetingFactory
from tests.portfolio.factories import (
    DeliverableFactory,
    ProjectFactory,
    RiskFactory,
    RunningProjectFactory,
    SuccessCriterionFactory,
)

pytestmark = pytest.mark.usefixtures("in_norddjurs")

DAY = datetime.timedelta(days=1)


@pytest.fixture
def approver(norddjurs):
    return PersonFactory(municipality=norddjurs, name="Kommunaldirektøren")


def _move(project, actor, to_phase, **decision):
    return phases.change_phase(
        project, actor=actor, expected_version=project.version, to_phase=to_phase, **decision
    )


def _decided_item(steering_group, outcome=Outcome.APPROVED):
    held = MeetingFactory(
        body=steering_group,
        starts_at=timezone.now() - 7 * DAY,
        status=MeetingStatus.HELD,
    )
    return AgendaItemFactory(meeting=held, outcome=outcome, decision="Godkendt.")


def test_a_shared_project_is_not_approved_without_a_bodys_decision(editor, approver):
    project = ProjectFactory(origin=Origin.JOINT_MUNICIPAL)
    with pytest.raises(ValidationError) as refused:
        _move(project, editor, Phase.APPROVED, approver=approver, decided_on=timezone.localdate())
    assert list(refused.value.message_dict) == ["agenda_item"]
    project.refresh_from_db()
    assert project.phase == Phase.PROPOSAL


def test_a_local_project_is_not_moved_without_a_named_approver(editor):
    project = ProjectFactory(origin=Origin.LOCAL)
    with pytest.raises(ValidationError) as refused:
        _move(project, editor, Phase.APPROVED, decided_on=timezone.localdate())
    assert list(refused.value.message_dict) == ["approver"]


def test_a_local_project_moves_with_an_approver_and_a_date(editor, approver):
    project = ProjectFactory(origin=Origin.LOCAL)
    decided_on = timezone.localdate() - 2 * DAY
    change = _move(project, editor, Phase.APPROVED, approver=approver, decided_on=decided_on)
    project.refresh_from_db()
    assert project.phase == Phase.APPROVED
    assert (change.from_phase, change.to_phase) == (Phase.PROPOSAL, Phase.APPROVED)
    assert (change.approver, change.decided_on) == (approver, decided_on)


def test_a_decision_without_a_date_is_refused(editor, approver):
    project = ProjectFactory(origin=Origin.LOCAL)
    with pytest.raises(ValidationError) as refused:
        _move(project, editor, Phase.APPROVED, approver=approver)
    assert "decided_on" in refused.value.message_dict


def test_a_decision_dated_in_the_future_is_refused(editor, approver):
    project = ProjectFactory(origin=Origin.LOCAL)
    with pytest.raises(ValidationError) as refused:
        _move(
            project,
            editor,
            Phase.APPROVED,
            approver=approver,
            decided_on=timezone.localdate() + DAY,
        )
    assert list(refused.value.message_dict) == ["decided_on"]


def test_an_approver_from_another_municipality_is_refused(editor, rebild):
    project = ProjectFactory(origin=Origin.LOCAL)
    with pytest.raises(ValidationError) as refused:
        _move(
            project,
            editor,
            Phase.APPROVED,
            approver=PersonFactory(municipality=rebild),
            decided_on=timezone.localdate(),
        )
    assert "approver" in refused.value.message_dict


def test_a_transition_the_phase_does_not_allow_is_refused(editor, approver):
    project = ProjectFactory(phase=Phase.PROPOSAL)
    with pytest.raises(ValidationError) as refused:
        _move(project, editor, Phase.EXECUTION, approver=approver, decided_on=timezone.localdate())
    assert list(refused.value.message_dict) == ["to_phase"]


def test_a_reader_cannot_move_a_project(reader, approver):
    project = ProjectFactory()
    with pytest.raises(PermissionDenied):
        _move(project, reader, Phase.APPROVED, approver=approver, decided_on=timezone.localdate())


def test_an_agenda_item_without_a_recorded_decision_is_refused(editor, steering_group):
    project = ProjectFactory(origin=Origin.NATIONAL)
    item = _decided_item(steering_group, outcome="")
    with pytest.raises(ValidationError) as refused:
        _move(project, editor, Phase.APPROVED, agenda_item=item)
    assert list(refused.value.message_dict) == ["agenda_item"]


def test_a_shared_project_moves_on_a_decided_agenda_item_dated_by_its_meeting(
    editor, steering_group
):
    project = ProjectFactory(origin=Origin.NATIONAL)
    item = _decided_item(steering_group)
    change = _move(project, editor, Phase.APPROVED, agenda_item=item)
    assert change.agenda_item == item
    assert change.decided_on == timezone.localtime(item.meeting.starts_at).date()


def test_a_decision_is_dated_by_the_local_day_of_its_meeting(editor, steering_group):
    project = ProjectFactory(origin=Origin.NATIONAL)
    day = timezone.localdate() - 7 * DAY
    # Half past midnight in Copenhagen is still the day before in UTC.
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(0, 30)))
    held = MeetingFactory(body=steering_group, starts_at=starts_at, status=MeetingStatus.HELD)
    created = AgendaItemFactory(meeting=held, outcome=Outcome.APPROVED, decision="Godkendt.")
    item = AgendaItem.objects.select_related("meeting").get(pk=created.pk)
    change = _move(project, editor, Phase.APPROVED, agenda_item=item)
    assert change.decided_on == day


def test_approval_keeps_the_start_document_as_its_baseline(editor, approver):
    project = ProjectFactory(purpose="Kortere ventetid for borgerne.")
    DeliverableFactory(project=project, title="Chatbot i drift")
    RiskFactory(project=project, title="Lav brug", probability=2, consequence=5)
    _move(project, editor, Phase.APPROVED, approver=approver, decided_on=timezone.localdate())
    project.refresh_from_db()
    baseline = project.charter_baseline
    assert baseline["fields"]["purpose"] == "Kortere ventetid for borgerne."
    assert [d["title"] for d in baseline["deliverables"]] == ["Chatbot i drift"]
    assert baseline["risks"] == [{"title": "Lav brug", "probability": 2, "consequence": 5}]
    assert project.charter_approved_at is not None


def test_the_baseline_stays_as_approved_when_the_start_document_changes(editor, approver):
    project = ProjectFactory(purpose="Kortere ventetid.")
    _move(project, editor, Phase.APPROVED, approver=approver, decided_on=timezone.localdate())
    project.refresh_from_db()
    projects.update_project(
        project, actor=editor, expected_version=project.version, purpose="Ny formulering."
    )
    project.refresh_from_db()
    assert project.purpose == "Ny formulering."
    assert project.charter_baseline["fields"]["purpose"] == "Kortere ventetid."


def test_an_approved_project_reports_a_cadence_after_the_decision(editor, approver):
    project = ProjectFactory()
    decided_on = timezone.localdate() - 3 * DAY
    _move(project, editor, Phase.APPROVED, approver=approver, decided_on=decided_on)
    project.refresh_from_db()
    assert project.next_report_due == decided_on + 14 * DAY


def test_closing_without_the_final_report_is_refused(editor, approver):
    project = RunningProjectFactory()
    with pytest.raises(ValidationError) as refused:
        _move(project, editor, Phase.CLOSED, approver=approver, decided_on=timezone.localdate())
    assert list(refused.value.message_dict) == ["to_phase"]
    project.refresh_from_db()
    assert project.phase == Phase.EXECUTION


def test_closing_with_a_success_criterion_not_assessed_is_refused(editor, approver):
    project = RunningProjectFactory(delivered_vs_planned="Alt leveret.")
    SuccessCriterionFactory(project=project, met=True)
    SuccessCriterionFactory(project=project, met=None)
    with pytest.raises(ValidationError) as refused:
        _move(project, editor, Phase.CLOSED, approver=approver, decided_on=timezone.localdate())
    assert list(refused.value.message_dict) == ["to_phase"]


def test_a_project_with_its_final_report_and_every_criterion_assessed_closes(editor, approver):
    project = RunningProjectFactory(delivered_vs_planned="Alt leveret.")
    SuccessCriterionFactory(project=project, met=True)
    SuccessCriterionFactory(project=project, met=False, result="Nåede 80 %.")
    decided_on = timezone.localdate() - DAY
    _move(project, editor, Phase.CLOSED, approver=approver, decided_on=decided_on)
    project.refresh_from_db()
    assert project.phase == Phase.CLOSED
    assert project.closed_on == decided_on
    assert PhaseChange.objects.filter(project=project).count() == 2
