"""Editing a project's benefit map."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from styrbord.benefits import policy
from styrbord.benefits.models import Benefit, MapEdge, MapNode, NodeKind
from styrbord.benefits.services._common import require
from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.portfolio.models import Deliverable, Project
from styrbord.strategy.models import FocusArea


@transaction.atomic
def add_node(
    project: Project,
    *,
    actor: User | None,
    kind: str,
    label: str,
    benefit: Benefit | None = None,
    deliverable: Deliverable | None = None,
    focus_area: FocusArea | None = None,
) -> MapNode:
    if actor is not None:
        require(policy.can_edit(actor, project.municipality))
    for name, obj in (("benefit", benefit), ("deliverable", deliverable)):
        if obj is not None and obj.project_id != project.pk:
            raise ValidationError({name: _("Choose one from this project.")})
    if focus_area is not None and not (
        focus_area.municipality_id == project.municipality_id
        or focus_area.municipality.is_catalogue
    ):
        raise ValidationError({"focus_area": _("Choose one from this municipality.")})
    last = MapNode.objects.filter(project=project, kind=kind).aggregate(last=Max("position"))
    return changes.create(
        MapNode(
            municipality=project.municipality,
            project=project,
            kind=kind,
            label=label,
            position=(last["last"] or 0) + 1,
            benefit=benefit,
            deliverable=deliverable,
            focus_area=focus_area,
        ),
        actor=actor,
    )


@transaction.atomic
def rename_node(node: MapNode, *, actor: User, expected_version: int, label: str) -> MapNode:
    require(policy.can_edit(actor, node.municipality))
    return changes.update(
        node, actor=actor, expected_version=expected_version, changes={"label": label}
    )


@transaction.atomic
def delete_node(node: MapNode, *, actor: User) -> None:
    """Remove a node and the arrows to and from it, each logged."""
    require(policy.can_edit(actor, node.municipality))
    for edge in MapEdge.objects.filter(source=node) | MapEdge.objects.filter(target=node):
        changes.delete(edge, actor=actor)
    changes.delete(node, actor=actor)


@transaction.atomic
def add_edge(project: Project, *, actor: User | None, source: MapNode, target: MapNode) -> MapEdge:
    if actor is not None:
        require(policy.can_edit(actor, project.municipality))
    if MapEdge.objects.filter(source=source, target=target).exists():
        raise ValidationError({"target": _("That arrow is already on the map.")})
    return changes.create(
        MapEdge(municipality=project.municipality, project=project, source=source, target=target),
        actor=actor,
    )


@transaction.atomic
def delete_edge(edge: MapEdge, *, actor: User) -> None:
    require(policy.can_edit(actor, edge.municipality))
    changes.delete(edge, actor=actor)


@transaction.atomic
def fill_from_project(project: Project, *, actor: User | None) -> int:
    """Add a node for each of the project's deliverables, benefits and focus areas that the
    map does not show yet, so a map starts from what is already written. Returns how many
    were added."""
    if actor is not None:
        require(policy.can_edit(actor, project.municipality))
    present = MapNode.objects.filter(project=project)
    have = {
        "deliverable": set(present.values_list("deliverable_id", flat=True)),
        "benefit": set(present.values_list("benefit_id", flat=True)),
        "focus_area": set(present.values_list("focus_area_id", flat=True)),
    }
    added = 0
    for deliverable in project.deliverables.order_by("due_on", "title"):
        if deliverable.pk not in have["deliverable"]:
            add_node(
                project,
                actor=actor,
                kind=NodeKind.DELIVERABLE,
                label=deliverable.title[:200],
                deliverable=deliverable,
            )
            added += 1
    for benefit in Benefit.objects.filter(project=project).order_by("title"):
        if benefit.pk not in have["benefit"]:
            add_node(
                project,
                actor=actor,
                kind=NodeKind.BENEFIT,
                label=benefit.title[:200],
                benefit=benefit,
            )
            added += 1
    # The project's focus areas may be catalogue rows, which only ``shared`` reads.
    for area in FocusArea.shared.filter(projects=project).order_by("name"):
        if area.pk not in have["focus_area"]:
            add_node(
                project,
                actor=actor,
                kind=NodeKind.FOCUS_AREA,
                label=str(area)[:200],
                focus_area=area,
            )
            added += 1
    return added
