"""Writes to the organisation: org units and persons."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from styrbord.core.models import Municipality, OrgUnit, Person, User
from styrbord.core.services import changes

ORG_UNIT_FIELDS = {"name", "kind", "short_name", "email", "external_uuid"}
PERSON_FIELDS = {"name", "title", "email", "phone", "org_unit", "user", "is_active", "is_manager"}


def _only(data: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    return data


def _check_parent(unit: OrgUnit | None, parent: OrgUnit | None, municipality: Municipality) -> None:
    if parent is None:
        return
    if parent.municipality_id != municipality.pk:
        raise ValidationError({"parent": _("The parent unit belongs to another municipality.")})
    if parent.closed_on is not None:
        raise ValidationError({"parent": _("A unit cannot be placed under a closed unit.")})
    if unit is not None and unit.pk is not None:
        ancestor = parent
        while ancestor is not None:
            if ancestor.pk == unit.pk:
                raise ValidationError(
                    {"parent": _("A unit cannot be placed under itself or one of its own units.")}
                )
            ancestor = ancestor.parent


def create_org_unit(
    *, municipality: Municipality, actor: User | None, parent: OrgUnit | None = None, **data: Any
) -> OrgUnit:
    _check_parent(None, parent, municipality)
    unit = OrgUnit(municipality=municipality, parent=parent, **_only(data, ORG_UNIT_FIELDS))
    return changes.create(unit, actor=actor)


def update_org_unit(
    unit: OrgUnit, *, actor: User | None, expected_version: int, **data: Any
) -> OrgUnit:
    return changes.update(
        unit, actor=actor, expected_version=expected_version, changes=_only(data, ORG_UNIT_FIELDS)
    )


def move_org_unit(
    unit: OrgUnit, *, actor: User | None, expected_version: int, parent: OrgUnit | None
) -> OrgUnit:
    """Place ``unit`` (with everything under it) under ``parent``; None makes it a top unit."""
    _check_parent(unit, parent, unit.municipality)
    return changes.update(
        unit, actor=actor, expected_version=expected_version, changes={"parent": parent}
    )


def close_org_unit(
    unit: OrgUnit, *, actor: User | None, expected_version: int, closed_on: datetime.date
) -> OrgUnit:
    """Close ``unit`` from ``closed_on``. Units under it must be closed or moved first."""
    if unit.closed_on is not None:
        raise ValidationError({"closed_on": _("The unit is already closed.")})
    if OrgUnit.objects.filter(parent=unit, closed_on__isnull=True).exists():
        raise ValidationError(
            {"closed_on": _("Close or move the open units under this unit first.")}
        )
    return changes.update(
        unit, actor=actor, expected_version=expected_version, changes={"closed_on": closed_on}
    )


def reopen_org_unit(unit: OrgUnit, *, actor: User | None, expected_version: int) -> OrgUnit:
    if unit.parent is not None and unit.parent.closed_on is not None:
        raise ValidationError({"closed_on": _("Reopen the parent unit first.")})
    return changes.update(
        unit, actor=actor, expected_version=expected_version, changes={"closed_on": None}
    )


def create_person(*, municipality: Municipality, actor: User | None, **data: Any) -> Person:
    person = Person(municipality=municipality, **_only(data, PERSON_FIELDS))
    return changes.create(person, actor=actor)


def update_person(
    person: Person, *, actor: User | None, expected_version: int, **data: Any
) -> Person:
    return changes.update(
        person, actor=actor, expected_version=expected_version, changes=_only(data, PERSON_FIELDS)
    )
