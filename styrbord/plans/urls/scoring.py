"""URL patterns; see the module of the same name in ``views``."""

from django.urls import path

from styrbord.plans.views import scoring

VERSION = "<int:year>/v<int:number>/"

urlpatterns = [
    path(f"{VERSION}kriterier/", scoring.criteria, name="criteria"),
    path(f"{VERSION}kriterier/ny/", scoring.criterion_create, name="criterion_create"),
    path(f"{VERSION}kriterier/<int:pk>/", scoring.criterion_edit, name="criterion_edit"),
    path(f"{VERSION}kriterier/<int:pk>/slet/", scoring.criterion_delete, name="criterion_delete"),
    path(f"{VERSION}punkter/<int:pk>/score/", scoring.item_scores, name="item_scores"),
    path(f"{VERSION}prioritering/", scoring.prioritisation, name="prioritisation"),
]
