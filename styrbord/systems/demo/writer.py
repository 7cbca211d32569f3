"""How the IT-system demo writes: through the services with no actor, each piece skipped
when its natural key exists, so that a second load changes nothing.

The keys: a supplier or system by owner and name, a usage by its local id, a role by
role, person and usage, a contract, registration or incident by its name or description,
a cost by contract and year, an oversight by registration and date.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django_scopes import scopes_disabled

from styrbord.core.models import Municipality, OrgUnit, Person
from styrbord.portfolio.models import Project
from styrbord.systems.models import (
    Contract,
    ContractCost,
    DataProcessingRegistration,
    ItSystem,
    Oversight,
    Role,
    RoleAssignment,
    SecurityIncident,
    Supplier,
    SystemUsage,
)
from styrbord.systems.services import catalogue, contracts, data_protection, roles, usages


def supplier(owner: Municipality, name: str) -> Supplier:
    """The supplier of this name, the municipality's own or the catalogue's."""
    with scopes_disabled():
        found = Supplier.objects.filter(municipality=owner, name=name).first()
        if found is None:
            found = Supplier.objects.filter(municipality__is_catalogue=True, name=name).first()
    return found or catalogue.create_supplier(owner, actor=None, name=name)


def system(owner: Municipality, name: str, **fields: Any) -> ItSystem:
    with scopes_disabled():
        found = ItSystem.objects.filter(municipality=owner, name=name).first()
    return found or catalogue.create_system(owner, actor=None, name=name, **fields)


def catalogue_system(name: str) -> ItSystem:
    with scopes_disabled():
        return ItSystem.objects.get(municipality__is_catalogue=True, name=name)


@dataclass
class UsageSpec:
    local_id: str
    system: str
    fields: dict[str, Any]
    unit: str | None = None
    # (role key, person name)
    roles: tuple[tuple[str, str], ...] = ()
    projects: tuple[str, ...] = ()
    # A system of the municipality's own (not in the catalogue), with its supplier.
    own_supplier: str | None = None
    description: str = ""


@dataclass
class ContractSpec:
    name: str
    supplier: str
    owner: str | None
    fields: dict[str, Any]
    usages: tuple[str, ...] = ()  # local ids
    parent: str | None = None
    # (year, running, acquisition)
    costs: tuple[tuple[int, int, int], ...] = ()


@dataclass
class RegistrationSpec:
    name: str
    processors: tuple[str, ...]
    fields: dict[str, Any]
    usages: tuple[str, ...] = ()
    contracts: tuple[str, ...] = ()
    sub_processors: tuple[str, ...] = ()
    oversights: tuple[tuple[datetime.date, str], ...] = ()
    unit: str | None = None


@dataclass
class IncidentSpec:
    description: str
    usage: str | None
    fields: dict[str, Any] = field(default_factory=dict)


def _person(name: str) -> Person:
    return Person.objects.get(name=name)


def _unit(name: str | None) -> OrgUnit | None:
    return OrgUnit.objects.get(name=name) if name else None


def usage(municipality: Municipality, spec: UsageSpec) -> SystemUsage:
    found = SystemUsage.objects.filter(local_id=spec.local_id).first()
    if found is not None:
        return found
    if spec.own_supplier is not None:
        target = system(
            municipality,
            spec.system,
            supplier=supplier(municipality, spec.own_supplier),
            description=spec.description,
        )
    else:
        target = catalogue_system(spec.system)
    created = usages.create_usage(
        municipality,
        actor=None,
        system=target,
        local_id=spec.local_id,
        responsible_unit=_unit(spec.unit),
        **spec.fields,
    )
    for key, name in spec.roles:
        role(municipality, key, name, usage=created)
    linked = list(Project.objects.filter(name__in=spec.projects))
    if linked:
        usages.set_projects(created, linked, actor=None)
    return created


def role(municipality: Municipality, key: str, person: str, **target: Any) -> None:
    with scopes_disabled():
        found = Role.objects.get(municipality__is_catalogue=True, key=key)
    holder = _person(person)
    if not RoleAssignment.objects.filter(role=found, person=holder, **target).exists():
        roles.assign_role(municipality, actor=None, role=found, person=holder, **target)


def contract(municipality: Municipality, spec: ContractSpec) -> Contract:
    found = Contract.objects.filter(name=spec.name).first()
    if found is None:
        found = contracts.create_contract(
            municipality,
            actor=None,
            name=spec.name,
            supplier=supplier(municipality, spec.supplier),
            owner=_person(spec.owner) if spec.owner else None,
            parent=Contract.objects.get(name=spec.parent) if spec.parent else None,
            **spec.fields,
        )
        covered = SystemUsage.objects.filter(local_id__in=spec.usages)
        if covered:
            contracts.set_usages(found, covered, actor=None)
    for year, running, acquisition in spec.costs:
        if not ContractCost.objects.filter(contract=found, year=year).exists():
            contracts.add_cost(
                found,
                actor=None,
                year=year,
                running=Decimal(running),
                acquisition=Decimal(acquisition),
            )
    return found


def registration(municipality: Municipality, spec: RegistrationSpec) -> None:
    found = DataProcessingRegistration.objects.filter(name=spec.name).first()
    if found is None:
        found = data_protection.create_registration(
            municipality,
            actor=None,
            name=spec.name,
            responsible_unit=_unit(spec.unit),
            **spec.fields,
        )
        relations = {
            "processors": [supplier(municipality, name) for name in spec.processors],
            "sub_processors": [supplier(municipality, name) for name in spec.sub_processors],
            "usages": list(SystemUsage.objects.filter(local_id__in=spec.usages)),
            "contracts": list(Contract.objects.filter(name__in=spec.contracts)),
        }
        for relation, values in relations.items():
            if values:
                data_protection.set_registration_relation(found, relation, values, actor=None)
    for done_on, remark in spec.oversights:
        if not Oversight.objects.filter(registration=found, done_on=done_on).exists():
            data_protection.record_oversight(found, actor=None, done_on=done_on, remark=remark)


def incident(municipality: Municipality, spec: IncidentSpec) -> None:
    if SecurityIncident.objects.filter(description=spec.description).exists():
        return
    data_protection.report_incident(
        municipality,
        actor=None,
        description=spec.description,
        usage=SystemUsage.objects.get(local_id=spec.usage) if spec.usage else None,
        **spec.fields,
    )
