"""The Project Board: the running projects' latest reports, what changed since the board
last met, who is overdue, and the board's next agenda made from it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from styrbord.core.views.helpers import paginate, require
from styrbord.governance import policy as governance_policy
from styrbord.governance.models import Body
from styrbord.governance.services.meetings import next_open_meeting
from styrbord.portfolio import queries_reports
from styrbord.portfolio.services import board as services


def _board(pk: int) -> Body:
    return get_object_or_404(queries_reports.project_boards(), pk=pk)


def board_list(request: HttpRequest, kommune: str) -> HttpResponse:
    return render(
        request,
        "portfolio/board/list.html",
        {"page": paginate(request, queries_reports.project_boards().order_by("name"))},
    )


def board(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    body = _board(pk)
    is_secretary = governance_policy.is_secretary(request.user, body)
    return render(
        request,
        "portfolio/board/board.html",
        {
            "body": body,
            "overview": queries_reports.board_overview(body),
            "next_meeting": next_open_meeting(body) if is_secretary else None,
        },
    )


@require_POST
def board_agenda(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    body = _board(pk)
    require(governance_policy.is_secretary(request.user, body))
    meeting = next_open_meeting(body)
    if meeting is None:
        messages.error(
            request,
            _("%(body)s has no coming meeting with an open agenda. Plan one first.")
            % {"body": body.name},
        )
        return redirect("portfolio:board", kommune=kommune, pk=body.pk)
    projects = queries_reports.agenda_order(queries_reports.board_overview(body).rows)
    try:
        items = services.agenda_from_board(meeting=meeting, actor=request.user, projects=projects)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("portfolio:board", kommune=kommune, pk=body.pk)
    messages.success(
        request,
        ngettext(
            "%(count)d item was put on the agenda of %(meeting)s.",
            "%(count)d items were put on the agenda of %(meeting)s.",
            len(items),
        )
        % {"count": len(items), "meeting": meeting},
    )
    return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)
