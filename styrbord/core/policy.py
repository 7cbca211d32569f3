"""Who may do what in a municipality. Views and the API both ask here.

Per municipality a user is reader, editor or local administrator (``Role``); superusers
act as local administrator everywhere. Object-level rules of later modules build on
these functions.
"""

from django.contrib.auth.models import AnonymousUser
from django_scopes import scopes_disabled

from styrbord.core.models import Membership, Municipality, Role, User


def role_in(user: User | AnonymousUser, municipality: Municipality) -> str | None:
    """The user's role in ``municipality``, or None when they have none."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    cache = getattr(user, "_styrbord_roles", None)
    if cache is None:
        with scopes_disabled():
            cache = dict(
                Membership.objects.filter(user=user).values_list("municipality_id", "role")
            )
        user._styrbord_roles = cache
    return cache.get(municipality.pk)


def has_role(user: User | AnonymousUser, municipality: Municipality, minimum: str) -> bool:
    role = role_in(user, municipality)
    return role is not None and Role.rank(role) >= Role.rank(minimum)


def can_view(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return has_role(user, municipality, Role.READER) and not municipality.is_catalogue


def can_edit(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return has_role(user, municipality, Role.EDITOR)


def can_administer(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return has_role(user, municipality, Role.ADMIN)


def can_edit_site_texts(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.is_superuser
