"""Meetings and their workflow: planned → agenda in preparation → awaiting the chair's
approval → approved → sent → held → minutes awaiting approval → minutes approved (locked).

Each step checks the meeting's status and the actor's seat in the body (see ``policy``),
records who and when on the meeting, and writes the change log through ``changes``.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import Person, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only, same_municipality
from styrbord.governance import policy
from styrbord.governance.models import (
    Attendance,
    Body,
    BodyMembership,
    CycleItem,
    Meeting,
    MeetingStatus,
    Participant,
    ProtocolNote,
)

MEETING_FIELDS = {"title", "starts_at", "ends_at", "place", "online_link"}
S = MeetingStatus


@transaction.atomic
def create_meeting(
    *,
    body: Body,
    actor: User | None,
    starts_at: datetime.datetime,
    cycle_event: CycleItem | None = None,
    invite_members: bool = True,
    **data: Any,
) -> Meeting:
    """Plan a meeting; the body's members on that day are invited."""
    if not body.is_active:
        raise ValidationError(
            _("%(body)s is concluded and holds no more meetings.") % {"body": body}
        )
    data.setdefault("place", body.usual_place)
    meeting = changes.create(
        Meeting(
            municipality=body.municipality,
            body=body,
            starts_at=starts_at,
            cycle_event=cycle_event,
            **only(data, MEETING_FIELDS),
        ),
        actor=actor,
    )
    if invite_members:
        day = timezone.localtime(starts_at).date()
        seats = (
            BodyMembership.objects.filter(body=body, starts_on__lte=day)
            .exclude(ends_on__lt=day)
            .select_related("person")
        )
        invited: set[int] = set()
        for seat in seats:
            if seat.person_id in invited:
                continue
            invited.add(seat.person_id)
            changes.create(
                Participant(
                    municipality=body.municipality,
                    meeting=meeting,
                    person=seat.person,
                    role=seat.get_role_display(),
                ),
                actor=actor,
            )
    return meeting


def update_meeting(
    meeting: Meeting, *, actor: User | None, expected_version: int, **data: Any
) -> Meeting:
    only(data, MEETING_FIELDS)
    if meeting.is_locked:
        raise ValidationError(_("The minutes are approved; the meeting can no longer be changed."))
    return changes.update(meeting, actor=actor, expected_version=expected_version, changes=data)


def _step(
    meeting: Meeting,
    *,
    actor: User,
    expected_version: int,
    allowed_from: tuple[str, ...],
    to: str,
    refusal: str,
    stamp: str | None = None,
    **extra: Any,
) -> Meeting:
    if meeting.status not in allowed_from:
        raise ValidationError(refusal)
    values: dict[str, Any] = {"status": to, **extra}
    if stamp:
        values[f"{stamp}_at"] = timezone.now()
        values[f"{stamp}_by"] = actor
    return changes.update(meeting, actor=actor, expected_version=expected_version, changes=values)


def start_preparation(meeting: Meeting, *, actor: User, expected_version: int) -> Meeting:
    policy.require_secretary(actor, meeting.body)
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.PLANNED,),
        to=S.AGENDA_PREPARATION,
        refusal=_("The agenda is already past preparation."),
    )


def submit_agenda(meeting: Meeting, *, actor: User, expected_version: int) -> Meeting:
    policy.require_secretary(actor, meeting.body)
    if not meeting.items.exists():
        raise ValidationError(_("Add at least one agenda item before asking for approval."))
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.PLANNED, S.AGENDA_PREPARATION),
        to=S.AGENDA_AWAITING_APPROVAL,
        refusal=_("Only an agenda in preparation can be submitted for approval."),
        stamp="agenda_submitted",
        return_note="",
    )


def approve_agenda(meeting: Meeting, *, actor: User, expected_version: int) -> Meeting:
    policy.require_chair(actor, meeting.body)
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.AGENDA_AWAITING_APPROVAL,),
        to=S.AGENDA_APPROVED,
        refusal=_("Only an agenda that awaits approval can be approved."),
        stamp="agenda_approved",
    )


def return_agenda(meeting: Meeting, *, actor: User, expected_version: int, note: str) -> Meeting:
    """The chair sends the agenda back to the secretary with a reason."""
    policy.require_chair(actor, meeting.body)
    if not note.strip():
        raise ValidationError({"note": _("Say what needs to change.")})
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.AGENDA_AWAITING_APPROVAL, S.AGENDA_APPROVED),
        to=S.AGENDA_PREPARATION,
        refusal=_("Only an agenda that awaits approval or is approved can be sent back."),
        return_note=note,
        agenda_approved_at=None,
        agenda_approved_by=None,
    )


def send_agenda(meeting: Meeting, *, actor: User, expected_version: int) -> Meeting:
    policy.require_secretary(actor, meeting.body)
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.AGENDA_APPROVED,),
        to=S.AGENDA_SENT,
        refusal=_("The agenda cannot be sent before the chair has approved it."),
        stamp="agenda_sent",
    )


def record_held(meeting: Meeting, *, actor: User, expected_version: int) -> Meeting:
    policy.require_secretary(actor, meeting.body)
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("The meeting has not started yet."))
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.AGENDA_SENT,),
        to=S.HELD,
        refusal=_("A meeting can be recorded as held only after its agenda was sent."),
        stamp="held_recorded",
    )


def submit_minutes(meeting: Meeting, *, actor: User, expected_version: int) -> Meeting:
    policy.require_secretary(actor, meeting.body)
    missing = [str(item) for item in meeting.items.all() if not item.outcome]
    if meeting.status == S.HELD and missing:
        raise ValidationError(
            _("Record an outcome for every item first. Missing: %(items)s")
            % {"items": "; ".join(missing)}
        )
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.HELD,),
        to=S.MINUTES_AWAITING_APPROVAL,
        refusal=_("Minutes can be submitted only for a meeting that was held."),
        stamp="minutes_submitted",
        return_note="",
    )


def approve_minutes(meeting: Meeting, *, actor: User, expected_version: int) -> Meeting:
    """Approve and lock the minutes; afterwards only protocol notes can be added."""
    policy.require_chair(actor, meeting.body)
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.MINUTES_AWAITING_APPROVAL,),
        to=S.MINUTES_APPROVED,
        refusal=_("Only minutes that await approval can be approved."),
        stamp="minutes_approved",
    )


def return_minutes(meeting: Meeting, *, actor: User, expected_version: int, note: str) -> Meeting:
    policy.require_chair(actor, meeting.body)
    if not note.strip():
        raise ValidationError({"note": _("Say what needs to change.")})
    return _step(
        meeting,
        actor=actor,
        expected_version=expected_version,
        allowed_from=(S.MINUTES_AWAITING_APPROVAL,),
        to=S.HELD,
        refusal=_("Only minutes that await approval can be sent back."),
        return_note=note,
        minutes_submitted_at=None,
        minutes_submitted_by=None,
    )


def add_protocol_note(meeting: Meeting, *, actor: User, text: str) -> ProtocolNote:
    """A dated note on approved minutes — the only change approved minutes allow."""
    if not (policy.is_secretary(actor, meeting.body) or policy.is_chair(actor, meeting.body)):
        policy.require_secretary(actor, meeting.body)
    if not meeting.is_locked:
        raise ValidationError(
            _("Protocol notes are for approved minutes; until then, edit the minutes.")
        )
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    return changes.create(
        ProtocolNote(municipality=meeting.municipality, meeting=meeting, text=text, author=actor),
        actor=actor,
    )


def _require_open_participants(meeting: Meeting) -> None:
    if meeting.is_locked:
        raise ValidationError(_("The minutes are approved; attendance can no longer change."))


def add_participant(
    *,
    meeting: Meeting,
    actor: User,
    person: Person | None = None,
    guest_name: str = "",
    role: str = "",
    is_guest: bool = True,
) -> Participant:
    policy.require_secretary(actor, meeting.body)
    _require_open_participants(meeting)
    same_municipality(meeting.municipality, person=person)
    if person and meeting.participants.filter(person=person).exists():
        raise ValidationError({"person": _("%(person)s is already invited.") % {"person": person}})
    return changes.create(
        Participant(
            municipality=meeting.municipality,
            meeting=meeting,
            person=person,
            guest_name=guest_name,
            role=role,
            is_guest=is_guest,
        ),
        actor=actor,
    )


def remove_participant(participant: Participant, *, actor: User) -> None:
    policy.require_secretary(actor, participant.meeting.body)
    _require_open_participants(participant.meeting)
    changes.delete(participant, actor=actor)


def set_attendance(
    participant: Participant, *, actor: User, expected_version: int, attendance: str
) -> Participant:
    policy.require_secretary(actor, participant.meeting.body)
    _require_open_participants(participant.meeting)
    if attendance not in Attendance.values:
        raise ValidationError({"attendance": _("Choose present, apologies or not recorded.")})
    return changes.update(
        participant,
        actor=actor,
        expected_version=expected_version,
        changes={"attendance": attendance},
    )


def next_open_meeting(body: Body, after: Meeting | None = None) -> Meeting | None:
    """The body's next meeting whose agenda can still take items."""
    meetings = Meeting.objects.filter(
        body=body, status__in=(S.PLANNED, S.AGENDA_PREPARATION)
    ).order_by("starts_at")
    if after is not None:
        meetings = meetings.filter(starts_at__gt=after.starts_at)
    else:
        meetings = meetings.filter(starts_at__gte=timezone.now())
    return meetings.first()
