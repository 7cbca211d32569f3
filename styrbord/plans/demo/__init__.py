"""Demo data for the action plan and the digitalisation budget: Norddjurs' plan for the
current year, approved by the steering group and now being revised, and the budget it
draws on (the data in ``norddjurs``).

The story, written through the plan, budget, portfolio and governance services:

1. The year's budget pool; the plan drafted by the programme group's secretary (the login
   ``norddjurs-redaktoer``) with eight ranked items, their scores, money and hours, the
   org units' capacity (one over-allocated quarter) and one idea it does not cover.
2. At the steering group's first-quarter meeting (``meeting``) the plan is submitted and
   IOD's two trials (``iod``) are sent for decision; the decisions are recorded on the
   agenda items, so the plans hook approves version 1 and the portfolio hook approves the
   projects. The steering group then funds the trials straight from the pool.
3. A revision in draft adds the broadband proposal that came later and moves an item.

The meeting is the demo's own: the governance demo's held steering-group meetings have
approved, locked minutes, on which no decision can be recorded through the services, and
it has none in the first quarter, when the year's plan is approved. Everything about the
meeting goes through the governance services: it is planned a moment from now (``submit``
and ``send_for_decision`` look for the body's next open meeting), moved to its day in the
past with ``update_meeting``, and walked from agenda to approved minutes.

What is written through the change log directly, as the portfolio demo does where a
service would stamp today on history: the meeting's workflow time stamps, the version's
``submitted_at`` and the trials' ``charter_approved_at`` get the meeting's dates once it is
done, and the trials' status reports are written with their past dates by the portfolio
demo's builder.

Loading is idempotent: once Norddjurs has a plan for the current year, nothing is loaded.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from styrbord.core.models import Municipality, OrgUnit, User
from styrbord.core.services import changes
from styrbord.governance.demo.bodies import PROGRAMME, STEERING
from styrbord.governance.models import AgendaItem, Body, Meeting, Outcome
from styrbord.governance.services.planning import fill_agenda_from_cycle
from styrbord.plans.demo import iod, meeting
from styrbord.plans.demo import norddjurs as data
from styrbord.plans.models import ActionPlan, ActionPlanItem, BudgetPool, PlanVersion
from styrbord.plans.services import budget, decisions, items, plans
from styrbord.portfolio.demo.builder import Context, build
from styrbord.portfolio.models import ENDED_PHASES, GateRequest, Idea, Phase, Project
from styrbord.portfolio.services import phases


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Load the plan demo; it adds no logins."""
    municipality = Municipality.objects.get(code="0707")
    with scope(municipality=municipality):
        if not ActionPlan.objects.filter(year=timezone.localdate().year).exists():
            _norddjurs(municipality)
    return []


def _norddjurs(municipality: Municipality) -> None:
    today = timezone.localdate()
    secretary = User.objects.get(username="norddjurs-redaktoer")
    chair = User.objects.get(username="norddjurs-formand")
    bodies = {body.name: body for body in Body.objects.all()}
    units = {unit.name: unit for unit in OrgUnit.objects.all()}
    day = meeting.approval_day(today)

    pool = BudgetPool.objects.filter(year=today.year).first() or budget.create_pool(
        municipality=municipality,
        actor=secretary,
        year=today.year,
        amount=Decimal(data.POOL_AMOUNT),
        note=data.POOL_NOTE,
    )
    plan = plans.create_plan(
        municipality=municipality,
        actor=secretary,
        year=today.year,
        introduction=data.INTRODUCTION,
        title=f"Indsatsplan {today.year}",
        owner_body=bodies[PROGRAMME],
        approving_body=bodies[STEERING],
    )
    first = plan.versions.get()
    for row in data.ITEMS:
        _add(first, row, units, secretary)
    for name, hours in data.CAPACITY.items():
        plans.set_capacity(
            first,
            actor=secretary,
            org_unit=units[name],
            hours=dict(enumerate(hours, start=1)),
        )
    idea = Idea.objects.filter(title=data.DRONE_IDEA).first()
    if idea is not None:
        plans.exclude_demand(first, actor=secretary, idea=idea, reason=data.DRONE_IDEA_REASON)

    held = meeting.plan_meeting(bodies[STEERING], secretary)
    first.refresh_from_db()
    plan_item = decisions.submit(first, actor=secretary, expected_version=first.version)
    ctx = Context(municipality, secretary, STEERING)
    # In a later year on the same database the trials exist already and are not funded again.
    trials = [
        (trial, build(ctx, trial.spec))
        for trial in iod.trials(ctx, day)
        if not Project.objects.filter(name=trial.spec.name).exists()
    ]
    gate_items = {project.pk: _gate_item(project, held) for _, project in trials}
    held = meeting.move_to(held, day, secretary)
    fill_agenda_from_cycle(held, actor=secretary)
    outcomes = {plan_item.pk: (data.PLAN_DECISION, Outcome.APPROVED)}
    for trial, project in trials:
        outcomes[gate_items[project.pk].pk] = (trial.decision, Outcome.APPROVED)
    held = meeting.hold(
        held, secretary=secretary, chair=chair, decisions=outcomes, apologies=("Kim B. Nielsen",)
    )
    first.refresh_from_db()
    changes.update(
        first,
        actor=None,
        expected_version=first.version,
        changes={"submitted_at": meeting.agenda_submitted(held) - datetime.timedelta(days=1)},
    )
    for trial, project in trials:
        _fund(trial, project, gate_items[project.pk], pool, bodies[iod.IOD], ctx, day)

    _revise(plan, units, secretary)


def _add(version: PlanVersion, row: data.Row, units: dict[str, OrgUnit], actor: User) -> None:
    project = Project.objects.filter(name=row.project).first() if row.project else None
    if row.project and (project is None or project.phase in ENDED_PHASES):
        return  # a database kept from earlier years may have closed the project since
    item = items.add_item(
        version,
        actor=actor,
        project=project,
        title=row.title,
        rationale=row.rationale,
        requested_amount=Decimal(row.requested),
        allocated_amount=Decimal(row.allocated),
    )
    criteria = list(version.criteria.order_by("position"))
    for criterion, (score, comment) in zip(criteria, row.scores, strict=True):
        items.set_score(item, actor=actor, criterion=criterion, score=score, comment=comment)
    for unit, quarters in row.hours.items():
        for quarter, hours in enumerate(quarters, start=1):
            if hours is not None:
                items.set_hours(
                    item,
                    actor=actor,
                    org_unit=units[unit],
                    quarter=quarter,
                    requested_hours=hours[0],
                    allocated_hours=hours[1],
                )


def _gate_item(project: Project, held: Meeting) -> AgendaItem:
    item = GateRequest.objects.select_related("agenda_item").get(project=project).agenda_item
    if item.meeting_id != held.pk:
        raise RuntimeError(f"{project} was sent to another meeting than the plan.")
    return item


def _fund(
    trial: iod.Trial,
    project: Project,
    item: AgendaItem,
    pool: BudgetPool,
    body: Body,
    ctx: Context,
    day: datetime.date,
) -> None:
    """Grant the trial its money at the meeting, and start the work two weeks later."""
    project.refresh_from_db()
    # The gate stamps the start document's approval with now; it was approved that day.
    approved_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    project = changes.update(
        project,
        actor=None,
        expected_version=project.version,
        changes={"charter_approved_at": approved_at},
    )
    budget.allocate(
        pool,
        actor=ctx.secretary,
        project=project,
        amount=Decimal(trial.amount),
        purpose=trial.purpose,
        body=body,
        decided_on=day,
        agenda_item=item,
    )
    phases.change_phase(
        project,
        actor=None,
        expected_version=project.version,
        to_phase=Phase.EXECUTION,
        decided_on=day + datetime.timedelta(days=14),
        approver=ctx.persons[trial.owner],
        note="IOD sætter forsøget i gang.",
    )


def _revise(plan: ActionPlan, units: dict[str, OrgUnit], secretary: User) -> None:
    revision = plans.create_revision(plan, actor=secretary, change_note=data.CHANGE_NOTE)
    _add(revision, data.REVISION_ITEM, units, secretary)
    for name, hours in data.REVISION_CAPACITY.items():
        plans.set_capacity(revision, actor=secretary, org_unit=units[name], hours=hours)
    lineage = revision.items.get(title=data.MOVED_UP).lineage
    for _ in range(2):
        item = ActionPlanItem.objects.select_related("plan_version__plan").get(
            plan_version=revision, lineage=lineage
        )
        items.move_item(
            item,
            actor=secretary,
            expected_version=item.plan_version.version,
            direction="up",
        )
