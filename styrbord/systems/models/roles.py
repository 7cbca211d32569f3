"""Roles and who holds them: on a system usage, a contract, an org unit or the municipality."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel
from styrbord.core.models.catalogue import WithCatalogueManager


class Role(TenantModel):
    """A role with its responsibilities and tasks. The catalogue's roles come from
    ``role_catalogue``; a municipality may add its own."""

    key = models.SlugField(_("key"), max_length=50)
    name = models.CharField(_("name"), max_length=200)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    tasks = models.TextField(_("tasks"), blank=True)
    # Which kinds of object the role is held on: "usage", "contract", "org_unit",
    # "municipality" (see ``role_catalogue.TARGETS``).
    applies_to = models.JSONField(_("held on"), default=list)
    kitos_names = models.JSONField(_("KITOS role names"), default=list, blank=True)

    shared = WithCatalogueManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="systems_role_unique_key")
        ]

    def __str__(self) -> str:
        return self.name


class RoleAssignment(TenantModel):
    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("role")
    )
    person = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        related_name="system_roles",
        verbose_name=_("person"),
    )
    usage = models.ForeignKey(
        "systems.SystemUsage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("system usage"),
    )
    contract = models.ForeignKey(
        "systems.Contract",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("contract"),
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="system_roles",
        verbose_name=_("organisation unit"),
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    kitos_uuid = models.UUIDField(_("KITOS UUID"), null=True, blank=True)

    class Meta:
        ordering = ["role__name", "person__name"]
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        # By person for the handover and "my roles"; by role for who holds one, e.g. the
        # compliance overview's usages without a system and data owner.
        indexes = [
            models.Index(fields=["municipality", "person"]),
            models.Index(fields=["municipality", "role"]),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.person}"

    @property
    def target_kind(self) -> str:
        for kind in ("usage", "contract", "org_unit"):
            if getattr(self, f"{kind}_id"):
                return kind
        return "municipality"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        targets = [
            kind for kind in ("usage", "contract", "org_unit") if getattr(self, f"{kind}_id")
        ]
        if len(targets) > 1:
            errors["usage"] = _("A role is held on one thing: a usage, a contract or a unit.")
        for field in ("person", "usage", "contract", "org_unit"):
            related = getattr(self, field) if getattr(self, f"{field}_id") else None
            if related is not None and related.municipality_id != self.municipality_id:
                errors[field] = _("Choose one from this municipality.")
        if self.role_id and not errors and self.target_kind not in self.role.applies_to:
            errors["role"] = _("%(role)s is not held on this kind of object.") % {
                "role": self.role.name
            }
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end cannot be before the start.")
        if errors:
            raise ValidationError(errors)
