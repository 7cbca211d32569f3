"""The digitalisation budget (digitaliseringsbudget): the pools per year, what the action
plan and direct allocations take from each, what is spent and what is left.

The steering group can set money aside for projects outside the plan, typically ones the
innovation group (IOD) starts; those are the direct allocations edited here. The rules on
how much may be allocated are in ``services.budget``.
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.views.helpers import require, save_versioned
from styrbord.plans import policy, queries_budget
from styrbord.plans.forms_budget import AllocationForm, PoolCreateForm, PoolForm
from styrbord.plans.models import BudgetAllocation, BudgetPool
from styrbord.plans.services import budget as budget_services


def _can_edit(request: HttpRequest) -> bool:
    return policy.can_edit(request.user, request.municipality)


def _pool(request: HttpRequest, year: int) -> BudgetPool:
    require(policy.can_view(request.user, request.municipality))
    pool = queries_budget.pool(year)
    if pool is None:
        raise Http404
    return pool


def _allocation(pool: BudgetPool, pk: int) -> BudgetAllocation:
    allocation = queries_budget.allocation(pool, pk)
    if allocation is None:
        raise Http404
    return allocation


def _pool_url(kommune: str, year: int) -> str:
    return reverse("plans:budget", kwargs={"kommune": kommune, "year": year})


def budgets(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    return render(
        request,
        "plans/budget/index.html",
        {"rows": queries_budget.pools(), "can_edit": _can_edit(request)},
    )


@require_http_methods(["GET", "POST"])
def budget_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = PoolCreateForm(
        request.POST or None, instance=BudgetPool(municipality=request.municipality)
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: budget_services.create_pool(
                municipality=request.municipality, actor=request.user, **form.changed_values()
            ),
        )
        if created:
            messages.success(request, _("%(pool)s was created.") % {"pool": created})
            return redirect(_pool_url(kommune, created.year))
    return render(
        request,
        "plans/budget/pool_form.html",
        {
            "form": form,
            "heading": _("New digitalisation budget"),
            "cancel_url": reverse("plans:budgets", kwargs={"kommune": kommune}),
        },
    )


def budget(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    pool = _pool(request, year)
    return render(
        request,
        "plans/budget/pool.html",
        {
            "pool": pool,
            "summary": queries_budget.summary(pool),
            "can_edit": _can_edit(request),
        },
    )


@require_http_methods(["GET", "POST"])
def budget_edit(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    pool = _pool(request, year)
    require(_can_edit(request))
    form = PoolForm(request.POST or None, instance=pool)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: budget_services.update_pool(
                pool,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_pool_url(kommune, year))
    return render(
        request,
        "plans/budget/pool_form.html",
        {
            "form": form,
            "pool": pool,
            "heading": _("Edit %(pool)s") % {"pool": pool},
            "cancel_url": _pool_url(kommune, year),
        },
    )


def _allocation_page(
    request: HttpRequest, kommune: str, pool: BudgetPool, form: AllocationForm, heading: str
) -> HttpResponse:
    context: dict[str, Any] = {
        "form": form,
        "pool": pool,
        "heading": heading,
        "cancel_url": _pool_url(kommune, pool.year),
        # Shown above the form so the editor knows how much fits before typing an amount.
        "remaining": pool.amount - budget_services.committed(pool),
    }
    return render(request, "plans/budget/allocation_form.html", context)


@require_http_methods(["GET", "POST"])
def allocation_create(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    pool = _pool(request, year)
    require(_can_edit(request))
    form = AllocationForm(
        request.POST or None,
        instance=BudgetAllocation(municipality=request.municipality, pool=pool),
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: budget_services.allocate(pool, actor=request.user, **form.changed_values()),
        )
        if created:
            messages.success(request, _("The allocation was saved."))
            return redirect(f"{_pool_url(kommune, year)}#allocations")
    elif request.method != "POST":
        form.suggest(request.GET.get("project"))
    return _allocation_page(request, kommune, pool, form, _("New allocation"))


@require_http_methods(["GET", "POST"])
def allocation_edit(request: HttpRequest, kommune: str, year: int, pk: int) -> HttpResponse:
    pool = _pool(request, year)
    require(_can_edit(request))
    allocation = _allocation(pool, pk)
    # Named before the form is bound, which sets the project typed on the instance.
    heading = _("Edit the allocation to %(project)s") % {"project": allocation.project}
    form = AllocationForm(request.POST or None, instance=allocation)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: budget_services.update_allocation(
                allocation,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(f"{_pool_url(kommune, year)}#allocations")
    return _allocation_page(request, kommune, pool, form, heading)


@require_http_methods(["GET", "POST"])
def allocation_delete(request: HttpRequest, kommune: str, year: int, pk: int) -> HttpResponse:
    pool = _pool(request, year)
    require(_can_edit(request))
    allocation = _allocation(pool, pk)
    if request.method == "POST":
        budget_services.delete_allocation(allocation, actor=request.user)
        messages.success(request, _("The allocation was deleted."))
        return redirect(f"{_pool_url(kommune, year)}#allocations")
    return render(
        request,
        "plans/budget/confirm_delete.html",
        {
            "pool": pool,
            "allocation": allocation,
            "heading": _("Delete the allocation to %(project)s") % {"project": allocation.project},
            "cancel_url": _pool_url(kommune, year),
        },
    )
