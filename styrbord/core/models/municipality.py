from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

kommunekode_validator = RegexValidator(
    r"^\d{4}$", _("A kommunekode is exactly four digits, e.g. 0707.")
)


class Region(models.TextChoices):
    HOVEDSTADEN = "hovedstaden", _("Capital Region of Denmark")
    SJAELLAND = "sjaelland", _("Region Zealand")
    SYDDANMARK = "syddanmark", _("Region of Southern Denmark")
    MIDTJYLLAND = "midtjylland", _("Central Denmark Region")
    NORDJYLLAND = "nordjylland", _("North Denmark Region")


class Municipality(models.Model):
    """A tenant: a municipality, or the catalogue organisation that owns shared data."""

    code = models.CharField(
        _("kommunekode"),
        max_length=4,
        unique=True,
        null=True,
        blank=True,
        validators=[kommunekode_validator],
        help_text=_("The four-digit municipality code."),
    )
    name = models.CharField(_("name"), max_length=100)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    slug = models.SlugField(_("URL name"), max_length=50, unique=True)
    # KITOS and other national registers know a municipality by its CVR number.
    cvr = models.CharField(
        _("CVR number"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("A CVR number has eight digits."))],
    )
    is_catalogue = models.BooleanField(
        _("catalogue organisation"),
        default=False,
        help_text=_("Owns the shared catalogues that every municipality can read."),
    )

    class Meta:
        ordering = ["is_catalogue", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_catalogue=True) | models.Q(code__regex=r"^\d{4}$"),
                name="municipality_code_four_digits",
            ),
            models.UniqueConstraint(
                fields=["is_catalogue"],
                condition=models.Q(is_catalogue=True),
                name="one_catalogue_organisation",
            ),
        ]

    def __str__(self) -> str:
        if self.is_catalogue:
            return self.name
        return _("%(name)s Municipality") % {"name": self.name}

    def clean(self) -> None:
        if not self.is_catalogue and not self.code:
            raise ValidationError({"code": _("A municipality needs its four-digit kommunekode.")})
