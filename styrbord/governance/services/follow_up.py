"""Action items, annual-wheel items and calendar feeds."""

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import Person, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only, same_municipality
from styrbord.governance import policy
from styrbord.governance.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    Body,
    CalendarFeed,
    CycleItem,
    hash_feed_token,
)

ACTION_FIELDS = {"text", "owner", "due_on"}
CYCLE_FIELDS = {"title", "description", "kind", "quarters", "month", "is_event", "position"}


def create_action_item(*, item: AgendaItem, actor: User, owner: Person, **data: Any) -> ActionItem:
    policy.require_secretary(actor, item.meeting.body)
    if item.meeting.is_locked:
        raise ValidationError(
            _("The minutes are approved; add the action item at a later meeting.")
        )
    same_municipality(item.municipality, owner=owner)
    return changes.create(
        ActionItem(
            municipality=item.municipality, item=item, owner=owner, **only(data, ACTION_FIELDS)
        ),
        actor=actor,
    )


def update_action_item(
    action: ActionItem, *, actor: User, expected_version: int, **data: Any
) -> ActionItem:
    """Edit an action item's text, owner, due date or status.

    Its owner may change the status of their own item; the rest needs the editor role.
    """
    only(data, ACTION_FIELDS | {"status"})
    if not policy.can_update_action_item(actor, action):
        raise PermissionDenied
    if set(data) - {"status"} and not policy.can_edit(actor, action.municipality):
        raise PermissionDenied
    if "owner" in data:
        same_municipality(action.municipality, owner=data["owner"])
    status = data.get("status", action.status)
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if status in OPEN_ACTION_STATUSES:
        data["completed_on"] = None
    elif action.status in OPEN_ACTION_STATUSES:
        data["completed_on"] = timezone.localdate()
    return changes.update(action, actor=actor, expected_version=expected_version, changes=data)


def create_cycle_item(*, body: Body, actor: User | None, **data: Any) -> CycleItem:
    return changes.create(
        CycleItem(municipality=body.municipality, body=body, **only(data, CYCLE_FIELDS)),
        actor=actor,
    )


def update_cycle_item(
    cycle_item: CycleItem, *, actor: User | None, expected_version: int, **data: Any
) -> CycleItem:
    return changes.update(
        cycle_item,
        actor=actor,
        expected_version=expected_version,
        changes=only(data, CYCLE_FIELDS),
    )


def delete_cycle_item(cycle_item: CycleItem, *, actor: User | None) -> None:
    changes.delete(cycle_item, actor=actor)


def create_feed(
    *, owner: User, body: Body | None = None, person: Person | None = None
) -> tuple[CalendarFeed, str]:
    """Make a calendar link; returns the feed and its secret token, which is not stored."""
    if (body is None) == (person is None):
        raise ValueError("A feed is for one body or one person.")
    municipality = (body or person).municipality
    token = secrets.token_urlsafe(32)
    feed = changes.create(
        CalendarFeed(
            municipality=municipality,
            owner=owner,
            body=body,
            person=person,
            token_hash=hash_feed_token(token),
        ),
        actor=owner,
    )
    return feed, token


def revoke_feed(feed: CalendarFeed, *, actor: User) -> CalendarFeed:
    if feed.owner_id != actor.pk and not policy.core_policy.can_administer(
        actor, feed.municipality
    ):
        raise PermissionDenied
    return changes.update(
        feed, actor=actor, expected_version=feed.version, changes={"revoked_at": timezone.now()}
    )
