from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core import policy, queries
from styrbord.core.filters import PersonFilter
from styrbord.core.forms import PersonForm
from styrbord.core.models import Person
from styrbord.core.panels import panels_for
from styrbord.core.services import organisation as services
from styrbord.core.services.access import record_access
from styrbord.core.views.helpers import paginate, require, save_versioned


def person_list(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = PersonFilter(request.GET or None, queryset=queries.persons())
    record_access(request)
    page = paginate(request, filterset.qs.order_by("name", "pk"))
    template = "core/persons/_results.html" if request.htmx else "core/persons/list.html"
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page": page,
            "can_edit": policy.can_edit(request.user, request.municipality),
        },
    )


def person_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    person = get_object_or_404(queries.persons(), pk=pk)
    record_access(request, person)
    return render(
        request,
        "core/persons/detail.html",
        {
            "person": person,
            "ancestors": [*queries.ancestors(person.org_unit), person.org_unit]
            if person.org_unit
            else [],
            "can_edit": policy.can_edit(request.user, request.municipality),
            "panels": panels_for("person", request, person),
        },
    )


@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = PersonForm(
        request.POST or None,
        instance=Person(municipality=request.municipality),
        initial={"org_unit": request.GET.get("org_unit")},
    )
    if request.method == "POST" and form.is_valid():
        person = save_versioned(
            form,
            lambda: services.create_person(
                municipality=request.municipality, actor=request.user, **form.changed_values()
            ),
        )
        if person:
            messages.success(request, _("%(name)s was created.") % {"name": person.name})
            return redirect("core:person_detail", kommune=kommune, pk=person.pk)
    return render(request, "core/persons/form.html", {"form": form, "person": None})


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    person = get_object_or_404(Person.objects.all(), pk=pk)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_person(
                person,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("core:person_detail", kommune=kommune, pk=person.pk)
    return render(request, "core/persons/form.html", {"form": form, "person": person})
