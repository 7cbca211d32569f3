"""Pages for meetings: the list, the meeting with its agenda and minutes, the workflow
steps, participants and protocol notes."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core.views.helpers import paginate, require, save_versioned
from styrbord.governance import policy, queries
from styrbord.governance.filters import MeetingFilter
from styrbord.governance.forms import (
    AttendanceForm,
    GuestForm,
    MeetingForm,
    ProtocolNoteForm,
    StepForm,
)
from styrbord.governance.models import Meeting, MeetingStatus, Participant
from styrbord.governance.services import meetings as services
from styrbord.governance.services import planning
from styrbord.governance.views.documents import document_context


class Step:
    def __init__(self, service: Callable, label: str, done: str, needs_note: bool = False):
        self.service, self.label, self.done, self.needs_note = service, label, done, needs_note


# URL slug → the service that takes the step; the meeting page offers the steps the
# user may take now (see ``available_steps``).
STEPS: dict[str, Step] = {
    "forbered": Step(
        services.start_preparation,
        gettext_lazy("Start preparing the agenda"),
        gettext_lazy("The agenda is in preparation."),
    ),
    "til-godkendelse": Step(
        services.submit_agenda,
        gettext_lazy("Ask the chair to approve"),
        gettext_lazy("The agenda was sent to the chair for approval."),
    ),
    "godkend-dagsorden": Step(
        services.approve_agenda,
        gettext_lazy("Approve the agenda"),
        gettext_lazy("The agenda is approved."),
    ),
    "returner-dagsorden": Step(
        services.return_agenda,
        gettext_lazy("Send the agenda back"),
        gettext_lazy("The agenda was sent back to the secretary."),
        needs_note=True,
    ),
    "send-dagsorden": Step(
        services.send_agenda, gettext_lazy("Send the agenda"), gettext_lazy("The agenda was sent.")
    ),
    "afholdt": Step(
        services.record_held,
        gettext_lazy("Record the meeting as held"),
        gettext_lazy("The meeting is recorded as held; record the decisions."),
    ),
    "referat-til-godkendelse": Step(
        services.submit_minutes,
        gettext_lazy("Ask the chair to approve the minutes"),
        gettext_lazy("The minutes were sent to the chair."),
    ),
    "godkend-referat": Step(
        services.approve_minutes,
        gettext_lazy("Approve the minutes"),
        gettext_lazy("The minutes are approved and locked."),
    ),
    "returner-referat": Step(
        services.return_minutes,
        gettext_lazy("Send the minutes back"),
        gettext_lazy("The minutes were sent back to the secretary."),
        needs_note=True,
    ),
}

S = MeetingStatus
SECRETARY_STEPS_BY_STATUS = {
    S.PLANNED: ["forbered", "til-godkendelse"],
    S.AGENDA_PREPARATION: ["til-godkendelse"],
    S.AGENDA_APPROVED: ["send-dagsorden"],
    S.AGENDA_SENT: ["afholdt"],
    S.HELD: ["referat-til-godkendelse"],
}
CHAIR_STEPS_BY_STATUS = {
    S.AGENDA_AWAITING_APPROVAL: ["godkend-dagsorden", "returner-dagsorden"],
    S.AGENDA_APPROVED: ["returner-dagsorden"],
    S.MINUTES_AWAITING_APPROVAL: ["godkend-referat", "returner-referat"],
}


def available_steps(request: HttpRequest, meeting: Meeting) -> list[tuple[str, Step]]:
    slugs: list[str] = []
    if policy.is_secretary(request.user, meeting.body):
        slugs += SECRETARY_STEPS_BY_STATUS.get(meeting.status, [])
    if policy.is_chair(request.user, meeting.body):
        slugs += CHAIR_STEPS_BY_STATUS.get(meeting.status, [])
    return [(slug, STEPS[slug]) for slug in dict.fromkeys(slugs)]


def meeting_list(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = MeetingFilter(
        request.GET or None, queryset=queries.meetings_for_list(), request=request
    )
    return render(
        request,
        "governance/meetings/list.html",
        {"filter": filterset, "page": paginate(request, filterset.qs.order_by("-starts_at"))},
    )


def meeting_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    meeting = get_object_or_404(queries.meetings(), pk=pk)
    context = document_context(request, meeting)
    is_secretary = policy.is_secretary(request.user, meeting.body)
    context.update(
        {
            "steps": available_steps(request, meeting),
            "progress": _progress(meeting),
            "is_secretary": is_secretary,
            "is_chair": policy.is_chair(request.user, meeting.body),
            "can_edit": policy.can_edit(request.user, request.municipality),
            "attendance_choices": AttendanceForm.base_fields["attendance"].choices,
            "for_print": False,
        }
    )
    return render(request, "governance/meetings/detail.html", context)


def _progress(meeting: Meeting) -> list[dict]:
    """The workflow as a list of steps, each done, current or to come, with who and when."""
    stamps = {
        S.AGENDA_AWAITING_APPROVAL: ("agenda_submitted_at", "agenda_submitted_by"),
        S.AGENDA_APPROVED: ("agenda_approved_at", "agenda_approved_by"),
        S.AGENDA_SENT: ("agenda_sent_at", "agenda_sent_by"),
        S.HELD: ("held_recorded_at", "held_recorded_by"),
        S.MINUTES_AWAITING_APPROVAL: ("minutes_submitted_at", "minutes_submitted_by"),
        S.MINUTES_APPROVED: ("minutes_approved_at", "minutes_approved_by"),
    }
    current = S.rank(meeting.status)
    rows = []
    for rank, (value, label) in enumerate(S.choices):
        at_name, by_name = stamps.get(value, (None, None))
        rows.append(
            {
                "label": label,
                "state": "done" if rank < current else "current" if rank == current else "coming",
                "at": getattr(meeting, at_name) if at_name else None,
                "by": getattr(meeting, by_name) if by_name else None,
            }
        )
    return rows


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, kommune: str, body_pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    body = get_object_or_404(queries.bodies(), pk=body_pk)
    form = MeetingForm(
        request.POST or None,
        instance=Meeting(municipality=request.municipality, body=body),
        initial={"place": body.usual_place},
    )
    if request.method == "POST" and form.is_valid():
        data = form.changed_values()
        meeting = save_versioned(
            form, lambda: services.create_meeting(body=body, actor=request.user, **data)
        )
        if meeting:
            messages.success(request, _("The meeting was planned and the members invited."))
            return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)
    return render(
        request, "governance/meetings/form.html", {"form": form, "body": body, "meeting": None}
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    meeting = get_object_or_404(queries.meetings(), pk=pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_meeting(
                meeting,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)
    return render(
        request,
        "governance/meetings/form.html",
        {"form": form, "body": meeting.body, "meeting": meeting},
    )


@require_http_methods(["GET", "POST"])
def meeting_step(request: HttpRequest, kommune: str, pk: int, step: str) -> HttpResponse:
    """Take one workflow step. Steps that need a note (sending back) get their own page."""
    require(policy.can_edit(request.user, request.municipality))
    meeting = get_object_or_404(queries.meetings(), pk=pk)
    if step not in STEPS:
        raise Http404
    chosen = STEPS[step]
    form = StepForm(request.POST or None, initial={"version": meeting.version})
    if chosen.needs_note:
        form.fields["note"].required = True
    if request.method == "POST" and form.is_valid():
        arguments = {"actor": request.user, "expected_version": form.cleaned_data["version"]}
        if chosen.needs_note:
            arguments["note"] = form.cleaned_data["note"]
        try:
            done = save_versioned(form, lambda: chosen.service(meeting, **arguments))
        except PermissionDenied as refusal:
            messages.error(request, str(refusal) or _("You may not take this step."))
            return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)
        if done:
            messages.success(request, str(chosen.done))
            return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)
        if not chosen.needs_note:
            # The refusal's reason goes to the meeting page, where the user took the step.
            for error in form.non_field_errors():
                messages.error(request, error)
            return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)
    return render(
        request,
        "governance/meetings/step.html",
        {"form": form, "meeting": meeting, "step": chosen, "slug": step},
    )


@require_POST
def fill_from_wheel(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    meeting = get_object_or_404(queries.meetings(), pk=pk)
    added = planning.fill_agenda_from_cycle(meeting, actor=request.user)
    if added:
        messages.success(
            request,
            _("%(count)s items from the annual wheel were added.") % {"count": len(added)},
        )
    else:
        messages.success(request, _("The agenda already has this period's annual-wheel items."))
    return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)


@require_http_methods(["GET", "POST"])
def participant_add(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    meeting = get_object_or_404(queries.meetings(), pk=pk)
    form = GuestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        added = save_versioned(
            form,
            lambda: services.add_participant(
                meeting=meeting,
                actor=request.user,
                person=data["person"],
                guest_name=data["guest_name"],
                role=data["role"],
            ),
        )
        if added:
            messages.success(request, _("%(name)s was invited.") % {"name": added})
            return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)
    return render(
        request, "governance/meetings/participant_form.html", {"form": form, "meeting": meeting}
    )


@require_POST
def participant_attendance(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    participant = get_object_or_404(
        Participant.objects.select_related("meeting__body", "person"), pk=pk
    )
    form = AttendanceForm(request.POST)
    if form.is_valid():
        save_versioned(
            form,
            lambda: services.set_attendance(
                participant,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                attendance=form.cleaned_data["attendance"],
            ),
        )
    for error in [*form.non_field_errors(), *form.errors.get("attendance", [])]:
        messages.error(request, error)
    return redirect("governance:meeting_detail", kommune=kommune, pk=participant.meeting_id)


@require_POST
def participant_remove(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    participant = get_object_or_404(Participant.objects.select_related("meeting__body"), pk=pk)
    try:
        services.remove_participant(participant, actor=request.user)
        messages.success(request, _("%(name)s is no longer invited.") % {"name": participant})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("governance:meeting_detail", kommune=kommune, pk=participant.meeting_id)


@require_http_methods(["GET", "POST"])
def protocol_note_add(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    meeting = get_object_or_404(queries.meetings(), pk=pk)
    form = ProtocolNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = save_versioned(
            form,
            lambda: services.add_protocol_note(
                meeting, actor=request.user, text=form.cleaned_data["text"]
            ),
        )
        if note:
            messages.success(request, _("The protocol note was added."))
            return redirect("governance:meeting_detail", kommune=kommune, pk=meeting.pk)
    return render(
        request, "governance/meetings/protocol_note_form.html", {"form": form, "meeting": meeting}
    )
