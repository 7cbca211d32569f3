"""The IT-system portfolio on top of the portfolio world, for the browser tests.

Norddjurs keeps three local systems in use: the journal system, owned by the demo
editor, with fit scores, a data-processing registration whose oversight is overdue and
a contract (owned by her) whose decision deadline is ten days away; the booking system,
which has every gap the compliance overview lists (no owner, personal data without a
registration, no risk assessment, no DPIA, accessibility unchecked) and an open
personal-data breach; and the archive, covered by a second contract near its decision
deadline whose owner is somebody else. The role catalogue is loaded again, because the
live server's flush removed the rows its migration made.
"""

import datetime
import importlib
from dataclasses import dataclass

from django.apps import apps as django_apps
from django.utils import timezone
from django_scopes import scope

from styrbord.core.dates import add_months
from styrbord.core.models import Person
from styrbord.systems.models import (
    Answer,
    Contract,
    DataProcessingRegistration,
    Hosting,
    ItSystem,
    Lifecycle,
    Role,
    RoleAssignment,
    SecurityIncident,
    Severity,
    SystemUsage,
)
from styrbord.systems.services import catalogue, contracts, data_protection, roles, usages
from tests.browser.portfolio_world import PortfolioWorld

DAY = datetime.timedelta(days=1)


@dataclass
class SystemsWorld:
    owner: Person  # the demo editor's person
    other: Person  # somebody else in the municipality
    system: ItSystem
    journal: SystemUsage  # owned, fit scores, registration, contract
    booking: SystemUsage  # every gap, an open breach
    archive: SystemUsage
    contract: Contract  # owned by the editor, decision deadline in ten days
    other_contract: Contract  # owned by somebody else, decision deadline in ten days
    registration: DataProcessingRegistration
    incident: SecurityIncident
    assignment: RoleAssignment
    role: Role  # the catalogue's system and data owner
    local_role: Role  # Norddjurs' own
    cost: object
    oversight: object


def load_role_catalogue() -> None:
    migration = importlib.import_module("styrbord.systems.migrations.0002_role_catalogue")
    migration.load(django_apps, None)


def build(world, pw: PortfolioWorld) -> SystemsWorld:
    load_role_catalogue()
    municipality = world.norddjurs
    today = timezone.localdate()
    with scope(municipality=municipality):
        owner = Person.objects.filter(user=world.editor).first()
        other = Person.objects.exclude(pk=owner.pk).filter(org_unit=world.unit).first()
        supplier = catalogue.create_supplier(
            municipality, actor=None, name="Nordisk Journal A/S", cvr="12345678"
        )
        system = catalogue.create_system(
            municipality, actor=None, name="Nordjournal", supplier=supplier
        )
        booking_system = catalogue.create_system(
            municipality, actor=None, name="Bookingportalen", supplier=supplier
        )
        archive_system = catalogue.create_system(municipality, actor=None, name="Arkivbasen")
        journal = usages.create_usage(
            municipality,
            actor=None,
            using_units=[world.unit],
            system=system,
            local_name="Nordjournal i IT og Digitalisering",
            lifecycle=Lifecycle.OPERATIONAL,
            responsible_unit=world.unit,
            hosting=Hosting.SAAS,
            business_critical=Answer.YES,
            functional_fit=3,
            technical_fit=2,
            data_ordinary=True,
            risk_assessment_done=Answer.YES,
            risk_assessed_on=today - 30 * DAY,
            accessibility_checked_on=today - 60 * DAY,
            valid_from=today - 400 * DAY,
        )
        booking = usages.create_usage(
            municipality,
            actor=None,
            system=booking_system,
            lifecycle=Lifecycle.OPERATIONAL,
            responsible_unit=world.unit,
            data_sensitive=True,
            functional_fit=1,
            technical_fit=4,
        )
        archive = usages.create_usage(
            municipality,
            actor=None,
            system=archive_system,
            lifecycle=Lifecycle.PHASING_OUT,
            responsible_unit=world.top_unit,
            valid_to=today + 300 * DAY,
        )
        role = Role.shared.get(key="system_data_owner")
        assignment = roles.assign_role(
            municipality, actor=None, role=role, person=owner, usage=journal
        )
        roles.assign_role(
            municipality,
            actor=None,
            role=Role.shared.get(key="it_contact"),
            person=other,
            usage=journal,
        )
        roles.assign_role(municipality, actor=None, role=role, person=other, usage=archive)
        # Three months' notice on a contract that ends three months and ten days from now:
        # the last notice day, and with no lead time the decision, are ten days away.
        expires = add_months(today, 3) + 10 * DAY
        contract = contracts.create_contract(
            municipality,
            actor=None,
            name="Driftsaftale Nordjournal",
            supplier=supplier,
            owner=owner,
            starts_on=today - 700 * DAY,
            expires_on=expires,
            notice_months=3,
            decision_lead_months=0,
        )
        contracts.set_usages(contract, [journal], actor=None)
        cost = contracts.add_cost(contract, actor=None, year=today.year, running=120_000)
        other_contract = contracts.create_contract(
            municipality,
            actor=None,
            name="Licensaftale Arkivbasen",
            owner=other,
            starts_on=today - 700 * DAY,
            expires_on=expires,
            notice_months=3,
            decision_lead_months=0,
        )
        contracts.set_usages(other_contract, [archive], actor=None)
        registration = data_protection.create_registration(
            municipality,
            actor=None,
            name="Databehandleraftale Nordjournal",
            agreement_concluded="yes",
            agreement_on=today - 500 * DAY,
            oversight_interval_months=12,
            responsible_unit=world.unit,
        )
        data_protection.set_registration_relation(registration, "usages", [journal], actor=None)
        data_protection.set_registration_relation(
            registration, "processors", [supplier], actor=None
        )
        oversight = data_protection.record_oversight(
            registration, actor=None, done_on=today - 400 * DAY, remark="ISAE 3000-erklæring"
        )
        local_role = roles.create_role(
            municipality,
            actor=None,
            name="Nøglebruger for booking",
            responsibilities="Svarer på spørgsmål om bookingportalen",
            applies_to=["usage"],
        )
        incident = data_protection.report_incident(
            municipality,
            actor=None,
            usage=booking,
            detected_at=timezone.now() - datetime.timedelta(hours=20),
            description="En medarbejder sendte en borgers bookinger til en forkert modtager.",
            severity=Severity.HIGH,
            personal_data_breach=True,
        )
    return SystemsWorld(
        owner=owner,
        other=other,
        system=system,
        journal=journal,
        booking=booking,
        archive=archive,
        contract=contract,
        other_contract=other_contract,
        registration=registration,
        incident=incident,
        assignment=assignment,
        role=role,
        local_role=local_role,
        cost=cost,
        oversight=oversight,
    )
