"""Ideas: submitted by any employee, triaged by the innovation or programme group."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only, same_municipality
from styrbord.governance.models import Body
from styrbord.portfolio import policy
from styrbord.portfolio.models import Idea, IdeaStatus, Origin, Phase
from styrbord.portfolio.services._common import require
from styrbord.portfolio.services.projects import create_project

IDEA_FIELDS = {"title", "problem", "idea", "expected_gain", "org_unit"}


def submit_idea(*, municipality: Municipality, actor: User, **data: Any) -> Idea:
    require(policy.can_submit_idea(actor, municipality))
    only(data, IDEA_FIELDS)
    same_municipality(municipality, org_unit=data.get("org_unit"))
    return changes.create(Idea(municipality=municipality, submitted_by=actor, **data), actor=actor)


def update_idea(idea: Idea, /, *, actor: User, expected_version: int, **data: Any) -> Idea:
    require(policy.can_edit_idea(actor, idea))
    only(data, IDEA_FIELDS)
    same_municipality(idea.municipality, org_unit=data.get("org_unit"))
    return changes.update(idea, actor=actor, expected_version=expected_version, changes=data)


@transaction.atomic
def triage_idea(
    idea: Idea,
    *,
    actor: User,
    expected_version: int,
    body: Body,
    status: str,
    recommendation: str = "",
    reason: str = "",
    origin: str = Origin.LOCAL,
) -> Idea:
    """Record the body's recommendation and decision. An idea that continues becomes a
    project in the proposal phase; the project links back to the idea and its history."""
    same_municipality(idea.municipality, triaged_by=body)
    require(
        policy.can_triage(actor, body),
        _("Only members of the innovation group or the programme group triage ideas."),
    )
    errors = {}
    if status not in (IdeaStatus.CONTINUED, IdeaStatus.LATER, IdeaStatus.REJECTED):
        errors["status"] = _("Choose a decision.")
    if not reason.strip():
        errors["reason"] = _("Give the reason for the decision.")
    if idea.project_id is not None:
        errors["status"] = _("The idea has already become a project.")
    if errors:
        raise ValidationError(errors)
    project = None
    if status == IdeaStatus.CONTINUED:
        project = create_project(
            municipality=idea.municipality,
            actor=actor,
            phase=Phase.PROPOSAL,
            name=idea.title,
            short_description=idea.idea,
            origin=origin,
            org_unit=idea.org_unit,
            background=_("**Problem**\n\n%(problem)s\n\n**Expected gain**\n\n%(gain)s")
            % {"problem": idea.problem, "gain": idea.expected_gain or "—"},
        )
    return changes.update(
        idea,
        actor=actor,
        expected_version=expected_version,
        changes={
            "status": status,
            "triaged_by": body,
            "recommendation": recommendation,
            "reason": reason,
            "decided_on": timezone.localdate(),
            "project": project,
        },
    )
