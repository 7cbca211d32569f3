"""The KITOS synchronisation page for local administrators: settings, runs, a run's changes.

A run happens inside the request: one municipality's portfolio is a few hundred rows, which
KITOS delivers and Styrbord writes in seconds. A national installation would hand it to a
worker instead (see docs/architecture.md).
"""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from styrbord.core.models import OrgUnit, Person
from styrbord.core.views.helpers import paginate, require
from styrbord.integrations.kitos.importer import client_from_settings, is_configured, synchronise
from styrbord.systems import policy
from styrbord.systems.models import (
    Contract,
    ContractCost,
    DataProcessingRegistration,
    ItSystem,
    KitosRun,
    Oversight,
    RoleAssignment,
    RunStatus,
    Supplier,
    SystemUsage,
)

CHANGES_PER_PAGE = 50

KINDS: dict[str, tuple[Any, Any]] = {
    "org_unit": (gettext_lazy("Organisation units"), OrgUnit),
    "supplier": (gettext_lazy("Suppliers"), Supplier),
    "system": (gettext_lazy("IT systems"), ItSystem),
    "usage": (gettext_lazy("System usages"), SystemUsage),
    "contract": (gettext_lazy("Contracts"), Contract),
    "contract_cost": (gettext_lazy("Contract costs"), ContractCost),
    "registration": (gettext_lazy("Data-processing registrations"), DataProcessingRegistration),
    "oversight": (gettext_lazy("Oversights"), Oversight),
    "person": (gettext_lazy("Persons"), Person),
    "role_assignment": (gettext_lazy("Role assignments"), RoleAssignment),
}
ACTIONS = {
    "created": gettext_lazy("Created"),
    "updated": gettext_lazy("Updated"),
    "unchanged": gettext_lazy("Unchanged"),
    "removed": gettext_lazy("Removed"),
    "skipped": gettext_lazy("Skipped"),
}


def _kind_label(kind: str) -> str:
    return str(KINDS[kind][0]) if kind in KINDS else kind


def _field_label(kind: str, field: str) -> str:
    model = KINDS.get(kind, (None, None))[1]
    try:
        return str(model._meta.get_field(field).verbose_name) if model else field
    except FieldDoesNotExist:  # a field renamed since the run was stored
        return field


def _shown(value: Any) -> Any:
    """A stored value as a reader sees it: lists joined, yes/no in words."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(_shown(item)) for item in value) or None
    if isinstance(value, dict):
        return " ".join(str(item) for item in value.values())
    return value


def _count_rows(run: KitosRun) -> list[dict[str, Any]]:
    ordered = [kind for kind in KINDS if kind in run.counts]
    ordered += [kind for kind in run.counts if kind not in KINDS]
    return [
        {
            "label": _kind_label(kind),
            "counts": [run.counts[kind].get(action, 0) for action in ACTIONS],
        }
        for kind in ordered
    ]


def _require_admin(request: HttpRequest) -> None:
    require(policy.can_administer(request.user, request.municipality))


def kitos(request: HttpRequest, kommune: str) -> HttpResponse:
    _require_admin(request)
    runs = paginate(
        request, KitosRun.objects.select_related("started_by").order_by("-started_at", "-id")
    )
    return render(
        request,
        "systems/kitos/kitos.html",
        {
            "kitos_url": settings.KITOS_URL,
            "configured": is_configured(),
            "has_email": bool(settings.KITOS_EMAIL),
            "page": runs,
            "rows": [{"run": run, "total": _changed(run)} for run in runs],
        },
    )


def _changed(run: KitosRun) -> dict[str, int]:
    totals = {"created": 0, "updated": 0, "removed": 0, "skipped": 0}
    for counts in run.counts.values():
        for action in totals:
            totals[action] += counts.get(action, 0)
    return totals


@require_POST
def kitos_start(request: HttpRequest, kommune: str) -> HttpResponse:
    _require_admin(request)
    if not is_configured():
        messages.error(request, _("KITOS is not configured: nothing was read."))
        return redirect("systems:kitos", kommune=kommune)
    run = synchronise(
        request.municipality,
        client_from_settings(),
        actor=request.user,
        dry_run=request.POST.get("dry_run") == "1",
        full=request.POST.get("full") == "1",
    )
    if run.status == RunStatus.FAILED:
        messages.error(request, _("The synchronisation failed: %(error)s") % {"error": run.error})
    elif run.dry_run:
        messages.success(request, _("Preview ready: nothing was written."))
    else:
        messages.success(request, _("Synchronised with KITOS."))
    return redirect("systems:kitos_run", kommune=kommune, pk=run.pk)


def kitos_run(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    _require_admin(request)
    run = get_object_or_404(KitosRun.objects.select_related("started_by"), pk=pk)
    # The changes are one JSON list on the run; paging it in memory is bounded by the run.
    page = Paginator(run.changes, CHANGES_PER_PAGE).get_page(request.GET.get("side"))
    changes = [
        {
            **change,
            "kind_label": _kind_label(change["kind"]),
            "action_label": ACTIONS.get(change["action"], change["action"]),
            "fields": [
                {
                    "label": _field_label(change["kind"], field["field"]),
                    "before": _shown(field.get("before")),
                    "after": _shown(field.get("after")),
                }
                for field in change.get("fields", [])
            ],
        }
        for change in page
    ]
    problems = [{**problem, "kind_label": _kind_label(problem["kind"])} for problem in run.problems]
    # A real run keeps its first changes only (the change log has every one); say so.
    written = sum(
        count
        for counts in run.counts.values()
        for action, count in counts.items()
        if action in ("created", "updated", "removed")
    )
    return render(
        request,
        "systems/kitos/kitos_run.html",
        {
            "run": run,
            "count_rows": _count_rows(run),
            "actions": list(ACTIONS.values()),
            "page": page,
            "changes": changes,
            "problems": problems,
            "kept": len(run.changes),
            "written": written,
        },
    )
