"""The action plan's pages under ``/<kommune>/indsatsplan/``, one module per area."""

from styrbord.plans.urls import budget, coverage, decision, plans, resources, scoring

app_name = "plans"
urlpatterns = [
    *budget.urlpatterns,
    *plans.urlpatterns,
    *scoring.urlpatterns,
    *resources.urlpatterns,
    *coverage.urlpatterns,
    *decision.urlpatterns,
]
