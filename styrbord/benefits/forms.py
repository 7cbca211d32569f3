"""Forms of the benefit pages: a benefit, a measurement, a harvested amount and a point of
the realisation profile.

The rules (targets on the better side of the baseline, no measurement before the
baseline, only budget-releasing benefits harvested) are the model's and the services';
their errors land on these fields. Choice fields offer only this municipality's rows.
"""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.benefits.models import Benefit, Harvest, Measurement, ProfilePoint
from styrbord.core.forms import VersionedModelForm, style
from styrbord.core.models import OrgUnit, Person
from styrbord.governance.models import AgendaItem

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NUMBER = forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"})
MONEY = forms.NumberInput(attrs={"min": 0, "step": "0.01", "inputmode": "decimal"})
# How far back the agenda items offered as "decided at" go.
AGENDA_YEARS = 3

# The benefit form's groups, in the order a benefit is thought through.
FIELDSETS: list[tuple[str, list[str]]] = [
    (_("What"), ["title", "description", "category", "status"]),
    (_("Owner and place"), ["owner", "org_unit"]),
    (_("Measure"), ["measure", "unit", "direction", "method"]),
    (_("Baseline"), ["baseline_value", "baseline_date", "baseline_source"]),
    (
        _("Target"),
        [
            "target_pessimistic",
            "target_expected",
            "target_optimistic",
            "target_date",
            "value_per_year",
        ],
    ),
    (_("Follow-up"), ["frequency"]),
    (_("Sharing"), ["share_results"]),
]


class OwnerChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        # A benefit's owner should be a manager; the list says who is one.
        if obj.is_manager:
            return _("%(name)s (manager)") % {"name": obj.name}
        return obj.name


class AgendaItemChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: AgendaItem) -> str:
        return f"{obj.meeting} – {obj.title}"


class StyledModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class BenefitForm(VersionedModelForm):
    """Owners are the municipality's active persons, units its open ones; what the benefit
    already names stays choosable, so that other edits still save."""

    class Meta:
        model = Benefit
        fields = [name for _legend, names in FIELDSETS for name in names]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "method": forms.Textarea(attrs={"rows": 3}),
            "baseline_value": NUMBER,
            "baseline_date": DATE,
            "target_pessimistic": NUMBER,
            "target_expected": NUMBER,
            "target_optimistic": NUMBER,
            "target_date": DATE,
            "value_per_year": NUMBER,
        }
        field_classes = {"owner": OwnerChoiceField, "org_unit": SafeModelChoiceField}
        help_texts = {
            "owner": _(
                "A manager responsible for realising the benefit. Managers are marked in the list."
            ),
            "frequency": _("The next measurement falls due this long after the last one."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["owner"].queryset = Person.objects.filter(
            Q(is_active=True) | Q(pk=instance.owner_id)
        ).order_by("name", "pk")
        self.fields["org_unit"].queryset = OrgUnit.objects.filter(
            Q(closed_on__isnull=True) | Q(pk=instance.org_unit_id)
        ).order_by("name", "pk")

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]


class MeasurementForm(StyledModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "comment"]
        widgets = {
            "measured_on": DATE,
            "value": NUMBER,
            "comment": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "value": {"required": _("Give the measured value.")},
            "measured_on": {"required": _("Give the date of the measurement.")},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.initial.get("measured_on") is None:
            self.initial["measured_on"] = timezone.localdate()


class HarvestForm(StyledModelForm):
    class Meta:
        model = Harvest
        fields = ["amount", "budget", "harvested_on", "decision", "agenda_item"]
        widgets = {"amount": MONEY, "harvested_on": DATE}
        field_classes = {"agenda_item": AgendaItemChoiceField}
        help_texts = {
            "decision": _("E.g. the budget agreement. Or choose the agenda item below."),
            "agenda_item": _("The meetings of the last three years."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        since = timezone.now() - datetime.timedelta(days=365 * AGENDA_YEARS)
        self.fields["agenda_item"].queryset = (
            # A closed item's title is for its body's members only, and the benefit page
            # shows the item to every reader.
            AgendaItem.objects.filter(meeting__starts_at__gte=since, is_closed=False)
            .select_related("meeting__body")
            .order_by("-meeting__starts_at", "position", "id")
        )
        if not self.is_bound and self.initial.get("harvested_on") is None:
            self.initial["harvested_on"] = timezone.localdate()


class ProfilePointForm(StyledModelForm):
    """A point of the profile; one for a date already in the profile changes that one."""

    class Meta:
        model = ProfilePoint
        fields = ["period_end", "expected_value", "amount"]
        widgets = {"period_end": DATE, "expected_value": NUMBER, "amount": NUMBER}
        help_texts = {
            "period_end": _("A date already in the profile changes that point."),
        }
