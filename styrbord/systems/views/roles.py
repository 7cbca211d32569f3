"""The role pages: the role catalogue with the municipality's own roles, who holds a role,
assigning and ending roles, the usages that lack a required role, and handing over every
role of a person who leaves."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.models import OrgUnit, Person
from styrbord.core.services.access import record_access
from styrbord.core.services.changes import StaleEdit
from styrbord.core.views.helpers import add_errors, paginate, render_form, require, save_versioned
from styrbord.systems import policy, queries_roles, role_catalogue
from styrbord.systems.forms_roles import (
    TARGET_LABELS,
    AssignmentEditForm,
    AssignmentForm,
    HandoverForm,
    RoleForm,
)
from styrbord.systems.models import Contract, Role, RoleAssignment, SystemUsage
from styrbord.systems.services import handover as handover_services
from styrbord.systems.services import roles as role_services

# The GET parameters that fix an assignment's target, with what they name.
TARGET_PARAMS = {
    role_catalogue.USAGE: lambda: SystemUsage.objects.select_related("system"),
    role_catalogue.CONTRACT: lambda: Contract.objects.all(),
    role_catalogue.ORG_UNIT: lambda: OrgUnit.objects.all(),
}


def lines(text: str) -> list[str]:
    """A role's responsibilities and tasks are kept one a line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def target_url(kommune: str, assignment: RoleAssignment) -> str:
    """The page of what the role is held on; the role's page for the municipality."""
    if assignment.usage_id:
        return reverse("systems:usage_detail", args=[kommune, assignment.usage_id])
    if assignment.contract_id:
        return reverse("systems:contract_detail", args=[kommune, assignment.contract_id])
    if assignment.org_unit_id:
        return reverse("core:org_unit_detail", args=[kommune, assignment.org_unit_id])
    return reverse("systems:role_detail", args=[kommune, assignment.role_id])


def _require_view(request: HttpRequest) -> None:
    require(policy.can_view(request.user, request.municipality))


def _can_edit(request: HttpRequest) -> bool:
    return policy.can_edit(request.user, request.municipality)


def _page(request: HttpRequest, template: str, context: dict[str, Any], form: Any) -> HttpResponse:
    return render_form(request, template, {"form": form, **context}, form)


def role_list(request: HttpRequest, kommune: str) -> HttpResponse:
    _require_view(request)
    page = paginate(request, queries_roles.roles().order_by("name", "pk"))
    rows = [
        {
            "role": role,
            "responsibilities": lines(role.responsibilities),
            "tasks": lines(role.tasks),
            "targets": [TARGET_LABELS[kind] for kind in role.applies_to if kind in TARGET_LABELS],
        }
        for role in page
    ]
    return render(
        request,
        "systems/roles/list.html",
        {"page": page, "rows": rows, "can_edit": _can_edit(request)},
    )


def role_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    _require_view(request)
    role = get_object_or_404(Role.shared.select_related("municipality"), pk=pk)
    record_access(request, role)
    page = paginate(request, queries_roles.holders_of(role))
    return render(
        request,
        "systems/roles/detail.html",
        {
            "role": role,
            "responsibilities": lines(role.responsibilities),
            "tasks": lines(role.tasks),
            "targets": [TARGET_LABELS[kind] for kind in role.applies_to if kind in TARGET_LABELS],
            "page": page,
            "rows": [{"assignment": a, "url": target_url(kommune, a)} for a in page],
            "is_own": not role.municipality.is_catalogue,
            "can_edit": _can_edit(request),
        },
    )


@require_http_methods(["GET", "POST"])
def role_create(request: HttpRequest, kommune: str) -> HttpResponse:
    _require_view(request)
    require(_can_edit(request))
    form = RoleForm(request.POST or None, instance=Role(municipality=request.municipality))
    if request.method == "POST" and form.is_valid():
        values = form.changed_values()
        created = save_versioned(
            form,
            lambda: role_services.create_role(request.municipality, actor=request.user, **values),
        )
        if created:
            messages.success(request, _("The role %(role)s was added.") % {"role": created})
            return redirect("systems:role_detail", kommune=kommune, pk=created.pk)
    return _page(
        request,
        "systems/roles/role_form.html",
        {"heading": _("Add a role"), "cancel_url": reverse("systems:roles", args=[kommune])},
        form,
    )


@require_http_methods(["GET", "POST"])
def role_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    _require_view(request)
    # Only the municipality's own roles: the scoped manager does not see the catalogue's.
    role = get_object_or_404(Role.objects.all(), pk=pk)
    require(_can_edit(request))
    heading = _("Edit the role %(role)s") % {"role": role}
    form = RoleForm(request.POST or None, instance=role)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: role_services.update_role(
                role,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("systems:role_detail", kommune=kommune, pk=role.pk)
    return _page(
        request,
        "systems/roles/role_form.html",
        {
            "heading": heading,
            "role": role,
            "cancel_url": reverse("systems:role_detail", args=[kommune, pk]),
        },
        form,
    )


def _fixed_target(request: HttpRequest) -> tuple[str | None, Any]:
    """The target named by the URL's parameter (usage, contract or org_unit), if any;
    another municipality's id is a 404 like any other."""
    for kind, queryset in TARGET_PARAMS.items():
        value = request.GET.get(kind)
        if value:
            if not value.isdigit():
                break
            return kind, get_object_or_404(queryset(), pk=int(value))
    return None, None


def _may_assign_on(request: HttpRequest, kind: str | None, target: Any) -> bool:
    if kind == role_catalogue.USAGE:
        return policy.can_keep_usage(request.user, target)
    if kind == role_catalogue.CONTRACT:
        return policy.can_keep_contract(request.user, target)
    return _can_edit(request)


@require_http_methods(["GET", "POST"])
def assignment_create(request: HttpRequest, kommune: str) -> HttpResponse:
    _require_view(request)
    kind, target = _fixed_target(request)
    require(_may_assign_on(request, kind, target))
    instance = RoleAssignment(municipality=request.municipality)
    if kind is not None:
        setattr(instance, kind, target)
    form = AssignmentForm(request.POST or None, instance=instance, kind=kind)
    if request.method == "GET" and request.GET.get("role", "").isdigit():
        form.initial["role"] = int(request.GET["role"])
    if request.method == "POST" and form.is_valid():
        values = form.changed_values()
        if kind is not None:
            values[kind] = target
        created = save_versioned(
            form,
            lambda: role_services.assign_role(request.municipality, actor=request.user, **values),
        )
        if created:
            messages.success(
                request,
                _("%(person)s now holds the role %(role)s.")
                % {"person": created.person, "role": created.role},
            )
            return redirect(target_url(kommune, created))
    cancel_url = (
        target_url(kommune, instance)
        if kind is not None
        else reverse("systems:roles", args=[kommune])
    )
    return _page(
        request,
        "systems/roles/assignment_form.html",
        {
            "heading": _("Assign a role"),
            "target": target,
            "target_label": TARGET_LABELS[kind] if kind else None,
            "cancel_url": cancel_url,
        },
        form,
    )


def _keepable_assignment(request: HttpRequest, pk: int) -> RoleAssignment:
    _require_view(request)
    assignment = get_object_or_404(
        RoleAssignment.objects.select_related(
            "role", "person", "usage__system", "contract", "org_unit"
        ),
        pk=pk,
    )
    require(role_services.may_keep(request.user, assignment))
    return assignment


@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    assignment = _keepable_assignment(request, pk)
    record_access(request, assignment)
    heading = _("Edit the role %(role)s held by %(person)s") % {
        "role": assignment.role,
        "person": assignment.person,
    }
    form = AssignmentEditForm(request.POST or None, instance=assignment)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: role_services.update_assignment(
                assignment,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(target_url(kommune, assignment))
    return _page(
        request,
        "systems/roles/assignment_edit.html",
        {
            "heading": heading,
            "assignment": assignment,
            "cancel_url": target_url(kommune, assignment),
        },
        form,
    )


@require_http_methods(["GET", "POST"])
def assignment_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    assignment = _keepable_assignment(request, pk)
    back = target_url(kommune, assignment)
    if request.method == "POST":
        role_services.remove_assignment(assignment, actor=request.user)
        messages.success(request, _("The role assignment was deleted."))
        return redirect(back)
    record_access(request, assignment)
    return render(
        request,
        "systems/roles/assignment_delete.html",
        {
            "assignment": assignment,
            "heading": _("Delete the role %(role)s held by %(person)s")
            % {"role": assignment.role, "person": assignment.person},
            "cancel_url": back,
        },
    )


def missing_roles(request: HttpRequest, kommune: str) -> HttpResponse:
    _require_view(request)
    required = queries_roles.required_roles()
    page = paginate(request, queries_roles.usages_missing_roles())
    return render(
        request,
        "systems/roles/missing.html",
        {
            "page": page,
            "required": required,
            "rows": [
                {"usage": usage, "missing": queries_roles.missing_of(usage, required)}
                for usage in page
            ],
        },
    )


@require_http_methods(["GET", "POST"])
def handover(request: HttpRequest, kommune: str, person_pk: int) -> HttpResponse:
    """Choose a successor and a day (GET), see what moves, confirm (POST)."""
    _require_view(request)
    person = get_object_or_404(Person.objects.select_related("org_unit"), pk=person_pk)
    require(_can_edit(request))
    record_access(request, person)
    data = request.POST if request.method == "POST" else request.GET
    form = HandoverForm(data if "successor" in data else None, person=person)
    preview = None
    if form.is_bound and form.is_valid():
        successor, on = form.cleaned_data["successor"], form.cleaned_data["on"]
        try:
            if request.method == "POST":
                count = handover_services.hand_over(person, successor, actor=request.user, on=on)
                messages.success(
                    request,
                    _("%(count)s roles and contracts were handed over to %(successor)s.")
                    % {"count": count, "successor": successor},
                )
                return redirect("core:person_detail", kommune=kommune, pk=successor.pk)
            preview = [
                {"item": item, "url": _item_url(kommune, item)}
                for item in handover_services.handover_preview(person, successor, on=on)
            ]
        except ValidationError as error:
            add_errors(form, error)
        except StaleEdit:
            form.add_error(
                None,
                _(
                    "Someone changed one of these roles meanwhile. Nothing was handed over; "
                    "check the preview and confirm again."
                ),
            )
    return _page(
        request,
        "systems/roles/handover.html",
        {
            "person": person,
            "preview": preview,
            "assignments": None if form.is_bound else list(queries_roles.assignments_of(person)),
            "cancel_url": reverse("core:person_detail", args=[kommune, person.pk]),
        },
        form,
    )


def _item_url(kommune: str, item: handover_services.HandoverItem) -> str:
    if item.contract is not None:
        return reverse("systems:contract_detail", args=[kommune, item.contract.pk])
    return target_url(kommune, item.assignment)
