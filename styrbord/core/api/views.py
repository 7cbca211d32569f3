from rest_framework import mixins, viewsets
from rest_framework.response import Response

from styrbord.core import queries
from styrbord.core.api.serializers import OrgUnitSerializer, PersonSerializer
from styrbord.core.filters import OrgUnitFilter, PersonFilter
from styrbord.core.models import OrgUnit, Person
from styrbord.core.services import organisation as services
from styrbord.core.services.access import record_access


class OrgUnitViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Organisation units of the municipality in the URL. Closing is done in the app."""

    serializer_class = OrgUnitSerializer
    filterset_class = OrgUnitFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation runs unscoped
            return OrgUnit.objects.none()
        return queries.org_units().order_by("name", "pk")

    def filter_queryset(self, queryset):
        # The list hides closed units by default; a closed unit is still found by its id.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = services.create_org_unit(
            municipality=self.request._request.municipality, actor=self.request.user, **data
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        version = data.pop("version")
        unit = serializer.instance
        if "parent" in data and data["parent"] != unit.parent:
            unit = services.move_org_unit(
                unit, actor=self.request.user, expected_version=version, parent=data.pop("parent")
            )
            version = unit.version
        data.pop("parent", None)
        serializer.instance = services.update_org_unit(
            unit, actor=self.request.user, expected_version=version, **data
        )


class PersonViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Persons of the municipality in the URL; ``q`` searches name, title and email."""

    serializer_class = PersonSerializer
    filterset_class = PersonFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation runs unscoped
            return Person.objects.none()
        return queries.persons().order_by("name", "pk")

    def list(self, request, *args, **kwargs):
        record_access(request._request)
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        person = self.get_object()
        record_access(request._request, person)
        return Response(self.get_serializer(person).data)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = services.create_person(
            municipality=self.request._request.municipality, actor=self.request.user, **data
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        version = data.pop("version")
        serializer.instance = services.update_person(
            serializer.instance, actor=self.request.user, expected_version=version, **data
        )
