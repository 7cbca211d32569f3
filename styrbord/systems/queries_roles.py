"""Reads for the role pages and panels: the roles with their holders, assignments by
target and by person, and the usages that lack a required role."""

import datetime

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from styrbord.core.models import OrgUnit, Person
from styrbord.systems.models import Contract, Lifecycle, Role, RoleAssignment, SystemUsage
from styrbord.systems.role_catalogue import REQUIRED_ON_USAGE

# A usage that is retired or not in use needs nobody to answer for it.
NOT_KEPT = (Lifecycle.RETIRED, Lifecycle.NOT_IN_USE)


def current(on: datetime.date | None = None) -> Q:
    """Assignments held on ``on`` (today): started, not ended."""
    on = on or timezone.localdate()
    return (Q(starts_on__isnull=True) | Q(starts_on__lte=on)) & (
        Q(ends_on__isnull=True) | Q(ends_on__gte=on)
    )


def _not_ended() -> Q:
    return Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate())


def _with_targets(queryset: QuerySet[RoleAssignment]) -> QuerySet[RoleAssignment]:
    return queryset.select_related("role", "person", "usage__system", "contract", "org_unit")


def roles() -> QuerySet[Role]:
    """The catalogue's roles and the municipality's own, each with its current holders
    in this municipality counted (the assignments are scoped, the roles shared)."""
    holders = (
        RoleAssignment.objects.filter(current(), role=OuterRef("pk"))
        .order_by()
        .values("role")
        .annotate(count=Count("person", distinct=True))
        .values("count")
    )
    return Role.shared.select_related("municipality").annotate(
        holder_count=Coalesce(Subquery(holders, output_field=IntegerField()), Value(0))
    )


def roles_for(kind: str) -> QuerySet[Role]:
    """The roles held on ``kind`` (usage, contract, org_unit, municipality). The list is
    short (the catalogue and a few own roles) and SQLite cannot search JSON lists, so the
    roles are picked in Python and returned as a queryset for a form's choices."""
    picked = [
        pk for pk, applies_to in Role.shared.values_list("pk", "applies_to") if kind in applies_to
    ]
    return Role.shared.filter(pk__in=picked)


def holders_of(role: Role) -> QuerySet[RoleAssignment]:
    """The current holders of ``role`` in this municipality, with their targets."""
    return _with_targets(RoleAssignment.objects.filter(current(), role=role)).order_by(
        "person__name", "pk"
    )


def assignments_on(
    *,
    usage: SystemUsage | None = None,
    contract: Contract | None = None,
    org_unit: OrgUnit | None = None,
) -> QuerySet[RoleAssignment]:
    """The assignments on one target that have not ended (current and planned); none
    named means the municipality as a whole."""
    return _with_targets(
        RoleAssignment.objects.filter(usage=usage, contract=contract, org_unit=org_unit).filter(
            _not_ended()
        )
    ).order_by("role__name", "person__name", "pk")


def assignments_of(person: Person) -> QuerySet[RoleAssignment]:
    """The person's assignments that have not ended (current and planned)."""
    return _with_targets(
        RoleAssignment.objects.filter(person=person).filter(_not_ended())
    ).order_by("role__name", "pk")


def required_roles(required: tuple[str, ...] = REQUIRED_ON_USAGE) -> list[Role]:
    """The catalogue roles a usage must have someone in, in the order given."""
    found = {
        role.key: role
        for role in Role.shared.filter(key__in=required, municipality__is_catalogue=True)
    }
    return [found[key] for key in required if key in found]


def _lacks(key: str) -> str:
    return f"lacks_{key}"


def usages_missing_roles(
    required: tuple[str, ...] = REQUIRED_ON_USAGE, on: datetime.date | None = None
) -> QuerySet[SystemUsage]:
    """Usages in use (or undecided) where nobody currently holds one of the ``required``
    roles. Each row has a boolean ``lacks_<key>`` per required role; ``missing_of`` turns
    them into the roles."""
    annotations = {
        _lacks(key): ~Exists(
            RoleAssignment.objects.filter(current(on), usage=OuterRef("pk"), role__key=key)
        )
        for key in required
    }
    lacking = Q()
    for key in required:
        lacking |= Q(**{_lacks(key): True})
    return (
        SystemUsage.objects.exclude(lifecycle__in=NOT_KEPT)
        .select_related("system", "responsible_unit")
        .annotate(**annotations)
        .filter(lacking)
        .order_by("system__name", "local_name", "pk")
    )


def missing_of(usage: SystemUsage, roles: list[Role]) -> list[Role]:
    """Which of ``roles`` (from ``required_roles``) ``usage`` lacks. A usage read without
    the annotations is looked up, so a single usage's page can ask too."""
    if all(hasattr(usage, _lacks(role.key)) for role in roles):
        return [role for role in roles if getattr(usage, _lacks(role.key))]
    held = set(
        RoleAssignment.objects.filter(current(), usage=usage).values_list("role__key", flat=True)
    )
    return [role for role in roles if role.key not in held]
