"""What every plan page needs: the plan and version from the URL, and who may edit."""

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse

from styrbord.core.views.helpers import require
from styrbord.plans import policy, queries
from styrbord.plans.models import ActionPlan, PlanVersion


def load_plan(year: int) -> ActionPlan:
    plan = queries.plans().filter(year=year).first()
    if plan is None:
        raise Http404
    return plan


def load_version(year: int, number: int) -> PlanVersion:
    plan = load_plan(year)
    try:
        return queries.version(plan, number)
    except PlanVersion.DoesNotExist as missing:
        raise Http404 from missing


def version_context(request: HttpRequest, version: PlanVersion, tab: str) -> dict[str, Any]:
    """The context ``plans/_version_header.html`` needs; ``tab`` names the current tab."""
    return {
        "plan": version.plan,
        "version": version,
        "tab": tab,
        "can_edit": policy.can_edit(request.user, request.municipality),
        "editable": version.is_editable and policy.can_edit(request.user, request.municipality),
        "versions": list(queries.versions_of(version.plan)),
    }


def viewable_version(request: HttpRequest, year: int, number: int) -> PlanVersion:
    """The version from the URL, for a user who may read the plan."""
    require(policy.can_view(request.user, request.municipality))
    return load_version(year, number)


def version_url(name: str, kommune: str, version: PlanVersion, **kwargs: Any) -> str:
    """The URL of a page of ``version`` (``name`` without the namespace)."""
    return reverse(
        f"plans:{name}",
        kwargs={"kommune": kommune, "year": version.plan.year, "number": version.number, **kwargs},
    )
