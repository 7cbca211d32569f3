"""The catalogue pages: IT systems (the shared catalogue's and the municipality's own) and
suppliers. Catalogue rows are read-only here; a municipality keeps its own through
``services.catalogue``."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.views.helpers import paginate, render_form, require, save_versioned
from styrbord.systems import policy, queries
from styrbord.systems.filters import SupplierFilter, SystemFilter
from styrbord.systems.forms import SupplierForm, SystemForm
from styrbord.systems.models import ItSystem, Supplier
from styrbord.systems.services import catalogue as services


def _viewable(request: HttpRequest) -> None:
    require(policy.can_view(request.user, request.municipality))


def _can_edit(request: HttpRequest) -> bool:
    return policy.can_edit(request.user, request.municipality)


def _rendered(
    request: HttpRequest, template: str, context: dict[str, Any], form: forms.BaseForm
) -> HttpResponse:
    return render_form(request, f"systems/catalogue/{template}", context, form)


def _system_url(kommune: str, system: ItSystem) -> str:
    return reverse("systems:system_detail", kwargs={"kommune": kommune, "pk": system.pk})


def _supplier_url(kommune: str, supplier: Supplier) -> str:
    return reverse("systems:supplier_detail", kwargs={"kommune": kommune, "pk": supplier.pk})


def catalogue(request: HttpRequest, kommune: str) -> HttpResponse:
    _viewable(request)
    filterset = SystemFilter(
        request.GET or None, queryset=queries.systems_catalogue(), request=request
    )
    return render(
        request,
        "systems/catalogue/index.html",
        {
            "filter": filterset,
            "page": paginate(request, filterset.qs),
            "can_edit": _can_edit(request),
        },
    )


def system_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    _viewable(request)
    system = queries.system_detail(pk)
    return render(
        request,
        "systems/catalogue/system_detail.html",
        {
            "system": system,
            "usages": queries.usages_of_system(system),
            "can_edit": _can_edit(request) and queries.is_own(system, request.municipality),
            "can_add_usage": _can_edit(request),
        },
    )


@require_http_methods(["GET", "POST"])
def system_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(_can_edit(request))
    form = SystemForm(request.POST or None, instance=ItSystem(municipality=request.municipality))
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: services.create_system(
                request.municipality, actor=request.user, **form.changed_values()
            ),
        )
        if created:
            messages.success(
                request, _("The IT system %(system)s was added.") % {"system": created}
            )
            return redirect(_system_url(kommune, created))
    context = {
        "form": form,
        "heading": _("New IT system"),
        "cancel_url": reverse("systems:catalogue", kwargs={"kommune": kommune}),
    }
    return _rendered(request, "form.html", context, form)


@require_http_methods(["GET", "POST"])
def system_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    _viewable(request)
    # The catalogue's rows are not found here: the scoped manager holds only our own.
    system = get_object_or_404(ItSystem.objects.select_related("supplier"), pk=pk)
    require(_can_edit(request) and queries.is_own(system, request.municipality))
    heading = _("Edit the IT system %(system)s") % {"system": system}
    form = SystemForm(request.POST or None, instance=system)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_system(
                system,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_system_url(kommune, system))
    context = {"form": form, "heading": heading, "cancel_url": _system_url(kommune, system)}
    return _rendered(request, "form.html", context, form)


def supplier_list(request: HttpRequest, kommune: str) -> HttpResponse:
    _viewable(request)
    filterset = SupplierFilter(request.GET or None, queryset=queries.suppliers(), request=request)
    return render(
        request,
        "systems/catalogue/supplier_list.html",
        {
            "filter": filterset,
            "page": paginate(request, filterset.qs),
            "can_edit": _can_edit(request),
        },
    )


def supplier_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    _viewable(request)
    supplier = queries.supplier_detail(pk)
    return render(
        request,
        "systems/catalogue/supplier_detail.html",
        {
            "supplier": supplier,
            "systems": queries.systems_of_supplier(supplier),
            "usages": queries.usages_of_supplier(supplier),
        },
    )


@require_http_methods(["GET", "POST"])
def supplier_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(_can_edit(request))
    form = SupplierForm(request.POST or None, instance=Supplier(municipality=request.municipality))
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: services.create_supplier(
                request.municipality, actor=request.user, **form.changed_values()
            ),
        )
        if created:
            messages.success(
                request, _("The supplier %(supplier)s was added.") % {"supplier": created}
            )
            return redirect(_supplier_url(kommune, created))
    context = {
        "form": form,
        "heading": _("New supplier"),
        "cancel_url": reverse("systems:supplier_list", kwargs={"kommune": kommune}),
    }
    return _rendered(request, "form.html", context, form)
