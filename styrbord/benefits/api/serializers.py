"""Serializers of the benefits API: what a row looks like, and what each write takes.

Money and measures are read and written as decimal strings. References to other rows
accept only the request's municipality (another municipality's id is answered 400 on the
field); a benefit map's focus area may also be one of the shared catalogue's. The services
decide the business rules, so fields a service checks are optional here and its message
reaches the client on the field it names.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from styrbord.benefits import economics, progress
from styrbord.benefits.models import (
    Benefit,
    BusinessCase,
    CostLine,
    Harvest,
    MapEdge,
    MapNode,
    Measurement,
    ProfilePoint,
)
from styrbord.core.api.serializers import ScopedPrimaryKeyField, VersionedSerializer
from styrbord.core.models import OrgUnit, Person
from styrbord.governance.api.serializers import VisibleItemField
from styrbord.governance.models import AgendaItem
from styrbord.portfolio.api.serializers import SharedPrimaryKeyField
from styrbord.portfolio.models import Deliverable, Project
from styrbord.strategy.models import FocusArea


def money(**kwargs) -> serializers.DecimalField:
    """A computed amount, read as a string with two decimals."""
    return serializers.DecimalField(max_digits=None, decimal_places=2, read_only=True, **kwargs)


# --- benefits ---


class BenefitSerializer(VersionedSerializer):
    """A benefit of a project with its baseline, targets and the latest measurement.
    ``latest_value``, ``latest_measured_on`` and ``next_measurement_due`` follow the
    measurements; ``achievement_percent`` is how far the latest value has come from the
    baseline towards the expected target, and ``achievement_meaning`` says so in words."""

    project = ScopedPrimaryKeyField(queryset=Project.objects)
    owner = ScopedPrimaryKeyField(queryset=Person.objects, allow_null=True, required=False)
    org_unit = ScopedPrimaryKeyField(queryset=OrgUnit.objects, allow_null=True, required=False)
    achievement_percent = serializers.SerializerMethodField(
        help_text=_("0 at the baseline, 100 at the expected target; null when not measurable.")
    )
    achievement_meaning = serializers.SerializerMethodField()

    class Meta:
        model = Benefit
        fields = [
            "id",
            "project",
            "title",
            "description",
            "category",
            "owner",
            "org_unit",
            "measure",
            "unit",
            "method",
            "direction",
            "baseline_value",
            "baseline_date",
            "baseline_source",
            "target_pessimistic",
            "target_expected",
            "target_optimistic",
            "target_date",
            "value_per_year",
            "status",
            "frequency",
            "share_results",
            "latest_value",
            "latest_measured_on",
            "next_measurement_due",
            "achievement_percent",
            "achievement_meaning",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "latest_value",
            "latest_measured_on",
            "next_measurement_due",
            "created_at",
            "updated_at",
        ]
        validators: list = []

    def _achievement(self, benefit: Benefit) -> progress.Achievement:
        # Both fields read the same achievement; work it out once per benefit.
        cached = getattr(benefit, "_achievement", None)
        if cached is None:
            cached = progress.achievement_of(benefit)
            benefit._achievement = cached
        return cached

    @extend_schema_field(OpenApiTypes.INT)
    def get_achievement_percent(self, benefit: Benefit) -> int | None:
        return self._achievement(benefit).percent

    @extend_schema_field(OpenApiTypes.STR)
    def get_achievement_meaning(self, benefit: Benefit) -> str:
        return str(self._achievement(benefit).meaning)


class BenefitUpdateSerializer(BenefitSerializer):
    """A benefit stays with its project."""

    project = serializers.PrimaryKeyRelatedField(read_only=True)


# --- measurements, harvests and the realisation profile ---


class MeasurementSerializer(serializers.ModelSerializer):
    """A measured value of a benefit. Recorded, never edited: a wrong one is deleted."""

    benefit = ScopedPrimaryKeyField(queryset=Benefit.objects)
    # Required by the service, which answers on the field; here only the type is checked.
    measured_on = serializers.DateField(allow_null=True, required=False, default=None)
    value = serializers.DecimalField(
        max_digits=16, decimal_places=2, allow_null=True, required=False, default=None
    )
    comment = serializers.CharField(allow_blank=True, required=False, default="")
    recorded_by = serializers.SerializerMethodField(help_text=_("Who recorded it."))

    class Meta:
        model = Measurement
        fields = ["id", "benefit", "measured_on", "value", "comment", "recorded_by", "created_at"]
        read_only_fields = ["created_at"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_recorded_by(self, measurement: Measurement) -> str | None:
        user = measurement.recorded_by
        return None if user is None else user.get_full_name() or user.get_username()


class HarvestSerializer(serializers.ModelSerializer):
    """Money taken out of a budget because of a budget-releasing benefit."""

    benefit = ScopedPrimaryKeyField(queryset=Benefit.objects)
    agenda_item = VisibleItemField(queryset=AgendaItem.objects, allow_null=True, required=False)

    class Meta:
        model = Harvest
        fields = [
            "id",
            "benefit",
            "amount",
            "budget",
            "harvested_on",
            "decision",
            "agenda_item",
            "created_at",
        ]
        read_only_fields = ["created_at"]


class ProfilePointSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProfilePoint
        fields = ["id", "benefit", "period_end", "expected_value", "amount", "version"]
        read_only_fields = fields


class ProfilePointWriteSerializer(serializers.Serializer):
    benefit = ScopedPrimaryKeyField(queryset=Benefit.objects)
    period_end = serializers.DateField(help_text=_("The end of the period; one point per date."))
    expected_value = serializers.DecimalField(
        max_digits=16, decimal_places=2, allow_null=True, required=False, default=None
    )
    amount = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        required=False,
        default=None,
        help_text=_("The value in the period (DKK), for the business case."),
    )


# --- business cases and costs ---


class CaseYearSerializer(serializers.Serializer):
    year = serializers.IntegerField(read_only=True)
    one_off = money(help_text=_("One-off costs, expected (PERT)."))
    running = money(help_text=_("Running costs, expected (PERT)."))
    budget_releasing = money(help_text=_("Budget-releasing benefits, expected."))
    other_benefits = money(help_text=_("Other benefits less dis-benefits, expected."))
    net = money()
    cumulative = money()
    discounted = money()


class CaseResultSerializer(serializers.Serializer):
    npv = money(help_text=_("Net present value of the expected flows."))
    npv_likely = money(help_text=_("Net present value with every line at its most likely."))
    npv_worst = money()
    npv_best = money()
    payback_year = serializers.IntegerField(read_only=True, allow_null=True)
    years = CaseYearSerializer(many=True, read_only=True)


class BusinessCaseSerializer(VersionedSerializer):
    """A project's business case with its result worked out from the cost lines and the
    project's benefits. ``baseline`` is the case as kept at the approval gate."""

    project = ScopedPrimaryKeyField(queryset=Project.objects)
    result = serializers.SerializerMethodField()

    class Meta:
        model = BusinessCase
        fields = [
            "id",
            "project",
            "start_year",
            "horizon_years",
            "discount_rate",
            "assumptions",
            "baseline",
            "baseline_at",
            "result",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["baseline", "baseline_at", "created_at", "updated_at"]
        validators: list = []

    @extend_schema_field(CaseResultSerializer)
    def get_result(self, case: BusinessCase) -> dict:
        # The view prefetches the costs and the project's benefits with their profiles,
        # so a page of cases is worked out without a query per case.
        result = economics.work_out(case, list(case.costs.all()), list(case.project.benefits.all()))
        return CaseResultSerializer(result).data


class BusinessCaseUpdateSerializer(BusinessCaseSerializer):
    project = serializers.PrimaryKeyRelatedField(read_only=True)


class CostSerializer(VersionedSerializer):
    """A cost in one year of a business case, as minimum, most likely and maximum."""

    case = ScopedPrimaryKeyField(queryset=BusinessCase.objects)

    class Meta:
        model = CostLine
        fields = [
            "id",
            "case",
            "kind",
            "cost_type",
            "year",
            "description",
            "minimum",
            "likely",
            "maximum",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        validators: list = []


class CostUpdateSerializer(CostSerializer):
    case = serializers.PrimaryKeyRelatedField(read_only=True)


# --- the benefit map ---


class MapNodeSerializer(VersionedSerializer):
    """A box on a project's benefit map, in one of its layers. It may stand for a benefit
    or deliverable of the project or a focus area (the municipality's or the shared
    catalogue's); its text stays as written."""

    project = ScopedPrimaryKeyField(queryset=Project.objects)
    benefit = ScopedPrimaryKeyField(queryset=Benefit.objects, allow_null=True, required=False)
    deliverable = ScopedPrimaryKeyField(
        queryset=Deliverable.objects, allow_null=True, required=False
    )
    focus_area = SharedPrimaryKeyField(queryset=FocusArea.shared, allow_null=True, required=False)

    class Meta:
        model = MapNode
        fields = [
            "id",
            "project",
            "kind",
            "label",
            "position",
            "benefit",
            "deliverable",
            "focus_area",
            "version",
            "updated_at",
        ]
        read_only_fields = ["position", "updated_at"]
        validators: list = []


class MapNodeUpdateSerializer(MapNodeSerializer):
    """Only the text of a node is edited; a node in the wrong layer is deleted and added."""

    class Meta(MapNodeSerializer.Meta):
        read_only_fields = [
            name for name in MapNodeSerializer.Meta.fields if name not in ("label", "version")
        ]

    project = serializers.PrimaryKeyRelatedField(read_only=True)
    benefit = serializers.PrimaryKeyRelatedField(read_only=True)
    deliverable = serializers.PrimaryKeyRelatedField(read_only=True)
    focus_area = serializers.PrimaryKeyRelatedField(read_only=True)


class MapEdgeSerializer(serializers.ModelSerializer):
    """An arrow from a node to a node in a later layer of the same map; its project is the
    nodes'."""

    source = ScopedPrimaryKeyField(queryset=MapNode.objects)
    target = ScopedPrimaryKeyField(queryset=MapNode.objects)

    class Meta:
        model = MapEdge
        fields = ["id", "project", "source", "target", "created_at"]
        read_only_fields = ["project", "created_at"]
        validators: list = []
