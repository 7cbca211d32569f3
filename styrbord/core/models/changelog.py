from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class ChangeAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Updated")
    DELETE = "delete", _("Deleted")


class ChangeLogEntry(models.Model):
    """Who changed what, when, with the values before and after.

    Written only by ``styrbord.core.services.changes``; never edited. Rows of objects that
    belong to no municipality (users, site texts) have ``municipality`` empty and are seen
    only by superusers.
    """

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    time = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    action = models.CharField(_("action"), max_length=10, choices=ChangeAction.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("object type")
    )
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    object_version = models.PositiveIntegerField(null=True, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    request_id = models.CharField(max_length=36, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        ordering = ["-time", "-id"]
        verbose_name = _("change")
        verbose_name_plural = _("change log")
        indexes = [
            models.Index(fields=["content_type", "object_id", "-time"]),
            models.Index(fields=["municipality", "-time"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"


class AccessLogEntry(models.Model):
    """A read of a page that shows personal data, kept for the configured retention."""

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    time = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    path = models.CharField(max_length=500)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        ordering = ["-time"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.time:%Y-%m-%d %H:%M} {self.path}"
