"""Base classes for the models every module builds on."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class VersionedModel(models.Model):
    """A row that is edited through a service and protected against lost updates.

    ``version`` grows by one on every save made by ``styrbord.core.services.changes``; an
    edit based on an older version is refused instead of silently overwriting.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class TenantModel(VersionedModel):
    """A row owned by one municipality.

    The default manager is scoped: a query outside ``django_scopes.scope(municipality=…)``
    raises ``ScopeError`` instead of returning another municipality's rows.
    """

    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )

    objects = ScopedManager(municipality="municipality")

    class Meta:
        abstract = True
