"""Writing data-processing registrations, their oversight, and security incidents."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django_scopes import scopes_disabled

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.systems import policy
from styrbord.systems.models import (
    DataProcessingRegistration,
    Oversight,
    SecurityIncident,
)
from styrbord.systems.services._common import (
    changed_fields,
    refuse_mastered,
    require,
    set_relation,
)

REGISTRATION_FIELDS = {
    "name",
    "third_country_transfer",
    "transfer_basis",
    "agreement_concluded",
    "agreement_on",
    "oversight_method",
    "oversight_interval_months",
    "responsible_unit",
}

# Relations and whether they may hold catalogue rows (suppliers may).
REGISTRATION_RELATIONS = {
    "processors": True,
    "sub_processors": True,
    "usages": False,
    "contracts": False,
}

INCIDENT_FIELDS = {
    "usage",
    "detected_at",
    "description",
    "severity",
    "personal_data_breach",
    "notified_at",
    "measures",
    "closed_at",
}


@transaction.atomic
def create_registration(
    municipality: Municipality, *, actor: User | None, **fields: Any
) -> DataProcessingRegistration:
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    registration = DataProcessingRegistration(
        municipality=municipality, **only(fields, REGISTRATION_FIELDS)
    )
    return changes.create(registration, actor=actor)


@transaction.atomic
def update_registration(
    registration: DataProcessingRegistration,
    *,
    actor: User | None,
    expected_version: int,
    **fields: Any,
) -> DataProcessingRegistration:
    if actor is not None:
        require(policy.can_edit(actor, registration.municipality))
    fields = only(fields, REGISTRATION_FIELDS)
    refuse_mastered(registration, changed_fields(registration, fields), actor=actor)
    return changes.update(
        registration, actor=actor, expected_version=expected_version, changes=fields
    )


@transaction.atomic
def set_registration_relation(
    registration: DataProcessingRegistration,
    field: str,
    values: Iterable[Any],
    *,
    actor: User | None,
) -> None:
    """Set ``processors``, ``sub_processors``, ``usages`` or ``contracts``."""
    catalogue_allowed = REGISTRATION_RELATIONS[field]
    values = list(values)
    if actor is not None:
        require(policy.can_edit(actor, registration.municipality))
        # Catalogue suppliers are outside the scoped related manager's view.
        with scopes_disabled():
            current = set(getattr(registration, field).all())
        if set(values) != current:
            refuse_mastered(registration, {field}, actor=actor)
    set_relation(registration, field, values, actor=actor, catalogue_allowed=catalogue_allowed)


@transaction.atomic
def delete_registration(registration: DataProcessingRegistration, *, actor: User) -> None:
    require(policy.can_edit(actor, registration.municipality))
    changes.delete(registration, actor=actor)


@transaction.atomic
def record_oversight(
    registration: DataProcessingRegistration,
    *,
    actor: User | None,
    done_on: Any,
    remark: str = "",
) -> Oversight:
    if actor is not None:
        require(policy.can_edit(actor, registration.municipality))
    oversight = Oversight(
        municipality=registration.municipality,
        registration=registration,
        done_on=done_on,
        remark=remark,
    )
    return changes.create(oversight, actor=actor)


@transaction.atomic
def delete_oversight(oversight: Oversight, *, actor: User) -> None:
    require(policy.can_edit(actor, oversight.municipality))
    changes.delete(oversight, actor=actor)


@transaction.atomic
def report_incident(
    municipality: Municipality, *, actor: User | None, **fields: Any
) -> SecurityIncident:
    if actor is not None:
        require(policy.can_report_incident(actor, municipality))
    incident = SecurityIncident(municipality=municipality, **only(fields, INCIDENT_FIELDS))
    return changes.create(incident, actor=actor)


@transaction.atomic
def update_incident(
    incident: SecurityIncident, *, actor: User | None, expected_version: int, **fields: Any
) -> SecurityIncident:
    if actor is not None:
        require(policy.can_edit(actor, incident.municipality))
    return changes.update(
        incident,
        actor=actor,
        expected_version=expected_version,
        changes=only(fields, INCIDENT_FIELDS),
    )


@transaction.atomic
def delete_incident(incident: SecurityIncident, *, actor: User) -> None:
    require(policy.can_edit(actor, incident.municipality))
    changes.delete(incident, actor=actor)
