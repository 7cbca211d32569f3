"""Who may do what with benefits.

Every member reads. Editors keep benefits, business cases and benefit maps. A benefit's
owner and the project's leader record measurements on it even as readers: following up
is their job, as reporting status is the project leader's.
"""

from django.contrib.auth.models import AnonymousUser

from styrbord.benefits.models import Benefit
from styrbord.core import policy as core_policy
from styrbord.core.models import Municipality, User


def can_view(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_view(user, municipality)


def can_edit(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_edit(user, municipality)


def can_record(user: User | AnonymousUser, benefit: Benefit) -> bool:
    """May record measurements on ``benefit``."""
    if can_edit(user, benefit.municipality):
        return True
    if not can_view(user, benefit.municipality):
        return False
    people = [benefit.owner, benefit.project.leader]
    return any(person is not None and person.user_id == user.pk for person in people)
