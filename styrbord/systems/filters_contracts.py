"""The contract list's FilterSet, shared by the page, the API and the Excel export.

Querysets of related rows are callables: scoped managers can only be queried inside a
request's municipality scope, never at import time. Suppliers and owners offered are
those this municipality's contracts name, so a catalogue supplier used only elsewhere
is not listed.
"""

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.dates import add_months
from styrbord.core.filters import StyledFilterSet
from styrbord.core.models import Person
from styrbord.systems.models import Contract, Procurement, Supplier
from styrbord.systems.queries_contracts import NOTICE_SOON_MONTHS, notice_due_pks

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
# Spelled out: a lazy string formatted at import would be translated once, too early.
EXPIRING_CHOICES = [
    ("6", _("Within 6 months")),
    ("12", _("Within 12 months")),
    ("18", _("Within 18 months")),
]


def contract_suppliers(request) -> QuerySet[Supplier]:
    return Supplier.shared.filter(pk__in=Contract.objects.values("supplier")).order_by("name")


def contract_owners(request) -> QuerySet[Person]:
    return Person.objects.filter(pk__in=Contract.objects.values("owner")).order_by("name")


class ContractFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    supplier = django_filters.ModelChoiceFilter(queryset=contract_suppliers, label=_("Supplier"))
    owner = django_filters.ModelChoiceFilter(queryset=contract_owners, label=_("Contract owner"))
    procurement = django_filters.ChoiceFilter(choices=Procurement.choices, label=_("Procurement"))
    expiring = django_filters.ChoiceFilter(
        choices=EXPIRING_CHOICES, method="filter_expiring", label=_("Expires")
    )
    terminated = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_terminated", label=_("Terminated")
    )
    notice_soon = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_notice_soon", label=_("Notice deadline within 6 months")
    )

    class Meta:
        model = Contract
        fields = ["q", "supplier", "owner", "procurement", "expiring", "terminated", "notice_soon"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(name__icontains=value)
            | Q(number__icontains=value)
            | Q(supplier__name__icontains=value)
        )

    def filter_expiring(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        today = timezone.localdate()
        return queryset.filter(
            terminated_on__isnull=True,
            expires_on__gte=today,
            expires_on__lte=add_months(today, int(value)),
        )

    def filter_terminated(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(terminated_on__isnull=value != "yes")

    def filter_notice_soon(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        due = notice_due_pks(queryset, NOTICE_SOON_MONTHS)
        return queryset.filter(pk__in=due) if value == "yes" else queryset.exclude(pk__in=due)
