"""Who may do what with bodies, meetings and agenda items.

On top of the municipality roles (``styrbord.core.policy``): writes need the editor role;
the secretary steps of a meeting (prepare, submit, send, record the meeting, write the
minutes) need the body's current secretary; the approvals need its chair or deputy chair.
Closed agenda items are seen only by the body's current members.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from styrbord.core import policy as core_policy
from styrbord.core.models import Municipality, User
from styrbord.governance.models import ActionItem, Body, BodyMembership, MemberRole

SECRETARY_ROLES = {MemberRole.SECRETARY}
CHAIR_ROLES = {MemberRole.CHAIR, MemberRole.DEPUTY_CHAIR}


def body_roles(user: User | AnonymousUser, body: Body) -> set[str]:
    """The user's current roles in ``body`` through the persons linked to their login.

    All of a user's current seats are read in one query and kept on the user object for
    the request, so a page that asks for many bodies costs one query.
    """
    if not user.is_authenticated:
        return set()
    cache = getattr(user, "_styrbord_body_roles", None)
    if cache is None:
        today = timezone.localdate()
        cache = {}
        with scopes_disabled():
            rows = (
                BodyMembership.objects.filter(person__user=user, starts_on__lte=today)
                .exclude(ends_on__lt=today)
                .values_list("body_id", "role")
            )
        for body_id, role in rows:
            cache.setdefault(body_id, set()).add(role)
        user._styrbord_body_roles = cache
    return cache.get(body.pk, set())


def forget_body_roles(user: User | AnonymousUser) -> None:
    """Drop the cached seats after a membership change in the same request."""
    if hasattr(user, "_styrbord_body_roles"):
        del user._styrbord_body_roles


def can_view(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_view(user, municipality)


def can_edit(user: User | AnonymousUser, municipality: Municipality) -> bool:
    return core_policy.can_edit(user, municipality)


def is_member(user: User | AnonymousUser, body: Body) -> bool:
    return bool(body_roles(user, body))


def can_see_closed_items(user: User | AnonymousUser, body: Body) -> bool:
    return is_member(user, body)


def is_secretary(user: User | AnonymousUser, body: Body) -> bool:
    return can_edit(user, body.municipality) and bool(body_roles(user, body) & SECRETARY_ROLES)


def is_chair(user: User | AnonymousUser, body: Body) -> bool:
    return can_edit(user, body.municipality) and bool(body_roles(user, body) & CHAIR_ROLES)


def require_secretary(user: User | AnonymousUser, body: Body) -> None:
    if not is_secretary(user, body):
        raise PermissionDenied(
            _("Only the secretary of %(body)s can do this.") % {"body": body.name}
        )


def require_chair(user: User | AnonymousUser, body: Body) -> None:
    if not is_chair(user, body):
        raise PermissionDenied(
            _("Only the chair or deputy chair of %(body)s can do this.") % {"body": body.name}
        )


def can_update_action_item(user: User | AnonymousUser, action: ActionItem) -> bool:
    """Editors keep action items; an owner may report progress on their own."""
    if can_edit(user, action.municipality):
        return True
    return (
        user.is_authenticated
        and core_policy.can_view(user, action.municipality)
        and action.owner.user_id == user.pk
    )
