"""The benefit map (gevinstkort): from what the project delivers to the strategy it serves."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel


class NodeKind(models.TextChoices):
    """The map's layers, read left to right."""

    DELIVERABLE = "deliverable", _("Deliverable")
    CHANGE = "change", _("Change in ways of working")
    EFFECT = "effect", _("Effect")
    BENEFIT = "benefit", _("Benefit")
    FOCUS_AREA = "focus_area", _("Strategic focus area")


LAYERS = [kind.value for kind in NodeKind]


class MapNode(TenantModel):
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="map_nodes",
        verbose_name=_("project"),
    )
    kind = models.CharField(_("layer"), max_length=20, choices=NodeKind.choices)
    label = models.CharField(_("text"), max_length=200)
    position = models.PositiveSmallIntegerField(_("order in the layer"), default=0)
    # A node may stand for an object that exists elsewhere; its text is kept as it was
    # written so the map still reads if that object is renamed or removed.
    benefit = models.ForeignKey(
        "benefits.Benefit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="map_nodes",
        verbose_name=_("benefit"),
    )
    deliverable = models.ForeignKey(
        "portfolio.Deliverable",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deliverable"),
    )
    focus_area = models.ForeignKey(
        "strategy.FocusArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("focus area"),
    )

    class Meta:
        ordering = ["project", "position", "id"]
        verbose_name = _("benefit map node")
        verbose_name_plural = _("benefit map nodes")

    def __str__(self) -> str:
        return self.label

    @property
    def layer(self) -> int:
        return LAYERS.index(self.kind)


class MapEdge(TenantModel):
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="map_edges",
        verbose_name=_("project"),
    )
    source = models.ForeignKey(
        MapNode, on_delete=models.CASCADE, related_name="outgoing", verbose_name=_("from")
    )
    target = models.ForeignKey(
        MapNode, on_delete=models.CASCADE, related_name="incoming", verbose_name=_("leads to")
    )

    class Meta:
        verbose_name = _("benefit map arrow")
        verbose_name_plural = _("benefit map arrows")
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="benefits_one_edge_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    def clean(self) -> None:
        if not (self.source_id and self.target_id):
            return
        if self.source.project_id != self.project_id or self.target.project_id != self.project_id:
            raise ValidationError(_("Both ends must be on this project's map."))
        if self.target.layer <= self.source.layer:
            raise ValidationError(
                {
                    "target": _(
                        "An arrow leads to a later layer: deliverable → change → effect → "
                        "benefit → focus area."
                    )
                }
            )
