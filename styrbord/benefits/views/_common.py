"""What every benefit page needs: the project or benefit from the URL, and who may edit."""

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from styrbord.benefits import policy, queries
from styrbord.benefits.models import Benefit
from styrbord.core.views.helpers import require
from styrbord.portfolio import queries as portfolio_queries
from styrbord.portfolio.models import Project


def viewable_project(request: HttpRequest, pk: int) -> Project:
    """The project from the URL, for a user who may read benefits."""
    require(policy.can_view(request.user, request.municipality))
    return get_object_or_404(portfolio_queries.projects(), pk=pk)


def editable_project(request: HttpRequest, pk: int) -> Project:
    require(policy.can_edit(request.user, request.municipality))
    return get_object_or_404(portfolio_queries.projects(), pk=pk)


def viewable_benefit(request: HttpRequest, pk: int) -> Benefit:
    require(policy.can_view(request.user, request.municipality))
    return get_object_or_404(queries.benefits(), pk=pk)


def project_context(request: HttpRequest, project: Project, tab: str) -> dict[str, Any]:
    """The context ``benefits/_project_header.html`` needs; ``tab`` is benefits,
    business-case or benefit-map."""
    return {
        "project": project,
        "tab": tab,
        "can_edit": policy.can_edit(request.user, request.municipality),
    }
