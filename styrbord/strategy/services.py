"""Writes to strategies, their addenda, focus areas and principles.

A municipality keeps its own strategies; the shared catalogue's rows are read by every
municipality and so are refused to every user here. Writes without an actor are data
loads (the demo data and imports), which keep the catalogue itself.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scopes_disabled

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.strategy import policy
from styrbord.strategy.models import FocusArea, Principle, Strategy, StrategyAddendum

STRATEGY_FIELDS = {
    "kind",
    "title",
    "issued_by",
    "period_from",
    "period_to",
    "vision",
    "description",
    "approved_by",
    "approved_on",
    "url",
}
ADDENDUM_FIELDS = {"title", "adopted_on", "text"}
FOCUS_AREA_FIELDS = {"number", "name", "description"}
PRINCIPLE_FIELDS = {"kind", "number", "name", "because", "explanation", "prerequisite"}

Row = Strategy | StrategyAddendum | FocusArea | Principle


def _require_editable(actor: User | None, row: Row) -> None:
    if actor is None:
        return
    if row.municipality.is_catalogue:
        raise PermissionDenied(
            _("This belongs to the shared catalogue, which no municipality can change.")
        )
    if not policy.can_edit_row(actor, row):
        raise PermissionDenied(_("You may not do this."))


def aligned_project_count(row: FocusArea | Principle) -> int:
    """How many projects are aligned to ``row``, in any way, in every municipality.

    Counted unscoped so the answer is the same inside a request and in a data load; only
    the number leaves this function.
    """
    with scopes_disabled():
        project_ids = set(row.projects.values_list("pk", flat=True))
        if isinstance(row, Principle):
            project_ids |= set(row.alignments.values_list("project_id", flat=True))
    return len(project_ids)


# --- strategies ---


def create_strategy(*, municipality: Municipality, actor: User | None, **data: Any) -> Strategy:
    strategy = Strategy(municipality=municipality, **only(data, STRATEGY_FIELDS))
    _require_editable(actor, strategy)
    return changes.create(strategy, actor=actor)


def update_strategy(
    strategy: Strategy, *, actor: User | None, expected_version: int, **data: Any
) -> Strategy:
    _require_editable(actor, strategy)
    only(data, STRATEGY_FIELDS)
    return changes.update(strategy, actor=actor, expected_version=expected_version, changes=data)


@transaction.atomic
def delete_strategy(strategy: Strategy, *, actor: User | None) -> None:
    """Delete a strategy with its addenda, focus areas and principles, each logged.

    Refused while projects are aligned to any of its focus areas or principles, so that
    no project silently loses its strategic alignment.
    """
    _require_editable(actor, strategy)
    with scopes_disabled():
        parts: list[Row] = [
            *StrategyAddendum.objects.filter(strategy=strategy),
            *FocusArea.objects.filter(strategy=strategy),
            *Principle.objects.filter(strategy=strategy),
        ]
    aligned = [
        str(part)
        for part in parts
        if not isinstance(part, StrategyAddendum) and aligned_project_count(part)
    ]
    if aligned:
        raise ValidationError(
            _(
                "Projects are aligned to %(names)s. Remove that alignment from the projects "
                "before deleting the strategy."
            )
            % {"names": ", ".join(aligned)}
        )
    for part in parts:
        changes.delete(part, actor=actor)
    changes.delete(strategy, actor=actor)


# --- addenda ---


def create_addendum(*, strategy: Strategy, actor: User | None, **data: Any) -> StrategyAddendum:
    addendum = StrategyAddendum(
        municipality=strategy.municipality, strategy=strategy, **only(data, ADDENDUM_FIELDS)
    )
    _require_editable(actor, addendum)
    return changes.create(addendum, actor=actor)


def update_addendum(
    addendum: StrategyAddendum, *, actor: User | None, expected_version: int, **data: Any
) -> StrategyAddendum:
    _require_editable(actor, addendum)
    only(data, ADDENDUM_FIELDS)
    return changes.update(addendum, actor=actor, expected_version=expected_version, changes=data)


def delete_addendum(addendum: StrategyAddendum, *, actor: User | None) -> None:
    _require_editable(actor, addendum)
    changes.delete(addendum, actor=actor)


# --- focus areas ---


def create_focus_area(*, strategy: Strategy, actor: User | None, **data: Any) -> FocusArea:
    focus_area = FocusArea(
        municipality=strategy.municipality, strategy=strategy, **only(data, FOCUS_AREA_FIELDS)
    )
    _require_editable(actor, focus_area)
    return changes.create(focus_area, actor=actor)


def update_focus_area(
    focus_area: FocusArea, *, actor: User | None, expected_version: int, **data: Any
) -> FocusArea:
    _require_editable(actor, focus_area)
    only(data, FOCUS_AREA_FIELDS)
    return changes.update(focus_area, actor=actor, expected_version=expected_version, changes=data)


def delete_focus_area(focus_area: FocusArea, *, actor: User | None) -> None:
    _require_editable(actor, focus_area)
    count = aligned_project_count(focus_area)
    if count:
        raise ValidationError(
            ngettext(
                "%(count)d project is aligned to this focus area. Remove the focus area from "
                "that project before deleting it.",
                "%(count)d projects are aligned to this focus area. Remove the focus area from "
                "those projects before deleting it.",
                count,
            )
            % {"count": count}
        )
    changes.delete(focus_area, actor=actor)


# --- principles ---


def create_principle(*, strategy: Strategy, actor: User | None, **data: Any) -> Principle:
    principle = Principle(
        municipality=strategy.municipality, strategy=strategy, **only(data, PRINCIPLE_FIELDS)
    )
    _require_editable(actor, principle)
    return changes.create(principle, actor=actor)


def update_principle(
    principle: Principle, *, actor: User | None, expected_version: int, **data: Any
) -> Principle:
    _require_editable(actor, principle)
    only(data, PRINCIPLE_FIELDS)
    # Strategic principles are chosen on a project and architecture principles are
    # followed or explained; an aligned principle changing kind would leave projects with
    # an alignment of the wrong sort.
    if "kind" in data and data["kind"] != principle.kind and aligned_project_count(principle):
        raise ValidationError(
            {"kind": _("Projects are aligned to this principle, so its kind cannot change.")}
        )
    return changes.update(principle, actor=actor, expected_version=expected_version, changes=data)


def delete_principle(principle: Principle, *, actor: User | None) -> None:
    _require_editable(actor, principle)
    count = aligned_project_count(principle)
    if count:
        raise ValidationError(
            ngettext(
                "%(count)d project is aligned to this principle. Remove the principle from "
                "that project before deleting it.",
                "%(count)d projects are aligned to this principle. Remove the principle from "
                "those projects before deleting it.",
                count,
            )
            % {"count": count}
        )
    changes.delete(principle, actor=actor)
