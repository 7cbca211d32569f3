"""Forms of the role pages: an own role, assigning a role, editing an assignment and
choosing a successor for a handover. Choice fields offer only this municipality's rows
(and the catalogue's roles); the rules are the model's and the services'."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.forms import StyledForm, VersionedModelForm
from styrbord.core.models import OrgUnit, Person
from styrbord.systems import queries_roles, role_catalogue
from styrbord.systems.models import Contract, Role, RoleAssignment, SystemUsage

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

TARGET_LABELS = {
    role_catalogue.USAGE: _("System usage"),
    role_catalogue.CONTRACT: _("Contract"),
    role_catalogue.ORG_UNIT: _("Organisation unit"),
    role_catalogue.MUNICIPALITY: _("The municipality"),
}


def _persons(keep: Person | None = None) -> object:
    """Active persons; one already named stays choosable so other edits still save."""
    active = Q(is_active=True)
    if keep is not None:
        active |= Q(pk=keep.pk)
    return Person.objects.filter(active).order_by("name", "pk")


class RoleForm(VersionedModelForm):
    applies_to = forms.MultipleChoiceField(
        label=_("Held on"),
        choices=list(TARGET_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    kitos_names = forms.CharField(
        label=_("KITOS role names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line: the names this role has in KITOS, if any."),
    )

    class Meta:
        model = Role
        fields = ["name", "responsibilities", "tasks", "applies_to", "kitos_names"]
        widgets = {
            "responsibilities": forms.Textarea(attrs={"rows": 5}),
            "tasks": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "responsibilities": _("One a line."),
            "tasks": _("One a line."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applies_to"].widget.attrs["class"] = "form-checkbox"
        if not self.is_bound:
            self.initial["kitos_names"] = "\n".join(self.instance.kitos_names or [])

    def clean_kitos_names(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["kitos_names"].splitlines() if line.strip()
        ]


class UsageChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: SystemUsage) -> str:
        return str(obj)


class AssignmentForm(VersionedModelForm):
    """Assigning a role. With ``kind`` and ``target`` given, the target is fixed and only
    the roles held on that kind are offered; without, the target is chosen (none means
    the municipality) and the model refuses a role that is not held on it."""

    class Meta:
        model = RoleAssignment
        fields = ["role", "person", "usage", "contract", "org_unit", "starts_on", "ends_on"]
        field_classes = {
            "role": SafeModelChoiceField,
            "person": SafeModelChoiceField,
            "usage": UsageChoiceField,
            "contract": SafeModelChoiceField,
            "org_unit": SafeModelChoiceField,
        }
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, kind: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["person"].queryset = _persons()
        if kind is None:
            self.fields["role"].queryset = Role.shared.all()
            self.fields["usage"].queryset = SystemUsage.objects.select_related("system")
            self.fields["contract"].queryset = Contract.objects.all()
            self.fields["org_unit"].queryset = OrgUnit.objects.filter(closed_on__isnull=True)
            for name in ("usage", "contract", "org_unit"):
                self.fields[name].help_text = _(
                    "Choose one target at most; none means the municipality as a whole."
                )
        else:
            self.fields["role"].queryset = queries_roles.roles_for(kind)
            for name in ("usage", "contract", "org_unit"):
                del self.fields[name]
        if not self.is_bound and self.instance.starts_on is None:
            self.initial["starts_on"] = timezone.localdate()

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields}


class AssignmentEditForm(VersionedModelForm):
    class Meta:
        model = RoleAssignment
        fields = ["person", "starts_on", "ends_on"]
        field_classes = {"person": SafeModelChoiceField}
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _persons(keep=self.instance.person)


class HandoverForm(StyledForm):
    successor = SafeModelChoiceField(queryset=Person.objects.none(), label=_("Successor"))
    on = forms.DateField(
        label=_("Handed over from"),
        widget=DATE,
        help_text=_(
            "The successor holds the roles from this day; the person's end the day before."
        ),
    )

    def __init__(self, *args, person: Person, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = _persons().exclude(pk=person.pk)
        self.fields["on"].initial = timezone.localdate()
