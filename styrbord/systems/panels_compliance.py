"""The compliance panel on a system usage's page: its gaps, each with the link to its fix
for those who may keep the usage."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from styrbord.systems import compliance, policy
from styrbord.systems.models import IN_USE, SystemUsage


def usage_gaps(request: HttpRequest, usage: SystemUsage) -> dict[str, Any]:
    kommune = request.municipality.slug
    return {
        "usage": usage,
        "kommune": kommune,
        "checked": usage.lifecycle in IN_USE,
        "may_fix": policy.can_keep_usage(request.user, usage),
        "gaps": [
            (line, line.fix_url(kommune))
            for line in compliance.gaps_for(usage, timezone.localdate())
        ],
    }
