"""Does the plan cover the demand? The reads behind the coverage page.

The programme group must make sure the action plan covers the demand: every open proposal
and every triaged idea is either in the plan or listed as not covered, with the reason.

Definitions (the page says the same in one sentence):

- **Demand** is the municipality's projects in the phase *idea* or *proposal*, plus its
  ideas triaged as *consider later* (not rejected and without a project). An idea
  *continued as a proposal* has a project and is represented by that project. Ideas
  awaiting triage are not demand yet; they are only counted.
- **Covered**: a demand project that is an item of the version. Ideas cannot be items, so
  an idea is either not covered (with a reason) or undecided.
- **Not covered**: a ``DemandExclusion`` of the version, naming a project or an idea and
  why it is not in the plan.
- **Needs a decision** (undecided): demand that is neither covered nor not covered.
- For information: running projects that are not in the plan, since the programme group
  keeps them resourced too.

The demand is always as of today; the items and exclusions are the version's. Every read
runs inside the municipality's scope, and the page costs a fixed number of queries
whatever the number of projects and ideas.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from styrbord.plans.models import ActionPlanItem, DemandExclusion, PlanVersion
from styrbord.portfolio.models import RUNNING_PHASES, Idea, IdeaStatus, Phase, Project

DEMAND_PHASES = (Phase.IDEA, Phase.PROPOSAL)


def demand_projects() -> QuerySet[Project]:
    """The municipality's projects that ask to be planned (phase idea or proposal)."""
    return (
        Project.objects.filter(phase__in=DEMAND_PHASES)
        .select_related("org_unit", "idea")
        .order_by("name", "pk")
    )


def demand_ideas() -> QuerySet[Idea]:
    """Ideas triaged as "consider later": demand that has no project (yet)."""
    return (
        Idea.objects.filter(status=IdeaStatus.LATER, project__isnull=True)
        .select_related("org_unit")
        .order_by("title", "pk")
    )


def awaiting_triage_count() -> int:
    return Idea.objects.filter(status=IdeaStatus.SUBMITTED).count()


def exclusions_of(version: PlanVersion) -> QuerySet[DemandExclusion]:
    return DemandExclusion.objects.filter(plan_version=version).select_related(
        "project__org_unit", "project__idea", "idea__org_unit"
    )


@dataclass(frozen=True)
class Demand:
    """One proposal or idea (exactly one of ``project`` and ``idea``) and what the version
    says about it: its item, its exclusion, or nothing yet."""

    project: Project | None = None
    idea: Idea | None = None
    item: ActionPlanItem | None = None
    exclusion: DemandExclusion | None = None
    # False for an exclusion whose project or idea has moved on (approved, rejected …)
    # since it was recorded: it is still listed, but is no longer demand.
    is_open: bool = True

    @property
    def title(self) -> str:
        return self.project.name if self.project is not None else self.idea.title

    @property
    def kind(self) -> str:
        """The project's phase or the idea's status, as the portfolio shows it."""
        if self.project is not None:
            return self.project.get_phase_display()
        return self.idea.get_status_display()

    @property
    def org_unit(self):
        target = self.project if self.project is not None else self.idea
        return target.org_unit


@dataclass(frozen=True)
class Coverage:
    needs_decision: list[Demand]
    not_covered: list[Demand]
    in_plan: list[Demand]
    awaiting_triage: int
    running_outside: list[Project]

    @property
    def undecided_count(self) -> int:
        return len(self.needs_decision)

    @property
    def not_covered_count(self) -> int:
        return sum(1 for row in self.not_covered if row.is_open)

    @property
    def covered_count(self) -> int:
        return len(self.in_plan)

    @property
    def demand_count(self) -> int:
        return self.undecided_count + self.not_covered_count + self.covered_count

    @property
    def is_covered(self) -> bool:
        """Yes when every proposal and idea is in the plan or has a reason."""
        return not self.needs_decision


def coverage(version: PlanVersion) -> Coverage:
    """The version's answer to "does the plan cover the demand?", as of today."""
    project_items = ActionPlanItem.objects.filter(plan_version=version, project__isnull=False)
    items = {item.project_id: item for item in project_items.select_related("project")}
    exclusions = list(exclusions_of(version))
    by_project = {e.project_id: e for e in exclusions if e.project_id is not None}
    by_idea = {e.idea_id: e for e in exclusions if e.idea_id is not None}

    needs_decision, in_plan = [], []
    open_projects, open_ideas = set(), set()
    for project in demand_projects():
        open_projects.add(project.pk)
        if project.pk in items:
            in_plan.append(Demand(project=project, item=items[project.pk]))
        elif project.pk not in by_project:
            needs_decision.append(Demand(project=project))
    for idea in demand_ideas():
        open_ideas.add(idea.pk)
        if idea.pk not in by_idea:
            needs_decision.append(Demand(idea=idea))
    needs_decision.sort(key=lambda row: row.title.casefold())
    in_plan.sort(key=lambda row: (row.item.rank, row.item.pk))

    not_covered = [
        Demand(
            project=exclusion.project,
            idea=exclusion.idea,
            exclusion=exclusion,
            is_open=(
                exclusion.project_id in open_projects
                if exclusion.project_id is not None
                else exclusion.idea_id in open_ideas
            ),
        )
        # A project in the plan is covered whatever an old exclusion says.
        for exclusion in exclusions
        if exclusion.project_id is None or exclusion.project_id not in items
    ]
    not_covered.sort(key=lambda row: (not row.is_open, row.title.casefold()))

    running_outside = list(
        Project.objects.filter(phase__in=RUNNING_PHASES)
        .exclude(pk__in=project_items.values("project_id"))
        .select_related("org_unit")
        .order_by("name", "pk")
    )
    return Coverage(
        needs_decision=needs_decision,
        not_covered=not_covered,
        in_plan=in_plan,
        awaiting_triage=awaiting_triage_count(),
        running_outside=running_outside,
    )
