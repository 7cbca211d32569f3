"""Does the plan cover the demand? The coverage page, and recording why a proposal or idea
is not in the plan (see ``queries_coverage`` for what counts as demand)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.views.helpers import require, save_versioned
from styrbord.plans import policy, queries_coverage
from styrbord.plans.forms_coverage import ExclusionCreateForm, ExclusionEditForm
from styrbord.plans.models import DemandExclusion, PlanVersion
from styrbord.plans.services import plans as services
from styrbord.plans.views._common import load_version, version_context
from styrbord.portfolio.models import Idea, Project

Target = tuple[Project | None, Idea | None]


def _coverage_url(kommune: str, version: PlanVersion, section: str = "") -> str:
    url = reverse(
        "plans:coverage",
        kwargs={"kommune": kommune, "year": version.plan.year, "number": version.number},
    )
    return f"{url}#{section}" if section else url


def _editable_version(request: HttpRequest, year: int, number: int) -> PlanVersion:
    require(policy.can_edit(request.user, request.municipality))
    return load_version(year, number)


def _refuse_if_decided(request: HttpRequest, kommune: str, version: PlanVersion):
    """Only a draft changes. A form on another version would never save, so say so on the
    coverage page instead of showing it; a POST still goes to the service, which refuses."""
    if version.is_editable:
        return None
    messages.error(
        request,
        _("Version %(number)s is %(state)s and cannot change. Only a draft can.")
        % {"number": version.number, "state": version.get_state_display().lower()},
    )
    return redirect(_coverage_url(kommune, version))


def _parse_id(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError as bad:
        raise Http404 from bad


def _target(data) -> Target:
    """The open proposal or idea that ``data`` names (exactly one of ``project`` and
    ``idea``). Anything else, another municipality's object included, is not found."""
    project_id, idea_id = _parse_id(data.get("project")), _parse_id(data.get("idea"))
    if (project_id is None) == (idea_id is None):
        raise Http404
    if project_id is not None:
        return get_object_or_404(queries_coverage.demand_projects(), pk=project_id), None
    return None, get_object_or_404(queries_coverage.demand_ideas(), pk=idea_id)


def coverage(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    version = load_version(year, number)
    context = version_context(request, version, "coverage") | {
        "coverage": queries_coverage.coverage(version)
    }
    return render(request, "plans/coverage/coverage.html", context)


@require_http_methods(["GET", "POST"])
def exclusion_create(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    version = _editable_version(request, year, number)
    if request.method == "GET" and (refused := _refuse_if_decided(request, kommune, version)):
        return refused
    project, idea = _target(request.POST if request.method == "POST" else request.GET)
    form = ExclusionCreateForm(
        request.POST or None,
        initial={"project": project.pk if project else None, "idea": idea.pk if idea else None},
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: services.exclude_demand(
                version,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                project=project,
                idea=idea,
            ),
        )
        if created:
            messages.success(request, _("%(title)s is listed as not covered.") % {"title": created})
            return redirect(_coverage_url(kommune, version, "not-covered"))
    return render(
        request,
        "plans/coverage/exclusion_form.html",
        {
            "form": form,
            "version": version,
            "plan": version.plan,
            "project": project,
            "idea": idea,
            "cancel_url": _coverage_url(kommune, version, "needs-decision"),
        },
    )


def _exclusion(version: PlanVersion, pk: int) -> DemandExclusion:
    """The version's exclusion; another version's or municipality's is not found."""
    return get_object_or_404(
        queries_coverage.exclusions_of(version).select_related("plan_version__plan"), pk=pk
    )


@require_http_methods(["GET", "POST"])
def exclusion_edit(
    request: HttpRequest, kommune: str, year: int, number: int, pk: int
) -> HttpResponse:
    version = _editable_version(request, year, number)
    exclusion = _exclusion(version, pk)
    if request.method == "GET" and (refused := _refuse_if_decided(request, kommune, version)):
        return refused
    form = ExclusionEditForm(request.POST or None, instance=exclusion)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_exclusion(
                exclusion,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                reason=form.cleaned_data["reason"],
            ),
        )
        if saved:
            messages.success(request, _("The reason was saved."))
            return redirect(_coverage_url(kommune, version, "not-covered"))
    return render(
        request,
        "plans/coverage/exclusion_form.html",
        {
            "form": form,
            "version": version,
            "plan": version.plan,
            "exclusion": exclusion,
            "project": exclusion.project,
            "idea": exclusion.idea,
            "cancel_url": _coverage_url(kommune, version, "not-covered"),
        },
    )


@require_http_methods(["GET", "POST"])
def exclusion_delete(
    request: HttpRequest, kommune: str, year: int, number: int, pk: int
) -> HttpResponse:
    version = _editable_version(request, year, number)
    exclusion = _exclusion(version, pk)
    if request.method == "GET" and (refused := _refuse_if_decided(request, kommune, version)):
        return refused
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.delete_exclusion(exclusion, actor=request.user)
        except ValidationError as refused:
            errors = refused.messages
        else:
            messages.success(
                request,
                _("%(title)s is no longer listed as not covered.") % {"title": exclusion},
            )
            return redirect(_coverage_url(kommune, version, "needs-decision"))
    return render(
        request,
        "plans/coverage/exclusion_confirm_delete.html",
        {
            "version": version,
            "plan": version.plan,
            "exclusion": exclusion,
            "errors": errors,
            "cancel_url": _coverage_url(kommune, version, "not-covered"),
        },
    )
