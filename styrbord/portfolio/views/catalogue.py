"""Pages for the shared catalogue's national and fælleskommunale projects."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from styrbord.core.panels import panels_for
from styrbord.core.views.helpers import paginate
from styrbord.portfolio import policy, queries, queries_catalogue
from styrbord.portfolio.filters_ideas import CatalogueProjectFilter


def catalogue_list(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = CatalogueProjectFilter(
        request.GET or None, queryset=queries_catalogue.catalogue_list(), request=request
    )
    return render(
        request,
        "portfolio/catalogue/list.html",
        {"filter": filterset, "page": paginate(request, filterset.qs)},
    )


def catalogue_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    # Only catalogue rows: a municipality's own project id is not found here.
    shared = get_object_or_404(queries.catalogue_projects(), pk=pk)
    return render(
        request,
        "portfolio/catalogue/detail.html",
        {
            "project": shared,
            "municipalities": queries.implementing_municipalities(shared),
            "implementations": queries_catalogue.implementations_of(shared),
            "can_edit": policy.can_edit(request.user, request.municipality),
            "panels": panels_for("catalogue-project", request, shared),
        },
    )
