"""Forms of the data-processing and incident pages.

The rules (a third-country transfer needs its basis, nothing notified or closed before it
was detected) are the models' and the services'; their errors land on these fields.
Processors and sub-processors are suppliers of this municipality or the shared catalogue;
usages and contracts are this municipality's, so another municipality's row is refused
as an invalid choice. On a registration read from KITOS the fields KITOS masters are shown
disabled, with their source.
"""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

from styrbord.core.forms import VersionedModelForm, style
from styrbord.core.models import OrgUnit
from styrbord.systems.forms_contracts import disable_mastered
from styrbord.systems.models import (
    Contract,
    DataProcessingRegistration,
    Oversight,
    SecurityIncident,
    Supplier,
    SystemUsage,
)
from styrbord.systems.services.data_protection import REGISTRATION_RELATIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MULTIPLE_HINT = _("Hold Ctrl (Cmd on a Mac) to choose more than one.")

REGISTRATION_FIELDSETS: list[tuple[str, list[str]]] = [
    (_("Registration"), ["name", "responsible_unit"]),
    (_("Processors"), ["processors", "sub_processors"]),
    (_("Transfer to third countries"), ["third_country_transfer", "transfer_basis"]),
    (_("Agreement"), ["agreement_concluded", "agreement_on"]),
    (_("Oversight"), ["oversight_method", "oversight_interval_months"]),
    (_("Linked to"), ["usages", "contracts"]),
]
RELATIONS = tuple(REGISTRATION_RELATIONS)


class UsageChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: SystemUsage) -> str:
        return str(obj)


class RegistrationForm(VersionedModelForm):
    processors = SafeModelMultipleChoiceField(
        queryset=Supplier.objects.none(), required=False, label=_("Processors")
    )
    sub_processors = SafeModelMultipleChoiceField(
        queryset=Supplier.objects.none(), required=False, label=_("Sub-processors")
    )
    usages = SafeModelMultipleChoiceField(
        queryset=SystemUsage.objects.none(), required=False, label=_("System usages")
    )
    contracts = SafeModelMultipleChoiceField(
        queryset=Contract.objects.none(), required=False, label=_("Contracts")
    )

    class Meta:
        model = DataProcessingRegistration
        fields = [
            name
            for _legend, names in REGISTRATION_FIELDSETS
            for name in names
            if name not in REGISTRATION_RELATIONS
        ]
        widgets = {
            "agreement_on": DATE,
            "transfer_basis": forms.Textarea(attrs={"rows": 3}),
            "oversight_interval_months": forms.NumberInput(attrs={"min": 1, "max": 120}),
        }
        field_classes = {"responsible_unit": SafeModelChoiceField}
        help_texts = {
            "oversight_interval_months": _(
                "The next oversight falls due this long after the last one, or after the "
                "agreement date before the first. Leave empty when there is no fixed interval."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        suppliers = Supplier.shared.order_by("name", "pk")
        self.fields["processors"].queryset = suppliers
        self.fields["sub_processors"].queryset = suppliers
        self.fields["usages"].queryset = SystemUsage.objects.select_related("system").order_by(
            "local_name", "system__name", "pk"
        )
        self.fields["contracts"].queryset = Contract.objects.order_by("name", "pk")
        self.fields["responsible_unit"].queryset = OrgUnit.objects.filter(
            Q(closed_on__isnull=True) | Q(pk=instance.responsible_unit_id)
        ).order_by("name", "pk")
        for name in RELATIONS:
            self.fields[name].help_text = MULTIPLE_HINT
            if instance.pk and not self.is_bound:
                # The related managers are scoped; catalogue suppliers are read through
                # the link table's ids.
                self.initial[name] = list(
                    getattr(instance, name)
                    .through.objects.filter(dataprocessingregistration_id=instance.pk)
                    .values_list(f"{self._target(name)}_id", flat=True)
                )
        disable_mastered(self, instance)
        style(self)

    @staticmethod
    def _target(relation: str) -> str:
        return DataProcessingRegistration._meta.get_field(relation).related_model._meta.model_name

    def relation_values(self) -> dict[str, list]:
        return {name: list(self.cleaned_data[name]) for name in RELATIONS}

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (legend, [self[name] for name in names]) for legend, names in REGISTRATION_FIELDSETS
        ]


class OversightForm(forms.ModelForm):
    class Meta:
        model = Oversight
        fields = ["done_on", "remark"]
        widgets = {"done_on": DATE, "remark": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"remark": _("E.g. what the ISAE 3000 statement said, or what was found.")}
        error_messages = {"done_on": {"required": _("Give the date of the oversight.")}}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.initial.get("done_on") is None:
            self.initial["done_on"] = timezone.localdate()
        style(self)


INCIDENT_FIELDSETS: list[tuple[str, list[str]]] = [
    (_("The incident"), ["usage", "detected_at", "description", "severity"]),
    (_("Personal data"), ["personal_data_breach"]),
    (_("Follow-up"), ["notified_at", "measures", "closed_at"]),
]


class IncidentReportForm(VersionedModelForm):
    """What any member reports; the follow-up fields are for editors (``IncidentForm``)."""

    fieldsets_spec = INCIDENT_FIELDSETS[:2]

    class Meta:
        model = SecurityIncident
        fields = ["usage", "detected_at", "description", "severity", "personal_data_breach"]
        widgets = {
            "detected_at": DATETIME,
            "notified_at": DATETIME,
            "closed_at": DATETIME,
            "description": forms.Textarea(attrs={"rows": 4}),
            "measures": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"usage": UsageChoiceField}
        help_texts = {
            "usage": _("The system usage the incident concerns, if any."),
            "detected_at": _("The 72 hours for notifying Datatilsynet run from this moment."),
            "personal_data_breach": _(
                "Tick when personal data were lost, changed, disclosed or accessed without "
                "authority. Datatilsynet must then be notified within 72 hours."
            ),
        }
        error_messages = {
            "detected_at": {"required": _("Give when the incident was detected.")},
            "description": {"required": _("Describe what happened.")},
            "severity": {"required": _("Choose the severity.")},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["usage"].queryset = SystemUsage.objects.select_related("system").order_by(
            "local_name", "system__name", "pk"
        )
        if not self.is_bound and self.initial.get("detected_at") is None and not instance.pk:
            now = timezone.localtime()
            self.initial["detected_at"] = now - datetime.timedelta(
                seconds=now.second, microseconds=now.microsecond
            )

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets_spec]


class IncidentForm(IncidentReportForm):
    fieldsets_spec = INCIDENT_FIELDSETS

    class Meta(IncidentReportForm.Meta):
        fields = [name for _legend, names in INCIDENT_FIELDSETS for name in names]
        help_texts = {
            **IncidentReportForm.Meta.help_texts,
            "notified_at": _("When the breach was notified to Datatilsynet."),
            "closed_at": _("When the incident was handled and closed."),
        }
