"""Benchmark of the list pages and API at national scale.

Builds (once) a database under ``var/bench.sqlite3`` — or uses ``DATABASE_URL`` — with
``BENCH_MUNICIPALITIES`` municipalities (default 98), each with about 30 org units, 400
persons, 2,000 change-log entries, 12 bodies, 200 meetings, 3,000 agenda items and 600
action items, then times the pages a user of one municipality opens. Rows are
bulk-inserted: this measures reads, not the services.

    make bench                          # all 98 municipalities
    BENCH_MUNICIPALITIES=10 make bench  # quicker
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styrbord.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from styrbord.core.models import (  # noqa: E402
    ChangeLogEntry,
    Membership,
    Municipality,
    OrgUnit,
    OrgUnitKind,
    Person,
    Role,
    User,
)
from styrbord.governance.models import (  # noqa: E402
    ActionItem,
    AgendaItem,
    Body,
    BodyKind,
    BodyMembership,
    CycleItem,
    Meeting,
    MeetingStatus,
    Outcome,
)

UNITS, PERSONS, CHANGES = 30, 400, 2000
BODIES, MEETINGS, ITEMS_PER_MEETING, ACTIONS_PER_MEETING = 12, 200, 15, 3
PAGES = [
    "/{slug}/",
    "/{slug}/organisation/",
    "/{slug}/organisation/?q=Afdeling",
    "/{slug}/personer/",
    "/{slug}/personer/?q=Person 1",
    "/{slug}/personer/?side=10",
    "/{slug}/aendringslog/",
    "/api/{slug}/persons/",
    "/api/{slug}/org-units/",
    "/{slug}/styring/",
    "/{slug}/styring/moeder/",
    "/{slug}/styring/moeder/?side=5",
    "/{slug}/styring/moeder/{meeting}/",
    "/{slug}/styring/beslutninger/",
    "/{slug}/styring/beslutninger/?q=Punkt 1",
    "/{slug}/styring/opfoelgning/",
    "/{slug}/styring/aarshjul/{year}/",
    "/{slug}/styring/organisationsdiagram/",
    "/api/{slug}/styring/meetings/",
    "/api/{slug}/styring/agenda-items/",
    "/api/{slug}/styring/decisions/",
]


def chosen(count: int) -> list[Municipality]:
    """The first ``count`` municipalities by code, always with Norddjurs, whose pages we time."""
    municipalities = Municipality.objects.filter(is_catalogue=False).order_by("code")
    return sorted(municipalities, key=lambda m: (m.code != "0707", m.code))[:count]


@transaction.atomic
def build(count: int) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    person_type = ContentType.objects.get_for_model(Person)
    with scopes_disabled():
        for municipality in chosen(count):
            if OrgUnit.objects.filter(municipality=municipality).exists():
                continue
            top = OrgUnit.objects.create(
                municipality=municipality, name=f"{municipality.name} Kommune", kind="municipality"
            )
            units = OrgUnit.objects.bulk_create(
                OrgUnit(
                    municipality=municipality,
                    parent=top,
                    name=f"Afdeling {i}",
                    kind=OrgUnitKind.DEPARTMENT,
                )
                for i in range(UNITS - 1)
            )
            persons = Person.objects.bulk_create(
                Person(
                    municipality=municipality,
                    name=f"Person {i}",
                    title="Konsulent",
                    email=f"p{i}@{municipality.slug}.dk",
                    org_unit=units[i % len(units)],
                )
                for i in range(PERSONS)
            )
            user = User.objects.create_user(f"bench-{municipality.slug}", password="bench-bench")
            Membership.objects.create(municipality=municipality, user=user, role=Role.ADMIN)
            ChangeLogEntry.objects.bulk_create(
                ChangeLogEntry(
                    municipality=municipality,
                    actor=user,
                    action="update",
                    content_type=person_type,
                    object_id=str(persons[i % PERSONS].pk),
                    object_repr=persons[i % PERSONS].name,
                    before={"title": "Konsulent"},
                    after={"title": "Specialkonsulent"},
                )
                for i in range(CHANGES)
            )
        for municipality in chosen(count):
            if not Body.objects.filter(municipality=municipality).exists():
                build_governance(municipality)


def build_governance(municipality: Municipality) -> None:
    """12 bodies (a steering group and the rest reporting to it), 200 meetings over the
    last years and the coming one, each with 15 items (one closed) and 3 action items."""
    persons = list(Person.objects.filter(municipality=municipality)[:60])
    steering = Body.objects.create(
        municipality=municipality, kind=BodyKind.STEERING_GROUP, name="Styregruppen"
    )
    bodies = [
        steering,
        *Body.objects.bulk_create(
            Body(
                municipality=municipality,
                kind=BodyKind.PROJECT_GROUP,
                name=f"Projektgruppe {i}",
                reports_to=steering,
            )
            for i in range(BODIES - 1)
        ),
    ]
    BodyMembership.objects.bulk_create(
        BodyMembership(
            municipality=municipality,
            body=body,
            person=persons[(i * 5 + j) % len(persons)],
            starts_on=datetime.date(2024, 1, 1),
        )
        for i, body in enumerate(bodies)
        for j in range(5)
    )
    CycleItem.objects.bulk_create(
        CycleItem(municipality=municipality, body=body, title=f"Årshjulspunkt {j}")
        for body in bodies
        for j in range(4)
    )
    now = timezone.now()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            municipality=municipality,
            body=bodies[i % BODIES],
            starts_at=now + datetime.timedelta(days=(i - MEETINGS * 3 // 4) * 7),
            status=MeetingStatus.MINUTES_APPROVED
            if i < MEETINGS * 3 // 4
            else MeetingStatus.PLANNED,
        )
        for i in range(MEETINGS)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            municipality=municipality,
            meeting=meeting,
            position=j + 1,
            title=f"Punkt {j} om digitalisering",
            background="Sagsfremstilling med **Markdown**.",
            recommendation="Det indstilles, at forslaget godkendes.",
            is_closed=j == 0,
            decision="Godkendt." if meeting.status == MeetingStatus.MINUTES_APPROVED else "",
            outcome=Outcome.APPROVED if meeting.status == MeetingStatus.MINUTES_APPROVED else "",
        )
        for meeting in meetings
        for j in range(ITEMS_PER_MEETING)
    )
    ActionItem.objects.bulk_create(
        ActionItem(
            municipality=municipality,
            item=item,
            text=f"Opfølgning på {item.title}",
            owner=persons[n % len(persons)],
            due_on=timezone.localdate() + datetime.timedelta(days=n % 90 - 30),
        )
        for n, item in enumerate(items)
        if item.position <= ACTIONS_PER_MEETING
    )


def measure(client: Client, url: str, runs: int = 7) -> tuple[float, int]:
    client.get(url)  # warm caches and the session
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), len(captured)


def main() -> None:
    count = int(os.environ.get("BENCH_MUNICIPALITIES", "98"))
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build(count)
    print(f"data: {count} municipalities ready in {time.perf_counter() - started:.1f} s")
    with scopes_disabled():
        print(
            f"rows: {OrgUnit.objects.count()} org units, {Person.objects.count()} persons, "
            f"{ChangeLogEntry.objects.count()} change-log entries, "
            f"{Meeting.objects.count()} meetings, {AgendaItem.objects.count()} agenda items"
        )
    municipality = Municipality.objects.get(code="0707")
    client = Client()
    client.force_login(User.objects.get(username=f"bench-{municipality.slug}"))
    print(f"{'page':45} {'median ms':>10} {'queries':>8}")
    for page in PAGES:
        with scopes_disabled():
            meeting = Meeting.objects.filter(body__municipality=municipality).last()
        url = page.format(slug=municipality.slug, meeting=meeting.pk, year=timezone.now().year)
        median, queries = measure(client, url)
        print(f"{url:45} {median:10.1f} {queries:8d}")


if __name__ == "__main__":
    sys.exit(main())
