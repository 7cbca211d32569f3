"""The plan items a project is part of, for the project's page."""

from typing import Any

from django.http import HttpRequest

from styrbord.plans import queries


def project_items(request: HttpRequest, project: Any) -> dict[str, Any]:
    return {"plan_items": queries.items_of_project(project), "kommune": request.municipality.slug}
