"""The parts of a project's start document, and the lessons learned when it closes."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class ProjectPart(TenantModel):
    """A row of a project's start document; each subclass declares its ``project``."""

    class Meta:
        abstract = True

    def clean(self) -> None:
        errors = {}
        if self.project_id and self.project.municipality_id != self.municipality_id:
            errors["project"] = _("Choose a project of this municipality.")
        for field in ("owner",):
            related = getattr(self, field, None)
            if related is not None and related.municipality_id != self.municipality_id:
                errors[field] = _("Choose one from this municipality.")
        if errors:
            raise ValidationError(errors)


class DeliverableStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


class Deliverable(ProjectPart):
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="deliverables",
        verbose_name=_("project"),
    )
    title = models.CharField(_("deliverable"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeliverableStatus.choices,
        default=DeliverableStatus.PLANNED,
    )

    class Meta:
        ordering = ["due_on", "title"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self) -> str:
        return self.title


class SuccessCriterion(ProjectPart):
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="success_criteria",
        verbose_name=_("project"),
    )
    description = models.CharField(_("success criterion"), max_length=300)
    measure = models.CharField(_("how it is measured"), max_length=300)
    target = models.CharField(_("target"), max_length=200)
    met = models.BooleanField(_("met"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("success criterion")
        verbose_name_plural = _("success criteria")

    def __str__(self) -> str:
        return self.description


class Milestone(ProjectPart):
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name=_("project"),
    )
    title = models.CharField(_("milestone"), max_length=300)
    due_on = models.DateField(_("date"))
    reached_on = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "title"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class Risk(ProjectPart):
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="risks",
        verbose_name=_("project"),
    )
    title = models.CharField(_("risk"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    probability = models.PositiveSmallIntegerField(_("probability (1–5)"), validators=ONE_TO_FIVE)
    consequence = models.PositiveSmallIntegerField(_("consequence (1–5)"), validators=ONE_TO_FIVE)
    mitigation = models.TextField(_("mitigation"), blank=True)
    owner = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_risks",
        verbose_name=_("risk owner"),
    )
    is_closed = models.BooleanField(_("closed"), default=False)

    class Meta:
        ordering = ["is_closed", "-probability", "-consequence", "title"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")

    def __str__(self) -> str:
        return self.title

    @property
    def score(self) -> int:
        return self.probability * self.consequence


class Lesson(ProjectPart):
    """A lesson learned, written when a project closes and searchable across the municipality."""

    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="lessons",
        verbose_name=_("project"),
    )
    title = models.CharField(_("lesson"), max_length=300)
    description = models.TextField(_("what happened"), blank=True)
    recommendation = models.TextField(_("recommendation for next time"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self) -> str:
        return self.title
