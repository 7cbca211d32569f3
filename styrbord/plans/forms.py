"""Forms of the action plan's core pages: the plan, its versions and its items."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.forms import StyledForm, VersionedModelForm
from styrbord.governance.models import Body, BodyKind
from styrbord.plans.models import ActionPlan, ActionPlanItem, PlanVersion
from styrbord.portfolio.models import ENDED_PHASES, Project

AMOUNT_FIELDS = ("requested_amount", "allocated_amount")


def _text(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _only_body(kind: str) -> Body | None:
    """The body of this kind, if the municipality has exactly one (a sensible default)."""
    bodies = list(Body.objects.filter(kind=kind, concluded_on__isnull=True)[:2])
    return bodies[0] if len(bodies) == 1 else None


class PlanForm(VersionedModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", "owner_body", "approving_body"]
        field_classes = {"owner_body": SafeModelChoiceField, "approving_body": SafeModelChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bodies = Body.objects.filter(concluded_on__isnull=True).order_by("name")
        self.fields["owner_body"].queryset = bodies
        self.fields["approving_body"].queryset = bodies


class PlanCreateForm(PlanForm):
    """A new year's plan; the service names it after the year when no title is given."""

    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=_text(6),
        help_text=_("What the plan sets out to do this year. In Markdown."),
    )

    class Meta(PlanForm.Meta):
        fields = ["year", "title", "owner_body", "approving_body"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to call it “Action plan <year>”.")
        if not self.is_bound:
            defaults = {
                "owner_body": BodyKind.PROGRAMME_GROUP,
                "approving_body": BodyKind.STEERING_GROUP,
            }
            for name, kind in defaults.items():
                if self.initial.get(name) is None:
                    self.initial[name] = _only_body(kind)

    def changed_values(self) -> dict:
        values = {
            name: self.cleaned_data[name] for name in ("title", "owner_body", "approving_body")
        }
        if not values["title"]:
            del values["title"]
        return values


class VersionTextForm(VersionedModelForm):
    """The version's texts; what a revision changes only for a revision."""

    class Meta:
        model = PlanVersion
        fields = ["introduction", "change_note"]
        widgets = {"introduction": _text(10), "change_note": _text(5)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["introduction"].help_text = _(
            "What the plan sets out to do this year. In Markdown."
        )
        if not self.instance.is_revision:
            del self.fields["change_note"]

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "version"}


class _AmountsMixin:
    """Empty amounts mean 0 kr., as the model's defaults do."""

    cleaned_data: dict[str, Any]

    def clean_requested_amount(self) -> Decimal:
        return self.cleaned_data.get("requested_amount") or Decimal(0)

    def clean_allocated_amount(self) -> Decimal:
        return self.cleaned_data.get("allocated_amount") or Decimal(0)


class ItemCreateForm(_AmountsMixin, VersionedModelForm):
    """A project from the portfolio, or an activity with a title of its own."""

    class Meta:
        model = ActionPlanItem
        fields = ["project", "title", "rationale", "requested_amount", "allocated_amount"]
        field_classes = {"project": SafeModelChoiceField}
        widgets = {"rationale": _text(4)}
        labels = {"title": _("Or an activity's title")}
        help_texts = {
            "project": _("A project of the portfolio that is not closed or already in the plan."),
            "title": _("For an activity that is not a project, e.g. the digitalisation seminar."),
        }

    def __init__(self, *args: Any, version: PlanVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        planned = ActionPlanItem.objects.filter(plan_version=version, project__isnull=False).values(
            "project_id"
        )
        self.fields["project"].queryset = (
            Project.objects.exclude(phase__in=ENDED_PHASES).exclude(pk__in=planned).order_by("name")
        )
        self.fields["project"].required = False
        self.fields["project"].empty_label = _("No project: an activity")
        for name in AMOUNT_FIELDS:
            self.fields[name].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("project") and data.get("title", "").strip():
            self.add_error(
                "title", _("Give a title only for an activity; a project keeps its own name.")
            )
        return data

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ItemEditForm(_AmountsMixin, VersionedModelForm):
    class Meta:
        model = ActionPlanItem
        fields = ["title", "rationale", "requested_amount", "allocated_amount"]
        widgets = {"rationale": _text(4)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A project item is named by its project; only an activity has a title to edit.
        if not self.instance.is_activity:
            del self.fields["title"]
        for name in AMOUNT_FIELDS:
            self.fields[name].required = False

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name != "version"}


class RevisionForm(StyledForm):
    change_note = forms.CharField(
        label=_("What this revision changes"),
        required=False,
        widget=_text(5),
        help_text=_("What changes since the approved version, and why. You can edit it later."),
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])
    version = forms.IntegerField()
