from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SystemsConfig(AppConfig):
    name = "styrbord.systems"
    label = "systems"
    verbose_name = _("IT systems")

    def ready(self) -> None:
        # The usage page is assembled from panels, so roles, contracts, data processing and
        # the compliance gaps each live in their own module; the project and person pages
        # get the systems they are linked to without the portfolio or core importing this.
        from styrbord.core import panels
        from styrbord.core.views.history import HISTORY_MODELS
        from styrbord.systems import panels as system_panels
        from styrbord.systems import (
            panels_compliance,
            panels_contracts,
            panels_protection,
            panels_roles,
            task_providers,
        )

        task_providers.register()
        panels.register("usage", "systems/panels/compliance.html", panels_compliance.usage_gaps)
        panels.register("usage", panels_roles.USAGE_TEMPLATE, panels_roles.usage_roles)
        panels.register(
            "usage", "systems/panels/usage_contracts.html", panels_contracts.usage_contracts
        )
        panels.register(
            "usage", "systems/panels/protection.html", panels_protection.usage_protection
        )
        panels.register("contract", panels_roles.CONTRACT_TEMPLATE, panels_roles.contract_roles)
        panels.register("person", panels_roles.PERSON_TEMPLATE, panels_roles.person_roles)
        panels.register(
            "project", "systems/panels/project_usages.html", system_panels.project_usages
        )
        HISTORY_MODELS.update(
            {
                "system-usage": "systems.SystemUsage",
                "contract": "systems.Contract",
                "processing-registration": "systems.DataProcessingRegistration",
                "security-incident": "systems.SecurityIncident",
                "role-assignment": "systems.RoleAssignment",
            }
        )
