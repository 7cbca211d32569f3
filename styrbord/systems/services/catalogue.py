"""Writing a municipality's own suppliers and IT systems.

The catalogue's rows (read from KITOS's system catalogue) belong to the catalogue
organisation and are written by the importer only; a municipality keeps its own local
systems and suppliers here, e.g. without KITOS or for a system KITOS does not know.
"""

from typing import Any

from django.db import transaction

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.systems import policy
from styrbord.systems.models import ItSystem, Supplier
from styrbord.systems.services._common import require

SUPPLIER_FIELDS = {"name", "cvr"}
SYSTEM_FIELDS = {
    "name",
    "supplier",
    "description",
    "business_type",
    "kle_topics",
    "parent",
    "archive_duty",
    "is_active",
}


@transaction.atomic
def create_supplier(municipality: Municipality, *, actor: User | None, **fields: Any) -> Supplier:
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    return changes.create(
        Supplier(municipality=municipality, **only(fields, SUPPLIER_FIELDS)), actor=actor
    )


@transaction.atomic
def update_supplier(
    supplier: Supplier, *, actor: User | None, expected_version: int, **fields: Any
) -> Supplier:
    if actor is not None:
        require(policy.can_edit(actor, supplier.municipality) and supplier.kitos_uuid is None)
    return changes.update(
        supplier,
        actor=actor,
        expected_version=expected_version,
        changes=only(fields, SUPPLIER_FIELDS),
    )


@transaction.atomic
def create_system(municipality: Municipality, *, actor: User | None, **fields: Any) -> ItSystem:
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    return changes.create(
        ItSystem(municipality=municipality, **only(fields, SYSTEM_FIELDS)), actor=actor
    )


@transaction.atomic
def update_system(
    system: ItSystem, *, actor: User | None, expected_version: int, **fields: Any
) -> ItSystem:
    if actor is not None:
        require(policy.can_edit(actor, system.municipality) and system.kitos_uuid is None)
    return changes.update(
        system, actor=actor, expected_version=expected_version, changes=only(fields, SYSTEM_FIELDS)
    )
