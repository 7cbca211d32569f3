"""The start document (startdokument) of a project: its page, its texts and parts, its PDF
and what changed since it was approved."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from styrbord.core.pdf import render_pdf
from styrbord.core.views.helpers import require, save_versioned
from styrbord.portfolio import policy, queries
from styrbord.portfolio.charter_compare import TEXT_FIELDS, compare_charter
from styrbord.portfolio.forms_charter import PART_FORMS, CharterForm
from styrbord.portfolio.heatmap import RiskLevel, heat_map, numbered
from styrbord.portfolio.models import (
    Deliverable,
    Lesson,
    Milestone,
    Project,
    Risk,
    SuccessCriterion,
)
from styrbord.portfolio.services import charter as charter_services
from styrbord.portfolio.services import projects as project_services
from styrbord.portfolio.services.phases import charter_snapshot

# The part's URL segment (urls.charter accepts only these), its model, and the section
# of the start document page it is in.
PARTS: dict[str, tuple[type, str]] = {
    "leverancer": (Deliverable, "deliverables"),
    "succeskriterier": (SuccessCriterion, "success-criteria"),
    "milepaele": (Milestone, "milestones"),
    "risici": (Risk, "risks"),
    "erfaringer": (Lesson, "lessons"),
}
NEW_HEADINGS = {
    Deliverable: gettext_lazy("New deliverable"),
    SuccessCriterion: gettext_lazy("New success criterion"),
    Milestone: gettext_lazy("New milestone"),
    Risk: gettext_lazy("New risk"),
    Lesson: gettext_lazy("New lesson learned"),
}
PDF_FILENAME = "startdokument-%(name)s"


def _project(request: HttpRequest, pk: int) -> Project:
    require(policy.can_view(request.user, request.municipality))
    return get_object_or_404(queries.projects(), pk=pk)


def _charter_url(kommune: str, project: Project, section: str = "") -> str:
    url = reverse("portfolio:charter", kwargs={"kommune": kommune, "pk": project.pk})
    return f"{url}#{section}" if section else url


def document_context(project: Project) -> dict[str, Any]:
    """What ``portfolio/charter/_document.html`` needs, on the page and in the PDF.

    Risks are numbered in the order they are listed, and the heat map shows those numbers.
    """
    risks = numbered(list(project.risks.select_related("owner")))
    return {
        "project": project,
        "project_texts": [
            (capfirst(Project._meta.get_field(name).verbose_name), getattr(project, name))
            for name in TEXT_FIELDS
        ],
        "deliverables": list(project.deliverables.all()),
        "success_criteria": list(project.success_criteria.all()),
        "milestones": list(project.milestones.all()),
        "risks": risks,
        "heat_map": heat_map(risks),
        "risk_levels": RiskLevel,
        "for_print": False,
        "show_controls": False,
    }


def charter(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = _project(request, pk)
    can_edit = policy.can_edit(request.user, request.municipality)
    context = document_context(project) | {
        "tab": "charter",
        "lessons": list(project.lessons.all()),
        "can_edit": can_edit,
        "show_controls": can_edit,
    }
    return render(request, "portfolio/charter/charter.html", context)


def charter_pdf(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = _project(request, pk)
    return render_pdf(
        request,
        "portfolio/charter/charter_pdf.html",
        document_context(project) | {"for_print": True},
        PDF_FILENAME % {"name": project.name.lower()},
    )


@require_http_methods(["GET", "POST"])
def charter_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = _project(request, pk)
    require(policy.can_edit(request.user, request.municipality))
    form = CharterForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: project_services.update_project(
                project,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("The start document was saved."))
            return redirect(_charter_url(kommune, project))
    return render(
        request, "portfolio/charter/charter_form.html", {"form": form, "project": project}
    )


def charter_changes(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = _project(request, pk)
    comparison = None
    if project.charter_baseline is not None:
        comparison = compare_charter(project.charter_baseline, charter_snapshot(project))
    return render(
        request,
        "portfolio/charter/changes.html",
        {"project": project, "tab": "charter", "comparison": comparison},
    )


@require_http_methods(["GET", "POST"])
def part_create(request: HttpRequest, kommune: str, pk: int, part: str) -> HttpResponse:
    model, section = PARTS[part]
    project = _project(request, pk)
    require(policy.can_edit(request.user, request.municipality))
    form = PART_FORMS[model](
        request.POST or None,
        instance=model(municipality=request.municipality, project=project),
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: charter_services.add_part(
                model, project=project, actor=request.user, **form.changed_values()
            ),
        )
        if created:
            messages.success(request, _("%(title)s was added.") % {"title": created})
            return redirect(_charter_url(kommune, project, section))
    return render(
        request,
        "portfolio/charter/part_form.html",
        {
            "form": form,
            "project": project,
            "heading": NEW_HEADINGS[model],
            "cancel_url": _charter_url(kommune, project, section),
        },
    )


def _part(project: Project, model: type, part_pk: int):
    """The part of this project; another project's or municipality's part is not found."""
    return get_object_or_404(model.objects.filter(project=project), pk=part_pk)


@require_http_methods(["GET", "POST"])
def part_edit(request: HttpRequest, kommune: str, pk: int, part: str, part_pk: int) -> HttpResponse:
    model, section = PARTS[part]
    project = _project(request, pk)
    require(policy.can_edit(request.user, request.municipality))
    obj = _part(project, model, part_pk)
    form = PART_FORMS[model](request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: charter_services.update_part(
                obj,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_charter_url(kommune, project, section))
    return render(
        request,
        "portfolio/charter/part_form.html",
        {
            "form": form,
            "project": project,
            "part": obj,
            "part_slug": part,
            "heading": _("Edit %(kind)s: %(title)s")
            % {"kind": model._meta.verbose_name, "title": obj},
            "cancel_url": _charter_url(kommune, project, section),
        },
    )


@require_http_methods(["GET", "POST"])
def part_delete(
    request: HttpRequest, kommune: str, pk: int, part: str, part_pk: int
) -> HttpResponse:
    model, section = PARTS[part]
    project = _project(request, pk)
    require(policy.can_edit(request.user, request.municipality))
    obj = _part(project, model, part_pk)
    if request.method == "POST":
        charter_services.delete_part(obj, actor=request.user)
        messages.success(request, _("%(title)s was deleted.") % {"title": obj})
        return redirect(_charter_url(kommune, project, section))
    return render(
        request,
        "portfolio/charter/part_delete.html",
        {
            "project": project,
            "part": obj,
            "heading": _("Delete %(kind)s: %(title)s")
            % {"kind": model._meta.verbose_name, "title": obj},
            "cancel_url": _charter_url(kommune, project, section),
        },
    )
