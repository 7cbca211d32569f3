"""The compliance overview's FilterSet: by gap kind, responsible unit and owner.

It filters the overview's usages by the gap flags the page has read (``flags``,
``compliance.flags_of``). Querysets of
related rows are callables: scoped managers can only be queried inside a request's scope.
"""

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.filters import StyledFilterSet, scoped_org_units
from styrbord.core.models import Person
from styrbord.systems import compliance
from styrbord.systems.models import SystemUsage


def usage_owners(request) -> QuerySet[Person]:
    owners = compliance.current_owners(timezone.localdate()).filter(person=OuterRef("pk"))
    return Person.objects.filter(Exists(owners)).order_by("name")


class ComplianceFilter(StyledFilterSet):
    gap = django_filters.ChoiceFilter(
        choices=compliance.Gap.choices, method="filter_gap", label=_("Gap")
    )
    responsible_unit = django_filters.ModelChoiceFilter(
        queryset=scoped_org_units, label=_("Responsible unit")
    )
    owner = django_filters.ModelChoiceFilter(
        queryset=usage_owners, method="filter_owner", label=_("System and data owner")
    )

    class Meta:
        model = SystemUsage
        fields = ["gap", "responsible_unit", "owner"]

    def __init__(self, *args, flags: compliance.Flags, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.flags = flags

    def filter_gap(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        index = list(compliance.Gap).index(compliance.Gap(value))
        return queryset.filter(pk__in=[pk for pk, row in self.flags.items() if row[index]])

    def filter_owner(self, queryset: QuerySet, name: str, value: Person) -> QuerySet:
        held = compliance.current_owners(timezone.localdate()).filter(
            usage=OuterRef("pk"), person=value
        )
        return queryset.filter(Exists(held))
