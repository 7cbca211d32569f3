"""The data-processing pages: the registrations with their next oversight, a registration
with its processors, links and oversight history, and the forms that write through
``services.data_protection``."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core.views.helpers import add_errors, paginate, render_form, require, save_versioned
from styrbord.systems import policy
from styrbord.systems import queries_protection as queries
from styrbord.systems.filters_protection import RegistrationFilter
from styrbord.systems.forms_contracts import kitos_source
from styrbord.systems.forms_protection import OversightForm, RegistrationForm
from styrbord.systems.models import DataProcessingRegistration, Oversight
from styrbord.systems.services import data_protection as services


def _viewable(request: HttpRequest, pk: int) -> DataProcessingRegistration:
    require(policy.can_view(request.user, request.municipality))
    return get_object_or_404(queries.registrations(), pk=pk)


def _editable(request: HttpRequest, pk: int) -> DataProcessingRegistration:
    registration = _viewable(request, pk)
    require(policy.can_edit(request.user, request.municipality))
    return registration


def _detail_url(kommune: str, pk: int, anchor: str = "") -> str:
    url = reverse("systems:registration_detail", kwargs={"kommune": kommune, "pk": pk})
    return f"{url}#{anchor}" if anchor else url


def _rendered(request: HttpRequest, template: str, context: dict[str, Any], form) -> HttpResponse:
    return render_form(request, f"systems/protection/{template}", context, form)


def registration_list(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    filterset = RegistrationFilter(
        request.GET or None,
        queryset=queries.registrations().order_by("name", "pk"),
        request=request,
    )
    page = paginate(request, filterset.qs)
    return render(
        request,
        "systems/protection/index.html",
        {
            "filter": filterset,
            "page": page,
            "rows": queries.registration_rows(page),
            "can_create": policy.can_edit(request.user, request.municipality),
        },
    )


def registration_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    registration = _viewable(request, pk)
    today = timezone.localdate()
    return render(
        request,
        "systems/protection/detail.html",
        {
            "registration": registration,
            "oversights": list(queries.oversights_of(registration)),
            "next_due": queries.next_due(registration),
            "overdue": queries.is_overdue(registration, today),
            "kitos_source": kitos_source(registration) if registration.kitos_uuid else "",
            "can_edit": policy.can_edit(request.user, request.municipality),
        },
    )


def _set_relations(
    registration: DataProcessingRegistration, form: RegistrationForm, request: HttpRequest
) -> None:
    """Set the relations the user changed. An unchanged one is left alone: a disabled
    (KITOS-mastered) field posts nothing new, and the service compares with a scoped
    manager that does not see catalogue suppliers."""
    for name, values in form.relation_values().items():
        if {value.pk for value in values} != set(form.initial.get(name) or []):
            services.set_registration_relation(registration, name, values, actor=request.user)


def _form_page(
    request: HttpRequest, kommune: str, form: RegistrationForm, heading: str
) -> HttpResponse:
    pk = form.instance.pk
    cancel = _detail_url(kommune, pk) if pk else reverse("systems:registrations", args=[kommune])
    return _rendered(
        request,
        "form.html",
        {
            "form": form,
            "heading": heading,
            "registration": form.instance if pk else None,
            "cancel_url": cancel,
        },
        form,
    )


@require_http_methods(["GET", "POST"])
def registration_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = RegistrationForm(
        request.POST or None,
        instance=DataProcessingRegistration(municipality=request.municipality),
    )
    if request.method == "POST" and form.is_valid():

        @transaction.atomic
        def create() -> DataProcessingRegistration:
            created = services.create_registration(
                request.municipality, actor=request.user, **form.changed_values()
            )
            for name, values in form.relation_values().items():
                if values:
                    services.set_registration_relation(created, name, values, actor=request.user)
            return created

        created = save_versioned(form, create)
        if created:
            messages.success(
                request,
                _("The data-processing registration %(name)s was added.") % {"name": created},
            )
            return redirect(_detail_url(kommune, created.pk))
    return _form_page(request, kommune, form, _("Add a data-processing registration"))


@require_http_methods(["GET", "POST"])
def registration_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    registration = _editable(request, pk)
    # Named before the form is bound, which sets the name typed on the instance.
    heading = _("Edit the data-processing registration %(name)s") % {"name": registration}
    form = RegistrationForm(request.POST or None, instance=registration)
    if request.method == "POST" and form.is_valid():

        @transaction.atomic
        def update() -> DataProcessingRegistration:
            # A fresh copy: the bound form has already set the typed values on
            # ``registration``, and the service compares against what is stored.
            saved = services.update_registration(
                queries.registrations().get(pk=registration.pk),
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            )
            _set_relations(saved, form, request)
            return saved

        if save_versioned(form, update):
            messages.success(request, _("Your changes were saved."))
            return redirect(_detail_url(kommune, registration.pk))
    return _form_page(request, kommune, form, heading)


@require_http_methods(["GET", "POST"])
def registration_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    registration = _editable(request, pk)
    if request.method == "POST":
        services.delete_registration(registration, actor=request.user)
        messages.success(
            request,
            _("The data-processing registration %(name)s was deleted.") % {"name": registration},
        )
        return redirect("systems:registrations", kommune=kommune)
    return render(
        request,
        "systems/protection/confirm_delete.html",
        {
            "registration": registration,
            "heading": _("Delete the data-processing registration %(name)s")
            % {"name": registration},
            "cancel_url": _detail_url(kommune, registration.pk),
        },
    )


@require_http_methods(["GET", "POST"])
def oversight_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    registration = _editable(request, pk)
    form = OversightForm(
        request.POST or None,
        instance=Oversight(municipality=request.municipality, registration=registration),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_oversight(registration, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The oversight was recorded."))
            return redirect(_detail_url(kommune, registration.pk, "oversight"))
    return _rendered(
        request,
        "oversight_form.html",
        {
            "form": form,
            "registration": registration,
            "next_due": queries.next_due(registration),
            "cancel_url": _detail_url(kommune, registration.pk),
        },
        form,
    )


@require_POST
def oversight_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    oversight = get_object_or_404(Oversight.objects.all(), pk=pk)
    services.delete_oversight(oversight, actor=request.user)
    messages.success(request, _("The oversight was deleted."))
    return redirect(_detail_url(kommune, oversight.registration_id, "oversight"))
