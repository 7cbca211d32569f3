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
    overdue_registrations = compliance.overdue_registration_ids(today)
    # Every usage's flags in one query: the totals are counted from them, and the list is
    # the usages with a gap, paged in the database by id without the flags' subqueries.
    flags = compliance.flags_of(
        compliance.annotate_gaps(
            SystemUsage.objects.all(), today, notice_contracts, overdue_registrations
        )
    )
    totals = compliance.totals(flags)
    # Only what a row shows: on PostgreSQL the whole catalogue row of every system would be
    # hashed for the sort by system name.
    shown = SystemUsage.objects.select_related("system", "responsible_unit").only(
        "local_name", "lifecycle", "system", "system__name", "responsible_unit__name"
    )
    listed = compliance.annotate_targets(
        shown.filter(pk__in=[pk for pk, row in flags.items() if any(row)]),
        notice_contracts,
        overdue_registrations,
    )
    filterset = ComplianceFilter(
        request.GET or None,
        queryset=listed.order_by("system__name", "local_name", "pk"),
        request=request,
        flags=flags,
    )
    filtered = (
        filterset.is_bound and filterset.is_valid() and any(filterset.form.cleaned_data.values())
    )
    page = paginate(request, filterset.qs, count=None if filtered else totals.with_gaps)
    rows = [
        {
            "usage": usage,
            "gaps": [
                (line, line.fix_url(kommune))
                for line in compliance.lines_of(compliance.set_flags(usage, flags))
            ],
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
