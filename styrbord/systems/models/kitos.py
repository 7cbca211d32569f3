"""The record of each KITOS synchronisation: what was read, what changed, what failed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Completed")
    PARTIAL = "partial", _("Completed with skipped records")
    FAILED = "failed", _("Failed")


class KitosRun(TenantModel):
    """One synchronisation or dry run.

    ``counts`` holds per kind (``usage``, ``contract`` …) how many rows were created,
    updated, unchanged and removed; ``changes`` the field-level changes a dry run would make
    (and a real run made); ``problems`` the records that were skipped, with the reason.
    """

    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.RUNNING
    )
    organisation_uuid = models.UUIDField(_("KITOS organisation"), null=True, blank=True)
    changed_since = models.DateTimeField(_("changes since"), null=True, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    changes = models.JSONField(_("changes"), default=list, blank=True)
    problems = models.JSONField(_("skipped records"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("KITOS synchronisation")
        verbose_name_plural = _("KITOS synchronisations")

    def __str__(self) -> str:
        return f"KITOS {self.started_at:%d.%m.%Y %H:%M}"
