"""A project's benefit map (gevinstkort): the picture, the same map as text, its editing
and its PDF.

The map page holds the forms to add a node and an arrow; they post to their own pages, so
a refused one (an arrow pointing backwards, say) comes back there with the reason next to
the field and the input kept.
"""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.benefits import diagrams, policy, queries
from styrbord.benefits.forms_maps import EdgeForm, NodeForm, NodeRenameForm
from styrbord.benefits.models import MapEdge, MapNode
from styrbord.benefits.services import maps as map_services
from styrbord.benefits.views._common import editable_project, project_context, viewable_project
from styrbord.core.pdf import render_pdf
from styrbord.core.views.helpers import require, save_versioned
from styrbord.portfolio.models import Project

PDF_TEMPLATE = "benefits/maps/map_pdf.html"
PDF_FILENAME = "gevinstkort-%(name)s"
TAB = "benefit-map"


def _map_url(kommune: str, project: Project | int, anchor: str = "") -> str:
    pk = project if isinstance(project, int) else project.pk
    url = reverse("benefits:map", kwargs={"kommune": kommune, "pk": pk})
    return f"{url}#{anchor}" if anchor else url


def _editable_node(request: HttpRequest, pk: int) -> MapNode:
    require(policy.can_edit(request.user, request.municipality))
    # The scoped manager makes another municipality's node a 404.
    return get_object_or_404(MapNode.objects.all(), pk=pk)


def map_context(project: Project) -> dict[str, Any]:
    """The picture and the outline of ``project``'s map, for the page and the PDF."""
    nodes, edges = queries.map_of(project)
    picture = diagrams.benefit_map_svg(nodes, edges)
    return {
        # Every text in the picture was escaped by ``diagrams``.
        "map_svg": mark_safe(picture),  # noqa: S308
        "layers": diagrams.outline(nodes, edges),
        "node_count": len(nodes),
    }


def map_page(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    context = project_context(request, project, TAB) | map_context(project)
    if context["can_edit"]:
        context["node_form"] = NodeForm(project=project, instance=MapNode(project=project))
        context["edge_form"] = EdgeForm(project=project)
    return render(request, "benefits/maps/map.html", context)


def _form_page(
    request: HttpRequest, kommune: str, project: Project, form: Any, heading: str, intro: str = ""
) -> HttpResponse:
    context = project_context(request, project, TAB) | {
        "form": form,
        "heading": heading,
        "intro": intro,
        "cancel_url": _map_url(kommune, project),
    }
    return render(request, "benefits/maps/form.html", context)


@require_http_methods(["GET", "POST"])
def node_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = editable_project(request, pk)
    form = NodeForm(
        request.POST or None,
        project=project,
        instance=MapNode(municipality=request.municipality, project=project),
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: map_services.add_node(project, actor=request.user, **form.changed_values()),
        )
        if created:
            messages.success(request, _("%(node)s was added to the map.") % {"node": created})
            return redirect(_map_url(kommune, project, "map-text"))
    return _form_page(request, kommune, project, form, _("Add a node to the benefit map"))


@require_http_methods(["GET", "POST"])
def node_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    node = _editable_node(request, pk)
    project = viewable_project(request, node.project_id)
    # Named before the form is bound, which sets the text typed on the instance.
    heading = _("Rename %(node)s") % {"node": node.label}
    form = NodeRenameForm(request.POST or None, instance=node)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: map_services.rename_node(
                node,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                label=form.cleaned_data["label"],
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_map_url(kommune, project, "map-text"))
    intro = _("Layer: %(layer)s.") % {"layer": node.get_kind_display()}
    return _form_page(request, kommune, project, form, heading, intro)


@require_POST
def node_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    node = _editable_node(request, pk)
    label, project_id = node.label, node.project_id
    map_services.delete_node(node, actor=request.user)
    messages.success(
        request, _("%(node)s and its arrows were removed from the map.") % {"node": label}
    )
    return redirect(_map_url(kommune, project_id, "map-text"))


@require_http_methods(["GET", "POST"])
def edge_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = editable_project(request, pk)
    form = EdgeForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: map_services.add_edge(
                project,
                actor=request.user,
                source=form.cleaned_data["source"],
                target=form.cleaned_data["target"],
            ),
        )
        if created:
            messages.success(request, _("The arrow %(edge)s was added.") % {"edge": created})
            return redirect(_map_url(kommune, project, "map-text"))
    return _form_page(request, kommune, project, form, _("Add an arrow to the benefit map"))


@require_POST
def edge_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    edge = get_object_or_404(MapEdge.objects.select_related("source", "target"), pk=pk)
    name, project_id = str(edge), edge.project_id
    map_services.delete_edge(edge, actor=request.user)
    messages.success(request, _("The arrow %(edge)s was removed.") % {"edge": name})
    return redirect(_map_url(kommune, project_id, "map-text"))


@require_POST
def map_fill(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = editable_project(request, pk)
    added = map_services.fill_from_project(project, actor=request.user)
    if added:
        message = ngettext(
            "%(count)d node was added from the project.",
            "%(count)d nodes were added from the project.",
            added,
        ) % {"count": added}
    else:
        message = _("The map already shows the project's deliverables, benefits and focus areas.")
    messages.success(request, message)
    return redirect(_map_url(kommune, project))


def map_pdf(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    context = {"project": project} | map_context(project)
    return render_pdf(request, PDF_TEMPLATE, context, PDF_FILENAME % {"name": project.name.lower()})
