"""The portfolio's pages under ``/<kommune>/portefolje/``, one module per area."""

from styrbord.portfolio.urls import board, catalogue, charter, ideas, overview, projects, reports

app_name = "portfolio"
urlpatterns = [
    *overview.urlpatterns,
    *projects.urlpatterns,
    *charter.urlpatterns,
    *reports.urlpatterns,
    *board.urlpatterns,
    *ideas.urlpatterns,
    *catalogue.urlpatterns,
]
