"""URL patterns; see the module of the same name in ``views``."""

from django.urls import path

from styrbord.plans.views import plans

VERSION = "<int:year>/v<int:number>/"
ITEM = f"{VERSION}punkter/<int:pk>/"

urlpatterns = [
    path("", plans.index, name="index"),
    path("ny/", plans.plan_create, name="plan_create"),
    path("<int:year>/", plans.plan, name="plan"),
    path("<int:year>/rediger/", plans.plan_edit, name="plan_edit"),
    path("<int:year>/revision/", plans.revision_create, name="revision_create"),
    path(VERSION, plans.version, name="version"),
    path(f"{VERSION}rediger/", plans.version_edit, name="version_edit"),
    path(f"{VERSION}kasser/", plans.version_delete, name="version_delete"),
    path(f"{VERSION}raekkefoelge/", plans.reorder, name="reorder"),
    path(f"{VERSION}punkter/ny/", plans.item_create, name="item_create"),
    path(ITEM, plans.item_edit, name="item_edit"),
    path(f"{ITEM}slet/", plans.item_delete, name="item_delete"),
    path(f"{ITEM}flyt/", plans.item_move, name="item_move"),
]
