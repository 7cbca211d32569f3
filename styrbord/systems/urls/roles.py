"""Role pages: the catalogue and own roles, assignments, missing roles, handover."""

from django.urls import path

from styrbord.systems.views import roles

urlpatterns = [
    path("roller/", roles.role_list, name="roles"),
    path("roller/ny/", roles.role_create, name="role_create"),
    path("roller/<int:pk>/", roles.role_detail, name="role_detail"),
    path("roller/<int:pk>/rediger/", roles.role_edit, name="role_edit"),
    path("roller/tildel/", roles.assignment_create, name="assignment_create"),
    path("roller/tildeling/<int:pk>/rediger/", roles.assignment_edit, name="assignment_edit"),
    path("roller/tildeling/<int:pk>/slet/", roles.assignment_delete, name="assignment_delete"),
    path("roller/mangler/", roles.missing_roles, name="missing_roles"),
    path("roller/overdrag/<int:person_pk>/", roles.handover, name="handover"),
]
