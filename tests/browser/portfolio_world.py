"""A small portfolio on top of the governance world, for the browser tests.

The demo editor (norddjurs-redaktoer) is secretary of the steering group, the programme
group and the Project Board, so she triages ideas and puts the board's projects on its
agenda. The portfolio has a catalogue strategy and project, a local strategy, a proposal,
a running project with a full start document and a red report history, an idea waiting
for triage and a closed project with lessons learned.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.models import Municipality, Person
from styrbord.core.services import changes
from styrbord.governance.models import Body, BodyKind, Cadence, MemberRole
from styrbord.governance.services import bodies, meetings
from styrbord.portfolio.models import (
    Deliverable,
    Idea,
    Lesson,
    Milestone,
    Origin,
    Phase,
    Project,
    Rag,
    ReportState,
    Risk,
    StatusReport,
    SuccessCriterion,
)
from styrbord.portfolio.services import phases, projects
from styrbord.strategy.models import FocusArea, Principle, PrincipleKind, Strategy, StrategyKind
from tests.browser.governance_world import GovernanceWorld, _at


@dataclass
class PortfolioWorld:
    strategy: Strategy
    shared_strategy: Strategy
    focus_area: FocusArea
    principle: Principle
    shared_project: Project
    proposal: Project
    running: Project
    closed: Project
    idea: Idea
    board: Body
    draft: StatusReport
    report: StatusReport


def _catalogue_rows() -> tuple[Strategy, Project]:
    with scopes_disabled():
        catalogue = Municipality.objects.get(is_catalogue=True)
        shared = changes.create(
            Strategy(
                municipality=catalogue,
                kind=StrategyKind.PROGRAMME,
                title="Kommunernes Digitaliseringsprogram",
                issued_by="KL",
                period_from=2021,
                period_to=2025,
            ),
            actor=None,
        )
        changes.create(
            FocusArea(municipality=catalogue, strategy=shared, name="Digital transformation"),
            actor=None,
        )
        changes.create(
            Principle(
                municipality=catalogue,
                strategy=shared,
                kind=PrincipleKind.ARCHITECTURE,
                name="Arkitektur understøtter tillid",
            ),
            actor=None,
        )
        shared_project = changes.create(
            Project(
                municipality=catalogue,
                name="Monopolbruddet",
                origin=Origin.JOINT_MUNICIPAL,
                issued_by="KOMBIT",
                phase=Phase.EXECUTION,
            ),
            actor=None,
        )
    return shared, shared_project


def build(world, gov: GovernanceWorld) -> PortfolioWorld:
    municipality = world.norddjurs
    shared_strategy, shared_project = _catalogue_rows()
    today = timezone.localdate()
    with scope(municipality=municipality):
        secretary_person = Person.objects.get(user=world.editor)
        leader = Person.objects.get(name="Kenneth Andersen")
        board = bodies.create_body(
            municipality=municipality,
            actor=None,
            kind=BodyKind.PROJECT_BOARD,
            name="Project Board",
            cadence=Cadence.EVERY_14_DAYS,
        )
        bodies.add_member(
            body=board,
            person=secretary_person,
            actor=None,
            role=MemberRole.SECRETARY,
            starts_on=today - datetime.timedelta(days=100),
        )
        meetings.create_meeting(body=board, actor=None, starts_at=_at(7))
        meetings.create_meeting(body=gov.programme, actor=None, starts_at=_at(14))

        strategy = changes.create(
            Strategy(
                municipality=municipality,
                title="Digitaliseringsstrategi",
                period_from=2016,
                period_to=2020,
                vision="Norddjurs er en **digital** kommune.",
                approved_by="Byrådet",
            ),
            actor=None,
        )
        focus_area = changes.create(
            FocusArea(municipality=municipality, strategy=strategy, name="Digital velfærd"),
            actor=None,
        )
        principle = changes.create(
            Principle(
                municipality=municipality,
                strategy=strategy,
                name="Digitalt førstevalg",
                because="Borgerne forventer det.",
            ),
            actor=None,
        )

        proposal = projects.create_project(
            municipality=municipality,
            actor=None,
            name="Talegenkendelse",
            origin=Origin.LOCAL,
            leader=leader,
            purpose="Hurtigere journalføring.",
            focus_areas=[focus_area],
        )
        running = projects.create_project(
            municipality=municipality,
            actor=None,
            name="Aula",
            origin=Origin.JOINT_MUNICIPAL,
            implements=shared_project,
            leader=leader,
            start_date=today - datetime.timedelta(days=200),
            end_date=today + datetime.timedelta(days=200),
            started_on=today - datetime.timedelta(days=200),
            purpose="Én platform for skole og dagtilbud.",
            is_lighthouse=True,
        )
        for model, values in (
            (Deliverable, {"title": "Udrulning", "due_on": today + datetime.timedelta(days=60)}),
            (
                SuccessCriterion,
                {"description": "Alle forældre logger på", "measure": "Log", "target": "95 %"},
            ),
            (Milestone, {"title": "Go-live", "due_on": today + datetime.timedelta(days=30)}),
            (Risk, {"title": "Forsinket leverance", "probability": 4, "consequence": 5}),
        ):
            changes.create(model(municipality=municipality, project=running, **values), actor=None)
        phases.change_phase(
            running,
            actor=None,
            expected_version=running.version,
            to_phase=Phase.APPROVED,
            agenda_item=gov.held.items.first(),
        )
        running.refresh_from_db()
        phases.change_phase(
            running,
            actor=None,
            expected_version=running.version,
            to_phase=Phase.EXECUTION,
            approver=leader,
            decided_on=today - datetime.timedelta(days=9),
        )
        running.refresh_from_db()
        changes.update(
            running,
            actor=None,
            expected_version=running.version,
            changes={"scope": "Alle skoler og dagtilbud.", "purpose": "Én fælles platform."},
        )
        report = None
        for weeks, overall in ((6, Rag.GREEN), (4, Rag.YELLOW), (2, Rag.RED)):
            report = changes.create(
                StatusReport(
                    municipality=municipality,
                    project=running,
                    period_end=today - datetime.timedelta(weeks=weeks),
                    state=ReportState.SUBMITTED,
                    submitted_at=timezone.now() - datetime.timedelta(weeks=weeks),
                    overall=overall,
                    overall_comment="" if overall == Rag.GREEN else "Leverandøren er forsinket.",
                    schedule=overall,
                    schedule_comment="" if overall == Rag.GREEN else "To uger bagud.",
                    budget=Rag.GREEN,
                    scope=Rag.GREEN,
                    quality=Rag.GREEN,
                    risk=Rag.GREEN,
                    benefits=Rag.GREEN,
                    summary="Udrulningen skrider frem.",
                    percent_complete=60 - weeks * 5,
                ),
                actor=None,
            )
        projects.refresh_reporting(running)
        draft = changes.create(
            StatusReport(
                municipality=municipality,
                project=running,
                period_end=today,
                overall=Rag.GREEN,
                schedule=Rag.GREEN,
                budget=Rag.GREEN,
                scope=Rag.GREEN,
                quality=Rag.GREEN,
                risk=Rag.GREEN,
                benefits=Rag.GREEN,
                summary="Kladde.",
            ),
            actor=None,
        )

        closed = projects.create_project(
            municipality=municipality,
            actor=None,
            name="Webinarløsning",
            origin=Origin.LOCAL,
            started_on=today - datetime.timedelta(days=300),
        )
        closed = projects.update_project(
            closed,
            actor=None,
            expected_version=closed.version,
            delivered_vs_planned="Alt er leveret.",
        )
        for to_phase in (Phase.APPROVED, Phase.EXECUTION, Phase.CLOSED):
            closed.refresh_from_db()
            phases.change_phase(
                closed,
                actor=None,
                expected_version=closed.version,
                to_phase=to_phase,
                approver=leader,
                decided_on=today - datetime.timedelta(days=20),
            )
        changes.create(
            Lesson(
                municipality=municipality,
                project=closed,
                title="Test lyd og billede før første webinar",
                recommendation="Afsæt en generalprøve.",
            ),
            actor=None,
        )
        idea = changes.create(
            Idea(
                municipality=municipality,
                title="Chatbot til borgerservice",
                problem="Mange ens spørgsmål.",
                idea="En chatbot besvarer de enkle.",
                submitted_by=world.reader,
            ),
            actor=None,
        )
        running.refresh_from_db()
    return PortfolioWorld(
        strategy=strategy,
        shared_strategy=shared_strategy,
        focus_area=focus_area,
        principle=principle,
        shared_project=shared_project,
        proposal=proposal,
        running=running,
        closed=closed,
        idea=idea,
        board=board,
        draft=draft,
        report=report,
    )
