"""Pages for status reports: a project's reports and grid, the portfolio-wide grid, and
writing, submitting and correcting a report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core.forms import VersionForm
from styrbord.core.services.changes import StaleEdit
from styrbord.core.views.helpers import paginate, require, save_versioned
from styrbord.portfolio import policy, queries, queries_reports
from styrbord.portfolio.forms_reports import StatusReportForm
from styrbord.portfolio.models import DIMENSIONS, Project, StatusReport
from styrbord.portfolio.services import reports as services

STALE_MESSAGE = gettext_lazy(
    "Someone else changed the report while you were looking at it. Nothing was done; check "
    "the report and try again."
)


def _project(pk: int) -> Project:
    return get_object_or_404(queries.projects(), pk=pk)


def _report(pk: int) -> StatusReport:
    return get_object_or_404(queries_reports.reports(), pk=pk)


def _to_report(kommune: str, report: StatusReport) -> HttpResponse:
    return redirect("portfolio:report_detail", kommune=kommune, pk=report.pk)


def _refuse(request: HttpRequest, kommune: str, report: StatusReport, message: str):
    messages.error(request, message)
    return _to_report(kommune, report)


def report_list(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = _project(pk)
    can_report = policy.can_report(request.user, project)
    return render(
        request,
        "portfolio/reports/list.html",
        {
            "project": project,
            "overdue": project.report_overdue(timezone.localdate()),
            "can_report": can_report,
            "can_edit": policy.can_edit(request.user, request.municipality),
            "drafts": queries_reports.drafts(project) if can_report else [],
            "grid": queries_reports.project_grid(project),
            "page": paginate(
                request,
                queries.submitted_reports(project).order_by("-period_end", "-submitted_at", "-id"),
            ),
        },
    )


def report_grid(request: HttpRequest, kommune: str) -> HttpResponse:
    page = paginate(request, queries.running_projects().order_by("name"))
    cells = queries_reports.recent_overall(page.object_list)
    today = timezone.localdate()
    return render(
        request,
        "portfolio/reports/grid.html",
        {
            "page": page,
            "rows": [
                (project, project.report_overdue(today), cells[project.pk]) for project in page
            ],
            "columns": range(1, queries_reports.PORTFOLIO_GRID_PERIODS + 1),
        },
    )


def _prefill(project: Project) -> dict:
    """Today's date, and the statuses and progress of the latest report to start from."""
    initial = {"period_end": timezone.localdate()}
    latest = project.latest_report
    if latest is not None:
        initial.update({name: getattr(latest, name) for name in DIMENSIONS})
        initial["percent_complete"] = latest.percent_complete
    return initial


@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = _project(pk)
    require(policy.can_report(request.user, project))
    form = StatusReportForm(
        request.POST or None,
        instance=StatusReport(municipality=request.municipality, project=project),
        initial=_prefill(project),
    )
    if request.method == "POST" and form.is_valid():
        report = save_versioned(
            form,
            lambda: services.create_report(
                project=project, actor=request.user, **form.changed_values()
            ),
        )
        if report:
            messages.success(request, _("The draft was saved. Submit it when it is ready."))
            return _to_report(kommune, report)
    return render(
        request, "portfolio/reports/form.html", {"form": form, "project": project, "report": None}
    )


def report_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    report = _report(pk)
    return render(
        request,
        "portfolio/reports/detail.html",
        {
            "report": report,
            "project": report.project,
            "dimensions": queries_reports.dimension_rows(report),
            "corrections": queries_reports.corrections(report),
            "can_report": policy.can_report(request.user, report.project),
        },
    )


@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    report = _report(pk)
    require(policy.can_report(request.user, report.project))
    if report.is_submitted:
        return _refuse(
            request,
            kommune,
            report,
            _("A submitted report cannot be changed. Write a correction instead."),
        )
    form = StatusReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_report(
                report,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return _to_report(kommune, report)
    return render(
        request,
        "portfolio/reports/form.html",
        {"form": form, "project": report.project, "report": report},
    )


@require_POST
def report_submit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    report = _report(pk)
    require(policy.can_report(request.user, report.project))
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _refuse(request, kommune, report, STALE_MESSAGE)
    try:
        report = services.submit_report(
            report, actor=request.user, expected_version=form.cleaned_data["version"]
        )
    except StaleEdit:
        return _refuse(request, kommune, report, STALE_MESSAGE)
    except ValidationError as error:
        return _refuse(request, kommune, report, " ".join(error.messages))
    if report.escalation_item is not None:
        messages.success(
            request,
            _("The report was submitted and proposed to the agenda of %(meeting)s.")
            % {"meeting": report.escalation_item.meeting},
        )
    else:
        messages.success(request, _("The report was submitted."))
    return _to_report(kommune, report)


@require_POST
def report_correct(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    report = _report(pk)
    require(policy.can_report(request.user, report.project))
    try:
        correction = services.start_correction(report, actor=request.user)
    except ValidationError as error:
        return _refuse(request, kommune, report, " ".join(error.messages))
    messages.success(
        request, _("A correction was started from the report. Change what was wrong and submit it.")
    )
    return redirect("portfolio:report_edit", kommune=kommune, pk=correction.pk)


@require_http_methods(["GET", "POST"])
def report_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    report = _report(pk)
    require(policy.can_report(request.user, report.project))
    if report.is_submitted:
        return _refuse(request, kommune, report, _("A submitted report cannot be deleted."))
    form = VersionForm(request.POST or None, initial={"version": report.version})
    deleted = (
        request.method == "POST"
        and form.is_valid()
        and save_versioned(form, lambda: services.delete_draft(report, actor=request.user) or True)
    )
    if deleted:
        messages.success(request, _("The draft was deleted."))
        return redirect("portfolio:report_list", kommune=kommune, pk=report.project_id)
    return render(request, "portfolio/reports/delete.html", {"form": form, "report": report})
