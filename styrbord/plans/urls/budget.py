"""URL patterns; see the module of the same name in ``views``."""

from django.urls import path

from styrbord.plans.views import budget

urlpatterns = [
    path("budget/", budget.budgets, name="budgets"),
    path("budget/ny/", budget.budget_create, name="budget_create"),
    path("budget/<int:year>/", budget.budget, name="budget"),
    path("budget/<int:year>/rediger/", budget.budget_edit, name="budget_edit"),
    path("budget/<int:year>/bevillinger/ny/", budget.allocation_create, name="allocation_create"),
    path("budget/<int:year>/bevillinger/<int:pk>/", budget.allocation_edit, name="allocation_edit"),
    path(
        "budget/<int:year>/bevillinger/<int:pk>/slet/",
        budget.allocation_delete,
        name="allocation_delete",
    ),
]
