"""Reads for the governance pages and the API, with what each page needs fetched."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from styrbord.core.models import Person, User
from styrbord.governance import policy
from styrbord.governance.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AgendaItem,
    Body,
    BodyMembership,
    CalendarFeed,
    CycleItem,
    Meeting,
    Participant,
)


def bodies() -> QuerySet[Body]:
    return Body.objects.select_related("reports_to")


def bodies_for_list() -> QuerySet[Body]:
    today = timezone.localdate()
    return bodies().annotate(
        member_count=Count(
            "memberships",
            filter=Q(memberships__starts_on__lte=today)
            & (Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=today)),
            distinct=True,
        ),
    )


def memberships() -> QuerySet[BodyMembership]:
    return BodyMembership.objects.select_related("person", "represents", "body")


def current_members(body: Body, on: datetime.date | None = None) -> QuerySet[BodyMembership]:
    on = on or timezone.localdate()
    return (
        memberships()
        .filter(body=body, starts_on__lte=on)
        .exclude(ends_on__lt=on)
        .order_by("role", "person__name")
    )


def past_members(body: Body) -> QuerySet[BodyMembership]:
    return memberships().filter(body=body, ends_on__lt=timezone.localdate()).order_by("-ends_on")


def memberships_of(person: Person) -> QuerySet[BodyMembership]:
    return memberships().filter(person=person).order_by("-starts_on")


def meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("body", "body__reports_to")


def meetings_for_list() -> QuerySet[Meeting]:
    return meetings().annotate(item_count=Count("items"))


def visible_items(meeting: Meeting, user: User | AnonymousUser) -> QuerySet[AgendaItem]:
    """The meeting's agenda items the user may see: closed items only for members."""
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("responsible", "carried_from__meeting__body", "cycle_item")
        .prefetch_related(
            "attachments",
            "links__target",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("owner")),
            Prefetch("carried_to", queryset=AgendaItem.objects.select_related("meeting__body")),
        )
        .order_by("position", "id")
    )
    if not policy.can_see_closed_items(user, meeting.body):
        items = items.filter(is_closed=False)
    return items


def items_visible_to(user: User | AnonymousUser) -> QuerySet[AgendaItem]:
    """All agenda items in scope that the user may see (for lists and the API)."""
    items = AgendaItem.objects.select_related("meeting__body", "responsible")
    member_bodies = _member_body_ids(user)
    return items.filter(Q(is_closed=False) | Q(meeting__body_id__in=member_bodies))


def _member_body_ids(user: User | AnonymousUser) -> list[int]:
    if not user.is_authenticated:
        return []
    policy.body_roles(user, Body(pk=0))  # fills the per-request cache in one query
    return list(getattr(user, "_styrbord_body_roles", {}).keys())


def decisions(user: User | AnonymousUser) -> QuerySet[AgendaItem]:
    """The decision log: items with an outcome, newest meeting first."""
    return items_visible_to(user).exclude(outcome="").order_by("-meeting__starts_at", "position")


def action_items(user: User | AnonymousUser) -> QuerySet[ActionItem]:
    member_bodies = _member_body_ids(user)
    return ActionItem.objects.select_related("owner", "item__meeting__body").filter(
        Q(item__is_closed=False) | Q(item__meeting__body_id__in=member_bodies)
    )


def open_action_items_before(meeting: Meeting, user: User | AnonymousUser) -> QuerySet[ActionItem]:
    """Open action items from the body's earlier meetings, listed on this meeting's agenda."""
    items = action_items(user).filter(
        item__meeting__body=meeting.body,
        item__meeting__starts_at__lt=meeting.starts_at,
        status__in=OPEN_ACTION_STATUSES,
    )
    return items.order_by("due_on", "id")


def participants(meeting: Meeting) -> QuerySet[Participant]:
    return meeting.participants.select_related("person").order_by("is_guest", "id")


def cycle_items() -> QuerySet[CycleItem]:
    return CycleItem.objects.select_related("body")


def meetings_in_year(year: int) -> QuerySet[Meeting]:
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
    return meetings().filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at")


def feeds_of(user: User) -> QuerySet[CalendarFeed]:
    return CalendarFeed.objects.filter(owner=user).select_related("body", "person")


def meetings_for_feed(feed: CalendarFeed) -> QuerySet[Meeting]:
    """A feed's meetings: its body's, or those the person is invited to or sits in."""
    since = timezone.now() - datetime.timedelta(days=365)
    found = meetings().filter(starts_at__gte=since)
    if feed.body_id:
        return found.filter(body_id=feed.body_id)
    invited = Participant.objects.filter(meeting=OuterRef("pk"), person_id=feed.person_id)
    return found.filter(Exists(invited))


def awaiting(user: User, status: str) -> QuerySet[Meeting]:
    return meetings().filter(status=status).order_by("starts_at")
