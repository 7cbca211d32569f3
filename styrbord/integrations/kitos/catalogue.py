"""The catalogue's side of a KITOS run: org units, suppliers and IT systems, and the
removals read from KITOS's deleted-entities feed.

``CatalogueSync`` is the part of ``importer.Sync`` that writes these; it expects the
``Sync`` attributes it uses (``municipality``, ``catalogue``, ``writer`` and the maps of
rows by KITOS UUID).
"""

from __future__ import annotations

import uuid as uuid_module

from django.utils.translation import gettext as _

from styrbord.core.models import Municipality, OrgUnit
from styrbord.integrations.kitos import mapping
from styrbord.integrations.kitos.records import (
    OrgRef,
    RecordError,
    Ref,
    parse_deleted_entity,
    parse_it_system,
    parse_org_unit,
)
from styrbord.integrations.kitos.writer import FAILED, UNCHANGED, Writer
from styrbord.systems.models import (
    Contract,
    DataProcessingRegistration,
    ItSystem,
    Supplier,
    SystemUsage,
)

# Kinds, as counted on the run and named in its problems and changes.
ORG_UNIT, SUPPLIER, SYSTEM, USAGE = "org_unit", "supplier", "system", "usage"
CONTRACT, COST, REGISTRATION, OVERSIGHT = "contract", "contract_cost", "registration", "oversight"
KINDS = (ORG_UNIT, SUPPLIER, SYSTEM, USAGE, CONTRACT, COST, REGISTRATION, OVERSIGHT)

# The deleted-entities feed's entity types and what they remove here.
DELETED_TYPES = {
    "ItSystemUsage": USAGE,
    "ItContract": CONTRACT,
    "DataProcessingRegistration": REGISTRATION,
    "ItSystem": SYSTEM,
}


def as_uuid(value: str) -> uuid_module.UUID:
    return uuid_module.UUID(value)


def last_copies(raws: list[dict]) -> list[dict]:
    """KITOS's pages may repeat a record that moved while they were read: the last copy
    counts."""
    last = {}
    for position, raw in enumerate(raws):
        key = raw.get("uuid") if isinstance(raw, dict) else None
        last[key if isinstance(key, str) else position] = raw
    return list(last.values())


class CatalogueSync:
    municipality: Municipality
    catalogue: Municipality
    writer: Writer
    units: dict[str, OrgUnit]
    suppliers: dict[str, Supplier]
    systems: dict[str, ItSystem]
    usages: dict[str, SystemUsage]
    contracts: dict[str, Contract]
    registrations: dict[str, DataProcessingRegistration]
    suppliers_seen: dict[str, bool]  # supplier's KITOS UUID → written without failing

    def system(self, ref: Ref | None) -> ItSystem | None:
        return None if ref is None else self.systems.get(ref.uuid)

    def supplier(self, org: OrgRef | None) -> Supplier | None:
        return None if org is None else self.suppliers.get(org.uuid)

    # --- org units ---------------------------------------------------------------------

    def org_units(self, raws: list[dict]) -> None:
        """Create the units KITOS has and Styrbord lacks; a unit already linked is left as
        the local administrator keeps it (OS2mo or a person may master the tree)."""
        records = {}
        for raw in raws:
            try:
                record = parse_org_unit(raw)
            except RecordError as error:
                self.writer.problem(ORG_UNIT, error.uuid, str(raw.get("name") or ""), error.message)
                continue
            records[record.uuid] = record
        unlinked = {
            unit.name.casefold(): unit
            for unit in OrgUnit._base_manager.filter(
                municipality=self.municipality, external_uuid__isnull=True
            ).select_related("municipality")
        }

        def depth(uuid: str, seen: frozenset = frozenset()) -> int:
            parent = records[uuid].parent_uuid
            if parent not in records or parent in seen:
                return 0
            return 1 + depth(parent, seen | {uuid})

        for record in sorted(records.values(), key=lambda r: depth(r.uuid)):
            if record.uuid in self.units:
                self.writer.counts[ORG_UNIT][UNCHANGED] += 1
                continue
            match = unlinked.get(record.name.casefold())

            def write(record=record, match=match) -> OrgUnit:
                if match is not None:
                    # A unit typed in before KITOS was connected: link it, do not duplicate it.
                    return self.writer.save(
                        ORG_UNIT,
                        record.uuid,
                        match,
                        lambda: match,
                        {"external_uuid": as_uuid(record.uuid)},
                        stamp=False,
                    )
                return self.writer.save(
                    ORG_UNIT,
                    record.uuid,
                    None,
                    lambda: OrgUnit(municipality=self.municipality),
                    {
                        "name": mapping.cut(record.name, 200),
                        "kind": mapping.unit_kind(depth(record.uuid)),
                        "parent": self.units.get(record.parent_uuid or ""),
                        "short_name": mapping.cut(record.unit_id, 50),
                        "external_uuid": as_uuid(record.uuid),
                    },
                    stamp=False,
                )

            unit = self.writer.attempt(ORG_UNIT, record.uuid, record.name, write)
            if unit is not FAILED:
                unlinked.pop(record.name.casefold(), None)
                self.units[record.uuid] = unit

    # --- the catalogue -----------------------------------------------------------------

    def ensure_supplier(self, org: OrgRef | None) -> bool:
        """Make sure the catalogue has ``org`` as a supplier; False when that failed.

        Thousands of records name the same few suppliers: each is written (and counted)
        once a run, as its first record names it.
        """
        if org is None:
            return True
        if org.uuid in self.suppliers_seen:
            return self.suppliers_seen[org.uuid]
        current = self.suppliers.get(org.uuid)
        fields = {"name": mapping.cut(org.name, 300) or org.uuid}
        if current is None:
            by_cvr = None
            if org.cvr:
                by_cvr = (
                    Supplier._base_manager.filter(
                        municipality=self.catalogue, kitos_uuid__isnull=True, cvr=org.cvr
                    )
                    .select_related("municipality")
                    .first()
                )
            if by_cvr is not None:
                current, fields = by_cvr, {**fields, "kitos_uuid": as_uuid(org.uuid)}
            else:
                fields = {**fields, "cvr": org.cvr or "", "kitos_uuid": as_uuid(org.uuid)}
        elif org.cvr and current.cvr != org.cvr:
            fields["cvr"] = org.cvr

        def write() -> Supplier:
            return self.writer.save(
                SUPPLIER,
                org.uuid,
                current,
                lambda: Supplier(municipality=self.catalogue),
                fields,
                stamp=False,
            )

        supplier = self.writer.attempt(SUPPLIER, org.uuid, org.name, write)
        self.suppliers_seen[org.uuid] = supplier is not FAILED
        if supplier is FAILED:
            return False
        self.suppliers[org.uuid] = supplier
        return True

    def it_systems(self, raws: list[dict]) -> None:
        records = []
        for raw in last_copies(raws):
            try:
                records.append(parse_it_system(raw))
            except RecordError as error:
                self.writer.problem(SYSTEM, error.uuid, str(raw.get("name") or ""), error.message)
        for record in records:
            if not self.ensure_supplier(record.rights_holder):
                self.writer.problem(
                    SYSTEM, record.uuid, record.name, _("Its rights holder failed.")
                )
                continue
            fields = mapping.system_fields(record, self.supplier(record.rights_holder)).fields
            current = self.systems.get(record.uuid)

            def write(record=record, fields=fields, current=current) -> ItSystem:
                return self.writer.save(
                    SYSTEM,
                    record.uuid,
                    current,
                    lambda: ItSystem(municipality=self.catalogue, kitos_uuid=as_uuid(record.uuid)),
                    fields,
                    stamp=False,
                    defer=True,
                )

            system = self.writer.attempt(SYSTEM, record.uuid, record.name, write)
            if system is not FAILED:
                self.systems[record.uuid] = system
        self.writer.flush()
        # Parents after every system is known: KITOS does not list parents first.
        for record in records:
            system = self.systems.get(record.uuid)
            if system is None or system.pk is None:
                continue
            parent = self.system(record.parent)
            self.writer.attempt(
                SYSTEM,
                record.uuid,
                record.name,
                lambda system=system, parent=parent, uuid=record.uuid: self.writer.save(
                    SYSTEM,
                    uuid,
                    system,
                    lambda: system,
                    {"parent": parent},
                    stamp=False,
                    count=False,
                ),
            )

    def ensure_system(self, ref: Ref) -> bool:
        """A usage of a system KITOS did not list (an increment where only the usage
        changed, or a system outside the organisation's filter): a catalogue row by name,
        filled in when KITOS next sends the system."""
        if ref.uuid in self.systems:
            return True

        def write() -> ItSystem:
            return self.writer.save(
                SYSTEM,
                ref.uuid,
                None,
                lambda: ItSystem(municipality=self.catalogue, kitos_uuid=as_uuid(ref.uuid)),
                {"name": mapping.cut(ref.name, 300) or ref.uuid},
                stamp=False,
            )

        system = self.writer.attempt(SYSTEM, ref.uuid, ref.name, write)
        if system is FAILED:
            return False
        self.systems[ref.uuid] = system
        return True

    # --- removals ----------------------------------------------------------------------

    def removals(self, raws: list[dict]) -> None:
        maps = {
            USAGE: self.usages,
            CONTRACT: self.contracts,
            REGISTRATION: self.registrations,
            SYSTEM: self.systems,
        }
        for raw in raws:
            try:
                entity = parse_deleted_entity(raw)
            except RecordError as error:
                self.writer.problem("deleted", error.uuid, "", error.message)
                continue
            kind = DELETED_TYPES.get(entity.entity_type)
            obj = maps[kind].pop(entity.uuid, None) if kind else None
            if obj is None:
                continue
            if kind == SYSTEM:
                # Other municipalities' usages may still point at a catalogue system: it
                # is marked as no longer in the catalogue, not deleted.
                self.writer.attempt(
                    kind,
                    entity.uuid,
                    str(obj),
                    lambda obj=obj, uuid=entity.uuid: self.writer.save(
                        SYSTEM, uuid, obj, lambda: obj, {"is_active": False}, stamp=False
                    ),
                )
                continue
            self.writer.attempt(
                kind,
                entity.uuid,
                str(obj),
                lambda obj=obj, kind=kind, uuid=entity.uuid: self.writer.remove(kind, uuid, obj),
            )
