"""Benefits realisation pages under ``/<kommune>/gevinster/``, one module per area."""

from styrbord.benefits.urls import benefits, cases, maps, reports

app_name = "benefits"
urlpatterns = [
    *benefits.urlpatterns,
    *cases.urlpatterns,
    *maps.urlpatterns,
    *reports.urlpatterns,
]
