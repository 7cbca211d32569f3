"""Pages for bodies and their members."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.views.helpers import paginate, require, save_versioned
from styrbord.governance import policy, queries
from styrbord.governance.filters import BodyFilter
from styrbord.governance.forms import (
    BodyForm,
    ConcludeBodyForm,
    MembershipForm,
    TermsDocumentForm,
    VersionForm,
)
from styrbord.governance.models import Body, BodyMembership
from styrbord.governance.services import bodies as services

# A body page shows this many of its latest meetings and links to the list for the rest.
MEETINGS_SHOWN = 10


def body_list(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = BodyFilter(request.GET or None, queryset=queries.bodies_for_list(), request=request)
    return render(
        request,
        "governance/bodies/list.html",
        {
            "filter": filterset,
            "page": paginate(request, filterset.qs.order_by("name")),
            "can_edit": policy.can_edit(request.user, request.municipality),
        },
    )


def body_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    body = get_object_or_404(queries.bodies(), pk=pk)
    now = timezone.now()
    meetings = queries.meetings().filter(body=body)
    return render(
        request,
        "governance/bodies/detail.html",
        {
            "body": body,
            "members": queries.current_members(body),
            "past_members": queries.past_members(body),
            "reporting_bodies": queries.bodies().filter(reports_to=body).order_by("name"),
            "coming": meetings.filter(starts_at__gte=now).order_by("starts_at")[:MEETINGS_SHOWN],
            "recent": meetings.filter(starts_at__lt=now).order_by("-starts_at")[:MEETINGS_SHOWN],
            "cycle_items": body.cycle_items.all(),
            "can_edit": policy.can_edit(request.user, request.municipality),
            "is_secretary": policy.is_secretary(request.user, body),
        },
    )


@require_http_methods(["GET", "POST"])
def body_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = BodyForm(request.POST or None, instance=Body(municipality=request.municipality))
    if request.method == "POST" and form.is_valid():
        body = save_versioned(
            form,
            lambda: services.create_body(
                municipality=request.municipality, actor=request.user, **form.changed_values()
            ),
        )
        if body:
            messages.success(request, _("The body %(name)s was created.") % {"name": body.name})
            return redirect("governance:body_detail", kommune=kommune, pk=body.pk)
    return render(request, "governance/bodies/form.html", {"form": form, "body": None})


@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    body = get_object_or_404(queries.bodies(), pk=pk)
    form = BodyForm(request.POST or None, instance=body)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_body(
                body,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("governance:body_detail", kommune=kommune, pk=body.pk)
    return render(request, "governance/bodies/form.html", {"form": form, "body": body})


@require_http_methods(["GET", "POST"])
def body_conclude(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    body = get_object_or_404(queries.bodies(), pk=pk)
    if not body.is_active:
        form = VersionForm(request.POST or None, initial={"version": body.version})
        if request.method == "POST" and form.is_valid():
            saved = save_versioned(
                form,
                lambda: services.reactivate_body(
                    body, actor=request.user, expected_version=form.cleaned_data["version"]
                ),
            )
            if saved:
                messages.success(request, _("The body is active again."))
                return redirect("governance:body_detail", kommune=kommune, pk=body.pk)
        return render(request, "governance/bodies/reactivate.html", {"form": form, "body": body})
    form = ConcludeBodyForm(
        request.POST or None,
        initial={"version": body.version, "concluded_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.conclude_body(
                body,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                concluded_on=form.cleaned_data["concluded_on"],
                closing_note=form.cleaned_data["closing_note"],
            ),
        )
        if saved:
            messages.success(request, _("The body was concluded."))
            return redirect("governance:body_detail", kommune=kommune, pk=body.pk)
    return render(request, "governance/bodies/conclude.html", {"form": form, "body": body})


@require_http_methods(["GET", "POST"])
def terms_document_upload(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    body = get_object_or_404(queries.bodies(), pk=pk)
    form = TermsDocumentForm(
        request.POST or None, request.FILES or None, initial={"version": body.version}
    )
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.set_terms_document(
                body,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                upload=form.cleaned_data["terms_document"],
            ),
        )
        if saved:
            messages.success(request, _("The document was uploaded."))
            return redirect("governance:body_detail", kommune=kommune, pk=body.pk)
    return render(request, "governance/bodies/terms_document.html", {"form": form, "body": body})


def terms_document_download(request: HttpRequest, kommune: str, pk: int) -> FileResponse:
    body = get_object_or_404(queries.bodies(), pk=pk)
    if not body.terms_document:
        raise Http404
    name = body.terms_document.name.rsplit("/", 1)[-1]
    return FileResponse(body.terms_document.open("rb"), as_attachment=True, filename=name)


@require_http_methods(["GET", "POST"])
def membership_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    body = get_object_or_404(queries.bodies(), pk=pk)
    form = MembershipForm(
        request.POST or None,
        instance=BodyMembership(municipality=request.municipality, body=body),
        initial={"person": request.GET.get("person")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        membership = save_versioned(
            form,
            lambda: services.add_member(
                body=body,
                person=data["person"],
                actor=request.user,
                represents=data["represents"],
                role=data["role"],
                is_permanent=data["is_permanent"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
            ),
        )
        if membership:
            policy.forget_body_roles(request.user)
            messages.success(request, _("%(person)s was added.") % {"person": membership.person})
            return redirect("governance:body_detail", kommune=kommune, pk=body.pk)
    return render(
        request,
        "governance/bodies/membership_form.html",
        {"form": form, "body": body, "membership": None},
    )


@require_http_methods(["GET", "POST"])
def membership_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    membership = get_object_or_404(queries.memberships(), pk=pk)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_membership(
                membership,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("governance:body_detail", kommune=kommune, pk=membership.body_id)
    return render(
        request,
        "governance/bodies/membership_form.html",
        {"form": form, "body": membership.body, "membership": membership},
    )
