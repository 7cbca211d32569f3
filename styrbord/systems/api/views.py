"""Viewsets of the IT-system portfolio API, through the same services and policy as the pages.

Reading needs a role in the URL's municipality. Writing needs the editor role, except where
``systems.policy`` lets more people write: whoever holds a role on a usage or a contract
keeps it, and every member reports a security incident. Those endpoints let any member with
a write token try, and the service decides (403 with its reason). Every write goes through
``styrbord.systems.services``: a refusal is answered 400 on the fields it names, a stale
``version`` 409, and deleting a row that others still refer to 409 with what refers to it.
"""

import functools
from collections.abc import Callable, Iterable

import django_filters
from django.db import transaction
from django.db.models import Model, ProtectedError, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.response import Response

from styrbord.core.api.viewsets import EditableViewSet, ServiceViewSet
from styrbord.core.models import OrgUnit, Person, User
from styrbord.core.services.access import record_access
from styrbord.core.services.changes import StaleEdit, changes_since
from styrbord.portfolio.api.views import MemberWrites
from styrbord.systems import queries_protection
from styrbord.systems.api.serializers import (
    ContractCostSerializer,
    ContractCostUpdateSerializer,
    ContractSerializer,
    IncidentSerializer,
    OversightSerializer,
    PrincipleAssessmentSerializer,
    RegistrationSerializer,
    RoleAssignmentSerializer,
    RoleAssignmentUpdateSerializer,
    RoleSerializer,
    SupplierSerializer,
    SystemSerializer,
    UsageSerializer,
)
from styrbord.systems.filters import SupplierFilter, SystemFilter, UsageFilter
from styrbord.systems.filters_contracts import ContractFilter
from styrbord.systems.filters_protection import IncidentFilter, RegistrationFilter
from styrbord.systems.models import (
    Contract,
    ContractCost,
    DataProcessingRegistration,
    ItSystem,
    Oversight,
    PrincipleAssessment,
    Role,
    RoleAssignment,
    SecurityIncident,
    Supplier,
    SystemUsage,
)
from styrbord.systems.services import catalogue, contracts, data_protection, roles, usages

# --- base viewsets ---


class SystemsViewSet(ServiceViewSet):
    """Deleting a row that another still refers to (a usage with incidents, a contract
    with sub-contracts) is refused by the database; say so instead of failing."""

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, ProtectedError):
            referrers = sorted({str(obj) for obj in exc.protected_objects})[:10]
            return Response(
                {
                    "detail": _("Other rows still refer to this one; remove them first."),
                    "referred_to_by": referrers,
                },
                status=status.HTTP_409_CONFLICT,
            )
        return super().handle_exception(exc)


class RecordViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    SystemsViewSet,
):
    """Rows that are recorded and deleted, never edited, through ``create_through_service``."""

    perform_create = EditableViewSet.perform_create


class CrudViewSet(mixins.DestroyModelMixin, EditableViewSet, SystemsViewSet):
    """Created, updated and deleted through the subclass's service calls. The many-to-many
    fields named in ``relations`` are set through the service function each names, after
    the row is written and in the same transaction, so a refused relation leaves nothing
    half-written."""

    # Field name → the service that sets it, called as ``setter(obj, values, actor=…)``.
    relations: dict[str, Callable[..., None]] = {}

    def set_relation(self, obj: Model, field: str, values: Iterable[Model]) -> None:
        self.relations[field](obj, values, actor=self.request.user)

    def _split(self, serializer) -> tuple[dict, dict]:
        data = dict(serializer.validated_data)
        related = {name: data.pop(name) for name in self.relations if name in data}
        return data, related

    def perform_create(self, serializer) -> None:
        data, related = self._split(serializer)
        data.pop("version", None)
        with transaction.atomic():
            obj = self.create_through_service(**data)
            for field, values in related.items():
                self.set_relation(obj, field, values)
        serializer.instance = self.reloaded(obj)

    def perform_update(self, serializer) -> None:
        data, related = self._split(serializer)
        version = data.pop("version")
        obj = serializer.instance
        with transaction.atomic():
            # The service checks the version when a field changes; a change of relations
            # alone must be based on the current version too.
            if related and obj.version != version:
                raise StaleEdit(obj, changes_since(obj, version))
            obj = self.update_through_service(obj, version, **data)
            for field, values in related.items():
                self.set_relation(obj, field, values)
        serializer.instance = self.reloaded(obj)


def _scoped(model: type[Model]):
    # Evaluated per request, inside the municipality's scope; roles may be the catalogue's.
    manager = getattr(model, "shared", model.objects)
    return lambda request: manager.all()


def _filter(model: type[Model], **filters: type[Model]) -> type[django_filters.FilterSet]:
    """A FilterSet over ``model`` with a scoped choice filter per related field, so another
    municipality's id is answered 400."""
    attrs: dict[str, object] = {
        name: django_filters.ModelChoiceFilter(queryset=_scoped(related))
        for name, related in filters.items()
    }
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": list(filters)})
    return type(f"{model.__name__}ApiFilter", (django_filters.FilterSet,), attrs)


# --- catalogue ---


class SystemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, SystemsViewSet):
    """IT systems: the shared catalogue's and the municipality's own, by name. They are
    kept in the catalogue (or KITOS); the API reads them."""

    model = ItSystem
    serializer_class = SystemSerializer
    filterset_class = SystemFilter

    def scoped_queryset(self) -> QuerySet[ItSystem]:
        return ItSystem.shared.select_related("supplier", "municipality").order_by("name", "pk")


class SupplierViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, SystemsViewSet
):
    """Suppliers of the catalogue and the municipality's own, by name. Editors add the
    municipality's own supplier."""

    model = Supplier
    serializer_class = SupplierSerializer
    filterset_class = SupplierFilter

    def scoped_queryset(self) -> QuerySet[Supplier]:
        return Supplier.shared.select_related("municipality").order_by("name", "pk")

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        supplier = catalogue.create_supplier(
            self.request._request.municipality, actor=self.request.user, **data
        )
        serializer.instance = self.reloaded(supplier)


class RoleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, SystemsViewSet):
    """The role catalogue (and the municipality's own roles) with responsibilities and
    tasks, and what kind of object each is held on."""

    model = Role
    serializer_class = RoleSerializer

    def scoped_queryset(self) -> QuerySet[Role]:
        return Role.shared.select_related("municipality").order_by("name", "pk")


# --- usages ---


class UsageViewSet(CrudViewSet):
    """The municipality's system usages by system name. Editors keep them, and so does
    whoever holds a role on one; editors add and delete them."""

    model = SystemUsage
    serializer_class = UsageSerializer
    filterset_class = UsageFilter
    permission_classes = [MemberWrites]
    relations = {"using_units": usages.set_using_units, "projects": usages.set_projects}

    def scoped_queryset(self) -> QuerySet[SystemUsage]:
        return (
            SystemUsage.objects.select_related("system")
            .prefetch_related("using_units", "projects")
            .order_by("system__name", "local_name", "pk")
        )

    def create_through_service(self, **data) -> SystemUsage:
        return usages.create_usage(
            self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(self, usage: SystemUsage, version: int, **data) -> SystemUsage:
        return usages.update_usage(usage, actor=self.request.user, expected_version=version, **data)

    def perform_destroy(self, instance: SystemUsage) -> None:
        usages.delete_usage(instance, actor=self.request.user)


class PrincipleAssessmentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, SystemsViewSet
):
    """Follow or explain against the architecture principles. POST assesses a usage against
    a principle, creating the assessment (201) or replacing an earlier one (200)."""

    model = PrincipleAssessment
    serializer_class = PrincipleAssessmentSerializer
    filterset_class = _filter(PrincipleAssessment, usage=SystemUsage)
    permission_classes = [MemberWrites]

    def scoped_queryset(self) -> QuerySet[PrincipleAssessment]:
        return PrincipleAssessment.objects.order_by("usage_id", "principle_id", "pk")

    @extend_schema(
        request=PrincipleAssessmentSerializer,
        responses={201: PrincipleAssessmentSerializer, 200: PrincipleAssessmentSerializer},
    )
    def create(self, request, *args, **kwargs) -> Response:
        data = self.validated(PrincipleAssessmentSerializer)
        usage, principle = data.pop("usage"), data.pop("principle")
        existed = PrincipleAssessment.objects.filter(usage=usage, principle=principle).exists()
        assessment = usages.assess_principle(usage, principle, actor=request.user, **data)
        answer = self.answer(assessment)
        answer.status_code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return answer

    def perform_destroy(self, instance: PrincipleAssessment) -> None:
        usages.remove_assessment(instance, actor=self.request.user)


# --- roles ---


class RoleAssignmentViewSet(CrudViewSet):
    """Who holds which role, on a usage, a contract, an org unit or the municipality
    (``?usage=``, ``?contract=``, ``?person=`` filter). Reading them is logged: they name
    persons. An update changes the person or the dates."""

    model = RoleAssignment
    serializer_class = RoleAssignmentSerializer
    update_serializer_class = RoleAssignmentUpdateSerializer
    filterset_class = _filter(
        RoleAssignment,
        usage=SystemUsage,
        contract=Contract,
        org_unit=OrgUnit,
        person=Person,
        role=Role,
    )
    permission_classes = [MemberWrites]

    def scoped_queryset(self) -> QuerySet[RoleAssignment]:
        return RoleAssignment.objects.order_by("role_id", "person_id", "pk")

    def list(self, request, *args, **kwargs) -> Response:
        record_access(request._request)
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs) -> Response:
        assignment = self.get_object()
        record_access(request._request, assignment)
        return Response(self.get_serializer(assignment).data)

    def create_through_service(self, **data) -> RoleAssignment:
        return roles.assign_role(
            self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(
        self, assignment: RoleAssignment, version: int, **data
    ) -> RoleAssignment:
        return roles.update_assignment(
            assignment, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: RoleAssignment) -> None:
        roles.remove_assignment(instance, actor=self.request.user)


# --- contracts ---


class ContractViewSet(CrudViewSet):
    """The municipality's IT contracts by name, with their notice and decision deadlines.
    Editors keep them, and so do the contract owner and whoever holds a role on one."""

    model = Contract
    serializer_class = ContractSerializer
    filterset_class = ContractFilter
    permission_classes = [MemberWrites]
    relations = {"usages": contracts.set_usages}

    def scoped_queryset(self) -> QuerySet[Contract]:
        return Contract.objects.prefetch_related("usages").order_by("name", "pk")

    def create_through_service(self, **data) -> Contract:
        return contracts.create_contract(
            self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(self, contract: Contract, version: int, **data) -> Contract:
        return contracts.update_contract(
            contract, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: Contract) -> None:
        contracts.delete_contract(instance, actor=self.request.user)


class ContractCostViewSet(CrudViewSet):
    """Contracts' acquisition and running costs by year (``?contract=`` filters)."""

    model = ContractCost
    serializer_class = ContractCostSerializer
    update_serializer_class = ContractCostUpdateSerializer
    filterset_class = _filter(ContractCost, contract=Contract)
    permission_classes = [MemberWrites]

    def scoped_queryset(self) -> QuerySet[ContractCost]:
        return ContractCost.objects.select_related("contract").order_by("contract_id", "year", "pk")

    def create_through_service(self, **data) -> ContractCost:
        contract = data.pop("contract")
        return contracts.add_cost(contract, actor=self.request.user, **data)

    def update_through_service(self, cost: ContractCost, version: int, **data) -> ContractCost:
        return contracts.update_cost(
            cost, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: ContractCost) -> None:
        contracts.delete_cost(instance, actor=self.request.user)


# --- data protection ---


def _set_registration_relation(
    registration: DataProcessingRegistration, values: Iterable[Model], *, field: str, actor: User
) -> None:
    data_protection.set_registration_relation(registration, field, values, actor=actor)


class RegistrationViewSet(CrudViewSet):
    """Data-processing registrations by name, with processors, sub-processors and the
    usages and contracts they cover. Editors keep them."""

    model = DataProcessingRegistration
    serializer_class = RegistrationSerializer
    filterset_class = RegistrationFilter
    relations = {
        field: functools.partial(_set_registration_relation, field=field)
        for field in ("processors", "sub_processors", "usages", "contracts")
    }

    def scoped_queryset(self) -> QuerySet[DataProcessingRegistration]:
        return queries_protection.registrations().order_by("name", "pk")

    def create_through_service(self, **data) -> DataProcessingRegistration:
        return data_protection.create_registration(
            self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(
        self, registration: DataProcessingRegistration, version: int, **data
    ) -> DataProcessingRegistration:
        return data_protection.update_registration(
            registration, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: DataProcessingRegistration) -> None:
        data_protection.delete_registration(instance, actor=self.request.user)


class OversightViewSet(RecordViewSet):
    """Rounds of oversight of the processors, newest first (``?registration=`` filters)."""

    model = Oversight
    serializer_class = OversightSerializer
    filterset_class = _filter(Oversight, registration=DataProcessingRegistration)

    def scoped_queryset(self) -> QuerySet[Oversight]:
        return Oversight.objects.order_by("registration_id", "-done_on", "-pk")

    def create_through_service(self, **data) -> Oversight:
        registration = data.pop("registration")
        return data_protection.record_oversight(registration, actor=self.request.user, **data)

    def perform_destroy(self, instance: Oversight) -> None:
        data_protection.delete_oversight(instance, actor=self.request.user)


class IncidentViewSet(CrudViewSet):
    """Security incidents, newest first, with Datatilsynet's deadline for a personal-data
    breach. Every member reports one; editors keep and delete them."""

    model = SecurityIncident
    serializer_class = IncidentSerializer
    filterset_class = IncidentFilter
    permission_classes = [MemberWrites]

    def scoped_queryset(self) -> QuerySet[SecurityIncident]:
        return SecurityIncident.objects.order_by("-detected_at", "-pk")

    def create_through_service(self, **data) -> SecurityIncident:
        return data_protection.report_incident(
            self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(
        self, incident: SecurityIncident, version: int, **data
    ) -> SecurityIncident:
        return data_protection.update_incident(
            incident, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: SecurityIncident) -> None:
        data_protection.delete_incident(instance, actor=self.request.user)
