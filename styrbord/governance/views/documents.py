"""The agenda pack and the minutes as PDF, from the same partials as the meeting page."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.pdf import render_pdf
from styrbord.core.views.helpers import require
from styrbord.governance import links, policy, queries
from styrbord.governance.models import Meeting, MeetingStatus


def document_context(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    """What ``governance/documents/_agenda.html`` and ``_minutes.html`` need.

    Items are limited to what the user may see (closed items only for members); each
    item link gets its ``url`` here because templates cannot call ``links.url_of``.
    """
    items = list(queries.visible_items(meeting, request.user))
    for item in items:
        for link in item.links.all():
            link.url = links.url_of(link.target, request.municipality.slug) if link.target else ""
    return {
        "meeting": meeting,
        "items": items,
        "open_actions": queries.open_action_items_before(meeting, request.user),
        "participants": queries.participants(meeting),
        "protocol_notes": meeting.protocol_notes.select_related("author"),
        "for_print": False,
    }


def print_context(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    """The documents' context for the PDFs, with the agenda pack's list of attachments."""
    context = document_context(request, meeting) | {"for_print": True}
    context["attachments"] = [
        (item, attachment) for item in context["items"] for attachment in item.attachments.all()
    ]
    return context


def _filename(kind: str, meeting: Meeting) -> str:
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return f"{kind}-{meeting.body.short_name or meeting.body.name}-{day}"


def _viewable_meeting(request: HttpRequest, pk: int) -> Meeting:
    require(policy.can_view(request.user, request.municipality))
    return get_object_or_404(queries.meetings(), pk=pk)


def agenda_pdf(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    meeting = _viewable_meeting(request, pk)
    return render_pdf(
        request,
        "governance/documents/agenda_pack.html",
        print_context(request, meeting),
        _filename(_("agenda"), meeting),
    )


def minutes_pdf(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    meeting = _viewable_meeting(request, pk)
    if MeetingStatus.rank(meeting.status) < MeetingStatus.rank(MeetingStatus.HELD):
        raise Http404(_("There are no minutes before the meeting has been held."))
    return render_pdf(
        request,
        "governance/documents/minutes.html",
        print_context(request, meeting),
        _filename(_("minutes"), meeting),
    )
