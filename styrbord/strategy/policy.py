"""Who may do what with strategies, focus areas, principles and addenda.

Every member of a municipality reads its own strategies and the shared catalogue's.
Editors keep their municipality's own strategies; the catalogue's rows are read-only
from every municipality, since the same rows are shared by all of them.
"""

from django.contrib.auth.models import AnonymousUser

from styrbord.core import policy as core_policy
from styrbord.core.models import Municipality, User
from styrbord.strategy.models import FocusArea, Principle, Strategy, StrategyAddendum


def can_view(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_view(user, municipality)


def can_edit(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_edit(user, municipality)


def can_edit_row(
    user: User | AnonymousUser, row: Strategy | StrategyAddendum | FocusArea | Principle
) -> bool:
    """An editor changes their own municipality's rows, never the catalogue's."""
    return not row.municipality.is_catalogue and can_edit(user, row.municipality)
