"""Parsing the recorded KITOS responses into records."""

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from styrbord.integrations.kitos.records import (
    KleTopic,
    RecordError,
    Ref,
    RoleAssignment,
    parse_contract,
    parse_data_processing,
    parse_deleted_entity,
    parse_it_system,
    parse_notice_months,
    parse_org_unit,
    parse_organization,
    parse_role_assignment,
    parse_usage,
)

DATA = Path(__file__).parent / "kitos_data"


def load(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def find(items: list[dict], uuid: str) -> dict:
    return copy.deepcopy(next(item for item in items if item["uuid"] == uuid))


def usage(municipality: str, system: str) -> dict:
    items = load(f"it-system-usages.{municipality}.json")
    return copy.deepcopy(next(i for i in items if i["systemContext"]["name"] == system))


def contract(municipality: str, name: str) -> dict:
    items = load(f"it-contracts.{municipality}.json")
    return copy.deepcopy(next(i for i in items if i["name"] == name))


def registration(name: str) -> dict:
    items = load("data-processing-registrations.norddjurs.json")
    return copy.deepcopy(next(i for i in items if i["name"] == name))


def as_older_shape(data: dict) -> dict:
    """The same usage as an older KITOS sends it: these three fields under ``gdpr``."""
    older = copy.deepcopy(data)
    general, gdpr = older["general"], older["gdpr"]
    gdpr["purpose"] = general.pop("purpose")
    gdpr["businessCritical"] = general.pop("isBusinessCritical")
    gdpr["hostedAt"] = general.pop("hostedAt")
    for key in ("isSociallyCritical", "licensingAndCodeModels"):
        general.pop(key)
    older.pop("createdAt")
    return older


# --- every recorded object -------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "parse"),
    [
        ("organizations.json", parse_organization),
        ("organization-units.*.json", parse_org_unit),
        ("it-systems.json", parse_it_system),
        ("it-system-usages.*.json", parse_usage),
        ("it-contracts.*.json", parse_contract),
        ("data-processing-registrations.*.json", parse_data_processing),
        ("delta-feed-deleted-entities.json", parse_deleted_entity),
    ],
)
def test_every_recorded_object_parses(pattern, parse):
    items = [item for path in sorted(DATA.glob(pattern)) for item in load(path.name)]
    assert items
    for item in items:
        parse(item)


def test_records_are_immutable():
    record = parse_usage(usage("norddjurs", "SBSYS"))
    with pytest.raises(AttributeError):
        record.purpose = "changed"


# --- IT systems and organisation -------------------------------------------------------


def test_it_system_reads_the_catalogue_fields():
    system = parse_it_system(load("it-systems.json")[0])
    assert system.name == "SBSYS"
    assert system.description == "Elektronisk sags- og dokumenthåndtering (ESDH)"
    assert system.rights_holder.cvr == "38293222"
    assert system.business_type.name == "Sags- og dokumenthåndtering"
    assert system.recommended_archive_duty == "B"
    assert system.parent is None
    assert system.deactivated is False
    assert system.last_modified == datetime(2025, 3, 1, 8, tzinfo=UTC)


def test_it_system_keeps_kle_as_number_and_title():
    system = parse_it_system(load("it-systems.json")[0])
    assert system.kle == (
        KleTopic(
            uuid="f6171f3f-6dac-5f0c-8c24-0a7dabdb0e92",
            number="00.01.00",
            title="Kommunens styrelse - Organisation",
        ),
    )


def test_it_system_reads_its_parent_system():
    data = load("it-systems.json")[1]
    data["parentSystem"] = {"uuid": "111e0c6f-fa55-5942-b999-fec9e0ab7195", "name": "SBSYS"}
    assert parse_it_system(data).parent == Ref("111e0c6f-fa55-5942-b999-fec9e0ab7195", "SBSYS")


def test_org_unit_reads_its_parent():
    root, child = load("organization-units.rebild.json")[:2]
    assert parse_org_unit(root).parent_uuid is None
    unit = parse_org_unit(child)
    assert unit.name == "Direktionen"
    assert unit.parent_uuid == root["uuid"]
    assert unit.unit_id == "1"


def test_org_unit_keeps_an_ean_number_as_digits():
    data = load("organization-units.rebild.json")[1]
    data["ean"] = 5798000416604
    assert parse_org_unit(data).ean == "5798000416604"


def test_organization_reads_the_cvr():
    organization = parse_organization(load("organizations.json")[1])
    assert (organization.name, organization.cvr) == ("Rebild Kommune", "29189617")


# --- usages ----------------------------------------------------------------------------


def test_usage_in_the_newer_shape_reads_purpose_criticality_and_hosting():
    record = parse_usage(usage("norddjurs", "SBSYS"))
    assert record.purpose == "Journalisering af sager og dokumenter"
    assert record.business_critical == "Yes"
    assert record.hosted_at == "External"
    assert record.socially_critical == "DontKnow"
    assert record.created_at == datetime(2019, 6, 1, 9, tzinfo=UTC)


def test_usage_in_the_older_shape_reads_purpose_criticality_and_hosting():
    record = parse_usage(usage("rebild", "Skolekom"))
    assert record.purpose == "Skoleintranet"
    assert record.business_critical == "DontKnow"
    assert record.hosted_at == "OnPremise"
    assert record.socially_critical is None
    assert record.created_at is None


def test_both_usage_shapes_parse_to_the_same_fields():
    for system in ("SBSYS", "Aula", "Microsoft 365", "Talegenkendelse"):
        newer = usage("norddjurs", system)
        older = as_older_shape(newer)
        assert "purpose" not in older["general"]
        a, b = parse_usage(newer), parse_usage(older)
        assert (a.purpose, a.business_critical, a.hosted_at) == (
            b.purpose,
            b.business_critical,
            b.hosted_at,
        )
        assert a.purpose is not None


def test_usage_reads_lifecycle_and_validity():
    record = parse_usage(usage("rebild", "Skolekom"))
    assert record.lifecycle_status == "PhasingOut"
    assert record.valid is False
    assert record.valid_from == date(2018, 1, 1)
    assert record.valid_to == date(2026, 7, 31)


def test_usage_reads_system_organisation_and_main_contract():
    record = parse_usage(usage("rebild", "SBSYS"))
    assert record.system == Ref("111e0c6f-fa55-5942-b999-fec9e0ab7195", "SBSYS")
    assert record.organization.cvr == "29189617"
    assert record.main_contract == Ref("dd36d22e-1a8a-5401-a596-52a6e29dc4ad", "SBSYS Rebild")


def test_usage_reads_expected_users_also_without_an_upper_bound():
    sbsys = parse_usage(usage("norddjurs", "SBSYS"))
    assert (sbsys.expected_users_lower, sbsys.expected_users_upper) == (500, 1000)
    aula = parse_usage(usage("norddjurs", "Aula"))
    assert (aula.expected_users_lower, aula.expected_users_upper) == (1000, None)


def test_usage_reads_responsible_and_using_units():
    record = parse_usage(usage("norddjurs", "SBSYS"))
    assert record.responsible_unit.name == "Borgerservice, IT og Digitalisering"
    assert [u.name for u in record.using_units] == [
        "Borgerservice, IT og Digitalisering",
        "Sundhed og Omsorg",
        "Staben",
    ]


def test_usage_reads_role_assignments():
    record = parse_usage(usage("norddjurs", "SBSYS"))
    assert [(r.user.name, r.role.name) for r in record.roles] == [
        ("Tonny Olsen", "Systemejer"),
        ("Kaare Christensen", "Dataejer"),
    ]


def test_usage_reads_data_protection_fields():
    record = parse_usage(usage("norddjurs", "SBSYS"))
    assert record.data_sensitivity_levels == ("PersonData", "SensitiveData")
    assert record.risk_assessment_conducted == "Yes"
    assert record.risk_assessment_date == date(2024, 2, 12)
    assert record.risk_assessment_result == "Medium"
    assert record.planned_risk_assessment_date == date(2025, 2, 12)
    assert record.dpia_conducted == "Yes"
    assert record.dpia_date == date(2021, 9, 1)
    assert record.technical_precautions_in_place == "Yes"
    assert record.technical_precautions_applied == ("Encryption", "AccessControl", "Logging")
    assert record.user_supervision == "Undecided"
    assert record.retention_period_defined == "Undecided"


def test_usage_reads_ai_accessibility_licensing_and_local_names():
    data = usage("norddjurs", "Microsoft 365")
    data["general"].update(
        localCallName="M365",
        localSystemId="IT-042",
        systemVersion="2408",
        lastWebAccessibilityCheck="2024-10-01",
    )
    record = parse_usage(data)
    assert record.contains_ai == "Yes"
    assert record.licensing_models == ("Proprietary",)
    assert record.web_accessibility_compliance == "Undecided"
    assert record.last_web_accessibility_check == date(2024, 10, 1)
    assert (record.local_name, record.local_id, record.system_version) == (
        "M365",
        "IT-042",
        "2408",
    )


def test_usage_accepts_dates_written_as_timestamps():
    data = usage("norddjurs", "SBSYS")
    data["gdpr"]["dpiaDate"] = "2021-09-01T00:00:00Z"
    assert parse_usage(data).dpia_date == date(2021, 9, 1)


# --- contracts -------------------------------------------------------------------------


def test_contract_reads_supplier_number_type_and_procurement():
    record = parse_contract(contract("norddjurs", "SBSYS driftsaftale"))
    assert record.supplier.name == "SBSYS Udvikling"
    assert record.supplier.cvr == "38293222"
    assert record.contract_number == "ND-2019-014"
    assert record.contract_type.name == "Driftsaftale"
    assert record.procurement.name == "Udbud"
    assert record.responsible_unit.name == "Borgerservice, IT og Digitalisering"


def test_contract_reads_period_and_termination_terms():
    record = parse_contract(contract("norddjurs", "SBSYS driftsaftale"))
    assert record.concluded == date(2019, 1, 1)
    assert record.valid_to == date(2027, 12, 31)
    assert record.duration_years == 9
    assert record.irrevocable_until == date(2022, 12, 31)
    assert record.notice_period_months == 6
    assert record.notice_period.name == "6 måneder"
    assert record.notice_by_end_of == "EndOfQuarter"
    assert record.terminated_at is None


def test_contract_reads_extension_options():
    record = parse_contract(contract("norddjurs", "Microsoft 365 (SKI 02.18)"))
    assert record.extension_options.name == "1 x 12 måneder"
    assert record.extension_options_used == 0
    assert record.notice_period_months == 3


def test_contract_reads_payments_and_yearly_cost():
    record = parse_contract(contract("rebild", "SBSYS Rebild"))
    [payment] = record.payments
    assert payment.kind == "external"
    assert payment.organization_unit.name == "Fællescenter Økonomi og It"
    assert (payment.acquisition, payment.operation) == (200000, 380000)
    assert (record.yearly_acquisition, record.yearly_operation) == (200000, 380000)


def test_contract_reads_linked_usages_registrations_and_roles():
    record = parse_contract(contract("norddjurs", "SBSYS driftsaftale"))
    assert record.system_usages == (Ref("81078d96-735e-5bdd-adc4-8a1ca99c1a74", "SBSYS"),)
    assert [r.name for r in record.data_processing_registrations] == ["SBSYS databehandling"]
    assert record.roles[0].role.name == "Kontraktejer"


def test_contract_reads_its_parent_contract():
    data = contract("norddjurs", "Zoom webinarlicens")
    data["parentContract"] = {"uuid": "0874a95f-f8db-5ca4-9bca-5b766bfef47e", "name": "SBSYS"}
    assert parse_contract(data).parent_contract.uuid == "0874a95f-f8db-5ca4-9bca-5b766bfef47e"


def test_contract_without_terms_has_no_notice_period():
    data = contract("norddjurs", "Zoom webinarlicens")
    data["termination"] = None
    record = parse_contract(data)
    assert record.notice_period is None
    assert record.notice_period_months is None


def test_contract_marked_terminated_reads_the_date():
    data = contract("norddjurs", "Zoom webinarlicens")
    data["termination"]["terminatedAt"] = "2025-02-28"
    assert parse_contract(data).terminated_at == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("name", "months"),
    [
        ("3 måneder", 3),
        ("3", 3),
        ("12 måneder", 12),
        ("1 måned", 1),
        (" 6 mdr.", 6),
        ("Løbende", None),
        ("", None),
        (None, None),
    ],
)
def test_notice_months_are_read_from_the_reference_name(name, months):
    assert parse_notice_months(name) == months


# --- data processing -------------------------------------------------------------------


def test_data_processing_reads_processors_and_agreement():
    record = parse_data_processing(registration("SBSYS databehandling"))
    assert [p.cvr for p in record.processors] == ["38293222"]
    assert record.agreement_concluded == "Yes"
    assert record.agreement_concluded_at == date(2019, 1, 1)
    assert record.system_usages[0].name == "SBSYS"
    assert record.contracts[0].name == "SBSYS driftsaftale"
    assert record.main_contract.name == "SBSYS driftsaftale"


def test_data_processing_reads_sub_processors():
    record = parse_data_processing(registration("Aula databehandling"))
    assert record.has_sub_processors == "Yes"
    [sub] = record.sub_processors
    assert sub.organization.name == "Netcompany A/S"
    assert sub.transfer_to_insecure_third_country == "No"


def test_data_processing_reads_third_country_transfer_and_basis():
    record = parse_data_processing(registration("Microsoft 365 databehandling"))
    assert record.transfer_to_insecure_third_countries == "Yes"
    assert [c.name for c in record.third_countries] == ["USA"]
    assert record.basis_for_transfer.name == "EU-Kommissionens standardkontraktbestemmelser"


def test_data_processing_reads_oversight():
    record = parse_data_processing(registration("SBSYS databehandling"))
    assert [o.name for o in record.oversight_options] == ["ISAE 3000-erklæring"]
    assert record.oversight_interval == "Yearly"
    assert record.oversight_completed == "Yes"
    assert record.oversight_scheduled == date(2025, 4, 10)
    [done] = record.oversight_dates
    assert (done.completed_at, done.remark) == (date(2024, 4, 10), "Erklæring uden forbehold")
    assert record.last_oversight == date(2024, 4, 10)


def test_data_processing_without_oversight_dates_has_no_last_oversight():
    record = parse_data_processing(registration("Microsoft 365 databehandling"))
    assert record.oversight_dates == ()
    assert record.last_oversight is None


def test_data_processing_reads_a_responsible_unit_when_given():
    data = registration("SBSYS databehandling")
    assert parse_data_processing(data).responsible_unit is None
    unit = {"uuid": "34b30645-aaa3-5660-b54f-18ed36662474", "name": "Borgerservice"}
    data["general"]["responsibleOrganizationUnit"] = unit
    assert parse_data_processing(data).responsible_unit == Ref(unit["uuid"], unit["name"])


# --- roles and the deleted feed --------------------------------------------------------


def test_role_assignment_reads_user_and_role():
    data = {
        "user": {"uuid": "u1", "name": "Tonny Olsen"},
        "role": {"uuid": "r1", "name": "Dataejer"},
    }
    assert parse_role_assignment(data) == RoleAssignment(
        user=Ref("u1", "Tonny Olsen"), role=Ref("r1", "Dataejer")
    )


def test_role_assignment_without_role_names_its_owner():
    data = usage("norddjurs", "SBSYS")
    del data["roles"][0]["role"]
    with pytest.raises(RecordError) as raised:
        parse_usage(data)
    assert raised.value.uuid == data["uuid"]


def test_deleted_entity_reads_uuid_type_and_time():
    record = parse_deleted_entity(load("delta-feed-deleted-entities.json")[0])
    assert record.uuid == "467aecd1-98ec-5216-9b74-01885b5e73b6"
    assert record.entity_type == "ItSystemUsage"
    assert record.occurred_at == datetime(2025, 3, 2, 12, tzinfo=UTC)


# --- malformed records -----------------------------------------------------------------


def test_record_without_uuid_raises():
    data = usage("norddjurs", "SBSYS")
    del data["uuid"]
    with pytest.raises(RecordError) as raised:
        parse_usage(data)
    assert raised.value.uuid is None


def test_record_that_is_not_an_object_raises():
    with pytest.raises(RecordError):
        parse_contract(["not", "an", "object"])


def test_unparsable_date_raises_naming_the_uuid_and_field():
    data = contract("norddjurs", "SBSYS driftsaftale")
    data["agreementPeriod"]["irrevocableUntil"] = "2022-13-45"
    with pytest.raises(RecordError) as raised:
        parse_contract(data)
    assert raised.value.uuid == data["uuid"]
    assert "agreementPeriod.irrevocableUntil" in raised.value.message
    assert data["uuid"] in str(raised.value)


def test_wrong_type_raises_naming_the_uuid():
    data = usage("rebild", "SBSYS")
    data["general"]["numberOfExpectedUsers"]["lowerBound"] = "many"
    with pytest.raises(RecordError) as raised:
        parse_usage(data)
    assert raised.value.uuid == data["uuid"]
    assert "numberOfExpectedUsers.lowerBound" in raised.value.message


def test_section_of_the_wrong_type_raises():
    data = registration("Aula databehandling")
    data["oversight"] = "yearly"
    with pytest.raises(RecordError) as raised:
        parse_data_processing(data)
    assert raised.value.uuid == data["uuid"]


def test_missing_name_raises():
    data = load("it-systems.json")[0]
    data["name"] = None
    with pytest.raises(RecordError, match="name"):
        parse_it_system(data)


def test_usage_without_system_raises():
    data = usage("norddjurs", "Zoom")
    data["systemContext"] = None
    with pytest.raises(RecordError, match="systemContext"):
        parse_usage(data)


def test_unparsable_timestamp_raises():
    data = registration("SBSYS databehandling")
    data["lastModified"] = "yesterday"
    with pytest.raises(RecordError, match="lastModified"):
        parse_data_processing(data)
