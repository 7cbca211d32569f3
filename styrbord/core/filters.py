"""One FilterSet per list, shared by the page, the API and exports."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from styrbord.core.forms import style
from styrbord.core.models import (
    AccessLogEntry,
    ChangeAction,
    ChangeLogEntry,
    Membership,
    OrgUnit,
    OrgUnitKind,
    Person,
    Role,
)


def scoped_org_units(request) -> QuerySet:
    # Evaluated per request, inside the municipality's scope.
    return OrgUnit.objects.filter(closed_on__isnull=True)


def date_range(field_name: str) -> tuple[django_filters.DateFilter, django_filters.DateFilter]:
    """A "from date" and "to date" pair on a date or datetime field, as date inputs."""
    return tuple(
        django_filters.DateFilter(
            field_name=field_name,
            lookup_expr=f"date__{lookup}",
            label=label,
            widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
        )
        for lookup, label in (("gte", _("From date")), ("lte", _("To date")))
    )


class StyledFilterSet(django_filters.FilterSet):
    """Filters are declared explicitly: scoped managers cannot be queried at import time."""

    @property
    def form(self):
        form = super().form
        if not getattr(form, "_styled", False):
            style(form)
            form._styled = True
        return form


class OrgUnitFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=OrgUnitKind.choices, label=_("Kind"))
    parent = django_filters.ModelChoiceFilter(queryset=scoped_org_units, label=_("Parent unit"))
    include_closed = django_filters.BooleanFilter(
        method="filter_closed",
        label=_("Include closed units"),
        widget=django_filters.widgets.forms.CheckboxInput,
    )

    class Meta:
        model = OrgUnit
        fields = ["q", "kind", "parent", "include_closed"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value))

    def filter_closed(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset if value else queryset.filter(closed_on__isnull=True)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Closed units are hidden unless asked for, also when the box is absent.
        if not self.form.cleaned_data.get("include_closed"):
            queryset = queryset.filter(closed_on__isnull=True)
        return super().filter_queryset(queryset)


class PersonFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    org_unit = django_filters.ModelChoiceFilter(
        queryset=scoped_org_units, label=_("Organisation unit")
    )
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Person
        fields = ["q", "org_unit", "is_active"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(name__icontains=value) | Q(title__icontains=value) | Q(email__icontains=value)
        )


class MembershipFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    role = django_filters.ChoiceFilter(choices=Role.choices, label=_("Role"))

    class Meta:
        model = Membership
        fields = ["q", "role"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(user__username__icontains=value)
            | Q(user__first_name__icontains=value)
            | Q(user__last_name__icontains=value)
            | Q(user__email__icontains=value)
        )


class ChangeLogFilter(StyledFilterSet):
    q = django_filters.CharFilter(
        field_name="object_repr", lookup_expr="icontains", label=_("Object")
    )
    action = django_filters.ChoiceFilter(choices=ChangeAction.choices, label=_("Action"))
    actor = django_filters.CharFilter(
        field_name="actor__username", label=_("Changed by (username)")
    )
    object_type = django_filters.CharFilter(
        field_name="content_type__model", label=_("Object type")
    )
    since, until = date_range("time")

    class Meta:
        model = ChangeLogEntry
        fields = ["q", "action", "actor", "object_type", "since", "until"]


class AccessLogFilter(StyledFilterSet):
    user = django_filters.CharFilter(field_name="user__username", label=_("User (username)"))
    path = django_filters.CharFilter(lookup_expr="icontains", label=_("Page address contains"))
    since, until = date_range("time")

    class Meta:
        model = AccessLogEntry
        fields = ["user", "path", "since", "until"]
