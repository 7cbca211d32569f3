"""Calendar feeds: the user's subscription links and the public iCalendar endpoint.

A feed link works without a login, so what it shows is what an anonymous visitor may
see: closed agenda items never appear in it, whoever owns the feed.
"""

import datetime

import icalendar
from django import forms
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST, require_safe
from django_scopes import scope, scopes_disabled

from styrbord.core import policy as core_policy
from styrbord.core.forms import StyledForm
from styrbord.core.models import Person
from styrbord.core.views.helpers import require
from styrbord.governance import policy, queries
from styrbord.governance.models import (
    Body,
    CalendarFeed,
    Meeting,
    MeetingStatus,
    hash_feed_token,
)
from styrbord.governance.services import follow_up as services

# A meeting without an end time still needs a length in a calendar; most run about this long.
DEFAULT_MEETING_LENGTH = datetime.timedelta(hours=2)


class FeedForm(StyledForm):
    calendar = forms.ChoiceField(
        label=gettext_lazy("Calendar for"),
        help_text=gettext_lazy("A body's meetings, or the meetings a person is invited to."),
    )

    def __init__(self, *args, bodies: QuerySet[Body], persons: QuerySet[Person], **kwargs):
        super().__init__(*args, **kwargs)
        self.bodies = {f"body-{body.pk}": body for body in bodies}
        self.persons = {f"person-{person.pk}": person for person in persons}
        choices = [("", "---------")]
        choices.append((_("Bodies"), [(key, body.name) for key, body in self.bodies.items()]))
        if self.persons:
            choices.append(
                (_("Persons"), [(key, person.name) for key, person in self.persons.items()])
            )
        self.fields["calendar"].choices = choices

    def chosen(self) -> dict[str, Body | Person]:
        """The feed's subject as keyword arguments for ``services.create_feed``."""
        key = self.cleaned_data["calendar"]
        if key in self.bodies:
            return {"body": self.bodies[key]}
        return {"person": self.persons[key]}


def _feed_form(request: HttpRequest, data: dict | None = None) -> FeedForm:
    # Anyone may follow their own meetings; editors may also follow any person's.
    persons = Person.objects.filter(is_active=True)
    if not policy.can_edit(request.user, request.municipality):
        persons = persons.filter(user=request.user)
    bodies = queries.bodies().filter(concluded_on__isnull=True).order_by("name")
    return FeedForm(data, bodies=bodies, persons=persons.order_by("name"))


def _feed_page(request: HttpRequest, form: FeedForm, new_url: str | None = None) -> HttpResponse:
    return render(
        request,
        "governance/feeds/list.html",
        {"form": form, "feeds": queries.feeds_of(request.user), "new_url": new_url},
    )


@require_GET
def feed_list(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    return _feed_page(request, _feed_form(request))


@require_POST
def feed_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    form = _feed_form(request, request.POST)
    if not form.is_valid():
        return _feed_page(request, form)
    _feed, token = services.create_feed(owner=request.user, **form.chosen())
    # The token is not stored, so this response is the only place the link appears.
    new_url = request.build_absolute_uri(reverse("calendar_feed", kwargs={"token": token}))
    return _feed_page(request, _feed_form(request), new_url=new_url)


@require_POST
def feed_revoke(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    feed = get_object_or_404(queries.feeds_of(request.user), pk=pk)
    if feed.revoked_at is None:
        services.revoke_feed(feed, actor=request.user)
    messages.success(request, _("The calendar link was revoked. It no longer works."))
    return redirect("governance:feed_list", kommune=kommune)


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The iCalendar file behind a feed link; no login, the link itself is the secret."""
    with scopes_disabled():
        feed = (
            CalendarFeed.objects.select_related("municipality", "owner", "body", "person")
            .filter(token_hash=hash_feed_token(token), revoked_at__isnull=True)
            .first()
        )
    if feed is None or not core_policy.can_view(feed.owner, feed.municipality):
        raise Http404
    with scope(municipality=feed.municipality):
        meetings = list(queries.meetings_for_feed(feed).order_by("starts_at"))
        public_items = (
            queries.items_visible_to(AnonymousUser())
            .filter(meeting__in=meetings)
            .order_by("position", "id")
        )
        titles: dict[int, list[str]] = {}
        for item in public_items:
            titles.setdefault(item.meeting_id, []).append(f"{item.position}. {item.title}")
        calendar = _calendar(request, feed, meetings, titles)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


def _calendar(
    request: HttpRequest,
    feed: CalendarFeed,
    meetings: list[Meeting],
    titles: dict[int, list[str]],
) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Styrbord//Governance meetings//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Styrbord: {feed.body or feed.person}")
    for meeting in meetings:
        calendar.add_component(_event(request, feed, meeting, titles.get(meeting.pk, [])))
    calendar.add_missing_timezones()
    return calendar


def _event(
    request: HttpRequest, feed: CalendarFeed, meeting: Meeting, item_titles: list[str]
) -> icalendar.Event:
    starts = timezone.localtime(meeting.starts_at)
    ends = timezone.localtime(meeting.ends_at or meeting.starts_at + DEFAULT_MEETING_LENGTH)
    page = request.build_absolute_uri(
        reverse(
            "governance:meeting_detail",
            kwargs={"kommune": feed.municipality.slug, "pk": meeting.pk},
        )
    )
    lines = []
    if meeting.online_link:
        lines.append(_("Online meeting: %(link)s") % {"link": meeting.online_link})
    lines.append(_("Meeting page: %(link)s") % {"link": page})
    if item_titles:
        lines += ["", _("Agenda:"), *item_titles]

    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@styrbord")
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", meeting.version)
    event.add("dtstart", starts)
    event.add("dtend", ends)
    summary = meeting.body.name
    if meeting.title:
        summary = f"{summary}: {meeting.title}"
    event.add("summary", summary)
    if meeting.place or meeting.online_link:
        event.add("location", meeting.place or meeting.online_link)
    event.add("url", page)
    event.add("description", "\n".join(lines))
    planned = meeting.status == MeetingStatus.PLANNED
    event.add("status", "TENTATIVE" if planned else "CONFIRMED")
    return event
