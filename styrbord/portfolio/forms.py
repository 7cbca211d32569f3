"""Forms for projects: the project itself, phase changes, sending for a decision, closing,
architecture alignment and links."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

from styrbord.core.forms import StyledForm, VersionedModelForm, VersionForm, style
from styrbord.core.models import OrgUnit, Person
from styrbord.governance.models import AgendaItem, Body, BodyKind
from styrbord.portfolio import queries
from styrbord.portfolio.models import TRANSITIONS, Phase, Project
from styrbord.strategy.models import PrincipleKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Bodies a project can be sent to for a gate decision.
DECIDING_BODY_KINDS = (BodyKind.STEERING_GROUP, BodyKind.PROGRAMME_GROUP, BodyKind.EXECUTIVE_BOARD)
# A phase form offers this many of the latest decided agenda items.
AGENDA_ITEM_CHOICES = 100


class ProjectForm(VersionedModelForm):
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Project
        fields = [
            "name",
            "short_description",
            "origin",
            "implements",
            "issued_by",
            "org_unit",
            "owner",
            "leader",
            "project_group",
            "start_date",
            "end_date",
            "budget_one_off",
            "budget_running",
            "financing",
            "is_lighthouse",
            "priority",
            "core_task_relevance",
            "focus_areas",
            "principles",
            "tags",
            "url",
            "report_every_days",
        ]
        widgets = {
            "short_description": forms.Textarea(attrs={"rows": 3}),
            "start_date": DATE,
            "end_date": DATE,
            "focus_areas": forms.CheckboxSelectMultiple,
            "principles": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "implements": SafeModelChoiceField,
            "org_unit": SafeModelChoiceField,
            "owner": SafeModelChoiceField,
            "leader": SafeModelChoiceField,
            "project_group": SafeModelChoiceField,
            "focus_areas": SafeModelMultipleChoiceField,
            "principles": SafeModelMultipleChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["implements"].queryset = queries.catalogue_projects().order_by("name")
        self.fields["org_unit"].queryset = OrgUnit.objects.filter(closed_on__isnull=True)
        people = Person.objects.filter(is_active=True).order_by("name")
        self.fields["owner"].queryset = people
        self.fields["leader"].queryset = people
        self.fields["project_group"].queryset = Body.objects.filter(
            kind=BodyKind.PROJECT_GROUP, concluded_on__isnull=True
        )
        self.fields["focus_areas"].queryset = queries.focus_areas().order_by(
            "strategy__title", "number"
        )
        self.fields["focus_areas"].label_from_instance = lambda area: (
            f"{area.strategy.title}: {area}"
        )
        self.fields["principles"].queryset = queries.principles(PrincipleKind.STRATEGIC).order_by(
            "strategy__title", "number"
        )
        self.fields["principles"].label_from_instance = lambda principle: (
            f"{principle.strategy.title}: {principle}"
        )
        if self.instance.pk and not self.is_bound:
            # The related managers are scoped to the municipality and would hide the
            # catalogue's focus areas and principles; the through tables are not.
            through = Project.focus_areas.through.objects.filter(project=self.instance)
            self.initial["focus_areas"] = list(through.values_list("focusarea_id", flat=True))
            through = Project.principles.through.objects.filter(project=self.instance)
            self.initial["principles"] = list(through.values_list("principle_id", flat=True))
        style(self)


class PhaseChangeForm(VersionForm):
    to_phase = forms.ChoiceField(label=_("New phase"))
    agenda_item = SafeModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        label=_("Decision (agenda item)"),
        help_text=_("The body's recorded decision. Required for the steering group's gates."),
    )
    approver = SafeModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label=_("Approved by"),
        help_text=_("For a decision not taken at a meeting: who approved it."),
    )
    decided_on = forms.DateField(label=_("Decided on"), required=False, widget=DATE)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_phase"].choices = [
            (phase, Phase(phase).label) for phase in TRANSITIONS.get(project.phase, ())
        ]
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.exclude(outcome="")
            .select_related("meeting__body")
            .order_by("-meeting__starts_at")[:AGENDA_ITEM_CHOICES]
        )
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.starts_at:%d.%m.%Y} {item.meeting.body.name}: {item.title}"
        )
        self.fields["approver"].queryset = Person.objects.filter(is_active=True).order_by("name")
        style(self)


class SendForDecisionForm(StyledForm):
    body = SafeModelChoiceField(queryset=Body.objects.none(), label=_("Send to"))
    to_phase = forms.ChoiceField(label=_("Decision asked for"))

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(
            kind__in=DECIDING_BODY_KINDS, concluded_on__isnull=True
        ).order_by("kind", "name")
        self.fields["to_phase"].choices = [
            (phase, Phase(phase).label)
            for phase in TRANSITIONS.get(project.phase, ())
            if phase != Phase.REJECTED
        ]
        style(self)


class ClosingForm(VersionedModelForm):
    class Meta:
        model = Project
        fields = [
            "delivered_vs_planned",
            "handover_operations",
            "handover_benefits",
            "benefits_owner",
        ]
        widgets = {
            "delivered_vs_planned": forms.Textarea(attrs={"rows": 6}),
            "handover_operations": forms.Textarea(attrs={"rows": 4}),
            "handover_benefits": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"benefits_owner": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["benefits_owner"].queryset = Person.objects.filter(is_active=True).order_by(
            "name"
        )


class AlignmentForm(StyledForm):
    principle = SafeModelChoiceField(
        queryset=Person.objects.none(), label=_("Architecture principle")
    )
    follows = forms.TypedChoiceField(
        label=_("Follow or explain"),
        choices=[
            ("1", _("The project follows the principle")),
            ("0", _("The project deviates (explain why)")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    explanation = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principle"].queryset = queries.architecture_principles().order_by("number")
        style(self)


class LinkForm(StyledForm):
    target = forms.ChoiceField(label=_("Link to"))

    def __init__(self, *args, choices: list[tuple[str, list[tuple[str, str]]]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "—"), *choices]
