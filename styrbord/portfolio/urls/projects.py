from django.urls import path

from styrbord.portfolio.views import projects

urlpatterns = [
    path("projekter/ny/", projects.project_create, name="project_create"),
    path("projekter/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projekter/<int:pk>/rediger/", projects.project_edit, name="project_edit"),
    path("projekter/<int:pk>/fase/", projects.phase_change, name="phase_change"),
    path("projekter/<int:pk>/send/", projects.send_for_decision, name="send_for_decision"),
    path("projekter/<int:pk>/opdatering/", projects.request_update, name="request_update"),
    path("projekter/<int:pk>/afslut/", projects.project_close, name="project_close"),
    path("projekter/<int:pk>/arkitektur/", projects.alignment, name="alignment"),
    path("projekter/<int:pk>/links/ny/", projects.project_link_create, name="project_link_create"),
    path(
        "projekter/<int:pk>/links/<int:link_pk>/slet/",
        projects.project_link_delete,
        name="project_link_delete",
    ),
]
