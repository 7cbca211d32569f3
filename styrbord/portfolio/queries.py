"""Reads for the portfolio's pages, documents and API: scoped querysets with what a page
shows already joined, so a list costs a fixed number of queries."""

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.governance.models import BodyKind, Meeting, MeetingStatus
from styrbord.portfolio.models import (
    RUNNING_PHASES,
    Idea,
    Lesson,
    PhaseChange,
    Project,
    ReportState,
    StatusReport,
)
from styrbord.strategy.models import FocusArea, Principle, PrincipleKind, Strategy

HELD_STATUSES = (
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_AWAITING_APPROVAL,
    MeetingStatus.MINUTES_APPROVED,
)


def projects() -> QuerySet[Project]:
    """The municipality's own projects, with what a list row shows."""
    return Project.objects.select_related(
        "org_unit", "owner", "leader", "project_group", "latest_report", "implements"
    )


def with_alignment(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Prefetch focus areas and principles, which may be catalogue rows."""
    return queryset.prefetch_related(
        Prefetch("focus_areas", queryset=FocusArea.shared.select_related("strategy")),
        Prefetch("principles", queryset=Principle.shared.select_related("strategy")),
    )


def running_projects() -> QuerySet[Project]:
    return projects().filter(phase__in=RUNNING_PHASES)


def overdue_projects(today: datetime.date | None = None) -> QuerySet[Project]:
    today = today or timezone.localdate()
    return running_projects().filter(next_report_due__lt=today)


def catalogue_projects() -> QuerySet[Project]:
    """National and fælleskommunale projects in the shared catalogue."""
    return Project.shared.filter(municipality__is_catalogue=True)


def implementing_municipalities(shared: Project) -> list[str]:
    """The names of the municipalities that run a shared project; nothing else of theirs."""
    with scopes_disabled():
        return sorted(
            set(
                Project.objects.filter(implements=shared)
                .exclude(municipality__is_catalogue=True)
                .values_list("municipality__name", flat=True)
            )
        )


def strategies() -> QuerySet[Strategy]:
    """The municipality's strategies and the catalogue's."""
    return Strategy.shared.select_related("municipality")


def focus_areas() -> QuerySet[FocusArea]:
    return FocusArea.shared.select_related("strategy")


def principles(kind: str | None = None) -> QuerySet[Principle]:
    queryset = Principle.shared.select_related("strategy")
    return queryset.filter(kind=kind) if kind else queryset


def architecture_principles() -> QuerySet[Principle]:
    return principles(PrincipleKind.ARCHITECTURE)


def ideas() -> QuerySet[Idea]:
    return Idea.objects.select_related("org_unit", "submitted_by", "triaged_by", "project")


def submitted_reports(project: Project) -> QuerySet[StatusReport]:
    return project.status_reports.filter(state=ReportState.SUBMITTED).select_related(
        "submitted_by", "corrects", "escalate_to", "escalation_item__meeting"
    )


def reports() -> QuerySet[StatusReport]:
    return StatusReport.objects.select_related("project", "submitted_by")


def phase_changes(project: Project) -> QuerySet[PhaseChange]:
    return project.phase_changes.select_related("approver", "agenda_item__meeting__body")


def lessons() -> QuerySet[Lesson]:
    return Lesson.objects.select_related("project")


def last_held_meeting(kind: str = BodyKind.STEERING_GROUP, body=None) -> Meeting | None:
    """The latest held meeting of ``body``, or of any body of ``kind``."""
    meetings = Meeting.objects.filter(status__in=HELD_STATUSES, starts_at__lt=timezone.now())
    meetings = meetings.filter(body=body) if body is not None else meetings.filter(body__kind=kind)
    return meetings.select_related("body").order_by("-starts_at").first()
