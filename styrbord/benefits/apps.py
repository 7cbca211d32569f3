from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "styrbord.benefits"
    label = "benefits"
    verbose_name = _("Benefits realisation")

    def ready(self) -> None:
        # The portfolio's approval gate needs every benefit owned by a manager, and keeps the
        # business case as approved; the project page shows the benefits. The portfolio
        # imports none of this module.
        from styrbord.benefits import gate_rules, panels_catalogue, task_providers
        from styrbord.benefits import panels as benefit_panels
        from styrbord.core import panels, tasks
        from styrbord.core.views.history import HISTORY_MODELS
        from styrbord.portfolio import gates, tabs

        gates.register("benefits", check=gate_rules.check, passed=gate_rules.passed)
        tasks.register("benefits.measurements", task_providers.measurements_due)
        tabs.register("benefits", _("Benefits"), "benefits:project")
        tabs.register("business-case", _("Business case"), "benefits:case")
        tabs.register("benefit-map", _("Benefit map"), "benefits:map")
        panels.register("project", "benefits/panels/project.html", benefit_panels.project_benefits)
        panels.register(
            "catalogue-project",
            "benefits/panels/shared_results.html",
            panels_catalogue.shared_results,
        )
        HISTORY_MODELS.update(
            {
                "benefit": "benefits.Benefit",
                "measurement": "benefits.Measurement",
                "harvest": "benefits.Harvest",
                "business-case": "benefits.BusinessCase",
                "cost-line": "benefits.CostLine",
                "map-node": "benefits.MapNode",
            }
        )
