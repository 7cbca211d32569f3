"""The data-protection panel on a system usage's page: the data-processing registrations
linked to the usage, each with its next oversight, and the usage's security incidents
with where each stands with Datatilsynet."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from styrbord.systems import policy
from styrbord.systems import queries_protection as queries
from styrbord.systems.models import SystemUsage


def usage_protection(request: HttpRequest, usage: SystemUsage) -> dict[str, Any]:
    registrations = queries.registrations_of_usage(usage)
    incidents = queries.incident_rows(queries.incidents_of_usage(usage))
    return {
        "usage": usage,
        "kommune": request.municipality.slug,
        "registrations": queries.registration_rows(registrations, timezone.localdate()),
        "incidents": incidents,
        "ticking": any(row["texts"] for row in incidents),
        "can_edit": policy.can_edit(request.user, request.municipality),
        "can_report": policy.can_report_incident(request.user, request.municipality),
    }
