"""KITOS API v2 objects as typed, immutable records.

One ``parse_…`` function per kind of object. They read only what Styrbord uses, tolerate
keys a KITOS version leaves out (they become None or empty), and keep enum values as
KITOS spells them ("Operational", "Yes", "EndOfQuarter"): mapping them to our choices is
the importer's job. A record that cannot be read (no uuid, a wrong type, a date that is not
a date) raises ``RecordError`` naming its uuid, so the importer can report it and skip it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from styrbord.integrations.kitos.reading import OrgRef, RecordError, Ref
from styrbord.integrations.kitos.reading import Reader as _Reader
from styrbord.integrations.kitos.reading import ref as _ref
from styrbord.integrations.kitos.reading import start as _start

# --- shared parts ---------------------------------------------------------------------


@dataclass(frozen=True)
class RoleAssignment:
    """A person holding a role, e.g. user "Tonny Olsen" as role "Systemejer"."""

    user: Ref
    role: Ref


@dataclass(frozen=True)
class KleTopic:
    """A KLE topic kept as number and title, e.g. "00.01.00" and "Kommunens styrelse"."""

    uuid: str
    number: str
    title: str


# --- records --------------------------------------------------------------------------


@dataclass(frozen=True)
class KitosOrganization:
    uuid: str
    name: str
    cvr: str | None


@dataclass(frozen=True)
class KitosOrgUnit:
    uuid: str
    name: str
    parent_uuid: str | None
    unit_id: str | None
    ean: str | None
    origin: str | None


@dataclass(frozen=True)
class KitosItSystem:
    uuid: str
    name: str
    former_name: str | None
    legal_name: str | None
    description: str | None
    parent: Ref | None
    rights_holder: OrgRef | None
    business_type: Ref | None
    kle: tuple[KleTopic, ...]
    recommended_archive_duty: str | None
    recommended_archive_duty_comment: str | None
    deactivated: bool
    scope: str | None
    using_organizations: tuple[OrgRef, ...]
    main_contract_suppliers: tuple[OrgRef, ...]
    last_modified: datetime | None


@dataclass(frozen=True)
class KitosUsage:
    """A municipality's use of an IT system, from either generation of the shape."""

    uuid: str
    system: Ref
    organization: OrgRef | None
    last_modified: datetime | None
    created_at: datetime | None
    # general
    local_name: str | None
    local_id: str | None
    system_version: str | None
    notes: str | None
    lifecycle_status: str | None
    valid: bool | None
    valid_from: date | None
    valid_to: date | None
    expected_users_lower: int | None
    expected_users_upper: int | None
    main_contract: Ref | None
    purpose: str | None
    business_critical: str | None
    socially_critical: str | None
    criticality_level: str | None
    hosted_at: str | None
    licensing_models: tuple[str, ...]
    contains_ai: str | None
    web_accessibility_compliance: str | None
    last_web_accessibility_check: date | None
    web_accessibility_notes: str | None
    # organisation and roles
    responsible_unit: Ref | None
    using_units: tuple[Ref, ...]
    roles: tuple[RoleAssignment, ...]
    # data protection
    data_sensitivity_levels: tuple[str, ...]
    processing_purpose: str | None
    data_processing_agreement_required: str | None
    technical_precautions_in_place: str | None
    technical_precautions_applied: tuple[str, ...]
    user_supervision: str | None
    user_supervision_date: date | None
    risk_assessment_conducted: str | None
    risk_assessment_date: date | None
    risk_assessment_result: str | None
    risk_assessment_notes: str | None
    planned_risk_assessment_date: date | None
    dpia_conducted: str | None
    dpia_date: date | None
    retention_period_defined: str | None
    next_retention_evaluation_date: date | None
    retention_evaluation_frequency_months: int | None
    archive_duty: str | None


@dataclass(frozen=True)
class KitosPayment:
    """One payment line of a contract; amounts are per year as KITOS records them."""

    kind: str  # "external" or "internal"
    organization_unit: Ref | None
    acquisition: int | None
    operation: int | None
    other: int | None
    accounting_entry: str | None
    audit_status: str | None
    audit_date: date | None
    note: str | None


@dataclass(frozen=True)
class KitosContract:
    uuid: str
    name: str
    organization: OrgRef | None
    last_modified: datetime | None
    contract_number: str | None
    contract_type: Ref | None
    criticality: Ref | None
    notes: str | None
    # KITOS's validity period: ``validFrom`` is what its UI calls "concluded", ``validTo``
    # the expiry date.
    valid: bool | None
    valid_from: date | None
    valid_to: date | None
    procurement: Ref | None
    procurement_initiated: str | None
    supplier: OrgRef | None
    supplier_signed: bool | None
    supplier_signed_at: date | None
    responsible_unit: Ref | None
    responsible_signed: bool | None
    responsible_signed_at: date | None
    operations_started_at: date | None
    payment_frequency: Ref | None
    payment_model: Ref | None
    price_regulation: Ref | None
    duration_years: int | None
    duration_months: int | None
    is_continuous: bool | None
    irrevocable_until: date | None
    extension_options: Ref | None
    extension_options_used: int | None
    notice_period: Ref | None
    notice_period_months: int | None
    notice_by_end_of: str | None
    notice_period_extends_current: str | None
    terminated_at: date | None
    payments: tuple[KitosPayment, ...]
    system_usages: tuple[Ref, ...]
    data_processing_registrations: tuple[Ref, ...]
    parent_contract: Ref | None
    roles: tuple[RoleAssignment, ...]

    @property
    def concluded(self) -> date | None:
        """When the contract was concluded: KITOS's "valid from" (its "Indgået")."""
        return self.valid_from

    @property
    def yearly_acquisition(self) -> int:
        return sum(p.acquisition or 0 for p in self.payments)

    @property
    def yearly_operation(self) -> int:
        return sum(p.operation or 0 for p in self.payments)


@dataclass(frozen=True)
class KitosSubProcessor:
    organization: OrgRef
    basis_for_transfer: Ref | None
    transfer_to_insecure_third_country: str | None
    third_country: Ref | None


@dataclass(frozen=True)
class KitosOversightDate:
    completed_at: date
    remark: str | None


@dataclass(frozen=True)
class KitosDataProcessing:
    uuid: str
    name: str
    organization: OrgRef | None
    last_modified: datetime | None
    data_responsible: Ref | None
    data_responsible_remark: str | None
    agreement_concluded: str | None
    agreement_concluded_remark: str | None
    agreement_concluded_at: date | None
    transfer_to_insecure_third_countries: str | None
    basis_for_transfer: Ref | None
    third_countries: tuple[Ref, ...]
    processors: tuple[OrgRef, ...]
    has_sub_processors: str | None
    sub_processors: tuple[KitosSubProcessor, ...]
    valid: bool | None
    main_contract: Ref | None
    contracts: tuple[Ref, ...]
    system_usages: tuple[Ref, ...]
    responsible_unit: Ref | None
    oversight_options: tuple[Ref, ...]
    oversight_options_remark: str | None
    oversight_interval: str | None
    oversight_interval_remark: str | None
    oversight_completed: str | None
    oversight_completed_remark: str | None
    oversight_scheduled: date | None
    oversight_dates: tuple[KitosOversightDate, ...]
    roles: tuple[RoleAssignment, ...]

    @property
    def last_oversight(self) -> date | None:
        return max((d.completed_at for d in self.oversight_dates), default=None)


@dataclass(frozen=True)
class KitosDeletedEntity:
    uuid: str
    entity_type: str
    occurred_at: datetime


def _roles(reader: _Reader) -> tuple[RoleAssignment, ...]:
    return tuple(parse_role_assignment(item, reader.uuid) for item in reader.items("roles"))


def _first(*values: Any) -> Any:
    """The first value that is not None: the newer shape wins where both are present."""
    return next((value for value in values if value is not None), None)


_LEADING_NUMBER = re.compile(r"\s*(\d+)")
_KLE_NUMBER = re.compile(r"(\d{2}(?:\.\d{2}){0,2})\s+(.*)", re.DOTALL)


def parse_notice_months(name: str | None) -> int | None:
    """Months from KITOS's notice-period option name: "3 måneder" or "3" give 3.

    An option without a leading number (e.g. "Løbende") gives None; the name is kept on the
    record so nothing is lost.
    """
    if not name:
        return None
    match = _LEADING_NUMBER.match(name)
    return int(match.group(1)) if match else None


def _kle(reader: _Reader) -> KleTopic:
    ref = _ref(reader)
    match = _KLE_NUMBER.fullmatch(ref.name.strip())
    if match:
        return KleTopic(uuid=ref.uuid, number=match.group(1), title=match.group(2).strip())
    return KleTopic(uuid=ref.uuid, number="", title=ref.name.strip())


# --- parsers --------------------------------------------------------------------------


def parse_role_assignment(data: Any, owner_uuid: str | None = None) -> RoleAssignment:
    """``{user: {uuid, name}, role: {uuid, name}}``; errors name the owning record."""
    reader = _Reader(data, owner_uuid, "roles[]")
    user, role = reader.ref("user"), reader.ref("role")
    if user is None or role is None:
        raise RecordError(owner_uuid, _("a role assignment lacks its user or role"))
    return RoleAssignment(user=user, role=role)


def parse_organization(data: Any) -> KitosOrganization:
    reader = _start(data)
    return KitosOrganization(
        uuid=reader.uuid, name=reader.required_text("name"), cvr=reader.text("cvr")
    )


def parse_org_unit(data: Any) -> KitosOrgUnit:
    reader = _start(data)
    parent = reader.ref("parentOrganizationUnit")
    # EAN numbers are 13 digits; KITOS sends them as numbers, we keep the digits.
    ean = reader.data.get("ean")
    if ean is not None and not isinstance(ean, str):
        ean = str(reader.integer("ean"))
    return KitosOrgUnit(
        uuid=reader.uuid,
        name=reader.required_text("name"),
        parent_uuid=parent.uuid if parent else None,
        unit_id=reader.text("unitId"),
        ean=ean,
        origin=reader.text("origin"),
    )


def parse_it_system(data: Any) -> KitosItSystem:
    reader = _start(data)
    archive = reader.section("recommendedArchiveDuty")
    return KitosItSystem(
        uuid=reader.uuid,
        name=reader.required_text("name"),
        former_name=reader.text("formerName"),
        legal_name=reader.text("legalName"),
        description=reader.text("description"),
        parent=reader.ref("parentSystem"),
        rights_holder=reader.org("rightsHolder"),
        business_type=reader.ref("businessType"),
        kle=tuple(_kle(item) for item in reader.objects("kle")),
        recommended_archive_duty=archive.text("id"),
        recommended_archive_duty_comment=archive.text("comment"),
        deactivated=bool(reader.boolean("deactivated")),
        scope=reader.text("scope"),
        using_organizations=reader.orgs("usingOrganizations"),
        main_contract_suppliers=reader.orgs("mainContractSuppliers"),
        last_modified=reader.moment("lastModified"),
    )


def parse_usage(data: Any) -> KitosUsage:
    """A system usage in the older shape (purpose, business-critical and hosting under
    ``gdpr``) or the newer one (under ``general``)."""
    reader = _start(data)
    system = reader.ref("systemContext")
    if system is None:
        raise RecordError(reader.uuid, _("systemContext is missing"))
    general = reader.section("general")
    validity = general.section("validity")
    users = general.section("numberOfExpectedUsers")
    usage = reader.section("organizationUsage")
    gdpr = reader.section("gdpr")
    return KitosUsage(
        uuid=reader.uuid,
        system=system,
        organization=reader.org("organizationContext"),
        last_modified=reader.moment("lastModified"),
        created_at=reader.moment("createdAt"),
        local_name=general.text("localCallName"),
        local_id=general.text("localSystemId"),
        system_version=general.text("systemVersion"),
        notes=general.text("notes"),
        lifecycle_status=validity.text("lifeCycleStatus"),
        valid=validity.boolean("valid"),
        valid_from=validity.day("validFrom"),
        valid_to=validity.day("validTo"),
        expected_users_lower=users.integer("lowerBound"),
        expected_users_upper=users.integer("upperBound"),
        main_contract=general.ref("mainContract"),
        purpose=_first(general.text("purpose"), gdpr.text("purpose")),
        business_critical=_first(general.text("isBusinessCritical"), gdpr.text("businessCritical")),
        socially_critical=general.text("isSociallyCritical"),
        criticality_level=general.text("systemUsageCriticalityLevel"),
        hosted_at=_first(general.text("hostedAt"), gdpr.text("hostedAt")),
        licensing_models=general.strings("licensingAndCodeModels"),
        contains_ai=general.text("containsAITechnology"),
        web_accessibility_compliance=general.text("webAccessibilityCompliance"),
        last_web_accessibility_check=general.day("lastWebAccessibilityCheck"),
        web_accessibility_notes=general.text("webAccessibilityNotes"),
        responsible_unit=usage.ref("responsibleOrganizationUnit"),
        using_units=usage.refs("usingOrganizationUnits"),
        roles=_roles(reader),
        data_sensitivity_levels=gdpr.strings("dataSensitivityLevels"),
        processing_purpose=gdpr.text("processingPurpose"),
        data_processing_agreement_required=gdpr.text("isDataProcessingAgreementRequired"),
        technical_precautions_in_place=gdpr.text("technicalPrecautionsInPlace"),
        technical_precautions_applied=gdpr.strings("technicalPrecautionsApplied"),
        user_supervision=gdpr.text("userSupervision"),
        user_supervision_date=gdpr.day("userSupervisionDate"),
        risk_assessment_conducted=gdpr.text("riskAssessmentConducted"),
        risk_assessment_date=gdpr.day("riskAssessmentConductedDate"),
        risk_assessment_result=gdpr.text("riskAssessmentResult"),
        risk_assessment_notes=gdpr.text("riskAssessmentNotes"),
        planned_risk_assessment_date=gdpr.day("plannedRiskAssessmentDate"),
        dpia_conducted=gdpr.text("dpiaConducted"),
        dpia_date=gdpr.day("dpiaDate"),
        retention_period_defined=gdpr.text("retentionPeriodDefined"),
        next_retention_evaluation_date=gdpr.day("nextDataRetentionEvaluationDate"),
        retention_evaluation_frequency_months=gdpr.integer(
            "dataRetentionEvaluationFrequencyInMonths"
        ),
        archive_duty=reader.section("archiving").text("archiveDuty"),
    )


def _payment(reader: _Reader, kind: str) -> KitosPayment:
    return KitosPayment(
        kind=kind,
        organization_unit=reader.ref("organizationUnit"),
        acquisition=reader.integer("acquisition"),
        operation=reader.integer("operation"),
        other=reader.integer("other"),
        accounting_entry=reader.text("accountingEntry"),
        audit_status=reader.text("auditStatus"),
        audit_date=reader.day("auditDate"),
        note=reader.text("note"),
    )


def parse_contract(data: Any) -> KitosContract:
    reader = _start(data)
    general = reader.section("general")
    validity = general.section("validity")
    procurement = reader.section("procurement")
    supplier = reader.section("supplier")
    responsible = reader.section("responsible")
    payment_model = reader.section("paymentModel")
    period = reader.section("agreementPeriod")
    termination = reader.section("termination")
    terms = termination.section("terms")
    payments = reader.section("payments")
    notice = terms.ref("noticePeriodMonths")
    return KitosContract(
        uuid=reader.uuid,
        name=reader.required_text("name"),
        organization=reader.org("organizationContext"),
        last_modified=reader.moment("lastModified"),
        contract_number=general.text("contractId"),
        contract_type=general.ref("contractType"),
        criticality=general.ref("criticality"),
        notes=general.text("notes"),
        valid=validity.boolean("valid"),
        valid_from=validity.day("validFrom"),
        valid_to=validity.day("validTo"),
        procurement=procurement.ref("purchaseType"),
        procurement_initiated=procurement.text("procurementInitiated"),
        supplier=supplier.org("organization"),
        supplier_signed=supplier.boolean("signed"),
        supplier_signed_at=supplier.day("signedAt"),
        responsible_unit=responsible.ref("organizationUnit"),
        responsible_signed=responsible.boolean("signed"),
        responsible_signed_at=responsible.day("signedAt"),
        operations_started_at=payment_model.day("operationsRemunerationStartedAt"),
        payment_frequency=payment_model.ref("paymentFrequency"),
        payment_model=payment_model.ref("paymentModel"),
        price_regulation=payment_model.ref("priceRegulation"),
        duration_years=period.integer("durationYears"),
        duration_months=period.integer("durationMonths"),
        is_continuous=period.boolean("isContinuous"),
        irrevocable_until=period.day("irrevocableUntil"),
        extension_options=period.ref("extensionOptions"),
        extension_options_used=period.integer("extensionOptionsUsed"),
        notice_period=notice,
        notice_period_months=parse_notice_months(notice.name if notice else None),
        notice_by_end_of=terms.text("noticeByEndOf"),
        notice_period_extends_current=terms.text("noticePeriodExtendsCurrent"),
        terminated_at=termination.day("terminatedAt"),
        payments=tuple(
            _payment(item, kind)
            for kind in ("external", "internal")
            for item in payments.objects(kind)
        ),
        system_usages=reader.refs("systemUsages"),
        data_processing_registrations=reader.refs("dataProcessingRegistrations"),
        parent_contract=reader.ref("parentContract"),
        roles=_roles(reader),
    )


def _sub_processor(reader: _Reader) -> KitosSubProcessor:
    organization = reader.org("dataProcessorOrganization")
    if organization is None:
        raise RecordError(
            reader.uuid, _("%(field)s is missing") % {"field": reader._where("organization")}
        )
    return KitosSubProcessor(
        organization=organization,
        basis_for_transfer=reader.ref("basisForTransfer"),
        transfer_to_insecure_third_country=reader.text("transferToInsecureThirdCountry"),
        third_country=reader.ref("insecureThirdCountrySubjectToDataProcessing"),
    )


def _oversight_date(reader: _Reader) -> KitosOversightDate:
    completed_at = reader.day("completedAt")
    if completed_at is None:
        raise RecordError(
            reader.uuid, _("%(field)s is missing") % {"field": reader._where("completedAt")}
        )
    return KitosOversightDate(completed_at=completed_at, remark=reader.text("remark"))


def parse_data_processing(data: Any) -> KitosDataProcessing:
    reader = _start(data)
    general = reader.section("general")
    oversight = reader.section("oversight")
    return KitosDataProcessing(
        uuid=reader.uuid,
        name=reader.required_text("name"),
        organization=reader.org("organizationContext"),
        last_modified=reader.moment("lastModified"),
        data_responsible=general.ref("dataResponsible"),
        data_responsible_remark=general.text("dataResponsibleRemark"),
        agreement_concluded=general.text("isAgreementConcluded"),
        agreement_concluded_remark=general.text("isAgreementConcludedRemark"),
        agreement_concluded_at=general.day("agreementConcludedAt"),
        transfer_to_insecure_third_countries=general.text("transferToInsecureThirdCountries"),
        basis_for_transfer=general.ref("basisForTransfer"),
        third_countries=general.refs("insecureCountriesSubjectToDataTransfer"),
        processors=general.orgs("dataProcessors"),
        has_sub_processors=general.text("hasSubDataProcessors"),
        sub_processors=tuple(_sub_processor(item) for item in general.objects("subDataProcessors")),
        valid=general.boolean("valid"),
        main_contract=general.ref("mainContract"),
        contracts=general.refs("associatedContracts"),
        system_usages=reader.refs("systemUsages"),
        # Newer KITOS versions name a responsible unit; the recorded files do not have it.
        responsible_unit=_first(
            general.ref("responsibleOrganizationUnit"), reader.ref("responsibleOrganizationUnit")
        ),
        oversight_options=oversight.refs("oversightOptions"),
        oversight_options_remark=oversight.text("oversightOptionsRemark"),
        oversight_interval=oversight.text("oversightInterval"),
        oversight_interval_remark=oversight.text("oversightIntervalRemark"),
        oversight_completed=oversight.text("isOversightCompleted"),
        oversight_completed_remark=oversight.text("oversightCompletedRemark"),
        oversight_scheduled=oversight.day("oversightScheduledInspectionDate"),
        oversight_dates=tuple(
            _oversight_date(item) for item in oversight.objects("oversightDates")
        ),
        roles=_roles(reader),
    )


def parse_deleted_entity(data: Any) -> KitosDeletedEntity:
    """One line of the deleted-entities feed; it names its object by ``entityUuid``."""
    uuid = data.get("entityUuid") if isinstance(data, dict) else None
    reader = _Reader(data, uuid if isinstance(uuid, str) else None)
    occurred_at = reader.moment("occurredAtUtc")
    if occurred_at is None:
        raise RecordError(reader.uuid, _("occurredAtUtc is missing"))
    return KitosDeletedEntity(
        uuid=reader.required_text("entityUuid"),
        entity_type=reader.required_text("entityType"),
        occurred_at=occurred_at,
    )
