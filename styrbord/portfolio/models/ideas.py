"""Ideas that any employee submits, and their triage by the innovation or programme group."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel


class IdeaStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting triage")
    CONTINUED = "continued", _("Continued as a proposal")
    LATER = "later", _("Consider later")
    REJECTED = "rejected", _("Rejected")


class Idea(TenantModel):
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("problem"), help_text=_("What is the problem or the opportunity?"))
    idea = models.TextField(_("idea"), help_text=_("What do you suggest?"))
    expected_gain = models.TextField(
        _("expected gain"), blank=True, help_text=_("For citizens, employees or finances.")
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("org unit"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.SUBMITTED
    )
    triaged_by = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="triaged_ideas",
        verbose_name=_("triaged by"),
    )
    recommendation = models.TextField(_("recommendation"), blank=True)
    reason = models.TextField(_("reason for the decision"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    project = models.OneToOneField(
        "portfolio.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="idea",
        verbose_name=_("project"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self) -> str:
        return self.title
