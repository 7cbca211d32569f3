"""Resources: the hours an item asks of and is given by each org unit per quarter, each org
unit's capacity against them, and the plan quarter by quarter."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.models import OrgUnit, User
from styrbord.core.views.helpers import require, save_versioned
from styrbord.plans import policy, queries_capacity
from styrbord.plans.forms_resources import AddOrgUnitForm, CapacityForm, HoursForm
from styrbord.plans.models import ActionPlanItem, PlanVersion
from styrbord.plans.services import items as item_services
from styrbord.plans.services import plans as plan_services
from styrbord.plans.services._common import require_draft
from styrbord.plans.views._common import (
    version_context,
    version_url,
    viewable_version,
)


def _open_units() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(closed_on__isnull=True).order_by("name", "pk")


def _refused(request: HttpRequest, version: PlanVersion) -> bool:
    """Only a draft changes. Ask the service's own check, so the page says why (or 403s a
    reader), and nothing is attempted."""
    if version.is_editable:
        return False
    try:
        require_draft(version, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return True


class _RollBack(Exception):
    pass


def _save_hours(form: HoursForm, item: ActionPlanItem, actor: User) -> bool:
    """Save every changed cell, or none: a refused cell gets its error and the rest is
    rolled back, so what the page shows and what is saved never half agree."""
    failed = False
    try:
        with transaction.atomic():
            for cell in form.changed_cells():
                try:
                    item_services.set_hours(
                        item,
                        actor=actor,
                        org_unit=cell.org_unit,
                        quarter=cell.quarter,
                        requested_hours=cell.requested,
                        allocated_hours=cell.allocated,
                    )
                except ValidationError as error:
                    failed = True
                    form.add_cell_error(cell, error)
            if failed:
                raise _RollBack
    except _RollBack:
        return False
    return True


@require_http_methods(["GET", "POST"])
def item_hours(request: HttpRequest, kommune: str, year: int, number: int, pk: int) -> HttpResponse:
    version = viewable_version(request, year, number)
    item = get_object_or_404(
        ActionPlanItem.objects.select_related("project"), pk=pk, plan_version=version
    )
    url = version_url("item_hours", kommune, version, pk=item.pk)
    if request.method == "POST":
        require(policy.can_edit(request.user, request.municipality))
        if _refused(request, version):
            return redirect(url)
    hours = queries_capacity.item_hours(item)
    table = queries_capacity.hours_table(item, hours)
    form = None
    if version.is_editable and policy.can_edit(request.user, request.municipality):
        form = HoursForm(
            request.POST or None,
            hours=hours,
            units=[row.org_unit for row in table.rows],
            choices=_open_units(),
        )
        posted = request.method == "POST" and form.is_valid() and form.check_stamp()
        if posted and _save_hours(form, item, request.user):
            messages.success(request, _("The hours were saved."))
            return redirect(url)
    grid = [
        {"row": row, "cells": cells}
        for row, (_unit, cells) in zip(table.rows, form.rows() if form else [], strict=False)
    ]
    context = {
        "plan": version.plan,
        "version": version,
        "item": item,
        "table": table,
        "form": form,
        "grid": grid,
        "requested_total": sum(total.requested for total in table.totals),
        "allocated_total": sum(total.allocated for total in table.totals),
    }
    return render(request, "plans/resources/item_hours.html", context)


def capacity(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    version = viewable_version(request, year, number)
    context = version_context(request, version, "capacity")
    table = queries_capacity.load(version)
    add_form = None
    if context["editable"]:
        # Choosing a unit to add is a GET form, so the page works without JavaScript: a
        # valid choice goes on to the unit's capacity form.
        choices = _open_units().exclude(pk__in=[row.org_unit.pk for row in table.rows])
        add_form = AddOrgUnitForm(
            request.GET if "org_unit" in request.GET else None, choices=choices
        )
        if add_form.is_bound and add_form.is_valid():
            unit = add_form.cleaned_data["org_unit"]
            return redirect(version_url("capacity_edit", kommune, version, org_unit=unit.pk))
    context |= {"table": table, "add_form": add_form}
    return render(request, "plans/resources/capacity.html", context)


@require_http_methods(["GET", "POST"])
def capacity_edit(
    request: HttpRequest, kommune: str, year: int, number: int, org_unit: int
) -> HttpResponse:
    version = viewable_version(request, year, number)
    require(policy.can_edit(request.user, request.municipality))
    unit = get_object_or_404(OrgUnit.objects.all(), pk=org_unit)
    back = version_url("capacity", kommune, version)
    if _refused(request, version):
        return redirect(back)
    form = CapacityForm(
        request.POST or None, capacities=queries_capacity.unit_capacity(version, unit)
    )
    if request.method == "POST" and form.is_valid() and form.check_stamp():

        def save() -> bool:
            plan_services.set_capacity(
                version, actor=request.user, org_unit=unit, hours=form.hours()
            )
            return True

        if save_versioned(form, save):
            messages.success(
                request, _("The capacity of %(unit)s was saved.") % {"unit": unit.name}
            )
            return redirect(back)
    context = {
        "plan": version.plan,
        "version": version,
        "org_unit": unit,
        "form": form,
        "demand": queries_capacity.load(version).row(unit.pk),
        "back": back,
    }
    return render(request, "plans/resources/capacity_form.html", context)


def quarters(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    version = viewable_version(request, year, number)
    context = version_context(request, version, "quarters")
    context["view"] = queries_capacity.by_quarter(version)
    return render(request, "plans/resources/quarters.html", context)
