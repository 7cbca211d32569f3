"""KITOS records → Styrbord field values.

KITOS spells its enums in English CamelCase ("Operational", "DontKnow"); Styrbord keeps its
own choices. Every mapping is explicit: a value KITOS adds later is not guessed at but
reported (``RecordError``), so the record is skipped and named instead of imported wrongly.

The functions return plain field values (related rows as objects) for the importer to
compare with what is stored; they never write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from django.utils.translation import gettext as _

from styrbord.core.models import OrgUnit, OrgUnitKind
from styrbord.integrations.kitos.records import (
    KitosContract,
    KitosDataProcessing,
    KitosItSystem,
    KitosUsage,
    OrgRef,
    RecordError,
    Ref,
)
from styrbord.systems.deadlines import KITOS_BY_END_OF
from styrbord.systems.models import (
    Accessibility,
    AgreementConcluded,
    Answer,
    ArchiveDuty,
    Contract,
    Hosting,
    ItSystem,
    Lifecycle,
    Procurement,
    RiskLevel,
    Supplier,
    SystemUsage,
)

LIFECYCLE = {
    "Undecided": Lifecycle.UNDECIDED,
    "NotInUse": Lifecycle.NOT_IN_USE,
    "PhasingIn": Lifecycle.PHASING_IN,
    "Pilot": Lifecycle.PILOT,
    "Operational": Lifecycle.OPERATIONAL,
    "PhasingOut": Lifecycle.PHASING_OUT,
}
HOSTING = {
    "Undecided": Hosting.UNDECIDED,
    "OnPremise": Hosting.ON_PREMISES,
    "External": Hosting.EXTERNAL,
    "Hybrid": Hosting.HYBRID,
}
ANSWER = {
    "Undecided": Answer.UNDECIDED,
    "Yes": Answer.YES,
    "No": Answer.NO,
    "DontKnow": Answer.DONT_KNOW,
}
ACCESSIBILITY = {
    "Undecided": Accessibility.UNDECIDED,
    "Yes": Accessibility.COMPLIANT,
    "Partially": Accessibility.PARTIAL,
    "No": Accessibility.NOT_COMPLIANT,
}
RISK = {"Undecided": "", "Low": RiskLevel.LOW, "Medium": RiskLevel.MEDIUM, "High": RiskLevel.HIGH}
AGREEMENT = {
    "Undecided": AgreementConcluded.UNDECIDED,
    "Yes": AgreementConcluded.YES,
    "No": AgreementConcluded.NO,
    "Irrelevant": AgreementConcluded.IRRELEVANT,
}
# KITOS's "BiYearly" is its "Halvårligt": twice a year.
OVERSIGHT_MONTHS: dict[str, int | None] = {
    "Undecided": None,
    "Other": None,
    "BiYearly": 6,
    "Yearly": 12,
    "EveryOtherYear": 24,
}
# The archive duty KITOS recommends: B (bevares), K (kasseres).
ARCHIVE = {"Undecided": ArchiveDuty.UNDECIDED, "B": ArchiveDuty.PRESERVE, "K": ArchiveDuty.DISCARD}
# Procurement types are options each KITOS installation names itself; these words decide.
_PROCUREMENT_WORDS = (
    ("udbud", Procurement.TENDER),
    ("ramme", Procurement.FRAMEWORK),
    ("ski", Procurement.FRAMEWORK),
    ("kombit", Procurement.FRAMEWORK),
    ("direkte", Procurement.DIRECT),
)
# Depth in the KITOS tree → the kind a new unit gets; a local administrator may change it.
_KIND_BY_DEPTH = (
    OrgUnitKind.MUNICIPALITY,
    OrgUnitKind.ADMINISTRATION,
    OrgUnitKind.DIVISION,
    OrgUnitKind.CENTRE,
    OrgUnitKind.DEPARTMENT,
)


class Lookup(Protocol):
    """The rows already known to the importer, found by KITOS UUID."""

    def unit(self, ref: Ref | None) -> OrgUnit | None: ...
    def system(self, ref: Ref | None) -> ItSystem | None: ...
    def supplier(self, org: OrgRef | None) -> Supplier | None: ...
    def usage(self, ref: Ref | None) -> SystemUsage | None: ...
    def contract(self, ref: Ref | None) -> Contract | None: ...


@dataclass
class Mapped:
    """What one record should make a row hold: plain fields and many-to-many relations."""

    fields: dict[str, Any]
    relations: dict[str, list[Any]] = field(default_factory=dict)


def choice(
    mapping: Mapping[str, Any], value: str | None, default: Any, uuid: str, name: str
) -> Any:
    if value is None:
        return default
    try:
        return mapping[value]
    except KeyError:
        raise RecordError(
            uuid,
            _("%(field)s has a value Styrbord does not know: %(value)s")
            % {"field": name, "value": value},
        ) from None


def cut(text: str | None, length: int) -> str:
    """KITOS's free text may be longer than our column; keep what fits."""
    return (text or "").strip()[:length]


def unit_kind(depth: int) -> str:
    return _KIND_BY_DEPTH[depth] if depth < len(_KIND_BY_DEPTH) else OrgUnitKind.TEAM


def procurement(ref: Ref | None) -> str:
    if ref is None or not ref.name:
        return ""
    name = ref.name.casefold()
    return next((value for word, value in _PROCUREMENT_WORDS if word in name), Procurement.OTHER)


def _names(refs: tuple[Ref, ...]) -> str:
    return ", ".join(ref.name for ref in refs if ref.name)


def _present(values: list[Any | None]) -> list[Any]:
    """Related rows found, once each, in a stable order."""
    seen: dict[tuple[str, int], Any] = {}
    for value in values:
        if value is not None:
            # A row queued for its insert has no pk yet; it is itself.
            key = ("pk", value.pk) if value.pk is not None else ("new", id(value))
            seen.setdefault(key, value)
    return list(seen.values())


def system_fields(record: KitosItSystem, supplier: Supplier | None) -> Mapped:
    return Mapped(
        {
            "name": cut(record.name, 300),
            "supplier": supplier,
            "description": (record.description or "").strip(),
            "business_type": cut(record.business_type.name if record.business_type else "", 200),
            "kle_topics": [{"number": t.number, "title": t.title} for t in record.kle],
            # A recommendation KITOS adds later is kept as "unknown", not refused: it is
            # advice on the catalogue entry, not the municipality's own registration.
            "archive_duty": ARCHIVE.get(
                record.recommended_archive_duty or "Undecided", ArchiveDuty.UNKNOWN
            ),
            "is_active": not record.deactivated,
        }
    )


def usage_fields(record: KitosUsage, lookup: Lookup) -> Mapped:
    uuid = record.uuid
    levels = set(record.data_sensitivity_levels)
    return Mapped(
        {
            "system": lookup.system(record.system),
            "local_name": cut(record.local_name, 300),
            "local_id": cut(record.local_id, 100),
            "system_version": cut(record.system_version, 100),
            "lifecycle": choice(
                LIFECYCLE, record.lifecycle_status, Lifecycle.UNDECIDED, uuid, "lifeCycleStatus"
            ),
            "valid_from": record.valid_from,
            "valid_to": record.valid_to,
            "responsible_unit": lookup.unit(record.responsible_unit),
            "expected_users_min": record.expected_users_lower,
            "expected_users_max": record.expected_users_upper,
            "purpose": (record.purpose or "").strip(),
            "hosting": choice(HOSTING, record.hosted_at, Hosting.UNDECIDED, uuid, "hostedAt"),
            "business_critical": choice(
                ANSWER, record.business_critical, Answer.UNDECIDED, uuid, "isBusinessCritical"
            ),
            "criticality_level": cut(record.criticality_level, 100),
            "contains_ai": choice(
                ANSWER, record.contains_ai, Answer.UNDECIDED, uuid, "containsAITechnology"
            ),
            "licensing_model": cut(", ".join(record.licensing_models), 200),
            "accessibility": choice(
                ACCESSIBILITY,
                record.web_accessibility_compliance,
                Accessibility.UNDECIDED,
                uuid,
                "webAccessibilityCompliance",
            ),
            "accessibility_checked_on": record.last_web_accessibility_check,
            "data_ordinary": "PersonData" in levels,
            "data_sensitive": "SensitiveData" in levels,
            "data_criminal": "LegalData" in levels,
            "risk_assessment_done": choice(
                ANSWER,
                record.risk_assessment_conducted,
                Answer.UNDECIDED,
                uuid,
                "riskAssessmentConducted",
            ),
            "risk_assessed_on": record.risk_assessment_date,
            "risk_result": choice(
                RISK, record.risk_assessment_result, "", uuid, "riskAssessmentResult"
            ),
            "risk_next_on": record.planned_risk_assessment_date,
            "dpia_done": choice(
                ANSWER, record.dpia_conducted, Answer.UNDECIDED, uuid, "dpiaConducted"
            ),
            "dpia_on": record.dpia_date,
            "technical_precautions": ", ".join(record.technical_precautions_applied),
            "user_supervision": choice(
                ANSWER, record.user_supervision, Answer.UNDECIDED, uuid, "userSupervision"
            ),
            "retention_defined": choice(
                ANSWER,
                record.retention_period_defined,
                Answer.UNDECIDED,
                uuid,
                "retentionPeriodDefined",
            ),
        },
        {"using_units": _present([lookup.unit(ref) for ref in record.using_units])},
    )


def contract_fields(record: KitosContract, lookup: Lookup) -> Mapped:
    if record.duration_years is None and record.duration_months is None:
        duration = None
    else:
        duration = (record.duration_years or 0) * 12 + (record.duration_months or 0)
    return Mapped(
        {
            "name": cut(record.name, 300),
            "supplier": lookup.supplier(record.supplier),
            "number": cut(record.contract_number, 100),
            "contract_type": cut(record.contract_type.name if record.contract_type else "", 100),
            "procurement": procurement(record.procurement),
            "starts_on": record.valid_from,
            "expires_on": record.valid_to,
            "duration_months": duration,
            "irrevocable_until": record.irrevocable_until,
            "notice_months": record.notice_period_months,
            "notice_by_end_of": choice(
                KITOS_BY_END_OF, record.notice_by_end_of, "", record.uuid, "noticeByEndOf"
            ),
            "extension_options": record.extension_options.name if record.extension_options else "",
            "extensions_used": record.extension_options_used or 0,
            "terminated_on": record.terminated_at,
        },
        {"usages": _present([lookup.usage(ref) for ref in record.system_usages])},
    )


def contract_costs(
    record: KitosContract, lookup: Lookup
) -> dict[OrgUnit | None, dict[str, Decimal]]:
    """KITOS's yearly payments per paying unit: acquisition, and operation plus other as
    running costs."""
    costs: dict[OrgUnit | None, dict[str, Decimal]] = {}
    for payment in record.payments:
        unit = lookup.unit(payment.organization_unit)
        cost = costs.setdefault(unit, {"acquisition": Decimal(0), "running": Decimal(0)})
        cost["acquisition"] += payment.acquisition or 0
        cost["running"] += (payment.operation or 0) + (payment.other or 0)
    return costs


def transfer_basis(record: KitosDataProcessing) -> str:
    parts = [record.basis_for_transfer.name] if record.basis_for_transfer else []
    countries = _names(record.third_countries)
    if countries:
        parts.append(_("countries: %(countries)s") % {"countries": countries})
    return "; ".join(parts)


def registration_fields(record: KitosDataProcessing, lookup: Lookup) -> Mapped:
    uuid = record.uuid
    contracts = [lookup.contract(record.main_contract)] if record.main_contract else []
    contracts += [lookup.contract(ref) for ref in record.contracts]
    return Mapped(
        {
            "name": cut(record.name, 300),
            "third_country_transfer": record.transfer_to_insecure_third_countries == "Yes",
            "transfer_basis": transfer_basis(record),
            "agreement_concluded": choice(
                AGREEMENT,
                record.agreement_concluded,
                AgreementConcluded.UNDECIDED,
                uuid,
                "isAgreementConcluded",
            ),
            "agreement_on": record.agreement_concluded_at,
            "oversight_method": cut(_names(record.oversight_options), 200),
            "oversight_interval_months": choice(
                OVERSIGHT_MONTHS, record.oversight_interval, None, uuid, "oversightInterval"
            ),
            "responsible_unit": lookup.unit(record.responsible_unit),
        },
        {
            "processors": _present([lookup.supplier(org) for org in record.processors]),
            "sub_processors": _present(
                [lookup.supplier(sub.organization) for sub in record.sub_processors]
            ),
            "usages": _present([lookup.usage(ref) for ref in record.system_usages]),
            "contracts": _present(contracts),
        },
    )
