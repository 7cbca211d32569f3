"""The landscape pages: the TIME quadrant, the lifecycle timeline, systems per org unit and
suppliers by number of systems and this year's spend."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from styrbord.core.views.helpers import paginate, require
from styrbord.systems import landscape_charts, policy, queries_landscape
from styrbord.systems.disposition import time_disposition


def _viewer(request: HttpRequest) -> None:
    require(policy.can_view(request.user, request.municipality))


def landscape(request: HttpRequest, kommune: str) -> HttpResponse:
    _viewer(request)
    usages = list(queries_landscape.in_use())
    rows = [
        (usage, time_disposition(usage.functional_fit, usage.technical_fit)) for usage in usages
    ]
    return render(
        request,
        "systems/landscape/time.html",
        {
            # Escaped in landscape_charts.
            "chart": mark_safe(landscape_charts.time_quadrant(usages)),  # noqa: S308
            "rows": rows,
            "unassessed": sum(1 for _usage, disposition in rows if disposition is None),
        },
    )


def lifecycle(request: HttpRequest, kommune: str) -> HttpResponse:
    _viewer(request)
    today = timezone.localdate()
    page = paginate(request, queries_landscape.dated())
    return render(
        request,
        "systems/landscape/lifecycle.html",
        {
            "page": page,
            # Escaped in landscape_charts.
            "chart": mark_safe(landscape_charts.lifecycle_timeline(list(page), today)),  # noqa: S308
        },
    )


def by_unit(request: HttpRequest, kommune: str) -> HttpResponse:
    _viewer(request)
    page = paginate(request, queries_landscape.org_units(), per_page=10)
    return render(request, "systems/landscape/units.html", {"page": page})


def suppliers(request: HttpRequest, kommune: str) -> HttpResponse:
    _viewer(request)
    year = timezone.localdate().year
    page = paginate(request, queries_landscape.suppliers(year))
    usages = queries_landscape.usages_of_suppliers(list(page))
    return render(
        request,
        "systems/landscape/suppliers.html",
        {
            "page": page,
            "year": year,
            "rows": [(supplier, usages.get(supplier.pk, [])) for supplier in page],
        },
    )
