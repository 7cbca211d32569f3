"""Forms for submitting, editing and triaging ideas."""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.forms import VersionedModelForm, VersionForm
from styrbord.core.models import OrgUnit
from styrbord.governance.models import Body
from styrbord.portfolio.models import Idea, IdeaStatus, Origin

TRIAGE_DECISIONS = [
    ("", _("Choose a decision")),
    (IdeaStatus.CONTINUED, _("Continue as a proposal")),
    (IdeaStatus.LATER, _("Consider later")),
    (IdeaStatus.REJECTED, _("Reject")),
]


class IdeaForm(VersionedModelForm):
    class Meta:
        model = Idea
        fields = ["title", "problem", "idea", "expected_gain", "org_unit"]
        field_classes = {"org_unit": SafeModelChoiceField}
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 4}),
            "idea": forms.Textarea(attrs={"rows": 4}),
            "expected_gain": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A unit closed since the idea was submitted stays selectable for that idea.
        self.fields["org_unit"].queryset = OrgUnit.objects.filter(
            Q(closed_on__isnull=True) | Q(pk=self.instance.org_unit_id)
        ).order_by("name")


class TriageForm(VersionForm):
    body = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Triaged by"))
    status = forms.ChoiceField(label=_("Decision"), choices=TRIAGE_DECISIONS)
    recommendation = forms.CharField(
        label=_("Recommendation"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(
        label=_("Reason for the decision"), widget=forms.Textarea(attrs={"rows": 4})
    )
    origin = forms.ChoiceField(
        label=_("Origin of the new project"),
        choices=Origin.choices,
        initial=Origin.LOCAL,
        help_text=_("Used only when the idea continues as a proposal."),
    )

    def __init__(self, *args, bodies: QuerySet[Body], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
