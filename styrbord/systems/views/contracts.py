"""The contract pages: the list with filters, the expiry overview, a contract with its
computed deadlines, costs and usages, and the forms that write through
``services.contracts``."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core.panels import panels_for
from styrbord.core.services.access import record_access
from styrbord.core.views.helpers import add_errors, paginate, render_form, require, save_versioned
from styrbord.systems import policy
from styrbord.systems import queries_contracts as queries
from styrbord.systems.filters_contracts import ContractFilter
from styrbord.systems.forms_contracts import (
    ContractCostForm,
    ContractForm,
    ContractUsagesForm,
    kitos_source,
)
from styrbord.systems.models import Contract, ContractCost
from styrbord.systems.services import contracts as services


def _viewable(request: HttpRequest, pk: int) -> Contract:
    require(policy.can_view(request.user, request.municipality))
    return get_object_or_404(queries.contract_detail(), pk=pk)


def _keepable(request: HttpRequest, pk: int) -> Contract:
    contract = _viewable(request, pk)
    require(policy.can_keep_contract(request.user, contract))
    return contract


def _detail_url(kommune: str, pk: int, anchor: str = "") -> str:
    url = reverse("systems:contract_detail", kwargs={"kommune": kommune, "pk": pk})
    return f"{url}#{anchor}" if anchor else url


def _rendered(request: HttpRequest, template: str, context: dict[str, Any], form) -> HttpResponse:
    return render_form(request, f"systems/contracts/{template}", context, form)


def contract_list(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    filterset = ContractFilter(request.GET or None, queryset=queries.contracts(), request=request)
    page = paginate(request, filterset.qs)
    # The list shows who owns each contract: personal data.
    record_access(request)
    return render(
        request,
        "systems/contracts/index.html",
        {
            "filter": filterset,
            "page": page,
            "rows": queries.with_deadlines(page),
            "year": timezone.localdate().year,
            "can_create": policy.can_edit(request.user, request.municipality),
        },
    )


def expiring(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    today = timezone.localdate()
    bands = [
        (_("Expiring within 6 months"), queries.expiring(6, today=today)),
        (_("Expiring in 6 to 12 months"), queries.expiring(12, today=today, after_months=6)),
        (_("Expiring in 12 to 18 months"), queries.expiring(18, today=today, after_months=12)),
    ]
    notice_soon = queries.notice_due_within(
        queries.open_contracts(), queries.NOTICE_SOON_MONTHS, today=today
    )
    record_access(request)
    return render(
        request,
        "systems/contracts/expiring.html",
        {
            "sections": [
                (index, heading, queries.with_deadlines(rows, today))
                for index, (heading, rows) in enumerate(bands, start=1)
            ],
            "notice_rows": sorted(
                queries.with_deadlines(notice_soon, today), key=lambda row: row[1].notice_by
            ),
        },
    )


def contract_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    contract = _viewable(request, pk)
    record_access(request, contract)
    return render(
        request,
        "systems/contracts/detail.html",
        {
            "contract": contract,
            "deadlines": queries.contract_deadlines(contract),
            "costs": queries.costs_of(contract),
            "usages": list(queries.usages_of(contract)),
            "children": list(queries.children_of(contract)),
            "kitos_source": kitos_source(contract) if contract.kitos_uuid else "",
            "panels": panels_for("contract", request, contract),
            "can_keep": policy.can_keep_contract(request.user, contract),
            "can_edit": policy.can_edit(request.user, request.municipality),
        },
    )


def _form_page(
    request: HttpRequest, kommune: str, form: ContractForm, heading: str
) -> HttpResponse:
    pk = form.instance.pk
    cancel = _detail_url(kommune, pk) if pk else reverse("systems:contracts", args=[kommune])
    return _rendered(
        request,
        "form.html",
        {
            "form": form,
            "heading": heading,
            "contract": form.instance if pk else None,
            "cancel_url": cancel,
        },
        form,
    )


@require_http_methods(["GET", "POST"])
def contract_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = ContractForm(request.POST or None, instance=Contract(municipality=request.municipality))
    if request.method == "POST" and form.is_valid():
        values = form.changed_values()
        created = save_versioned(
            form,
            lambda: services.create_contract(request.municipality, actor=request.user, **values),
        )
        if created:
            messages.success(
                request, _("The contract %(contract)s was added.") % {"contract": created}
            )
            return redirect(_detail_url(kommune, created.pk))
    return _form_page(request, kommune, form, _("Add a contract"))


@require_http_methods(["GET", "POST"])
def contract_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    contract = _keepable(request, pk)
    # Named before the form is bound, which sets the name typed on the instance.
    heading = _("Edit the contract %(contract)s") % {"contract": contract}
    form = ContractForm(request.POST or None, instance=contract)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_contract(
                # A fresh copy: the bound form has already set the typed values on
                # ``contract``, and the service compares against what is stored.
                queries.contract_detail().get(pk=contract.pk),
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_detail_url(kommune, contract.pk))
    return _form_page(request, kommune, form, heading)


@require_http_methods(["GET", "POST"])
def contract_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    contract = _viewable(request, pk)
    require(policy.can_edit(request.user, request.municipality))
    children = list(queries.children_of(contract))
    if request.method == "POST" and not children:
        services.delete_contract(contract, actor=request.user)
        messages.success(
            request, _("The contract %(contract)s was deleted.") % {"contract": contract}
        )
        return redirect("systems:contracts", kommune=kommune)
    return render(
        request,
        "systems/contracts/confirm_delete.html",
        {
            "contract": contract,
            "children": children,
            "heading": _("Delete the contract %(contract)s") % {"contract": contract},
            "cancel_url": _detail_url(kommune, contract.pk),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def contract_usages(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    contract = _keepable(request, pk)
    form = ContractUsagesForm(request.POST or None, contract=contract)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_usages(contract, form.cleaned_data["usages"], actor=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The usages covered by the contract were saved."))
            return redirect(_detail_url(kommune, contract.pk, "usages"))
    return _rendered(
        request,
        "usages_form.html",
        {"form": form, "contract": contract, "cancel_url": _detail_url(kommune, contract.pk)},
        form,
    )


@require_http_methods(["GET", "POST"])
def cost_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    contract = _keepable(request, pk)
    form = ContractCostForm(
        request.POST or None,
        instance=ContractCost(municipality=request.municipality, contract=contract),
        initial={"year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_cost(contract, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The cost was added."))
            return redirect(_detail_url(kommune, contract.pk, "costs"))
    return _rendered(
        request,
        "cost_form.html",
        {"form": form, "contract": contract, "cancel_url": _detail_url(kommune, contract.pk)},
        form,
    )


@require_POST
def cost_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    cost = get_object_or_404(ContractCost.objects.select_related("contract__owner"), pk=pk)
    require(policy.can_keep_contract(request.user, cost.contract))
    services.delete_cost(cost, actor=request.user)
    messages.success(request, _("The cost was deleted."))
    return redirect(_detail_url(kommune, cost.contract_id, "costs"))
