"""The system-usage pages: the list (the systems area's front page) and one usage."""

from django.urls import path

from styrbord.systems.views import usages

urlpatterns = [
    path("", usages.index, name="index"),
    path("anvendelser/ny/", usages.usage_create, name="usage_create"),
    path("anvendelser/<int:pk>/", usages.usage_detail, name="usage_detail"),
    path("anvendelser/<int:pk>/rediger/", usages.usage_edit, name="usage_edit"),
    path("anvendelser/<int:pk>/slet/", usages.usage_delete, name="usage_delete"),
    path("anvendelser/<int:pk>/projekter/", usages.usage_projects, name="usage_projects"),
    path("anvendelser/<int:pk>/principper/", usages.usage_principle, name="usage_principle"),
]
