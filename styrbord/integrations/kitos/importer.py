"""Synchronising a municipality's IT-system portfolio from KITOS.

``synchronise`` reads everything it needs from KITOS first (a network failure then leaves
nothing written), and writes in one transaction in dependency order: org units, the
catalogue's systems and suppliers, usages, contracts, data-processing registrations, role
assignments, and last the removals from KITOS's deleted-entities feed. Rows are matched by
KITOS UUID; each kind's existing rows are loaded in one query, and only what differs is
written (see ``writer.Writer``). A dry run does the same and rolls back, keeping the list of
changes on its ``KitosRun``.

An increment asks KITOS for what changed since the start of the last successful run (less
an overlap, since clocks and KITOS's own commits are not exact); ``full`` reads everything.
"""

from __future__ import annotations

import datetime
import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from styrbord.core.models import Municipality, OrgUnit, User
from styrbord.integrations.kitos import mapping
from styrbord.integrations.kitos.catalogue import (
    CONTRACT,
    COST,
    DELETED_TYPES,
    KINDS,
    OVERSIGHT,
    REGISTRATION,
    USAGE,
    CatalogueSync,
    as_uuid,
    last_copies,
)
from styrbord.integrations.kitos.client import KitosClient, KitosError
from styrbord.integrations.kitos.records import (
    RecordError,
    Ref,
    parse_contract,
    parse_data_processing,
    parse_usage,
)
from styrbord.integrations.kitos.roles import RoleSync, Source
from styrbord.integrations.kitos.writer import FAILED, Writer, relation_ids
from styrbord.systems.models import (
    Contract,
    ContractCost,
    DataProcessingRegistration,
    ItSystem,
    KitosRun,
    Oversight,
    RunStatus,
    Supplier,
    SystemUsage,
)

OVERLAP = datetime.timedelta(minutes=10)

# A real run keeps this many of its field-level changes on its ``KitosRun`` (the change log
# has every one, and the run's counts say how many there were): a first run's 50,000 would
# make the run's row tens of megabytes. A dry run keeps them all, as they are all it leaves.
CHANGES_KEPT = 1000


@contextmanager
def collector_paused() -> Iterator[None]:
    """A run holds tens of thousands of rows and records alive at once, none of them garbage
    before it ends; the cyclic collector walked them all again and again, a quarter of a
    first run's time, growing with the run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_configured() -> bool:
    return bool(settings.KITOS_URL and settings.KITOS_EMAIL and settings.KITOS_PASSWORD)


def client_from_settings() -> KitosClient:
    return KitosClient(settings.KITOS_URL, settings.KITOS_EMAIL, settings.KITOS_PASSWORD)


def last_success(municipality: Municipality) -> KitosRun | None:
    return (
        KitosRun._base_manager.filter(
            municipality=municipality,
            dry_run=False,
            status__in=[RunStatus.SUCCEEDED, RunStatus.PARTIAL],
        )
        .order_by("-started_at", "-id")
        .defer("changes", "problems")  # a first run's list of changes is large
        .first()
    )


@dataclass
class Fetched:
    """Everything one run reads from KITOS, as the raw JSON objects."""

    organisation_uuid: str
    units: list[dict]
    systems: list[dict]
    usages: list[dict]
    contracts: list[dict]
    registrations: list[dict]
    deleted: list[dict]


def fetch(
    municipality: Municipality,
    client: KitosClient,
    since: datetime.datetime | None,
    deleted_since: datetime.datetime | None,
) -> Fetched:
    if not municipality.cvr:
        raise KitosError(_("The municipality has no CVR number to find it in KITOS by."))
    organisation = client.find_organization(municipality.cvr)
    if organisation is None:
        raise KitosError(
            _("KITOS has no organisation with CVR number %(cvr)s.") % {"cvr": municipality.cvr}
        )
    org = organisation["uuid"]
    deleted: list[dict] = []
    if deleted_since is not None:
        for entity_type in DELETED_TYPES:
            deleted += list(client.deleted_entities(entity_type, deleted_since))
    return Fetched(
        organisation_uuid=org,
        units=list(client.organization_units(org)),
        systems=list(client.it_systems(org, since)),
        usages=list(client.system_usages(org, since)),
        contracts=list(client.contracts(org, since)),
        registrations=list(client.data_processing_registrations(org, since)),
        deleted=deleted,
    )


def synchronise(
    municipality: Municipality,
    client: KitosClient,
    *,
    actor: User | None = None,
    dry_run: bool = False,
    full: bool = False,
) -> KitosRun:
    """Run one synchronisation (or dry run) and return its ``KitosRun``, saved."""
    previous = last_success(municipality)
    since = None if full or previous is None else previous.started_at - OVERLAP
    deleted_since = None if previous is None else previous.started_at - OVERLAP
    run = KitosRun(
        municipality=municipality,
        started_by=actor if actor is not None and actor.is_authenticated else None,
        dry_run=dry_run,
        changed_since=since,
    )
    # The run's own row is saved outside the run's transaction, so a failure is recorded.
    run.save()
    try:
        with collector_paused():
            fetched = fetch(municipality, client, since, deleted_since)
            run.organisation_uuid = fetched.organisation_uuid
            with scopes_disabled(), transaction.atomic():
                sync = Sync(
                    municipality,
                    Writer(timezone.now(), keep=None if dry_run else CHANGES_KEPT),
                )
                sync.run(fetched)
                if dry_run:
                    transaction.set_rollback(True)
    except KitosError as error:
        run.status = RunStatus.FAILED
        run.error = str(error)
    except Exception as error:
        run.status = RunStatus.FAILED
        run.error = f"{type(error).__name__}: {error}"
        run.finished_at = timezone.now()
        run.save()
        raise
    else:
        writer = sync.writer
        run.counts = {kind: dict(counter) for kind, counter in writer.counts.items()}
        run.changes = writer.changes
        run.problems = writer.problems
        run.status = RunStatus.PARTIAL if writer.problems else RunStatus.SUCCEEDED
    run.finished_at = timezone.now()
    run.save()
    return run


def _by_uuid(rows: Iterable[Any], attribute: str = "kitos_uuid") -> dict[str, Any]:
    return {str(getattr(row, attribute)): row for row in rows}


def _owned(model: type[models.Model], owner: Municipality, **filters: Any) -> list[Any]:
    """``model``'s rows of ``owner``, holding ``owner`` itself rather than a copy each."""
    rows = list(model._base_manager.filter(municipality=owner, **filters))
    field = model._meta.get_field("municipality")
    for row in rows:
        field.set_cached_value(row, owner)
    return rows


class Sync(CatalogueSync):
    """One run's writes; the ``Lookup`` the mapping functions find related rows through.

    Each kind's stored rows are read the first time the run needs them, so an increment
    with nothing in it reads next to nothing.
    """

    def __init__(self, municipality: Municipality, writer: Writer):
        self.municipality = municipality
        self.catalogue = Municipality.objects.get(is_catalogue=True)
        self.writer = writer
        writer.catalogue_id = self.catalogue.pk
        self.suppliers_seen = {}
        self.units = _by_uuid(
            _owned(OrgUnit, municipality, external_uuid__isnull=False), "external_uuid"
        )

    @cached_property
    def suppliers(self) -> dict[str, Supplier]:
        return _by_uuid(_owned(Supplier, self.catalogue, kitos_uuid__isnull=False))

    @cached_property
    def systems(self) -> dict[str, ItSystem]:
        return _by_uuid(_owned(ItSystem, self.catalogue, kitos_uuid__isnull=False))

    @cached_property
    def usages(self) -> dict[str, SystemUsage]:
        usages = _by_uuid(_owned(SystemUsage, self.municipality, kitos_uuid__isnull=False))
        # Its name is its system's when it has no local name.
        systems = {system.pk: system for system in self.systems.values()}
        missing = {u.system_id for u in usages.values()} - systems.keys()
        systems.update(ItSystem._base_manager.in_bulk(missing))
        for usage in usages.values():
            usage.system = systems[usage.system_id]
        return usages

    @cached_property
    def contracts(self) -> dict[str, Contract]:
        return _by_uuid(_owned(Contract, self.municipality, kitos_uuid__isnull=False))

    @cached_property
    def registrations(self) -> dict[str, DataProcessingRegistration]:
        return _by_uuid(
            _owned(DataProcessingRegistration, self.municipality, kitos_uuid__isnull=False)
        )

    @cached_property
    def roles(self) -> RoleSync:
        return RoleSync(self.municipality, self.writer)

    # --- Lookup ------------------------------------------------------------------------

    def unit(self, ref: Ref | None) -> OrgUnit | None:
        return None if ref is None else self.units.get(ref.uuid)

    def usage(self, ref: Ref | None) -> SystemUsage | None:
        return None if ref is None else self.usages.get(ref.uuid)

    def contract(self, ref: Ref | None) -> Contract | None:
        return None if ref is None else self.contracts.get(ref.uuid)

    # --- the run -----------------------------------------------------------------------

    def run(self, fetched: Fetched) -> None:
        self.org_units(fetched.units)
        self.it_systems(fetched.systems)
        usages = self.each(USAGE, fetched.usages, parse_usage, self.write_usage)
        contracts = self.each(CONTRACT, fetched.contracts, parse_contract, self.write_contract)
        self.contract_parents(contracts)
        registrations = self.each(
            REGISTRATION, fetched.registrations, parse_data_processing, self.write_registration
        )
        # A row the database refused at its insert is no record written.
        usages = [r for r in usages if self.usages[r.uuid].pk is not None]
        contracts = [r for r in contracts if self.contracts[r.uuid].pk is not None]
        registrations = [r for r in registrations if self.registrations[r.uuid].pk is not None]
        sources = [
            Source(
                r.uuid, r.local_name or r.system.name, r.roles, (("usage", self.usages[r.uuid]),)
            )
            for r in usages
        ]
        sources += [
            Source(r.uuid, r.name, r.roles, (("contract", self.contracts[r.uuid]),))
            for r in contracts
        ]
        sources += [
            Source(r.uuid, r.name, r.roles, tuple(("usage", u) for u in self._usages_of(r)))
            for r in registrations
        ]
        if sources:
            self.roles.apply(sources)
        self.writer.flush()
        self.removals(fetched.deleted)
        self.writer.flush()

    def _usages_of(self, record: Any) -> list[SystemUsage]:
        return [self.usages[ref.uuid] for ref in record.system_usages if ref.uuid in self.usages]

    def each(
        self,
        kind: str,
        raws: list[dict],
        parse: Callable[[Any], Any],
        write: Callable[[Any], Any],
    ) -> list[Any]:
        """Parse and write every record of a kind, then insert the new rows; returns the
        records written.

        KITOS's pages may repeat a record that moved while they were read: the last copy
        counts.
        """
        done = []
        for raw in last_copies(raws):
            try:
                record = parse(raw)
            except RecordError as error:
                name = raw.get("name") if isinstance(raw, dict) else None
                self.writer.problem(kind, error.uuid, str(name or ""), error.message)
                continue
            if write(record) is not FAILED:
                done.append(record)
        self.writer.flush()
        return done

    # --- usages, contracts, registrations ----------------------------------------------

    def write_usage(self, record: Any) -> Any:
        if not self.ensure_system(record.system):
            self.writer.problem(USAGE, record.uuid, record.system.name, _("Its IT system failed."))
            return FAILED
        current = self.usages.get(record.uuid)
        name = record.local_name or record.system.name

        def write() -> SystemUsage:
            mapped = mapping.usage_fields(record, self)
            return self.writer.save(
                USAGE,
                record.uuid,
                current,
                lambda: SystemUsage(
                    municipality=self.municipality, kitos_uuid=as_uuid(record.uuid)
                ),
                mapped.fields,
                mapped.relations,
                self._current(SystemUsage, current, ("using_units",)),
                defer=True,
            )

        usage = self.writer.attempt(USAGE, record.uuid, name, write)
        if usage is not FAILED:
            self.usages[record.uuid] = usage
        return usage

    def write_contract(self, record: Any) -> Any:
        if not self.ensure_supplier(record.supplier):
            self.writer.problem(CONTRACT, record.uuid, record.name, _("Its supplier failed."))
            return FAILED
        current = self.contracts.get(record.uuid)
        # The owner is Styrbord's own field, filled from KITOS's contract owner role while
        # empty; set here, a new contract is inserted with it instead of updated after.
        owner = None
        if current is None or current.owner_id is None:
            owner = self.roles.contract_owner(record.roles)

        def write() -> Contract:
            mapped = mapping.contract_fields(record, self)
            fields = mapped.fields
            if current is None or current.concluded_on is None:
                # Styrbord's own field, filled from KITOS only while empty.
                fields = {**fields, "concluded_on": record.concluded}
            if owner is not None:
                fields = {**fields, "owner": owner}
            contract = self.writer.save(
                CONTRACT,
                record.uuid,
                current,
                lambda: Contract(municipality=self.municipality, kitos_uuid=as_uuid(record.uuid)),
                fields,
                mapped.relations,
                self._current(Contract, current, ("usages",)),
                defer=True,
            )
            self.write_costs(record, contract)
            return contract

        contract = self.writer.attempt(CONTRACT, record.uuid, record.name, write)
        if contract is not FAILED:
            self.contracts[record.uuid] = contract
        return contract

    def write_costs(self, record: Any, contract: Contract) -> None:
        """KITOS's payments as this year's cost rows, one per paying unit."""
        year = self.writer.now.year
        if "_costs" not in self.__dict__:
            self._costs: dict[int, dict[int | None, ContractCost]] = defaultdict(dict)
            for cost in ContractCost._base_manager.filter(
                municipality=self.municipality, year=year
            ):
                self._costs[cost.contract_id][cost.org_unit_id] = cost
        existing = self._costs.get(contract.pk, {}) if contract.pk is not None else {}
        for cost in existing.values():
            cost.contract = contract  # the run's own object, not a query or join per cost
        for unit, amounts in mapping.contract_costs(record, self).items():
            cost = existing.get(unit.pk if unit else None)
            self.writer.save(
                COST,
                record.uuid,
                cost,
                lambda unit=unit: ContractCost(
                    municipality=self.municipality, contract=contract, year=year, org_unit=unit
                ),
                amounts,
                stamp=False,
                defer=True,
            )

    def contract_parents(self, records: list[Any]) -> None:
        for record in records:
            contract = self.contracts[record.uuid]
            parent = self.contract(record.parent_contract)
            if contract.pk is None or (parent is None and contract.parent_id is None):
                continue
            self.writer.attempt(
                CONTRACT,
                record.uuid,
                record.name,
                lambda contract=contract, parent=parent, uuid=record.uuid: self.writer.save(
                    CONTRACT, uuid, contract, lambda: contract, {"parent": parent}, count=False
                ),
            )

    def write_registration(self, record: Any) -> Any:
        organisations = [*record.processors, *(sub.organization for sub in record.sub_processors)]
        if not all(self.ensure_supplier(org) for org in organisations):
            self.writer.problem(REGISTRATION, record.uuid, record.name, _("A processor failed."))
            return FAILED
        current = self.registrations.get(record.uuid)

        def write() -> DataProcessingRegistration:
            mapped = mapping.registration_fields(record, self)
            registration = self.writer.save(
                REGISTRATION,
                record.uuid,
                current,
                lambda: DataProcessingRegistration(
                    municipality=self.municipality, kitos_uuid=as_uuid(record.uuid)
                ),
                mapped.fields,
                mapped.relations,
                self._current(
                    DataProcessingRegistration,
                    current,
                    ("processors", "sub_processors", "usages", "contracts"),
                ),
                defer=True,
            )
            self.write_oversights(record, registration)
            return registration

        registration = self.writer.attempt(REGISTRATION, record.uuid, record.name, write)
        if registration is not FAILED:
            self.registrations[record.uuid] = registration
        return registration

    def write_oversights(self, record: Any, registration: DataProcessingRegistration) -> None:
        """KITOS's oversight dates as oversight rows; rows recorded only here are kept."""
        if "_oversights" not in self.__dict__:
            self._oversights: dict[int, dict[datetime.date, Oversight]] = defaultdict(dict)
            for oversight in Oversight._base_manager.filter(municipality=self.municipality):
                self._oversights[oversight.registration_id][oversight.done_on] = oversight
        existing = self._oversights.get(registration.pk, {}) if registration.pk is not None else {}
        for oversight in existing.values():
            oversight.registration = registration  # the run's own object, as for costs
        for done in record.oversight_dates:
            self.writer.save(
                OVERSIGHT,
                record.uuid,
                existing.get(done.completed_at),
                lambda done=done: Oversight(
                    municipality=self.municipality,
                    registration=registration,
                    done_on=done.completed_at,
                ),
                {"remark": done.remark or ""},
                stamp=False,
                defer=True,
            )

    def _current(
        self, model: type, obj: Any, fields: tuple[str, ...]
    ) -> dict[str, set[int]] | None:
        """What ``obj``'s relations hold now, read in bulk the first time a kind needs it."""
        if obj is None:
            return None
        cache = self.__dict__.setdefault("_relations", {})
        result = {}
        for field in fields:
            key = (model, field)
            if key not in cache:
                cache[key] = relation_ids(model, field, municipality=self.municipality)
            result[field] = cache[key].get(obj.pk, set())
        return result


__all__ = [
    "KINDS",
    "Fetched",
    "Sync",
    "client_from_settings",
    "fetch",
    "is_configured",
    "last_success",
    "synchronise",
]
