"""The contracts panel on a system usage's page: the contracts covering the usage, each
with its last day to give notice."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from styrbord.systems import queries_contracts as queries
from styrbord.systems.models import SystemUsage


def usage_contracts(request: HttpRequest, usage: SystemUsage) -> dict[str, Any]:
    return {
        "usage": usage,
        "kommune": request.municipality.slug,
        "rows": queries.with_deadlines(queries.contracts_covering(usage), timezone.localdate()),
    }
