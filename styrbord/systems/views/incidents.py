"""The security-incident pages: the list with the breaches still to be notified, an
incident with Datatilsynet's 72-hour countdown, the report every member may make and the
editors' follow-up, all writing through ``services.data_protection``."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.views.helpers import paginate, render_form, require, save_versioned
from styrbord.systems import policy
from styrbord.systems import queries_protection as queries
from styrbord.systems.filters_protection import IncidentFilter
from styrbord.systems.forms_protection import IncidentForm, IncidentReportForm
from styrbord.systems.models import SecurityIncident, SystemUsage
from styrbord.systems.services import data_protection as services

# The breaches still to be notified shown above the list; the oldest are the most urgent.
OPEN_BREACHES_SHOWN = 20


def _viewable(request: HttpRequest, pk: int) -> SecurityIncident:
    require(policy.can_view(request.user, request.municipality))
    return get_object_or_404(queries.incidents(), pk=pk)


def _detail_url(kommune: str, pk: int) -> str:
    return reverse("systems:incident_detail", kwargs={"kommune": kommune, "pk": pk})


def _rendered(request: HttpRequest, template: str, context: dict[str, Any], form) -> HttpResponse:
    return render_form(request, f"systems/incidents/{template}", context, form)


def incident_list(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    filterset = IncidentFilter(
        request.GET or None,
        queryset=queries.incidents().order_by("-detected_at", "-pk"),
        request=request,
    )
    page = paginate(request, filterset.qs)
    return render(
        request,
        "systems/incidents/index.html",
        {
            "filter": filterset,
            "page": page,
            "rows": queries.incident_rows(page),
            "open_rows": queries.incident_rows(queries.open_breaches()[:OPEN_BREACHES_SHOWN]),
            "open_shown": OPEN_BREACHES_SHOWN,
            "can_report": policy.can_report_incident(request.user, request.municipality),
        },
    )


def incident_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    incident = _viewable(request, pk)
    (row,) = queries.incident_rows([incident])
    return render(
        request,
        "systems/incidents/detail.html",
        {
            **row,
            "can_edit": policy.can_edit(request.user, request.municipality),
        },
    )


def _preselected_usage(request: HttpRequest) -> SystemUsage | None:
    """The usage named by ``?usage=``, when it is this municipality's."""
    pk = request.GET.get("usage", "")
    if not pk.isdigit():
        return None
    return SystemUsage.objects.filter(pk=pk).first()


@require_http_methods(["GET", "POST"])
def incident_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_report_incident(request.user, request.municipality))
    usage = None if request.method == "POST" else _preselected_usage(request)
    form = IncidentReportForm(
        request.POST or None,
        instance=SecurityIncident(municipality=request.municipality),
        initial={"usage": usage.pk} if usage else None,
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: services.report_incident(
                request.municipality, actor=request.user, **form.changed_values()
            ),
        )
        if created:
            messages.success(request, _("The security incident was reported."))
            return redirect(_detail_url(kommune, created.pk))
    return _rendered(
        request,
        "form.html",
        {
            "form": form,
            "heading": _("Report a security incident"),
            "is_report": True,
            "cancel_url": reverse("systems:incidents", args=[kommune]),
        },
        form,
    )


@require_http_methods(["GET", "POST"])
def incident_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    incident = _viewable(request, pk)
    require(policy.can_edit(request.user, request.municipality))
    form = IncidentForm(request.POST or None, instance=incident)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_incident(
                # A fresh copy: the bound form has already set the typed values on
                # ``incident``, and the change log compares against what is stored.
                queries.incidents().get(pk=incident.pk),
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_detail_url(kommune, incident.pk))
    return _rendered(
        request,
        "form.html",
        {
            "form": form,
            "heading": _("Follow up the security incident"),
            "incident": incident,
            "cancel_url": _detail_url(kommune, incident.pk),
        },
        form,
    )
