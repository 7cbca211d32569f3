from django.urls import path

from styrbord.portfolio.views import ideas

urlpatterns = [
    path("ideer/", ideas.idea_list, name="idea_list"),
    path("ideer/ny/", ideas.idea_create, name="idea_create"),
    path("ideer/<int:pk>/", ideas.idea_detail, name="idea_detail"),
    path("ideer/<int:pk>/rediger/", ideas.idea_edit, name="idea_edit"),
    path("ideer/<int:pk>/behandl/", ideas.idea_triage, name="idea_triage"),
    path("erfaringer/", ideas.lessons, name="lessons"),
]
