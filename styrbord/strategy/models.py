"""Strategies, their focus areas and principles, which projects are aligned to.

The shared catalogue holds the fælleskommunale strategies and programmes and the
common-public architecture principles; a municipality adds its own strategy next to them.
Every municipality reads both through ``shared``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel, WithCatalogueManager

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


class StrategyKind(models.TextChoices):
    STRATEGY = "strategy", _("Strategy")
    PROGRAMME = "programme", _("Programme")
    ARCHITECTURE = "architecture", _("Architecture framework")


class Strategy(TenantModel):
    kind = models.CharField(
        _("kind"), max_length=20, choices=StrategyKind.choices, default=StrategyKind.STRATEGY
    )
    title = models.CharField(_("title"), max_length=200)
    issued_by = models.CharField(
        _("issued by"),
        max_length=200,
        blank=True,
        help_text=_(
            "For example the city council, KL and KOMBIT, or the Agency for Digital Government."
        ),
    )
    period_from = models.PositiveSmallIntegerField(_("from year"), validators=YEAR_VALIDATORS)
    period_to = models.PositiveSmallIntegerField(_("to year"), validators=YEAR_VALIDATORS)
    vision = models.TextField(_("vision"), blank=True, help_text=_("In Markdown."))
    description = models.TextField(_("description"), blank=True, help_text=_("In Markdown."))
    approved_by = models.CharField(_("approved by"), max_length=200, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    url = models.URLField(_("link to the document"), blank=True)

    shared = WithCatalogueManager()

    class Meta:
        ordering = ["-period_to", "title"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        indexes = [models.Index(fields=["municipality", "title"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.period_from}–{self.period_to})"

    def clean(self) -> None:
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise ValidationError({"period_to": _("The period cannot end before it starts.")})


class StrategyAddendum(TenantModel):
    """A later addition to a strategy (tillæg), e.g. a revised focus for one year."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="addenda", verbose_name=_("strategy")
    )
    title = models.CharField(_("title"), max_length=200)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True, help_text=_("In Markdown."))

    shared = WithCatalogueManager()

    class Meta:
        ordering = ["adopted_on", "title"]
        verbose_name = _("addendum")
        verbose_name_plural = _("addenda")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        _same_municipality_as_strategy(self)


class FocusArea(TenantModel):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("strategy")
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("In Markdown."))

    shared = WithCatalogueManager()

    class Meta:
        ordering = ["strategy", "number", "name"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "name"], name="focusarea_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _same_municipality_as_strategy(self)


class PrincipleKind(models.TextChoices):
    STRATEGIC = "strategic", _("Principle")
    ARCHITECTURE = "architecture", _("Architecture principle")


class Principle(TenantModel):
    """A principle in Rebild's form (because / explanation / prerequisite), or an
    architecture principle that projects must follow or explain why not."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="principles", verbose_name=_("strategy")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=PrincipleKind.choices, default=PrincipleKind.STRATEGIC
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    name = models.CharField(_("principle"), max_length=300)
    because = models.TextField(_("because"), blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    prerequisite = models.TextField(_("prerequisite"), blank=True)

    shared = WithCatalogueManager()

    class Meta:
        ordering = ["strategy", "number", "name"]
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "name"], name="principle_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _same_municipality_as_strategy(self)


def _same_municipality_as_strategy(part: StrategyAddendum | FocusArea | Principle) -> None:
    if part.strategy_id and part.strategy.municipality_id != part.municipality_id:
        raise ValidationError({"strategy": _("Choose a strategy of this municipality.")})
