"""Data-processing pages under ``/<kommune>/systemer/databehandling/``."""

from django.urls import path

from styrbord.systems.views import protection

urlpatterns = [
    path("databehandling/", protection.registration_list, name="registrations"),
    path("databehandling/ny/", protection.registration_create, name="registration_create"),
    path("databehandling/<int:pk>/", protection.registration_detail, name="registration_detail"),
    path(
        "databehandling/<int:pk>/rediger/",
        protection.registration_edit,
        name="registration_edit",
    ),
    path(
        "databehandling/<int:pk>/slet/", protection.registration_delete, name="registration_delete"
    ),
    path(
        "databehandling/<int:pk>/tilsyn/ny/", protection.oversight_create, name="oversight_create"
    ),
    path(
        "databehandling/tilsyn/<int:pk>/slet/",
        protection.oversight_delete,
        name="oversight_delete",
    ),
]
