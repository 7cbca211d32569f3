from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "styrbord.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        # The dashboard's "Mine opgaver" lists open action items and meeting steps; the
        # providers live here so that core does not import governance.
        from styrbord.core import panels, tasks
        from styrbord.governance import task_providers

        tasks.register("governance.action_items", task_providers.action_items)
        tasks.register("governance.meeting_steps", task_providers.meeting_steps)
        panels.register(
            "person",
            "governance/panels/person_memberships.html",
            task_providers.person_memberships_context,
        )
