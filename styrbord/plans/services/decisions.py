"""Submitting a plan version to the steering group and acting on its decision.

"Submit" puts a decision item on the approving body's next open agenda, with the plan as
a summary in the case presentation and as a PDF attachment. When the body's decision on
that item is recorded (``governance.hooks``):

- approved (with or without changes) freezes the version: its items keep a snapshot of
  the projects they name, and the budget as it stood;
- rejected closes the version as rejected; a revision starts from it;
- postponed follows the item to the next meeting and the version stays submitted;
- noted, or postponed with no meeting to go to, sends the version back to draft.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.governance.models import AgendaItem, ItemKind, Outcome
from styrbord.governance.services.items import attach_document, propose_item
from styrbord.governance.services.meetings import next_open_meeting
from styrbord.plans import policy
from styrbord.plans.models import BudgetPool, PlanVersion, VersionState
from styrbord.plans.services._common import require
from styrbord.plans.services.budget import kr

APPROVING_OUTCOMES = (Outcome.APPROVED, Outcome.APPROVED_WITH_CHANGES)


def summary(version: PlanVersion) -> str:
    """The plan as a case presentation (Markdown): what it is, then the ranked items."""
    plan = version.plan
    parts = []
    if version.introduction.strip():
        parts.append(version.introduction.strip())
    if version.is_revision and version.change_note.strip():
        parts.append(f"**{_('What this revision changes')}**\n\n{version.change_note.strip()}")
    items = list(version.items.select_related("project").order_by("rank", "id"))
    lines = []
    for item in items:
        line = f"{item.rank}. {item.shown_title}"
        if item.allocated_amount:
            line += f" ({kr(item.allocated_amount)})"
        lines.append(line)
    if lines:
        parts.append(f"**{_('The ranked plan')}**\n\n" + "\n".join(lines))
    total = sum((item.allocated_amount for item in items), start=0)
    pool = BudgetPool.objects.filter(municipality=plan.municipality, year=plan.year).first()
    if pool is not None:
        parts.append(
            _("The items are allocated %(total)s of the digitalisation budget of %(pool)s")
            % {"total": kr(total), "pool": kr(pool.amount)}
        )
    return "\n\n".join(parts)


@transaction.atomic
def submit(
    version: PlanVersion,
    *,
    actor: User,
    expected_version: int,
    document: bytes | None = None,
    document_name: str = "",
) -> AgendaItem:
    """Put the version on the approving body's next agenda for a decision. ``document`` is
    the plan as a PDF, made by the caller (it needs a request for its stylesheet)."""
    require(policy.can_edit(actor, version.municipality))
    if version.state != VersionState.DRAFT:
        raise ValidationError(
            _("Only a draft can be submitted; version %(number)s is %(state)s.")
            % {"number": version.number, "state": version.get_state_display().lower()}
        )
    plan = version.plan
    body = plan.approving_body
    if body is None:
        raise ValidationError(
            {"approving_body": _("Choose the body that approves the plan before submitting.")}
        )
    if not version.items.exists():
        raise ValidationError(_("The plan has no items yet."))
    meeting = next_open_meeting(body)
    if meeting is None:
        raise ValidationError(
            {
                "approving_body": _(
                    "%(body)s has no coming meeting with an open agenda. Plan one first."
                )
                % {"body": body}
            }
        )
    if version.is_revision:
        title = _("Approval of %(plan)s, revision %(number)s") % {
            "plan": plan.title,
            "number": version.number,
        }
    else:
        title = _("Approval of %(plan)s") % {"plan": plan.title}
    item = propose_item(
        meeting=meeting,
        actor=actor,
        kind=ItemKind.DECISION,
        title=title[:300],
        background=summary(version),
        recommendation=_("It is recommended that the steering group approves the plan."),
    )
    if document:
        attach_document(
            item=item,
            actor=actor,
            name=document_name or "indsatsplan.pdf",
            content=document,
            content_type="application/pdf",
        )
    changes.update(
        version,
        actor=actor,
        expected_version=expected_version,
        changes={
            "state": VersionState.SUBMITTED,
            "agenda_item": item,
            "submitted_at": timezone.now(),
        },
    )
    return item


def freeze(version: PlanVersion, *, actor: User | None) -> dict:
    """Snapshot what the approved version shows of things that keep changing: each
    project's name, phase, leader and org unit, and the year's budget."""
    for item in version.items.select_related("project__leader", "project__org_unit"):
        project = item.project
        frozen = {"title": item.shown_title}
        if project is not None:
            frozen.update(
                phase=project.phase,
                phase_label=str(project.get_phase_display()),
                leader=str(project.leader) if project.leader else "",
                org_unit=str(project.org_unit) if project.org_unit else "",
            )
        changes.update(item, actor=actor, expected_version=item.version, changes={"frozen": frozen})
    plan = version.plan
    pool = BudgetPool.objects.filter(municipality=plan.municipality, year=plan.year).first()
    return {"pool_amount": str(pool.amount) if pool else None}


def on_decision(item: AgendaItem, *, actor: User, carried_to: AgendaItem | None) -> None:
    """Act on the steering group's decision on a submitted plan version."""
    version = PlanVersion.objects.filter(agenda_item=item).select_related("plan").first()
    if version is None:
        return
    outcome = item.outcome
    if version.state != VersionState.SUBMITTED:
        decided_state = {
            VersionState.APPROVED: APPROVING_OUTCOMES,
            VersionState.REJECTED: (Outcome.REJECTED,),
        }.get(version.state, ())
        if outcome in decided_state:
            return  # the decision's text was edited; the outcome stands
        raise ValidationError(
            {
                "outcome": _(
                    "This decision has already made version %(number)s of the plan %(state)s. "
                    "Make a revision to change the plan."
                )
                % {"number": version.number, "state": version.get_state_display().lower()}
            }
        )
    decided_on = timezone.localtime(item.meeting.starts_at).date()
    if outcome in APPROVING_OUTCOMES:
        data = {
            "state": VersionState.APPROVED,
            "decided_on": decided_on,
            "decision": item.decision,
            "frozen": freeze(version, actor=actor),
        }
    elif outcome == Outcome.REJECTED:
        data = {"state": VersionState.REJECTED, "decided_on": decided_on, "decision": item.decision}
    elif outcome == Outcome.POSTPONED and carried_to is not None:
        data = {"agenda_item": carried_to}
    else:
        data = {"state": VersionState.DRAFT, "decision": item.decision}
    changes.update(version, actor=actor, expected_version=version.version, changes=data)
