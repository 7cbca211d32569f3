"""The action plan's core pages: the list of plans, a plan and its versions, the ranked
plan with its items, and making or discarding a revision."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core.services.changes import StaleEdit
from styrbord.core.views.helpers import add_errors, require, save_versioned
from styrbord.plans import policy, queries
from styrbord.plans.forms import (
    ItemCreateForm,
    ItemEditForm,
    MoveForm,
    PlanCreateForm,
    PlanForm,
    RevisionForm,
    VersionTextForm,
)
from styrbord.plans.models import (
    OPEN_STATES,
    ActionPlan,
    ActionPlanItem,
    BudgetPool,
    PlanVersion,
    VersionState,
)
from styrbord.plans.services import items as item_services
from styrbord.plans.services import plans as plan_services
from styrbord.plans.services._common import require_draft
from styrbord.plans.views._common import (
    load_plan,
    version_context,
    viewable_version,
)

STALE_ORDER = gettext_lazy(
    "Someone else changed the order of the plan at the same time. Nothing was moved; "
    "this is the current order."
)


def _version_url(kommune: str, version: PlanVersion, anchor: str = "") -> str:
    url = reverse(
        "plans:version",
        kwargs={"kommune": kommune, "year": version.plan.year, "number": version.number},
    )
    return f"{url}#{anchor}" if anchor else url


def _can_edit(request: HttpRequest) -> bool:
    return policy.can_edit(request.user, request.municipality)


def _editable_version(request: HttpRequest, year: int, number: int) -> PlanVersion:
    version = viewable_version(request, year, number)
    require(_can_edit(request))
    return version


def _refused(request: HttpRequest, kommune: str, version: PlanVersion) -> HttpResponse | None:
    """Send a GET for a form on a version that cannot change back to the version, with the
    service's reason; a POST goes to the service, which refuses it on the form."""
    if request.method != "GET":
        return None
    try:
        require_draft(version, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_version_url(kommune, version))
    return None


def _confirm(request: HttpRequest, version: PlanVersion, **texts: str) -> HttpResponse:
    """The confirmation page before removing; ``texts``: heading, explanation,
    submit_label, cancel_url."""
    context = {"plan": version.plan, "version": version, **texts}
    return render(request, "plans/confirm_delete.html", context)


def _item(version: PlanVersion, pk: int) -> ActionPlanItem:
    item = get_object_or_404(
        ActionPlanItem.objects.filter(plan_version=version).select_related("project"), pk=pk
    )
    item.plan_version = version  # already loaded with its plan, for the services' messages
    return item


# The plans ------------------------------------------------------------------------------


def _current(versions: list[PlanVersion]) -> PlanVersion | None:
    """As ``queries.current_version``, from versions already fetched (ordered by number)."""
    approved = [v for v in versions if v.state == VersionState.APPROVED]
    return approved[-1] if approved else (versions[0] if versions else None)


def index(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    plans = list(
        queries.plans().prefetch_related(
            Prefetch("versions", queryset=PlanVersion.objects.order_by("number"))
        )
    )
    rows = []
    for plan in plans:
        versions = list(plan.versions.all())
        open_ = next((v for v in versions if v.state in OPEN_STATES), None)
        current = _current(versions)
        rows.append({"plan": plan, "current": current, "open": open_ if open_ != current else None})
    return render(request, "plans/index.html", {"rows": rows, "can_edit": _can_edit(request)})


@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(_can_edit(request))
    form = PlanCreateForm(
        request.POST or None, instance=ActionPlan(municipality=request.municipality)
    )
    if request.method == "POST" and form.is_valid():
        plan = save_versioned(
            form,
            lambda: plan_services.create_plan(
                municipality=request.municipality,
                actor=request.user,
                year=form.cleaned_data["year"],
                introduction=form.cleaned_data["introduction"],
                **form.changed_values(),
            ),
        )
        if plan:
            messages.success(request, _("%(plan)s was created.") % {"plan": plan})
            return redirect("plans:version", kommune=kommune, year=plan.year, number=1)
    return render(request, "plans/plan_form.html", {"form": form})


def plan(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    """The plan means its open version to those who work on it, else the current one."""
    require(policy.can_view(request.user, request.municipality))
    found = load_plan(year)
    version = queries.open_version(found) if _can_edit(request) else None
    version = version or queries.current_version(found)
    if version is None:
        return redirect("plans:index", kommune=kommune)
    return redirect("plans:version", kommune=kommune, year=year, number=version.number)


@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    require(_can_edit(request))
    found = load_plan(year)
    form = PlanForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: plan_services.update_plan(
                found,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("plans:plan", kommune=kommune, year=year)
    return render(request, "plans/plan_form.html", {"form": form, "plan": found})


# A version ------------------------------------------------------------------------------


def _pool_amount(version: PlanVersion) -> Decimal | None:
    """The budget as the approved version saw it, else the year's budget as it is now."""
    if version.frozen and version.frozen.get("pool_amount") is not None:
        return Decimal(version.frozen["pool_amount"])
    pool = BudgetPool.objects.filter(year=version.plan.year).first()
    return pool.amount if pool is not None else None


def version(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    shown = viewable_version(request, year, number)
    context = version_context(request, shown, "plan")
    rows = queries.ranked(shown)
    items = [row.item for row in rows]
    decided = shown.state in (VersionState.APPROVED, VersionState.REJECTED)
    context |= {
        "rows": rows,
        "decided": decided,
        "total_requested": sum((item.requested_amount for item in items), Decimal(0)),
        "total_allocated": sum((item.allocated_amount for item in items), Decimal(0)),
        "total_requested_hours": sum(row.requested_hours for row in rows),
        "total_allocated_hours": sum(row.allocated_hours for row in rows),
        "pool_amount": _pool_amount(shown),
        "has_open_version": any(v.state in OPEN_STATES for v in context["versions"]),
        "can_discard": context["editable"] and shown.is_revision,
    }
    return render(request, "plans/version.html", context)


@require_http_methods(["GET", "POST"])
def version_edit(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    shown = _editable_version(request, year, number)
    if refused := _refused(request, kommune, shown):
        return refused
    form = VersionTextForm(request.POST or None, instance=shown)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: plan_services.update_version(
                shown,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_version_url(kommune, shown))
    return render(
        request,
        "plans/version_form.html",
        {"form": form, "plan": shown.plan, "version": shown},
    )


@require_http_methods(["GET", "POST"])
def revision_create(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    require(_can_edit(request))
    found = load_plan(year)
    form = RevisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            revision = plan_services.create_revision(
                found, actor=request.user, change_note=form.cleaned_data["change_note"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Version %(number)s was made.") % {"number": revision.number}
            )
            return redirect("plans:version", kommune=kommune, year=year, number=revision.number)
    return render(request, "plans/revision_form.html", {"form": form, "plan": found})


@require_http_methods(["GET", "POST"])
def version_delete(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    shown = _editable_version(request, year, number)
    if refused := _refused(request, kommune, shown):
        return refused
    if request.method == "POST":
        try:
            plan_services.delete_draft(shown, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_version_url(kommune, shown))
        messages.success(request, _("Version %(number)s was discarded.") % {"number": shown.number})
        return redirect("plans:plan", kommune=kommune, year=year)
    return _confirm(
        request,
        shown,
        heading=_("Discard version %(number)s") % {"number": shown.number},
        explanation=_(
            "The draft revision and its items, scores and hours are discarded. The versions "
            "before it stay as they were decided. The change log keeps what the draft said."
        ),
        submit_label=_("Discard"),
        cancel_url=_version_url(kommune, shown),
    )


# Items ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    shown = _editable_version(request, year, number)
    if refused := _refused(request, kommune, shown):
        return refused
    form = ItemCreateForm(request.POST or None, version=shown)
    if not form.is_bound and request.GET.get("project", "").isdigit():
        chosen = int(request.GET["project"])
        if form.fields["project"].queryset.filter(pk=chosen).exists():
            form.initial["project"] = chosen
    if request.method == "POST" and form.is_valid():
        values = form.changed_values()
        created = save_versioned(
            form, lambda: item_services.add_item(shown, actor=request.user, **values)
        )
        if created:
            messages.success(request, _("%(title)s was added to the plan.") % {"title": created})
            return redirect(_version_url(kommune, shown, f"item-{created.pk}"))
    return render(
        request,
        "plans/item_form.html",
        {"form": form, "plan": shown.plan, "version": shown},
    )


@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, kommune: str, year: int, number: int, pk: int) -> HttpResponse:
    shown = _editable_version(request, year, number)
    item = _item(shown, pk)
    if refused := _refused(request, kommune, shown):
        return refused
    form = ItemEditForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: item_services.update_item(
                item,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_version_url(kommune, shown, f"item-{item.pk}"))
    return render(
        request,
        "plans/item_form.html",
        {"form": form, "plan": shown.plan, "version": shown, "item": item},
    )


@require_http_methods(["GET", "POST"])
def item_delete(
    request: HttpRequest, kommune: str, year: int, number: int, pk: int
) -> HttpResponse:
    shown = _editable_version(request, year, number)
    item = _item(shown, pk)
    if refused := _refused(request, kommune, shown):
        return refused
    if request.method == "POST":
        try:
            item_services.delete_item(item, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(title)s was removed from the plan.") % {"title": item.shown_title}
            )
        return redirect(_version_url(kommune, shown))
    return _confirm(
        request,
        shown,
        heading=_("Remove %(title)s from the plan") % {"title": item.shown_title},
        explanation=_(
            "The item, its scores and its hours are removed from this version, and the "
            "items below it move up. The change log keeps what it said."
        ),
        submit_label=_("Remove"),
        cancel_url=_version_url(kommune, shown, f"item-{item.pk}"),
    )


def _ranking_refused(request: HttpRequest, error: Exception) -> None:
    if isinstance(error, StaleEdit):
        messages.error(request, STALE_ORDER)
    else:
        messages.error(request, " ".join(error.messages))


@require_POST
def item_move(request: HttpRequest, kommune: str, year: int, number: int, pk: int) -> HttpResponse:
    shown = _editable_version(request, year, number)
    item = _item(shown, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to move the item up or down, and reload the page."))
        return redirect(_version_url(kommune, shown))
    try:
        item_services.move_item(
            item,
            actor=request.user,
            expected_version=form.cleaned_data["version"],
            direction=form.cleaned_data["direction"],
        )
    except (StaleEdit, ValidationError) as error:
        _ranking_refused(request, error)
        return redirect(_version_url(kommune, shown))
    return redirect(_version_url(kommune, shown, f"item-{item.pk}"))


def _ints(values: list[str]) -> list[int] | None:
    try:
        return [int(value) for value in values]
    except ValueError:
        return None


@require_POST
def reorder(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    shown = _editable_version(request, year, number)
    order = _ints(request.POST.getlist("order"))
    expected = _ints([request.POST.get("version", "")])
    if order is None or expected is None:
        messages.error(request, _("The new order could not be read. Reload the page."))
        return redirect(_version_url(kommune, shown))
    try:
        item_services.reorder(shown, actor=request.user, expected_version=expected[0], order=order)
    except (StaleEdit, ValidationError) as error:
        _ranking_refused(request, error)
    else:
        messages.success(request, _("The new order was saved."))
    return redirect(_version_url(kommune, shown))
