"""A user's named filter on a list page, to come back to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models.base import TenantModel


class SavedFilter(TenantModel):
    """The query string of a filtered list, saved by one user under a name.

    ``list_name`` is the list it belongs to (e.g. ``portfolio``); the list page offers
    the user's own saved filters for it.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_filters",
        verbose_name=_("owner"),
    )
    list_name = models.CharField(_("list"), max_length=50)
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("filter"), max_length=2000, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "owner", "list_name", "name"],
                name="savedfilter_unique_name",
            )
        ]

    def __str__(self) -> str:
        return self.name
