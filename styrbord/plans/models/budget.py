"""The digitalisation budget: money the steering group can allocate in a year."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel


class BudgetPool(TenantModel):
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(_("amount (DKK)"), max_digits=14, decimal_places=2)
    note = models.TextField(_("note"), blank=True, help_text=_("Where the money comes from."))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("digitalisation budget")
        verbose_name_plural = _("digitalisation budgets")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="plans_one_pool_per_year")
        ]

    def __str__(self) -> str:
        return _("Digitalisation budget %(year)s") % {"year": self.year}

    def clean(self) -> None:
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("An amount cannot be negative.")})


class BudgetAllocation(TenantModel):
    """Money set aside from the pool for a project outside the plan, typically one the
    innovation group (IOD) starts. Allocations to plan items are on the items."""

    pool = models.ForeignKey(
        BudgetPool, on_delete=models.CASCADE, related_name="allocations", verbose_name=_("budget")
    )
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.PROTECT,
        related_name="budget_allocations",
        verbose_name=_("project"),
    )
    amount = models.DecimalField(_("amount (DKK)"), max_digits=14, decimal_places=2)
    purpose = models.TextField(_("purpose"), blank=True)
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("runs the project"),
        help_text=_("E.g. the innovation group (IOD)."),
    )
    decided_on = models.DateField(_("decided on"))
    agenda_item = models.ForeignKey(
        "governance.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided at agenda item"),
    )

    class Meta:
        ordering = ["-decided_on", "id"]
        verbose_name = _("budget allocation")
        verbose_name_plural = _("budget allocations")

    def __str__(self) -> str:
        return f"{self.project}: {self.amount:,.0f} kr."

    def clean(self) -> None:
        if self.amount is not None and self.amount <= Decimal(0):
            raise ValidationError({"amount": _("An allocation must be more than 0 kr.")})
