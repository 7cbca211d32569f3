"""Other modules act on a body's decisions through ``hooks``, and put items on an open
agenda through ``propose_item``, without governance importing them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from styrbord.governance import hooks
from styrbord.governance.models import ItemKind, MeetingStatus, Outcome
from styrbord.governance.services import items
from tests.factories import PersonFactory
from tests.governance.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.usefixtures("in_scope")

DAY = datetime.timedelta(days=1)


@pytest.fixture
def decisions(monkeypatch):
    """A handler that records what it was told; registered for this test only."""
    monkeypatch.setattr(hooks, "_handlers", list(hooks._handlers))
    seen = []

    def handler(item, *, actor, carried_to):
        seen.append((item.pk, item.outcome, actor, carried_to))

    hooks.on_decision(handler)
    return seen


@pytest.fixture
def held(steering_group):
    return MeetingFactory(
        body=steering_group, starts_at=timezone.now() - DAY, status=MeetingStatus.HELD
    )


def _decide(item, actor, outcome, decision="Besluttet."):
    item.refresh_from_db()
    return items.record_decision(
        item, actor=actor, expected_version=item.version, decision=decision, outcome=outcome
    )


def test_a_recorded_decision_is_passed_to_the_registered_handler(decisions, secretary, held):
    item = AgendaItemFactory(meeting=held)
    _decide(item, secretary, Outcome.APPROVED)
    assert decisions == [(item.pk, Outcome.APPROVED, secretary, None)]


def test_a_postponed_item_is_passed_with_its_copy_on_the_next_meeting(
    decisions, secretary, steering_group, held
):
    later = MeetingFactory(body=steering_group, starts_at=timezone.now() + 30 * DAY)
    item = AgendaItemFactory(meeting=held)
    _decide(item, secretary, Outcome.POSTPONED)
    copy = later.items.get(carried_from=item)
    assert decisions == [(item.pk, Outcome.POSTPONED, secretary, copy)]


def test_a_handler_that_refuses_refuses_the_decision(monkeypatch, secretary, held):
    monkeypatch.setattr(hooks, "_handlers", list(hooks._handlers))

    def refuse(item, *, actor, carried_to):
        raise ValidationError({"outcome": "Not allowed."})

    hooks.on_decision(refuse)
    item = AgendaItemFactory(meeting=held)
    with pytest.raises(ValidationError):
        _decide(item, secretary, Outcome.REJECTED)
    item.refresh_from_db()
    assert (item.outcome, item.decision) == ("", "")


def test_a_handler_registered_twice_is_called_once(decisions, secretary, held):
    hooks.on_decision(hooks._handlers[-1])
    _decide(AgendaItemFactory(meeting=held), secretary, Outcome.NOTED)
    assert len(decisions) == 1


def test_another_module_proposes_an_item_without_being_the_secretary(editor, steering_group):
    meeting = MeetingFactory(body=steering_group, starts_at=timezone.now() + 10 * DAY)
    AgendaItemFactory(meeting=meeting, position=1)
    item = items.propose_item(
        meeting=meeting, actor=editor, kind=ItemKind.DECISION, title="Projektforslag: Aula"
    )
    assert (item.meeting, item.position, item.kind) == (meeting, 2, ItemKind.DECISION)


def test_a_proposal_to_a_sent_agenda_is_refused(editor, steering_group):
    meeting = MeetingFactory(
        body=steering_group,
        starts_at=timezone.now() + 3 * DAY,
        status=MeetingStatus.AGENDA_SENT,
    )
    with pytest.raises(ValidationError):
        items.propose_item(meeting=meeting, actor=editor, title="For sent")
    assert not meeting.items.exists()


def test_a_proposal_with_a_responsible_from_another_municipality_is_refused(
    editor, rebild, steering_group
):
    meeting = MeetingFactory(body=steering_group, starts_at=timezone.now() + 10 * DAY)
    with pytest.raises(ValidationError) as refused:
        items.propose_item(
            meeting=meeting,
            actor=editor,
            title="Eskalering",
            responsible=PersonFactory(municipality=rebild),
        )
    assert "responsible" in refused.value.message_dict
