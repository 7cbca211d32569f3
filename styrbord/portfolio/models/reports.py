"""Status reports: every 14 days by default, green/yellow/red per dimension."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel


class Rag(models.TextChoices):
    GREEN = "green", _("Green")
    YELLOW = "yellow", _("Yellow")
    RED = "red", _("Red")


# The report's dimensions: each has a ``<name>`` RAG field and a ``<name>_comment``.
DIMENSIONS = ("overall", "schedule", "budget", "scope", "quality", "risk", "benefits")
# Worst first, for sorting and for "what got worse".
RAG_RANK = {Rag.RED: 0, Rag.YELLOW: 1, Rag.GREEN: 2}


def _rag(label: str) -> models.CharField:
    return models.CharField(label, max_length=10, choices=Rag.choices)


def _comment(label: str) -> models.TextField:
    return models.TextField(label, blank=True)


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class StatusReport(TenantModel):
    """One status report. Once submitted it is never changed: a correction is a new
    report that names the one it corrects."""

    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="status_reports",
        verbose_name=_("project"),
    )
    period_end = models.DateField(_("status as of"))
    state = models.CharField(
        _("state"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT
    )
    overall = _rag(_("overall status"))
    overall_comment = _comment(_("comment on the overall status"))
    schedule = _rag(_("schedule"))
    schedule_comment = _comment(_("comment on the schedule"))
    budget = _rag(_("budget"))
    budget_comment = _comment(_("comment on the budget"))
    scope = _rag(_("scope"))
    scope_comment = _comment(_("comment on the scope"))
    quality = _rag(_("quality"))
    quality_comment = _comment(_("comment on the quality"))
    risk = _rag(_("risk"))
    risk_comment = _comment(_("comment on the risk"))
    benefits = _rag(_("benefits"))
    benefits_comment = _comment(_("comment on the benefits"))
    summary = models.TextField(_("summary"))
    achievements = models.TextField(_("achieved since the last report"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    problems = models.TextField(_("problems"), blank=True)
    percent_complete = models.PositiveSmallIntegerField(
        _("percent complete"), default=0, validators=[MaxValueValidator(100)]
    )
    spent_to_date = models.DecimalField(
        _("spent to date (DKK)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    forecast = models.DecimalField(
        _("forecast total cost (DKK)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    escalate_to = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalated_reports",
        verbose_name=_("escalate to"),
        help_text=_("Propose an item to the programme group or the steering group."),
    )
    escalation_reason = models.TextField(_("what the body is asked to decide"), blank=True)
    escalation_item = models.ForeignKey(
        "governance.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="escalated_reports",
        editable=False,
        verbose_name=_("escalation item"),
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        editable=False,
        verbose_name=_("corrects"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("submitted by"),
    )

    class Meta:
        ordering = ["project", "-period_end", "-id"]
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        indexes = [
            models.Index(fields=["project", "state", "-period_end"]),
            models.Index(fields=["municipality", "state", "submitted_at"]),
            # Few reports are corrected: a partial index keeps "is this report corrected?"
            # an index lookup, where SQLite's planner would skip a mostly-NULL full index.
            models.Index(
                fields=["corrects"],
                condition=models.Q(corrects__isnull=False),
                name="statusreport_corrections",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.period_end:%d.%m.%Y}"

    @property
    def is_submitted(self) -> bool:
        return self.state == ReportState.SUBMITTED

    def dimensions(self) -> list[tuple[str, str, str, str]]:
        """(name, label, RAG value, comment) for each dimension, in order."""
        return [
            (
                name,
                self._meta.get_field(name).verbose_name,
                getattr(self, name),
                getattr(self, f"{name}_comment"),
            )
            for name in DIMENSIONS
        ]

    def clean(self) -> None:
        errors = {}
        if self.project_id and self.project.municipality_id != self.municipality_id:
            errors["project"] = _("Choose a project of this municipality.")
        if self.escalate_to_id is not None:
            if self.escalate_to.municipality_id != self.municipality_id:
                errors["escalate_to"] = _("Choose one from this municipality.")
            elif not self.escalation_reason.strip():
                errors["escalation_reason"] = _("Say what the body is asked to decide.")
        for name in DIMENSIONS:
            if (
                getattr(self, name) in (Rag.YELLOW, Rag.RED)
                and not getattr(self, f"{name}_comment").strip()
            ):
                errors[f"{name}_comment"] = _("Explain a yellow or red status.")
        if errors:
            raise ValidationError(errors)
