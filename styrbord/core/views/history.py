"""History pages: one object's changes, the municipality's change log and access log."""

from django.apps import apps
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from styrbord.core import policy, queries
from styrbord.core.filters import AccessLogFilter, ChangeLogFilter
from styrbord.core.history import describe
from styrbord.core.views.helpers import paginate, require

# Object types whose history has a page, by URL name. Later modules add theirs here.
HISTORY_MODELS = {
    "org-unit": "core.OrgUnit",
    "person": "core.Person",
    "membership": "core.Membership",
}


def object_history(request: HttpRequest, kommune: str, model: str, pk: int) -> HttpResponse:
    if model not in HISTORY_MODELS:
        raise Http404
    model_class = apps.get_model(HISTORY_MODELS[model])
    obj = get_object_or_404(model_class.objects.all(), pk=pk)
    page = paginate(request, queries.history_of(obj))
    return render(
        request,
        "core/history/object.html",
        {"object": obj, "page": page, "entries": [describe(entry) for entry in page]},
    )


def change_log(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_administer(request.user, request.municipality))
    filterset = ChangeLogFilter(request.GET or None, queryset=queries.change_log())
    page = paginate(request, filterset.qs)
    return render(
        request,
        "core/history/log.html",
        {"filter": filterset, "page": page, "entries": [describe(entry) for entry in page]},
    )


def access_log(request: HttpRequest, kommune: str) -> HttpResponse:
    """Who opened which page with personal data, for the retention period."""
    require(policy.can_administer(request.user, request.municipality))
    filterset = AccessLogFilter(request.GET or None, queryset=queries.access_log())
    return render(
        request,
        "core/history/access_log.html",
        {
            "filter": filterset,
            "page": paginate(request, filterset.qs),
            "retention_days": settings.ACCESS_LOG_RETENTION_DAYS,
        },
    )
