"""Reads for the shared catalogue's pages: national and fælleskommunale projects, how many
municipalities run each, and this municipality's own implementation projects."""

from django.db.models import Count, Prefetch, Q, QuerySet

from styrbord.portfolio import queries
from styrbord.portfolio.models import Project


def own_implementations() -> QuerySet[Project]:
    """This municipality's projects that implement a shared project (scoped)."""
    return Project.objects.only("pk", "name", "phase", "implements").order_by("name")


def catalogue_list() -> QuerySet[Project]:
    """The catalogue's projects with the number of municipalities running each and, as
    ``own_implementations``, this municipality's projects implementing it.

    Implementation projects belong to other municipalities, which the scoped managers do
    not show; counting them in SQL on the catalogue rows reveals only a number.
    """
    return (
        queries.catalogue_projects()
        .only("name", "issued_by", "origin", "municipality")
        .annotate(
            municipality_count=Count(
                "implementations__municipality",
                distinct=True,
                filter=Q(implementations__municipality__is_catalogue=False),
            )
        )
        .prefetch_related(
            Prefetch(
                "implementations", queryset=own_implementations(), to_attr="own_implementations"
            )
        )
        .order_by("name", "pk")
    )


def implementations_of(shared: Project) -> QuerySet[Project]:
    """This municipality's projects implementing ``shared``."""
    return own_implementations().filter(implements=shared)
