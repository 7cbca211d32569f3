"""Pages for ideas (submit, edit, triage) and the lessons-learned search."""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.models import User
from styrbord.core.views.helpers import paginate, require, save_versioned
from styrbord.governance import queries as governance_queries
from styrbord.governance.models import Body
from styrbord.portfolio import policy, queries
from styrbord.portfolio.filters_ideas import IdeaFilter, LessonFilter
from styrbord.portfolio.forms_ideas import IdeaForm, TriageForm
from styrbord.portfolio.models import Idea
from styrbord.portfolio.services import ideas as services


def triage_bodies(user: User) -> QuerySet[Body]:
    """The active innovation and programme groups the user may triage for."""
    candidates = governance_queries.bodies().filter(
        kind__in=policy.TRIAGE_BODY_KINDS, concluded_on__isnull=True
    )
    allowed = [body.pk for body in candidates if policy.can_triage(user, body)]
    return governance_queries.bodies().filter(pk__in=allowed).order_by("name")


def idea_list(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = IdeaFilter(
        request.GET or None,
        queryset=queries.ideas().order_by("-created_at", "-pk"),
        request=request,
    )
    return render(
        request,
        "portfolio/ideas/list.html",
        {
            "filter": filterset,
            "page": paginate(request, filterset.qs),
            "can_submit": policy.can_submit_idea(request.user, request.municipality),
        },
    )


@require_http_methods(["GET", "POST"])
def idea_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_submit_idea(request.user, request.municipality))
    form = IdeaForm(request.POST or None, instance=Idea(municipality=request.municipality))
    if request.method == "POST" and form.is_valid():
        idea = save_versioned(
            form,
            lambda: services.submit_idea(
                municipality=request.municipality, actor=request.user, **form.changed_values()
            ),
        )
        if idea:
            messages.success(
                request,
                _("Thank you. Your idea %(title)s was submitted for triage.")
                % {"title": idea.title},
            )
            return redirect("portfolio:idea_detail", kommune=kommune, pk=idea.pk)
    return render(request, "portfolio/ideas/form.html", {"form": form, "idea": None})


def idea_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    idea = get_object_or_404(queries.ideas(), pk=pk)
    return render(
        request,
        "portfolio/ideas/detail.html",
        {
            "idea": idea,
            "can_edit": policy.can_edit_idea(request.user, idea),
            "can_triage": idea.project_id is None and triage_bodies(request.user).exists(),
        },
    )


@require_http_methods(["GET", "POST"])
def idea_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    idea = get_object_or_404(queries.ideas(), pk=pk)
    require(policy.can_edit_idea(request.user, idea))
    form = IdeaForm(request.POST or None, instance=idea)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_idea(
                idea,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("portfolio:idea_detail", kommune=kommune, pk=idea.pk)
    return render(request, "portfolio/ideas/form.html", {"form": form, "idea": idea})


@require_http_methods(["GET", "POST"])
def idea_triage(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    idea = get_object_or_404(queries.ideas(), pk=pk)
    bodies = triage_bodies(request.user)
    require(bodies.exists())
    form = TriageForm(
        request.POST or None,
        bodies=bodies,
        initial={
            "version": idea.version,
            "body": idea.triaged_by_id,
            "recommendation": idea.recommendation,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_versioned(
            form,
            lambda: services.triage_idea(
                idea,
                actor=request.user,
                expected_version=data["version"],
                body=data["body"],
                status=data["status"],
                recommendation=data["recommendation"],
                reason=data["reason"],
                origin=data["origin"],
            ),
        )
        if saved:
            if saved.project_id is not None:
                messages.success(
                    request,
                    _("The idea continues as the project proposal %(name)s.")
                    % {"name": saved.project.name},
                )
                return redirect("portfolio:project_detail", kommune=kommune, pk=saved.project_id)
            messages.success(request, _("The decision on the idea was recorded."))
            return redirect("portfolio:idea_detail", kommune=kommune, pk=idea.pk)
    return render(request, "portfolio/ideas/triage.html", {"form": form, "idea": idea})


def lessons(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = LessonFilter(
        request.GET or None,
        queryset=queries.lessons().order_by("-created_at", "-pk"),
        request=request,
    )
    return render(
        request,
        "portfolio/lessons/search.html",
        {"filter": filterset, "page": paginate(request, filterset.qs)},
    )
