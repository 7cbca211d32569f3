"""Into the steering group: a project sent for a decision gets an item on the body's next
agenda, and the decision recorded there moves it through its gate."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from styrbord.core.services import changes
from styrbord.governance.models import CarriedBecause, ItemKind, MeetingStatus, Outcome
from styrbord.governance.services import items
from styrbord.portfolio.models import GateRequest, Origin, Phase, PhaseChange
from styrbord.portfolio.services import phases
from tests.governance.factories import MeetingFactory
from tests.portfolio.factories import (
    DeliverableFactory,
    ProjectFactory,
    RunningProjectFactory,
    SuccessCriterionFactory,
)

pytestmark = pytest.mark.usefixtures("in_norddjurs")

DAY = datetime.timedelta(days=1)


@pytest.fixture
def meeting(steering_group):
    return MeetingFactory(body=steering_group, starts_at=timezone.now() + 14 * DAY)


@pytest.fixture
def proposal(norddjurs):
    project = ProjectFactory(
        municipality=norddjurs,
        name="Borgerblikket",
        origin=Origin.CROSS_CUTTING,
        purpose="Borgerne ser deres sager ét sted.",
        scope="Alle forvaltninger.",
    )
    DeliverableFactory(project=project, title="Borgerportal")
    SuccessCriterionFactory(project=project, description="Færre opkald", target="-20 %")
    return project


def _send(project, editor, steering_group):
    return phases.send_for_decision(project, actor=editor, body=steering_group)


def _hold(meeting):
    """The meeting has taken place: its decisions can be recorded."""
    meeting.refresh_from_db()
    return changes.update(
        meeting,
        actor=None,
        expected_version=meeting.version,
        changes={"status": MeetingStatus.HELD, "starts_at": timezone.now() - DAY},
    )


def _decide(item, secretary, outcome, decision="Styregruppen har behandlet sagen."):
    item.refresh_from_db()
    return items.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision=decision,
        outcome=outcome,
    )


def test_sending_puts_a_decision_item_on_the_bodys_next_open_meeting(
    editor, steering_group, meeting, proposal
):
    MeetingFactory(body=steering_group, starts_at=timezone.now() + 60 * DAY)
    request = _send(proposal, editor, steering_group)
    item = request.agenda_item
    assert item.meeting == meeting
    assert item.kind == ItemKind.DECISION
    assert (request.project, request.to_phase, request.outcome) == (proposal, Phase.APPROVED, "")


def test_the_sagsfremstilling_is_drawn_from_the_start_document(
    editor, steering_group, meeting, proposal
):
    item = _send(proposal, editor, steering_group).agenda_item
    for text in ("Borgerne ser deres sager ét sted.", "Alle forvaltninger.", "Borgerportal"):
        assert text in item.background
    assert "Færre opkald: -20 %" in item.background


def test_sending_without_a_coming_open_meeting_is_refused_on_the_body(
    editor, steering_group, proposal
):
    MeetingFactory(body=steering_group, starts_at=timezone.now() + 7 * DAY, status="agenda_sent")
    with pytest.raises(ValidationError) as refused:
        _send(proposal, editor, steering_group)
    assert list(refused.value.message_dict) == ["body"]


def test_a_project_waiting_for_a_decision_cannot_be_sent_again(
    editor, steering_group, meeting, proposal
):
    _send(proposal, editor, steering_group)
    with pytest.raises(ValidationError):
        _send(proposal, editor, steering_group)
    assert GateRequest.objects.filter(project=proposal).count() == 1


def test_a_reader_cannot_send_a_project_for_decision(reader, steering_group, meeting, proposal):
    with pytest.raises(PermissionDenied):
        _send(proposal, reader, steering_group)


def test_sending_a_project_for_closing_needs_the_final_report(editor, steering_group, meeting):
    project = RunningProjectFactory(origin=Origin.CROSS_CUTTING)
    with pytest.raises(ValidationError) as refused:
        phases.send_for_decision(project, actor=editor, body=steering_group, to_phase=Phase.CLOSED)
    assert "to_phase" in refused.value.message_dict


def test_an_approval_at_the_meeting_moves_the_project_to_approved(
    editor, secretary, steering_group, meeting, proposal
):
    item = _send(proposal, editor, steering_group).agenda_item
    _hold(meeting)
    _decide(item, secretary, Outcome.APPROVED)
    proposal.refresh_from_db()
    assert proposal.phase == Phase.APPROVED
    change = PhaseChange.objects.get(project=proposal, to_phase=Phase.APPROVED)
    assert change.agenda_item == item
    assert GateRequest.objects.get(agenda_item=item).outcome == Outcome.APPROVED


def test_an_approval_at_the_meeting_stores_the_baseline(
    editor, secretary, steering_group, meeting, proposal
):
    item = _send(proposal, editor, steering_group).agenda_item
    _hold(meeting)
    _decide(item, secretary, Outcome.APPROVED_WITH_CHANGES)
    proposal.refresh_from_db()
    assert proposal.phase == Phase.APPROVED
    assert proposal.charter_baseline["fields"]["purpose"] == "Borgerne ser deres sager ét sted."


def test_a_rejection_at_the_meeting_moves_the_project_to_rejected(
    editor, secretary, steering_group, meeting, proposal
):
    item = _send(proposal, editor, steering_group).agenda_item
    _hold(meeting)
    _decide(item, secretary, Outcome.REJECTED)
    proposal.refresh_from_db()
    assert proposal.phase == Phase.REJECTED
    assert PhaseChange.objects.get(project=proposal, to_phase=Phase.REJECTED).agenda_item == item


def test_a_postponement_carries_the_request_to_the_copy_on_the_next_meeting(
    editor, secretary, steering_group, meeting, proposal
):
    item = _send(proposal, editor, steering_group).agenda_item
    later = MeetingFactory(body=steering_group, starts_at=timezone.now() + 90 * DAY)
    _hold(meeting)
    _decide(item, secretary, Outcome.POSTPONED)
    copy = later.items.get(carried_from=item, carried_because=CarriedBecause.POSTPONED)
    carried = GateRequest.objects.get(agenda_item=copy)
    assert (carried.project, carried.to_phase, carried.outcome) == (proposal, Phase.APPROVED, "")
    assert GateRequest.objects.get(agenda_item=item).outcome == Outcome.POSTPONED
    proposal.refresh_from_db()
    assert proposal.phase == Phase.PROPOSAL


def test_an_approval_of_the_postponed_copy_moves_the_project(
    editor, secretary, steering_group, meeting, proposal
):
    item = _send(proposal, editor, steering_group).agenda_item
    later = MeetingFactory(body=steering_group, starts_at=timezone.now() + 90 * DAY)
    _hold(meeting)
    _decide(item, secretary, Outcome.POSTPONED)
    copy = later.items.get(carried_from=item)
    _hold(later)
    _decide(copy, secretary, Outcome.APPROVED)
    proposal.refresh_from_db()
    assert proposal.phase == Phase.APPROVED
    assert PhaseChange.objects.get(project=proposal, to_phase=Phase.APPROVED).agenda_item == copy


def test_changing_an_approval_to_a_rejection_afterwards_is_refused(
    editor, secretary, steering_group, meeting, proposal
):
    item = _send(proposal, editor, steering_group).agenda_item
    _hold(meeting)
    _decide(item, secretary, Outcome.APPROVED)
    with pytest.raises(ValidationError) as refused:
        _decide(item, secretary, Outcome.REJECTED)
    assert "outcome" in refused.value.message_dict
    item.refresh_from_db()
    proposal.refresh_from_db()
    assert item.outcome == Outcome.APPROVED
    assert proposal.phase == Phase.APPROVED


def test_editing_the_decision_text_keeps_the_gate(
    editor, secretary, steering_group, meeting, proposal
):
    item = _send(proposal, editor, steering_group).agenda_item
    _hold(meeting)
    _decide(item, secretary, Outcome.APPROVED, decision="Godkendt.")
    item = _decide(item, secretary, Outcome.APPROVED, decision="Godkendt med budgetramme.")
    proposal.refresh_from_db()
    assert item.decision == "Godkendt med budgetramme."
    assert proposal.phase == Phase.APPROVED
    assert PhaseChange.objects.filter(project=proposal, agenda_item=item).count() == 1


def test_an_item_without_a_gate_request_moves_no_project(
    editor, secretary, steering_group, meeting, proposal
):
    other = items.add_item(meeting=meeting, actor=secretary, title="Eventuelt")
    _send(proposal, editor, steering_group)
    _hold(meeting)
    _decide(other, secretary, Outcome.APPROVED)
    proposal.refresh_from_db()
    assert proposal.phase == Phase.PROPOSAL
