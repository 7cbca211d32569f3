"""Role assignments from KITOS: who holds which role on a usage, a contract or a
data-processing registration.

KITOS names roles as each municipality likes ("Systemejer", "Dataejer"); the role
catalogue's ``kitos_names`` say which Styrbord role a name is (a municipality's own role
wins over the catalogue's). A name no role has is reported once, and the rest go on.

An imported assignment keeps in ``kitos_uuid`` the UUID of the KITOS object it was read
from, so that when KITOS drops it from that object it is removed here, while assignments
made in Styrbord are never touched. A registration's roles are held on its usages, as
Styrbord has no roles on registrations.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Model, Q
from django.utils.translation import gettext as _

from styrbord.core.models import Municipality, Person
from styrbord.core.services import changes
from styrbord.integrations.kitos.records import Ref
from styrbord.integrations.kitos.records import RoleAssignment as KitosRoleAssignment
from styrbord.integrations.kitos.writer import CREATED, FAILED, REMOVED, UNCHANGED, Writer
from styrbord.systems.models import Contract, Role, RoleAssignment

ROLE, PERSON = "role_assignment", "person"
CONTRACT_OWNER = "contract_owner"

# (role id, person id, target field, target id)
Key = tuple[int, int, str, int]


@dataclass(frozen=True)
class Source:
    """One KITOS object's roles and the rows here they are held on."""

    uuid: str
    name: str
    roles: tuple[KitosRoleAssignment, ...]
    targets: tuple[tuple[str, Model], ...]  # ("usage", usage) or ("contract", contract)


def _key(role_id: int, person_id: int, usage_id: int | None, contract_id: int | None) -> Key | None:
    if usage_id:
        return (role_id, person_id, "usage", usage_id)
    if contract_id:
        return (role_id, person_id, "contract", contract_id)
    return None


class RoleSync:
    def __init__(self, municipality: Municipality, writer: Writer):
        self.municipality = municipality
        self.writer = writer
        roles = Role._base_manager.filter(
            Q(municipality=municipality) | Q(municipality__is_catalogue=True)
        ).order_by("-municipality__is_catalogue")
        # Catalogue roles first, so the municipality's own override them.
        self.roles = {name.strip().casefold(): role for role in roles for name in role.kitos_names}
        self.persons = {
            str(person.external_uuid): person
            for person in Person._base_manager.filter(
                municipality=municipality, external_uuid__isnull=False
            ).select_related("municipality")
        }
        # Imported assignments by the KITOS object they were read from: an assignment
        # read here is its id until it must be removed (a full run reads 15,000 of them and
        # removes next to none).
        self.imported: dict[str, dict[Key | None, RoleAssignment | int]] = {}
        self.held: set[Key] = set()
        for pk, role, person, usage, contract, kitos_uuid in RoleAssignment._base_manager.filter(
            municipality=municipality
        ).values_list("pk", "role_id", "person_id", "usage_id", "contract_id", "kitos_uuid"):
            key = _key(role, person, usage, contract)
            if key is not None:
                self.held.add(key)
            if kitos_uuid is not None:
                self.imported.setdefault(str(kitos_uuid), {})[key] = pk
        self.unknown: set[str] = set()

    def apply(self, sources: Iterable[Source]) -> None:
        for source in sources:
            self.apply_one(source)

    def person(self, user: Ref) -> Person | None:
        """The person KITOS names, created (once) when Styrbord does not know them."""
        if user.uuid in self.persons:
            return self.persons[user.uuid]

        def write() -> Person:
            person = Person(
                municipality=self.municipality,
                name=(user.name or user.uuid)[:200],
                external_uuid=uuid_module.UUID(user.uuid),
            )
            changes.create(person, actor=None)
            self.writer.log(PERSON, user.uuid, person.name, CREATED)
            return person

        person = self.writer.attempt(PERSON, user.uuid, user.name, write)
        if person is FAILED:
            return None
        self.persons[user.uuid] = person
        return person

    def contract_owner(self, roles: Iterable[KitosRoleAssignment]) -> Person | None:
        """The first person KITOS names in a role that is the contract owner, created when
        Styrbord does not know them, as ``apply_one`` would set it."""
        for held in roles:
            role = self.roles.get(held.role.name.strip().casefold())
            if role is None or role.key != CONTRACT_OWNER or "contract" not in role.applies_to:
                continue
            person = self.person(held.user)
            if person is not None:
                return person
        return None

    def apply_one(self, source: Source) -> None:
        wanted: dict[Key, tuple[Role, Person, str, Model]] = {}
        for held in source.roles:
            role = self.roles.get(held.role.name.strip().casefold())
            if role is None:
                if held.role.name not in self.unknown:
                    self.unknown.add(held.role.name)
                    self.writer.problem(
                        ROLE,
                        source.uuid,
                        held.role.name,
                        _("No role has the KITOS name %(name)s; add it to a role's KITOS names.")
                        % {"name": held.role.name},
                    )
                continue
            person = self.person(held.user)
            if person is None:
                continue
            for field, target in source.targets:
                if field not in role.applies_to:
                    continue
                wanted.setdefault(
                    (role.pk, person.pk, field, target.pk), (role, person, field, target)
                )
        existing = self.imported.get(source.uuid, {})

        def write() -> dict[Key | None, RoleAssignment | int]:
            kept: dict[Key | None, RoleAssignment | int] = {}
            for key, (role, person, field, target) in wanted.items():
                label = f"{role.name}: {person.name}"
                if key in existing:
                    kept[key] = existing[key]
                    self.writer.log(ROLE, source.uuid, label, UNCHANGED)
                    continue
                if key not in self.held:
                    assignment = RoleAssignment(
                        municipality=self.municipality,
                        role=role,
                        person=person,
                        kitos_uuid=uuid_module.UUID(source.uuid),
                        **{field: target},
                    )
                    self.writer.create(
                        ROLE,
                        source.uuid,
                        assignment,
                        name=label,
                        shown=[{"field": field, "before": None, "after": str(target)}],
                        defer=True,
                    )
                    kept[key] = assignment
                # The contract owner is a field of its own; KITOS fills it while empty.
                if (
                    role.key == CONTRACT_OWNER
                    and isinstance(target, Contract)
                    and target.owner_id is None
                ):
                    self.writer.save(
                        "contract",
                        source.uuid,
                        target,
                        target.__class__,
                        {"owner": person},
                        stamp=False,
                        count=False,
                    )
            for key, assignment in existing.items():
                if key not in wanted:
                    if isinstance(assignment, int):
                        assignment = RoleAssignment._base_manager.get(pk=assignment)
                    self.writer.remove(ROLE, source.uuid, assignment)
            return kept

        kept = self.writer.attempt(ROLE, source.uuid, source.name, write)
        if kept is not FAILED:
            self.imported[source.uuid] = kept
            self.held.update(wanted)


__all__ = ["PERSON", "REMOVED", "ROLE", "RoleSync", "Source"]
