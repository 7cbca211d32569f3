from django.urls import path

from styrbord.portfolio.views import catalogue

urlpatterns = [
    path("faelles/", catalogue.catalogue_list, name="catalogue_list"),
    path("faelles/<int:pk>/", catalogue.catalogue_detail, name="catalogue_detail"),
]
