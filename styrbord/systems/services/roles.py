"""Assigning roles to persons on a usage, a contract, an org unit or the municipality."""

from typing import Any

from django.db import transaction

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.systems import policy
from styrbord.systems.models import RoleAssignment
from styrbord.systems.services._common import require

ASSIGNMENT_FIELDS = {"role", "person", "usage", "contract", "org_unit", "starts_on", "ends_on"}


def _may_keep(actor: User, assignment: RoleAssignment) -> bool:
    if assignment.usage_id:
        return policy.can_keep_usage(actor, assignment.usage)
    if assignment.contract_id:
        return policy.can_keep_contract(actor, assignment.contract)
    return policy.can_edit(actor, assignment.municipality)


@transaction.atomic
def assign_role(municipality: Municipality, *, actor: User | None, **fields: Any) -> RoleAssignment:
    assignment = RoleAssignment(municipality=municipality, **only(fields, ASSIGNMENT_FIELDS))
    if actor is not None:
        require(_may_keep(actor, assignment))
    return changes.create(assignment, actor=actor)


@transaction.atomic
def update_assignment(
    assignment: RoleAssignment, *, actor: User | None, expected_version: int, **fields: Any
) -> RoleAssignment:
    if actor is not None:
        require(_may_keep(actor, assignment))
    return changes.update(
        assignment,
        actor=actor,
        expected_version=expected_version,
        changes=only(fields, {"person", "starts_on", "ends_on"} & ASSIGNMENT_FIELDS),
    )


@transaction.atomic
def remove_assignment(assignment: RoleAssignment, *, actor: User | None) -> None:
    if actor is not None:
        require(_may_keep(actor, assignment))
    changes.delete(assignment, actor=actor)
