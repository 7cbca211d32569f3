"""Strategy pages under /<kommune>/strategi/."""

from django.urls import path

from styrbord.strategy import views

app_name = "strategy"
urlpatterns = [
    path("", views.strategy_list, name="strategy_list"),
    path("ny/", views.strategy_create, name="strategy_create"),
    path("<int:pk>/", views.strategy_detail, name="strategy_detail"),
    path("<int:pk>/rediger/", views.strategy_edit, name="strategy_edit"),
    path("<int:pk>/tillaeg/ny/", views.addendum_create, name="addendum_create"),
    path("tillaeg/<int:pk>/rediger/", views.addendum_edit, name="addendum_edit"),
    path("<int:pk>/fokusomraader/ny/", views.focus_area_create, name="focus_area_create"),
    path("fokusomraader/<int:pk>/rediger/", views.focus_area_edit, name="focus_area_edit"),
    path("fokusomraader/<int:pk>/slet/", views.focus_area_delete, name="focus_area_delete"),
    path("<int:pk>/principper/ny/", views.principle_create, name="principle_create"),
    path("principper/<int:pk>/rediger/", views.principle_edit, name="principle_edit"),
    path("principper/<int:pk>/slet/", views.principle_delete, name="principle_delete"),
]
