"""Reads for the usage and catalogue pages, the API and the exports: scoped querysets with
what a page shows already joined, so a list costs a fixed number of queries."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from styrbord.core.models import Municipality
from styrbord.portfolio.models import Project
from styrbord.portfolio.queries import architecture_principles
from styrbord.strategy.models import Principle
from styrbord.systems.models import ItSystem, PrincipleAssessment, Supplier, SystemUsage

# What a row of the usage list shows; the rest of a usage is deferred.
_LIST_FIELDS = (
    "municipality",
    "version",
    "local_name",
    "lifecycle",
    "hosting",
    "business_critical",
    "functional_fit",
    "technical_fit",
    "data_ordinary",
    "data_sensitive",
    "data_criminal",
    "kitos_uuid",
    "system",
    "system__name",
    "system__municipality",
    "system__supplier",
    "responsible_unit",
    "responsible_unit__name",
    "responsible_unit__municipality",
)


def usages() -> QuerySet[SystemUsage]:
    """The municipality's usages as the list shows them."""
    return (
        SystemUsage.objects.select_related("system", "responsible_unit")
        .only(*_LIST_FIELDS)
        .order_by("system__name", "local_name", "pk")
    )


def usage_detail(pk: int) -> SystemUsage:
    """One of the municipality's usages with everything its page shows; 404 otherwise."""
    queryset = SystemUsage.objects.select_related(
        "system__supplier", "system__parent", "responsible_unit"
    ).prefetch_related(
        "using_units",
        Prefetch("projects", queryset=Project.objects.order_by("name")),
        Prefetch(
            "principles",
            queryset=PrincipleAssessment.objects.select_related("principle__strategy"),
        ),
    )
    return get_object_or_404(queryset, pk=pk)


def editable_usage(pk: int) -> SystemUsage:
    """One of the municipality's usages for its edit forms (the system named in the title)."""
    return get_object_or_404(SystemUsage.objects.select_related("system"), pk=pk)


def principles_for_assessment() -> QuerySet[Principle]:
    """The architecture principles a usage is held against: the municipality's and the
    shared catalogue's, the same the portfolio holds projects against."""
    return architecture_principles().order_by("strategy__title", "number", "name", "pk")


def principle_rows(usage: SystemUsage) -> list[tuple[Principle, PrincipleAssessment | None]]:
    """Every architecture principle with the usage's assessment of it, if any."""
    assessed = {assessment.principle_id: assessment for assessment in usage.principles.all()}
    return [(principle, assessed.get(principle.pk)) for principle in principles_for_assessment()]


def projects_for_linking() -> QuerySet[Project]:
    """The municipality's own projects; a usage is changed by projects run here."""
    return Project.objects.order_by("name", "pk")


def systems_catalogue() -> QuerySet[ItSystem]:
    """The catalogue's systems and the municipality's own, each marked when it is used here."""
    return (
        ItSystem.shared.select_related("supplier", "municipality")
        .annotate(used_here=Exists(SystemUsage.objects.filter(system=OuterRef("pk"))))
        .order_by("name", "pk")
    )


def system_detail(pk: int) -> ItSystem:
    return get_object_or_404(
        ItSystem.shared.select_related("supplier", "parent", "municipality"), pk=pk
    )


def usages_of_system(system: ItSystem) -> QuerySet[SystemUsage]:
    """This municipality's usages of ``system`` (the scoped manager hides the others')."""
    return SystemUsage.objects.filter(system=system).select_related("responsible_unit")


def suppliers() -> QuerySet[Supplier]:
    """The catalogue's suppliers and the municipality's own, with how many of the systems
    this municipality can see each holds the rights to."""
    systems = (
        ItSystem.shared.filter(supplier=OuterRef("pk"))
        .order_by()
        .values("supplier")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Supplier.shared.select_related("municipality")
        .annotate(system_count=Coalesce(Subquery(systems, output_field=IntegerField()), 0))
        .order_by("name", "pk")
    )


def supplier_detail(pk: int) -> Supplier:
    return get_object_or_404(Supplier.shared.select_related("municipality"), pk=pk)


def systems_of_supplier(supplier: Supplier) -> QuerySet[ItSystem]:
    return ItSystem.shared.filter(supplier=supplier).order_by("name", "pk")


def usages_of_supplier(supplier: Supplier) -> QuerySet[SystemUsage]:
    return (
        SystemUsage.objects.filter(system__supplier=supplier)
        .select_related("system")
        .order_by("system__name", "local_name", "pk")
    )


def is_own(obj: ItSystem | Supplier, municipality: Municipality) -> bool:
    """Kept by ``municipality`` itself rather than read from the catalogue or KITOS."""
    return obj.municipality_id == municipality.pk and obj.kitos_uuid is None
