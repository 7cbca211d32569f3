"""A small governance world on top of the demo organisation, for the browser tests.

The steering group's secretary is the demo editor (norddjurs-redaktoer) and its chair a
login of its own; the programme group reports to the steering group. Meetings stand in
each state the pages show differently: an agenda in preparation (with a closed item, an
attachment and a link), a held meeting with decisions and action items, and approved
minutes with a protocol note.
"""

import datetime
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scope

from styrbord.core.models import Person, Role, User
from styrbord.core.services import users
from styrbord.governance.models import (
    Body,
    BodyKind,
    Cadence,
    ItemKind,
    Meeting,
    MemberRole,
    Outcome,
)
from styrbord.governance.services import bodies, follow_up, items, meetings

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class GovernanceWorld:
    steering: Body
    programme: Body
    secretary: User
    chair: User
    preparing: Meeting
    held: Meeting
    approved: Meeting


def _at(days: int, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def build(world) -> GovernanceWorld:
    municipality = world.norddjurs
    chair_user = (
        users.create_user(
            actor=None,
            username="norddjurs-formand",
            password="styrbord-demo",
            first_name="Tonny",
            last_name="Olsen",
        )
        if not User.objects.filter(username="norddjurs-formand").exists()
        else User.objects.get(username="norddjurs-formand")
    )
    with scope(municipality=municipality):
        if not chair_user.memberships.filter(municipality=municipality).exists():
            users.add_membership(
                actor=None, user=chair_user, municipality=municipality, role=Role.EDITOR
            )
        secretary_person = Person.objects.filter(user=world.editor).first() or Person.objects.get(
            name="Nirojan Kathirgamarajah"
        )
        chair_person = Person.objects.get(name="Tonny Olsen")
        if chair_person.user_id is None:
            Person.objects.filter(pk=chair_person.pk).update(user=chair_user)
        member = Person.objects.get(name="Kenneth Andersen")

        start = timezone.localdate() - datetime.timedelta(days=400)
        steering = bodies.create_body(
            municipality=municipality,
            actor=None,
            kind=BodyKind.STEERING_GROUP,
            name="Tværgående digitaliseringsstyregruppe",
            cadence=Cadence.QUARTERLY,
            purpose="Træffer beslutninger på det taktiske niveau.",
            terms_of_reference="## Formål\n\nStyregruppen *prioriterer* porteføljen.",
        )
        programme = bodies.create_body(
            municipality=municipality,
            actor=None,
            kind=BodyKind.PROGRAMME_GROUP,
            name="Tværgående digitaliseringsprogramgruppe",
            cadence=Cadence.QUARTERLY,
            reports_to=steering,
        )
        for body in (steering, programme):
            bodies.add_member(
                body=body,
                person=secretary_person,
                actor=None,
                role=MemberRole.SECRETARY,
                starts_on=start,
            )
        bodies.add_member(
            body=steering, person=chair_person, actor=None, role=MemberRole.CHAIR, starts_on=start
        )
        bodies.add_member(body=steering, person=member, actor=None, starts_on=start)
        follow_up.create_cycle_item(
            body=steering,
            actor=None,
            title="Justering af projektporteføljen",
            kind=ItemKind.DECISION,
            quarters="1,2,3,4",
        )
        follow_up.create_cycle_item(
            body=steering, actor=None, title="Orientering til direktionen", quarters="1,2,3,4"
        )

        secretary, chair = world.editor, chair_user
        preparing = meetings.create_meeting(body=steering, actor=None, starts_at=_at(20))
        meetings.start_preparation(preparing, actor=secretary, expected_version=preparing.version)
        first = items.add_item(
            meeting=preparing,
            actor=secretary,
            kind=ItemKind.DECISION,
            title="Office 365 og Teams",
            background="Status på udrulningen.",
            recommendation="Det indstilles, at planen godkendes.",
        )
        items.add_item(
            meeting=preparing,
            actor=secretary,
            kind=ItemKind.DISCUSSION,
            title="Personalesag (lukket)",
            is_closed=True,
        )
        items.add_attachment(
            item=first, actor=secretary, upload=SimpleUploadedFile("plan.pdf", PDF_BYTES)
        )
        items.add_link(item=first, actor=secretary, target=programme)

        held = _held_meeting(steering, secretary, chair, member, days=-10)
        approved = _held_meeting(steering, secretary, chair, member, days=-100)
        meetings.submit_minutes(approved, actor=secretary, expected_version=approved.version)
        meetings.approve_minutes(approved, actor=chair, expected_version=approved.version)
        meetings.add_protocol_note(approved, actor=secretary, text="Rettelse til punkt 1.")
        preparing.refresh_from_db()
    return GovernanceWorld(steering, programme, secretary, chair, preparing, held, approved)


def _held_meeting(body, secretary, chair, member, *, days: int) -> Meeting:
    meeting = meetings.create_meeting(body=body, actor=None, starts_at=_at(days))
    item = items.add_item(
        meeting=meeting,
        actor=secretary,
        kind=ItemKind.DECISION,
        title="Ny digitaliseringsstrategi 2021–2025",
        recommendation="Det indstilles, at strategien godkendes.",
    )
    meetings.submit_agenda(meeting, actor=secretary, expected_version=meeting.version)
    meetings.approve_agenda(meeting, actor=chair, expected_version=meeting.version)
    meetings.send_agenda(meeting, actor=secretary, expected_version=meeting.version)
    meetings.record_held(meeting, actor=secretary, expected_version=meeting.version)
    item.refresh_from_db()
    items.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Strategien blev godkendt.",
        outcome=Outcome.APPROVED,
    )
    follow_up.create_action_item(
        item=item,
        actor=secretary,
        owner=member,
        text="Formidle strategien til chefområderne.",
        due_on=timezone.localdate() + datetime.timedelta(days=14),
    )
    meeting.refresh_from_db()
    return meeting
