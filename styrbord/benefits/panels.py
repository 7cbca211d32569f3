"""The benefits panel on the portfolio's project page: the checklist and what is late."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from styrbord.benefits import queries
from styrbord.portfolio.models import Project


def project_benefits(request: HttpRequest, project: Project) -> dict[str, Any]:
    project_benefits = queries.benefits_of(project)
    today = timezone.localdate()
    return {
        "project": project,
        "kommune": request.municipality.slug,
        "badges": queries.checklist(project_benefits, queries.harvested_total(project)),
        "benefit_count": len(project_benefits),
        "overdue_count": sum(
            1
            for benefit in project_benefits
            if benefit.next_measurement_due is not None and benefit.next_measurement_due < today
        ),
    }
