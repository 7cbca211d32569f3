"""Reads for the data-processing and incident pages, the usage panel and the API.

A registration's next oversight is due a number of months after its last oversight (or,
before the first, its agreement). The list annotates the last oversight's date with a
subquery, so each row's next due date is worked out in Python (``oversight``) without a
query per row, and "overdue" is filtered in the database by comparing that start date with
a cut-off per distinct interval.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from styrbord.systems.deadlines import months_before
from styrbord.systems.models import (
    DataProcessingRegistration,
    Oversight,
    SecurityIncident,
    Supplier,
    SystemUsage,
)
from styrbord.systems.oversight import countdown_texts, next_oversight_due, notify_status


def _last_oversight() -> Subquery:
    return Subquery(
        Oversight.objects.filter(registration=OuterRef("pk"))
        .order_by("-done_on")
        .values("done_on")[:1]
    )


def registrations() -> QuerySet[DataProcessingRegistration]:
    """Registrations with ``last_oversight_on`` and ``oversight_from`` (the date the next
    oversight counts from) annotated, and what the list shows prefetched. Processors may
    be catalogue suppliers, which the scoped related manager would not return."""
    return (
        DataProcessingRegistration.objects.annotate(last_oversight_on=_last_oversight())
        .annotate(oversight_from=Coalesce("last_oversight_on", "agreement_on"))
        .select_related("responsible_unit")
        .prefetch_related(
            Prefetch("processors", queryset=Supplier.shared.order_by("name")),
            Prefetch("sub_processors", queryset=Supplier.shared.order_by("name")),
            Prefetch(
                "usages",
                queryset=SystemUsage.objects.select_related("system").order_by("local_name"),
            ),
            "contracts",
        )
    )


def next_due(registration: DataProcessingRegistration) -> datetime.date | None:
    """The next oversight of a registration read through ``registrations()``."""
    return next_oversight_due(
        registration.last_oversight_on,
        registration.agreement_on,
        registration.oversight_interval_months,
    )


def is_overdue(registration: DataProcessingRegistration, today: datetime.date) -> bool:
    due = next_due(registration)
    return due is not None and due < today


def oversight_overdue(today: datetime.date | None = None) -> Q:
    """Matches registrations of ``registrations()`` whose next oversight is before
    ``today``: ``oversight_from`` + interval < today, i.e. ``oversight_from`` on or before
    the latest day that interval before yesterday. One cut-off per interval in use, read
    with one query; there are only a handful (6, 12, 24 months …)."""
    today = today or timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    intervals = (
        DataProcessingRegistration.objects.filter(oversight_interval_months__gt=0)
        .order_by()
        .values_list("oversight_interval_months", flat=True)
        .distinct()
    )
    matches = Q(pk__in=[])
    for months in intervals:
        matches |= Q(
            oversight_interval_months=months,
            oversight_from__lte=months_before(yesterday, months),
        )
    return matches


def registration_rows(
    page: list[DataProcessingRegistration], today: datetime.date | None = None
) -> list[dict]:
    today = today or timezone.localdate()
    return [
        {
            "registration": registration,
            "next_due": next_due(registration),
            "overdue": is_overdue(registration, today),
        }
        for registration in page
    ]


def oversights_of(registration: DataProcessingRegistration) -> QuerySet[Oversight]:
    return Oversight.objects.filter(registration=registration).order_by("-done_on", "-pk")


def registrations_of_usage(usage: SystemUsage) -> list[DataProcessingRegistration]:
    return list(registrations().filter(usages=usage).order_by("name", "pk"))


def incidents() -> QuerySet[SecurityIncident]:
    return SecurityIncident.objects.select_related("usage__system")


def incidents_of_usage(usage: SystemUsage) -> list[SecurityIncident]:
    return list(incidents().filter(usage=usage).order_by("-detected_at", "-pk"))


def open_breaches() -> QuerySet[SecurityIncident]:
    """Personal-data breaches not yet notified to Datatilsynet, the oldest (most urgent)
    first."""
    return (
        incidents()
        .filter(personal_data_breach=True, notified_at__isnull=True)
        .order_by("detected_at", "pk")
    )


def incident_rows(incidents: Iterable[SecurityIncident]) -> list[dict[str, Any]]:
    """Each incident with where it stands with Datatilsynet now, and — while the deadline
    is open — the words ``countdown.js`` needs to tick it down."""
    now = timezone.now()
    rows = []
    for incident in incidents:
        status = notify_status(incident, now)
        rows.append(
            {
                "incident": incident,
                "status": status,
                "texts": countdown_texts(status.deadline) if status.is_open else None,
            }
        )
    return rows
