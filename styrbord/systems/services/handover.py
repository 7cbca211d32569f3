"""Handing over every role of a person who leaves to another person, in one action.

The preview and the action share one plan, so what the preview lists is what is done.
An assignment that has started before the handover day ends the day before it and the
successor gets the same role on the same target from that day (keeping a planned end);
one that starts on or after the day simply changes person, since the leaver never held it.
If the successor already holds the same role on the same target on that day, the leaver's
assignment only ends (or, not yet started, is removed): a second assignment of the same
role to the same person would be a duplicate, not a handover.
Contracts the person owns (Styrbord's own field) move to the successor unless they were
terminated before the day.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from styrbord.core.models import Person, User
from styrbord.systems import policy
from styrbord.systems.models import Contract, RoleAssignment
from styrbord.systems.services import contracts as contract_services
from styrbord.systems.services import roles as role_services
from styrbord.systems.services._common import require


class Step(StrEnum):
    REASSIGN = "reassign"  # end the leaver's, start the successor's
    MOVE = "move"  # not yet started: change the person
    END = "end"  # the successor already holds it: end the leaver's only
    DROP = "drop"  # not yet started, and the successor already holds it: removed
    OWNER = "owner"  # contract ownership moves


@dataclass(frozen=True)
class HandoverItem:
    step: Step
    assignment: RoleAssignment | None = None
    contract: Contract | None = None


def _held_on(on: datetime.date) -> Q:
    return (Q(starts_on__isnull=True) | Q(starts_on__lte=on)) & (
        Q(ends_on__isnull=True) | Q(ends_on__gte=on)
    )


def _check(person: Person, successor: Person) -> None:
    if successor.municipality_id != person.municipality_id:
        raise ValidationError({"successor": _("Choose one from this municipality.")})
    if successor.pk == person.pk:
        raise ValidationError({"successor": _("Choose someone else than the person leaving.")})
    if not successor.is_active:
        raise ValidationError({"successor": _("Choose an active person.")})


def _plan(person: Person, successor: Person, on: datetime.date) -> list[HandoverItem]:
    assignments = list(
        RoleAssignment.objects.filter(person=person)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("role", "usage__system", "contract", "org_unit")
        .order_by("role__name", "pk")
    )
    # One query for what the successor already holds on the day, matched in Python.
    held = {
        (a.role_id, a.usage_id, a.contract_id, a.org_unit_id)
        for a in RoleAssignment.objects.filter(person=successor).filter(_held_on(on))
    }
    items = []
    for assignment in assignments:
        key = (
            assignment.role_id,
            assignment.usage_id,
            assignment.contract_id,
            assignment.org_unit_id,
        )
        if assignment.starts_on is not None and assignment.starts_on >= on:
            step = Step.DROP if key in held else Step.MOVE
        else:
            step = Step.END if key in held else Step.REASSIGN
        items.append(HandoverItem(step, assignment=assignment))
    contracts = (
        Contract.objects.filter(owner=person)
        .filter(Q(terminated_on__isnull=True) | Q(terminated_on__gte=on))
        .select_related("supplier")
        .order_by("name", "pk")
    )
    items.extend(HandoverItem(Step.OWNER, contract=contract) for contract in contracts)
    return items


def handover_preview(person: Person, successor: Person, *, on: datetime.date) -> list[HandoverItem]:
    """What ``hand_over`` would do, changing nothing."""
    _check(person, successor)
    return _plan(person, successor, on)


@transaction.atomic
def hand_over(person: Person, successor: Person, *, actor: User | None, on: datetime.date) -> int:
    """Hand every current role and owned contract of ``person`` to ``successor`` from
    ``on``; returns how many were handed over. Each write goes through its service and
    is logged; one refusal undoes them all."""
    if actor is not None:
        require(policy.can_edit(actor, person.municipality))
    _check(person, successor)
    items = _plan(person, successor, on)
    day_before = on - datetime.timedelta(days=1)
    for item in items:
        assignment = item.assignment
        if item.step is Step.OWNER:
            contract_services.update_contract(
                item.contract,
                actor=actor,
                expected_version=item.contract.version,
                owner=successor,
            )
        elif item.step is Step.MOVE:
            role_services.update_assignment(
                assignment, actor=actor, expected_version=assignment.version, person=successor
            )
        elif item.step is Step.DROP:
            role_services.remove_assignment(assignment, actor=actor)
        else:
            planned_end = assignment.ends_on
            role_services.update_assignment(
                assignment, actor=actor, expected_version=assignment.version, ends_on=day_before
            )
            if item.step is Step.REASSIGN:
                role_services.assign_role(
                    person.municipality,
                    actor=actor,
                    role=assignment.role,
                    person=successor,
                    usage=assignment.usage,
                    contract=assignment.contract,
                    org_unit=assignment.org_unit,
                    starts_on=on,
                    ends_on=planned_end,
                )
    return len(items)
