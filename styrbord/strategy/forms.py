"""Forms for strategies and their parts. The strategy of a part is fixed by the URL."""

from django import forms

from styrbord.core.forms import VersionedModelForm
from styrbord.strategy.models import FocusArea, Principle, Strategy, StrategyAddendum


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StrategyForm(VersionedModelForm):
    url = forms.URLField(
        label=Strategy._meta.get_field("url").verbose_name,
        required=False,
        assume_scheme="https",
        max_length=200,
    )

    class Meta:
        model = Strategy
        fields = [
            "title",
            "kind",
            "issued_by",
            "period_from",
            "period_to",
            "vision",
            "description",
            "approved_by",
            "approved_on",
            "url",
        ]
        widgets = {
            "approved_on": date_input(),
            "vision": forms.Textarea(attrs={"rows": 5}),
            "description": forms.Textarea(attrs={"rows": 10}),
        }


class AddendumForm(VersionedModelForm):
    class Meta:
        model = StrategyAddendum
        fields = ["title", "adopted_on", "text"]
        widgets = {"adopted_on": date_input(), "text": forms.Textarea(attrs={"rows": 10})}


class FocusAreaForm(VersionedModelForm):
    class Meta:
        model = FocusArea
        fields = ["number", "name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}


class PrincipleForm(VersionedModelForm):
    class Meta:
        model = Principle
        fields = ["kind", "number", "name", "because", "explanation", "prerequisite"]
        widgets = {
            "because": forms.Textarea(attrs={"rows": 3}),
            "explanation": forms.Textarea(attrs={"rows": 4}),
            "prerequisite": forms.Textarea(attrs={"rows": 3}),
        }
