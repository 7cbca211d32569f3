"""Reads for the core pages and API, with what each page needs fetched up front."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django_scopes import scopes_disabled

from styrbord.core.models import (
    AccessLogEntry,
    ApiToken,
    ChangeLogEntry,
    Membership,
    Municipality,
    OrgUnit,
    Person,
    SiteText,
    User,
)


def municipalities_of(user: User) -> list[Municipality]:
    """The municipalities a user can switch between (all of them for a superuser)."""
    if user.is_superuser:
        return list(Municipality.objects.filter(is_catalogue=False).order_by("name"))
    with scopes_disabled():
        return [
            membership.municipality
            for membership in Membership.objects.filter(user=user)
            .select_related("municipality")
            .order_by("municipality__name")
        ]


def org_units() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.select_related("parent").annotate(
        person_count=models.Count("persons", filter=models.Q(persons__is_active=True))
    )


@dataclass
class TreeNode:
    unit: OrgUnit
    depth: int
    children: list["TreeNode"] = field(default_factory=list)


def org_unit_tree(include_closed: bool = False) -> list[TreeNode]:
    """The whole tree as a flat, depth-first list of nodes — one query.

    A municipality has tens of units, not thousands, so the tree is assembled in Python.
    """
    units = list(org_units().order_by("name"))
    if not include_closed:
        units = [unit for unit in units if unit.closed_on is None]
    by_parent: dict[int | None, list[OrgUnit]] = {}
    known = {unit.pk for unit in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in known else None
        by_parent.setdefault(parent, []).append(unit)

    flat: list[TreeNode] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in by_parent.get(parent_id, []):
            flat.append(TreeNode(unit=unit, depth=depth))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return flat


def ancestors(unit: OrgUnit) -> list[OrgUnit]:
    """The chain of parents from the top unit down to ``unit``'s parent."""
    by_id = {u.pk: u for u in OrgUnit.objects.only("pk", "name", "parent_id")}
    chain = []
    parent_id = unit.parent_id
    while parent_id is not None and parent_id in by_id:
        chain.append(by_id[parent_id])
        parent_id = by_id[parent_id].parent_id
    return list(reversed(chain))


def persons() -> QuerySet[Person]:
    return Person.objects.select_related("org_unit", "user")


def memberships() -> QuerySet[Membership]:
    return Membership.objects.select_related("user")


def api_tokens(user: User, municipality: Municipality) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user, municipality=municipality)


def change_log() -> QuerySet[ChangeLogEntry]:
    return ChangeLogEntry.objects.select_related("actor", "content_type")


def access_log() -> QuerySet[AccessLogEntry]:
    return AccessLogEntry.objects.select_related("user")


def history_of(obj: models.Model) -> QuerySet[ChangeLogEntry]:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return change_log().filter(content_type=content_type, object_id=str(obj.pk))


def accessibility_statement() -> SiteText:
    return SiteText.objects.get(key=SiteText.ACCESSIBILITY_STATEMENT)
