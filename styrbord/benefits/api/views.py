"""Viewsets of the benefits API, through the same queries, services and policy as the pages.

Reading needs ``policy.can_view`` in the URL's municipality and writing ``policy.can_edit``
(403 otherwise), except for measurements: any member with a write token may try, and the
service lets a benefit's owner and the project's leader record one even as readers. Every
write goes through ``styrbord.benefits.services``: a refusal is answered 400 on the fields
it names, a stale ``version`` 409.
"""

import django_filters
from django.db.models import Model, Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.response import Response

from styrbord.benefits import queries
from styrbord.benefits.api.serializers import (
    BenefitSerializer,
    BenefitUpdateSerializer,
    BusinessCaseSerializer,
    BusinessCaseUpdateSerializer,
    CostSerializer,
    CostUpdateSerializer,
    HarvestSerializer,
    MapEdgeSerializer,
    MapNodeSerializer,
    MapNodeUpdateSerializer,
    MeasurementSerializer,
    ProfilePointSerializer,
    ProfilePointWriteSerializer,
)
from styrbord.benefits.filters import BenefitFilter
from styrbord.benefits.models import (
    Benefit,
    BusinessCase,
    CostLine,
    Harvest,
    MapEdge,
    MapNode,
    Measurement,
    ProfilePoint,
)
from styrbord.benefits.services import benefits, cases, maps, measurements
from styrbord.core.api.viewsets import EditableViewSet, ServiceViewSet
from styrbord.portfolio.api.views import MemberWrites
from styrbord.portfolio.models import Project

# --- filters: ids are looked up in the municipality's scope, so another's is 400 ---


def _scoped(model: type[Model]):
    # Evaluated per request, inside the municipality's scope.
    return lambda request: model.objects.all()


def _filter(model: type[Model], **filters: type[Model]) -> type[django_filters.FilterSet]:
    """A FilterSet over ``model`` with a scoped choice filter per related field."""
    attrs: dict[str, object] = {
        name: django_filters.ModelChoiceFilter(queryset=_scoped(related))
        for name, related in filters.items()
    }
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": list(filters)})
    return type(f"{model.__name__}ApiFilter", (django_filters.FilterSet,), attrs)


# --- base viewsets ---


class RecordViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    ServiceViewSet,
):
    """Rows that are recorded and deleted, never edited. A subclass gives
    ``create_through_service(**data)``, which ``perform_create`` calls."""

    perform_create = EditableViewSet.perform_create


class EditableDeletableViewSet(mixins.DestroyModelMixin, EditableViewSet):
    """Created, updated and deleted through the subclass's service calls."""


# --- benefits ---


class BenefitViewSet(EditableDeletableViewSet):
    """The municipality's benefits by project and title, each with its latest measurement,
    the next measurement due and how far it has come towards its expected target."""

    model = Benefit
    serializer_class = BenefitSerializer
    update_serializer_class = BenefitUpdateSerializer
    filterset_class = BenefitFilter

    def scoped_queryset(self) -> QuerySet[Benefit]:
        return queries.benefits().order_by("project_id", "title", "pk")

    def create_through_service(self, **data) -> Benefit:
        project = data.pop("project")
        return benefits.create_benefit(project, actor=self.request.user, **data)

    def update_through_service(self, benefit: Benefit, version: int, **data) -> Benefit:
        return benefits.update_benefit(
            benefit, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: Benefit) -> None:
        benefits.delete_benefit(instance, actor=self.request.user)


class MeasurementViewSet(RecordViewSet):
    """A benefit's measurements, newest first (``?benefit=`` filters). Editors, the
    benefit's owner and the project's leader record them; editors delete them."""

    model = Measurement
    serializer_class = MeasurementSerializer
    filterset_class = _filter(Measurement, benefit=Benefit)
    permission_classes = [MemberWrites]

    def scoped_queryset(self) -> QuerySet[Measurement]:
        return Measurement.objects.select_related("recorded_by").order_by(
            "benefit_id", "-measured_on", "-id"
        )

    def create_through_service(self, **data) -> Measurement:
        benefit = data.pop("benefit")
        return measurements.record_measurement(benefit, actor=self.request.user, **data)

    def perform_destroy(self, instance: Measurement) -> None:
        measurements.delete_measurement(instance, actor=self.request.user)


class HarvestViewSet(RecordViewSet):
    """Money harvested from budget-releasing benefits, newest first (``?benefit=``
    filters)."""

    model = Harvest
    serializer_class = HarvestSerializer
    filterset_class = _filter(Harvest, benefit=Benefit)

    def scoped_queryset(self) -> QuerySet[Harvest]:
        return Harvest.objects.order_by("benefit_id", "-harvested_on", "-id")

    def create_through_service(self, **data) -> Harvest:
        benefit = data.pop("benefit")
        return measurements.record_harvest(benefit, actor=self.request.user, **data)

    def perform_destroy(self, instance: Harvest) -> None:
        measurements.delete_harvest(instance, actor=self.request.user)


class ProfilePointViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, ServiceViewSet
):
    """A benefit's expected realisation profile (``?benefit=`` filters). POST sets the
    point for a benefit and date, creating it (201) or replacing its values (200)."""

    model = ProfilePoint
    serializer_class = ProfilePointSerializer
    filterset_class = _filter(ProfilePoint, benefit=Benefit)

    def scoped_queryset(self) -> QuerySet[ProfilePoint]:
        return ProfilePoint.objects.order_by("benefit_id", "period_end")

    @extend_schema(
        request=ProfilePointWriteSerializer,
        responses={201: ProfilePointSerializer, 200: ProfilePointSerializer},
    )
    def create(self, request, *args, **kwargs) -> Response:
        data = self.validated(ProfilePointWriteSerializer)
        benefit = data.pop("benefit")
        existed = ProfilePoint.objects.filter(
            benefit=benefit, period_end=data["period_end"]
        ).exists()
        point = benefits.set_profile_point(benefit, actor=request.user, **data)
        answer = self.answer(point)
        answer.status_code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return answer

    def perform_destroy(self, instance: ProfilePoint) -> None:
        benefits.delete_profile_point(instance, actor=self.request.user)


# --- business cases and costs ---


class BusinessCaseViewSet(EditableDeletableViewSet):
    """The projects' business cases (``?project=`` filters), each with its result: the
    yearly rows, net present value in the expected, most likely, worst and best case, and
    the payback year."""

    model = BusinessCase
    serializer_class = BusinessCaseSerializer
    update_serializer_class = BusinessCaseUpdateSerializer
    filterset_class = _filter(BusinessCase, project=Project)

    def scoped_queryset(self) -> QuerySet[BusinessCase]:
        # The same rows, in the same order, as ``queries.case_result`` reads for one case.
        project_benefits = Benefit.objects.order_by("title", "pk").prefetch_related(
            Prefetch("profile", queryset=ProfilePoint.objects.order_by("period_end"))
        )
        return (
            BusinessCase.objects.select_related("project")
            .prefetch_related(
                Prefetch("costs", queryset=CostLine.objects.all()),
                Prefetch("project__benefits", queryset=project_benefits),
            )
            .order_by("project_id", "pk")
        )

    def create_through_service(self, **data) -> BusinessCase:
        project = data.pop("project")
        return cases.create_case(project, actor=self.request.user, **data)

    def update_through_service(self, case: BusinessCase, version: int, **data) -> BusinessCase:
        return cases.update_case(case, actor=self.request.user, expected_version=version, **data)

    def perform_destroy(self, instance: BusinessCase) -> None:
        cases.delete_case(instance, actor=self.request.user)


class CostViewSet(EditableDeletableViewSet):
    """The cost lines of business cases by year (``?case=`` filters)."""

    model = CostLine
    serializer_class = CostSerializer
    update_serializer_class = CostUpdateSerializer
    filterset_class = _filter(CostLine, case=BusinessCase)

    def scoped_queryset(self) -> QuerySet[CostLine]:
        return CostLine.objects.select_related("case").order_by(
            "case_id", "year", "kind", "cost_type", "id"
        )

    def create_through_service(self, **data) -> CostLine:
        case = data.pop("case")
        return cases.add_cost(case, actor=self.request.user, **data)

    def update_through_service(self, line: CostLine, version: int, **data) -> CostLine:
        return cases.update_cost(line, actor=self.request.user, expected_version=version, **data)

    def perform_destroy(self, instance: CostLine) -> None:
        cases.delete_cost(instance, actor=self.request.user)


# --- the benefit map ---


class MapNodeViewSet(EditableDeletableViewSet):
    """The boxes of the projects' benefit maps by layer order (``?project=`` filters). A
    new node goes last in its layer; an update renames it; deleting it removes its
    arrows."""

    model = MapNode
    serializer_class = MapNodeSerializer
    update_serializer_class = MapNodeUpdateSerializer
    filterset_class = _filter(MapNode, project=Project)

    def scoped_queryset(self) -> QuerySet[MapNode]:
        return MapNode.objects.order_by("project_id", "position", "id")

    def create_through_service(self, **data) -> MapNode:
        project = data.pop("project")
        return maps.add_node(project, actor=self.request.user, **data)

    def update_through_service(self, node: MapNode, version: int, **data) -> MapNode:
        return maps.rename_node(
            node,
            actor=self.request.user,
            expected_version=version,
            label=data.get("label", node.label),
        )

    def perform_destroy(self, instance: MapNode) -> None:
        maps.delete_node(instance, actor=self.request.user)


class MapEdgeViewSet(RecordViewSet):
    """The arrows of the projects' benefit maps (``?project=`` filters). An arrow leads
    from a layer to a later one: deliverable → change → effect → benefit → focus area."""

    model = MapEdge
    serializer_class = MapEdgeSerializer
    filterset_class = _filter(MapEdge, project=Project)

    def scoped_queryset(self) -> QuerySet[MapEdge]:
        return MapEdge.objects.order_by("project_id", "id")

    def create_through_service(self, **data) -> MapEdge:
        source = data["source"]
        return maps.add_edge(
            source.project, actor=self.request.user, source=source, target=data["target"]
        )

    def perform_destroy(self, instance: MapEdge) -> None:
        maps.delete_edge(instance, actor=self.request.user)
