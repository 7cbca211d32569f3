"""The benefit pages: every benefit in the municipality, a project's benefits, a benefit
with its measurements, harvested amounts and realisation profile, and the forms that
write through ``services.benefits`` and ``services.measurements``."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.benefits import charts, policy, progress, queries
from styrbord.benefits.filters import BenefitFilter
from styrbord.benefits.forms import BenefitForm, HarvestForm, MeasurementForm, ProfilePointForm
from styrbord.benefits.models import Benefit, Harvest, Measurement, ProfilePoint
from styrbord.benefits.services import benefits as benefit_services
from styrbord.benefits.services import measurements as measurement_services
from styrbord.benefits.views._common import project_context, viewable_benefit, viewable_project
from styrbord.core.views.helpers import add_errors, paginate, require, save_versioned
from styrbord.portfolio.models import Project


def _can_edit(request: HttpRequest) -> bool:
    return policy.can_edit(request.user, request.municipality)


def _editable_benefit(request: HttpRequest, pk: int) -> Benefit:
    benefit = viewable_benefit(request, pk)
    require(_can_edit(request))
    return benefit


def _detail_url(kommune: str, benefit: Benefit, anchor: str = "") -> str:
    url = reverse("benefits:benefit_detail", kwargs={"kommune": kommune, "pk": benefit.pk})
    return f"{url}#{anchor}" if anchor else url


def _project_url(kommune: str, project: Project) -> str:
    return reverse("benefits:project", kwargs={"kommune": kommune, "pk": project.pk})


def _is_overdue(benefit: Benefit) -> bool:
    due = benefit.next_measurement_due
    return due is not None and due < timezone.localdate()


def _rows(benefits: Any) -> list[dict[str, Any]]:
    return [
        {
            "benefit": benefit,
            "achievement": progress.achievement_of(benefit),
            "overdue": _is_overdue(benefit),
        }
        for benefit in benefits
    ]


def index(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    filterset = BenefitFilter(
        request.GET or None,
        queryset=queries.benefits().order_by("project__name", "title", "pk"),
        request=request,
    )
    page = paginate(request, filterset.qs)
    return render(
        request,
        "benefits/benefits/index.html",
        {"filter": filterset, "page": page, "rows": _rows(page)},
    )


def project(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    benefits = queries.benefits_of(project)
    return render(
        request,
        "benefits/benefits/project.html",
        {
            **project_context(request, project, "benefits"),
            "badges": queries.checklist(benefits, queries.harvested_total(project)),
            "rows": _rows(benefits),
        },
    )


def _benefit_form_page(
    request: HttpRequest, kommune: str, form: BenefitForm, project: Project, heading: str
) -> HttpResponse:
    return render(
        request,
        "benefits/benefits/form.html",
        {
            "form": form,
            "project": project,
            "heading": heading,
            "cancel_url": (
                _detail_url(kommune, form.instance)
                if form.instance.pk
                else _project_url(kommune, project)
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def benefit_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    require(_can_edit(request))
    form = BenefitForm(
        request.POST or None,
        instance=Benefit(municipality=request.municipality, project=project),
    )
    if request.method == "POST" and form.is_valid():
        values = form.changed_values()
        created = save_versioned(
            form,
            lambda: benefit_services.create_benefit(project, actor=request.user, **values),
        )
        if created:
            messages.success(
                request, _("The benefit %(benefit)s was added.") % {"benefit": created}
            )
            return redirect(_detail_url(kommune, created))
    return _benefit_form_page(request, kommune, form, project, _("Add a benefit"))


@require_http_methods(["GET", "POST"])
def benefit_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    benefit = _editable_benefit(request, pk)
    # Named before the form is bound, which sets the title typed on the instance.
    heading = _("Edit the benefit %(benefit)s") % {"benefit": benefit}
    form = BenefitForm(request.POST or None, instance=benefit)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: benefit_services.update_benefit(
                benefit,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_detail_url(kommune, benefit))
    return _benefit_form_page(request, kommune, form, benefit.project, heading)


@require_http_methods(["GET", "POST"])
def benefit_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    benefit = _editable_benefit(request, pk)
    if request.method == "POST":
        benefit_services.delete_benefit(benefit, actor=request.user)
        messages.success(request, _("The benefit %(benefit)s was deleted.") % {"benefit": benefit})
        return redirect(_project_url(kommune, benefit.project))
    return render(
        request,
        "benefits/benefits/confirm_delete.html",
        {
            "benefit": benefit,
            "project": benefit.project,
            "heading": _("Delete the benefit %(benefit)s") % {"benefit": benefit},
            "cancel_url": _detail_url(kommune, benefit),
        },
    )


def benefit_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    benefit = viewable_benefit(request, pk)
    measurements = list(queries.measurements_of(benefit))
    profile = list(benefit.profile.all())
    harvests = list(queries.harvests_of(benefit)) if benefit.is_budget_releasing else []
    return render(
        request,
        "benefits/benefits/detail.html",
        {
            "benefit": benefit,
            "project": benefit.project,
            "achievement": progress.achievement_of(benefit),
            "overdue": _is_overdue(benefit),
            "measurements": measurements,
            "profile": profile,
            "harvests": harvests,
            "harvested": sum((h.amount for h in harvests), start=0),
            # Escaped in ``charts``, which builds on ``core.svg``.
            "chart": mark_safe(charts.benefit_chart(benefit, measurements, profile)),  # noqa: S308
            "chart_rows": charts.rows(measurements, profile),
            "can_edit": _can_edit(request),
            "can_record": policy.can_record(request.user, benefit),
        },
    )


@require_http_methods(["GET", "POST"])
def measurement_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    benefit = viewable_benefit(request, pk)
    require(policy.can_record(request.user, benefit))
    form = MeasurementForm(
        request.POST or None,
        instance=Measurement(municipality=request.municipality, benefit=benefit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            measurement_services.record_measurement(
                benefit, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The measurement was recorded."))
            return redirect(_detail_url(kommune, benefit, "measurements"))
    return render(
        request,
        "benefits/benefits/measurement_form.html",
        {
            "form": form,
            "benefit": benefit,
            "project": benefit.project,
            "overdue": _is_overdue(benefit),
            "cancel_url": _detail_url(kommune, benefit),
        },
    )


@require_POST
def measurement_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(_can_edit(request))
    measurement = get_object_or_404(Measurement.objects.select_related("benefit"), pk=pk)
    measurement_services.delete_measurement(measurement, actor=request.user)
    messages.success(request, _("The measurement was deleted."))
    return redirect(_detail_url(kommune, measurement.benefit, "measurements"))


@require_http_methods(["GET", "POST"])
def harvest_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    benefit = _editable_benefit(request, pk)
    form = HarvestForm(
        request.POST or None,
        instance=Harvest(municipality=request.municipality, benefit=benefit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            measurement_services.record_harvest(benefit, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The harvested amount was recorded."))
            return redirect(_detail_url(kommune, benefit, "harvests"))
    return render(
        request,
        "benefits/benefits/harvest_form.html",
        {
            "form": form,
            "benefit": benefit,
            "project": benefit.project,
            "cancel_url": _detail_url(kommune, benefit),
        },
    )


@require_POST
def harvest_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(_can_edit(request))
    harvest = get_object_or_404(Harvest.objects.select_related("benefit"), pk=pk)
    measurement_services.delete_harvest(harvest, actor=request.user)
    messages.success(request, _("The harvested amount was deleted."))
    return redirect(_detail_url(kommune, harvest.benefit, "harvests"))


@require_http_methods(["GET", "POST"])
def profile_point(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    benefit = viewable_benefit(request, pk)
    can_edit = _can_edit(request)
    if request.method == "POST":
        require(can_edit)
    form = ProfilePointForm(
        request.POST or None,
        instance=ProfilePoint(municipality=request.municipality, benefit=benefit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            benefit_services.set_profile_point(benefit, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The realisation profile was saved."))
            return redirect(
                reverse("benefits:profile_point", kwargs={"kommune": kommune, "pk": benefit.pk})
            )
    return render(
        request,
        "benefits/benefits/profile.html",
        {
            "form": form,
            "benefit": benefit,
            "project": benefit.project,
            "profile": list(benefit.profile.all()),
            "can_edit": can_edit,
        },
    )


@require_POST
def profile_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(_can_edit(request))
    point = get_object_or_404(ProfilePoint.objects.select_related("benefit"), pk=pk)
    benefit_services.delete_profile_point(point, actor=request.user)
    messages.success(request, _("The profile point was deleted."))
    return redirect(
        reverse("benefits:profile_point", kwargs={"kommune": kommune, "pk": point.benefit_id})
    )
