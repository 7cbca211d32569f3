"""The portfolio overview: the filtered list with its charts and exports, saved filters,
the timeline, the portfolio on a past date and what changed since a date."""

from dataclasses import dataclass

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styrbord.core.models import SavedFilter
from styrbord.core.services import saved_filters
from styrbord.core.views.helpers import paginate, require, save_versioned
from styrbord.portfolio import charts, exports, policy, queries
from styrbord.portfolio import queries_overview as overview_queries
from styrbord.portfolio.filters import (
    AsOfForm,
    ChangesSinceForm,
    ProjectFilter,
    SavedFilterForm,
)
from styrbord.portfolio.models import Origin, Phase

# The saved filters of this page are stored under this list name.
LIST_NAME = "portfolio"
# "Changes since" shows at most this many rows per kind of change.
CHANGES_SHOWN = 100


def _filter(request: HttpRequest, default_ordering: str = "name") -> ProjectFilter:
    return ProjectFilter(
        request.GET or None,
        queryset=queries.projects(),
        request=request,
        default_ordering=default_ordering,
    )


def _svg(picture: str) -> str:
    # Every text in the picture was escaped by ``charts``.
    return mark_safe(picture)  # noqa: S308


def overview(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = _filter(request)
    projects = filterset.qs
    today = timezone.localdate()
    query = saved_filters.filter_query(request.GET.urlencode())
    counts = overview_queries.counts(projects)
    coverage = overview_queries.focus_area_coverage(projects)
    return render(
        request,
        "portfolio/overview/overview.html",
        {
            "filter": filterset,
            "page": paginate(request, overview_queries.with_overdue(projects, today)),
            "query": query,
            "can_edit": policy.can_edit(request.user, request.municipality),
            "saved_filters": SavedFilter.objects.filter(owner=request.user, list_name=LIST_NAME),
            "save_form": SavedFilterForm(initial={"query": query}),
            "phase_chart": _svg(charts.phase_origin_chart(counts.by_phase_and_origin)),
            "phase_rows": charts.phase_origin_rows(counts.by_phase_and_origin),
            "origins": [label for _value, label in Origin.choices],
            "status_chart": _svg(charts.status_chart(counts.by_status)),
            "status_rows": charts.status_rows(counts.by_status),
            "coverage_chart": _svg(
                charts.coverage_chart([(area.name, area.project_count) for area in coverage])
            ),
            "covered": [area for area in coverage if area.project_count],
            "uncovered": [area for area in coverage if not area.project_count],
        },
    )


def _download(body: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    filename = f"portefolje-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def overview_csv(request: HttpRequest, kommune: str) -> HttpResponse:
    return _download(exports.to_csv(_filter(request).qs), "text/csv; charset=utf-8", "csv")


def overview_xlsx(request: HttpRequest, kommune: str) -> HttpResponse:
    return _download(
        exports.to_xlsx(_filter(request).qs),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    )


@require_POST
def saved_filter_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        saved = save_versioned(
            form,
            lambda: saved_filters.create_saved_filter(
                municipality=request.municipality,
                actor=request.user,
                list_name=LIST_NAME,
                name=form.cleaned_data["name"],
                query=form.cleaned_data["query"],
            ),
        )
        if saved:
            messages.success(request, _("The filter %(name)s was saved.") % {"name": saved.name})
            url = reverse("portfolio:overview", kwargs={"kommune": kommune})
            return redirect(f"{url}?{saved.query}" if saved.query else url)
    query = saved_filters.filter_query(form.data.get("query", ""))
    return render(
        request, "portfolio/overview/saved_filter_form.html", {"form": form, "query": query}
    )


@require_POST
def saved_filter_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    saved = get_object_or_404(
        SavedFilter.objects.filter(owner=request.user, list_name=LIST_NAME), pk=pk
    )
    saved_filters.delete_saved_filter(saved, actor=request.user)
    messages.success(request, _("The filter %(name)s was deleted.") % {"name": saved.name})
    return redirect("portfolio:overview", kommune=kommune)


def timeline(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = _filter(request, default_ordering="start")
    today = timezone.localdate()
    page = paginate(request, overview_queries.timeline_projects(filterset.qs))
    rows = [
        charts.TimelineRow(
            name=project.name,
            phase=project.phase,
            phase_label=str(project.get_phase_display()),
            start=project.start_date,
            end=project.end_date,
            milestones=[
                charts.TimelineMilestone(m.title, m.due_on, m.reached_on)
                for m in project.milestones.all()
            ],
        )
        for project in page
    ]
    return render(
        request,
        "portfolio/overview/timeline.html",
        {
            "filter": filterset,
            "page": page,
            "timeline": _svg(charts.timeline_svg(rows, today)),
            "undated": overview_queries.undated_projects(filterset.qs),
        },
    )


def as_of(request: HttpRequest, kommune: str) -> HttpResponse:
    form = AsOfForm(request.GET or None)
    context = {"form": form}
    if form.is_valid():
        day = form.cleaned_data["dato"]
        page = paginate(request, overview_queries.portfolio_as_of(day))
        counts = overview_queries.phase_counts_as_of(day)
        context.update(
            day=day,
            page=page,
            rows=[
                (
                    project,
                    Phase(project.phase_then).label,
                    project.status_then or "",
                )
                for project in page
            ],
            phase_counts=[
                (label, counts[value]) for value, label in Phase.choices if counts.get(value)
            ],
            total=sum(counts.values()),
        )
    return render(request, "portfolio/overview/as_of.html", context)


@dataclass(frozen=True)
class Capped:
    """The first rows of a list, and whether there were more."""

    rows: list
    more: bool


def _capped(queryset: QuerySet) -> Capped:
    rows = list(queryset[: CHANGES_SHOWN + 1])
    return Capped(rows=rows[:CHANGES_SHOWN], more=len(rows) > CHANGES_SHOWN)


def changes(request: HttpRequest, kommune: str) -> HttpResponse:
    since = overview_queries.default_since()
    form = ChangesSinceForm(request.GET or None, initial={"dato": since.day})
    if form.is_bound:
        if not form.is_valid():
            return render(request, "portfolio/overview/changes.html", {"form": form})
        since = overview_queries.Since(day=form.cleaned_data["dato"], meeting=None)
    overdue = queries.overdue_projects().order_by("next_report_due", "name")
    return render(
        request,
        "portfolio/overview/changes.html",
        {
            "form": form,
            "since": since,
            "shown": CHANGES_SHOWN,
            "phase_changes": _capped(overview_queries.phase_changes_since(since.day)),
            "new_projects": _capped(overview_queries.new_projects_since(since.day)),
            "status_changes": _capped(overview_queries.status_changes_since(since.day)),
            "overdue": _capped(overdue),
        },
    )
