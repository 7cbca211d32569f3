"""Governance API, under /api/<kommune>/styring/ (see ``governance.api.views``)."""

from rest_framework.routers import SimpleRouter

from styrbord.governance.api.views import (
    ActionItemViewSet,
    AgendaItemViewSet,
    BodyMembershipViewSet,
    BodyViewSet,
    DecisionViewSet,
    MeetingViewSet,
)

app_name = "governance_api"

router = SimpleRouter()
router.register("bodies", BodyViewSet, basename="body")
router.register("memberships", BodyMembershipViewSet, basename="membership")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("agenda-items", AgendaItemViewSet, basename="agenda-item")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("action-items", ActionItemViewSet, basename="action-item")

urlpatterns = router.urls
