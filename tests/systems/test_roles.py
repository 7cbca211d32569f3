"""Roles: own roles beside the catalogue's, assigning, handing every role of a leaver over
to a successor, and the usages that lack a required role."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_scopes import scope, scopes_disabled

from styrbord.core.models import ChangeLogEntry
from styrbord.systems import queries_roles, role_catalogue
from styrbord.systems.models import Contract, Lifecycle, Role, RoleAssignment
from styrbord.systems.services import handover as handover_services
from styrbord.systems.services import roles as role_services
from styrbord.systems.services.handover import Step
from tests.factories import OrgUnitFactory, PersonFactory
from tests.systems.factories import ContractFactory, UsageFactory, assign, catalogue_role

ON = datetime.date(2026, 3, 1)


@pytest.fixture
def leaver(norddjurs):
    return PersonFactory(municipality=norddjurs)


@pytest.fixture
def successor(norddjurs):
    return PersonFactory(municipality=norddjurs)


def _fresh(obj):
    with scopes_disabled():
        return type(obj)._base_manager.get(pk=obj.pk)


# --- own roles ---


def test_an_own_role_gets_a_key_no_catalogue_role_has(norddjurs, editor, in_norddjurs):
    role = role_services.create_role(
        norddjurs,
        actor=editor,
        name="It-kontaktperson",
        applies_to=["usage"],
        responsibilities="Kender systemet",
    )
    assert role.key not in {spec.key for spec in role_catalogue.ROLES}
    assert not Role._base_manager.filter(municipality__is_catalogue=True, key=role.key).exists()
    second = role_services.create_role(
        norddjurs, actor=editor, name="It-kontaktperson", applies_to=["usage"]
    )
    assert second.key != role.key


def test_an_own_role_must_say_what_it_is_held_on(norddjurs, editor, in_norddjurs):
    with pytest.raises(ValidationError) as error:
        role_services.create_role(norddjurs, actor=editor, name="Tovholder", applies_to=[])
    assert "applies_to" in error.value.message_dict


def test_a_reader_cannot_add_a_role(norddjurs, reader, in_norddjurs):
    with pytest.raises(PermissionDenied):
        role_services.create_role(norddjurs, actor=reader, name="X", applies_to=["usage"])


def test_a_catalogue_role_cannot_be_edited(editor, in_norddjurs):
    role = catalogue_role("super_user")
    with pytest.raises(ValidationError):
        role_services.update_role(role, actor=editor, expected_version=role.version, name="Y")


def test_another_municipalitys_role_cannot_be_assigned(norddjurs, rebild, editor, leaver):
    with scope(municipality=rebild):
        foreign = role_services.create_role(rebild, actor=None, name="Egen", applies_to=["usage"])
    with scope(municipality=norddjurs):
        usage = UsageFactory(municipality=norddjurs)
        with pytest.raises(ValidationError) as error:
            role_services.assign_role(
                norddjurs, actor=editor, role=foreign, person=leaver, usage=usage
            )
    assert "role" in error.value.message_dict


def test_a_role_not_held_on_the_target_is_refused(norddjurs, editor, leaver, in_norddjurs):
    contract = ContractFactory(municipality=norddjurs)
    with pytest.raises(ValidationError) as error:
        role_services.assign_role(
            norddjurs,
            actor=editor,
            role=catalogue_role("system_data_owner"),
            person=leaver,
            contract=contract,
        )
    assert "role" in error.value.message_dict


# --- handover ---


def test_handover_ends_the_leavers_roles_and_starts_the_successors(
    norddjurs, editor, leaver, successor, in_norddjurs
):
    usage = UsageFactory(municipality=norddjurs)
    unit = OrgUnitFactory(municipality=norddjurs)
    owner = assign("system_data_owner", leaver, usage=usage, starts_on=datetime.date(2024, 1, 1))
    guide = assign("it_guide", leaver, org_unit=unit, ends_on=datetime.date(2026, 12, 31))
    ended = assign("it_contact", leaver, usage=usage, ends_on=datetime.date(2026, 2, 1))

    count = handover_services.hand_over(leaver, successor, actor=editor, on=ON)

    assert count == 2
    assert _fresh(owner).ends_on == datetime.date(2026, 2, 28)
    assert _fresh(guide).ends_on == datetime.date(2026, 2, 28)
    assert _fresh(ended).ends_on == datetime.date(2026, 2, 1)  # already over: untouched
    new = {
        (a.role.key, a.usage_id, a.org_unit_id, a.starts_on, a.ends_on)
        for a in RoleAssignment.objects.filter(person=successor)
    }
    assert new == {
        ("system_data_owner", usage.pk, None, ON, None),
        ("it_guide", None, unit.pk, ON, datetime.date(2026, 12, 31)),
    }


def test_a_role_not_yet_started_moves_to_the_successor(
    norddjurs, editor, leaver, successor, in_norddjurs
):
    usage = UsageFactory(municipality=norddjurs)
    planned = assign("super_user", leaver, usage=usage, starts_on=datetime.date(2026, 4, 1))
    handover_services.hand_over(leaver, successor, actor=editor, on=ON)
    moved = _fresh(planned)
    assert moved.person_id == successor.pk
    assert moved.starts_on == datetime.date(2026, 4, 1)
    assert RoleAssignment.objects.count() == 1


def test_a_role_the_successor_already_holds_is_only_ended(
    norddjurs, editor, leaver, successor, in_norddjurs
):
    usage = UsageFactory(municipality=norddjurs)
    assign("it_contact", successor, usage=usage)
    mine = assign("it_contact", leaver, usage=usage)
    items = handover_services.handover_preview(leaver, successor, on=ON)
    assert [item.step for item in items] == [Step.END]
    handover_services.hand_over(leaver, successor, actor=editor, on=ON)
    assert _fresh(mine).ends_on == datetime.date(2026, 2, 28)
    assert RoleAssignment.objects.filter(person=successor).count() == 1


def test_handover_moves_the_contracts_the_person_owns(
    norddjurs, editor, leaver, successor, in_norddjurs
):
    running = ContractFactory(municipality=norddjurs, owner=leaver)
    terminated = ContractFactory(
        municipality=norddjurs, owner=leaver, terminated_on=datetime.date(2025, 6, 30)
    )
    items = handover_services.handover_preview(leaver, successor, on=ON)
    assert [(item.step, item.contract) for item in items] == [(Step.OWNER, running)]
    handover_services.hand_over(leaver, successor, actor=editor, on=ON)
    assert _fresh(running).owner_id == successor.pk
    assert _fresh(terminated).owner_id == leaver.pk


def test_the_preview_changes_nothing_and_lists_what_the_action_does(
    norddjurs, leaver, successor, in_norddjurs
):
    usage = UsageFactory(municipality=norddjurs)
    assign("system_data_owner", leaver, usage=usage)
    ContractFactory(municipality=norddjurs, owner=leaver)
    before = ChangeLogEntry.objects.count()
    items = handover_services.handover_preview(leaver, successor, on=ON)
    assert [item.step for item in items] == [Step.REASSIGN, Step.OWNER]
    assert ChangeLogEntry.objects.count() == before


def test_every_change_of_a_handover_is_logged(norddjurs, editor, leaver, successor, in_norddjurs):
    usage = UsageFactory(municipality=norddjurs)
    assign("system_data_owner", leaver, usage=usage)
    ContractFactory(municipality=norddjurs, owner=leaver)
    before = ChangeLogEntry.objects.filter(actor=editor).count()
    handover_services.hand_over(leaver, successor, actor=editor, on=ON)
    # The leaver's end, the successor's start and the contract's owner.
    assert ChangeLogEntry.objects.filter(actor=editor).count() - before == 3


def test_handover_refuses_the_same_person(norddjurs, editor, leaver, in_norddjurs):
    with pytest.raises(ValidationError) as error:
        handover_services.hand_over(leaver, leaver, actor=editor, on=ON)
    assert "successor" in error.value.message_dict


def test_handover_refuses_a_successor_from_another_municipality(
    norddjurs, rebild, editor, leaver, in_norddjurs
):
    stranger = PersonFactory(municipality=rebild)
    with pytest.raises(ValidationError) as error:
        handover_services.handover_preview(leaver, stranger, on=ON)
    assert "successor" in error.value.message_dict


def test_a_refused_step_undoes_the_whole_handover(
    norddjurs, editor, leaver, successor, in_norddjurs
):
    usage = UsageFactory(municipality=norddjurs)
    owner = assign("system_data_owner", leaver, usage=usage)
    contract = ContractFactory(municipality=norddjurs, owner=leaver)
    # A contract stored invalid (ends before it starts): its owner change is refused,
    # after the role was already handed over in the same transaction.
    with scopes_disabled():
        Contract._base_manager.filter(pk=contract.pk).update(expires_on=datetime.date(2000, 1, 1))
    with pytest.raises(ValidationError):
        handover_services.hand_over(leaver, successor, actor=editor, on=ON)
    assert _fresh(owner).ends_on is None
    assert not RoleAssignment.objects.filter(person=successor).exists()


def test_a_reader_cannot_hand_over(norddjurs, reader, leaver, successor, in_norddjurs):
    with pytest.raises(PermissionDenied):
        handover_services.hand_over(leaver, successor, actor=reader, on=ON)


# --- missing roles ---


def test_usages_missing_a_required_role_name_which(norddjurs, leaver, in_norddjurs):
    complete = UsageFactory(municipality=norddjurs)
    assign("system_data_owner", leaver, usage=complete)
    assign("it_contact", leaver, usage=complete)
    no_contact = UsageFactory(municipality=norddjurs)
    assign("system_data_owner", leaver, usage=no_contact)
    nobody = UsageFactory(municipality=norddjurs)
    expired = UsageFactory(municipality=norddjurs)
    assign("system_data_owner", leaver, usage=expired, ends_on=datetime.date(2020, 1, 1))
    assign("it_contact", leaver, usage=expired)
    UsageFactory(municipality=norddjurs, lifecycle=Lifecycle.RETIRED)

    required = queries_roles.required_roles()
    found = {
        usage.pk: [role.key for role in queries_roles.missing_of(usage, required)]
        for usage in queries_roles.usages_missing_roles()
    }
    assert found == {
        no_contact.pk: ["it_contact"],
        nobody.pk: ["system_data_owner", "it_contact"],
        expired.pk: ["system_data_owner"],
    }


def test_a_role_that_starts_later_does_not_fill_the_gap_today(norddjurs, leaver, in_norddjurs):
    usage = UsageFactory(municipality=norddjurs)
    assign("system_data_owner", leaver, usage=usage, starts_on=datetime.date(2999, 1, 1))
    assign("it_contact", leaver, usage=usage)
    assert list(queries_roles.usages_missing_roles()) == [usage]


def test_missing_roles_of_a_single_usage_without_annotations(norddjurs, leaver, in_norddjurs):
    usage = UsageFactory(municipality=norddjurs)
    assign("it_contact", leaver, usage=usage)
    missing = queries_roles.missing_of(usage, queries_roles.required_roles())
    assert [role.key for role in missing] == ["system_data_owner"]


def test_missing_roles_are_read_in_a_bounded_number_of_queries(
    norddjurs, leaver, in_norddjurs, django_assert_num_queries
):
    for _ in range(6):
        assign("it_contact", leaver, usage=UsageFactory(municipality=norddjurs))
    with django_assert_num_queries(2):
        required = queries_roles.required_roles()
        rows = [
            (usage.responsible_unit, usage.system.name, queries_roles.missing_of(usage, required))
            for usage in queries_roles.usages_missing_roles()
        ]
    assert len(rows) == 6


def test_role_holders_are_counted_in_this_municipality_only(norddjurs, rebild, leaver, successor):
    with scope(municipality=rebild):
        assign(
            "super_user",
            PersonFactory(municipality=rebild),
            usage=UsageFactory(municipality=rebild),
        )
    with scope(municipality=norddjurs):
        usage = UsageFactory(municipality=norddjurs)
        assign("super_user", leaver, usage=usage)
        assign("super_user", successor, usage=usage)
        assign("super_user", successor, usage=UsageFactory(municipality=norddjurs))
        counts = {role.key: role.holder_count for role in queries_roles.roles()}
    assert counts["super_user"] == 2
    assert counts["dpo"] == 0
