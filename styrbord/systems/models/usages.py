"""A municipality's use of an IT system (systemanvendelse) and what it must keep true."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel


class Lifecycle(models.TextChoices):
    UNDECIDED = "undecided", _("Undecided")
    NOT_IN_USE = "not_in_use", _("Not in use")
    PHASING_IN = "phasing_in", _("Phasing in")
    PILOT = "pilot", _("Pilot")
    OPERATIONAL = "operational", _("Operational")
    PHASING_OUT = "phasing_out", _("Phasing out")
    RETIRED = "retired", _("Retired")


IN_USE = (Lifecycle.PHASING_IN, Lifecycle.PILOT, Lifecycle.OPERATIONAL, Lifecycle.PHASING_OUT)


class Hosting(models.TextChoices):
    UNDECIDED = "undecided", _("Undecided")
    ON_PREMISES = "on_premises", _("On premises")
    EXTERNAL = "external", _("External")
    HYBRID = "hybrid", _("Hybrid")
    SAAS = "saas", _("SaaS")


class Answer(models.TextChoices):
    """KITOS's yes/no answers, where "don't know" is an answer of its own."""

    UNDECIDED = "undecided", _("Not answered")
    YES = "yes", _("Yes")
    NO = "no", _("No")
    DONT_KNOW = "dont_know", _("Don't know")


class Accessibility(models.TextChoices):
    UNDECIDED = "undecided", _("Not assessed")
    COMPLIANT = "compliant", _("Compliant")
    PARTIAL = "partial", _("Partially compliant")
    NOT_COMPLIANT = "not_compliant", _("Not compliant")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


def fit_field(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("1 poor – 4 excellent."),
    )


class SystemUsage(TenantModel):
    system = models.ForeignKey(
        "systems.ItSystem",
        on_delete=models.PROTECT,
        related_name="usages",
        verbose_name=_("IT system"),
    )
    local_name = models.CharField(_("local name"), max_length=300, blank=True)
    local_id = models.CharField(_("local id"), max_length=100, blank=True)
    # Not "version": that is the optimistic-lock counter every tenant row has.
    system_version = models.CharField(_("version"), max_length=100, blank=True)
    lifecycle = models.CharField(
        _("lifecycle"), max_length=20, choices=Lifecycle.choices, default=Lifecycle.UNDECIDED
    )
    valid_from = models.DateField(_("in use from"), null=True, blank=True)
    valid_to = models.DateField(_("in use until"), null=True, blank=True)
    responsible_unit = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_usages",
        verbose_name=_("responsible unit"),
    )
    using_units = models.ManyToManyField(
        "core.OrgUnit", blank=True, related_name="used_systems", verbose_name=_("used by")
    )
    expected_users_min = models.PositiveIntegerField(
        _("expected users, from"), null=True, blank=True
    )
    expected_users_max = models.PositiveIntegerField(_("expected users, to"), null=True, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    hosting = models.CharField(
        _("hosting"), max_length=20, choices=Hosting.choices, default=Hosting.UNDECIDED
    )
    business_critical = models.CharField(
        _("business critical"), max_length=20, choices=Answer.choices, default=Answer.UNDECIDED
    )
    criticality_level = models.CharField(_("criticality level"), max_length=100, blank=True)
    contains_ai = models.CharField(
        _("contains AI"), max_length=20, choices=Answer.choices, default=Answer.UNDECIDED
    )
    licensing_model = models.CharField(_("licensing model"), max_length=200, blank=True)
    accessibility = models.CharField(
        _("web accessibility"),
        max_length=20,
        choices=Accessibility.choices,
        default=Accessibility.UNDECIDED,
    )
    accessibility_checked_on = models.DateField(
        _("accessibility last checked"), null=True, blank=True
    )
    functional_fit = fit_field(_("functional fit"))
    technical_fit = fit_field(_("technical fit"))
    # Data protection. The levels are independent: a system may hold ordinary and CPR data.
    data_ordinary = models.BooleanField(_("ordinary personal data"), default=False)
    data_sensitive = models.BooleanField(_("sensitive personal data"), default=False)
    data_criminal = models.BooleanField(_("criminal offences or CPR numbers"), default=False)
    risk_assessment_done = models.CharField(
        _("risk assessment done"), max_length=20, choices=Answer.choices, default=Answer.UNDECIDED
    )
    risk_assessed_on = models.DateField(_("risk assessed on"), null=True, blank=True)
    risk_result = models.CharField(
        _("risk assessment result"), max_length=10, choices=RiskLevel.choices, blank=True
    )
    risk_next_on = models.DateField(
        _("next risk assessment"),
        null=True,
        blank=True,
        help_text=_("A year after the last one unless set."),
    )
    dpia_done = models.CharField(
        _("DPIA done"), max_length=20, choices=Answer.choices, default=Answer.UNDECIDED
    )
    dpia_on = models.DateField(_("DPIA date"), null=True, blank=True)
    technical_precautions = models.TextField(_("technical precautions"), blank=True)
    user_supervision = models.CharField(
        _("user supervision"), max_length=20, choices=Answer.choices, default=Answer.UNDECIDED
    )
    retention_defined = models.CharField(
        _("retention period defined"),
        max_length=20,
        choices=Answer.choices,
        default=Answer.UNDECIDED,
    )
    projects = models.ManyToManyField(
        "portfolio.Project",
        blank=True,
        related_name="system_usages",
        verbose_name=_("changed by the projects"),
    )
    kitos_uuid = models.UUIDField(_("KITOS UUID"), null=True, blank=True)
    kitos_synced_at = models.DateTimeField(_("last read from KITOS"), null=True, blank=True)

    class Meta:
        ordering = ["system__name", "local_name"]
        verbose_name = _("system usage")
        verbose_name_plural = _("system usages")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kitos_uuid"], name="systems_usage_unique_kitos"
            )
        ]
        indexes = [models.Index(fields=["municipality", "lifecycle"])]

    def __str__(self) -> str:
        return self.local_name or str(self.system)

    @property
    def processes_personal_data(self) -> bool:
        return self.data_ordinary or self.data_sensitive or self.data_criminal

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("The end of use cannot be before its start.")
        low, high = self.expected_users_min, self.expected_users_max
        if low is not None and high is not None and high < low:
            errors["expected_users_max"] = _("The upper bound cannot be below the lower.")
        if (
            self.responsible_unit_id
            and self.responsible_unit.municipality_id != self.municipality_id
        ):
            errors["responsible_unit"] = _("Choose one from this municipality.")
        if self.system_id:
            owner = self.system.municipality
            if owner.pk != self.municipality_id and not owner.is_catalogue:
                errors["system"] = _("Choose one from this municipality or the catalogue.")
        if errors:
            raise ValidationError(errors)


class PrincipleAssessment(TenantModel):
    """Follow or explain: does the usage follow an architecture principle, and if not, why."""

    usage = models.ForeignKey(
        SystemUsage, on_delete=models.CASCADE, related_name="principles", verbose_name=_("usage")
    )
    principle = models.ForeignKey(
        "strategy.Principle",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("principle"),
    )
    follows = models.BooleanField(_("follows the principle"))
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("principle assessment")
        verbose_name_plural = _("principle assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["usage", "principle"], name="systems_one_assessment_per_principle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.usage}: {self.principle}"

    def clean(self) -> None:
        if not self.follows and not self.explanation.strip():
            raise ValidationError({"explanation": _("Explain why the principle is not followed.")})
