"""Benefits (gevinster): what a project is meant to change, measured against a baseline."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel


class Category(models.TextChoices):
    BUDGET_RELEASING = "budget_releasing", _("Economic, budget-releasing")
    FREED_TIME = "freed_time", _("Economic, not budget-releasing (freed time)")
    QUALITY = "quality", _("Quality")
    USER_EXPERIENCE = "user_experience", _("Citizen or user experience")
    WELLBEING = "wellbeing", _("Employee wellbeing")
    CLIMATE = "climate", _("Climate and environment")
    DISBENEFIT = "disbenefit", _("Dis-benefit")


# Categories whose money counts in a business case; budget-releasing money can be harvested.
ECONOMIC_CATEGORIES = (Category.BUDGET_RELEASING, Category.FREED_TIME)


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class BenefitStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    REALISED = "realised", _("Realised")
    NOT_REALISED = "not_realised", _("Not realised")


class Frequency(models.IntegerChoices):
    """How often a benefit is measured, in months."""

    MONTHLY = 1, _("Monthly")
    QUARTERLY = 3, _("Quarterly")
    HALF_YEARLY = 6, _("Every six months")
    YEARLY = 12, _("Yearly")


class Benefit(TenantModel):
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="benefits",
        verbose_name=_("project"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    owner = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_benefits",
        verbose_name=_("benefit owner"),
        help_text=_("A manager responsible for realising the benefit."),
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefits",
        verbose_name=_("realised in"),
    )
    measure = models.CharField(
        _("measure (KPI)"), max_length=200, help_text=_("E.g. case-handling time.")
    )
    unit = models.CharField(_("unit"), max_length=50, help_text=_("E.g. days, hours, kr., %."))
    method = models.TextField(_("method of measurement"), blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    baseline_source = models.CharField(_("source of the baseline"), max_length=300, blank=True)
    target_pessimistic = models.DecimalField(
        _("pessimistic target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_expected = models.DecimalField(
        _("expected target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_optimistic = models.DecimalField(
        _("optimistic target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    value_per_year = models.DecimalField(
        _("value per year at the expected target (DKK)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For economic benefits and dis-benefits: what a full year is worth."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BenefitStatus.choices, default=BenefitStatus.PLANNED
    )
    frequency = models.PositiveSmallIntegerField(
        _("measured"), choices=Frequency.choices, null=True, blank=True
    )
    share_results = models.BooleanField(
        _("share the results with other municipalities"),
        default=False,
        help_text=_(
            "For a shared project: other municipalities see only how many share and the "
            "median per measure, never this municipality's own figures."
        ),
    )
    # Derived from the measurements by ``services.measurements``; written with a plain
    # UPDATE so that recording a measurement never refuses someone editing the benefit.
    latest_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, editable=False)
    latest_measured_on = models.DateField(null=True, editable=False)
    next_measurement_due = models.DateField(null=True, editable=False)

    class Meta:
        ordering = ["project", "title"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        indexes = [
            models.Index(fields=["municipality", "next_measurement_due"]),
            models.Index(fields=["municipality", "project"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_economic(self) -> bool:
        return self.category in ECONOMIC_CATEGORIES

    @property
    def is_budget_releasing(self) -> bool:
        return self.category == Category.BUDGET_RELEASING

    def clean(self) -> None:
        errors: dict[str, object] = {}
        for field in ("owner", "org_unit", "project"):
            related = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if related is not None and related.municipality_id != self.municipality_id:
                errors[field] = _("Choose one from this municipality.")
        if self.baseline_date and self.target_date and self.target_date < self.baseline_date:
            errors["target_date"] = _("The target date cannot be before the baseline date.")
        errors.update(self._target_errors())
        if errors:
            raise ValidationError(errors)

    def _target_errors(self) -> dict[str, object]:
        """Targets lie on the better side of the baseline, and pessimistic ≤ expected ≤
        optimistic read in the measure's direction."""
        errors: dict[str, object] = {}
        sign = 1 if self.direction == Direction.HIGHER else -1
        baseline, expected = self.baseline_value, self.target_expected
        if baseline is not None and expected is not None and sign * (expected - baseline) < 0:
            errors["target_expected"] = (
                _("When higher is better, the target cannot be below the baseline.")
                if sign == 1
                else _("When lower is better, the target cannot be above the baseline.")
            )
        pessimistic, optimistic = self.target_pessimistic, self.target_optimistic
        if expected is not None:
            if pessimistic is not None and sign * (expected - pessimistic) < 0:
                errors["target_pessimistic"] = _(
                    "The pessimistic target cannot be better than the expected one."
                )
            if optimistic is not None and sign * (optimistic - expected) < 0:
                errors["target_optimistic"] = _(
                    "The optimistic target cannot be worse than the expected one."
                )
        elif (
            pessimistic is not None
            and optimistic is not None
            and sign * (optimistic - pessimistic) < 0
        ):
            errors["target_optimistic"] = _(
                "The optimistic target cannot be worse than the pessimistic one."
            )
        return errors


class ProfilePoint(TenantModel):
    """The expected realisation profile: where the measure should be by the end of a period,
    and what that period is worth in money (for the business case)."""

    benefit = models.ForeignKey(
        Benefit, on_delete=models.CASCADE, related_name="profile", verbose_name=_("benefit")
    )
    period_end = models.DateField(_("by"))
    expected_value = models.DecimalField(
        _("expected value"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    amount = models.DecimalField(
        _("value in the period (DKK)"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["benefit", "period_end"]
        verbose_name = _("realisation profile point")
        verbose_name_plural = _("realisation profile")
        constraints = [
            models.UniqueConstraint(
                fields=["benefit", "period_end"], name="benefits_one_point_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.benefit}: {self.period_end:%d.%m.%Y}"

    def clean(self) -> None:
        if self.expected_value is None and self.amount is None:
            raise ValidationError(_("Give the expected value, the amount or both."))


class Measurement(TenantModel):
    benefit = models.ForeignKey(
        Benefit, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("benefit")
    )
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    comment = models.TextField(_("comment"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["benefit", "-measured_on", "-id"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        indexes = [models.Index(fields=["benefit", "measured_on"])]

    def __str__(self) -> str:
        return f"{self.benefit}: {self.value} ({self.measured_on:%d.%m.%Y})"


class Harvest(TenantModel):
    """Money actually taken out of a budget because of a budget-releasing benefit."""

    benefit = models.ForeignKey(
        Benefit, on_delete=models.CASCADE, related_name="harvests", verbose_name=_("benefit")
    )
    amount = models.DecimalField(_("amount harvested (DKK)"), max_digits=14, decimal_places=2)
    budget = models.CharField(
        _("taken out of the budget"), max_length=300, help_text=_("E.g. the centre's budget.")
    )
    harvested_on = models.DateField(_("harvested on"))
    decision = models.CharField(
        _("decided by"), max_length=300, blank=True, help_text=_("E.g. the budget agreement.")
    )
    agenda_item = models.ForeignKey(
        "governance.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided at agenda item"),
    )

    class Meta:
        ordering = ["benefit", "-harvested_on", "-id"]
        verbose_name = _("harvested amount")
        verbose_name_plural = _("harvested amounts")

    def __str__(self) -> str:
        return f"{self.benefit}: {self.amount:,.0f} kr."

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = _("A harvested amount must be more than 0 kr.")
        if not self.decision.strip() and self.agenda_item_id is None:
            errors["decision"] = _("Say which decision took the money out of the budget.")
        if errors:
            raise ValidationError(errors)
