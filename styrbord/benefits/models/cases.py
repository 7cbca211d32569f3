"""The business case: costs and benefits per year, with three-point estimates."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel


def default_discount_rate() -> Decimal:
    return Decimal(str(settings.BENEFITS_DISCOUNT_RATE))


class BusinessCase(TenantModel):
    project = models.OneToOneField(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="business_case",
        verbose_name=_("project"),
    )
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    horizon_years = models.PositiveSmallIntegerField(
        _("horizon (years)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    discount_rate = models.DecimalField(
        _("discount rate (% a year)"),
        max_digits=5,
        decimal_places=2,
        default=default_discount_rate,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(30))],
    )
    assumptions = models.TextField(_("assumptions"), blank=True, help_text=_("In Markdown."))
    # The case as it stood when the project passed its approval gate: lines, benefits per
    # year and the computed results. Later estimates are compared with it.
    baseline = models.JSONField(null=True, blank=True, editable=False)
    baseline_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("business case")
        verbose_name_plural = _("business cases")

    def __str__(self) -> str:
        return _("Business case: %(project)s") % {"project": self.project}

    @property
    def years(self) -> list[int]:
        return [self.start_year + offset for offset in range(self.horizon_years)]


class CostType(models.TextChoices):
    CONSULTANTS = "consultants", _("External consultants")
    LICENCES = "licences", _("Licences")
    HARDWARE = "hardware", _("Hardware")
    INTERNAL_TIME = "internal_time", _("Internal time")
    TRAINING = "training", _("Training")
    OPERATION = "operation", _("Operation and support")
    OTHER = "other", _("Other")


class CostKind(models.TextChoices):
    ONE_OFF = "one_off", _("One-off")
    RUNNING = "running", _("Running")


class CostLine(TenantModel):
    """A cost in one year, estimated as minimum, most likely and maximum."""

    case = models.ForeignKey(
        BusinessCase,
        on_delete=models.CASCADE,
        related_name="costs",
        verbose_name=_("business case"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CostKind.choices)
    cost_type = models.CharField(_("type"), max_length=20, choices=CostType.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    minimum = models.DecimalField(_("minimum (DKK)"), max_digits=14, decimal_places=2)
    likely = models.DecimalField(_("most likely (DKK)"), max_digits=14, decimal_places=2)
    maximum = models.DecimalField(_("maximum (DKK)"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["case", "year", "kind", "cost_type", "id"]
        verbose_name = _("cost")
        verbose_name_plural = _("costs")

    def __str__(self) -> str:
        return f"{self.get_cost_type_display()} {self.year}"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        for field in ("minimum", "likely", "maximum"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("A cost cannot be negative.")
        if not errors and None not in (self.minimum, self.likely, self.maximum):
            if self.minimum > self.maximum:
                errors["minimum"] = _("The minimum cannot be above the maximum.")
            elif not self.minimum <= self.likely <= self.maximum:
                errors["likely"] = _("The most likely cost must lie between minimum and maximum.")
        if self.case_id and self.year is not None and self.year not in self.case.years:
            errors["year"] = _("Choose a year within the business case's horizon.")
        if errors:
            raise ValidationError(errors)
