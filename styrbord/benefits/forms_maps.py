"""Forms of the benefit map: a node, its new text, an arrow.

The forms on the map page carry fixed prefixes, so the same form posted from the map page
or from its own page has the same field names, and a refused one re-renders with the
input kept. Choices are this project's rows only (and for focus areas the municipality's
own and the catalogue's); whether an arrow may go where it points is the model's rule,
which the service applies and the view puts next to the field.
"""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.benefits.models import LAYERS, Benefit, MapNode
from styrbord.core.forms import StyledForm, VersionedModelForm, style
from styrbord.portfolio import queries as portfolio_queries
from styrbord.portfolio.models import Deliverable, Project

NODE_PREFIX = "node"
EDGE_PREFIX = "edge"


class NodeChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: MapNode) -> str:
        return f"{obj.get_kind_display()}: {obj.label}"


class FocusAreaChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.strategy.title}: {obj}"


class NodeForm(VersionedModelForm):
    """A new node; the optional link says which of the project's things it stands for."""

    class Meta:
        model = MapNode
        fields = ["kind", "label", "benefit", "deliverable", "focus_area"]
        field_classes = {
            "benefit": SafeModelChoiceField,
            "deliverable": SafeModelChoiceField,
            "focus_area": FocusAreaChoiceField,
        }
        help_texts = {
            "benefit": _("Optional: the project's benefit this node stands for."),
            "deliverable": _("Optional: the project's deliverable this node stands for."),
            "focus_area": _("Optional: a focus area of the municipality's or the catalogue's."),
        }

    def __init__(self, *args, project: Project, **kwargs) -> None:
        kwargs.setdefault("prefix", NODE_PREFIX)
        super().__init__(*args, **kwargs)
        self.fields["benefit"].queryset = Benefit.objects.filter(project=project).order_by("title")
        self.fields["deliverable"].queryset = Deliverable.objects.filter(project=project).order_by(
            "due_on", "title"
        )
        self.fields["focus_area"].queryset = portfolio_queries.focus_areas().order_by(
            "strategy__title", "number", "name"
        )
        style(self)


class NodeRenameForm(VersionedModelForm):
    class Meta:
        model = MapNode
        fields = ["label"]


class EdgeForm(StyledForm):
    source = NodeChoiceField(queryset=MapNode.objects.none(), label=_("From"))
    target = NodeChoiceField(
        queryset=MapNode.objects.none(),
        label=_("Leads to"),
        help_text=_("Arrows go from left to right, to a node in a later layer."),
    )

    def __init__(self, *args, project: Project, **kwargs) -> None:
        kwargs.setdefault("prefix", EDGE_PREFIX)
        super().__init__(*args, **kwargs)
        # Listed in the order of the map, left to right, so the choice reads like the picture.
        layer = Case(
            *(When(kind=kind, then=Value(index)) for index, kind in enumerate(LAYERS)),
            output_field=IntegerField(),
        )
        nodes = MapNode.objects.filter(project=project).order_by(layer, "position", "id")
        for name in ("source", "target"):
            self.fields[name].queryset = nodes
