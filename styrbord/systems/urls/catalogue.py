"""The IT-system catalogue and the suppliers."""

from django.urls import path

from styrbord.systems.views import catalogue

urlpatterns = [
    path("katalog/", catalogue.catalogue, name="catalogue"),
    path("katalog/nyt/", catalogue.system_create, name="system_create"),
    path("katalog/<int:pk>/", catalogue.system_detail, name="system_detail"),
    path("katalog/<int:pk>/rediger/", catalogue.system_edit, name="system_edit"),
    path("leverandoerer/", catalogue.supplier_list, name="supplier_list"),
    path("leverandoerer/ny/", catalogue.supplier_create, name="supplier_create"),
    path("leverandoerer/<int:pk>/", catalogue.supplier_detail, name="supplier_detail"),
]
