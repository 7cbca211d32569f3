"""Suppliers and IT systems: the shared catalogue every municipality reads.

Systems and suppliers imported from KITOS's system catalogue belong to the catalogue
organisation, like national projects; a municipality may also keep its own (a local
system not in KITOS). Both are read through ``shared``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel
from styrbord.core.models.catalogue import WithCatalogueManager

cvr_validator = RegexValidator(r"^\d{8}$", _("A CVR number has eight digits."))


class Supplier(TenantModel):
    name = models.CharField(_("name"), max_length=300)
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True, validators=[cvr_validator])
    kitos_uuid = models.UUIDField(_("KITOS UUID"), null=True, blank=True)

    shared = WithCatalogueManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kitos_uuid"], name="systems_supplier_unique_kitos"
            )
        ]
        indexes = [models.Index(fields=["municipality", "name"])]

    def __str__(self) -> str:
        return self.name


class ArchiveDuty(models.TextChoices):
    UNDECIDED = "undecided", _("Not decided")
    PRESERVE = "preserve", _("B: preserve")
    DISCARD = "discard", _("K: discard")
    UNKNOWN = "unknown", _("Unknown")


class ItSystem(TenantModel):
    name = models.CharField(_("name"), max_length=300)
    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="systems",
        verbose_name=_("rights holder"),
    )
    description = models.TextField(_("description"), blank=True)
    business_type = models.CharField(_("business type"), max_length=200, blank=True)
    # KLE topics as KITOS gives them: [{"number": "27.24.00", "title": "…"}], kept as read
    # so a renamed topic does not change what was registered.
    kle_topics = models.JSONField(_("KLE topics"), default=list, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent system"),
    )
    archive_duty = models.CharField(
        _("archive duty recommendation"),
        max_length=20,
        choices=ArchiveDuty.choices,
        default=ArchiveDuty.UNDECIDED,
    )
    kitos_uuid = models.UUIDField(_("KITOS UUID"), null=True, blank=True)
    is_active = models.BooleanField(_("active in the catalogue"), default=True)

    shared = WithCatalogueManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("IT system")
        verbose_name_plural = _("IT systems")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kitos_uuid"], name="systems_system_unique_kitos"
            )
        ]
        indexes = [models.Index(fields=["municipality", "name"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A system cannot be its own parent.")})
        parent_owner = self.parent.municipality
        if parent_owner.pk != self.municipality_id and not parent_owner.is_catalogue:
            raise ValidationError({"parent": _("Choose one from this municipality.")})
