"""Data-processing registrations with their oversight, and security incidents."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel

# Article 33 GDPR: a personal-data breach is notified to Datatilsynet within 72 hours.
NOTIFY_WITHIN = datetime.timedelta(hours=72)


class AgreementConcluded(models.TextChoices):
    UNDECIDED = "undecided", _("Not answered")
    YES = "yes", _("Yes")
    NO = "no", _("No")
    IRRELEVANT = "irrelevant", _("Not relevant")


class DataProcessingRegistration(TenantModel):
    name = models.CharField(_("name"), max_length=300)
    processors = models.ManyToManyField(
        "systems.Supplier", blank=True, related_name="processing", verbose_name=_("processors")
    )
    sub_processors = models.ManyToManyField(
        "systems.Supplier",
        blank=True,
        related_name="sub_processing",
        verbose_name=_("sub-processors"),
    )
    third_country_transfer = models.BooleanField(_("transfer to third countries"), default=False)
    transfer_basis = models.TextField(
        _("basis of the transfer"),
        blank=True,
        help_text=_("E.g. standard contractual clauses; the countries."),
    )
    agreement_concluded = models.CharField(
        _("data-processing agreement concluded"),
        max_length=20,
        choices=AgreementConcluded.choices,
        default=AgreementConcluded.UNDECIDED,
    )
    agreement_on = models.DateField(_("agreement date"), null=True, blank=True)
    oversight_method = models.CharField(
        _("oversight method"),
        max_length=200,
        blank=True,
        help_text=_("E.g. ISAE 3000 statement, own inspection."),
    )
    oversight_interval_months = models.PositiveSmallIntegerField(
        _("oversight every (months)"), null=True, blank=True
    )
    responsible_unit = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible unit"),
    )
    usages = models.ManyToManyField(
        "systems.SystemUsage",
        blank=True,
        related_name="processing_registrations",
        verbose_name=_("usages"),
    )
    contracts = models.ManyToManyField(
        "systems.Contract",
        blank=True,
        related_name="processing_registrations",
        verbose_name=_("contracts"),
    )
    kitos_uuid = models.UUIDField(_("KITOS UUID"), null=True, blank=True)
    kitos_synced_at = models.DateTimeField(_("last read from KITOS"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("data-processing registration")
        verbose_name_plural = _("data-processing registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kitos_uuid"], name="systems_processing_unique_kitos"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.third_country_transfer and not self.transfer_basis.strip():
            raise ValidationError(
                {"transfer_basis": _("Give the basis of a transfer to a third country.")}
            )


class Oversight(TenantModel):
    """One round of oversight of a processor, done on a date with a remark."""

    registration = models.ForeignKey(
        DataProcessingRegistration,
        on_delete=models.CASCADE,
        related_name="oversights",
        verbose_name=_("registration"),
    )
    done_on = models.DateField(_("done on"))
    remark = models.TextField(_("remark"), blank=True)

    class Meta:
        ordering = ["registration", "-done_on"]
        verbose_name = _("oversight")
        verbose_name_plural = _("oversights")

    def __str__(self) -> str:
        return f"{self.registration}: {self.done_on:%d.%m.%Y}"


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class SecurityIncident(TenantModel):
    usage = models.ForeignKey(
        "systems.SystemUsage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("system usage"),
    )
    detected_at = models.DateTimeField(_("detected at"))
    description = models.TextField(_("description"))
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    personal_data_breach = models.BooleanField(_("personal data breached"), default=False)
    notified_at = models.DateTimeField(_("Datatilsynet notified at"), null=True, blank=True)
    measures = models.TextField(_("measures"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-detected_at"]
        verbose_name = _("security incident")
        verbose_name_plural = _("security incidents")

    def __str__(self) -> str:
        return f"{self.detected_at:%d.%m.%Y %H:%M}: {self.description[:60]}"

    @property
    def notify_by(self) -> datetime.datetime | None:
        """Datatilsynet's deadline, for a breach of personal data."""
        return self.detected_at + NOTIFY_WITHIN if self.personal_data_breach else None

    def clean(self) -> None:
        errors: dict[str, object] = {}
        for field in ("notified_at", "closed_at"):
            value = getattr(self, field)
            if value is not None and self.detected_at is not None and value < self.detected_at:
                errors[field] = _("This cannot be before the incident was detected.")
        if self.usage_id and self.usage.municipality_id != self.municipality_id:
            errors["usage"] = _("Choose one from this municipality.")
        if errors:
            raise ValidationError(errors)
