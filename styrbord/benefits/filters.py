"""The benefit list's FilterSet.

Querysets of related rows are callables: scoped managers can only be queried inside a
request's municipality scope, never at import time.
"""

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.benefits.models import Benefit, BenefitStatus, Category
from styrbord.core.filters import StyledFilterSet, scoped_org_units
from styrbord.core.models import Person
from styrbord.portfolio.models import Project

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def projects_with_benefits(request) -> QuerySet[Project]:
    return Project.objects.filter(benefits__isnull=False).distinct().order_by("name")


def benefit_owners(request) -> QuerySet[Person]:
    return Person.objects.filter(owned_benefits__isnull=False).distinct().order_by("name")


class BenefitFilter(StyledFilterSet):
    project = django_filters.ModelChoiceFilter(queryset=projects_with_benefits, label=_("Project"))
    org_unit = django_filters.ModelChoiceFilter(queryset=scoped_org_units, label=_("Realised in"))
    owner = django_filters.ModelChoiceFilter(queryset=benefit_owners, label=_("Benefit owner"))
    status = django_filters.ChoiceFilter(choices=BenefitStatus.choices, label=_("Status"))
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Category"))
    overdue = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_overdue", label=_("Measurement overdue")
    )

    class Meta:
        model = Benefit
        fields = ["project", "org_unit", "owner", "status", "category", "overdue"]

    def filter_overdue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        late = Q(next_measurement_due__lt=timezone.localdate())
        return queryset.filter(late) if value == "yes" else queryset.exclude(late)
