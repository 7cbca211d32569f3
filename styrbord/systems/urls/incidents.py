"""Security-incident pages under ``/<kommune>/systemer/haendelser/``."""

from django.urls import path

from styrbord.systems.views import incidents

urlpatterns = [
    path("haendelser/", incidents.incident_list, name="incidents"),
    path("haendelser/ny/", incidents.incident_create, name="incident_create"),
    path("haendelser/<int:pk>/", incidents.incident_detail, name="incident_detail"),
    path("haendelser/<int:pk>/rediger/", incidents.incident_edit, name="incident_edit"),
]
