from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "styrbord.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        # The dashboard's "Mine opgaver" lists open action items and meeting steps; the
        # providers live here so that core does not import governance.
        from django.urls import reverse

        from styrbord.core import panels, tasks
        from styrbord.core.views.history import HISTORY_MODELS
        from styrbord.governance import links, task_providers
        from styrbord.governance.models import Body, Meeting

        tasks.register("governance.action_items", task_providers.action_items)
        tasks.register("governance.meeting_steps", task_providers.meeting_steps)
        panels.register(
            "person",
            "governance/panels/person_memberships.html",
            task_providers.person_memberships_context,
        )
        # Agenda items can link to bodies and meetings; other modules register their own.
        links.register(
            "body",
            Body,
            lambda body, kommune: reverse(
                "governance:body_detail", kwargs={"kommune": kommune, "pk": body.pk}
            ),
        )
        links.register(
            "meeting",
            Meeting,
            lambda meeting, kommune: reverse(
                "governance:meeting_detail", kwargs={"kommune": kommune, "pk": meeting.pk}
            ),
        )
        HISTORY_MODELS.update(
            {
                "body": "governance.Body",
                "body-membership": "governance.BodyMembership",
                "meeting": "governance.Meeting",
                "agenda-item": "governance.AgendaItem",
                "action-item": "governance.ActionItem",
                "cycle-item": "governance.CycleItem",
            }
        )
