"""Strategy API under /api/<kommune>/strategi/ (see ``strategy.api``)."""

from rest_framework.routers import SimpleRouter

from styrbord.strategy.api import FocusAreaViewSet, PrincipleViewSet, StrategyViewSet

app_name = "strategy_api"

router = SimpleRouter()
router.register("strategies", StrategyViewSet, basename="strategy")
router.register("focus-areas", FocusAreaViewSet, basename="focus-area")
router.register("principles", PrincipleViewSet, basename="principle")

urlpatterns = router.urls
