from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "styrbord.plans"
    label = "plans"
    verbose_name = _("Action plan and budget")

    def ready(self) -> None:
        # The decision on a submitted plan is recorded in governance; the project page
        # shows the plan items a project is part of. Neither module imports this one.
        from styrbord.core import panels
        from styrbord.core.views.history import HISTORY_MODELS
        from styrbord.governance import hooks
        from styrbord.plans import panels as plan_panels
        from styrbord.plans.services import decisions

        hooks.on_decision(decisions.on_decision)
        panels.register("project", "plans/panels/project_items.html", plan_panels.project_items)
        HISTORY_MODELS.update(
            {
                "action-plan": "plans.ActionPlan",
                "plan-version": "plans.PlanVersion",
                "plan-item": "plans.ActionPlanItem",
                "budget-pool": "plans.BudgetPool",
                "budget-allocation": "plans.BudgetAllocation",
            }
        )
