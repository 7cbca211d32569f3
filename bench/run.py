"""Benchmark of the list pages and API at national scale.

Builds (once) a database under ``var/bench.sqlite3`` — or uses ``DATABASE_URL`` — with
``BENCH_MUNICIPALITIES`` municipalities (default 98), each with about 30 org units, 400
persons, 2,000 change-log entries, 12 bodies, 200 meetings, 3,000 agenda items, 600
action items and a portfolio of ``BENCH_PROJECTS`` projects (default 150) with three years
of 14-day status reports (about 10,900 reports), their phase changes, focus areas and a
Project Board; then times the pages a user of Norddjurs opens: the median and 95th
percentile of ``BENCH_RUNS`` requests (default 20) and the queries of one request. Rows
are bulk-inserted: this measures reads, not the services.

    make bench                                        # all 98 municipalities
    BENCH_MUNICIPALITIES=10 make bench                # quicker
    DATABASE_URL=postgres://… make bench              # on PostgreSQL
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
from django.urls import reverse  # noqa: E402
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
from styrbord.portfolio.models import (  # noqa: E402
    CATALOGUE_ORIGINS,
    DIMENSIONS,
    Origin,
    Phase,
    PhaseChange,
    Priority,
    Project,
    Rag,
    ReportState,
    StatusReport,
)
from styrbord.strategy.models import FocusArea, Strategy  # noqa: E402

UNITS, PERSONS, CHANGES = 30, 400, 2000
BODIES, MEETINGS, ITEMS_PER_MEETING, ACTIONS_PER_MEETING = 12, 200, 15, 3
PROJECTS, REPORTS_PER_PROJECT, REPORT_EVERY_DAYS, FOCUS_AREAS = 150, 78, 14, 8
CATALOGUE_PROJECTS, BOARD_MEETINGS_HELD = 12, 26
# The pages the issue sets limits for: median ≤ 50 ms and 95th percentile ≤ 150 ms.
PORTFOLIO_LIMITS = {"overview": (50, 150), "board": (50, 150)}
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


# Portfolio pages by URL name: (name, URL arguments besides ``kommune``, query string).
PORTFOLIO_PAGES = [
    ("portfolio:overview", {}, ""),
    ("portfolio:overview", {}, "?phase=execution&ordering=status"),
    ("portfolio:overview", {}, "?side=4"),
    ("portfolio:board", {"pk": "board"}, ""),
    ("portfolio:report_grid", {}, ""),
    ("portfolio:report_grid", {}, "?side=4"),
    ("portfolio:as_of", {}, "?dato={year_ago}"),
    ("portfolio:changes", {}, ""),
    ("portfolio:timeline", {}, ""),
    ("portfolio:project_detail", {"pk": "project"}, ""),
    ("portfolio:report_list", {"pk": "project"}, ""),
    ("portfolio_api:project-list", {}, ""),
    ("portfolio_api:status-report-list", {}, ""),
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
        shared = build_catalogue_projects()
        for municipality in chosen(count):
            if not Project.objects.filter(municipality=municipality).exists():
                build_portfolio(municipality, shared)


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


def build_catalogue_projects() -> list[Project]:
    """National and fælleskommunale projects that the municipalities' projects implement."""
    catalogue = Municipality.objects.get(is_catalogue=True)
    existing = list(
        Project.objects.filter(municipality=catalogue, name__startswith="Fælles projekt")
    )
    if existing:
        return existing
    return Project.objects.bulk_create(
        Project(
            municipality=catalogue,
            name=f"Fælles projekt {i}",
            origin=Origin.JOINT_MUNICIPAL if i % 2 else Origin.NATIONAL,
            issued_by="KOMBIT" if i % 2 else "Digitaliseringsstyrelsen",
            phase=Phase.EXECUTION,
        )
        for i in range(CATALOGUE_PROJECTS)
    )


def _phase(i: int) -> str:
    """Most projects run; a tenth each are in analysis, approved and closed; the rest are
    proposals, on hold or rejected."""
    cycle = i % 10
    if cycle < 6:
        return Phase.EXECUTION
    if cycle in (6, 7, 8):
        return (Phase.ANALYSIS, Phase.APPROVED, Phase.CLOSED)[cycle - 6]
    return (Phase.PROPOSAL, Phase.ON_HOLD, Phase.REJECTED)[(i // 10) % 3]


def _rag(i: int, k: int, dimension: int) -> str:
    """Mostly green, some yellow, a few red; the same every time the data is built."""
    n = (i * 7919 + k * 104729 + dimension * 1299709) % 100
    return Rag.RED if n < 4 else Rag.YELLOW if n < 18 else Rag.GREEN


def _last_period(i: int, phase: str, today: datetime.date) -> datetime.date | None:
    """The period of the project's latest report: running projects reported lately (a
    sixth of them are overdue), ended or paused ones some time ago, proposals never."""
    if phase in (Phase.PROPOSAL, Phase.REJECTED):
        return None
    if phase == Phase.CLOSED:
        return today - datetime.timedelta(days=100 + i % 50)
    if phase == Phase.ON_HOLD:
        return today - datetime.timedelta(days=30 + i % 20)
    return today - datetime.timedelta(days=i % 18)


def build_portfolio(municipality: Municipality, shared: list[Project]) -> None:
    """A strategy with focus areas, a Project Board with its meetings, and 150 projects with
    phase changes and three years of submitted 14-day reports. The derived columns
    (latest report, current status, next report due) are set as ``refresh_reporting``
    would set them."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    projects_count = int(os.environ.get("BENCH_PROJECTS", PROJECTS))
    user = User.objects.get(username=f"bench-{municipality.slug}")
    persons = list(Person.objects.filter(municipality=municipality).order_by("pk")[:80])
    units = list(
        OrgUnit.objects.filter(municipality=municipality, parent__isnull=False).order_by("pk")
    )
    groups = list(
        Body.objects.filter(municipality=municipality, kind=BodyKind.PROJECT_GROUP).order_by("pk")
    )
    strategy = Strategy.objects.create(
        municipality=municipality,
        title="Digitaliseringsstrategi",
        period_from=today.year - 3,
        period_to=today.year + 1,
    )
    areas = FocusArea.objects.bulk_create(
        FocusArea(
            municipality=municipality, strategy=strategy, number=n + 1, name=f"Fokusområde {n + 1}"
        )
        for n in range(FOCUS_AREAS)
    )
    build_project_board(municipality, persons)

    phases = [_phase(i) for i in range(projects_count)]
    origins = [Origin.values[i % len(Origin.values)] for i in range(projects_count)]
    last_periods = [_last_period(i, phases[i], today) for i in range(projects_count)]
    history = REPORTS_PER_PROJECT * REPORT_EVERY_DAYS
    approved_on = [
        (last - datetime.timedelta(days=history)) if last else None for last in last_periods
    ]
    projects = Project.objects.bulk_create(
        Project(
            municipality=municipality,
            name=f"Projekt {i} om digital velfærd",
            short_description="Et projekt i porteføljen.",
            origin=origins[i],
            implements=shared[i % len(shared)] if origins[i] in CATALOGUE_ORIGINS else None,
            org_unit=units[i % len(units)],
            owner=persons[i % len(persons)],
            leader=persons[(i * 3 + 1) % len(persons)],
            project_group=groups[i % len(groups)] if groups else None,
            phase=phases[i],
            start_date=approved_on[i] or today + 30 * day,
            end_date=(last_periods[i] + 7 * day)
            if phases[i] == Phase.CLOSED
            else today + (200 + i * 3) * day,
            closed_on=(last_periods[i] + 7 * day) if phases[i] == Phase.CLOSED else None,
            budget_one_off=100_000 + i * 10_000,
            budget_running=20_000 + i * 1_000,
            financing="digitalisation_pool",
            is_lighthouse=i % 15 == 0,
            priority=Priority.values[i % len(Priority.values)],
            tags="velfærd, data" if i % 2 else "borger",
            purpose="Formålet er bedre service til borgerne.",
            report_every_days=REPORT_EVERY_DAYS,
            update_requested_at=timezone.now() - 2 * day if i % 25 == 3 else None,
            update_requested_by=user if i % 25 == 3 else None,
        )
        for i in range(projects_count)
    )
    # The last focus area has no projects: the overview shows the focus areas without any.
    through = Project.focus_areas.through
    through.objects.bulk_create(
        through(project_id=project.pk, focusarea_id=areas[n].pk)
        for i, project in enumerate(projects)
        for n in {i % (FOCUS_AREAS - 1), (i * 3) % (FOCUS_AREAS - 1)}
    )
    PhaseChange.objects.bulk_create(
        change
        for i, project in enumerate(projects)
        for change in _phase_changes(project, approved_on[i], last_periods[i], today)
    )
    reports = StatusReport.objects.bulk_create(
        _report(
            project,
            i,
            k,
            last_periods[i] - (REPORTS_PER_PROJECT - 1 - k) * REPORT_EVERY_DAYS * day,
            user,
        )
        for i, project in enumerate(projects)
        if last_periods[i] is not None
        for k in range(REPORTS_PER_PROJECT)
    )
    latest = {report.project_id: report for report in reports}  # created oldest first
    for project in projects:
        report = latest.get(project.pk)
        project.latest_report = report
        project.current_status = report.overall if report else ""
        project.next_report_due = (
            report.period_end + datetime.timedelta(days=project.report_every_days)
            if report
            else None
        )
    Project.objects.bulk_update(
        projects, ["latest_report", "current_status", "next_report_due"], batch_size=500
    )


def _phase_changes(
    project: Project,
    approved_on: datetime.date | None,
    last_period: datetime.date | None,
    today: datetime.date,
) -> list[PhaseChange]:
    """The project's way to its phase: proposed, approved, then analysis or execution, and
    closed or put on hold after its last report."""
    day = datetime.timedelta(days=1)

    def change(from_phase: str, to_phase: str, decided_on: datetime.date) -> PhaseChange:
        return PhaseChange(
            municipality=project.municipality,
            project=project,
            from_phase=from_phase,
            to_phase=to_phase,
            decided_on=decided_on,
        )

    if project.phase == Phase.PROPOSAL:
        return [change("", Phase.PROPOSAL, today - (project.pk % 60) * day)]
    if project.phase == Phase.REJECTED:
        return [
            change("", Phase.PROPOSAL, today - 400 * day),
            change(Phase.PROPOSAL, Phase.REJECTED, today - 340 * day),
        ]
    moves = [
        change("", Phase.PROPOSAL, approved_on - 60 * day),
        change(Phase.PROPOSAL, Phase.APPROVED, approved_on),
    ]
    if project.phase == Phase.ANALYSIS:
        moves.append(change(Phase.APPROVED, Phase.ANALYSIS, approved_on + 30 * day))
    elif project.phase in (Phase.EXECUTION, Phase.CLOSED):
        moves.append(change(Phase.APPROVED, Phase.EXECUTION, approved_on + 30 * day))
    if project.phase == Phase.CLOSED:
        moves.append(change(Phase.EXECUTION, Phase.CLOSED, last_period + 7 * day))
    elif project.phase == Phase.ON_HOLD:
        moves.append(change(Phase.APPROVED, Phase.ON_HOLD, last_period + 3 * day))
    return moves


def _report(
    project: Project, i: int, k: int, period_end: datetime.date, user: User
) -> StatusReport:
    rags = {name: _rag(i, k, n) for n, name in enumerate(DIMENSIONS)}
    comments = {
        f"{name}_comment": "Forsinkelse hos leverandøren." if rag != Rag.GREEN else ""
        for name, rag in rags.items()
    }
    submitted = datetime.datetime.combine(
        period_end + datetime.timedelta(days=1), datetime.time(10)
    )
    return StatusReport(
        municipality=project.municipality,
        project=project,
        period_end=period_end,
        state=ReportState.SUBMITTED,
        **rags,
        **comments,
        summary=f"Status for perioden {k + 1}: arbejdet skrider frem.",
        achievements="Workshop med brugerne afholdt.",
        next_steps="Test af næste leverance.",
        percent_complete=min(100, (k + 1) * 100 // REPORTS_PER_PROJECT),
        spent_to_date=(k + 1) * 5_000,
        forecast=500_000,
        submitted_at=timezone.make_aware(submitted),
        submitted_by=user,
    )


def build_project_board(municipality: Municipality, persons: list[Person]) -> None:
    """The Project Board: it met every 14 days for a year (last three days ago) and has its
    next meetings planned."""
    steering = Body.objects.filter(municipality=municipality, kind=BodyKind.STEERING_GROUP).first()
    board = Body.objects.create(
        municipality=municipality,
        kind=BodyKind.PROJECT_BOARD,
        name="Projektboard",
        reports_to=steering,
    )
    BodyMembership.objects.bulk_create(
        BodyMembership(
            municipality=municipality,
            body=board,
            person=person,
            starts_on=datetime.date(2024, 1, 1),
        )
        for person in persons[:6]
    )
    now = timezone.now()
    Meeting.objects.bulk_create(
        Meeting(
            municipality=municipality,
            body=board,
            starts_at=now + datetime.timedelta(days=offset),
            status=MeetingStatus.MINUTES_APPROVED if offset < 0 else MeetingStatus.PLANNED,
        )
        for offset in [-3 - 14 * j for j in range(BOARD_MEETINGS_HELD)]
        + [11 + 14 * j for j in range(4)]
    )


def measure(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    """Median and 95th percentile in ms of ``runs`` requests, and one request's queries."""
    client.get(url)  # warm caches and the session
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1] if runs > 1 else timings[0]
    return statistics.median(timings), p95, len(captured)


def main() -> None:
    count = int(os.environ.get("BENCH_MUNICIPALITIES", "98"))
    runs = int(os.environ.get("BENCH_RUNS", "20"))
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build(count)
    print(f"data: {count} municipalities ready in {time.perf_counter() - started:.1f} s")
    # Planner statistics, as PostgreSQL's autovacuum keeps them and as an SQLite
    # installation gets them from ``PRAGMA optimize``: without them SQLite picks the
    # municipality index for a per-project subquery after a bulk load.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    with scopes_disabled():
        print(
            f"rows: {OrgUnit.objects.count()} org units, {Person.objects.count()} persons, "
            f"{ChangeLogEntry.objects.count()} change-log entries, "
            f"{Meeting.objects.count()} meetings, {AgendaItem.objects.count()} agenda items, "
            f"{Project.objects.count()} projects, {PhaseChange.objects.count()} phase changes, "
            f"{StatusReport.objects.count()} status reports"
        )
    municipality = Municipality.objects.get(code="0707")
    client = Client()
    client.force_login(User.objects.get(username=f"bench-{municipality.slug}"))
    print(f"{database()}, {runs} requests per page, pages of {municipality.name}")
    print(f"{'page':60} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    with scopes_disabled():
        meeting = Meeting.objects.filter(body__municipality=municipality).last()
    for page in PAGES:
        url = page.format(slug=municipality.slug, meeting=meeting.pk, year=timezone.now().year)
        print_row(url, *measure(client, url, runs))
    over = []
    for name, url in portfolio_urls(municipality):
        median, p95, queries = measure(client, url, runs)
        print_row(url, median, p95, queries)
        limits = PORTFOLIO_LIMITS.get(name.split(":")[1])
        if limits and (median > limits[0] or p95 > limits[1]):
            over.append(url)
    limits_text = ", ".join(f"{page} {m}/{p} ms" for page, (m, p) in PORTFOLIO_LIMITS.items())
    print(f"limits (median/p95): {limits_text}: " + ("over: " + ", ".join(over) if over else "met"))


def database() -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    version = connection.pg_version
    return f"PostgreSQL {version // 10000}.{version % 10000}"


def portfolio_urls(municipality: Municipality) -> list[tuple[str, str]]:
    """(URL name, URL) of the portfolio pages, with one running project and the board."""
    with scopes_disabled():
        objects = {
            "board": Body.objects.get(municipality=municipality, kind=BodyKind.PROJECT_BOARD).pk,
            "project": Project.objects.filter(municipality=municipality, phase=Phase.EXECUTION)
            .order_by("pk")
            .first()
            .pk,
        }
    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    return [
        (
            name,
            reverse(
                name,
                kwargs={
                    "kommune": municipality.slug,
                    **{key: objects[value] for key, value in arguments.items()},
                },
            )
            + query.format(year_ago=year_ago.isoformat()),
        )
        for name, arguments, query in PORTFOLIO_PAGES
    ]


def print_row(url: str, median: float, p95: float, queries: int) -> None:
    print(f"{url:60} {median:10.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    sys.exit(main())
