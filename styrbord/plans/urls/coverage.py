"""URL patterns; see the module of the same name in ``views``."""

from django.urls import path

from styrbord.plans.views import coverage

urlpatterns = [
    path("<int:year>/v<int:number>/daekning/", coverage.coverage, name="coverage"),
    path(
        "<int:year>/v<int:number>/daekning/ny/",
        coverage.exclusion_create,
        name="exclusion_create",
    ),
    path(
        "<int:year>/v<int:number>/daekning/<int:pk>/",
        coverage.exclusion_edit,
        name="exclusion_edit",
    ),
    path(
        "<int:year>/v<int:number>/daekning/<int:pk>/slet/",
        coverage.exclusion_delete,
        name="exclusion_delete",
    ),
]
