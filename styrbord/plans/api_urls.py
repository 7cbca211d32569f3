"""The action plan API under ``/api/<kommune>/indsatsplan/`` (see ``plans.api.views``)."""

from rest_framework.routers import SimpleRouter

from styrbord.plans.api.views import (
    AllocationViewSet,
    BudgetViewSet,
    CriterionViewSet,
    HoursViewSet,
    ItemViewSet,
    PlanViewSet,
    ScoreViewSet,
    VersionViewSet,
)

app_name = "plans_api"

router = SimpleRouter()
router.register("plans", PlanViewSet, basename="plan")
router.register("versions", VersionViewSet, basename="version")
router.register("items", ItemViewSet, basename="item")
router.register("criteria", CriterionViewSet, basename="criterion")
router.register("scores", ScoreViewSet, basename="score")
router.register("hours", HoursViewSet, basename="hours")
router.register("budgets", BudgetViewSet, basename="budget")
router.register("allocations", AllocationViewSet, basename="allocation")

urlpatterns = router.urls
