"""Reads for the strategy pages and API.

Pages and the API read through ``shared`` (own rows plus the catalogue's), edits through
the scoped ``objects`` (own rows only), so a catalogue or foreign id opens no edit form.
"""

from django.db.models import Count, Max, Q, QuerySet

from styrbord.core.models import Municipality
from styrbord.strategy.models import (
    FocusArea,
    Principle,
    PrincipleKind,
    Strategy,
    StrategyAddendum,
)


def strategies() -> QuerySet[Strategy]:
    """Own strategies first, then the catalogue's, newest period first within each."""
    return Strategy.shared.select_related("municipality").order_by(
        "municipality__is_catalogue", "-period_to", "title", "pk"
    )


def own_strategies() -> QuerySet[Strategy]:
    return Strategy.objects.select_related("municipality")


def focus_areas() -> QuerySet[FocusArea]:
    return FocusArea.shared.select_related("municipality", "strategy").order_by(
        "strategy__municipality__is_catalogue", "strategy_id", "number", "name", "pk"
    )


def own_focus_areas() -> QuerySet[FocusArea]:
    return FocusArea.objects.select_related("municipality", "strategy")


def principles() -> QuerySet[Principle]:
    return Principle.shared.select_related("municipality", "strategy").order_by(
        "strategy__municipality__is_catalogue", "strategy_id", "kind", "number", "name", "pk"
    )


def own_principles() -> QuerySet[Principle]:
    return Principle.objects.select_related("municipality", "strategy")


def own_addenda() -> QuerySet[StrategyAddendum]:
    return StrategyAddendum.objects.select_related("municipality", "strategy")


def _own_projects(relation: str, municipality: Municipality) -> Q:
    # A catalogue focus area is aligned by projects of many municipalities; a page counts
    # only those of the municipality it belongs to.
    return Q(**{f"{relation}__municipality": municipality})


def focus_areas_with_counts(strategy: Strategy, municipality: Municipality) -> QuerySet[FocusArea]:
    """The strategy's focus areas, each with the number of the municipality's projects."""
    return (
        FocusArea.shared.filter(strategy=strategy)
        .annotate(project_count=Count("projects", filter=_own_projects("projects", municipality)))
        .order_by("number", "name")
    )


def principles_with_counts(
    strategy: Strategy, municipality: Municipality, kind: str
) -> QuerySet[Principle]:
    """The strategy's principles of ``kind`` with the municipality's projects: aligned to a
    principle, or, for an architecture principle, assessed against it and following it."""
    queryset = Principle.shared.filter(strategy=strategy, kind=kind)
    if kind == PrincipleKind.ARCHITECTURE:
        own_alignments = _own_projects("alignments", municipality)
        queryset = queryset.annotate(
            assessed_count=Count("alignments", filter=own_alignments),
            follows_count=Count("alignments", filter=own_alignments & Q(alignments__follows=True)),
        )
    else:
        queryset = queryset.annotate(
            project_count=Count("projects", filter=_own_projects("projects", municipality))
        )
    return queryset.order_by("number", "name")


def addenda(strategy: Strategy) -> QuerySet[StrategyAddendum]:
    """The strategy's addenda, a catalogue strategy's too."""
    return StrategyAddendum.shared.filter(strategy=strategy).order_by("adopted_on", "title")


def next_number(parts: QuerySet[FocusArea] | QuerySet[Principle]) -> int:
    """The number a new focus area or principle gets unless the editor chooses one."""
    return (parts.aggregate(highest=Max("number"))["highest"] or 0) + 1
