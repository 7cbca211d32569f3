"""Serializers of the portfolio API: what a row looks like, and what each action takes.

Money is written and read as decimal strings, dates in ISO format. References to other
rows accept only the request's municipality, except focus areas, principles and the shared
project a project implements, which may also be the catalogue's.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from styrbord.core.api.serializers import ScopedPrimaryKeyField, VersionedSerializer
from styrbord.core.models import OrgUnit, Person
from styrbord.governance.api.serializers import VisibleItemField
from styrbord.governance.models import AgendaItem, Body
from styrbord.portfolio import queries
from styrbord.portfolio.models import (
    DIMENSIONS,
    Deliverable,
    GateRequest,
    Idea,
    IdeaStatus,
    Lesson,
    Milestone,
    Origin,
    Phase,
    PhaseChange,
    Project,
    Risk,
    StatusReport,
    SuccessCriterion,
)
from styrbord.strategy.models import FocusArea, Principle


class SharedPrimaryKeyField(serializers.PrimaryKeyRelatedField):
    """A row of the request's municipality or of the shared catalogue."""

    def get_queryset(self):
        return self.queryset.model.shared.all()


class CatalogueProjectField(serializers.PrimaryKeyRelatedField):
    """A national or fælleskommunale project of the shared catalogue."""

    def get_queryset(self):
        return queries.catalogue_projects()


# --- ideas ---


class IdeaSerializer(VersionedSerializer):
    org_unit = ScopedPrimaryKeyField(queryset=OrgUnit.objects, allow_null=True, required=False)
    submitted_by = serializers.StringRelatedField()
    triaged_by = serializers.PrimaryKeyRelatedField(read_only=True)
    project = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("The project the idea continued as.")
    )

    class Meta:
        model = Idea
        fields = [
            "id",
            "title",
            "problem",
            "idea",
            "expected_gain",
            "org_unit",
            "submitted_by",
            "status",
            "triaged_by",
            "recommendation",
            "reason",
            "decided_on",
            "project",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "status",
            "recommendation",
            "reason",
            "decided_on",
            "created_at",
            "updated_at",
        ]


class TriageSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text=_("The version read before this step."))
    body = ScopedPrimaryKeyField(
        queryset=Body.objects, help_text=_("The innovation group or programme group deciding.")
    )
    status = serializers.ChoiceField(
        choices=IdeaStatus.choices,
        help_text=_("Continue as a proposal, consider later or reject."),
    )
    recommendation = serializers.CharField(allow_blank=True, required=False, default="")
    reason = serializers.CharField(allow_blank=True)
    origin = serializers.ChoiceField(
        choices=Origin.choices,
        default=Origin.LOCAL,
        help_text=_("The origin of the project an idea continues as."),
    )


# --- projects ---

# The final report's fields: written when a project closes, not when it is created.
CLOSING_FIELDS = ["delivered_vs_planned", "handover_operations", "handover_benefits"]
# Kept by the services: the approval, the reporting state and the closing date.
DERIVED_FIELDS = [
    "charter_approved_at",
    "latest_report",
    "current_status",
    "next_report_due",
    "update_requested_at",
    "closed_on",
    "created_at",
    "updated_at",
]


class ProjectSerializer(VersionedSerializer):
    """A project with its start-document texts. The phase is chosen when the project is
    created (idea or proposal); after that it changes only through the ``phase`` action."""

    implements = CatalogueProjectField(queryset=Project.shared, allow_null=True, required=False)
    org_unit = ScopedPrimaryKeyField(queryset=OrgUnit.objects, allow_null=True, required=False)
    owner = ScopedPrimaryKeyField(queryset=Person.objects, allow_null=True, required=False)
    leader = ScopedPrimaryKeyField(queryset=Person.objects, allow_null=True, required=False)
    project_group = ScopedPrimaryKeyField(queryset=Body.objects, allow_null=True, required=False)
    focus_areas = SharedPrimaryKeyField(
        queryset=FocusArea.shared,
        many=True,
        required=False,
        help_text=_("Focus areas of the municipality's strategies or of the catalogue."),
    )
    principles = SharedPrimaryKeyField(
        queryset=Principle.shared,
        many=True,
        required=False,
        help_text=_("Principles of the municipality's strategies or of the catalogue."),
    )
    benefits_owner = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Project
        fields = [
            "id",
            "name",
            "short_description",
            "origin",
            "issued_by",
            "implements",
            "org_unit",
            "owner",
            "leader",
            "project_group",
            "phase",
            "start_date",
            "end_date",
            "budget_one_off",
            "budget_running",
            "financing",
            "is_lighthouse",
            "priority",
            "core_task_relevance",
            "focus_areas",
            "principles",
            "tags",
            "url",
            "purpose",
            "background",
            "scope",
            "out_of_scope",
            "stakeholders",
            "dependencies",
            "charter_approved_at",
            "report_every_days",
            "latest_report",
            "current_status",
            "next_report_due",
            "update_requested_at",
            "closed_on",
            *CLOSING_FIELDS,
            "benefits_owner",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [*DERIVED_FIELDS, *CLOSING_FIELDS]


class ProjectUpdateSerializer(ProjectSerializer):
    """The phase moves only through the ``phase`` action; the final report (written on an
    existing project) is editable."""

    benefits_owner = ScopedPrimaryKeyField(queryset=Person.objects, allow_null=True, required=False)

    class Meta(ProjectSerializer.Meta):
        read_only_fields = ["phase", *DERIVED_FIELDS]


class PhaseStepSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text=_("The version read before this step."))
    to_phase = serializers.ChoiceField(choices=Phase.choices)
    decided_on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=_("The date of the decision; taken from the meeting with an agenda item."),
    )
    agenda_item = VisibleItemField(
        queryset=AgendaItem.objects,
        required=False,
        allow_null=True,
        help_text=_("The agenda item whose recorded decision moves the project."),
    )
    approver = ScopedPrimaryKeyField(
        queryset=Person.objects,
        required=False,
        allow_null=True,
        help_text=_("Who approved the change, for local projects without an agenda item."),
    )
    note = serializers.CharField(allow_blank=True, required=False, default="")


class SendForDecisionSerializer(serializers.Serializer):
    body = ScopedPrimaryKeyField(
        queryset=Body.objects, help_text=_("The body whose next open agenda gets the item.")
    )
    to_phase = serializers.ChoiceField(choices=Phase.choices, default=Phase.APPROVED)


class GateRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = GateRequest
        fields = ["id", "project", "agenda_item", "to_phase", "outcome", "created_at"]
        read_only_fields = fields


class PhaseChangeSerializer(serializers.ModelSerializer):
    approver_name = serializers.CharField(
        source="approver.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = PhaseChange
        fields = [
            "id",
            "project",
            "from_phase",
            "to_phase",
            "decided_on",
            "agenda_item",
            "approver",
            "approver_name",
            "note",
            "created_at",
        ]
        read_only_fields = fields


# --- start-document parts and lessons ---

PART_HEAD = ["id", "project"]
PART_TAIL = ["version", "updated_at"]


class PartSerializer(VersionedSerializer):
    """A row of a project's start document; it stays with its project."""

    project = ScopedPrimaryKeyField(queryset=Project.objects)

    class Meta:
        read_only_fields = ["updated_at"]


class DeliverableSerializer(PartSerializer):
    class Meta(PartSerializer.Meta):
        model = Deliverable
        fields = [*PART_HEAD, "title", "description", "due_on", "status", *PART_TAIL]


class SuccessCriterionSerializer(PartSerializer):
    class Meta(PartSerializer.Meta):
        model = SuccessCriterion
        fields = [*PART_HEAD, "description", "measure", "target", "met", "result", *PART_TAIL]


class MilestoneSerializer(PartSerializer):
    class Meta(PartSerializer.Meta):
        model = Milestone
        fields = [*PART_HEAD, "title", "due_on", "reached_on", *PART_TAIL]


class RiskSerializer(PartSerializer):
    owner = ScopedPrimaryKeyField(queryset=Person.objects, allow_null=True, required=False)
    score = serializers.IntegerField(
        read_only=True, help_text=_("Probability times consequence (1–25).")
    )

    class Meta(PartSerializer.Meta):
        model = Risk
        fields = [
            *PART_HEAD,
            "title",
            "description",
            "probability",
            "consequence",
            "score",
            "mitigation",
            "owner",
            "is_closed",
            *PART_TAIL,
        ]


class LessonSerializer(PartSerializer):
    class Meta(PartSerializer.Meta):
        model = Lesson
        fields = [*PART_HEAD, "title", "description", "recommendation", *PART_TAIL]


class DeliverableUpdateSerializer(DeliverableSerializer):
    project = serializers.PrimaryKeyRelatedField(read_only=True)


class SuccessCriterionUpdateSerializer(SuccessCriterionSerializer):
    project = serializers.PrimaryKeyRelatedField(read_only=True)


class MilestoneUpdateSerializer(MilestoneSerializer):
    project = serializers.PrimaryKeyRelatedField(read_only=True)


class RiskUpdateSerializer(RiskSerializer):
    project = serializers.PrimaryKeyRelatedField(read_only=True)


class LessonUpdateSerializer(LessonSerializer):
    project = serializers.PrimaryKeyRelatedField(read_only=True)


# --- status reports ---


class StatusReportSerializer(VersionedSerializer):
    """A status report. A new report is a draft; ``submit`` makes it final, and a
    submitted report is corrected by a new draft (``correct``)."""

    project = ScopedPrimaryKeyField(queryset=Project.objects)
    escalate_to = ScopedPrimaryKeyField(
        queryset=Body.objects,
        allow_null=True,
        required=False,
        help_text=_("The programme group or steering group asked to decide."),
    )
    submitted_by = serializers.StringRelatedField()

    class Meta:
        model = StatusReport
        fields = [
            "id",
            "project",
            "period_end",
            "state",
            *(name for dimension in DIMENSIONS for name in (dimension, f"{dimension}_comment")),
            "summary",
            "achievements",
            "next_steps",
            "problems",
            "percent_complete",
            "spent_to_date",
            "forecast",
            "escalate_to",
            "escalation_reason",
            "escalation_item",
            "corrects",
            "submitted_at",
            "submitted_by",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["state", "created_at", "updated_at"]


class StatusReportUpdateSerializer(StatusReportSerializer):
    """A draft stays with its project."""

    project = serializers.PrimaryKeyRelatedField(read_only=True)
