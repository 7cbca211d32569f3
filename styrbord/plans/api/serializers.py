"""Serializers of the action plan API: what a row looks like, and what each action takes.

Money is written and read as decimal strings. References to other rows accept only the
request's municipality (another municipality's id is answered 400 on the field). The
services decide the business rules; the serializers only shape the input, so their
uniqueness validators are off and the services' messages reach the client.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from styrbord.core.api.serializers import ScopedPrimaryKeyField, VersionedSerializer
from styrbord.core.models import OrgUnit
from styrbord.governance.api.serializers import VisibleItemField
from styrbord.governance.models import AgendaItem, Body
from styrbord.plans.models import (
    ActionPlan,
    ActionPlanItem,
    BudgetAllocation,
    BudgetPool,
    Criterion,
    ItemHours,
    ItemScore,
    PlanVersion,
)
from styrbord.plans.scoring import WeightedScore, weighted_score
from styrbord.plans.services import budget
from styrbord.portfolio.models import Project

# --- plans and versions ---


class VersionSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanVersion
        fields = ["id", "number", "state"]
        read_only_fields = fields


class PlanSerializer(VersionedSerializer):
    """A year's plan with its versions. Creating a plan makes its first version in draft,
    with ``introduction`` as its text and the default scoring criteria."""

    title = serializers.CharField(
        max_length=200, required=False, help_text=_("Defaults to “Action plan <year>”.")
    )
    owner_body = ScopedPrimaryKeyField(queryset=Body.objects, allow_null=True, required=False)
    approving_body = ScopedPrimaryKeyField(queryset=Body.objects, allow_null=True, required=False)
    introduction = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        help_text=_("The first version's introduction."),
    )
    versions = VersionSummarySerializer(many=True, read_only=True)

    class Meta:
        model = ActionPlan
        fields = [
            "id",
            "year",
            "title",
            "owner_body",
            "approving_body",
            "introduction",
            "versions",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        validators: list = []


class PlanUpdateSerializer(PlanSerializer):
    """The year stays; each version's introduction is edited on the version."""

    class Meta(PlanSerializer.Meta):
        fields = [name for name in PlanSerializer.Meta.fields if name != "introduction"]
        read_only_fields = ["year", "created_at", "updated_at"]


class PlanVersionSerializer(VersionedSerializer):
    """A version of the plan. Only its texts are edited here; the state follows submission
    and the steering group's decision."""

    class Meta:
        model = PlanVersion
        fields = [
            "id",
            "plan",
            "number",
            "based_on",
            "state",
            "introduction",
            "change_note",
            "agenda_item",
            "submitted_at",
            "decided_on",
            "decision",
            "ranked_at",
            "frozen",
            "version",
            "updated_at",
        ]
        read_only_fields = [
            "plan",
            "number",
            "based_on",
            "state",
            "agenda_item",
            "submitted_at",
            "decided_on",
            "decision",
            "ranked_at",
            "frozen",
            "updated_at",
        ]
        validators: list = []


class RevisionSerializer(serializers.Serializer):
    change_note = serializers.CharField(
        allow_blank=True,
        required=False,
        default="",
        help_text=_("What the revision changes since the approved version, and why."),
    )


class ReorderSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text=_("The plan version's version, as read."))
    order = serializers.ListField(
        child=serializers.IntegerField(),
        help_text=_("Every item's id, in the new order."),
    )


class SubmitSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text=_("The plan version's version, as read."))


# --- items ---


class ItemSerializer(VersionedSerializer):
    """An item of a version: a project of the portfolio or an activity with a title. The
    rank changes through ``move`` and the version's ``reorder``; an approved version's
    items carry ``frozen``, the project as it was at approval."""

    plan_version = ScopedPrimaryKeyField(queryset=PlanVersion.objects)
    project = ScopedPrimaryKeyField(queryset=Project.objects, allow_null=True, required=False)
    weighted_score = serializers.SerializerMethodField(
        help_text=_("The weighted mean of the scores, 1.00–5.00; null when nothing is scored.")
    )
    score_complete = serializers.SerializerMethodField(
        help_text=_("Whether every criterion of the version is scored.")
    )

    class Meta:
        model = ActionPlanItem
        fields = [
            "id",
            "plan_version",
            "project",
            "title",
            "rank",
            "rationale",
            "requested_amount",
            "allocated_amount",
            "weighted_score",
            "score_complete",
            "frozen",
            "lineage",
            "version",
            "updated_at",
        ]
        read_only_fields = ["rank", "frozen", "lineage", "updated_at"]
        validators: list = []

    def _score(self, item: ActionPlanItem) -> WeightedScore:
        # Both fields read the same score; compute it once per item.
        cached = getattr(item, "_weighted_score", None)
        if cached is None:
            cached = weighted_score(list(item.plan_version.criteria.all()), item.scores.all())
            item._weighted_score = cached
        return cached

    @extend_schema_field(OpenApiTypes.DECIMAL)
    def get_weighted_score(self, item: ActionPlanItem) -> str | None:
        value = self._score(item).value
        return None if value is None else str(value)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_score_complete(self, item: ActionPlanItem) -> bool:
        return self._score(item).is_complete


class ItemUpdateSerializer(ItemSerializer):
    """An item stays in its version and keeps its project."""

    plan_version = serializers.PrimaryKeyRelatedField(read_only=True)
    project = serializers.PrimaryKeyRelatedField(read_only=True)


class ItemMoveSerializer(serializers.Serializer):
    direction = serializers.ChoiceField(choices=[("up", "up"), ("down", "down")])
    plan_version_version = serializers.IntegerField(
        help_text=_("The plan version's version, as read: a move on an older ranking is 409.")
    )


# --- criteria ---


class CriterionSerializer(VersionedSerializer):
    plan_version = ScopedPrimaryKeyField(queryset=PlanVersion.objects)

    class Meta:
        model = Criterion
        fields = [
            "id",
            "plan_version",
            "name",
            "description",
            "kind",
            "weight",
            "position",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        validators: list = []


class CriterionUpdateSerializer(CriterionSerializer):
    plan_version = serializers.PrimaryKeyRelatedField(read_only=True)


# --- scores and hours: set as a whole, one row per item and criterion (or org unit and
# quarter) ---


class ScoreSerializer(serializers.ModelSerializer):
    criterion_name = serializers.CharField(source="criterion.name", read_only=True)

    class Meta:
        model = ItemScore
        fields = ["id", "item", "criterion", "criterion_name", "score", "comment", "version"]
        read_only_fields = fields


class ScoreWriteSerializer(serializers.Serializer):
    item = ScopedPrimaryKeyField(queryset=ActionPlanItem.objects)
    criterion = ScopedPrimaryKeyField(queryset=Criterion.objects)
    # The range is the service's rule; it answers on ``score``.
    score = serializers.IntegerField(help_text=_("1 to 5."))
    comment = serializers.CharField(allow_blank=True, required=False, default="")


class HoursSerializer(serializers.ModelSerializer):
    org_unit_name = serializers.CharField(source="org_unit.name", read_only=True)

    class Meta:
        model = ItemHours
        fields = [
            "id",
            "item",
            "org_unit",
            "org_unit_name",
            "quarter",
            "requested_hours",
            "allocated_hours",
            "version",
        ]
        read_only_fields = fields


class HoursWriteSerializer(serializers.Serializer):
    item = ScopedPrimaryKeyField(queryset=ActionPlanItem.objects)
    org_unit = ScopedPrimaryKeyField(queryset=OrgUnit.objects)
    quarter = serializers.IntegerField(help_text=_("1, 2, 3 or 4."))
    # Plain integers: a negative number is the service's to refuse, on its field.
    requested_hours = serializers.IntegerField(required=False, default=0)
    allocated_hours = serializers.IntegerField(required=False, default=0)


# --- the digitalisation budget ---


class BudgetSerializer(VersionedSerializer):
    """A year's digitalisation budget, with what is committed: the direct allocations plus
    the plan's share (the larger of its approved version and the one being worked on)."""

    committed = serializers.SerializerMethodField()
    remaining = serializers.SerializerMethodField()

    class Meta:
        model = BudgetPool
        fields = [
            "id",
            "year",
            "amount",
            "note",
            "committed",
            "remaining",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        validators: list = []

    def _committed(self, pool: BudgetPool) -> Decimal:
        cached = getattr(pool, "_committed", None)
        if cached is None:
            cached = budget.committed(pool)
            pool._committed = cached
        return cached

    @extend_schema_field(OpenApiTypes.DECIMAL)
    def get_committed(self, pool: BudgetPool) -> str:
        return f"{self._committed(pool):.2f}"

    @extend_schema_field(OpenApiTypes.DECIMAL)
    def get_remaining(self, pool: BudgetPool) -> str:
        return f"{pool.amount - self._committed(pool):.2f}"


class BudgetUpdateSerializer(BudgetSerializer):
    class Meta(BudgetSerializer.Meta):
        read_only_fields = ["year", "updated_at"]


class AllocationSerializer(VersionedSerializer):
    """Money from the budget for a project outside the plan."""

    pool = ScopedPrimaryKeyField(queryset=BudgetPool.objects)
    project = ScopedPrimaryKeyField(queryset=Project.objects)
    body = ScopedPrimaryKeyField(queryset=Body.objects, allow_null=True, required=False)
    agenda_item = VisibleItemField(queryset=AgendaItem.objects, allow_null=True, required=False)

    class Meta:
        model = BudgetAllocation
        fields = [
            "id",
            "pool",
            "project",
            "amount",
            "purpose",
            "body",
            "decided_on",
            "agenda_item",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        validators: list = []


class AllocationUpdateSerializer(AllocationSerializer):
    pool = serializers.PrimaryKeyRelatedField(read_only=True)
