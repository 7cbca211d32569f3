from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models.base import VersionedModel


class SiteText(VersionedModel):
    """An installation-wide text that operators edit, such as the accessibility statement."""

    ACCESSIBILITY_STATEMENT = "accessibility-statement"

    key = models.SlugField(max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"))

    class Meta:
        verbose_name = _("site text")
        verbose_name_plural = _("site texts")

    def __str__(self) -> str:
        return self.title
