from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.models import ApiToken, OrgUnit, Person, Role, SiteText
from styrbord.core.widgets import FastSelect, FastSelectMultiple


def style(form: forms.BaseForm) -> None:
    """Give widgets the classes of Det Fælles Designsystem."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-checkbox")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
            # Same markup, options written in Python (see ``core.widgets``); the widget
            # keeps its choices, which are bound to the field.
            if type(widget) is forms.Select:
                widget.__class__ = FastSelect
            elif type(widget) is forms.SelectMultiple:
                widget.__class__ = FastSelectMultiple
        elif isinstance(widget, forms.Textarea) or not isinstance(widget, forms.HiddenInput):
            widget.attrs.setdefault("class", "form-input")


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)


class VersionForm(StyledForm):
    """A confirmation that carries the version it was shown at."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class VersionedModelForm(forms.ModelForm):
    """An edit form that carries the version it was loaded at (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        style(self)

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class OrgUnitForm(VersionedModelForm):
    class Meta:
        model = OrgUnit
        fields = ["name", "kind", "short_name", "email"]


class OrgUnitCreateForm(OrgUnitForm):
    parent = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=_("Parent unit")
    )

    class Meta(OrgUnitForm.Meta):
        fields = ["name", "kind", "parent", "short_name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = OrgUnit.objects.filter(closed_on__isnull=True)
        style(self)


class MoveOrgUnitForm(VersionForm):
    parent = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        required=False,
        label=_("New parent unit"),
        help_text=_("Leave empty to make it a top unit."),
    )

    def __init__(self, *args, unit: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = OrgUnit.objects.filter(closed_on__isnull=True).exclude(
            pk=unit.pk
        )


class CloseOrgUnitForm(VersionForm):
    closed_on = forms.DateField(
        label=_("Closed from"), widget=forms.DateInput(attrs={"type": "date"})
    )


class PersonForm(VersionedModelForm):
    class Meta:
        model = Person
        fields = ["name", "title", "email", "phone", "org_unit", "is_manager", "is_active"]
        field_classes = {"org_unit": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.filter(closed_on__isnull=True)


class AddUserForm(StyledForm):
    """Adds an existing login to the municipality, or creates a new one."""

    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    password = forms.CharField(
        label=_("Initial password"),
        required=False,
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
        help_text=_("Only for a new login. The user changes it after logging in."),
    )


class RoleForm(VersionForm):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "can_write", "expires_at"]
        widgets = {"expires_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)

    def clean_expires_at(self):
        expires_at = self.cleaned_data["expires_at"]
        if expires_at is not None and expires_at <= timezone.now():
            raise forms.ValidationError(_("The expiry must be in the future."))
        return expires_at


class SiteTextForm(VersionedModelForm):
    class Meta:
        model = SiteText
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 20})}
