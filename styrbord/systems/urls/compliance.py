"""The compliance overview."""

from django.urls import path

from styrbord.systems.views import compliance

urlpatterns = [
    path("overblik/", compliance.overview, name="compliance"),
]
