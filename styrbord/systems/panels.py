"""The IT-system panel on the portfolio's project page: the system usages the project
changes, linked from the usage's side (``SystemUsage.projects``)."""

from typing import Any

from django.http import HttpRequest

from styrbord.portfolio.models import Project
from styrbord.systems.models import SystemUsage


def project_usages(request: HttpRequest, project: Project) -> dict[str, Any]:
    return {
        "project": project,
        "kommune": request.municipality.slug,
        "usages": list(
            SystemUsage.objects.filter(projects=project)
            .select_related("system")
            .order_by("system__name", "local_name", "pk")
        ),
    }
