"""Who may do what with the action plan and the digitalisation budget.

Everyone in the municipality reads the plan. Editors draft it (the Leader of
Digitalisation and the programme group's secretary are editors); the decision itself is
the steering group's, recorded on its agenda item.
"""

from django.contrib.auth.models import AnonymousUser

from styrbord.core import policy as core_policy
from styrbord.core.models import Municipality, User


def can_view(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_view(user, municipality)


def can_edit(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_edit(user, municipality)
