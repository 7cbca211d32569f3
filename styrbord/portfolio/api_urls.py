"""Portfolio API under /api/<kommune>/portefolje/ (see ``portfolio.api.views``)."""

from rest_framework.routers import SimpleRouter

from styrbord.portfolio.api.views import (
    DeliverableViewSet,
    IdeaViewSet,
    LessonViewSet,
    MilestoneViewSet,
    PhaseChangeViewSet,
    ProjectViewSet,
    RiskViewSet,
    StatusReportViewSet,
    SuccessCriterionViewSet,
)

app_name = "portfolio_api"

router = SimpleRouter()
router.register("ideas", IdeaViewSet, basename="idea")
router.register("projects", ProjectViewSet, basename="project")
router.register("phase-changes", PhaseChangeViewSet, basename="phase-change")
router.register("deliverables", DeliverableViewSet, basename="deliverable")
router.register("success-criteria", SuccessCriterionViewSet, basename="success-criterion")
router.register("milestones", MilestoneViewSet, basename="milestone")
router.register("risks", RiskViewSet, basename="risk")
router.register("lessons", LessonViewSet, basename="lesson")
router.register("status-reports", StatusReportViewSet, basename="status-report")

urlpatterns = router.urls
