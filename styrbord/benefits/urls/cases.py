"""The business case pages: the case, its frame, its cost lines and the comparison with
the approved baseline."""

from django.urls import path

from styrbord.benefits.views import cases

urlpatterns = [
    path("projekt/<int:pk>/business-case/", cases.case, name="case"),
    path("projekt/<int:pk>/business-case/rediger/", cases.case_edit, name="case_edit"),
    path("projekt/<int:pk>/business-case/omkostning/ny/", cases.cost_create, name="cost_create"),
    path("projekt/<int:pk>/business-case/sammenligning/", cases.case_compare, name="case_compare"),
    path("omkostning/<int:pk>/rediger/", cases.cost_edit, name="cost_edit"),
    path("omkostning/<int:pk>/slet/", cases.cost_delete, name="cost_delete"),
]
