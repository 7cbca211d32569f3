"""The IT-system portfolio API under ``/api/<kommune>/systemer/`` (see ``systems.api.views``)."""

from rest_framework.routers import SimpleRouter

from styrbord.systems.api.views import (
    ContractCostViewSet,
    ContractViewSet,
    IncidentViewSet,
    OversightViewSet,
    PrincipleAssessmentViewSet,
    RegistrationViewSet,
    RoleAssignmentViewSet,
    RoleViewSet,
    SupplierViewSet,
    SystemViewSet,
    UsageViewSet,
)

app_name = "systems_api"

router = SimpleRouter()
router.register("systems", SystemViewSet, basename="system")
router.register("suppliers", SupplierViewSet, basename="supplier")
router.register("usages", UsageViewSet, basename="usage")
router.register(
    "principle-assessments", PrincipleAssessmentViewSet, basename="principle-assessment"
)
router.register("roles", RoleViewSet, basename="role")
router.register("role-assignments", RoleAssignmentViewSet, basename="role-assignment")
router.register("contracts", ContractViewSet, basename="contract")
router.register("contract-costs", ContractCostViewSet, basename="contract-cost")
router.register("registrations", RegistrationViewSet, basename="registration")
router.register("oversights", OversightViewSet, basename="oversight")
router.register("incidents", IncidentViewSet, basename="incident")

urlpatterns = router.urls
