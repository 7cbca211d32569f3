"""Forms of the digitalisation budget: the year's pool and the direct allocations from it.

The rules (a year has one pool, the pool cannot shrink below what is committed, an
allocation must fit the remainder) are the services'; their errors land on these fields.
"""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.forms import VersionedModelForm
from styrbord.governance.models import AgendaItem, Body, BodyKind, ItemKind
from styrbord.plans.models import BudgetAllocation, BudgetPool
from styrbord.portfolio.models import ENDED_PHASES, Project

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY = forms.NumberInput(attrs={"min": 0, "step": "0.01", "inputmode": "decimal"})
# How far back the agenda items offered as "decided at" go.
AGENDA_YEARS = 2


class AgendaItemChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: AgendaItem) -> str:
        return f"{obj.meeting} – {obj.title}"


class PoolCreateForm(VersionedModelForm):
    class Meta:
        model = BudgetPool
        fields = ["year", "amount", "note"]
        widgets = {
            "year": forms.NumberInput(attrs={"min": 2000, "max": 2100, "step": 1}),
            "amount": MONEY,
            "note": forms.Textarea(attrs={"rows": 3}),
        }


class PoolForm(VersionedModelForm):
    class Meta:
        model = BudgetPool
        fields = ["amount", "note"]
        widgets = {"amount": MONEY, "note": forms.Textarea(attrs={"rows": 3})}


class AllocationForm(VersionedModelForm):
    """Projects, bodies and agenda items of this municipality only (the scoped managers);
    what the allocation already names stays choosable, so that other edits still save."""

    class Meta:
        model = BudgetAllocation
        fields = ["project", "amount", "purpose", "body", "decided_on", "agenda_item"]
        widgets = {
            "amount": MONEY,
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "decided_on": DATE,
        }
        field_classes = {
            "project": SafeModelChoiceField,
            "body": SafeModelChoiceField,
            "agenda_item": AgendaItemChoiceField,
        }
        help_texts = {
            "agenda_item": _("Decision items of the last two years' meetings."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["project"].queryset = Project.objects.filter(
            ~Q(phase__in=ENDED_PHASES) | Q(pk=instance.project_id)
        ).order_by("name")
        self.fields["body"].queryset = Body.objects.filter(
            Q(concluded_on__isnull=True) | Q(pk=instance.body_id)
        ).order_by("name")
        since = timezone.now() - datetime.timedelta(days=365 * AGENDA_YEARS)
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.filter(
                Q(kind=ItemKind.DECISION, meeting__starts_at__gte=since)
                | Q(pk=instance.agenda_item_id)
            )
            .select_related("meeting__body")
            .order_by("-meeting__starts_at", "position", "id")
        )

    def suggest(self, project: str | None) -> None:
        """Initial values of a new allocation: the project it was started from, and the
        innovation group when there is exactly one, since it starts most such projects."""
        if project and project.isdigit():
            self.initial["project"] = int(project)
        innovation = list(
            Body.objects.filter(
                kind=BodyKind.INNOVATION_GROUP, concluded_on__isnull=True
            ).values_list("pk", flat=True)[:2]
        )
        if len(innovation) == 1:
            self.initial["body"] = innovation[0]
        if self.initial.get("decided_on") is None:
            self.initial["decided_on"] = timezone.localdate()
