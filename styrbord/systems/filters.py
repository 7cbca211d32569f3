"""The FilterSets of the IT-system lists, shared by the pages, the API and the Excel export.

Querysets of related rows are callables: scoped managers can only be queried inside a
municipality's scope, never at import time. None of them reads the request, so the API
and the export may pass ``request=None``.
"""

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from styrbord.core.filters import StyledFilterSet, scoped_org_units
from styrbord.systems.disposition import HIGH, Disposition
from styrbord.systems.models import Answer, Hosting, ItSystem, Lifecycle, Supplier, SystemUsage

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
UNASSESSED = "unassessed"
DISPOSITION_CHOICES = [*Disposition.choices, (UNASSESSED, _("Not assessed"))]

PERSONAL_DATA = Q(data_ordinary=True) | Q(data_sensitive=True) | Q(data_criminal=True)

# ``disposition.time_disposition`` in the database: a fit of HIGH or more is high.
_FUNCTIONAL_HIGH = Q(functional_fit__gte=HIGH)
_FUNCTIONAL_LOW = Q(functional_fit__lt=HIGH)
_TECHNICAL_HIGH = Q(technical_fit__gte=HIGH)
_TECHNICAL_LOW = Q(technical_fit__lt=HIGH)
DISPOSITION_Q: dict[str, Q] = {
    Disposition.INVEST: _FUNCTIONAL_HIGH & _TECHNICAL_HIGH,
    Disposition.MIGRATE: _FUNCTIONAL_HIGH & _TECHNICAL_LOW,
    Disposition.TOLERATE: _FUNCTIONAL_LOW & _TECHNICAL_HIGH,
    Disposition.ELIMINATE: _FUNCTIONAL_LOW & _TECHNICAL_LOW,
    UNASSESSED: Q(functional_fit__isnull=True) | Q(technical_fit__isnull=True),
}


def used_suppliers(request) -> QuerySet[Supplier]:
    """The suppliers of the systems this municipality uses, not the whole catalogue's."""
    # The ids first: as one subquery, PostgreSQL probes every supplier's systems for a usage.
    used = SystemUsage.objects.order_by().values_list("system__supplier_id", flat=True).distinct()
    return Supplier.shared.filter(pk__in=set(used)).order_by("name", "pk")


class UsageFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    lifecycle = django_filters.ChoiceFilter(choices=Lifecycle.choices, label=_("Lifecycle"))
    hosting = django_filters.ChoiceFilter(choices=Hosting.choices, label=_("Hosting"))
    responsible_unit = django_filters.ModelChoiceFilter(
        queryset=scoped_org_units, label=_("Responsible unit")
    )
    business_critical = django_filters.ChoiceFilter(
        choices=Answer.choices, label=_("Business critical")
    )
    personal_data = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_personal_data", label=_("Personal data")
    )
    disposition = django_filters.ChoiceFilter(
        choices=DISPOSITION_CHOICES, method="filter_disposition", label=_("TIME disposition")
    )
    supplier = django_filters.ModelChoiceFilter(
        queryset=used_suppliers, field_name="system__supplier", label=_("Supplier")
    )

    class Meta:
        model = SystemUsage
        fields = [
            "q",
            "lifecycle",
            "hosting",
            "responsible_unit",
            "business_critical",
            "personal_data",
            "disposition",
            "supplier",
        ]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(system__name__icontains=value) | Q(local_name__icontains=value))

    def filter_personal_data(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(PERSONAL_DATA) if value == "yes" else queryset.exclude(PERSONAL_DATA)

    def filter_disposition(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(DISPOSITION_Q[value])


ORIGIN_CHOICES = [("catalogue", _("The shared catalogue")), ("own", _("Our own"))]


class SystemFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    origin = django_filters.ChoiceFilter(
        choices=ORIGIN_CHOICES, method="filter_origin", label=_("Kept in")
    )
    used = django_filters.ChoiceFilter(choices=YES_NO, method="filter_used", label=_("Used by us"))

    class Meta:
        model = ItSystem
        fields = ["q", "origin", "used"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(name__icontains=value)
            | Q(business_type__icontains=value)
            | Q(supplier__name__icontains=value)
        )

    def filter_origin(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(municipality__is_catalogue=(value == "catalogue"))

    def filter_used(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The scoped manager keeps the subquery to this municipality's usages.
        used = Exists(SystemUsage.objects.filter(system=OuterRef("pk")))
        return queryset.filter(used) if value == "yes" else queryset.exclude(used)


class SupplierFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search (name or CVR)"))

    class Meta:
        model = Supplier
        fields = ["q"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(name__icontains=value) | Q(cvr__icontains=value))
