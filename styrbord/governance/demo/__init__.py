"""Demo data for governance: Norddjurs' digitalisation organisation and Rebild's
Digitaliseringsforum (``bodies``), with past meetings and their minutes (``minutes``).

Bodies, members and the annual wheel are made through the governance services. Past
meetings are created in their final state (minutes approved and locked) through the change
log rather than by walking the workflow, which would stamp today's date on a 2021 meeting.
This year's and next year's meetings are planned with "plan the year" by the steering
group's secretary (the login ``norddjurs-redaktoer``), who then puts the next
steering-group meeting in preparation, so the workflow can be shown from there with the
chair's login ``norddjurs-formand``.

Loading is idempotent: what exists already (by name, or by body and start) is left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from styrbord.core.models import Municipality, Person, User
from styrbord.core.services import changes
from styrbord.governance import policy, queries
from styrbord.governance.demo import bodies as data
from styrbord.governance.demo.minutes import (
    COVID_MEETINGS,
    FORUM_MEETINGS,
    STEERING_MEETINGS,
    PastMeeting,
    upcoming_steering_items,
)
from styrbord.governance.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Body,
    BodyMembership,
    CarriedBecause,
    Meeting,
    MeetingStatus,
    Outcome,
    Participant,
)
from styrbord.governance.services import bodies as body_services
from styrbord.governance.services import follow_up, items, meetings, planning


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Load the governance demo; the logins are listed by the core's demo."""
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=["0707", "0840"])}
    with scope(municipality=municipalities["0707"]):
        _norddjurs(municipalities["0707"])
    with scope(municipality=municipalities["0840"]):
        _rebild(municipalities["0840"])
    return []


def _norddjurs(municipality: Municipality) -> None:
    secretary = User.objects.get(username="norddjurs-redaktoer")
    chair = User.objects.get(username="norddjurs-formand")
    persons = _persons(secretary)
    bodies = _bodies(municipality, data.NORDDJURS_BODIES)
    for name, seats in data.NORDDJURS_MEMBERS.items():
        _seat(bodies[name], seats, persons, data.SEATS_FROM)
    _seat(bodies[data.COVID], data.COVID_MEMBERS, persons, *data.COVID_SEATS)
    for name, rows in data.NORDDJURS_WHEEL.items():
        _wheel(bodies[name], rows)
    for past in STEERING_MEETINGS:
        _past_meeting(bodies[data.STEERING], past, persons, secretary=secretary, chair=chair)
    for past in COVID_MEETINGS:
        _past_meeting(bodies[data.COVID], past, persons)
    for name, (concluded_on, note) in data.CONCLUDED.items():
        body = bodies[name]
        if body.concluded_on is None:
            body_services.conclude_body(
                body,
                actor=None,
                expected_version=body.version,
                concluded_on=concluded_on,
                closing_note=note,
            )
    # Late in the year this year's plan has little left, so next year is planned too.
    policy.forget_body_roles(secretary)
    year = timezone.localdate().year
    for planned_year in (year, year + 1):
        planning.plan_year(municipality=municipality, year=planned_year, actor=secretary)
    _prepare_next_meeting(bodies[data.STEERING], secretary, persons)


def _rebild(municipality: Municipality) -> None:
    secretary = User.objects.get(username="rebild-redaktoer")
    persons = _persons(secretary)
    bodies = _bodies(municipality, data.REBILD_BODIES)
    for name, seats in data.REBILD_MEMBERS.items():
        _seat(bodies[name], seats, persons, data.SEATS_FROM)
    for past in FORUM_MEETINGS:
        _past_meeting(bodies[data.FORUM], past, persons, secretary=secretary)


def _persons(secretary: User) -> dict[str, Person]:
    persons = {person.name: person for person in Person.objects.all()}
    persons[data.SECRETARY] = Person.objects.get(user=secretary)
    return persons


def _bodies(municipality: Municipality, rows: list[dict]) -> dict[str, Body]:
    found = {body.name: body for body in Body.objects.all()}
    for row in rows:
        if row["name"] in found:
            continue
        fields = dict(row)
        reports_to = fields.pop("reports_to", None)
        found[row["name"]] = body_services.create_body(
            municipality=municipality,
            actor=None,
            reports_to=found[reports_to] if reports_to else None,
            **fields,
        )
    return found


def _seat(
    body: Body,
    seats: list[tuple[str, str]],
    persons: dict[str, Person],
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> None:
    seated = set(BodyMembership.objects.filter(body=body).values_list("person_id", flat=True))
    for key, role in seats:
        person = persons[key]
        if person.pk in seated:
            continue
        body_services.add_member(
            body=body,
            person=person,
            actor=None,
            represents=person.org_unit,
            role=role,
            starts_on=starts_on,
            ends_on=ends_on,
        )


def _wheel(body: Body, rows: list[tuple[str, str, str, bool, str]]) -> None:
    existing = set(body.cycle_items.values_list("title", flat=True))
    for position, (title, kind, quarters, is_event, description) in enumerate(rows, start=1):
        if title in existing:
            continue
        follow_up.create_cycle_item(
            body=body,
            actor=None,
            title=title,
            kind=kind,
            quarters=quarters,
            is_event=is_event,
            description=description,
            position=position,
        )


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, planning.MEETING_START))


def _past_meeting(
    body: Body,
    past: PastMeeting,
    persons: dict[str, Person],
    *,
    secretary: User | None = None,
    chair: User | None = None,
) -> None:
    """A held meeting with approved minutes, as its secretary and chair left it."""
    starts_at = _at(past.day)
    if Meeting.objects.filter(body=body, starts_at=starts_at).exists():
        return
    ends_at = starts_at + planning.MEETING_LENGTH
    submitted = starts_at - datetime.timedelta(days=9)
    meeting = changes.create(
        Meeting(
            municipality=body.municipality,
            body=body,
            starts_at=starts_at,
            ends_at=ends_at,
            place=body.usual_place,
            status=MeetingStatus.MINUTES_APPROVED,
            agenda_submitted_at=submitted,
            agenda_submitted_by=secretary,
            agenda_approved_at=submitted + datetime.timedelta(days=1),
            agenda_approved_by=chair,
            agenda_sent_at=submitted + datetime.timedelta(days=2),
            agenda_sent_by=secretary,
            held_recorded_at=ends_at,
            held_recorded_by=secretary,
            minutes_submitted_at=starts_at + datetime.timedelta(days=2),
            minutes_submitted_by=secretary,
            minutes_approved_at=starts_at + datetime.timedelta(days=5),
            minutes_approved_by=chair,
        ),
        actor=None,
    )
    absent = {persons[name].pk for name in past.apologies}
    for seat in queries.current_members(body, on=past.day):
        changes.create(
            Participant(
                municipality=body.municipality,
                meeting=meeting,
                person=seat.person,
                role=seat.get_role_display(),
                attendance=Attendance.APOLOGIES if seat.person_id in absent else Attendance.PRESENT,
            ),
            actor=None,
        )
    for position, spec in enumerate(past.items, start=1):
        item = changes.create(
            AgendaItem(
                municipality=body.municipality,
                meeting=meeting,
                position=position,
                kind=spec.kind,
                title=spec.title,
                background=spec.background,
                recommendation=spec.recommendation,
                responsible=persons[spec.responsible] if spec.responsible else None,
                decision=spec.decision,
                outcome=spec.outcome,
                cycle_item=body.cycle_items.filter(title=spec.title).first()
                if spec.wheel
                else None,
                carried_from=_postponed(body, spec.title) if spec.carried else None,
                carried_because=CarriedBecause.POSTPONED if spec.carried else "",
            ),
            actor=None,
        )
        for action in spec.actions:
            changes.create(
                ActionItem(
                    municipality=body.municipality,
                    item=item,
                    text=action.text,
                    owner=persons[action.owner],
                    due_on=action.due_on,
                    status=ActionStatus.DONE if action.completed_on else ActionStatus.OPEN,
                    completed_on=action.completed_on,
                ),
                actor=None,
            )


def _postponed(body: Body, title: str) -> AgendaItem | None:
    return AgendaItem.objects.filter(
        meeting__body=body, title=title, outcome=Outcome.POSTPONED
    ).first()


def _prepare_next_meeting(body: Body, secretary: User, persons: dict[str, Person]) -> None:
    """Start the next ordinary meeting's agenda, unless it is already past planning."""
    meeting = (
        Meeting.objects.filter(body=body, cycle_event__isnull=True, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    if meeting is None or meeting.status != MeetingStatus.PLANNED:
        return
    meeting = meetings.start_preparation(meeting, actor=secretary, expected_version=meeting.version)
    for spec in upcoming_steering_items(timezone.localtime(meeting.starts_at).year):
        items.add_item(
            meeting=meeting,
            actor=secretary,
            kind=spec.kind,
            title=spec.title,
            background=spec.background,
            recommendation=spec.recommendation,
            responsible=persons[spec.responsible],
            is_closed=spec.is_closed,
        )
