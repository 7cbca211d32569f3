"""Who may do what in the portfolio, on top of the municipality roles.

Editors keep the portfolio (the Leader of Digitalisation and the programme group's
secretary are editors). Any member submits ideas. A project leader writes their own
project's status reports even with a reader's role.
"""

from django.contrib.auth.models import AnonymousUser

from styrbord.core import policy as core_policy
from styrbord.core.models import Municipality, User
from styrbord.governance.models import Body, BodyKind
from styrbord.governance.policy import body_roles
from styrbord.portfolio.models import Idea, IdeaStatus, Project

# The bodies whose members triage ideas.
TRIAGE_BODY_KINDS = (BodyKind.INNOVATION_GROUP, BodyKind.PROGRAMME_GROUP)


def can_view(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_view(user, municipality)


def can_edit(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_edit(user, municipality)


def can_submit_idea(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_view(user, municipality)


def can_edit_idea(user: User | AnonymousUser, idea: Idea) -> bool:
    """The submitter edits the idea until it is triaged; editors always."""
    if can_edit(user, idea.municipality):
        return True
    return (
        idea.status == IdeaStatus.SUBMITTED
        and user.is_authenticated
        and idea.submitted_by_id == user.pk
    )


def can_triage(user: User | AnonymousUser, body: Body) -> bool:
    """Editors who sit in the innovation group or programme group triage for it; local
    administrators too."""
    if body.kind not in TRIAGE_BODY_KINDS or not can_edit(user, body.municipality):
        return False
    return core_policy.can_administer(user, body.municipality) or bool(body_roles(user, body))


def can_report(user: User | AnonymousUser, project: Project) -> bool:
    if can_edit(user, project.municipality):
        return True
    leader = project.leader
    return (
        leader is not None
        and user.is_authenticated
        and leader.user_id == user.pk
        and core_policy.can_view(user, project.municipality)
    )
