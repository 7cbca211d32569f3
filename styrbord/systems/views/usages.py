"""The system-usage pages: the list, a usage with everything kept about it, and the forms
that write through ``services.usages``."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.panels import panels_for
from styrbord.core.services.access import record_access
from styrbord.core.views.helpers import add_errors, paginate, render_form, require, save_versioned
from styrbord.systems import disposition, policy, queries
from styrbord.systems.filters import UsageFilter
from styrbord.systems.forms import PrincipleAssessmentForm, UsageForm, UsageProjectsForm
from styrbord.systems.models import SystemUsage
from styrbord.systems.services import usages as services


def _rendered(
    request: HttpRequest, template: str, context: dict[str, Any], form: forms.BaseForm
) -> HttpResponse:
    return render_form(request, f"systems/usages/{template}", context, form)


def _viewable(request: HttpRequest) -> None:
    require(policy.can_view(request.user, request.municipality))


def _can_edit(request: HttpRequest) -> bool:
    return policy.can_edit(request.user, request.municipality)


def _keepable_usage(request: HttpRequest, pk: int) -> SystemUsage:
    _viewable(request)
    usage = queries.editable_usage(pk)
    require(policy.can_keep_usage(request.user, usage))
    return usage


def _detail_url(kommune: str, usage: SystemUsage, anchor: str = "") -> str:
    url = reverse("systems:usage_detail", kwargs={"kommune": kommune, "pk": usage.pk})
    return f"{url}#{anchor}" if anchor else url


def disposition_of(usage: SystemUsage) -> disposition.Disposition | None:
    value = disposition.time_disposition(usage.functional_fit, usage.technical_fit)
    return disposition.Disposition(value) if value else None


def personal_data_labels(usage: SystemUsage) -> list[str]:
    """The kinds of personal data the usage holds, in words, for the list and the page."""
    fields = ("data_ordinary", "data_sensitive", "data_criminal")
    return [
        str(SystemUsage._meta.get_field(name).verbose_name)
        for name in fields
        if getattr(usage, name)
    ]


def index(request: HttpRequest, kommune: str) -> HttpResponse:
    _viewable(request)
    filterset = UsageFilter(request.GET or None, queryset=queries.usages(), request=request)
    page = paginate(request, filterset.qs)
    rows = [
        {
            "usage": usage,
            "disposition": disposition_of(usage),
            "personal_data": personal_data_labels(usage),
        }
        for usage in page
    ]
    return render(
        request,
        "systems/usages/index.html",
        {"filter": filterset, "page": page, "rows": rows, "can_edit": _can_edit(request)},
    )


def usage_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    _viewable(request)
    usage = queries.usage_detail(pk)
    found = disposition_of(usage)
    # The panels name who holds each role on the usage: personal data.
    record_access(request, usage)
    return render(
        request,
        "systems/usages/detail.html",
        {
            "usage": usage,
            "disposition": found,
            "disposition_meaning": disposition.MEANINGS[found] if found else "",
            "personal_data": personal_data_labels(usage),
            "principle_rows": queries.principle_rows(usage),
            "can_edit": _can_edit(request),
            "can_keep": policy.can_keep_usage(request.user, usage),
            # Roles, contracts, data processing, incidents and compliance gaps.
            "panels": panels_for("usage", request, usage),
        },
    )


def _form_page(
    request: HttpRequest, form: UsageForm, heading: str, cancel_url: str
) -> HttpResponse:
    return _rendered(
        request, "form.html", {"form": form, "heading": heading, "cancel_url": cancel_url}, form
    )


@require_http_methods(["GET", "POST"])
def usage_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(_can_edit(request))
    # From a system's page in the catalogue: the system chosen already.
    chosen = request.GET.get("system", "")
    form = UsageForm(
        request.POST or None,
        instance=SystemUsage(municipality=request.municipality),
        initial={"system": chosen} if chosen.isdigit() else {},
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: services.create_usage(
                request.municipality,
                actor=request.user,
                using_units=form.cleaned_data["using_units"],
                **form.service_values(),
            ),
        )
        if created:
            messages.success(
                request, _("The system usage %(usage)s was added.") % {"usage": created}
            )
            return redirect(_detail_url(kommune, created))
    cancel_url = reverse("systems:index", kwargs={"kommune": kommune})
    return _form_page(request, form, _("New system usage"), cancel_url)


@require_http_methods(["GET", "POST"])
def usage_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    usage = _keepable_usage(request, pk)
    # Named before the form is bound, which sets what was typed on the instance.
    heading = _("Edit the system usage %(usage)s") % {"usage": usage}
    form = UsageForm(request.POST or None, instance=usage)
    if request.method == "POST" and form.is_valid():

        @transaction.atomic
        def save() -> SystemUsage:
            saved = services.update_usage(
                usage,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.service_values(),
            )
            services.set_using_units(saved, form.cleaned_data["using_units"], actor=request.user)
            return saved

        if save_versioned(form, save):
            messages.success(request, _("Your changes were saved."))
            return redirect(_detail_url(kommune, usage))
    return _form_page(request, form, heading, _detail_url(kommune, usage))


@require_http_methods(["GET", "POST"])
def usage_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    _viewable(request)
    usage = queries.editable_usage(pk)
    require(_can_edit(request))
    if request.method == "POST":
        services.delete_usage(usage, actor=request.user)
        messages.success(request, _("The system usage %(usage)s was deleted.") % {"usage": usage})
        return redirect(reverse("systems:index", kwargs={"kommune": kommune}))
    return render(
        request,
        "systems/usages/confirm_delete.html",
        {
            "usage": usage,
            "heading": _("Delete the system usage %(usage)s") % {"usage": usage},
            "cancel_url": _detail_url(kommune, usage),
        },
    )


@require_http_methods(["GET", "POST"])
def usage_projects(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    usage = _keepable_usage(request, pk)
    form = UsageProjectsForm(
        request.POST or None,
        initial={"projects": list(usage.projects.values_list("pk", flat=True))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_projects(usage, form.cleaned_data["projects"], actor=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The linked projects were saved."))
            return redirect(_detail_url(kommune, usage, "projects"))
    return _rendered(
        request,
        "projects.html",
        {
            "form": form,
            "usage": usage,
            "heading": _("Projects that change %(usage)s") % {"usage": usage},
            "cancel_url": _detail_url(kommune, usage, "projects"),
        },
        form,
    )


@require_http_methods(["GET", "POST"])
def usage_principle(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    usage = _keepable_usage(request, pk)
    initial: dict[str, Any] = {}
    chosen = request.GET.get("principle", "")
    if chosen.isdigit():
        current = usage.principles.filter(principle_id=chosen).first()
        initial = {"principle": chosen}
        if current is not None:
            initial |= {
                "follows": "1" if current.follows else "0",
                "explanation": current.explanation,
            }
    form = PrincipleAssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assess_principle(usage, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The assessment was saved."))
            return redirect(_detail_url(kommune, usage, "principles"))
    usage = queries.usage_detail(pk)
    return _rendered(
        request,
        "principle.html",
        {
            "form": form,
            "usage": usage,
            "principle_rows": queries.principle_rows(usage),
            "heading": _("Architecture principles of %(usage)s") % {"usage": usage},
            "cancel_url": _detail_url(kommune, usage, "principles"),
        },
        form,
    )
