"""The steering-group meeting of this year at which the action plan is approved, walked
through the governance services from planning to approved minutes.

``submit`` and ``send_for_decision`` put their items on the body's next open meeting, and
``record_held`` needs a meeting that has started, so the meeting is planned a moment from
now, takes its items, and is then moved to its day in the past with ``update_meeting``.
Every workflow step stamps the time it was taken; once the minutes are approved those
stamps are written through the change log with the dates the meeting would have had, as
the governance demo's past meetings have them.
"""

import datetime

from django.utils import timezone

from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.governance.models import Attendance, Body, ItemKind, Meeting, Outcome
from styrbord.governance.services import items, meetings
from styrbord.governance.services.planning import MEETING_LENGTH, MEETING_START, TUESDAY

# The meeting is at least six weeks back, so that the projects it approves have a status
# report since (their reports start four weeks after the meeting).
LEAD = datetime.timedelta(days=42)
# What the steering group decides on the items the annual wheel puts on the agenda.
WHEEL_DECISIONS = {
    ItemKind.DECISION: ("Godkendt.", Outcome.APPROVED),
    ItemKind.DISCUSSION: ("Drøftet.", Outcome.NOTED),
    ItemKind.ORIENTATION: ("Taget til efterretning.", Outcome.NOTED),
}


def approval_day(today: datetime.date) -> datetime.date:
    """The steering group's first-quarter meeting: the second Tuesday of March, as in the
    governance demo's earlier years; early in the year, the last Tuesday six weeks back."""
    latest = today - LEAD
    march = datetime.date(today.year, 3, 8)
    march += datetime.timedelta(days=(TUESDAY - march.weekday()) % 7)
    if march <= latest:
        return march
    return latest - datetime.timedelta(days=(latest.weekday() - TUESDAY) % 7)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, MEETING_START))


def plan_meeting(body: Body, secretary: User) -> Meeting:
    """The body's next meeting with an open agenda, starting a moment from now."""
    starts_at = timezone.now() + datetime.timedelta(minutes=10)
    coming = meetings.next_open_meeting(body)
    if coming is not None and coming.starts_at <= starts_at:
        # The body meets within minutes: be just before it, so the items still come here.
        starts_at = coming.starts_at - datetime.timedelta(seconds=1)
    meeting = meetings.create_meeting(
        body=body, actor=secretary, starts_at=starts_at, ends_at=starts_at + MEETING_LENGTH
    )
    if meetings.next_open_meeting(body) != meeting:
        raise RuntimeError(f"{body} has an open meeting within minutes; cannot place the demo.")
    return meeting


def move_to(meeting: Meeting, day: datetime.date, secretary: User) -> Meeting:
    starts_at = _at(day)
    return meetings.update_meeting(
        meeting,
        actor=secretary,
        expected_version=meeting.version,
        starts_at=starts_at,
        ends_at=starts_at + MEETING_LENGTH,
    )


def hold(
    meeting: Meeting,
    *,
    secretary: User,
    chair: User,
    decisions: dict[int, tuple[str, str]],
    apologies: tuple[str, ...] = (),
) -> Meeting:
    """Send the agenda, hold the meeting and approve its minutes. ``decisions`` gives the
    (decision, outcome) of items by id; the wheel's items get the usual one for their kind."""
    for step, actor in (
        (meetings.submit_agenda, secretary),
        (meetings.approve_agenda, chair),
        (meetings.send_agenda, secretary),
        (meetings.record_held, secretary),
    ):
        meeting = step(meeting, actor=actor, expected_version=meeting.version)
    for participant in meeting.participants.select_related("person"):
        absent = participant.person is not None and participant.person.name in apologies
        meetings.set_attendance(
            participant,
            actor=secretary,
            expected_version=participant.version,
            attendance=Attendance.APOLOGIES if absent else Attendance.PRESENT,
        )
    for item in meeting.items.order_by("position"):
        decision, outcome = decisions.get(item.pk) or WHEEL_DECISIONS[item.kind]
        items.record_decision(
            item, actor=secretary, expected_version=item.version, decision=decision, outcome=outcome
        )
    meeting.refresh_from_db()
    meeting = meetings.submit_minutes(meeting, actor=secretary, expected_version=meeting.version)
    meeting = meetings.approve_minutes(meeting, actor=chair, expected_version=meeting.version)
    return _backdate(meeting)


def agenda_submitted(meeting: Meeting) -> datetime.datetime:
    return meeting.starts_at - datetime.timedelta(days=9)


def _backdate(meeting: Meeting) -> Meeting:
    """The workflow's stamps as the governance demo dates a past meeting's."""
    start, submitted = meeting.starts_at, agenda_submitted(meeting)
    return changes.update(
        meeting,
        actor=None,
        expected_version=meeting.version,
        changes={
            "agenda_submitted_at": submitted,
            "agenda_approved_at": submitted + datetime.timedelta(days=1),
            "agenda_sent_at": submitted + datetime.timedelta(days=2),
            "held_recorded_at": meeting.ends_at,
            "minutes_submitted_at": start + datetime.timedelta(days=2),
            "minutes_approved_at": start + datetime.timedelta(days=5),
        },
    )
