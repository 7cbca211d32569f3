"""The KITOS synchronisation pages (local administrators)."""

from django.urls import path

from styrbord.systems.views import kitos

urlpatterns = [
    path("kitos/", kitos.kitos, name="kitos"),
    path("kitos/start/", kitos.kitos_start, name="kitos_start"),
    path("kitos/<int:pk>/", kitos.kitos_run, name="kitos_run"),
]
