"""The portfolio overview's one FilterSet, shared by the page, the timeline, the exports and
the API, and the small forms of the overview's other pages.

Querysets of related rows are callables: scoped managers can only be queried inside a
request's municipality scope, never at import time.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.filters import StyledFilterSet, scoped_org_units
from styrbord.core.forms import StyledForm
from styrbord.core.models import Person
from styrbord.portfolio import queries
from styrbord.portfolio.models import RAG_RANK, RUNNING_PHASES, Origin, Phase, Project, Rag
from styrbord.strategy.models import FocusArea

NO_REPORT = "none"
STATUS_CHOICES = [*Rag.choices, (NO_REPORT, _("No report yet"))]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]

# What the list can be sorted by: (value, label, order). Every order ends with the name
# and the id, so the page, the timeline and the exports list rows in one stable order.
ORDERINGS: list[tuple[str, str, tuple]] = [
    ("name", _("Name"), ()),
    ("phase", _("Phase"), (F("phase_rank").asc(),)),
    ("status", _("Status, worst first"), (F("status_rank").asc(),)),
    ("next_due", _("Next status report due"), (F("next_report_due").asc(nulls_last=True),)),
    ("start", _("Start date"), (F("start_date").asc(nulls_last=True),)),
    ("end", _("End date"), (F("end_date").asc(nulls_last=True),)),
    # Priority 1 is the highest; relevance 3 is the highest.
    ("priority", _("Priority, highest first"), (F("priority").asc(nulls_last=True),)),
    (
        "relevance",
        _("Relevance to the core task, highest first"),
        (F("core_task_relevance").desc(nulls_last=True),),
    ),
]


def order_projects(queryset: QuerySet[Project], ordering: str | None) -> QuerySet[Project]:
    """``queryset`` in one of ``ORDERINGS`` (by name when unknown or empty): phases in their
    life-cycle order, status worst first with projects without a report last."""
    order = next((order for value, _label, order in ORDERINGS if value == ordering), ())
    return queryset.annotate(
        phase_rank=Case(
            *(When(phase=value, then=Value(rank)) for rank, value in enumerate(Phase.values)),
            default=Value(len(Phase.values)),
            output_field=IntegerField(),
        ),
        status_rank=Case(
            *(When(current_status=value, then=Value(rank)) for value, rank in RAG_RANK.items()),
            default=Value(len(RAG_RANK)),
            output_field=IntegerField(),
        ),
    ).order_by(*order, "name", "pk")


def scoped_focus_areas(request) -> QuerySet[FocusArea]:
    # The municipality's own and the catalogue's: projects are aligned to both.
    return queries.focus_areas().order_by("strategy__title", "number", "name")


def scoped_leaders(request) -> QuerySet[Person]:
    return Person.objects.filter(led_projects__isnull=False).distinct().order_by("name")


class FocusAreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: FocusArea) -> str:
        # Programmes and strategies may name focus areas alike.
        return f"{obj.name} ({obj.strategy.title})"


class FocusAreaFilter(django_filters.ModelChoiceFilter):
    field_class = FocusAreaChoiceField


class ProjectFilter(StyledFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    origin = django_filters.ChoiceFilter(choices=Origin.choices, label=_("Origin"))
    # A column of the project itself: no duplicates to remove, and SELECT DISTINCT over
    # every column is expensive to plan on PostgreSQL.
    phase = django_filters.MultipleChoiceFilter(
        choices=Phase.choices,
        distinct=False,
        label=_("Phase"),
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    org_unit = django_filters.ModelChoiceFilter(
        queryset=scoped_org_units, label=_("Organisation unit")
    )
    status = django_filters.ChoiceFilter(
        choices=STATUS_CHOICES, method="filter_status", label=_("Status")
    )
    focus_area = FocusAreaFilter(
        queryset=scoped_focus_areas, method="filter_focus_area", label=_("Focus area")
    )
    lighthouse = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_lighthouse", label=_("Lighthouse project")
    )
    leader = django_filters.ModelChoiceFilter(queryset=scoped_leaders, label=_("Project leader"))
    overdue = django_filters.BooleanFilter(
        method="filter_overdue",
        label=_("Status report overdue only"),
        widget=django_filters.widgets.forms.CheckboxInput,
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(value, label) for value, label, _f in ORDERINGS],
        method="keep",
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Project
        fields = [
            "q",
            "origin",
            "phase",
            "org_unit",
            "status",
            "focus_area",
            "lighthouse",
            "leader",
            "overdue",
            "ordering",
        ]

    def __init__(self, *args, default_ordering: str = "name", **kwargs):
        self.default_ordering = default_ordering
        super().__init__(*args, **kwargs)
        self.filters["ordering"].extra["initial"] = default_ordering

    @property
    def qs(self) -> QuerySet[Project]:
        # An unbound filter (no query string) filters nothing but still sorts.
        if not self.is_bound and not hasattr(self, "_qs"):
            self._qs = order_projects(self.queryset.all(), self.default_ordering)
        return super().qs

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(name__icontains=value)
            | Q(short_description__icontains=value)
            | Q(tags__icontains=value)
        )

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(current_status="" if value == NO_REPORT else value)

    def filter_focus_area(self, queryset: QuerySet, name: str, value: FocusArea) -> QuerySet:
        return queryset.filter(focus_areas=value).distinct()

    def filter_lighthouse(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(is_lighthouse=value == "yes")

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(phase__in=RUNNING_PHASES, next_report_due__lt=timezone.localdate())

    def keep(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Sorting is applied last, in ``filter_queryset``, also when no order was chosen.
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        return order_projects(
            queryset, self.form.cleaned_data.get("ordering") or self.default_ordering
        )


class SavedFilterForm(StyledForm):
    name = forms.CharField(label=_("Name of the filter"), max_length=100)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)


class _DateForm(StyledForm):
    """A date from the query string, in the past or today."""

    def clean_dato(self) -> datetime.date:
        day = self.cleaned_data["dato"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


class AsOfForm(_DateForm):
    # The parameter is Danish like the page's address: /historisk/?dato=2024-01-31.
    dato = forms.DateField(
        label=_("Show the portfolio as it was on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ChangesSinceForm(_DateForm):
    dato = forms.DateField(
        label=_("Show changes since"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
