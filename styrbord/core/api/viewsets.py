"""Base viewsets of every module's API: scoped reads, writes through services, and the
services' refusals as JSON answers. A subclass names its scoped queryset and, for
``EditableViewSet``, the service calls that create and update."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Model, QuerySet
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.response import Response


class ServiceViewSet(viewsets.GenericViewSet):
    """Scoped reads, service writes, and the services' refusals as JSON answers."""

    model: type[Model]
    update_serializer_class: type[serializers.Serializer] | None = None

    def scoped_queryset(self) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # schema generation runs unscoped
            return self.model.objects.none()
        return self.scoped_queryset()

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action in ("update", "partial_update") and self.update_serializer_class:
            return self.update_serializer_class
        return super().get_serializer_class()

    def handle_exception(self, exc: Exception) -> Response:
        # A service says why it refuses (e.g. "Only the chair ... can do this."); keep the reason.
        if isinstance(exc, DjangoPermissionDenied) and exc.args:
            exc = exceptions.PermissionDenied(str(exc.args[0]))
        return super().handle_exception(exc)

    def validated(self, serializer_class: type[serializers.Serializer]) -> dict:
        """The request body of an action, checked by its serializer."""
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def reloaded(self, obj: Model) -> Model:
        """``obj`` read again as the list reads it, with its annotations and relations."""
        return self.get_queryset().get(pk=obj.pk)

    def answer(self, obj: Model) -> Response:
        """The answer to an action: the object as read by ``retrieve``."""
        serializer_class = super().get_serializer_class()
        return Response(
            serializer_class(self.reloaded(obj), context=self.get_serializer_context()).data
        )


class EditableViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ServiceViewSet,
):
    """Creates and updates go through the subclass's service calls, never ``save()``."""

    def perform_create(self, serializer: serializers.Serializer) -> None:
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = self.reloaded(self.create_through_service(**data))

    def perform_update(self, serializer: serializers.Serializer) -> None:
        data = dict(serializer.validated_data)
        version = data.pop("version")
        obj = self.update_through_service(serializer.instance, version, **data)
        serializer.instance = self.reloaded(obj)

    def create_through_service(self, **data) -> Model:
        raise NotImplementedError

    def update_through_service(self, obj: Model, version: int, **data) -> Model:
        raise NotImplementedError
