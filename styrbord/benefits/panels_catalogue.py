"""The benefit results municipalities share, on a shared-catalogue project's page."""

from typing import Any

from django.http import HttpRequest

from styrbord.benefits import queries
from styrbord.portfolio.models import Project


def shared_results(request: HttpRequest, project: Project) -> dict[str, Any]:
    sharing, measures = queries.shared_results(project)
    return {"sharing": sharing, "measures": measures, "min_sharing": queries.MIN_SHARING}
