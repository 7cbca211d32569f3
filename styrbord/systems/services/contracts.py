"""Writing contracts, their yearly costs and the usages they cover."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.systems import policy
from styrbord.systems.models import Contract, ContractCost, SystemUsage
from styrbord.systems.services._common import (
    changed_fields,
    refuse_mastered,
    require,
    set_relation,
)

CONTRACT_FIELDS = {
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
    "parent",
}

COST_FIELDS = {"year", "org_unit", "acquisition", "running"}


@transaction.atomic
def create_contract(municipality: Municipality, *, actor: User | None, **fields: Any) -> Contract:
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    contract = Contract(municipality=municipality, **only(fields, CONTRACT_FIELDS))
    return changes.create(contract, actor=actor)


@transaction.atomic
def update_contract(
    contract: Contract, *, actor: User | None, expected_version: int, **fields: Any
) -> Contract:
    if actor is not None:
        require(policy.can_keep_contract(actor, contract))
    fields = only(fields, CONTRACT_FIELDS)
    refuse_mastered(contract, changed_fields(contract, fields), actor=actor)
    return changes.update(contract, actor=actor, expected_version=expected_version, changes=fields)


@transaction.atomic
def set_usages(contract: Contract, usages: Iterable[SystemUsage], *, actor: User | None) -> None:
    usages = list(usages)
    if actor is not None:
        require(policy.can_keep_contract(actor, contract))
        if set(usages) != set(contract.usages.all()):
            refuse_mastered(contract, {"usages"}, actor=actor)
    set_relation(contract, "usages", usages, actor=actor)


@transaction.atomic
def delete_contract(contract: Contract, *, actor: User) -> None:
    require(policy.can_edit(actor, contract.municipality))
    changes.delete(contract, actor=actor)


@transaction.atomic
def add_cost(contract: Contract, *, actor: User | None, **fields: Any) -> ContractCost:
    if actor is not None:
        require(policy.can_keep_contract(actor, contract))
    cost = ContractCost(
        municipality=contract.municipality, contract=contract, **only(fields, COST_FIELDS)
    )
    return changes.create(cost, actor=actor)


@transaction.atomic
def update_cost(
    cost: ContractCost, *, actor: User | None, expected_version: int, **fields: Any
) -> ContractCost:
    if actor is not None:
        require(policy.can_keep_contract(actor, cost.contract))
    return changes.update(
        cost, actor=actor, expected_version=expected_version, changes=only(fields, COST_FIELDS)
    )


@transaction.atomic
def delete_cost(cost: ContractCost, *, actor: User) -> None:
    require(policy.can_keep_contract(actor, cost.contract))
    changes.delete(cost, actor=actor)
