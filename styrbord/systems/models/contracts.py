"""IT contracts: terms, notice, costs and the usages they cover."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel
from styrbord.systems.deadlines import ByEndOf, notice_problem


class Procurement(models.TextChoices):
    TENDER = "tender", _("Tender")
    FRAMEWORK = "framework", _("Framework agreement")
    DIRECT = "direct", _("Direct award")
    OTHER = "other", _("Other")


class Contract(TenantModel):
    name = models.CharField(_("name"), max_length=300)
    supplier = models.ForeignKey(
        "systems.Supplier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name=_("supplier"),
    )
    owner = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_contracts",
        verbose_name=_("contract owner"),
    )
    number = models.CharField(_("contract number"), max_length=100, blank=True)
    contract_type = models.CharField(_("type"), max_length=100, blank=True)
    procurement = models.CharField(
        _("procurement"), max_length=20, choices=Procurement.choices, blank=True
    )
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True
    )
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    irrevocable_until = models.DateField(_("irrevocable until"), null=True, blank=True)
    notice_months = models.PositiveSmallIntegerField(
        _("notice period (months)"), null=True, blank=True
    )
    notice_by_end_of = models.CharField(
        _("notice to the end of"), max_length=10, choices=ByEndOf.choices, blank=True
    )
    extension_options = models.TextField(_("extension options"), blank=True)
    extensions_used = models.PositiveSmallIntegerField(_("extensions used"), default=0)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    decision_lead_months = models.PositiveSmallIntegerField(
        _("decide this many months before the notice deadline"),
        default=6,
        validators=[MinValueValidator(0), MaxValueValidator(36)],
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent contract"),
    )
    usages = models.ManyToManyField(
        "systems.SystemUsage", blank=True, related_name="contracts", verbose_name=_("usages")
    )
    kitos_uuid = models.UUIDField(_("KITOS UUID"), null=True, blank=True)
    kitos_synced_at = models.DateTimeField(_("last read from KITOS"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kitos_uuid"], name="systems_contract_unique_kitos"
            )
        ]
        indexes = [models.Index(fields=["municipality", "expires_on"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, object] = {}
        problem = notice_problem(
            starts_on=self.starts_on,
            expires_on=self.expires_on,
            months=self.notice_months,
            irrevocable_until=self.irrevocable_until,
        )
        if problem:
            errors["expires_on"] = problem
        for field in ("supplier", "owner", "parent"):
            related = getattr(self, field) if getattr(self, f"{field}_id") else None
            if related is None:
                continue
            owner = related.municipality
            if owner.pk != self.municipality_id and not (
                field == "supplier" and owner.is_catalogue
            ):
                errors[field] = _("Choose one from this municipality.")
        if self.parent_id and "parent" not in errors and self._parent_makes_a_cycle():
            errors["parent"] = _("That parent would make the contracts each other's parents.")
        if errors:
            raise ValidationError(errors)

    def _parent_makes_a_cycle(self) -> bool:
        seen = {self.pk} if self.pk else set()
        current = self.parent
        while current is not None:
            if current.pk in seen:
                return True
            seen.add(current.pk)
            current = current.parent
        return False


class ContractCost(TenantModel):
    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="costs", verbose_name=_("contract")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paid by"),
    )
    acquisition = models.DecimalField(
        _("acquisition (DKK)"), max_digits=14, decimal_places=2, default=0
    )
    running = models.DecimalField(_("running (DKK)"), max_digits=14, decimal_places=2, default=0)

    class Meta:
        ordering = ["contract", "year"]
        verbose_name = _("contract cost")
        verbose_name_plural = _("contract costs")

    def __str__(self) -> str:
        return f"{self.contract} {self.year}"

    def clean(self) -> None:
        for field in ("acquisition", "running"):
            value = getattr(self, field)
            if value is not None and value < 0:
                raise ValidationError({field: _("A cost cannot be negative.")})
