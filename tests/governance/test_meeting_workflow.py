"""A meeting's way from planned to approved minutes: each step only in order, only by the
right person, with who and when recorded; participants and the late-agenda flag."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from styrbord.core.models import Role
from styrbord.core.services.changes import StaleEdit
from styrbord.governance.models import Attendance, MeetingStatus, MemberRole, Outcome
from styrbord.governance.services import items, meetings
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.governance.factories import AgendaItemFactory, BodyMembershipFactory, MeetingFactory

pytestmark = pytest.mark.usefixtures("in_scope")


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English source texts, whatever the Danish catalogue says."""
    with translation.override("en"):
        yield


S = MeetingStatus
DAY = datetime.timedelta(days=1)


def _meeting(body, *, days: float = -1, item_count: int = 1):
    """A meeting ``days`` from now (in the past by default, so it can be held)."""
    meeting = MeetingFactory(body=body, starts_at=timezone.now() + days * DAY)
    for _ in range(item_count):
        AgendaItemFactory(meeting=meeting)
    return meeting


def _seat(body, username: str, role: str):
    """An editor in the body's municipality with a seat in it."""
    user = UserFactory(username=username)
    MembershipFactory(user=user, municipality=body.municipality, role=Role.EDITOR)
    BodyMembershipFactory(body=body, person=PersonFactory(user=user), role=role)
    return user


def _walk(meeting, to: str, *, secretary, chair):
    """Take ``meeting`` through the workflow up to status ``to``, the way the users would."""
    steps = [
        (S.AGENDA_PREPARATION, meetings.start_preparation, secretary),
        (S.AGENDA_AWAITING_APPROVAL, meetings.submit_agenda, secretary),
        (S.AGENDA_APPROVED, meetings.approve_agenda, chair),
        (S.AGENDA_SENT, meetings.send_agenda, secretary),
        (S.HELD, meetings.record_held, secretary),
        (S.MINUTES_AWAITING_APPROVAL, _decide_all_and_submit, secretary),
        (S.MINUTES_APPROVED, meetings.approve_minutes, chair),
    ]
    for status, step, actor in steps:
        meeting = step(meeting, actor=actor, expected_version=meeting.version)
        assert meeting.status == status
        if status == to:
            return meeting
    raise AssertionError(f"unknown status {to}")


def _decide_all_and_submit(meeting, *, actor, expected_version: int):
    """Record an outcome for every item, then submit the minutes."""
    for item in meeting.items.all():
        items.record_decision(
            item,
            actor=actor,
            expected_version=item.version,
            decision="Godkendt.",
            outcome=Outcome.APPROVED,
        )
    return meetings.submit_minutes(meeting, actor=actor, expected_version=expected_version)


def test_the_whole_path_records_who_did_each_step_and_when(secretary, chair, steering_group):
    before = timezone.now()
    meeting = _walk(_meeting(steering_group), S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    assert meeting.agenda_submitted_by == secretary
    assert meeting.agenda_approved_by == chair
    assert meeting.agenda_sent_by == secretary
    assert meeting.held_recorded_by == secretary
    assert meeting.minutes_submitted_by == secretary
    assert meeting.minutes_approved_by == chair
    stamps = [
        meeting.agenda_submitted_at,
        meeting.agenda_approved_at,
        meeting.agenda_sent_at,
        meeting.held_recorded_at,
        meeting.minutes_submitted_at,
        meeting.minutes_approved_at,
    ]
    assert all(stamp >= before for stamp in stamps)
    assert stamps == sorted(stamps)


def test_a_step_based_on_a_stale_version_is_refused(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    with pytest.raises(StaleEdit):
        meetings.approve_agenda(meeting, actor=chair, expected_version=meeting.version - 1)


def test_an_unapproved_agenda_cannot_be_sent(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    with pytest.raises(ValidationError) as refused:
        meetings.send_agenda(meeting, actor=secretary, expected_version=meeting.version)
    assert "approved" in refused.value.messages[0]


def test_an_agenda_in_preparation_cannot_be_sent(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_PREPARATION, secretary=secretary, chair=chair
    )
    with pytest.raises(ValidationError):
        meetings.send_agenda(meeting, actor=secretary, expected_version=meeting.version)


def test_an_empty_agenda_cannot_be_submitted(secretary, steering_group):
    meeting = _meeting(steering_group, item_count=0)
    with pytest.raises(ValidationError) as refused:
        meetings.submit_agenda(meeting, actor=secretary, expected_version=meeting.version)
    assert "agenda item" in refused.value.messages[0]


def test_an_agenda_not_submitted_cannot_be_approved(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_PREPARATION, secretary=secretary, chair=chair
    )
    with pytest.raises(ValidationError):
        meetings.approve_agenda(meeting, actor=chair, expected_version=meeting.version)


def test_an_agenda_past_preparation_cannot_be_prepared_again(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.AGENDA_SENT, secretary=secretary, chair=chair)
    with pytest.raises(ValidationError):
        meetings.start_preparation(meeting, actor=secretary, expected_version=meeting.version)


def test_a_meeting_in_the_future_cannot_be_recorded_as_held(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group, days=7), S.AGENDA_SENT, secretary=secretary, chair=chair
    )
    with pytest.raises(ValidationError) as refused:
        meetings.record_held(meeting, actor=secretary, expected_version=meeting.version)
    assert "not started" in refused.value.messages[0]


def test_a_meeting_whose_agenda_was_not_sent_cannot_be_recorded_as_held(
    secretary, chair, steering_group
):
    meeting = _walk(_meeting(steering_group), S.AGENDA_APPROVED, secretary=secretary, chair=chair)
    with pytest.raises(ValidationError) as refused:
        meetings.record_held(meeting, actor=secretary, expected_version=meeting.version)
    assert "agenda was sent" in refused.value.messages[0]


def test_minutes_cannot_be_submitted_while_an_item_lacks_an_outcome(
    secretary, chair, steering_group
):
    meeting = _walk(
        _meeting(steering_group, item_count=2), S.HELD, secretary=secretary, chair=chair
    )
    first, second = meeting.items.order_by("position")
    items.record_decision(
        first, actor=secretary, expected_version=first.version, decision="", outcome=Outcome.NOTED
    )
    with pytest.raises(ValidationError) as refused:
        meetings.submit_minutes(meeting, actor=secretary, expected_version=meeting.version)
    assert second.title in refused.value.messages[0]
    assert first.title not in refused.value.messages[0]


def test_minutes_of_a_meeting_not_held_cannot_be_submitted(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.AGENDA_SENT, secretary=secretary, chair=chair)
    with pytest.raises(ValidationError):
        meetings.submit_minutes(meeting, actor=secretary, expected_version=meeting.version)


def test_minutes_not_submitted_cannot_be_approved(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.HELD, secretary=secretary, chair=chair)
    with pytest.raises(ValidationError):
        meetings.approve_minutes(meeting, actor=chair, expected_version=meeting.version)


def test_approved_minutes_refuse_editing_an_item(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    item = meeting.items.get()
    with pytest.raises(ValidationError):
        items.update_item(item, actor=secretary, expected_version=item.version, title="Ændret")


def test_approved_minutes_refuse_a_new_decision(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    item = meeting.items.get()
    with pytest.raises(ValidationError):
        items.record_decision(
            item,
            actor=secretary,
            expected_version=item.version,
            decision="Afvist alligevel.",
            outcome=Outcome.REJECTED,
        )


def test_approved_minutes_refuse_a_new_attachment(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    upload = SimpleUploadedFile("bilag.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    with pytest.raises(ValidationError):
        items.add_attachment(item=meeting.items.get(), actor=secretary, upload=upload)


def test_approved_minutes_take_a_dated_protocol_note(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    note = meetings.add_protocol_note(meeting, actor=chair, text="Formanden bemærker ...")
    assert note.author == chair
    assert note.created_at is not None
    assert list(meeting.protocol_notes.all()) == [note]


def test_a_protocol_note_is_refused_before_the_minutes_are_approved(
    secretary, chair, steering_group
):
    meeting = _walk(_meeting(steering_group), S.HELD, secretary=secretary, chair=chair)
    with pytest.raises(ValidationError):
        meetings.add_protocol_note(meeting, actor=secretary, text="For tidligt.")


def test_a_protocol_note_needs_text(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    with pytest.raises(ValidationError):
        meetings.add_protocol_note(meeting, actor=secretary, text="  ")


def test_a_non_secretary_editor_cannot_take_the_secretary_steps(editor, steering_group):
    meeting = _meeting(steering_group)
    with pytest.raises(PermissionDenied):
        meetings.start_preparation(meeting, actor=editor, expected_version=meeting.version)
    with pytest.raises(PermissionDenied):
        meetings.submit_agenda(meeting, actor=editor, expected_version=meeting.version)


def test_a_non_secretary_editor_cannot_send_the_agenda(editor, secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.AGENDA_APPROVED, secretary=secretary, chair=chair)
    with pytest.raises(PermissionDenied):
        meetings.send_agenda(meeting, actor=editor, expected_version=meeting.version)


def test_a_non_secretary_editor_cannot_record_the_meeting_as_held(
    editor, secretary, chair, steering_group
):
    meeting = _walk(_meeting(steering_group), S.AGENDA_SENT, secretary=secretary, chair=chair)
    with pytest.raises(PermissionDenied):
        meetings.record_held(meeting, actor=editor, expected_version=meeting.version)


def test_the_secretary_cannot_approve_the_agenda(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    with pytest.raises(PermissionDenied):
        meetings.approve_agenda(meeting, actor=secretary, expected_version=meeting.version)


def test_a_non_chair_cannot_approve_the_minutes(editor, secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.MINUTES_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    with pytest.raises(PermissionDenied):
        meetings.approve_minutes(meeting, actor=editor, expected_version=meeting.version)


def test_the_deputy_chair_can_approve_the_agenda(secretary, chair, steering_group):
    deputy = _seat(steering_group, "naestformand", MemberRole.DEPUTY_CHAIR)
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    meeting = meetings.approve_agenda(meeting, actor=deputy, expected_version=meeting.version)
    assert meeting.agenda_approved_by == deputy


def test_a_seat_holder_without_the_editor_role_cannot_take_secretary_steps(reader, steering_group):
    BodyMembershipFactory(
        body=steering_group, person=PersonFactory(user=reader), role=MemberRole.SECRETARY
    )
    meeting = _meeting(steering_group)
    with pytest.raises(PermissionDenied):
        meetings.start_preparation(meeting, actor=reader, expected_version=meeting.version)


def test_the_chair_can_return_the_agenda_with_a_note(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    meeting = meetings.return_agenda(
        meeting, actor=chair, expected_version=meeting.version, note="Tilføj økonomien."
    )
    assert meeting.status == S.AGENDA_PREPARATION
    assert meeting.return_note == "Tilføj økonomien."


def test_returning_the_agenda_needs_a_note(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    with pytest.raises(ValidationError) as refused:
        meetings.return_agenda(meeting, actor=chair, expected_version=meeting.version, note=" ")
    assert "note" in refused.value.message_dict


def test_returning_an_approved_agenda_clears_the_approval(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.AGENDA_APPROVED, secretary=secretary, chair=chair)
    meeting = meetings.return_agenda(
        meeting, actor=chair, expected_version=meeting.version, note="Et punkt mangler."
    )
    assert meeting.agenda_approved_by is None
    assert meeting.agenda_approved_at is None


def test_resubmitting_a_returned_agenda_clears_the_chairs_note(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.AGENDA_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    meeting = meetings.return_agenda(
        meeting, actor=chair, expected_version=meeting.version, note="Ret punkt 1."
    )
    meeting = meetings.submit_agenda(meeting, actor=secretary, expected_version=meeting.version)
    assert meeting.return_note == ""


def test_the_chair_can_return_the_minutes_with_a_note(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group), S.MINUTES_AWAITING_APPROVAL, secretary=secretary, chair=chair
    )
    meeting = meetings.return_minutes(
        meeting, actor=chair, expected_version=meeting.version, note="Beslutningen i punkt 1."
    )
    assert meeting.status == S.HELD
    assert meeting.minutes_submitted_by is None


def test_the_agenda_is_late_when_not_sent_after_the_due_date(steering_group):
    meeting = _meeting(steering_group, days=steering_group.agenda_lead_days - 2)
    assert meeting.agenda_is_late


def test_the_agenda_is_not_late_before_the_due_date(steering_group):
    meeting = _meeting(steering_group, days=steering_group.agenda_lead_days + 10)
    assert not meeting.agenda_is_late


def test_the_agenda_is_late_when_sent_after_the_due_date(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group, days=steering_group.agenda_lead_days - 2),
        S.AGENDA_SENT,
        secretary=secretary,
        chair=chair,
    )
    assert meeting.agenda_is_late


def test_the_agenda_is_not_late_when_sent_in_time(secretary, chair, steering_group):
    meeting = _walk(
        _meeting(steering_group, days=steering_group.agenda_lead_days + 10),
        S.AGENDA_SENT,
        secretary=secretary,
        chair=chair,
    )
    assert not meeting.agenda_is_late


def test_a_new_meeting_invites_the_current_members(secretary, chair, steering_group):
    today = timezone.localdate()
    past = BodyMembershipFactory(
        body=steering_group, starts_on=today - 400 * DAY, ends_on=today - 30 * DAY
    )
    meeting = meetings.create_meeting(
        body=steering_group, actor=secretary, starts_at=timezone.now() + 10 * DAY
    )
    invited = {participant.person.user for participant in meeting.participants.all()}
    assert invited == {secretary, chair}
    assert not meeting.participants.filter(person=past.person).exists()


def test_invited_members_get_their_role_at_the_meeting(secretary, steering_group):
    meeting = meetings.create_meeting(
        body=steering_group, actor=secretary, starts_at=timezone.now() + 10 * DAY
    )
    assert meeting.participants.get().role == "Secretary"


def test_a_concluded_body_cannot_plan_a_meeting(secretary, steering_group):
    steering_group.concluded_on = timezone.localdate()
    with pytest.raises(ValidationError):
        meetings.create_meeting(
            body=steering_group, actor=secretary, starts_at=timezone.now() + 10 * DAY
        )


def test_the_secretary_records_attendance(secretary, chair, steering_group):
    meeting = meetings.create_meeting(
        body=steering_group, actor=secretary, starts_at=timezone.now() - DAY
    )
    participant = meeting.participants.get(person__user=chair)
    participant = meetings.set_attendance(
        participant,
        actor=secretary,
        expected_version=participant.version,
        attendance=Attendance.APOLOGIES,
    )
    assert participant.attendance == Attendance.APOLOGIES


def test_an_unknown_attendance_value_is_refused(secretary, steering_group):
    meeting = meetings.create_meeting(
        body=steering_group, actor=secretary, starts_at=timezone.now() - DAY
    )
    participant = meeting.participants.get()
    with pytest.raises(ValidationError):
        meetings.set_attendance(
            participant, actor=secretary, expected_version=participant.version, attendance="late"
        )


def test_a_guest_without_a_person_can_be_added(secretary, steering_group):
    meeting = _meeting(steering_group)
    guest = meetings.add_participant(
        meeting=meeting, actor=secretary, guest_name="Konsulent fra KL", role="Oplægsholder"
    )
    assert guest.is_guest
    assert guest in meeting.participants.all()


def test_a_guest_needs_a_person_or_a_name(secretary, steering_group):
    with pytest.raises(ValidationError):
        meetings.add_participant(meeting=_meeting(steering_group), actor=secretary)


def test_the_same_person_cannot_be_invited_twice(secretary, steering_group):
    person = PersonFactory()
    meeting = _meeting(steering_group)
    meetings.add_participant(meeting=meeting, actor=secretary, person=person)
    with pytest.raises(ValidationError) as refused:
        meetings.add_participant(meeting=meeting, actor=secretary, person=person)
    assert "person" in refused.value.message_dict


def test_participants_are_locked_after_the_minutes_are_approved(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    with pytest.raises(ValidationError):
        meetings.add_participant(meeting=meeting, actor=secretary, guest_name="For sent")


def test_attendance_is_locked_after_the_minutes_are_approved(secretary, chair, steering_group):
    meeting = _meeting(steering_group)
    participant = meetings.add_participant(meeting=meeting, actor=secretary, guest_name="Gæst")
    meeting = _walk(meeting, S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    participant.refresh_from_db()
    with pytest.raises(ValidationError):
        meetings.set_attendance(
            participant,
            actor=secretary,
            expected_version=participant.version,
            attendance=Attendance.PRESENT,
        )


def test_approved_minutes_refuse_changing_the_meeting(secretary, chair, steering_group):
    meeting = _walk(_meeting(steering_group), S.MINUTES_APPROVED, secretary=secretary, chair=chair)
    with pytest.raises(ValidationError):
        meetings.update_meeting(
            meeting, actor=secretary, expected_version=meeting.version, place="Et andet sted"
        )
