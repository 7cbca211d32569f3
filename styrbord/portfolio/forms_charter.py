"""Forms of the start document: its texts and its parts."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.forms import VersionedModelForm, style
from styrbord.core.models import Person
from styrbord.portfolio.models import (
    Deliverable,
    Lesson,
    Milestone,
    Project,
    Risk,
    SuccessCriterion,
)
from styrbord.portfolio.services.projects import CHARTER_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class CharterForm(VersionedModelForm):
    class Meta:
        model = Project
        fields = ["purpose", "background", "scope", "out_of_scope", "stakeholders", "dependencies"]
        widgets = {name: _text(6) for name in CHARTER_FIELDS}


class DeliverableForm(VersionedModelForm):
    class Meta:
        model = Deliverable
        fields = ["title", "description", "due_on", "status"]
        widgets = {"description": _text(4), "due_on": DATE}


class SuccessCriterionForm(VersionedModelForm):
    class Meta:
        model = SuccessCriterion
        fields = ["description", "measure", "target", "met", "result"]
        widgets = {"result": _text(3)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["met"].widget.choices = [
            ("unknown", _("Not assessed yet")),
            ("true", _("Yes")),
            ("false", _("No")),
        ]


class MilestoneForm(VersionedModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "reached_on"]
        widgets = {"due_on": DATE, "reached_on": DATE}


class RiskForm(VersionedModelForm):
    """Probability and consequence are numbers from 1 to 5; the model's validators refuse
    anything else next to the field, and the form keeps the rest of the input."""

    class Meta:
        model = Risk
        fields = [
            "title",
            "description",
            "probability",
            "consequence",
            "mitigation",
            "owner",
            "is_closed",
        ]
        widgets = {
            "description": _text(3),
            "mitigation": _text(3),
            "probability": forms.NumberInput(attrs={"min": 1, "max": 5, "step": 1}),
            "consequence": forms.NumberInput(attrs={"min": 1, "max": 5, "step": 1}),
        }
        help_texts = {
            "probability": _("1 = very unlikely, 5 = almost certain."),
            "consequence": _("1 = insignificant, 5 = critical."),
        }
        field_classes = {"owner": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The current owner stays choosable even after leaving, so other edits still save.
        self.fields["owner"].queryset = Person.objects.filter(
            Q(is_active=True) | Q(pk=self.instance.owner_id)
        ).order_by("name")
        style(self)


class LessonForm(VersionedModelForm):
    class Meta:
        model = Lesson
        fields = ["title", "description", "recommendation"]
        widgets = {"description": _text(4), "recommendation": _text(4)}


PART_FORMS: dict[type, type[VersionedModelForm]] = {
    Deliverable: DeliverableForm,
    SuccessCriterion: SuccessCriterionForm,
    Milestone: MilestoneForm,
    Risk: RiskForm,
    Lesson: LessonForm,
}
