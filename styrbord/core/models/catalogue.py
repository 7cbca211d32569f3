"""Reading a shared catalogue from inside a municipality."""

from django.db import models
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import get_scope


class WithCatalogueManager(models.Manager):
    """The current municipality's rows plus the shared catalogue's.

    Strategies, national projects and (later) IT systems are owned by the catalogue
    organisation and read by every municipality. Like the scoped default manager, a
    query outside a municipality scope raises ``ScopeError`` rather than returning every
    municipality's rows.
    """

    def get_queryset(self) -> models.QuerySet:
        current = get_scope()
        queryset = super().get_queryset()
        if not current.get("_enabled", True):
            return queryset
        if current.get("municipality") is None:
            return DisabledQuerySet(self.model, using=self._db, missing_scopes={"municipality"})
        return queryset.filter(
            models.Q(municipality=current["municipality"])
            | models.Q(municipality__is_catalogue=True)
        )
