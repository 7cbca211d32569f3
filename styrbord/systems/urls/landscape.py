"""The landscape views: TIME quadrant, lifecycle timeline, org units and suppliers."""

from django.urls import path

from styrbord.systems.views import landscape

urlpatterns = [
    path("landskab/", landscape.landscape, name="landscape"),
    path("landskab/livscyklus/", landscape.lifecycle, name="lifecycle"),
    path("landskab/enheder/", landscape.by_unit, name="by_unit"),
    path("landskab/leverandoerer/", landscape.suppliers, name="suppliers"),
]
