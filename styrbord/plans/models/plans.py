"""The annual action plan: one per year, decided in versions.

The programme group drafts the plan and the steering group approves it. Every version is
kept as it was decided: version 1 is the plan, later versions are revisions copied from
the one before. Only a draft can change; an approved version is frozen, and its items
carry a snapshot of the projects they name (see ``ActionPlanItem.frozen``).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel

QUARTERS = (1, 2, 3, 4)


class VersionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# A version in these states is being worked on; a plan has at most one at a time.
OPEN_STATES = (VersionState.DRAFT, VersionState.SUBMITTED)


class ActionPlan(TenantModel):
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("title"), max_length=200)
    owner_body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="drafted_plans",
        verbose_name=_("drafted by"),
        help_text=_("Usually the programme group."),
    )
    approving_body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_plans",
        verbose_name=_("approved by"),
        help_text=_("Usually the steering group. Submitting puts the plan on its agenda."),
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="plans_one_plan_per_year")
        ]

    def __str__(self) -> str:
        return self.title


class PlanVersion(TenantModel):
    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="versions", verbose_name=_("plan")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    based_on = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("based on"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=VersionState.choices, default=VersionState.DRAFT
    )
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("What the plan sets out to do this year.")
    )
    change_note = models.TextField(
        _("what this revision changes"),
        blank=True,
        help_text=_("For a revision: what changed since the approved version, and why."),
    )
    # Bumped (with ``version``) by every change of the ranking, so that two people
    # reordering at once cannot silently overwrite each other.
    ranked_at = models.DateTimeField(_("ranked"), null=True, blank=True, editable=False)
    agenda_item = models.ForeignKey(
        "governance.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_versions",
        verbose_name=_("agenda item"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    # The budget pool's amount when the version was approved, so the frozen version
    # reads the same after the pool changes.
    frozen = models.JSONField(_("snapshot at approval"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_version_number")
        ]

    def __str__(self) -> str:
        return _("%(plan)s, version %(number)s") % {"plan": self.plan, "number": self.number}

    @property
    def is_editable(self) -> bool:
        return self.state == VersionState.DRAFT

    @property
    def is_revision(self) -> bool:
        return self.number > 1


class CriterionKind(models.TextChoices):
    VALUE = "value", _("Value: a high score raises the priority")
    COST = "cost", _("Cost: a high score lowers the priority")


class Criterion(TenantModel):
    """A scoring criterion with its weight, per plan version."""

    plan_version = models.ForeignKey(
        PlanVersion,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("plan version"),
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("what a 5 means"), blank=True)
    kind = models.CharField(
        _("direction"), max_length=10, choices=CriterionKind.choices, default=CriterionKind.VALUE
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Relative weight, 1 to 100. Weights are shown as shares of their sum."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")
        constraints = [
            models.UniqueConstraint(fields=["plan_version", "name"], name="plans_criterion_name")
        ]

    def __str__(self) -> str:
        return self.name


class Capacity(TenantModel):
    """Hours an org unit can give the plan's efforts in one quarter."""

    plan_version = models.ForeignKey(
        PlanVersion,
        on_delete=models.CASCADE,
        related_name="capacities",
        verbose_name=_("plan version"),
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("org unit")
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=[(q, f"K{q}") for q in QUARTERS]
    )
    hours = models.PositiveIntegerField(_("hours available"))

    class Meta:
        ordering = ["org_unit__name", "quarter"]
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")
        constraints = [
            models.UniqueConstraint(
                fields=["plan_version", "org_unit", "quarter"], name="plans_capacity_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.org_unit} K{self.quarter}: {self.hours}"


class DemandExclusion(TenantModel):
    """A proposal or idea the plan does not cover, with the reason: the other half of
    "does the plan cover the demand?"."""

    plan_version = models.ForeignKey(
        PlanVersion,
        on_delete=models.CASCADE,
        related_name="exclusions",
        verbose_name=_("plan version"),
    )
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("project"),
    )
    idea = models.ForeignKey(
        "portfolio.Idea",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("idea"),
    )
    reason = models.TextField(_("why it is not in the plan"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("demand not covered")
        verbose_name_plural = _("demand not covered")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(project__isnull=False, idea__isnull=True)
                    | models.Q(project__isnull=True, idea__isnull=False)
                ),
                name="plans_exclusion_one_target",
            ),
            models.UniqueConstraint(
                fields=["plan_version", "project"], name="plans_exclusion_project"
            ),
            models.UniqueConstraint(fields=["plan_version", "idea"], name="plans_exclusion_idea"),
        ]

    def __str__(self) -> str:
        return str(self.project or self.idea)

    def clean(self) -> None:
        if not self.reason.strip():
            raise ValidationError({"reason": _("Say why it is not in the plan.")})
