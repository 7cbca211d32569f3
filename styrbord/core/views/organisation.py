from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core import policy, queries
from styrbord.core.filters import OrgUnitFilter
from styrbord.core.forms import (
    CloseOrgUnitForm,
    MoveOrgUnitForm,
    OrgUnitCreateForm,
    OrgUnitForm,
    VersionForm,
)
from styrbord.core.models import OrgUnit
from styrbord.core.services import organisation as services
from styrbord.core.views.helpers import paginate, require, save_versioned

# A unit page lists this many persons and links to the filtered person list for the rest.
PERSONS_SHOWN = 50


def org_unit_list(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = OrgUnitFilter(request.GET or None, queryset=queries.org_units())
    searching = any(request.GET.get(key) for key in ("q", "kind", "parent"))
    context = {
        "filter": filterset,
        "searching": searching,
        "can_edit": policy.can_edit(request.user, request.municipality),
    }
    if searching:
        context["page"] = paginate(request, filterset.qs.order_by("name"))
    else:
        include_closed = filterset.is_valid() and filterset.form.cleaned_data["include_closed"]
        context["tree"] = queries.org_unit_tree(include_closed=bool(include_closed))
    return render(request, "core/org_units/list.html", context)


def org_unit_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    unit = get_object_or_404(queries.org_units(), pk=pk)
    return render(
        request,
        "core/org_units/detail.html",
        {
            "unit": unit,
            "ancestors": queries.ancestors(unit),
            "children": queries.org_units().filter(parent=unit).order_by("name"),
            "persons": queries.persons().filter(org_unit=unit, is_active=True)[:PERSONS_SHOWN],
            "can_edit": policy.can_edit(request.user, request.municipality),
        },
    )


@require_http_methods(["GET", "POST"])
def org_unit_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = OrgUnitCreateForm(
        request.POST or None,
        instance=OrgUnit(municipality=request.municipality),
        initial={"parent": request.GET.get("parent")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = save_versioned(
            form,
            lambda: services.create_org_unit(
                municipality=request.municipality,
                actor=request.user,
                parent=data["parent"],
                name=data["name"],
                kind=data["kind"],
                short_name=data["short_name"],
                email=data["email"],
            ),
        )
        if unit:
            messages.success(request, _("The unit %(name)s was created.") % {"name": unit.name})
            return redirect("core:org_unit_detail", kommune=kommune, pk=unit.pk)
    return render(request, "core/org_units/form.html", {"form": form, "unit": None})


@require_http_methods(["GET", "POST"])
def org_unit_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    unit = get_object_or_404(OrgUnit.objects.all(), pk=pk)
    form = OrgUnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_org_unit(
                unit,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("core:org_unit_detail", kommune=kommune, pk=unit.pk)
    return render(request, "core/org_units/form.html", {"form": form, "unit": unit})


@require_http_methods(["GET", "POST"])
def org_unit_move(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    unit = get_object_or_404(OrgUnit.objects.all(), pk=pk)
    form = MoveOrgUnitForm(
        request.POST or None, unit=unit, initial={"version": unit.version, "parent": unit.parent_id}
    )
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.move_org_unit(
                unit,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                parent=form.cleaned_data["parent"],
            ),
        )
        if saved:
            messages.success(request, _("The unit was moved."))
            return redirect("core:org_unit_detail", kommune=kommune, pk=unit.pk)
    return render(request, "core/org_units/move.html", {"form": form, "unit": unit})


@require_http_methods(["GET", "POST"])
def org_unit_close(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    unit = get_object_or_404(OrgUnit.objects.all(), pk=pk)
    if unit.closed_on is not None:
        return redirect("core:org_unit_reopen", kommune=kommune, pk=unit.pk)
    form = CloseOrgUnitForm(
        request.POST or None,
        initial={"version": unit.version, "closed_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.close_org_unit(
                unit,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                closed_on=form.cleaned_data["closed_on"],
            ),
        )
        if saved:
            messages.success(request, _("The unit was closed."))
            return redirect("core:org_unit_detail", kommune=kommune, pk=unit.pk)
    return render(request, "core/org_units/close.html", {"form": form, "unit": unit})


@require_http_methods(["GET", "POST"])
def org_unit_reopen(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    unit = get_object_or_404(OrgUnit.objects.all(), pk=pk)
    if unit.closed_on is None:
        return redirect("core:org_unit_detail", kommune=kommune, pk=unit.pk)
    form = VersionForm(request.POST or None, initial={"version": unit.version})
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.reopen_org_unit(
                unit, actor=request.user, expected_version=form.cleaned_data["version"]
            ),
        )
        if saved:
            messages.success(request, _("The unit was reopened."))
            return redirect("core:org_unit_detail", kommune=kommune, pk=unit.pk)
    return render(request, "core/org_units/reopen.html", {"form": form, "unit": unit})
