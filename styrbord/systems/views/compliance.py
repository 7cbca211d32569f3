"""The compliance overview: totals per gap kind, then each usage in use with its gaps and
a link to the fix of each."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from styrbord.core.views.helpers import paginate, require
from styrbord.systems import compliance, policy
from styrbord.systems.filters_compliance import ComplianceFilter
from styrbord.systems.models import SystemUsage


def overview(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    today = timezone.localdate()
    notice_contracts = compliance.notice_soon_ids(today)
    usages = compliance.annotate_gaps(
        SystemUsage.objects.select_related("system", "responsible_unit"), today, notice_contracts
    )
    totals = compliance.totals(usages)
    filterset = ComplianceFilter(
        request.GET or None,
        queryset=usages.filter(compliance.has_any_gap()).order_by(
            "system__name", "local_name", "pk"
        ),
        request=request,
    )
    # Unfiltered, the list is the usages with a gap, which the totals have counted.
    filtered = (
        filterset.is_bound and filterset.is_valid() and any(filterset.form.cleaned_data.values())
    )
    page = paginate(request, filterset.qs, count=None if filtered else totals.with_gaps)
    rows = [
        {
            "usage": usage,
            "gaps": [(line, line.fix_url(kommune)) for line in compliance.lines_of(usage)],
        }
        for usage in page
    ]
    return render(
        request,
        "systems/compliance/overview.html",
        {
            "filter": filterset,
            "page": page,
            "rows": rows,
            "totals": totals,
            "kinds": [
                (kind, totals.per_kind[kind], compliance.SENTENCES[kind]) for kind in compliance.Gap
            ],
            "notice_months": compliance.NOTICE_SOON_MONTHS,
            "risk_months": compliance.RISK_VALID_MONTHS,
        },
    )
