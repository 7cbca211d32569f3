"""Viewsets of the portfolio API, through the same queries, services and policy as the pages.

The base viewsets are governance's: scoped reads, writes through services, a service's
refusal answered 403 (not yours to do) or 400 (with the reason, on the fields it names),
and a stale ``version`` answered 409. Reading needs a role in the municipality and writing
the editor role, except for ideas and status reports: any member with a write token may
try, and the services decide (an employee submits an idea, a project leader reports on
their own project).
"""

import django_filters
from django.db.models import Model, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status
from rest_framework.decorators import action
from rest_framework.response import Response

from styrbord.core import policy as core_policy
from styrbord.core.api.viewsets import EditableViewSet, ServiceViewSet
from styrbord.core.models import ApiToken
from styrbord.governance.api.serializers import VersionSerializer
from styrbord.portfolio import queries
from styrbord.portfolio.api.serializers import (
    DeliverableSerializer,
    DeliverableUpdateSerializer,
    GateRequestSerializer,
    IdeaSerializer,
    LessonSerializer,
    LessonUpdateSerializer,
    MilestoneSerializer,
    MilestoneUpdateSerializer,
    PhaseChangeSerializer,
    PhaseStepSerializer,
    ProjectSerializer,
    ProjectUpdateSerializer,
    RiskSerializer,
    RiskUpdateSerializer,
    SendForDecisionSerializer,
    StatusReportSerializer,
    StatusReportUpdateSerializer,
    SuccessCriterionSerializer,
    SuccessCriterionUpdateSerializer,
    TriageSerializer,
)
from styrbord.portfolio.filters import ProjectFilter
from styrbord.portfolio.filters_ideas import IdeaFilter, LessonFilter
from styrbord.portfolio.models import (
    Deliverable,
    Idea,
    Lesson,
    Milestone,
    PhaseChange,
    Project,
    ReportState,
    Risk,
    StatusReport,
    SuccessCriterion,
)
from styrbord.portfolio.services import charter, ideas, phases, projects, reports


class MemberWrites(permissions.BasePermission):
    """Any member may write, with a write token; the service checks who may do what.

    Like ``MunicipalityRole`` otherwise: a role in the URL's municipality to read, and a
    token without write permission only reads."""

    def has_permission(self, request, view) -> bool:
        municipality = getattr(request._request, "municipality", None)
        if municipality is None or not request.user.is_authenticated:
            return False
        if (
            request.method not in permissions.SAFE_METHODS
            and isinstance(request.auth, ApiToken)
            and not request.auth.can_write
        ):
            return False
        return core_policy.can_view(request.user, municipality)


# --- filters: the pages' FilterSets, with ``project`` where the API lists rows of all
# projects at once ---


def scoped_projects(request) -> QuerySet[Project]:
    # Evaluated per request, inside the municipality's scope.
    return Project.objects.all()


def project_filter(
    model: type[Model], base: type[django_filters.FilterSet] = django_filters.FilterSet
) -> type[django_filters.FilterSet]:
    """``base`` with a ``project`` filter, over the rows of ``model``."""
    meta = type("Meta", (), {"model": model, "fields": ["project"]})
    return type(
        f"{model.__name__}ProjectFilter",
        (base,),
        {"project": django_filters.ModelChoiceFilter(queryset=scoped_projects), "Meta": meta},
    )


class StatusReportFilter(django_filters.FilterSet):
    project = django_filters.ModelChoiceFilter(queryset=scoped_projects)
    state = django_filters.ChoiceFilter(choices=ReportState.choices)

    class Meta:
        model = StatusReport
        fields = ["project", "state"]


# --- ideas ---


class IdeaViewSet(EditableViewSet):
    """Ideas, newest first. Any member submits one and edits it until it is triaged;
    the innovation group or programme group triages it."""

    model = Idea
    serializer_class = IdeaSerializer
    filterset_class = IdeaFilter
    permission_classes = [MemberWrites]

    def scoped_queryset(self) -> QuerySet[Idea]:
        return queries.ideas().order_by("-created_at", "-pk")

    def create_through_service(self, **data) -> Idea:
        return ideas.submit_idea(
            municipality=self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(self, idea: Idea, version: int, **data) -> Idea:
        return ideas.update_idea(idea, actor=self.request.user, expected_version=version, **data)

    @extend_schema(request=TriageSerializer, responses=IdeaSerializer)
    @action(detail=True, methods=["post"])
    def triage(self, request, **kwargs) -> Response:
        """Record the body's recommendation and decision; an idea that continues becomes a
        project in the proposal phase (its id is in ``project``)."""
        idea = self.get_object()
        data = self.validated(TriageSerializer)
        version = data.pop("version")
        return self.answer(
            ideas.triage_idea(idea, actor=request.user, expected_version=version, **data)
        )


# --- projects ---


class ProjectViewSet(EditableViewSet):
    """The municipality's projects, filtered like the portfolio overview. Focus areas and
    principles may be the catalogue's; the phase moves only through ``phase`` (or a
    body's decision after ``send-for-decision``)."""

    model = Project
    serializer_class = ProjectSerializer
    update_serializer_class = ProjectUpdateSerializer
    filterset_class = ProjectFilter

    def scoped_queryset(self) -> QuerySet[Project]:
        return queries.with_alignment(queries.projects()).order_by("name", "pk")

    def create_through_service(self, **data) -> Project:
        return projects.create_project(
            municipality=self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(self, project: Project, version: int, **data) -> Project:
        return projects.update_project(
            project, actor=self.request.user, expected_version=version, **data
        )

    @extend_schema(request=PhaseStepSerializer, responses=ProjectSerializer)
    @action(detail=True, methods=["post"])
    def phase(self, request, **kwargs) -> Response:
        """Move the project to another phase on a recorded decision: an agenda item with a
        decision, or (for local projects and the gates that allow it) an approver and a date."""
        project = self.get_object()
        data = self.validated(PhaseStepSerializer)
        version = data.pop("version")
        phases.change_phase(project, actor=request.user, expected_version=version, **data)
        return self.answer(project)

    @extend_schema(request=SendForDecisionSerializer, responses={201: GateRequestSerializer})
    @action(detail=True, methods=["post"], url_path="send-for-decision")
    def send_for_decision(self, request, **kwargs) -> Response:
        """Put a decision item for the project on the body's next open agenda, with a
        sagsfremstilling drawn from the start document. Recording the decision there moves
        the project through its gate."""
        project = self.get_object()
        data = self.validated(SendForDecisionSerializer)
        gate = phases.send_for_decision(project, actor=request.user, **data)
        return Response(GateRequestSerializer(gate).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=ProjectSerializer)
    @action(detail=True, methods=["post"], url_path="request-update")
    def request_update(self, request, **kwargs) -> Response:
        """Ask the project leader for a new status report (it shows in their tasks)."""
        return self.answer(projects.request_update(self.get_object(), actor=request.user))


class PhaseChangeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ServiceViewSet):
    """The recorded phase changes, newest first; they are never edited."""

    model = PhaseChange
    serializer_class = PhaseChangeSerializer
    filterset_class = project_filter(PhaseChange)

    def scoped_queryset(self) -> QuerySet[PhaseChange]:
        return PhaseChange.objects.select_related("approver").order_by("-decided_on", "-pk")


# --- start-document parts and lessons ---


class ProjectPartViewSet(mixins.DestroyModelMixin, EditableViewSet):
    """Rows of a project's start document, created, edited and deleted through the charter
    service; ``project`` filters them."""

    def scoped_queryset(self) -> QuerySet:
        return self.model.objects.order_by("project_id", *self.model._meta.ordering, "pk")

    def create_through_service(self, **data) -> Model:
        project = data.pop("project")
        return charter.add_part(self.model, project=project, actor=self.request.user, **data)

    def update_through_service(self, part: Model, version: int, **data) -> Model:
        return charter.update_part(part, actor=self.request.user, expected_version=version, **data)

    def perform_destroy(self, instance: Model) -> None:
        charter.delete_part(instance, actor=self.request.user)


class DeliverableViewSet(ProjectPartViewSet):
    """Deliverables (leverancer) with due date and status."""

    model = Deliverable
    serializer_class = DeliverableSerializer
    update_serializer_class = DeliverableUpdateSerializer
    filterset_class = project_filter(Deliverable)


class SuccessCriterionViewSet(ProjectPartViewSet):
    """Measurable success criteria; whether each was met is recorded before closing."""

    model = SuccessCriterion
    serializer_class = SuccessCriterionSerializer
    update_serializer_class = SuccessCriterionUpdateSerializer
    filterset_class = project_filter(SuccessCriterion)


class MilestoneViewSet(ProjectPartViewSet):
    """Milestones with their planned and reached dates."""

    model = Milestone
    serializer_class = MilestoneSerializer
    update_serializer_class = MilestoneUpdateSerializer
    filterset_class = project_filter(Milestone)


class RiskViewSet(ProjectPartViewSet):
    """Risks with probability and consequence from 1 to 5, mitigation and owner."""

    model = Risk
    serializer_class = RiskSerializer
    update_serializer_class = RiskUpdateSerializer
    filterset_class = project_filter(Risk)


class LessonViewSet(ProjectPartViewSet):
    """Lessons learned, written while a project runs or when it ends."""

    model = Lesson
    serializer_class = LessonSerializer
    update_serializer_class = LessonUpdateSerializer
    filterset_class = project_filter(Lesson, LessonFilter)


# --- status reports ---


class StatusReportViewSet(mixins.DestroyModelMixin, EditableViewSet):
    """Status reports, latest period first. A new report is a draft that can be edited and
    deleted; ``submit`` makes it final, and ``correct`` starts a draft correcting it."""

    model = StatusReport
    serializer_class = StatusReportSerializer
    update_serializer_class = StatusReportUpdateSerializer
    filterset_class = StatusReportFilter
    permission_classes = [MemberWrites]

    def scoped_queryset(self) -> QuerySet[StatusReport]:
        return queries.reports().order_by("-period_end", "project_id", "-pk")

    def create_through_service(self, **data) -> StatusReport:
        project = data.pop("project")
        return reports.create_report(project=project, actor=self.request.user, **data)

    def update_through_service(self, report: StatusReport, version: int, **data) -> StatusReport:
        return reports.update_report(
            report, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: StatusReport) -> None:
        reports.delete_draft(instance, actor=self.request.user)

    @extend_schema(request=VersionSerializer, responses=StatusReportSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, **kwargs) -> Response:
        """Submit the draft: it can no longer change, the project's status and next due
        date follow it, and an escalation puts an item on the chosen body's next agenda."""
        report = self.get_object()
        version = self.validated(VersionSerializer)["version"]
        return self.answer(
            reports.submit_report(report, actor=request.user, expected_version=version)
        )

    @extend_schema(request=None, responses={201: StatusReportSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request, **kwargs) -> Response:
        """Start a draft that corrects the submitted report, from its values."""
        correction = reports.start_correction(self.get_object(), actor=request.user)
        serializer = StatusReportSerializer(
            self.reloaded(correction), context=self.get_serializer_context()
        )
        return Response(serializer.data, status=status.HTTP_201_CREATED)
