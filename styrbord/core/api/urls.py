from rest_framework.routers import DefaultRouter

from styrbord.core.api.views import OrgUnitViewSet, PersonViewSet

router = DefaultRouter()
router.register("org-units", OrgUnitViewSet, basename="api-org-unit")
router.register("persons", PersonViewSet, basename="api-person")

urlpatterns = router.urls
