"""The role catalogue: Rebild's roles and KITOS's usual role names."""

import dataclasses

import pytest

from styrbord.systems.role_catalogue import (
    KITOS_SOURCE,
    REBILD_SOURCE,
    REQUIRED_ON_USAGE,
    ROLES,
    TARGETS,
    USAGE,
    RoleSpec,
    applicable_to,
    by_key,
    for_kitos_name,
)

# The roles issue 7 names, by key and the Danish name the document gives them.
ISSUE_ROLES = {
    "municipal_director": "Kommunaldirektør",
    "executive_board": "Direktion",
    "centre_manager": "Centerchef",
    "finance_it_centre": "Fællescenter Økonomi og It",
    "system_data_owner": "System- og dataejer",
    "contract_owner": "Kontraktejer",
    "system_responsible": "Systemansvarlig",
    "it_guide": "IT-vejleder",
    "super_user": "Superbruger",
    "user": "Bruger",
    "test_user": "Testbruger",
    "it_contact": "It-kontaktperson",
    "security_coordinator": "Central informationssikkerhedskoordinator",
    "dpo": "Databeskyttelsesrådgiver (DPO)",
}


@pytest.mark.parametrize(("key", "name"), ISSUE_ROLES.items())
def test_every_role_of_the_issue_is_in_the_catalogue(key, name):
    assert by_key(key).name == name


def test_the_issue_roles_come_from_rebilds_document():
    assert {key for key in ISSUE_ROLES if by_key(key).source != REBILD_SOURCE} == set()


def test_keys_are_unique():
    keys = [role.key for role in ROLES]
    assert len(keys) == len(set(keys))


def test_names_are_unique():
    names = [role.name for role in ROLES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_every_role_has_a_responsibility(role):
    assert role.responsibilities
    assert all(text.strip() for text in role.responsibilities)


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_every_role_applies_to_known_targets_only(role):
    assert role.applies_to
    assert set(role.applies_to) <= set(TARGETS)


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_every_role_names_its_source(role):
    assert role.source in (REBILD_SOURCE, KITOS_SOURCE)


def test_a_kitos_name_maps_to_one_role_only():
    names = [name.casefold() for role in ROLES for name in role.kitos_names]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("kitos_name", "key"),
    [
        ("Systemejer", "system_data_owner"),
        ("Dataejer", "system_data_owner"),
        ("Systemansvarlig", "system_responsible"),
        ("Superbruger", "super_user"),
        ("Kontraktejer", "contract_owner"),
        ("Kontraktansvarlig", "contract_responsible"),
        ("Forretningsejer", "business_owner"),
        ("IT-kontaktperson", "it_contact"),
        ("Databehandleransvarlig", "data_processing_responsible"),
    ],
)
def test_kitos_role_names_map_to_catalogue_roles(kitos_name, key):
    assert for_kitos_name(kitos_name) == by_key(key)


def test_kitos_names_match_regardless_of_case_and_surrounding_spaces():
    assert for_kitos_name("  it-KONTAKTPERSON ") == by_key("it_contact")


def test_an_unknown_kitos_name_maps_to_no_role():
    assert for_kitos_name("Kaffeansvarlig") is None


def test_kitos_roles_not_in_rebilds_document_are_marked_as_kitos():
    assert by_key("business_owner").source == KITOS_SOURCE


def test_required_usage_roles_are_system_data_owner_and_it_contact():
    assert REQUIRED_ON_USAGE == ("system_data_owner", "it_contact")


@pytest.mark.parametrize("key", REQUIRED_ON_USAGE)
def test_required_usage_roles_exist_and_apply_to_usages(key):
    assert USAGE in by_key(key).applies_to


def test_contract_owner_applies_to_contracts():
    assert by_key("contract_owner").applies_to == ("contract",)


def test_system_data_owner_carries_the_documents_responsibilities():
    responsibilities = " ".join(by_key("system_data_owner").responsibilities)
    assert "risikovurdering" in responsibilities
    assert "digital arkivering" in responsibilities


def test_applicable_to_lists_the_roles_for_a_target():
    keys = {role.key for role in applicable_to(USAGE)}
    assert {"system_data_owner", "it_contact", "super_user"} <= keys
    assert "contract_owner" not in keys


def test_applicable_to_refuses_an_unknown_target():
    with pytest.raises(ValueError, match="Unknown role target"):
        applicable_to("building")


def test_by_key_refuses_an_unknown_key():
    with pytest.raises(KeyError, match="no_such_role"):
        by_key("no_such_role")


def test_role_specs_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_key("dpo").name = "Other"  # type: ignore[misc]


def test_role_specs_are_built_positionally_in_the_agreed_field_order():
    fields = [field.name for field in dataclasses.fields(RoleSpec)]
    assert fields[:7] == [
        "key",
        "name",
        "applies_to",
        "responsibilities",
        "tasks",
        "source",
        "kitos_names",
    ]
