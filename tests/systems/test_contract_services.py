"""Writing contracts through ``services.contracts`` and reading their computed dates from
``queries_contracts``: the three bad inputs, costs, linked usages and stale edits."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from styrbord.core.dates import add_months
from styrbord.core.services.changes import StaleEdit
from styrbord.systems import queries_contracts as queries
from styrbord.systems.deadlines import ByEndOf
from styrbord.systems.models import Contract, ContractCost
from styrbord.systems.services import contracts as services
from tests.factories import OrgUnitFactory
from tests.systems.factories import ContractFactory, UsageFactory

TODAY = datetime.date(2026, 5, 4)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _create(norddjurs, editor, **fields):
    return services.create_contract(norddjurs, actor=editor, name="Drift af ESDH", **fields)


def test_a_contract_that_ends_before_it_starts_is_refused_on_the_expiry(in_norddjurs, editor):
    with pytest.raises(ValidationError) as refused:
        _create(
            in_norddjurs,
            editor,
            starts_on=datetime.date(2026, 6, 1),
            expires_on=datetime.date(2026, 1, 1),
        )
    assert "expires before it starts" in refused.value.message_dict["expires_on"][0]
    assert not Contract.objects.exists()


def test_a_notice_period_longer_than_the_contract_is_refused(in_norddjurs, editor):
    with pytest.raises(ValidationError) as refused:
        _create(
            in_norddjurs,
            editor,
            starts_on=datetime.date(2026, 1, 1),
            expires_on=datetime.date(2026, 6, 30),
            notice_months=12,
        )
    assert "longer than the whole contract" in refused.value.message_dict["expires_on"][0]


def test_a_parent_that_would_make_a_cycle_is_refused(in_norddjurs, editor):
    top = ContractFactory(name="Rammeaftale")
    child = ContractFactory(name="Leveringsaftale", parent=top)
    grandchild = ContractFactory(name="Tillæg", parent=child)
    with pytest.raises(ValidationError) as refused:
        services.update_contract(top, actor=editor, expected_version=top.version, parent=grandchild)
    assert "parent" in refused.value.message_dict
    top.refresh_from_db()
    assert top.parent_id is None


def test_a_contract_cannot_be_its_own_parent(in_norddjurs, editor):
    contract = ContractFactory()
    with pytest.raises(ValidationError) as refused:
        services.update_contract(
            contract, actor=editor, expected_version=contract.version, parent=contract
        )
    assert "parent" in refused.value.message_dict


def test_a_stale_edit_is_refused_and_nothing_is_saved(in_norddjurs, editor):
    contract = ContractFactory(name="Aula")
    services.update_contract(contract, actor=editor, expected_version=1, number="K-1")
    stale = Contract.objects.get(pk=contract.pk)
    with pytest.raises(StaleEdit):
        services.update_contract(stale, actor=editor, expected_version=1, number="K-2")
    assert Contract.objects.get(pk=contract.pk).number == "K-1"


def test_costs_are_added_per_year_and_unit_and_totalled(in_norddjurs, editor):
    contract = ContractFactory()
    school, care = OrgUnitFactory(name="Skole"), OrgUnitFactory(name="Ældre")
    services.add_cost(contract, actor=editor, year=2026, org_unit=school, running=Decimal(100))
    services.add_cost(contract, actor=editor, year=2026, org_unit=care, running=Decimal(50))
    services.add_cost(contract, actor=editor, year=2027, acquisition=Decimal(900))
    table = queries.costs_of(contract)
    assert [(year, acq, run) for year, acq, run in table.years] == [
        (2026, Decimal(0), Decimal(150)),
        (2027, Decimal(900), Decimal(0)),
    ]
    assert (table.acquisition, table.running) == (Decimal(900), Decimal(150))
    listed = queries.contracts(year=2026).get(pk=contract.pk)
    assert listed.running_this_year == Decimal(150)


def test_a_negative_cost_is_refused_next_to_the_field(in_norddjurs, editor):
    contract = ContractFactory()
    with pytest.raises(ValidationError) as refused:
        services.add_cost(contract, actor=editor, year=2026, running=Decimal(-1))
    assert "running" in refused.value.message_dict
    assert not ContractCost.objects.exists()


def test_a_usage_of_another_municipality_cannot_be_linked(in_norddjurs, editor, rebild):
    contract = ContractFactory()
    ours = UsageFactory()
    theirs = UsageFactory(municipality=rebild)
    with pytest.raises(ValidationError) as refused:
        services.set_usages(contract, [ours, theirs], actor=editor)
    assert "usages" in refused.value.message_dict
    assert list(contract.usages.all()) == []
    services.set_usages(contract, [ours], actor=editor)
    assert list(contract.usages.all()) == [ours]


def test_a_fixed_term_contracts_deadlines_are_counted_back_from_the_expiry(in_norddjurs):
    contract = ContractFactory(
        starts_on=datetime.date(2024, 1, 1),
        expires_on=datetime.date(2027, 12, 31),
        notice_months=3,
        notice_by_end_of=ByEndOf.MONTH,
    )
    deadlines = queries.contract_deadlines(contract, TODAY)
    assert deadlines.notice_by == datetime.date(2027, 9, 30)
    assert deadlines.decide_by == datetime.date(2027, 3, 31)
    assert deadlines.ends_on == datetime.date(2027, 12, 31)
    assert not deadlines.decision_overdue
    assert "30" in deadlines.sentence and "2027" in deadlines.sentence


def test_a_running_contract_ends_at_the_first_period_end_after_the_notice(in_norddjurs):
    contract = ContractFactory(
        expires_on=None, notice_months=3, notice_by_end_of=ByEndOf.QUARTER, decision_lead_months=1
    )
    deadlines = queries.contract_deadlines(contract, datetime.date(2026, 11, 21))
    assert deadlines.ends_on == datetime.date(2027, 3, 31)
    assert deadlines.notice_by == datetime.date(2026, 12, 31)
    assert deadlines.decide_by == datetime.date(2026, 11, 30)


def test_a_terminated_contract_has_no_deadline_to_meet(in_norddjurs):
    contract = ContractFactory(terminated_on=datetime.date(2026, 1, 1))
    deadlines = queries.contract_deadlines(contract, TODAY)
    assert deadlines.notice_by is None and deadlines.decide_by is None
    assert "Terminated" in deadlines.sentence


def test_expiry_bands_hold_each_open_contract_once(in_norddjurs):
    today = datetime.date.today()
    soon = ContractFactory(expires_on=add_months(today, 2), notice_months=1)
    later = ContractFactory(expires_on=add_months(today, 9), notice_months=1)
    latest = ContractFactory(expires_on=add_months(today, 15), notice_months=1)
    ContractFactory(expires_on=add_months(today, 2), terminated_on=today, notice_months=1)
    ContractFactory(expires_on=add_months(today, 30))
    assert list(queries.expiring(6)) == [soon]
    assert list(queries.expiring(12, after_months=6)) == [later]
    assert list(queries.expiring(18, after_months=12)) == [latest]
    assert set(queries.expiring(18)) == {soon, later, latest}


def test_notice_due_within_six_months_follows_the_pure_rule(in_norddjurs):
    today = datetime.date.today()
    due = ContractFactory(expires_on=add_months(today, 7), notice_months=3)
    ContractFactory(expires_on=add_months(today, 20), notice_months=3)
    ContractFactory(expires_on=add_months(today, 7), notice_months=None)
    assert list(queries.notice_due_within(queries.contracts(), 6)) == [due]
