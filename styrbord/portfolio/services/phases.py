"""Moving a project through its phases: every gate needs a recorded decision.

A decision is either a body's decision on an agenda item (required for the steering
group's gates on projects that are not local) or a named approver and a date. A project
"sent to the steering group" gets a decision item on that body's next agenda; recording
the decision there moves the project (see ``on_decision``).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import Person, User
from styrbord.core.services import changes
from styrbord.governance.models import AgendaItem, Body, ItemKind, Outcome
from styrbord.governance.services.items import propose_item
from styrbord.governance.services.meetings import next_open_meeting
from styrbord.portfolio import gates, policy
from styrbord.portfolio.models import (
    STEERING_GATES,
    TRANSITIONS,
    GateRequest,
    Origin,
    Phase,
    PhaseChange,
    Project,
)
from styrbord.portfolio.services._common import require
from styrbord.portfolio.services.projects import refresh_reporting

# What a recorded outcome does to the phase the request asked for.
APPROVING_OUTCOMES = (Outcome.APPROVED, Outcome.APPROVED_WITH_CHANGES)


def charter_snapshot(project: Project) -> dict:
    """The start document as it reads now, to keep as the approved baseline."""
    return {
        "fields": {name: getattr(project, name) for name in sorted(CHARTER_TEXT_FIELDS)},
        "deliverables": [
            {"title": d.title, "due_on": d.due_on.isoformat() if d.due_on else None}
            for d in project.deliverables.order_by("due_on", "title")
        ],
        "success_criteria": [
            {"description": c.description, "measure": c.measure, "target": c.target}
            for c in project.success_criteria.order_by("id")
        ],
        "milestones": [
            {"title": m.title, "due_on": m.due_on.isoformat()}
            for m in project.milestones.order_by("due_on", "title")
        ],
        "risks": [
            {"title": r.title, "probability": r.probability, "consequence": r.consequence}
            for r in project.risks.order_by("title")
        ],
        "dates": {
            "start_date": project.start_date.isoformat() if project.start_date else None,
            "end_date": project.end_date.isoformat() if project.end_date else None,
        },
        "budget": {
            "budget_one_off": str(project.budget_one_off)
            if project.budget_one_off is not None
            else None,
            "budget_running": str(project.budget_running)
            if project.budget_running is not None
            else None,
        },
    }


CHARTER_TEXT_FIELDS = (
    "purpose",
    "background",
    "scope",
    "out_of_scope",
    "stakeholders",
    "dependencies",
)


def _check_decision(
    project: Project,
    to_phase: str,
    agenda_item: AgendaItem | None,
    approver: Person | None,
    decided_on: datetime.date | None,
) -> None:
    errors: dict[str, str] = {}
    if agenda_item is not None:
        if agenda_item.municipality_id != project.municipality_id:
            errors["agenda_item"] = _("Choose one from this municipality.")
        elif not agenda_item.outcome:
            errors["agenda_item"] = _("The agenda item has no recorded decision yet.")
    elif to_phase in STEERING_GATES and project.origin != Origin.LOCAL:
        errors["agenda_item"] = _(
            "Only a body's recorded decision moves this project to %(phase)s. Send it to the "
            "steering group, or choose the agenda item where it was decided."
        ) % {"phase": Phase(to_phase).label.lower()}
    else:
        if approver is None:
            errors["approver"] = _(
                "Name who approved the change, or choose the agenda item where it was decided."
            )
        elif approver.municipality_id != project.municipality_id:
            errors["approver"] = _("Choose one from this municipality.")
        if decided_on is None:
            errors["decided_on"] = _("Give the date of the decision.")
    if decided_on is not None and decided_on > timezone.localdate():
        errors["decided_on"] = _("A decision cannot be dated in the future.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def change_phase(
    project: Project,
    *,
    actor: User | None,
    expected_version: int,
    to_phase: str,
    decided_on: datetime.date | None = None,
    agenda_item: AgendaItem | None = None,
    approver: Person | None = None,
    note: str = "",
    check_permission: bool = True,
) -> PhaseChange:
    """Move ``project`` to ``to_phase`` on a recorded decision."""
    if check_permission and actor is not None:
        require(policy.can_edit(actor, project.municipality))
    if to_phase not in TRANSITIONS.get(project.phase, ()):
        allowed = ", ".join(str(Phase(p).label).lower() for p in TRANSITIONS.get(project.phase, ()))
        raise ValidationError(
            {
                "to_phase": _("A project in %(phase)s can move to: %(allowed)s.")
                % {"phase": project.get_phase_display().lower(), "allowed": allowed or "—"}
            }
        )
    if agenda_item is not None and decided_on is None:
        decided_on = timezone.localtime(agenda_item.meeting.starts_at).date()
    _check_decision(project, to_phase, agenda_item, approver, decided_on)
    if to_phase == Phase.CLOSED:
        _check_closing(project)
    gates.check(project, to_phase)
    data = {"phase": to_phase}
    if to_phase == Phase.APPROVED and project.charter_baseline is None:
        data["charter_baseline"] = charter_snapshot(project)
        data["charter_approved_at"] = timezone.now()
    if to_phase == Phase.CLOSED:
        data["closed_on"] = decided_on
    from_phase = project.phase
    changes.update(project, actor=actor, expected_version=expected_version, changes=data)
    change = changes.create(
        PhaseChange(
            municipality=project.municipality,
            project=project,
            from_phase=from_phase,
            to_phase=to_phase,
            decided_on=decided_on,
            agenda_item=agenda_item,
            approver=approver,
            note=note,
        ),
        actor=actor,
    )
    refresh_reporting(project)
    gates.passed(project, to_phase, actor)
    return change


def _check_closing(project: Project) -> None:
    if not project.delivered_vs_planned.strip():
        raise ValidationError(
            {
                "to_phase": _(
                    "Write the final report (delivered compared with planned) before closing."
                )
            }
        )
    if project.success_criteria.filter(met__isnull=True).exists():
        raise ValidationError(
            {"to_phase": _("Say for every success criterion whether it was met before closing.")}
        )


def background_from_charter(project: Project) -> str:
    """A sagsfremstilling drawn from the start document, in Markdown."""
    parts = []
    for label, text in (
        (_("Purpose"), project.purpose),
        (_("Background"), project.background),
        (_("Scope"), project.scope),
        (_("Out of scope"), project.out_of_scope),
    ):
        if text.strip():
            parts.append(f"**{label}**\n\n{text.strip()}")
    deliverables = list(project.deliverables.order_by("due_on", "title"))
    if deliverables:
        lines = "\n".join(
            f"- {d.title}" + (f" ({d.due_on:%d.%m.%Y})" if d.due_on else "") for d in deliverables
        )
        parts.append(f"**{_('Deliverables')}**\n\n{lines}")
    criteria = list(project.success_criteria.order_by("id"))
    if criteria:
        lines = "\n".join(f"- {c.description}: {c.target}" for c in criteria)
        parts.append(f"**{_('Success criteria')}**\n\n{lines}")
    budget = []
    if project.budget_one_off is not None:
        budget.append(
            _("One-off: %(amount)s kr.")
            % {"amount": f"{project.budget_one_off:,.0f}".replace(",", ".")}
        )
    if project.budget_running is not None:
        budget.append(
            _("Running: %(amount)s kr. a year")
            % {"amount": f"{project.budget_running:,.0f}".replace(",", ".")}
        )
    if budget:
        parts.append(f"**{_('Budget')}**\n\n" + "\n".join(f"- {b}" for b in budget))
    risks = list(project.risks.filter(is_closed=False).order_by("-probability", "-consequence")[:5])
    if risks:
        lines = "\n".join(
            f"- {r.title} ({_('probability')} {r.probability}, {_('consequence')} {r.consequence})"
            for r in risks
        )
        parts.append(f"**{_('Main risks')}**\n\n{lines}")
    return "\n\n".join(parts)


@transaction.atomic
def send_for_decision(
    project: Project, *, actor: User, body: Body, to_phase: str = Phase.APPROVED
) -> GateRequest:
    """Put a decision item for the project on ``body``'s next open agenda."""
    require(policy.can_edit(actor, project.municipality))
    if body.municipality_id != project.municipality_id:
        raise ValidationError({"body": _("Choose one from this municipality.")})
    if to_phase not in TRANSITIONS.get(project.phase, ()):
        raise ValidationError(
            {
                "to_phase": _("A project in %(phase)s cannot move to %(to)s.")
                % {
                    "phase": project.get_phase_display().lower(),
                    "to": Phase(to_phase).label.lower(),
                }
            }
        )
    if to_phase == Phase.CLOSED:
        _check_closing(project)
    gates.check(project, to_phase)
    if GateRequest.objects.filter(project=project, outcome="").exists():
        raise ValidationError(_("The project is already waiting for a decision."))
    meeting = next_open_meeting(body)
    if meeting is None:
        raise ValidationError(
            {
                "body": _("%(body)s has no coming meeting with an open agenda. Plan one first.")
                % {"body": body}
            }
        )
    if to_phase == Phase.APPROVED:
        title = _("Project proposal: %(name)s") % {"name": project.name}
        recommendation = _("It is recommended that the project is approved.")
    elif to_phase == Phase.CLOSED:
        title = _("Closing the project: %(name)s") % {"name": project.name}
        recommendation = _("It is recommended that the project is closed and handed over.")
    else:
        title = _("%(name)s: %(phase)s") % {"name": project.name, "phase": Phase(to_phase).label}
        recommendation = _("It is recommended that the project moves to %(phase)s.") % {
            "phase": Phase(to_phase).label.lower()
        }
    background = (
        closing_background(project)
        if to_phase == Phase.CLOSED
        else background_from_charter(project)
    )
    item = propose_item(
        meeting=meeting,
        actor=actor,
        kind=ItemKind.DECISION,
        title=title[:300],
        background=background,
        recommendation=recommendation,
        responsible=project.leader,
    )
    return changes.create(
        GateRequest(
            municipality=project.municipality, project=project, agenda_item=item, to_phase=to_phase
        ),
        actor=actor,
    )


def closing_background(project: Project) -> str:
    parts = []
    if project.delivered_vs_planned.strip():
        parts.append(
            f"**{_('Delivered compared with planned')}**\n\n{project.delivered_vs_planned.strip()}"
        )
    criteria = list(project.success_criteria.order_by("id"))
    if criteria:
        met = {True: _("met"), False: _("not met"), None: _("not assessed")}
        lines = "\n".join(f"- {c.description}: {met[c.met]}" for c in criteria)
        parts.append(f"**{_('Success criteria')}**\n\n{lines}")
    for label, text in (
        (_("Handover to operations"), project.handover_operations),
        (_("Handover to benefits follow-up"), project.handover_benefits),
    ):
        if text.strip():
            parts.append(f"**{label}**\n\n{text.strip()}")
    lessons = list(project.lessons.all())
    if lessons:
        parts.append(
            f"**{_('Lessons learned')}**\n\n" + "\n".join(f"- {lesson.title}" for lesson in lessons)
        )
    return "\n\n".join(parts)


def on_decision(item: AgendaItem, *, actor: User, carried_to: AgendaItem | None) -> None:
    """Move a project through its gate when the decision on its agenda item is recorded."""
    request = GateRequest.objects.filter(agenda_item=item).select_related("project").first()
    if request is None:
        return
    project = request.project
    outcome = item.outcome
    if outcome in APPROVING_OUTCOMES:
        target = request.to_phase
    elif outcome == Outcome.REJECTED:
        target = Phase.REJECTED
    else:
        target = None
    moved_by_this_item = project.phase_changes.filter(agenda_item=item).exists()
    if moved_by_this_item:
        if target == project.phase:
            return  # the decision's text was edited; the gate stands
        raise ValidationError(
            {
                "outcome": _(
                    "This decision has already moved %(project)s to %(phase)s. Change the "
                    "project's phase on its own page with a new decision."
                )
                % {"project": project, "phase": project.get_phase_display().lower()}
            }
        )
    changes.update(
        request, actor=actor, expected_version=request.version, changes={"outcome": outcome}
    )
    if outcome == Outcome.POSTPONED and carried_to is not None:
        changes.create(
            GateRequest(
                municipality=project.municipality,
                project=project,
                agenda_item=carried_to,
                to_phase=request.to_phase,
            ),
            actor=actor,
        )
    if target is not None:
        change_phase(
            project,
            actor=actor,
            expected_version=project.version,
            to_phase=target,
            agenda_item=item,
            note=item.decision,
            check_permission=False,
        )
