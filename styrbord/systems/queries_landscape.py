"""Reads of the landscape pages: usages with their projects, org units with their usages,
suppliers with their number of systems and this year's spend."""

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from styrbord.core.models import OrgUnit
from styrbord.portfolio.models import Project
from styrbord.systems.models import IN_USE, ContractCost, Supplier, SystemUsage

_MONEY = DecimalField(max_digits=16, decimal_places=2)


def with_projects(queryset: QuerySet[SystemUsage]) -> QuerySet[SystemUsage]:
    """Usages with their system and the projects that change them. Shared projects are
    catalogue rows, so the projects are read through ``Project.shared``."""
    return queryset.select_related("system").prefetch_related(
        Prefetch("projects", queryset=Project.shared.order_by("name"))
    )


def in_use() -> QuerySet[SystemUsage]:
    return with_projects(SystemUsage.objects.filter(lifecycle__in=IN_USE)).order_by(
        "system__name", "local_name", "pk"
    )


def dated() -> QuerySet[SystemUsage]:
    """Usages with a start date, for the lifecycle timeline, earliest first."""
    return with_projects(SystemUsage.objects.filter(valid_from__isnull=False)).order_by(
        "valid_from", "system__name", "pk"
    )


def org_units() -> QuerySet[OrgUnit]:
    """Open units that are responsible for or use a usage, with both counts and both lists
    of usages prefetched."""
    usages = with_projects(SystemUsage.objects.order_by("system__name", "local_name", "pk"))
    return (
        OrgUnit.objects.filter(closed_on__isnull=True)
        .annotate(
            responsible_count=Count("responsible_usages", distinct=True),
            using_count=Count("used_systems", distinct=True),
        )
        .filter(Q(responsible_count__gt=0) | Q(using_count__gt=0))
        .prefetch_related(
            Prefetch("responsible_usages", queryset=usages, to_attr="responsible_list"),
            Prefetch("used_systems", queryset=usages, to_attr="using_list"),
        )
        .order_by("name", "pk")
    )


def suppliers(year: int) -> QuerySet[Supplier]:
    """Suppliers of the systems the municipality uses or of its contracts, with
    ``system_count`` (distinct systems in use) and ``spend`` (acquisition and running cost
    of the supplier's contracts for ``year``), most systems first."""
    systems = (
        SystemUsage.objects.filter(lifecycle__in=IN_USE, system__supplier=OuterRef("pk"))
        .order_by()
        .values("system__supplier")
        .annotate(n=Count("system", distinct=True))
        .values("n")
    )
    spend = (
        ContractCost.objects.filter(contract__supplier=OuterRef("pk"), year=year)
        .order_by()
        .values("contract__supplier")
        .annotate(total=Sum(F("acquisition") + F("running"), output_field=_MONEY))
        .values("total")
    )
    return (
        Supplier.shared.annotate(
            system_count=Coalesce(Subquery(systems), 0),
            spend=Coalesce(
                Subquery(spend, output_field=_MONEY), Value(Decimal(0)), output_field=_MONEY
            ),
        )
        .filter(Q(system_count__gt=0) | Q(spend__gt=0))
        .order_by("-system_count", "-spend", "name", "pk")
    )


def usages_of_suppliers(suppliers: Sequence[Supplier]) -> dict[int, list[SystemUsage]]:
    """The usages in use of each supplier's systems, for one page of suppliers: one query
    for the usages and one for their projects."""
    grouped: dict[int, list[SystemUsage]] = defaultdict(list)
    usages = in_use().filter(system__supplier__in=[supplier.pk for supplier in suppliers])
    for usage in usages:
        grouped[usage.system.supplier_id].append(usage)
    return grouped
