"""Creating and editing projects, their links, architecture alignment and update requests."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import ChangeAction, Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.governance import links
from styrbord.portfolio import policy
from styrbord.portfolio.models import (
    RUNNING_PHASES,
    ArchitectureAlignment,
    Phase,
    PhaseChange,
    Project,
    ProjectLink,
    ReportState,
)
from styrbord.portfolio.services._common import require, set_shared_relation
from styrbord.strategy.models import FocusArea, Principle, PrincipleKind

PROJECT_FIELDS = {
    "name",
    "short_description",
    "origin",
    "issued_by",
    "implements",
    "org_unit",
    "owner",
    "leader",
    "project_group",
    "start_date",
    "end_date",
    "budget_one_off",
    "budget_running",
    "financing",
    "is_lighthouse",
    "priority",
    "core_task_relevance",
    "tags",
    "url",
    "report_every_days",
}
CHARTER_FIELDS = {"purpose", "background", "scope", "out_of_scope", "stakeholders", "dependencies"}
CLOSING_FIELDS = {
    "delivered_vs_planned",
    "handover_operations",
    "handover_benefits",
    "benefits_owner",
}
# Phases a project can be created in; later phases are reached through decisions.
START_PHASES = (Phase.IDEA, Phase.PROPOSAL)


def normalise_tags(tags: str) -> str:
    seen: dict[str, None] = {}
    for tag in tags.split(","):
        tag = " ".join(tag.split())
        if tag and tag.lower() not in {t.lower() for t in seen}:
            seen[tag] = None
    return ", ".join(seen)


@transaction.atomic
def create_project(
    *,
    municipality: Municipality,
    actor: User | None,
    phase: str = Phase.PROPOSAL,
    started_on: datetime.date | None = None,
    focus_areas: Iterable[FocusArea] = (),
    principles: Iterable[Principle] = (),
    **data: Any,
) -> Project:
    """Create a project in the idea or proposal phase; its first phase change records when."""
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    if phase not in START_PHASES:
        raise ValidationError(
            {
                "phase": _(
                    "A new project starts as an idea or a proposal; later phases need a decision."
                )
            }
        )
    only(data, PROJECT_FIELDS | CHARTER_FIELDS)
    if "tags" in data:
        data["tags"] = normalise_tags(data["tags"])
    project = changes.create(Project(municipality=municipality, phase=phase, **data), actor=actor)
    changes.create(
        PhaseChange(
            municipality=municipality,
            project=project,
            from_phase="",
            to_phase=phase,
            decided_on=started_on or timezone.localdate(),
        ),
        actor=actor,
    )
    set_shared_relation(project, "focus_areas", focus_areas, actor=actor)
    set_shared_relation(project, "principles", principles, actor=actor)
    return project


@transaction.atomic
def update_project(
    project: Project,
    *,
    actor: User | None,
    expected_version: int,
    focus_areas: Iterable[FocusArea] | None = None,
    principles: Iterable[Principle] | None = None,
    **data: Any,
) -> Project:
    if actor is not None:
        require(policy.can_edit(actor, project.municipality))
    only(data, PROJECT_FIELDS | CHARTER_FIELDS | CLOSING_FIELDS)
    if "tags" in data:
        data["tags"] = normalise_tags(data["tags"])
    cadence_changed = (
        "report_every_days" in data and data["report_every_days"] != project.report_every_days
    )
    project = changes.update(project, actor=actor, expected_version=expected_version, changes=data)
    if focus_areas is not None:
        set_shared_relation(project, "focus_areas", focus_areas, actor=actor)
    if principles is not None:
        set_shared_relation(project, "principles", principles, actor=actor)
    if cadence_changed:
        refresh_reporting(project)
    return project


def refresh_reporting(project: Project) -> None:
    """Recompute the latest submitted report, the current status and the next due date
    (none unless the project is running).

    They are kept on the project so that the overview can filter and sort on them in the
    database. They are derived, not edited, so they are written without a version bump:
    a user editing the project at the same time is not refused because a report came in.
    """
    latest = (
        project.status_reports.filter(state=ReportState.SUBMITTED)
        .order_by("-period_end", "-submitted_at", "-id")
        .first()
    )
    if latest is not None:
        base = latest.period_end
    else:
        entered = (
            project.phase_changes.filter(to_phase__in=RUNNING_PHASES)
            .order_by("-decided_on", "-id")
            .values_list("decided_on", flat=True)
            .first()
        )
        base = entered or project.start_date
    # Only a running project owes reports; a paused or ended one has no due date.
    running = project.phase in RUNNING_PHASES
    due = base + datetime.timedelta(days=project.report_every_days) if base and running else None
    values = {
        "latest_report": latest,
        "current_status": latest.overall if latest else "",
        "next_report_due": due,
    }
    Project._base_manager.filter(pk=project.pk).update(**values)
    for name, value in values.items():
        setattr(project, name, value)


@transaction.atomic
def request_update(project: Project, *, actor: User) -> Project:
    """Ask the project leader for a new status report; it shows in their "Mine opgaver"."""
    require(policy.can_edit(actor, project.municipality))
    if project.phase not in RUNNING_PHASES:
        raise ValidationError(_("Only a running project reports status."))
    now = timezone.now()
    Project._base_manager.filter(pk=project.pk).update(
        update_requested_at=now, update_requested_by=actor
    )
    changes.record(
        project,
        actor=actor,
        action=ChangeAction.UPDATE,
        before={"update_requested_at": None},
        after={"update_requested_at": now.isoformat()},
    )
    project.update_requested_at = now
    project.update_requested_by = actor
    return project


def set_alignment(
    project: Project, *, actor: User, principle: Principle, follows: bool, explanation: str = ""
) -> ArchitectureAlignment:
    """Record whether the project follows an architecture principle, or why not."""
    require(policy.can_edit(actor, project.municipality))
    if principle.kind != PrincipleKind.ARCHITECTURE:
        raise ValidationError({"principle": _("Choose an architecture principle.")})
    if (
        principle.municipality_id != project.municipality_id
        and not principle.municipality.is_catalogue
    ):
        raise ValidationError(
            {"principle": _("Choose one from this municipality or the catalogue.")}
        )
    existing = ArchitectureAlignment.objects.filter(project=project, principle=principle).first()
    if existing is None:
        return changes.create(
            ArchitectureAlignment(
                municipality=project.municipality,
                project=project,
                principle=principle,
                follows=follows,
                explanation=explanation,
            ),
            actor=actor,
        )
    return changes.update(
        existing,
        actor=actor,
        expected_version=existing.version,
        changes={"follows": follows, "explanation": explanation},
    )


def remove_alignment(alignment: ArchitectureAlignment, *, actor: User) -> None:
    require(policy.can_edit(actor, alignment.municipality))
    changes.delete(alignment, actor=actor)


def add_link(*, project: Project, actor: User, target: models.Model) -> ProjectLink:
    require(policy.can_edit(actor, project.municipality))
    if (
        not links.is_linkable(target)
        or getattr(target, "municipality_id", None) != project.municipality_id
    ):
        raise ValidationError({"target": _("Choose an object of this municipality.")})
    if target == project:
        raise ValidationError({"target": _("A project cannot link to itself.")})
    target_type = ContentType.objects.get_for_model(target)
    if ProjectLink.objects.filter(
        project=project, target_type=target_type, target_id=target.pk
    ).exists():
        raise ValidationError({"target": _("The project already links to it.")})
    return changes.create(
        ProjectLink(
            municipality=project.municipality,
            project=project,
            target_type=target_type,
            target_id=target.pk,
        ),
        actor=actor,
    )


def remove_link(link: ProjectLink, *, actor: User) -> None:
    require(policy.can_edit(actor, link.municipality))
    changes.delete(link, actor=actor)
