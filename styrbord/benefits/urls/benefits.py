"""The benefit pages: the list, a project's benefits, a benefit and its follow-up."""

from django.urls import path

from styrbord.benefits.views import benefits

urlpatterns = [
    path("", benefits.index, name="index"),
    path("projekt/<int:pk>/", benefits.project, name="project"),
    path("projekt/<int:pk>/ny/", benefits.benefit_create, name="benefit_create"),
    path("<int:pk>/", benefits.benefit_detail, name="benefit_detail"),
    path("<int:pk>/rediger/", benefits.benefit_edit, name="benefit_edit"),
    path("<int:pk>/slet/", benefits.benefit_delete, name="benefit_delete"),
    path("<int:pk>/maaling/ny/", benefits.measurement_create, name="measurement_create"),
    path("maaling/<int:pk>/slet/", benefits.measurement_delete, name="measurement_delete"),
    path("<int:pk>/hoestning/ny/", benefits.harvest_create, name="harvest_create"),
    path("hoestning/<int:pk>/slet/", benefits.harvest_delete, name="harvest_delete"),
    path("<int:pk>/profil/", benefits.profile_point, name="profile_point"),
    path("profil/<int:pk>/slet/", benefits.profile_delete, name="profile_delete"),
]
