"""The status report form: seven RAG dimensions with comments, the narrative, the figures
and an optional escalation."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.forms import VersionedModelForm
from styrbord.governance.models import Body
from styrbord.portfolio.models import DIMENSIONS, Rag, StatusReport
from styrbord.portfolio.services.reports import ESCALATION_KINDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NARRATIVE_FIELDS = ("summary", "achievements", "next_steps", "problems")
FIGURE_FIELDS = ("percent_complete", "spent_to_date", "forecast")
ESCALATION_FIELDS = ("escalate_to", "escalation_reason")


def _comment_widget() -> forms.Textarea:
    return forms.Textarea(attrs={"rows": 2})


class StatusReportForm(VersionedModelForm):
    class Meta:
        model = StatusReport
        fields = [
            "period_end",
            *(part for name in DIMENSIONS for part in (name, f"{name}_comment")),
            *NARRATIVE_FIELDS,
            *FIGURE_FIELDS,
            *ESCALATION_FIELDS,
        ]
        widgets = {
            "period_end": DATE,
            **{name: forms.RadioSelect(attrs={"class": "form-radio"}) for name in DIMENSIONS},
            **{f"{name}_comment": _comment_widget() for name in DIMENSIONS},
            "summary": forms.Textarea(attrs={"rows": 4}),
            "achievements": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
            "problems": forms.Textarea(attrs={"rows": 3}),
            "escalation_reason": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"escalate_to": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in DIMENSIONS:
            # Without the empty choice a model form adds: a status must be chosen.
            self.fields[name].choices = Rag.choices
        self.fields["escalate_to"].queryset = Body.objects.filter(
            kind__in=ESCALATION_KINDS, concluded_on__isnull=True
        ).order_by("name")
        self.fields["escalate_to"].help_text = _(
            "Optional. The report proposes an item to the body's next meeting when it is submitted."
        )

    @property
    def dimension_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        """(status, comment) for each dimension, for a fieldset each."""
        return [(self[name], self[f"{name}_comment"]) for name in DIMENSIONS]

    @property
    def narrative_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in NARRATIVE_FIELDS]

    @property
    def figure_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in FIGURE_FIELDS]

    @property
    def escalation_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ESCALATION_FIELDS]
