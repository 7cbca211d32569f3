"""Filters for the idea list, the lessons-learned search and the shared catalogue's projects.

Querysets of related rows are callables: scoped managers can only be queried inside a
request's municipality scope, never at import time.
"""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from styrbord.core.filters import StyledFilterSet, scoped_org_units
from styrbord.portfolio.models import CATALOGUE_ORIGINS, Idea, IdeaStatus, Lesson, Origin, Project


class IdeaFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    status = django_filters.ChoiceFilter(choices=IdeaStatus.choices, label=_("Status"))
    org_unit = django_filters.ModelChoiceFilter(
        queryset=scoped_org_units, label=_("Organisation unit")
    )

    class Meta:
        model = Idea
        fields = ["q", "status", "org_unit"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(title__icontains=value)
            | Q(problem__icontains=value)
            | Q(idea__icontains=value)
            | Q(expected_gain__icontains=value)
        )


class LessonFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    origin = django_filters.ChoiceFilter(
        field_name="project__origin", choices=Origin.choices, label=_("Project origin")
    )

    class Meta:
        model = Lesson
        fields = ["q", "origin"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(recommendation__icontains=value)
            | Q(project__name__icontains=value)
        )


class CatalogueProjectFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    origin = django_filters.ChoiceFilter(
        choices=[(origin.value, origin.label) for origin in CATALOGUE_ORIGINS],
        label=_("Origin"),
    )

    class Meta:
        model = Project
        fields = ["q", "origin"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(name__icontains=value)
            | Q(short_description__icontains=value)
            | Q(issued_by__icontains=value)
        )
