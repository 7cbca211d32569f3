"""Turns the demo's project descriptions into projects, through the portfolio services.

A project is created in its first phase (a proposal through ``create_project``; a project
that was already running when the portfolio was first compiled is registered in that phase
with its first phase change), gets its start document, passes its gates with
``change_phase`` on a recorded decision, and gets a status-report history.

Reports are written through the change log with their historical dates, then
``refresh_reporting`` derives the project's status and next due date: the submit service
would stamp every report with today. Gate decisions are agenda items of the bodies' held
meetings from the governance demo, found by title, or added to the held meeting nearest the
date the story needs, with the decision recorded.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.utils import timezone

from styrbord.core.models import Municipality, OrgUnit, Person, User
from styrbord.core.services import changes
from styrbord.governance.models import AgendaItem, Body, ItemKind, Meeting, Outcome
from styrbord.governance.services.items import propose_item
from styrbord.governance.services.meetings import next_open_meeting
from styrbord.portfolio.models import (
    Deliverable,
    DeliverableStatus,
    GateRequest,
    Lesson,
    Milestone,
    Phase,
    PhaseChange,
    Project,
    Rag,
    ReportState,
    Risk,
    StatusReport,
    SuccessCriterion,
)
from styrbord.portfolio.queries import HELD_STATUSES
from styrbord.portfolio.services import charter, phases, projects
from styrbord.portfolio.services._common import set_shared_relation
from styrbord.strategy.models import FocusArea, Principle

# Key for the person of the municipality's demo editor login, who leads projects as the
# digitalisation project leader the seeds describe without naming.
SECRETARY = "@secretary"
# A report history covers at most a year of 14-day periods, which keeps loading fast.
REPORT_HISTORY = 26
APPROVING = (Outcome.APPROVED, Outcome.APPROVED_WITH_CHANGES)
G, Y, R = Rag.GREEN, Rag.YELLOW, Rag.RED
DONE, RUNNING, PLANNED = (
    DeliverableStatus.DELIVERED,
    DeliverableStatus.IN_PROGRESS,
    DeliverableStatus.PLANNED,
)


def days(day: datetime.date, count: int) -> datetime.date:
    return day + datetime.timedelta(days=count)


@dataclass(frozen=True)
class Decision:
    """A body's recorded decision, found by title on one of its held meetings or added to
    the held meeting nearest ``near``."""

    title: str
    near: datetime.date
    body: str = ""  # the context's default body (the steering group) when empty
    background: str = ""
    recommendation: str = ""
    decision: str = "Godkendt."
    outcome: str = Outcome.APPROVED
    responsible: str = ""


class Gate(NamedTuple):
    to_phase: str
    item: AgendaItem | None = None
    approver: str = ""
    on: datetime.date | None = None
    note: str = ""
    # Record the gate request the item answered (only when the item decides this project alone).
    request: bool = False


class Deliv(NamedTuple):
    title: str
    due_on: datetime.date | None
    status: str = PLANNED
    description: str = ""


class Criterion(NamedTuple):
    description: str
    measure: str
    target: str
    met: bool | None = None
    result: str = ""


class Mile(NamedTuple):
    title: str
    due_on: datetime.date
    reached_on: datetime.date | None = None


class RiskSpec(NamedTuple):
    title: str
    probability: int
    consequence: int
    mitigation: str = ""
    owner: str = ""
    is_closed: bool = False
    description: str = ""


class Closing(NamedTuple):
    delivered_vs_planned: str
    handover_operations: str = ""
    handover_benefits: str = ""
    benefits_owner: str = ""
    lessons: tuple[tuple[str, str, str], ...] = ()  # (title, what happened, recommendation)


class Era(NamedTuple):
    """A stretch of reports with the same status, newest stretch first in ``Reports.eras``."""

    count: int  # reports in the stretch; the oldest stretch takes the rest
    overall: tuple[str, str]  # (RAG, comment)
    summaries: tuple[str, ...]
    dims: dict[str, tuple[str, str]] = {}  # other dimensions that are not green
    achievements: tuple[str, ...] = ()
    next_steps: str = ""
    problems: str = ""
    forecast: int | None = None


class Escalation(NamedTuple):
    index: int  # the report, counted from the newest (0)
    body: str
    reason: str


class Reports(NamedTuple):
    first: datetime.date
    last: datetime.date
    eras: tuple[Era, ...]
    percent: tuple[int, int] = (10, 60)
    spent: tuple[int, int] | None = None
    forecast: int | None = None
    escalation: Escalation | None = None


@dataclass(frozen=True, kw_only=True)
class Spec:
    name: str
    origin: str
    short_description: str
    proposed_on: datetime.date
    org_unit: str = ""
    owner: str = ""
    leader: str = ""
    # The phase the project starts in; a later phase registers a project that was already
    # running when the portfolio was compiled (its decision predates the portfolio).
    registered: str = Phase.PROPOSAL
    registered_note: str = ""
    gates: tuple[Gate, ...] = ()
    implements: str = ""
    issued_by: str = ""
    project_group: str = ""
    is_lighthouse: bool = False
    priority: int | None = None
    relevance: int | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    budget_one_off: int | None = None
    budget_running: int | None = None
    financing: str = ""
    tags: str = ""
    url: str = ""
    focus_areas: tuple[str, ...] = ()
    principles: tuple[str, ...] = ()
    purpose: str = ""
    background: str = ""
    scope: str = ""
    out_of_scope: str = ""
    stakeholders: str = ""
    dependencies: str = ""
    deliverables: tuple[Deliv, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    milestones: tuple[Mile, ...] = ()
    risks: tuple[RiskSpec, ...] = ()
    after_approval: dict = field(default_factory=dict)
    reports: Reports | None = None
    closing: Closing | None = None
    alignments: tuple[tuple[str, bool, str], ...] = ()
    links: tuple[str, ...] = ()  # names of projects built before this one
    send_to: str = ""  # a body: the proposal waits for its decision
    request_update: bool = False


class Context:
    """What the descriptions refer to by name, read once inside a municipality's scope."""

    def __init__(self, municipality: Municipality, secretary: User, body: str) -> None:
        self.municipality = municipality
        self.secretary = secretary
        self.today = timezone.localdate()
        self.persons = {person.name: person for person in Person.objects.all()}
        self.persons[SECRETARY] = Person.objects.get(user=secretary)
        self.units = {unit.name: unit for unit in OrgUnit.objects.all()}
        self.bodies = {b.name: b for b in Body.objects.all()}
        self.default_body = body
        self.focus_areas = {area.name: area for area in FocusArea.shared.all()}
        self.principles = {p.name: p for p in Principle.shared.all()}
        self.catalogue = {
            project.name: project
            for project in Project.shared.filter(municipality__is_catalogue=True)
        }
        self.built: dict[str, Project] = {}

    def decision(self, ref: Decision) -> AgendaItem:
        body = self.bodies[ref.body or self.default_body]
        accepted = APPROVING if ref.outcome in APPROVING else (ref.outcome,)
        found = (
            AgendaItem.objects.filter(
                meeting__body=body,
                meeting__status__in=HELD_STATUSES,
                title=ref.title,
                outcome__in=accepted,
            )
            .select_related("meeting")
            .order_by("-meeting__starts_at")
            .first()
        )
        if found is not None:
            return found
        held = list(Meeting.objects.filter(body=body, status__in=HELD_STATUSES))
        meeting = min(held, key=lambda m: abs((meeting_day(m) - ref.near).days))
        position = max((item.position for item in meeting.items.all()), default=0) + 1
        return changes.create(
            AgendaItem(
                municipality=self.municipality,
                meeting=meeting,
                position=position,
                kind=ItemKind.DECISION,
                title=ref.title,
                background=ref.background,
                recommendation=ref.recommendation,
                responsible=self.persons[ref.responsible] if ref.responsible else None,
                decision=ref.decision,
                outcome=ref.outcome,
            ),
            actor=None,
        )

    def person(self, name: str) -> Person | None:
        return self.persons[name] if name else None


def meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def item_day(item: AgendaItem) -> datetime.date:
    return meeting_day(item.meeting)


def build(ctx: Context, spec: Spec) -> Project:
    project = _create(ctx, spec)
    _start_document(ctx, project, spec)
    for gate in spec.gates:
        if gate.to_phase == Phase.CLOSED and spec.closing is not None:
            _close(ctx, project, spec.closing)
        _pass(ctx, project, gate)
        if gate.to_phase == Phase.APPROVED and spec.after_approval:
            project = projects.update_project(
                project, actor=None, expected_version=project.version, **spec.after_approval
            )
    if spec.reports is not None:
        _reports(ctx, project, spec.reports)
    # These services need a user; the secretary keeps the portfolio.
    for principle, follows, explanation in spec.alignments:
        projects.set_alignment(
            project,
            actor=ctx.secretary,
            principle=ctx.principles[principle],
            follows=follows,
            explanation=explanation,
        )
    for name in spec.links:
        projects.add_link(project=project, actor=ctx.secretary, target=ctx.built[name])
    projects.refresh_reporting(project)
    if spec.send_to:
        phases.send_for_decision(project, actor=ctx.secretary, body=ctx.bodies[spec.send_to])
    if spec.request_update:
        projects.request_update(project, actor=ctx.secretary)
    ctx.built[spec.name] = project
    return project


def _money(amount: int | None) -> Decimal | None:
    return Decimal(amount) if amount is not None else None


def _create(ctx: Context, spec: Spec) -> Project:
    fields = {
        "name": spec.name,
        "short_description": spec.short_description,
        "origin": spec.origin,
        "issued_by": spec.issued_by,
        "implements": ctx.catalogue[spec.implements] if spec.implements else None,
        "org_unit": ctx.units[spec.org_unit] if spec.org_unit else None,
        "owner": ctx.person(spec.owner),
        "leader": ctx.person(spec.leader),
        "project_group": ctx.bodies[spec.project_group] if spec.project_group else None,
        "start_date": spec.start_date,
        "end_date": spec.end_date,
        "budget_one_off": _money(spec.budget_one_off),
        "budget_running": _money(spec.budget_running),
        "financing": spec.financing,
        "is_lighthouse": spec.is_lighthouse,
        "priority": spec.priority,
        "core_task_relevance": spec.relevance,
        "tags": projects.normalise_tags(spec.tags),
        "url": spec.url,
        "purpose": spec.purpose,
        "background": spec.background,
        "scope": spec.scope,
        "out_of_scope": spec.out_of_scope,
        "stakeholders": spec.stakeholders,
        "dependencies": spec.dependencies,
    }
    focus_areas = [ctx.focus_areas[name] for name in spec.focus_areas]
    principles = [ctx.principles[name] for name in spec.principles]
    if spec.registered in projects.START_PHASES:
        return projects.create_project(
            municipality=ctx.municipality,
            actor=None,
            phase=spec.registered,
            started_on=spec.proposed_on,
            focus_areas=focus_areas,
            principles=principles,
            **fields,
        )
    project = changes.create(
        Project(municipality=ctx.municipality, phase=spec.registered, **fields), actor=None
    )
    changes.create(
        PhaseChange(
            municipality=ctx.municipality,
            project=project,
            from_phase="",
            to_phase=spec.registered,
            decided_on=spec.proposed_on,
            note=spec.registered_note,
        ),
        actor=None,
    )
    set_shared_relation(project, "focus_areas", focus_areas, actor=None)
    set_shared_relation(project, "principles", principles, actor=None)
    return project


def _start_document(ctx: Context, project: Project, spec: Spec) -> None:
    for d in spec.deliverables:
        charter.add_part(
            Deliverable,
            project=project,
            actor=None,
            title=d.title,
            due_on=d.due_on,
            status=d.status,
            description=d.description,
        )
    for c in spec.criteria:
        charter.add_part(
            SuccessCriterion,
            project=project,
            actor=None,
            description=c.description,
            measure=c.measure,
            target=c.target,
            met=c.met,
            result=c.result,
        )
    for m in spec.milestones:
        charter.add_part(
            Milestone,
            project=project,
            actor=None,
            title=m.title,
            due_on=m.due_on,
            reached_on=m.reached_on,
        )
    for r in spec.risks:
        charter.add_part(
            Risk,
            project=project,
            actor=None,
            title=r.title,
            description=r.description,
            probability=r.probability,
            consequence=r.consequence,
            mitigation=r.mitigation,
            owner=ctx.person(r.owner),
            is_closed=r.is_closed,
        )


def _pass(ctx: Context, project: Project, gate: Gate) -> None:
    phases.change_phase(
        project,
        actor=None,
        expected_version=project.version,
        to_phase=gate.to_phase,
        decided_on=gate.on,
        agenda_item=gate.item,
        approver=ctx.person(gate.approver),
        note=gate.note or (gate.item.decision if gate.item else ""),
    )
    decided_on = gate.on or (item_day(gate.item) if gate.item else ctx.today)
    if gate.to_phase == Phase.APPROVED:
        # The service stamps the approval with now; the demo's decision was taken then.
        approved_at = timezone.make_aware(datetime.datetime.combine(decided_on, datetime.time(12)))
        Project.objects.filter(pk=project.pk).update(charter_approved_at=approved_at)
        project.charter_approved_at = approved_at
    if gate.request and gate.item is not None:
        changes.create(
            GateRequest(
                municipality=ctx.municipality,
                project=project,
                agenda_item=gate.item,
                to_phase=gate.to_phase,
                outcome=gate.item.outcome,
            ),
            actor=None,
        )


def _close(ctx: Context, project: Project, closing: Closing) -> None:
    projects.update_project(
        project,
        actor=None,
        expected_version=project.version,
        delivered_vs_planned=closing.delivered_vs_planned,
        handover_operations=closing.handover_operations,
        handover_benefits=closing.handover_benefits,
        benefits_owner=ctx.person(closing.benefits_owner),
    )
    for title, description, recommendation in closing.lessons:
        charter.add_part(
            Lesson,
            project=project,
            actor=None,
            title=title,
            description=description,
            recommendation=recommendation,
        )


def report_days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Period ends every 14 days back from ``last``, at most a year of them, oldest first."""
    found: list[datetime.date] = []
    day = last
    while day >= first and len(found) < REPORT_HISTORY:
        found.append(day)
        day = days(day, -14)
    return found[::-1]


def _eras(count: int, eras: tuple[Era, ...]) -> list[Era]:
    """The era of each report, oldest first."""
    newest_first: list[Era] = []
    for index, era in enumerate(eras):
        take = count - len(newest_first) if index == len(eras) - 1 else era.count
        newest_first.extend([era] * max(0, min(take, count - len(newest_first))))
    return newest_first[::-1]


def _between(span: tuple[int, int] | None, index: int, count: int, step: int) -> int | None:
    if span is None:
        return None
    start, end = span
    share = index / (count - 1) if count > 1 else 1
    return round((start + (end - start) * share) / step) * step


def _reports(ctx: Context, project: Project, spec: Reports) -> None:
    period_ends = report_days(spec.first, spec.last)
    eras = _eras(len(period_ends), spec.eras)
    submitter = project.leader.user if project.leader and project.leader.user else ctx.secretary
    now = timezone.now()
    count = len(period_ends)
    for index, (period_end, era) in enumerate(zip(period_ends, eras, strict=True)):
        values = {name: (G, "") for name in ("schedule", "budget", "scope", "quality", "risk")}
        values["benefits"] = (G, "")
        values.update(era.dims)
        values["overall"] = era.overall
        rag = {name: value[0] for name, value in values.items()}
        comments = {f"{name}_comment": value[1] for name, value in values.items()}
        submitted_at = timezone.make_aware(
            datetime.datetime.combine(days(period_end, 1), datetime.time(10))
        )
        report = StatusReport(
            municipality=ctx.municipality,
            project=project,
            period_end=period_end,
            state=ReportState.SUBMITTED,
            summary=era.summaries[index % len(era.summaries)],
            achievements=era.achievements[index % len(era.achievements)]
            if era.achievements
            else "",
            next_steps=era.next_steps,
            problems=era.problems,
            percent_complete=_between(spec.percent, index, count, 5),
            spent_to_date=_money(_between(spec.spent, index, count, 1000)),
            forecast=_money(era.forecast or spec.forecast),
            submitted_at=min(submitted_at, now),
            submitted_by=submitter,
            **rag,
            **comments,
        )
        escalation = spec.escalation
        if escalation is not None and count - 1 - index == escalation.index:
            _escalate(ctx, report, escalation)
        changes.create(report, actor=None)


def _escalate(ctx: Context, report: StatusReport, escalation: Escalation) -> None:
    """Propose an item to the body's next open agenda, as submitting an escalating report does."""
    body = ctx.bodies[escalation.body]
    meeting = next_open_meeting(body)
    if meeting is None:
        return
    project = report.project
    background = "\n\n".join(
        part
        for part in (
            f"**Status**: {report.get_overall_display()}. {report.overall_comment}",
            report.summary,
            f"**Problemer**\n\n{report.problems}" if report.problems else "",
        )
        if part
    )
    report.escalate_to = body
    report.escalation_reason = escalation.reason
    report.escalation_item = propose_item(
        meeting=meeting,
        actor=ctx.secretary,
        kind=ItemKind.DECISION,
        title=f"Eskalering fra {project.name}"[:300],
        background=background,
        recommendation=escalation.reason,
        responsible=project.leader,
    )
