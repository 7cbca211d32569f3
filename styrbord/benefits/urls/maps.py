"""The benefit map (gevinstkort) of a project: the page, its editing and its PDF."""

from django.urls import path

from styrbord.benefits.views import maps

urlpatterns = [
    path("projekt/<int:pk>/gevinstkort/", maps.map_page, name="map"),
    path("projekt/<int:pk>/gevinstkort/knude/ny/", maps.node_create, name="node_create"),
    path("knude/<int:pk>/rediger/", maps.node_edit, name="node_edit"),
    path("knude/<int:pk>/slet/", maps.node_delete, name="node_delete"),
    path("projekt/<int:pk>/gevinstkort/pil/ny/", maps.edge_create, name="edge_create"),
    path("pil/<int:pk>/slet/", maps.edge_delete, name="edge_delete"),
    path("projekt/<int:pk>/gevinstkort/udfyld/", maps.map_fill, name="map_fill"),
    path("projekt/<int:pk>/gevinstkort.pdf", maps.map_pdf, name="map_pdf"),
]
