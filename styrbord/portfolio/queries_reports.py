"""Reads for the status-report pages and the Project Board: report histories as grids,
and the board's view of the running projects, each in a fixed number of queries."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

from styrbord.governance.models import Body, BodyKind, Meeting
from styrbord.portfolio import queries
from styrbord.portfolio.models import (
    DIMENSIONS,
    RAG_RANK,
    RUNNING_PHASES,
    PhaseChange,
    Project,
    Rag,
    ReportState,
    StatusReport,
)

# Periods in a project's own grid and in the portfolio-wide grid.
PROJECT_GRID_PERIODS = 8
PORTFOLIO_GRID_PERIODS = 6
# A project without a status sorts after green ones.
NO_STATUS_RANK = len(RAG_RANK)


class RagCell(NamedTuple):
    """A RAG value with its label, so a page shows the status as text, not only colour."""

    value: str
    label: str


def rag_cell(value: str) -> RagCell | None:
    return RagCell(value, Rag(value).label) if value else None


def reports() -> QuerySet[StatusReport]:
    """Reports with what the report page shows."""
    return StatusReport.objects.select_related(
        "project__leader",
        "submitted_by",
        "corrects",
        "escalate_to",
        "escalation_item__meeting",
    )


def valid_reports() -> QuerySet[StatusReport]:
    """Submitted reports that no submitted correction has replaced."""
    return StatusReport.objects.filter(state=ReportState.SUBMITTED).exclude(
        corrections__state=ReportState.SUBMITTED
    )


def drafts(project: Project) -> QuerySet[StatusReport]:
    return project.status_reports.filter(state=ReportState.DRAFT).select_related("corrects")


def corrections(report: StatusReport) -> QuerySet[StatusReport]:
    return report.corrections.order_by("created_at")


def dimension_rows(report: StatusReport) -> list[tuple[str, str, RagCell | None, str]]:
    """(name, label, RAG cell, comment) for each dimension of ``report``."""
    return [
        (name, label, rag_cell(value), comment)
        for name, label, value, comment in report.dimensions()
    ]


@dataclass
class ProjectGrid:
    """The last periods of one project: rows are dimensions, columns periods, newest first."""

    periods: list[StatusReport]
    rows: list[tuple[str, list[RagCell | None]]]


def project_grid(project: Project, periods: int = PROJECT_GRID_PERIODS) -> ProjectGrid:
    latest = list(
        valid_reports()
        .filter(project=project)
        .order_by("-period_end", "-submitted_at", "-id")[:periods]
    )
    rows = [
        (
            StatusReport._meta.get_field(name).verbose_name,
            [rag_cell(getattr(report, name)) for report in latest],
        )
        for name in DIMENSIONS
    ]
    return ProjectGrid(periods=latest, rows=rows)


class OverallCell(NamedTuple):
    report_id: int
    period_end: datetime.date
    rag: RagCell | None


def recent_overall(
    projects: Iterable[Project], periods: int = PORTFOLIO_GRID_PERIODS
) -> dict[int, list[OverallCell | None]]:
    """The overall status of each project's last ``periods`` reports, newest first.

    One query for all the projects: the reports since a cutoff long enough for the
    slowest cadence among them, grouped in Python.
    """
    projects = list(projects)
    if not projects:
        return {}
    longest = max(project.report_every_days for project in projects)
    cutoff = timezone.localdate() - datetime.timedelta(days=longest * (periods + 1))
    rows = (
        valid_reports()
        .filter(project__in=[project.pk for project in projects], period_end__gte=cutoff)
        .order_by("project_id", "-period_end", "-submitted_at", "-id")
        .values_list("project_id", "id", "period_end", "overall")
    )
    found: dict[int, list[OverallCell]] = defaultdict(list)
    for project_id, report_id, period_end, overall in rows:
        if len(found[project_id]) < periods:
            found[project_id].append(OverallCell(report_id, period_end, rag_cell(overall)))
    # Padded to ``periods`` cells so every row of the table has the same columns.
    cells: dict[int, list[OverallCell | None]] = {}
    for project in projects:
        own: list[OverallCell | None] = list(found.get(project.pk, []))
        cells[project.pk] = own + [None] * (periods - len(own))
    return cells


def project_boards() -> QuerySet[Body]:
    return Body.objects.filter(kind=BodyKind.PROJECT_BOARD)


@dataclass
class BoardRow:
    project: Project
    overall: RagCell | None
    dimensions: list[tuple[str, RagCell | None]]
    overdue: bool
    # A report submitted since the board's last meeting, and the overall status then.
    changed: bool = False
    previous: RagCell | None = None
    trend: str = ""  # "better", "worse", "same" or "" when there was no status before
    # Became a running project since the board's last meeting.
    is_new: bool = False


@dataclass
class BoardOverview:
    body: Body
    last_meeting: Meeting | None
    rows: list[BoardRow] = field(default_factory=list)

    @property
    def changed(self) -> list[BoardRow]:
        return [row for row in self.rows if row.changed]

    @property
    def new_projects(self) -> list[BoardRow]:
        return [row for row in self.rows if row.is_new]

    @property
    def overdue(self) -> list[BoardRow]:
        return [row for row in self.rows if row.overdue]


def _rank(status: str) -> int:
    return RAG_RANK.get(status, NO_STATUS_RANK)


def _trend(before: str | None, now: str) -> str:
    if not before or not now:
        return ""
    if _rank(now) < _rank(before):
        return "worse"
    if _rank(now) > _rank(before):
        return "better"
    return "same"


def board_overview(body: Body, today: datetime.date | None = None) -> BoardOverview:
    """Every running project with its latest report, what changed since the body's last
    held meeting, and who is overdue: two queries besides the meeting."""
    today = today or timezone.localdate()
    last_meeting = queries.last_held_meeting(body=body)
    projects = queries.running_projects().order_by("name")
    if last_meeting is not None:
        since = last_meeting.starts_at
        submitted = StatusReport.objects.filter(project=OuterRef("pk"), state=ReportState.SUBMITTED)
        projects = projects.annotate(
            reported_since=Exists(submitted.filter(submitted_at__gte=since)),
            status_before=Subquery(
                submitted.filter(submitted_at__lt=since)
                .order_by("-period_end", "-submitted_at", "-id")
                .values("overall")[:1]
            ),
            running_from=Subquery(
                PhaseChange.objects.filter(project=OuterRef("pk"), to_phase__in=RUNNING_PHASES)
                .order_by("decided_on", "id")
                .values("decided_on")[:1]
            ),
        )
    overview = BoardOverview(body=body, last_meeting=last_meeting)
    for project in projects:
        report = project.latest_report
        row = BoardRow(
            project=project,
            overall=rag_cell(project.current_status),
            dimensions=[
                (
                    StatusReport._meta.get_field(name).verbose_name,
                    rag_cell(getattr(report, name)) if report else None,
                )
                for name in DIMENSIONS[1:]
            ],
            overdue=project.report_overdue(today),
        )
        if last_meeting is not None:
            row.changed = project.reported_since
            row.previous = rag_cell(project.status_before or "")
            row.trend = _trend(project.status_before, project.current_status)
            row.is_new = (
                project.running_from is not None
                and project.running_from >= timezone.localdate(last_meeting.starts_at)
            )
        overview.rows.append(row)
    return overview


def agenda_order(rows: Iterable[BoardRow]) -> list[Project]:
    """The board's agenda: overdue projects first, then red, yellow, green, then by name."""
    ordered = sorted(
        rows, key=lambda row: (not row.overdue, _rank(row.project.current_status), row.project.name)
    )
    return [row.project for row in ordered]
