"""Strategy API under /api/<kommune>/strategi/: strategies, focus areas and principles.

Lists and single rows include the shared catalogue's, marked ``shared``; creates and
updates go through the services, which refuse catalogue rows (403 with the reason).
Updates must send the ``version`` they read; a stale one is answered 409.
"""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from styrbord.core.api.serializers import ScopedPrimaryKeyField, VersionedSerializer
from styrbord.core.api.viewsets import EditableViewSet
from styrbord.strategy import queries, services
from styrbord.strategy.models import (
    FocusArea,
    Principle,
    PrincipleKind,
    Strategy,
    StrategyKind,
)

SHARED_HELP = _("True for a row of the shared catalogue, which cannot be changed here.")

# --- serializers ---


class StrategySerializer(VersionedSerializer):
    shared = serializers.BooleanField(
        source="municipality.is_catalogue", read_only=True, help_text=SHARED_HELP
    )

    class Meta:
        model = Strategy
        fields = [
            "id",
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
            "shared",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


class FocusAreaSerializer(VersionedSerializer):
    strategy = ScopedPrimaryKeyField(
        queryset=Strategy.objects, help_text=_("One of the municipality's own strategies.")
    )
    shared = serializers.BooleanField(
        source="municipality.is_catalogue", read_only=True, help_text=SHARED_HELP
    )

    class Meta:
        model = FocusArea
        fields = [
            "id",
            "strategy",
            "number",
            "name",
            "description",
            "shared",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


class FocusAreaUpdateSerializer(FocusAreaSerializer):
    """A focus area stays in its strategy."""

    strategy = serializers.PrimaryKeyRelatedField(read_only=True)


class PrincipleSerializer(VersionedSerializer):
    strategy = ScopedPrimaryKeyField(
        queryset=Strategy.objects, help_text=_("One of the municipality's own strategies.")
    )
    shared = serializers.BooleanField(
        source="municipality.is_catalogue", read_only=True, help_text=SHARED_HELP
    )

    class Meta:
        model = Principle
        fields = [
            "id",
            "strategy",
            "kind",
            "number",
            "name",
            "because",
            "explanation",
            "prerequisite",
            "shared",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


class PrincipleUpdateSerializer(PrincipleSerializer):
    """A principle stays in its strategy."""

    strategy = serializers.PrimaryKeyRelatedField(read_only=True)


# --- filters ---


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    """A row's id, not a choice from a queryset: the catalogue's rows count too."""

    field_class = forms.IntegerField


class StrategyFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=StrategyKind.choices)
    shared = django_filters.BooleanFilter(
        field_name="municipality__is_catalogue", help_text=SHARED_HELP
    )


class FocusAreaFilter(django_filters.FilterSet):
    strategy = IdFilter(field_name="strategy_id", help_text=_("The id of a strategy."))
    shared = django_filters.BooleanFilter(
        field_name="municipality__is_catalogue", help_text=SHARED_HELP
    )


class PrincipleFilter(FocusAreaFilter):
    kind = django_filters.ChoiceFilter(choices=PrincipleKind.choices)


# --- viewsets ---


class StrategyViewSet(EditableViewSet):
    """Strategies, programmes and architecture frameworks: own first, then the catalogue's."""

    model = Strategy
    serializer_class = StrategySerializer
    filterset_class = StrategyFilter

    def scoped_queryset(self) -> QuerySet[Strategy]:
        return queries.strategies()

    def create_through_service(self, **data) -> Strategy:
        return services.create_strategy(
            municipality=self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(self, strategy: Strategy, version: int, **data) -> Strategy:
        return services.update_strategy(
            strategy, actor=self.request.user, expected_version=version, **data
        )


class FocusAreaViewSet(EditableViewSet):
    """Focus areas of own and catalogue strategies; ``strategy`` filters by strategy id."""

    model = FocusArea
    serializer_class = FocusAreaSerializer
    update_serializer_class = FocusAreaUpdateSerializer
    filterset_class = FocusAreaFilter

    def scoped_queryset(self) -> QuerySet[FocusArea]:
        return queries.focus_areas()

    def create_through_service(self, **data) -> FocusArea:
        return services.create_focus_area(actor=self.request.user, **data)

    def update_through_service(self, focus_area: FocusArea, version: int, **data) -> FocusArea:
        return services.update_focus_area(
            focus_area, actor=self.request.user, expected_version=version, **data
        )


class PrincipleViewSet(EditableViewSet):
    """Principles and architecture principles of own and catalogue strategies."""

    model = Principle
    serializer_class = PrincipleSerializer
    update_serializer_class = PrincipleUpdateSerializer
    filterset_class = PrincipleFilter

    def scoped_queryset(self) -> QuerySet[Principle]:
        return queries.principles()

    def create_through_service(self, **data) -> Principle:
        return services.create_principle(actor=self.request.user, **data)

    def update_through_service(self, principle: Principle, version: int, **data) -> Principle:
        return services.update_principle(
            principle, actor=self.request.user, expected_version=version, **data
        )
