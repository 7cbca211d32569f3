"""Who may do what in the IT-system portfolio.

Every member reads. Editors keep the register. Who holds a role on a usage or a contract
— the system and data owner, the contract owner — may also keep that object even as a
reader: the register is theirs to keep true, as Rebild's roles say. A personal-data breach
may be reported by every member, because the 72 hours run from when it was detected.
Editors import spreadsheets (they keep the register; the import is validated and shown
before it is applied); only local administrators run the KITOS synchronisation.
"""

from django.contrib.auth.models import AnonymousUser

from styrbord.core import policy as core_policy
from styrbord.core.models import Municipality, User
from styrbord.systems.models import Contract, RoleAssignment, SystemUsage
from styrbord.systems.queries_roles import current


def can_view(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_view(user, municipality)


def can_edit(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_edit(user, municipality)


def can_administer(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_administer(user, municipality)


def _holds_role_on(user: User | AnonymousUser, **target: object) -> bool:
    # An ended assignment no longer makes its former holder a keeper of the object.
    held = RoleAssignment.objects.filter(current(), person__user_id=user.pk, **target)
    return held.exists()


def can_keep_usage(user: User | AnonymousUser, usage: SystemUsage) -> bool:
    """May edit ``usage``: an editor, or someone holding a role on it."""
    if can_edit(user, usage.municipality):
        return True
    return can_view(user, usage.municipality) and _holds_role_on(user, usage=usage)


def can_keep_contract(user: User | AnonymousUser, contract: Contract) -> bool:
    """May edit ``contract``: an editor, its owner, or someone holding a role on it."""
    if can_edit(user, contract.municipality):
        return True
    if not can_view(user, contract.municipality):
        return False
    if contract.owner_id and contract.owner.user_id == user.pk:
        return True
    return _holds_role_on(user, contract=contract)


def can_report_incident(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return can_view(user, municipality)
