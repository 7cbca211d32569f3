"""Roles and who holds them: a municipality's own roles beside the catalogue's, and
assigning roles to persons on a usage, a contract, an org unit or the municipality."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.systems import policy, role_catalogue
from styrbord.systems.models import Role, RoleAssignment
from styrbord.systems.services._common import require

ASSIGNMENT_FIELDS = {"role", "person", "usage", "contract", "org_unit", "starts_on", "ends_on"}
ROLE_FIELDS = {"name", "responsibilities", "tasks", "applies_to", "kitos_names"}


def may_keep(actor: User, assignment: RoleAssignment) -> bool:
    """May ``actor`` keep this assignment: as they may keep its usage or contract, or as
    an editor for a unit's or the municipality's roles."""
    if assignment.usage_id:
        return policy.can_keep_usage(actor, assignment.usage)
    if assignment.contract_id:
        return policy.can_keep_contract(actor, assignment.contract)
    return policy.can_edit(actor, assignment.municipality)


def _check_role_fields(fields: dict[str, Any]) -> None:
    applies_to = fields.get("applies_to")
    if applies_to is not None and (not applies_to or set(applies_to) - set(role_catalogue.TARGETS)):
        raise ValidationError({"applies_to": _("Choose what the role is held on.")})


def _free_key(municipality: Municipality, name: str) -> str:
    """A key for an own role that no own or catalogue role has: the required roles are
    found by key, so an own role must never pass for a catalogue one."""
    base = (slugify(name).replace("-", "_") or "role")[:40]
    taken = set(
        Role._base_manager.filter(
            municipality__in=[municipality, Municipality.objects.get(is_catalogue=True)],
            key__startswith=base,
        ).values_list("key", flat=True)
    ) | {spec.key for spec in role_catalogue.ROLES}
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}_{number}"
    return key


@transaction.atomic
def create_role(municipality: Municipality, *, actor: User | None, **fields: Any) -> Role:
    """A municipality's own role; the catalogue's roles are loaded by migration."""
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    fields = only(fields, ROLE_FIELDS)
    _check_role_fields(fields)
    role = Role(municipality=municipality, key=_free_key(municipality, fields.get("name", "")))
    for name, value in fields.items():
        setattr(role, name, value)
    return changes.create(role, actor=actor)


@transaction.atomic
def update_role(role: Role, *, actor: User | None, expected_version: int, **fields: Any) -> Role:
    """Edit an own role. A catalogue role is shared by every municipality: refused."""
    if role.municipality.is_catalogue:
        raise ValidationError(_("A catalogue role cannot be changed here."))
    if actor is not None:
        require(policy.can_edit(actor, role.municipality))
    fields = only(fields, ROLE_FIELDS)
    _check_role_fields(fields)
    return changes.update(role, actor=actor, expected_version=expected_version, changes=fields)


@transaction.atomic
def assign_role(municipality: Municipality, *, actor: User | None, **fields: Any) -> RoleAssignment:
    assignment = RoleAssignment(municipality=municipality, **only(fields, ASSIGNMENT_FIELDS))
    # The model checks the person and target; the role may also be a catalogue row.
    if assignment.role_id:
        owner = assignment.role.municipality
        if owner.pk != municipality.pk and not owner.is_catalogue:
            raise ValidationError({"role": _("Choose one from this municipality.")})
    if actor is not None:
        require(may_keep(actor, assignment))
    return changes.create(assignment, actor=actor)


@transaction.atomic
def update_assignment(
    assignment: RoleAssignment, *, actor: User | None, expected_version: int, **fields: Any
) -> RoleAssignment:
    if actor is not None:
        require(may_keep(actor, assignment))
    return changes.update(
        assignment,
        actor=actor,
        expected_version=expected_version,
        changes=only(fields, {"person", "starts_on", "ends_on"} & ASSIGNMENT_FIELDS),
    )


@transaction.atomic
def remove_assignment(assignment: RoleAssignment, *, actor: User | None) -> None:
    if actor is not None:
        require(may_keep(actor, assignment))
    changes.delete(assignment, actor=actor)
