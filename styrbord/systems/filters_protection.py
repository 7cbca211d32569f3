"""The FilterSets of the data-processing and incident lists.

Querysets of related rows are callables: scoped managers can only be queried inside a
request's municipality scope, never at import time. ``RegistrationFilter`` expects the
queryset of ``queries_protection.registrations()``, whose annotations the overdue filter
compares.
"""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from styrbord.core.filters import StyledFilterSet, scoped_org_units
from styrbord.systems import queries_protection as queries
from styrbord.systems.models import DataProcessingRegistration, SecurityIncident, Severity
from styrbord.systems.models.data_protection import AgreementConcluded

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
OPEN_CLOSED = [("open", _("Open")), ("closed", _("Closed"))]


def _yes(queryset: QuerySet, condition: Q, value: str) -> QuerySet:
    return queryset.filter(condition) if value == "yes" else queryset.exclude(condition)


class RegistrationFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    agreement_concluded = django_filters.ChoiceFilter(
        choices=AgreementConcluded.choices, label=_("Agreement concluded")
    )
    third_country = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_third_country", label=_("Transfer to third countries")
    )
    overdue = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_overdue", label=_("Oversight overdue")
    )
    responsible_unit = django_filters.ModelChoiceFilter(
        queryset=scoped_org_units, label=_("Responsible unit")
    )

    class Meta:
        model = DataProcessingRegistration
        fields = ["q", "agreement_concluded", "third_country", "overdue", "responsible_unit"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Through the link table, so a registration with two matching processors is
        # listed once; the link rows carry no municipality, the registrations do.
        through = DataProcessingRegistration.processors.through.objects
        by_processor = through.filter(supplier__name__icontains=value).values(
            "dataprocessingregistration_id"
        )
        return queryset.filter(Q(name__icontains=value) | Q(pk__in=by_processor))

    def filter_third_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _yes(queryset, Q(third_country_transfer=True), value)

    def filter_overdue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _yes(queryset, queries.oversight_overdue(), value)


class IncidentFilter(StyledFilterSet):
    severity = django_filters.ChoiceFilter(choices=Severity.choices, label=_("Severity"))
    breach = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_breach", label=_("Personal data breached")
    )
    status = django_filters.ChoiceFilter(
        choices=OPEN_CLOSED, method="filter_status", label=_("Open or closed")
    )

    class Meta:
        model = SecurityIncident
        fields = ["severity", "breach", "status"]

    def filter_breach(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _yes(queryset, Q(personal_data_breach=True), value)

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        closed = Q(closed_at__isnull=False)
        return queryset.filter(closed) if value == "closed" else queryset.exclude(closed)
