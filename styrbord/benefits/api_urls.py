"""The benefits API under ``/api/<kommune>/gevinster/`` (see ``benefits.api.views``)."""

from rest_framework.routers import SimpleRouter

from styrbord.benefits.api.views import (
    BenefitViewSet,
    BusinessCaseViewSet,
    CostViewSet,
    HarvestViewSet,
    MapEdgeViewSet,
    MapNodeViewSet,
    MeasurementViewSet,
    ProfilePointViewSet,
)

app_name = "benefits_api"

router = SimpleRouter()
router.register("benefits", BenefitViewSet, basename="benefit")
router.register("measurements", MeasurementViewSet, basename="measurement")
router.register("harvests", HarvestViewSet, basename="harvest")
router.register("profile-points", ProfilePointViewSet, basename="profile-point")
router.register("business-cases", BusinessCaseViewSet, basename="business-case")
router.register("costs", CostViewSet, basename="cost")
router.register("map-nodes", MapNodeViewSet, basename="map-node")
router.register("map-edges", MapEdgeViewSet, basename="map-edge")

urlpatterns = router.urls
