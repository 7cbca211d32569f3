"""Serializers of the IT-system portfolio API: what a row looks like, and what each write takes.

References to other rows accept only the request's municipality (another municipality's id
is answered 400 on the field); IT systems, suppliers, roles and principles may also be the
shared catalogue's. The services decide the business rules, so their messages reach the
client on the fields they name. A row read from KITOS lists in ``kitos_mastered`` the fields
KITOS keeps: changing one of them is answered 400 on that field.
"""

import datetime

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from styrbord.core.api.serializers import ScopedPrimaryKeyField, VersionedSerializer
from styrbord.core.models import OrgUnit, Person
from styrbord.portfolio.api.serializers import SharedPrimaryKeyField
from styrbord.portfolio.models import Project
from styrbord.strategy.models import Principle
from styrbord.systems import kitos_fields
from styrbord.systems.disposition import Disposition, time_disposition
from styrbord.systems.models import (
    Contract,
    ContractCost,
    DataProcessingRegistration,
    ItSystem,
    Oversight,
    PrincipleAssessment,
    Role,
    RoleAssignment,
    SecurityIncident,
    Supplier,
    SystemUsage,
)
from styrbord.systems.queries_contracts import ContractDeadlines, contract_deadlines
from styrbord.systems.queries_protection import next_due

KITOS_READ_ONLY = ["kitos_uuid", "kitos_synced_at", "kitos_mastered"]


class KitosMasteredMixin(serializers.Serializer):
    kitos_mastered = serializers.SerializerMethodField(
        help_text=_("The fields KITOS keeps on this row; change them in KITOS.")
    )

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_kitos_mastered(self, obj) -> list[str]:
        return sorted(kitos_fields.mastered(obj))


def in_catalogue_field() -> serializers.BooleanField:
    return serializers.BooleanField(
        source="municipality.is_catalogue",
        read_only=True,
        help_text=_("From the shared catalogue rather than the municipality's own."),
    )


# --- catalogue ---


class SupplierSerializer(serializers.ModelSerializer):
    in_catalogue = in_catalogue_field()

    class Meta:
        model = Supplier
        fields = ["id", "name", "cvr", "kitos_uuid", "in_catalogue", "version"]
        read_only_fields = ["kitos_uuid", "version"]
        validators: list = []


class SystemSerializer(serializers.ModelSerializer):
    """An IT system of the catalogue or the municipality's own; KLE topics as
    ``[{"number": …, "title": …}]``."""

    supplier_name = serializers.CharField(source="supplier.name", read_only=True, default=None)
    in_catalogue = in_catalogue_field()

    class Meta:
        model = ItSystem
        fields = [
            "id",
            "name",
            "supplier",
            "supplier_name",
            "description",
            "business_type",
            "kle_topics",
            "parent",
            "archive_duty",
            "kitos_uuid",
            "is_active",
            "in_catalogue",
        ]
        read_only_fields = fields


class RoleSerializer(serializers.ModelSerializer):
    in_catalogue = in_catalogue_field()

    class Meta:
        model = Role
        fields = [
            "id",
            "key",
            "name",
            "responsibilities",
            "tasks",
            "applies_to",
            "kitos_names",
            "in_catalogue",
        ]
        read_only_fields = fields


# --- usages ---


class UsageSerializer(KitosMasteredMixin, VersionedSerializer):
    """The municipality's use of an IT system. ``disposition`` is the TIME disposition
    from the functional and technical fit (null until both are scored)."""

    system = SharedPrimaryKeyField(queryset=ItSystem.objects)
    responsible_unit = ScopedPrimaryKeyField(
        queryset=OrgUnit.objects, allow_null=True, required=False
    )
    using_units = ScopedPrimaryKeyField(queryset=OrgUnit.objects, many=True, required=False)
    projects = ScopedPrimaryKeyField(
        queryset=Project.objects,
        many=True,
        required=False,
        help_text=_("The projects that change this usage."),
    )
    disposition = serializers.SerializerMethodField()

    class Meta:
        model = SystemUsage
        fields = [
            "id",
            "system",
            "local_name",
            "local_id",
            "system_version",
            "lifecycle",
            "valid_from",
            "valid_to",
            "responsible_unit",
            "using_units",
            "expected_users_min",
            "expected_users_max",
            "purpose",
            "hosting",
            "business_critical",
            "criticality_level",
            "contains_ai",
            "licensing_model",
            "accessibility",
            "accessibility_checked_on",
            "functional_fit",
            "technical_fit",
            "disposition",
            "data_ordinary",
            "data_sensitive",
            "data_criminal",
            "risk_assessment_done",
            "risk_assessed_on",
            "risk_result",
            "risk_next_on",
            "dpia_done",
            "dpia_on",
            "technical_precautions",
            "user_supervision",
            "retention_defined",
            "projects",
            *KITOS_READ_ONLY,
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["kitos_uuid", "kitos_synced_at", "created_at", "updated_at"]
        validators: list = []

    @extend_schema_field({"type": "string", "enum": Disposition.values, "nullable": True})
    def get_disposition(self, usage: SystemUsage) -> str | None:
        disposition = time_disposition(usage.functional_fit, usage.technical_fit)
        return None if disposition is None else str(disposition)


class PrincipleAssessmentSerializer(serializers.ModelSerializer):
    """Follow or explain: whether a usage follows an architecture principle, and if not,
    why. Posting one for a usage and principle already assessed replaces it."""

    usage = ScopedPrimaryKeyField(queryset=SystemUsage.objects)
    principle = SharedPrimaryKeyField(queryset=Principle.objects)
    explanation = serializers.CharField(allow_blank=True, required=False, default="")

    class Meta:
        model = PrincipleAssessment
        fields = ["id", "usage", "principle", "follows", "explanation", "version"]
        read_only_fields = ["version"]
        validators: list = []


# --- roles ---


class RoleAssignmentSerializer(VersionedSerializer):
    """A person holding a role on a usage, a contract, an org unit, or (none of them) the
    municipality, with dates."""

    role = SharedPrimaryKeyField(queryset=Role.objects)
    person = ScopedPrimaryKeyField(queryset=Person.objects)
    usage = ScopedPrimaryKeyField(queryset=SystemUsage.objects, allow_null=True, required=False)
    contract = ScopedPrimaryKeyField(queryset=Contract.objects, allow_null=True, required=False)
    org_unit = ScopedPrimaryKeyField(queryset=OrgUnit.objects, allow_null=True, required=False)

    class Meta:
        model = RoleAssignment
        fields = [
            "id",
            "role",
            "person",
            "usage",
            "contract",
            "org_unit",
            "starts_on",
            "ends_on",
            "kitos_uuid",
            "version",
        ]
        read_only_fields = ["kitos_uuid"]
        validators: list = []


class RoleAssignmentUpdateSerializer(RoleAssignmentSerializer):
    """An assignment changes its person or dates; a different role or target is a new one."""

    role = serializers.PrimaryKeyRelatedField(read_only=True)
    usage = serializers.PrimaryKeyRelatedField(read_only=True)
    contract = serializers.PrimaryKeyRelatedField(read_only=True)
    org_unit = serializers.PrimaryKeyRelatedField(read_only=True)


# --- contracts ---


class ContractSerializer(KitosMasteredMixin, VersionedSerializer):
    """An IT contract with the usages it covers. ``notice_deadline`` is the coming last day
    to give notice and ``decision_deadline`` the day to decide by (``decision_lead_months``
    before it); both null when there is no notice to give."""

    supplier = SharedPrimaryKeyField(queryset=Supplier.objects, allow_null=True, required=False)
    owner = ScopedPrimaryKeyField(queryset=Person.objects, allow_null=True, required=False)
    parent = ScopedPrimaryKeyField(queryset=Contract.objects, allow_null=True, required=False)
    usages = ScopedPrimaryKeyField(queryset=SystemUsage.objects, many=True, required=False)
    notice_deadline = serializers.SerializerMethodField()
    decision_deadline = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields = [
            "id",
            "name",
            "supplier",
            "owner",
            "number",
            "contract_type",
            "procurement",
            "concluded_on",
            "starts_on",
            "duration_months",
            "expires_on",
            "irrevocable_until",
            "notice_months",
            "notice_by_end_of",
            "extension_options",
            "extensions_used",
            "terminated_on",
            "decision_lead_months",
            "notice_deadline",
            "decision_deadline",
            "parent",
            "usages",
            *KITOS_READ_ONLY,
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["kitos_uuid", "kitos_synced_at", "created_at", "updated_at"]
        validators: list = []

    def _deadlines(self, contract: Contract) -> ContractDeadlines:
        # Both fields read the same deadlines; work them out once per contract.
        if not hasattr(contract, "_api_deadlines"):
            contract._api_deadlines = contract_deadlines(contract)
        return contract._api_deadlines

    @extend_schema_field(OpenApiTypes.DATE)
    def get_notice_deadline(self, contract: Contract) -> datetime.date | None:
        return self._deadlines(contract).notice_by

    @extend_schema_field(OpenApiTypes.DATE)
    def get_decision_deadline(self, contract: Contract) -> datetime.date | None:
        return self._deadlines(contract).decide_by


class ContractCostSerializer(VersionedSerializer):
    """A contract's acquisition and running cost in one year, paid by an org unit (DKK)."""

    contract = ScopedPrimaryKeyField(queryset=Contract.objects)
    org_unit = ScopedPrimaryKeyField(queryset=OrgUnit.objects, allow_null=True, required=False)

    class Meta:
        model = ContractCost
        fields = ["id", "contract", "year", "org_unit", "acquisition", "running", "version"]
        validators: list = []


class ContractCostUpdateSerializer(ContractCostSerializer):
    contract = serializers.PrimaryKeyRelatedField(read_only=True)


# --- data protection ---


class RegistrationSerializer(KitosMasteredMixin, VersionedSerializer):
    """A data-processing registration with its processors and sub-processors (suppliers,
    the catalogue's too) and the usages and contracts it covers."""

    processors = SharedPrimaryKeyField(queryset=Supplier.objects, many=True, required=False)
    sub_processors = SharedPrimaryKeyField(queryset=Supplier.objects, many=True, required=False)
    usages = ScopedPrimaryKeyField(queryset=SystemUsage.objects, many=True, required=False)
    contracts = ScopedPrimaryKeyField(queryset=Contract.objects, many=True, required=False)
    responsible_unit = ScopedPrimaryKeyField(
        queryset=OrgUnit.objects, allow_null=True, required=False
    )
    last_oversight_on = serializers.DateField(read_only=True, default=None)
    next_oversight_due = serializers.SerializerMethodField(
        help_text=_("The last oversight (or the agreement) plus the interval.")
    )

    class Meta:
        model = DataProcessingRegistration
        fields = [
            "id",
            "name",
            "processors",
            "sub_processors",
            "third_country_transfer",
            "transfer_basis",
            "agreement_concluded",
            "agreement_on",
            "oversight_method",
            "oversight_interval_months",
            "last_oversight_on",
            "next_oversight_due",
            "responsible_unit",
            "usages",
            "contracts",
            *KITOS_READ_ONLY,
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["kitos_uuid", "kitos_synced_at", "created_at", "updated_at"]
        validators: list = []

    @extend_schema_field(OpenApiTypes.DATE)
    def get_next_oversight_due(
        self, registration: DataProcessingRegistration
    ) -> datetime.date | None:
        return next_due(registration)


class OversightSerializer(serializers.ModelSerializer):
    """One round of oversight of a registration's processors. Recorded, never edited."""

    registration = ScopedPrimaryKeyField(queryset=DataProcessingRegistration.objects)
    remark = serializers.CharField(allow_blank=True, required=False, default="")

    class Meta:
        model = Oversight
        fields = ["id", "registration", "done_on", "remark", "created_at"]
        read_only_fields = ["created_at"]


class IncidentSerializer(VersionedSerializer):
    """A security incident. ``notify_by`` is Datatilsynet's 72-hour deadline for a breach
    of personal data (null otherwise)."""

    usage = ScopedPrimaryKeyField(queryset=SystemUsage.objects, allow_null=True, required=False)
    notify_by = serializers.DateTimeField(read_only=True)

    class Meta:
        model = SecurityIncident
        fields = [
            "id",
            "usage",
            "detected_at",
            "description",
            "severity",
            "personal_data_breach",
            "notify_by",
            "notified_at",
            "measures",
            "closed_at",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        validators: list = []
