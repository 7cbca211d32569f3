from django.urls import path

from styrbord.portfolio.views import overview

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("eksport.csv", overview.overview_csv, name="overview_csv"),
    path("eksport.xlsx", overview.overview_xlsx, name="overview_xlsx"),
    path("tidslinje/", overview.timeline, name="timeline"),
    path("historisk/", overview.as_of, name="as_of"),
    path("aendringer/", overview.changes, name="changes"),
    path("filtre/gem/", overview.saved_filter_create, name="saved_filter_create"),
    path("filtre/<int:pk>/slet/", overview.saved_filter_delete, name="saved_filter_delete"),
]
