"""Project pages: create, view, edit, phase changes and decisions, closing, alignment, links."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core.panels import panels_for
from styrbord.core.views.helpers import require, save_versioned
from styrbord.governance import links
from styrbord.portfolio import policy, queries
from styrbord.portfolio.forms import (
    AlignmentForm,
    ClosingForm,
    LinkForm,
    PhaseChangeForm,
    ProjectForm,
    SendForDecisionForm,
)
from styrbord.portfolio.models import (
    TRANSITIONS,
    ArchitectureAlignment,
    GateRequest,
    Phase,
    Project,
    ProjectLink,
)
from styrbord.portfolio.services import phases as phase_services
from styrbord.portfolio.services import projects as services

# A link form offers at most this many objects of each kind, newest first.
LINK_CHOICES_PER_KIND = 200
# The project page shows this many of the latest status reports.
REPORTS_SHOWN = 5


def _project(pk: int) -> Project:
    return get_object_or_404(queries.with_alignment(queries.projects()), pk=pk)


@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    initial = {}
    implements = request.GET.get("implements")
    if implements and implements.isdigit():
        shared = queries.catalogue_projects().filter(pk=implements).first()
        if shared is not None:
            initial = {
                "implements": shared.pk,
                "origin": shared.origin,
                "issued_by": shared.issued_by,
                "name": shared.name,
            }
    form = ProjectForm(
        request.POST or None,
        instance=Project(municipality=request.municipality),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        project = save_versioned(
            form,
            lambda: services.create_project(
                municipality=request.municipality, actor=request.user, **form.changed_values()
            ),
        )
        if project:
            messages.success(
                request, _("The project %(name)s was created.") % {"name": project.name}
            )
            return redirect("portfolio:project_detail", kommune=kommune, pk=project.pk)
    return render(request, "portfolio/projects/form.html", {"form": form, "project": None})


def project_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = _project(pk)
    gate_requests = GateRequest.objects.filter(project=project).select_related(
        "agenda_item__meeting__body"
    )
    project_links = [
        (link, links.url_of(link.target, kommune) if link.target else "")
        for link in ProjectLink.objects.filter(project=project).prefetch_related("target")
    ]
    return render(
        request,
        "portfolio/projects/detail.html",
        {
            "project": project,
            "tab": "overview",
            "idea": getattr(project, "idea", None),
            "phase_changes": queries.phase_changes(project),
            "pending_request": next((r for r in gate_requests if not r.outcome), None),
            "gate_requests": gate_requests,
            "reports": queries.submitted_reports(project)[:REPORTS_SHOWN],
            "alignments": ArchitectureAlignment.objects.filter(project=project).select_related(
                "principle__strategy"
            ),
            "links": project_links,
            "overdue": project.report_overdue(timezone.localdate()),
            "can_edit": policy.can_edit(request.user, request.municipality),
            "can_report": policy.can_report(request.user, project),
            # Sections other modules add: the plan items the project is part of.
            "panels": panels_for("project", request, project),
        },
    )


@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    project = _project(pk)
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_project(
                project,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("portfolio:project_detail", kommune=kommune, pk=project.pk)
    return render(request, "portfolio/projects/form.html", {"form": form, "project": project})


@require_http_methods(["GET", "POST"])
def phase_change(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    project = _project(pk)
    form = PhaseChangeForm(
        request.POST or None,
        project=project,
        initial={"version": project.version, "decided_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changed = save_versioned(
            form,
            lambda: phase_services.change_phase(
                project,
                actor=request.user,
                expected_version=data["version"],
                to_phase=data["to_phase"],
                decided_on=data["decided_on"],
                agenda_item=data["agenda_item"],
                approver=data["approver"],
                note=data["note"],
            ),
        )
        if changed:
            messages.success(
                request,
                _("The project moved to %(phase)s.")
                % {"phase": changed.get_to_phase_display().lower()},
            )
            return redirect("portfolio:project_detail", kommune=kommune, pk=project.pk)
    return render(request, "portfolio/projects/phase.html", {"form": form, "project": project})


@require_http_methods(["GET", "POST"])
def send_for_decision(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    project = _project(pk)
    form = SendForDecisionForm(
        request.POST or None, project=project, initial={"to_phase": request.GET.get("to_phase")}
    )
    if request.method == "POST" and form.is_valid():
        gate = save_versioned(
            form,
            lambda: phase_services.send_for_decision(
                project,
                actor=request.user,
                body=form.cleaned_data["body"],
                to_phase=form.cleaned_data["to_phase"],
            ),
        )
        if gate:
            meeting = gate.agenda_item.meeting
            messages.success(
                request,
                _("The project is on the agenda of %(body)s on %(date)s.")
                % {
                    "body": meeting.body.name,
                    "date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y"),
                },
            )
            return redirect("portfolio:project_detail", kommune=kommune, pk=project.pk)
    return render(
        request,
        "portfolio/projects/send.html",
        {
            "form": form,
            "project": project,
            "preview": phase_services.background_from_charter(project),
        },
    )


@require_POST
def request_update(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    project = _project(pk)
    try:
        services.request_update(project, actor=request.user)
        messages.success(request, _("The project leader is asked for a new status report."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("portfolio:project_detail", kommune=kommune, pk=project.pk)


@require_http_methods(["GET", "POST"])
def project_close(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    """The final report; the closing itself is a gate decision (sent or recorded)."""
    require(policy.can_edit(request.user, request.municipality))
    project = _project(pk)
    form = ClosingForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_project(
                project,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("The final report was saved."))
            return redirect("portfolio:project_close", kommune=kommune, pk=project.pk)
    return render(
        request,
        "portfolio/projects/close.html",
        {
            "form": form,
            "project": project,
            "criteria": project.success_criteria.all(),
            "lessons": project.lessons.all(),
            "can_close": Phase.CLOSED in TRANSITIONS.get(project.phase, ()),
        },
    )


@require_http_methods(["GET", "POST"])
def alignment(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    project = _project(pk)
    form = AlignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_versioned(
            form,
            lambda: services.set_alignment(
                project,
                actor=request.user,
                principle=data["principle"],
                follows=data["follows"],
                explanation=data["explanation"],
            ),
        )
        if saved:
            messages.success(request, _("The architecture alignment was saved."))
            return redirect("portfolio:project_detail", kommune=kommune, pk=project.pk)
    return render(request, "portfolio/projects/alignment.html", {"form": form, "project": project})


@require_http_methods(["GET", "POST"])
def project_link_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    project = _project(pk)
    form = LinkForm(request.POST or None, choices=links.choices(LINK_CHOICES_PER_KIND))
    if request.method == "POST" and form.is_valid():
        model, target_pk = links.resolve(form.cleaned_data["target"])
        target = get_object_or_404(model.objects.all(), pk=target_pk)
        if save_versioned(
            form, lambda: services.add_link(project=project, actor=request.user, target=target)
        ):
            messages.success(request, _("The link was added."))
            return redirect("portfolio:project_detail", kommune=kommune, pk=project.pk)
    return render(request, "portfolio/projects/link_form.html", {"form": form, "project": project})


@require_POST
def project_link_delete(request: HttpRequest, kommune: str, pk: int, link_pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    project = _project(pk)
    link = get_object_or_404(ProjectLink.objects.filter(project=project), pk=link_pk)
    services.remove_link(link, actor=request.user)
    messages.success(request, _("The link was removed."))
    return redirect("portfolio:project_detail", kommune=kommune, pk=project.pk)
