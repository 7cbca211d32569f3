"""URL patterns; see the module of the same name in ``views``."""

from django.urls import path

from styrbord.plans.views import resources

urlpatterns = [
    path(
        "<int:year>/v<int:number>/punkter/<int:pk>/timer/",
        resources.item_hours,
        name="item_hours",
    ),
    path("<int:year>/v<int:number>/kapacitet/", resources.capacity, name="capacity"),
    path(
        "<int:year>/v<int:number>/kapacitet/<int:org_unit>/",
        resources.capacity_edit,
        name="capacity_edit",
    ),
    path("<int:year>/v<int:number>/kvartaler/", resources.quarters, name="quarters"),
]
