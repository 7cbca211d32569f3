"""Forms of the contract pages: the contract's terms, a yearly cost, the usages it covers.

The rules (no end before the start, a notice period that can be met, no parent cycle) are
the model's and the services'; their errors land on these fields. Choice fields offer only
this municipality's rows, and suppliers also the shared catalogue's. On a contract read
from KITOS the fields KITOS masters are shown disabled, with their source.
"""

from django import forms
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

from styrbord.core.forms import VersionedModelForm, style
from styrbord.core.models import OrgUnit, Person
from styrbord.systems import kitos_fields
from styrbord.systems.models import Contract, ContractCost, Supplier, SystemUsage

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY = forms.NumberInput(attrs={"min": 0, "step": "0.01", "inputmode": "decimal"})

FIELDSETS: list[tuple[str, list[str]]] = [
    (_("Contract"), ["name", "number", "contract_type", "supplier", "owner", "parent"]),
    (_("Procurement"), ["procurement", "concluded_on"]),
    (
        _("Term"),
        ["starts_on", "duration_months", "expires_on", "irrevocable_until", "terminated_on"],
    ),
    (_("Notice"), ["notice_months", "notice_by_end_of", "decision_lead_months"]),
    (_("Extension"), ["extension_options", "extensions_used"]),
]


def kitos_source(obj: object) -> str:
    """Where a KITOS-mastered value comes from, for the help text of its field."""
    synced = getattr(obj, "kitos_synced_at", None)
    if synced is None:
        return gettext("From KITOS.")
    return gettext("From KITOS, read %(time)s.") % {
        "time": date_format(synced, "SHORT_DATETIME_FORMAT")
    }


def disable_mastered(form: forms.BaseForm, obj: object) -> None:
    """Show the fields KITOS masters on ``obj`` read-only, saying where they come from; a
    disabled field keeps its loaded value, so the service sees no change to refuse."""
    source = kitos_source(obj)
    for name in kitos_fields.mastered(obj) & set(form.fields):
        form.fields[name].disabled = True
        form.fields[name].help_text = source


class ContractForm(VersionedModelForm):
    class Meta:
        model = Contract
        fields = [name for _legend, names in FIELDSETS for name in names]
        widgets = {
            "concluded_on": DATE,
            "starts_on": DATE,
            "expires_on": DATE,
            "irrevocable_until": DATE,
            "terminated_on": DATE,
            "extension_options": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {
            "supplier": SafeModelChoiceField,
            "owner": SafeModelChoiceField,
            "parent": SafeModelChoiceField,
        }
        help_texts = {
            "notice_by_end_of": _(
                "E.g. three months to the end of a quarter. Leave empty when the notice "
                "simply runs out."
            ),
            "decision_lead_months": _(
                "The decision to terminate, re-tender or renew is due this many months "
                "before the last day to give notice. Six months by default."
            ),
            "expires_on": _("Leave empty for a contract that runs until notice is given."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["supplier"].queryset = Supplier.shared.order_by("name", "pk")
        # The owner already named stays choosable, so that other edits still save.
        self.fields["owner"].queryset = Person.objects.filter(
            Q(is_active=True) | Q(pk=instance.owner_id)
        ).order_by("name", "pk")
        parents = Contract.objects.order_by("name", "pk")
        if instance.pk:
            parents = parents.exclude(pk=instance.pk)
        self.fields["parent"].queryset = parents
        disable_mastered(self, instance)

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]


class ContractCostForm(forms.ModelForm):
    class Meta:
        model = ContractCost
        fields = ["year", "org_unit", "acquisition", "running"]
        widgets = {"acquisition": MONEY, "running": MONEY}
        field_classes = {"org_unit": SafeModelChoiceField}
        help_texts = {"org_unit": _("The unit that pays. Leave empty for the whole municipality.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.filter(closed_on__isnull=True).order_by(
            "name", "pk"
        )
        style(self)


class UsageChoiceField(SafeModelMultipleChoiceField):
    def label_from_instance(self, obj: SystemUsage) -> str:
        return str(obj)


class ContractUsagesForm(forms.Form):
    """The usages the contract covers: every usage of this municipality is offered, so a
    usage of another municipality is refused as an invalid choice."""

    usages = UsageChoiceField(
        queryset=SystemUsage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Usages covered by the contract"),
    )

    def __init__(self, *args, contract: Contract, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["usages"].queryset = SystemUsage.objects.select_related("system").order_by(
            "local_name", "system__name", "pk"
        )
        if not self.is_bound:
            self.initial["usages"] = list(contract.usages.values_list("pk", flat=True))
        disable_mastered(self, contract)
