"""One FilterSet per governance list, shared by the pages and the API.

Querysets of related rows are callables: scoped managers can only be queried inside a
request's municipality scope, never at import time.
"""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.filters import StyledFilterSet
from styrbord.core.models import Person
from styrbord.governance.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    Body,
    BodyKind,
    BodyMembership,
    Meeting,
    MeetingStatus,
    Outcome,
)


def scoped_bodies(request) -> QuerySet[Body]:
    # Concluded bodies are included: their meetings and decisions stay searchable.
    return Body.objects.order_by("name")


def scoped_persons(request) -> QuerySet[Person]:
    return Person.objects.order_by("name")


def scoped_meetings(request) -> QuerySet[Meeting]:
    return Meeting.objects.select_related("body").order_by("-starts_at")


class YearFilter(django_filters.NumberFilter):
    """A calendar year of a date or datetime field (``year`` lookups use index ranges)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2200)
        super().__init__(*args, **kwargs)


BODY_STATES = [("active", _("Active")), ("concluded", _("Concluded"))]


class BodyFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=BodyKind.choices, label=_("Kind"))
    state = django_filters.ChoiceFilter(
        choices=BODY_STATES, method="filter_state", label=_("Active or concluded")
    )

    class Meta:
        model = Body
        fields = ["q", "kind", "state"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(concluded_on__isnull=value == "active")


class BodyMembershipFilter(StyledFilterSet):
    body = django_filters.ModelChoiceFilter(queryset=scoped_bodies, label=_("Body"))
    person = django_filters.ModelChoiceFilter(queryset=scoped_persons, label=_("Person"))
    current = django_filters.BooleanFilter(
        method="filter_current",
        label=_("Current seats only"),
        widget=django_filters.widgets.forms.CheckboxInput,
    )

    class Meta:
        model = BodyMembership
        fields = ["body", "person", "current"]

    def filter_current(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if not value:
            return queryset
        today = timezone.localdate()
        return queryset.filter(starts_on__lte=today).exclude(ends_on__lt=today)


class MeetingFilter(StyledFilterSet):
    body = django_filters.ModelChoiceFilter(queryset=scoped_bodies, label=_("Body"))
    year = YearFilter(field_name="starts_at")
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, label=_("Status"))

    class Meta:
        model = Meeting
        fields = ["body", "year", "status"]


class AgendaItemFilter(StyledFilterSet):
    meeting = django_filters.ModelChoiceFilter(queryset=scoped_meetings, label=_("Meeting"))

    class Meta:
        model = AgendaItem
        fields = ["meeting"]


class DecisionFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    body = django_filters.ModelChoiceFilter(
        field_name="meeting__body", queryset=scoped_bodies, label=_("Body")
    )
    year = YearFilter(field_name="meeting__starts_at")
    outcome = django_filters.ChoiceFilter(choices=Outcome.choices, label=_("Outcome"))

    class Meta:
        model = AgendaItem
        fields = ["q", "body", "year", "outcome"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(title__icontains=value) | Q(decision__icontains=value))


class ActionItemFilter(StyledFilterSet):
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, label=_("Status"))
    owner = django_filters.ModelChoiceFilter(queryset=scoped_persons, label=_("Owner"))
    body = django_filters.ModelChoiceFilter(
        field_name="item__meeting__body", queryset=scoped_bodies, label=_("Body")
    )
    overdue = django_filters.BooleanFilter(
        method="filter_overdue",
        label=_("Overdue only"),
        widget=django_filters.widgets.forms.CheckboxInput,
    )

    class Meta:
        model = ActionItem
        fields = ["status", "owner", "body", "overdue"]

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(status__in=OPEN_ACTION_STATUSES, due_on__lt=timezone.localdate())
