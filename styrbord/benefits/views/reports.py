"""The yearly benefits report (page and PDF), a project's benefits report as a PDF, and
putting the yearly report on a meeting's agenda."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from styrbord.benefits import policy, progress, queries, queries_reports
from styrbord.benefits.case_charts import cash_flow_chart
from styrbord.benefits.diagrams import benefit_map_svg, outline
from styrbord.benefits.forms_reports import AttachReportForm, ReportFilterForm
from styrbord.benefits.report_charts import planned_vs_harvested_chart
from styrbord.benefits.services.reports import attach_report, report_filename
from styrbord.benefits.views._common import viewable_project
from styrbord.core.models import OrgUnit
from styrbord.core.pdf import render_pdf
from styrbord.core.views.helpers import add_errors, require
from styrbord.portfolio.models import Project

REPORT_PDF = "benefits/reports/report_pdf.html"
PROJECT_PDF = "benefits/reports/project_pdf.html"


def report_context(year: int, org_unit: OrgUnit | None = None) -> dict[str, Any]:
    """What the report page and ``REPORT_PDF`` show."""
    report = queries_reports.report(year, org_unit=org_unit)
    return {
        "report": report,
        "project_chart": mark_safe(  # noqa: S308 - the chart escapes every text itself
            planned_vs_harvested_chart(report.by_project, "chart-report-projects")
        ),
        "unit_chart": mark_safe(  # noqa: S308 - the chart escapes every text itself
            planned_vs_harvested_chart(report.by_org_unit, "chart-report-units")
        ),
    }


def _filters(request: HttpRequest) -> tuple[ReportFilterForm, int | None, OrgUnit | None]:
    form = ReportFilterForm(request.GET)
    if not form.is_valid():
        return form, None, None
    return form, form.cleaned_data["year"], form.cleaned_data["org_unit"]


PROJECTS_PER_PAGE = 20


@require_GET
def report(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    form, year, org_unit = _filters(request)
    context: dict[str, Any] = {
        "form": form,
        "can_edit": policy.can_edit(request.user, request.municipality),
    }
    if year is not None:
        context |= report_context(year, org_unit)
        # The page shows each benefit a page of projects at a time; the PDF shows them all.
        # Rendering every benefit row of a large municipality took most of the time.
        context["detail_page"] = Paginator(
            context["report"].by_project, PROJECTS_PER_PAGE
        ).get_page(request.GET.get("side"))
    return render(request, "benefits/reports/report.html", context)


def _report_pdf(request: HttpRequest, year: int, org_unit: OrgUnit | None = None) -> HttpResponse:
    """The PDF, or a 503 answer when this server cannot make PDFs (no Pango)."""
    context = report_context(year, org_unit) | {"generated": timezone.now()}
    return render_pdf(request, REPORT_PDF, context, report_filename(year))


@require_GET
def report_pdf(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    _form, year, org_unit = _filters(request)
    if year is None:
        # The page shows what is wrong with the filter; a PDF cannot.
        return redirect(f"{reverse('benefits:report', args=[kommune])}?{request.GET.urlencode()}")
    return _report_pdf(request, year, org_unit)


def project_report_context(project: Project) -> dict[str, Any]:
    """What ``PROJECT_PDF`` shows: the benefits, the checklist, the business case and the
    benefit map."""
    project_benefits = queries.benefits_of(project)
    harvested = queries.harvested_total(project)
    case = queries.case_of(project)
    result = queries.case_result(case) if case is not None else None
    nodes, edges = queries.map_of(project)
    return {
        "project": project,
        "rows": [(benefit, progress.achievement_of(benefit)) for benefit in project_benefits],
        "badges": queries.checklist(project_benefits, harvested),
        "harvested": harvested,
        "case": case,
        "result": result,
        "cash_flow_chart": mark_safe(  # noqa: S308 - the chart escapes every text itself
            cash_flow_chart(result, chart_id="chart-cash-flow")
        )
        if result is not None
        else "",
        "benefit_map": mark_safe(  # noqa: S308 - the diagram escapes every text itself
            benefit_map_svg(nodes, edges, chart_id="diagram-benefit-map")
        )
        if nodes
        else "",
        "layers": outline(nodes, edges),
        "generated": timezone.now(),
    }


@require_GET
def project_report_pdf(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    filename = _("Benefits %(project)s") % {"project": project.name}
    return render_pdf(request, PROJECT_PDF, project_report_context(project), filename)


@require_http_methods(["GET", "POST"])
def report_attach(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = AttachReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        item, year = form.cleaned_data["item"], form.cleaned_data["year"]
        response = _report_pdf(request, year)
        if response.status_code != 200:
            form.add_error(
                None,
                _(
                    "This server cannot make PDFs, so the report cannot be attached. "
                    "Nothing was attached."
                ),
            )
        else:
            try:
                attach_report(item, request.user, year, response.content)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The benefits report for %(year)s is attached to “%(item)s”.")
                    % {"year": year, "item": item.title},
                )
                return redirect("governance:meeting_detail", kommune=kommune, pk=item.meeting_id)
    return render(request, "benefits/reports/attach.html", {"form": form})
