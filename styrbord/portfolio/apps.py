from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "styrbord.portfolio"
    label = "portfolio"
    verbose_name = _("Portfolio")

    def ready(self) -> None:
        from django.urls import reverse

        from styrbord.core import tasks
        from styrbord.core.views.history import HISTORY_MODELS
        from styrbord.governance import hooks, links
        from styrbord.portfolio import task_providers
        from styrbord.portfolio.models import Project
        from styrbord.portfolio.services.phases import on_decision

        tasks.register("portfolio.status_reports", task_providers.status_reports)
        tasks.register("portfolio.ideas", task_providers.ideas_to_triage)
        # A decision recorded on a project's agenda item moves the project through its gate.
        hooks.on_decision(on_decision)
        links.register(
            "project",
            Project,
            lambda project, kommune: reverse(
                "portfolio:project_detail", kwargs={"kommune": kommune, "pk": project.pk}
            ),
        )
        HISTORY_MODELS.update(
            {
                "idea": "portfolio.Idea",
                "project": "portfolio.Project",
                "deliverable": "portfolio.Deliverable",
                "success-criterion": "portfolio.SuccessCriterion",
                "milestone": "portfolio.Milestone",
                "risk": "portfolio.Risk",
                "lesson": "portfolio.Lesson",
                "status-report": "portfolio.StatusReport",
                "architecture-alignment": "portfolio.ArchitectureAlignment",
            }
        )
