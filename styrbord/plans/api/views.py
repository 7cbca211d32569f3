"""Viewsets of the action plan API, through the same queries, services and policy as the
pages.

Reading needs ``policy.can_view`` in the URL's municipality and writing ``policy.can_edit``
(403 otherwise). Every write goes through ``styrbord.plans.services``: a refusal is
answered 400 on the fields it names, a stale ``version`` 409. Only a draft version
changes; the services refuse the rest with their reason.
"""

import django_filters
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from styrbord.core.api.viewsets import EditableViewSet, ServiceViewSet
from styrbord.plans.api.serializers import (
    AllocationSerializer,
    AllocationUpdateSerializer,
    BudgetSerializer,
    BudgetUpdateSerializer,
    CriterionSerializer,
    CriterionUpdateSerializer,
    HoursSerializer,
    HoursWriteSerializer,
    ItemMoveSerializer,
    ItemSerializer,
    ItemUpdateSerializer,
    PlanSerializer,
    PlanUpdateSerializer,
    PlanVersionSerializer,
    ReorderSerializer,
    RevisionSerializer,
    ScoreSerializer,
    ScoreWriteSerializer,
    SubmitSerializer,
)
from styrbord.plans.models import (
    ActionPlan,
    ActionPlanItem,
    BudgetAllocation,
    BudgetPool,
    Criterion,
    ItemHours,
    ItemScore,
    PlanVersion,
)
from styrbord.plans.services import budget, decisions, items, plans


class PlanViewSetBase(ServiceViewSet):
    @property
    def municipality(self):
        return self.request._request.municipality


class UpdatableViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, PlanViewSetBase
):
    """Read and update through a service, but nothing is created here."""

    perform_update = EditableViewSet.perform_update


class PlanEditableViewSet(mixins.DestroyModelMixin, EditableViewSet, PlanViewSetBase):
    """Created, updated and deleted through the subclass's service calls."""


# --- filters: ids are looked up in the municipality's scope, so another's is 400 ---


def _scoped(model):
    # Evaluated per request, inside the municipality's scope.
    return lambda request: model.objects.all()


def _filter(model, **filters: type) -> type[django_filters.FilterSet]:
    """A FilterSet over ``model`` with a scoped choice filter per related field."""
    attrs = {
        name: django_filters.ModelChoiceFilter(queryset=_scoped(related))
        for name, related in filters.items()
    }
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": list(filters)})
    return type(f"{model.__name__}ApiFilter", (django_filters.FilterSet,), attrs)


# --- plans and versions ---


class PlanViewSet(EditableViewSet, PlanViewSetBase):
    """The municipality's action plans, newest year first, each with its versions. A new
    plan starts with version 1 in draft and the default criteria; ``revisions`` starts a
    new draft from the latest decided version."""

    model = ActionPlan
    serializer_class = PlanSerializer
    update_serializer_class = PlanUpdateSerializer

    def scoped_queryset(self) -> QuerySet[ActionPlan]:
        return (
            ActionPlan.objects.select_related("owner_body", "approving_body")
            .prefetch_related(Prefetch("versions", queryset=PlanVersion.objects.order_by("number")))
            .order_by("-year", "pk")
        )

    def create_through_service(self, **data) -> ActionPlan:
        return plans.create_plan(municipality=self.municipality, actor=self.request.user, **data)

    def update_through_service(self, plan: ActionPlan, version: int, **data) -> ActionPlan:
        return plans.update_plan(plan, actor=self.request.user, expected_version=version, **data)

    @extend_schema(request=RevisionSerializer, responses={201: PlanVersionSerializer})
    @action(detail=True, methods=["post"])
    def revisions(self, request, **kwargs) -> Response:
        """Start a revision: a new draft copied from the latest version, which must be
        decided (approved or rejected)."""
        plan = self.get_object()
        data = self.validated(RevisionSerializer)
        revision = plans.create_revision(plan, actor=request.user, **data)
        revision = VersionViewSet.queryset_for().get(pk=revision.pk)
        return Response(PlanVersionSerializer(revision).data, status=status.HTTP_201_CREATED)


class VersionViewSet(UpdatableViewSet):
    """The plan's versions (``?plan=`` filters). A draft's introduction and change note are
    edited here, its items ranked with ``reorder``, and ``submit`` puts it on the approving
    body's next agenda for a decision.

    Submitting through the API attaches no PDF of the plan to the agenda item (the PDF is
    rendered by the plan's page); the case presentation still carries the ranked plan."""

    model = PlanVersion
    serializer_class = PlanVersionSerializer
    filterset_class = _filter(PlanVersion, plan=ActionPlan)

    @staticmethod
    def queryset_for() -> QuerySet[PlanVersion]:
        return PlanVersion.objects.select_related("plan__approving_body").order_by(
            "plan_id", "number"
        )

    def scoped_queryset(self) -> QuerySet[PlanVersion]:
        return self.queryset_for()

    def update_through_service(self, obj: PlanVersion, version: int, **data) -> PlanVersion:
        return plans.update_version(obj, actor=self.request.user, expected_version=version, **data)

    @extend_schema(request=ReorderSerializer, responses=PlanVersionSerializer)
    @action(detail=True, methods=["post"])
    def reorder(self, request, **kwargs) -> Response:
        """Set the whole ranking: ``order`` lists every item's id once. A ranking based on
        an older ``version`` of the plan version is answered 409."""
        plan_version = self.get_object()
        data = self.validated(ReorderSerializer)
        items.reorder(
            plan_version, actor=request.user, expected_version=data["version"], order=data["order"]
        )
        return self.answer(plan_version)

    @extend_schema(request=SubmitSerializer, responses=PlanVersionSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, **kwargs) -> Response:
        """Submit the draft to the approving body: a decision item on its next open agenda
        (without the PDF attachment; see the viewset's description)."""
        plan_version = self.get_object()
        version = self.validated(SubmitSerializer)["version"]
        decisions.submit(plan_version, actor=request.user, expected_version=version)
        return self.answer(plan_version)


# --- items, criteria, scores and hours ---


class ItemViewSet(PlanEditableViewSet):
    """The items of a version in rank order (``?plan_version=`` filters), with their
    weighted score. Added at the bottom of the ranking; ``move`` moves one place."""

    model = ActionPlanItem
    serializer_class = ItemSerializer
    update_serializer_class = ItemUpdateSerializer
    filterset_class = _filter(ActionPlanItem, plan_version=PlanVersion)

    def scoped_queryset(self) -> QuerySet[ActionPlanItem]:
        return (
            ActionPlanItem.objects.select_related("project", "plan_version__plan")
            .prefetch_related(
                Prefetch("scores", queryset=ItemScore.objects.select_related("criterion")),
                "plan_version__criteria",
            )
            .order_by("plan_version_id", "rank", "id")
        )

    def create_through_service(self, **data) -> ActionPlanItem:
        plan_version = data.pop("plan_version")
        return items.add_item(plan_version, actor=self.request.user, **data)

    def update_through_service(self, item: ActionPlanItem, version: int, **data) -> ActionPlanItem:
        return items.update_item(item, actor=self.request.user, expected_version=version, **data)

    def perform_destroy(self, instance: ActionPlanItem) -> None:
        items.delete_item(instance, actor=self.request.user)

    @extend_schema(request=ItemMoveSerializer, responses=ItemSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, **kwargs) -> Response:
        """Move the item one place up or down. ``plan_version_version`` is the plan
        version's version as read; a move on an older ranking is answered 409."""
        item = self.get_object()
        data = self.validated(ItemMoveSerializer)
        items.move_item(
            item,
            actor=request.user,
            expected_version=data["plan_version_version"],
            direction=data["direction"],
        )
        return self.answer(item)


class CriterionViewSet(PlanEditableViewSet):
    """A version's scoring criteria with their weights (``?plan_version=`` filters)."""

    model = Criterion
    serializer_class = CriterionSerializer
    update_serializer_class = CriterionUpdateSerializer
    filterset_class = _filter(Criterion, plan_version=PlanVersion)

    def scoped_queryset(self) -> QuerySet[Criterion]:
        return Criterion.objects.select_related("plan_version__plan").order_by(
            "plan_version_id", "position", "id"
        )

    def create_through_service(self, **data) -> Criterion:
        plan_version = data.pop("plan_version")
        return plans.add_criterion(plan_version, actor=self.request.user, **data)

    def update_through_service(self, criterion: Criterion, version: int, **data) -> Criterion:
        return plans.update_criterion(
            criterion, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: Criterion) -> None:
        plans.delete_criterion(instance, actor=self.request.user)


class SetViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, PlanViewSetBase
):
    """Rows set as a whole: POST sets the row for its key (creating or replacing it),
    DELETE clears it. Answered 201 when created, 200 when replaced, 204 when cleared."""

    write_serializer_class: type

    def set_through_service(self, data: dict):
        raise NotImplementedError

    def existing(self, data: dict) -> bool:
        raise NotImplementedError

    def create(self, request, *args, **kwargs) -> Response:
        data = self.validated(self.write_serializer_class)
        existed = self.existing(data)
        obj = self.set_through_service(data)
        if obj is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        answer = self.answer(obj)
        answer.status_code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return answer


class ScoreViewSet(SetViewSet):
    """An item's scores per criterion (``?item=`` filters). POST scores an item 1–5 on a
    criterion of its version, replacing an earlier score; DELETE clears the score."""

    model = ItemScore
    serializer_class = ScoreSerializer
    write_serializer_class = ScoreWriteSerializer
    filterset_class = _filter(ItemScore, item=ActionPlanItem)

    def scoped_queryset(self) -> QuerySet[ItemScore]:
        return ItemScore.objects.select_related("criterion", "item__plan_version__plan").order_by(
            "item_id", "criterion__position", "criterion_id"
        )

    def existing(self, data: dict) -> bool:
        return ItemScore.objects.filter(item=data["item"], criterion=data["criterion"]).exists()

    def set_through_service(self, data: dict) -> ItemScore | None:
        item = data.pop("item")
        return items.set_score(item, actor=self.request.user, **data)

    @extend_schema(request=ScoreWriteSerializer, responses={201: ScoreSerializer})
    def create(self, request, *args, **kwargs) -> Response:
        return super().create(request, *args, **kwargs)

    def perform_destroy(self, instance: ItemScore) -> None:
        items.set_score(
            instance.item, actor=self.request.user, criterion=instance.criterion, score=None
        )


class HoursViewSet(SetViewSet):
    """Hours an item asks of and is given by an org unit per quarter (``?item=`` filters).
    POST sets the row for the item, org unit and quarter; 0 and 0 (or DELETE) clears it."""

    model = ItemHours
    serializer_class = HoursSerializer
    write_serializer_class = HoursWriteSerializer
    filterset_class = _filter(ItemHours, item=ActionPlanItem)

    def scoped_queryset(self) -> QuerySet[ItemHours]:
        return ItemHours.objects.select_related("org_unit", "item__plan_version__plan").order_by(
            "item_id", "org_unit__name", "quarter"
        )

    def existing(self, data: dict) -> bool:
        return ItemHours.objects.filter(
            item=data["item"], org_unit=data["org_unit"], quarter=data["quarter"]
        ).exists()

    def set_through_service(self, data: dict) -> ItemHours | None:
        item = data.pop("item")
        return items.set_hours(item, actor=self.request.user, **data)

    @extend_schema(request=HoursWriteSerializer, responses={201: HoursSerializer})
    def create(self, request, *args, **kwargs) -> Response:
        return super().create(request, *args, **kwargs)

    def perform_destroy(self, instance: ItemHours) -> None:
        items.set_hours(
            instance.item,
            actor=self.request.user,
            org_unit=instance.org_unit,
            quarter=instance.quarter,
            requested_hours=0,
            allocated_hours=0,
        )


# --- the digitalisation budget ---


class BudgetViewSet(EditableViewSet, PlanViewSetBase):
    """The digitalisation budget per year, newest first, with what is committed from it
    and what remains. One budget per year; it cannot shrink below what is committed."""

    model = BudgetPool
    serializer_class = BudgetSerializer
    update_serializer_class = BudgetUpdateSerializer

    def scoped_queryset(self) -> QuerySet[BudgetPool]:
        # ``committed`` costs a few queries per budget; there is one budget per year.
        return BudgetPool.objects.select_related("municipality").order_by("-year", "pk")

    def create_through_service(self, **data) -> BudgetPool:
        return budget.create_pool(municipality=self.municipality, actor=self.request.user, **data)

    def update_through_service(self, pool: BudgetPool, version: int, **data) -> BudgetPool:
        return budget.update_pool(pool, actor=self.request.user, expected_version=version, **data)


class AllocationViewSet(PlanEditableViewSet):
    """Money allocated from a budget to projects outside the plan (``?pool=`` filters),
    newest decision first. An allocation cannot exceed what remains of the budget."""

    model = BudgetAllocation
    serializer_class = AllocationSerializer
    update_serializer_class = AllocationUpdateSerializer
    filterset_class = _filter(BudgetAllocation, pool=BudgetPool)

    def scoped_queryset(self) -> QuerySet[BudgetAllocation]:
        return BudgetAllocation.objects.select_related(
            "pool__municipality", "project", "body", "agenda_item"
        ).order_by("-decided_on", "pk")

    def create_through_service(self, **data) -> BudgetAllocation:
        pool = data.pop("pool")
        return budget.allocate(pool, actor=self.request.user, **data)

    def update_through_service(
        self, allocation: BudgetAllocation, version: int, **data
    ) -> BudgetAllocation:
        return budget.update_allocation(
            allocation, actor=self.request.user, expected_version=version, **data
        )

    def perform_destroy(self, instance: BudgetAllocation) -> None:
        budget.delete_allocation(instance, actor=self.request.user)
