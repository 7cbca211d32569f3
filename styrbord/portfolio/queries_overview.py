"""Reads for the portfolio overview: the charts' counts, the timeline, the portfolio as it
was on a past date and what changed since a date.

Counts are aggregated in the database over the filtered queryset; the past is read from
the phase changes and submitted status reports, which are never edited. Every function
costs a fixed number of queries, however many projects there are.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from styrbord.governance.models import Meeting
from styrbord.portfolio import queries
from styrbord.portfolio.models import (
    ENDED_PHASES,
    RAG_RANK,
    RUNNING_PHASES,
    Milestone,
    PhaseChange,
    Project,
    ReportState,
    StatusReport,
)
from styrbord.strategy.models import FocusArea

# Without a held steering-group meeting, "changes since" looks back this far.
DEFAULT_LOOKBACK_DAYS = 90


def with_overdue(projects: QuerySet[Project], today: datetime.date) -> QuerySet[Project]:
    """Annotate ``report_is_overdue``: running, and the next status report was due before
    ``today`` (the rule of ``Project.report_overdue``, in the database)."""
    return projects.annotate(
        report_is_overdue=ExpressionWrapper(
            Q(phase__in=RUNNING_PHASES, next_report_due__lt=today), output_field=BooleanField()
        )
    )


def _unordered(projects: QuerySet[Project]) -> QuerySet[Project]:
    # Ordering columns would otherwise join the GROUP BY.
    return projects.order_by()


@dataclass(frozen=True)
class Counts:
    """How many projects there are by phase and origin, and by current status (``""``
    for those without a report)."""

    by_phase_and_origin: dict[tuple[str, str], int]
    by_status: dict[str, int]


def counts(projects: QuerySet[Project]) -> Counts:
    """Both charts' numbers from one grouped query."""
    rows = (
        _unordered(projects)
        .values("phase", "origin", "current_status")
        .annotate(count=Count("pk", distinct=True))
        .values_list("phase", "origin", "current_status", "count")
    )
    by_phase_and_origin: dict[tuple[str, str], int] = defaultdict(int)
    by_status: dict[str, int] = defaultdict(int)
    for phase, origin, status, count in rows:
        by_phase_and_origin[phase, origin] += count
        by_status[status] += count
    return Counts(by_phase_and_origin=dict(by_phase_and_origin), by_status=dict(by_status))


def focus_area_coverage(projects: QuerySet[Project]) -> list[FocusArea]:
    """Every focus area the municipality can align to (its own and the catalogue's) with
    ``project_count``: how many of ``projects`` are aligned to it.

    A catalogue focus area is shared by every municipality's projects, so only the given
    projects are counted."""
    chosen = _unordered(projects).values("pk")
    return list(
        queries.focus_areas()
        .annotate(project_count=Count("projects", filter=Q(projects__in=chosen), distinct=True))
        .order_by("strategy__title", "number", "name")
    )


# --- timeline -------------------------------------------------------------------------------


def timeline_projects(projects: QuerySet[Project]) -> QuerySet[Project]:
    """The projects that have not ended and have both dates, with their milestones."""
    return (
        projects.exclude(phase__in=ENDED_PHASES)
        .filter(start_date__isnull=False, end_date__isnull=False)
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "title"))
        )
    )


def undated_projects(projects: QuerySet[Project]) -> QuerySet[Project]:
    """The projects that have not ended but lack a start or an end date."""
    return projects.exclude(phase__in=ENDED_PHASES).filter(
        Q(start_date__isnull=True) | Q(end_date__isnull=True)
    )


# --- the portfolio on a past date -------------------------------------------------------------


def portfolio_as_of(day: datetime.date) -> QuerySet[Project]:
    """The projects that existed on ``day`` (their first phase change was decided on or
    before it), each annotated with ``phase_then``, ``status_then`` (the overall status of
    the latest submitted report for a period ending on or before ``day``, or None) and
    ``report_then`` (that report's period end)."""
    phase = PhaseChange.objects.filter(project=OuterRef("pk"), decided_on__lte=day).order_by(
        "-decided_on", "-id"
    )
    report = StatusReport.objects.filter(
        project=OuterRef("pk"), state=ReportState.SUBMITTED, period_end__lte=day
    ).order_by("-period_end", "-submitted_at", "-id")
    return (
        queries.projects()
        .annotate(
            phase_then=Subquery(phase.values("to_phase")[:1]),
            status_then=Subquery(report.values("overall")[:1]),
            report_then=Subquery(report.values("period_end")[:1]),
        )
        .filter(phase_then__isnull=False)
        .order_by("name", "pk")
    )


def phase_counts_as_of(day: datetime.date) -> dict[str, int]:
    rows = (
        portfolio_as_of(day)
        .order_by()
        .values("phase_then")
        .annotate(count=Count("pk"))
        .values_list("phase_then", "count")
    )
    return dict(rows)


# --- what changed since a date ----------------------------------------------------------------


@dataclass(frozen=True)
class Since:
    """Where "changes since" starts: a chosen date, or the last held steering-group meeting
    (or, without one, a while back)."""

    day: datetime.date
    meeting: Meeting | None


def default_since(today: datetime.date | None = None) -> Since:
    meeting = queries.last_held_meeting()
    if meeting is not None:
        return Since(day=timezone.localtime(meeting.starts_at).date(), meeting=meeting)
    today = today or timezone.localdate()
    return Since(day=today - datetime.timedelta(days=DEFAULT_LOOKBACK_DAYS), meeting=None)


def phase_changes_since(day: datetime.date) -> QuerySet[PhaseChange]:
    """Moves between phases decided on or after ``day``; a project's first phase (no
    ``from_phase``) is a new project, not a move."""
    return (
        PhaseChange.objects.filter(decided_on__gte=day)
        .exclude(from_phase="")
        .select_related("project", "approver", "agenda_item__meeting__body")
        .order_by("-decided_on", "-id")
    )


def new_projects_since(day: datetime.date) -> QuerySet[Project]:
    """Projects whose first phase change was decided on or after ``day``."""
    first = PhaseChange.objects.filter(project=OuterRef("pk")).order_by("decided_on", "id")
    return (
        queries.projects()
        .annotate(started_on=Subquery(first.values("decided_on")[:1]))
        .filter(started_on__gte=day)
        .order_by("-started_on", "name")
    )


def _rank(field: str) -> Case:
    return Case(
        *(When(**{field: value}, then=Value(rank)) for value, rank in RAG_RANK.items()),
        output_field=IntegerField(),
    )


def status_changes_since(day: datetime.date) -> QuerySet[StatusReport]:
    """Reports submitted on or after ``day`` whose overall status differs from the
    project's report before them, annotated with ``previous_overall`` and ``improved``."""
    earlier = StatusReport.objects.filter(
        project=OuterRef("project"), state=ReportState.SUBMITTED
    ).filter(
        Q(period_end__lt=OuterRef("period_end"))
        | Q(period_end=OuterRef("period_end"), id__lt=OuterRef("id"))
    )
    previous = earlier.order_by("-period_end", "-id").values("overall")[:1]
    return (
        StatusReport.objects.filter(state=ReportState.SUBMITTED, submitted_at__date__gte=day)
        .annotate(previous_overall=Subquery(previous))
        .filter(previous_overall__isnull=False)
        .exclude(previous_overall=F("overall"))
        .annotate(now_rank=_rank("overall"), before_rank=_rank("previous_overall"))
        .annotate(improved=Q(now_rank__gt=F("before_rank")))
        .select_related("project")
        .order_by("-submitted_at", "-id")
    )
