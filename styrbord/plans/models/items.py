"""The plan's items: projects from the portfolio or standalone activities, with scores and
the resources they ask for and are given."""

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel
from styrbord.plans.models.plans import QUARTERS, Criterion, PlanVersion


def _money(label: str) -> models.DecimalField:
    return models.DecimalField(label, max_digits=14, decimal_places=2, default=Decimal(0))


class ActionPlanItem(TenantModel):
    plan_version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan version")
    )
    # The same item in every version of the plan: a revision copies it with its lineage,
    # which is what the comparison of two versions matches on.
    lineage = models.UUIDField(_("lineage"), default=uuid.uuid4, editable=False)
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("project"),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("For an activity that is not a project, e.g. the digitalisation seminar."),
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    rationale = models.TextField(_("rationale"), blank=True)
    requested_amount = _money(_("requested from the budget (DKK)"))
    allocated_amount = _money(_("allocated from the budget (DKK)"))
    # What the project looked like when the version was approved: name, phase, leader,
    # org unit. An approved version is shown from this, not from the live project.
    frozen = models.JSONField(_("snapshot at approval"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["plan_version", "rank", "id"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        constraints = [
            models.UniqueConstraint(
                fields=["plan_version", "project"],
                condition=models.Q(project__isnull=False),
                name="plans_item_project_once",
            ),
            models.UniqueConstraint(fields=["plan_version", "lineage"], name="plans_item_lineage"),
        ]

    def __str__(self) -> str:
        return self.shown_title

    @property
    def is_activity(self) -> bool:
        return self.project_id is None

    @property
    def shown_title(self) -> str:
        if self.frozen:
            return self.frozen.get("title", self.title)
        if self.project_id is not None:
            return self.project.name
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.project_id is None and not self.title.strip():
            errors["title"] = _("Give the activity a title, or choose a project.")
        for field in ("requested_amount", "allocated_amount"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("An amount cannot be negative.")
        if errors:
            raise ValidationError(errors)


class ItemScore(TenantModel):
    item = models.ForeignKey(
        ActionPlanItem, on_delete=models.CASCADE, related_name="scores", verbose_name=_("item")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    score = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 to 5."),
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["item", "criterion"], name="plans_score_unique"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="plans_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class ItemHours(TenantModel):
    """Hours an item asks of an org unit in a quarter, and the hours it is given."""

    item = models.ForeignKey(
        ActionPlanItem, on_delete=models.CASCADE, related_name="hours", verbose_name=_("item")
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("org unit")
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=[(q, f"K{q}") for q in QUARTERS]
    )
    requested_hours = models.PositiveIntegerField(_("hours requested"), default=0)
    allocated_hours = models.PositiveIntegerField(_("hours allocated"), default=0)

    class Meta:
        ordering = ["org_unit__name", "quarter"]
        verbose_name = _("hours")
        verbose_name_plural = _("hours")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "org_unit", "quarter"], name="plans_hours_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.org_unit} K{self.quarter}: {self.allocated_hours}/{self.requested_hours}"
