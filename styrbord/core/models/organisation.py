from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models.base import TenantModel


class OrgUnitKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality (top)")
    EXECUTIVE_BOARD = "executive_board", _("Executive board")
    ADMINISTRATION = "administration", _("Administration (forvaltning)")
    DIVISION = "division", _("Division (chefområde)")
    CENTRE = "centre", _("Centre")
    DEPARTMENT = "department", _("Department")
    TEAM = "team", _("Team")
    OTHER = "other", _("Other unit")


class OrgUnit(TenantModel):
    """A unit in the municipality's organisation tree."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=OrgUnitKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    short_name = models.CharField(_("short name or unit number"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    external_uuid = models.UUIDField(
        _("external UUID"),
        null=True,
        blank=True,
        help_text=_("The unit's UUID in KITOS or OS2mo, when imported from there."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "external_uuid"], name="orgunit_unique_external_uuid"
            )
        ]
        indexes = [models.Index(fields=["municipality", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.parent.municipality_id != self.municipality_id:
            raise ValidationError({"parent": _("The parent unit belongs to another municipality.")})
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot be its own parent.")})


class Person(TenantModel):
    """A person in the organisation. A person may or may not have a login."""

    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("organisation unit"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("login"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    external_uuid = models.UUIDField(
        _("external UUID"),
        null=True,
        blank=True,
        help_text=_("The person's UUID in KITOS, when imported from there."),
    )
    is_manager = models.BooleanField(
        _("manager"),
        default=False,
        help_text=_("At management level: may own benefits and other responsibilities."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [models.Index(fields=["municipality", "name"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.org_unit_id and self.org_unit.municipality_id != self.municipality_id:
            raise ValidationError({"org_unit": _("The unit belongs to another municipality.")})
