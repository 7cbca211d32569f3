"""Forms for bodies, memberships, meetings, agenda items and action items."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.forms import StyledForm, VersionedModelForm, VersionForm, style
from styrbord.core.models import OrgUnit, Person
from styrbord.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    BodyMembership,
    Meeting,
    Outcome,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class BodyForm(VersionedModelForm):
    class Meta:
        model = Body
        fields = [
            "name",
            "short_name",
            "kind",
            "decision_level",
            "reports_to",
            "purpose",
            "cadence",
            "agenda_lead_days",
            "usual_place",
            "terms_of_reference",
            "terms_approved_by",
            "terms_approved_on",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 8}),
            "terms_approved_on": DATE,
        }
        field_classes = {"reports_to": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        others = Body.objects.filter(concluded_on__isnull=True)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["reports_to"].queryset = others
        style(self)


class ConcludeBodyForm(VersionForm):
    concluded_on = forms.DateField(label=_("Concluded on"), widget=DATE)
    closing_note = forms.CharField(
        label=_("Closing note"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the body achieved and where its remaining tasks went."),
    )


class TermsDocumentForm(VersionForm):
    terms_document = forms.FileField(label=_("Terms of reference document"))


class MembershipForm(VersionedModelForm):
    class Meta:
        model = BodyMembership
        fields = ["person", "role", "is_permanent", "represents", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE}
        field_classes = {"person": SafeModelChoiceField, "represents": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(is_active=True).order_by("name")
        self.fields["represents"].queryset = OrgUnit.objects.filter(closed_on__isnull=True)
        if self.instance.pk:
            self.fields["person"].disabled = True
        style(self)

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name != "person"}


class MeetingForm(VersionedModelForm):
    online_link = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "online_link"]
        widgets = {"starts_at": DATETIME, "ends_at": DATETIME}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class StepForm(VersionForm):
    """A workflow step: the version the user saw, and a note where the step needs one."""

    note = forms.CharField(
        label=_("Note to the secretary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class GuestForm(StyledForm):
    person = SafeModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label=_("Person"),
        help_text=_("Choose a person from the register, or write a guest's name."),
    )
    guest_name = forms.CharField(label=_("Guest name"), required=False, max_length=200)
    role = forms.CharField(label=_("Role at the meeting"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(is_active=True).order_by("name")
        style(self)

    def clean(self):
        data = super().clean()
        if not data.get("person") and not (data.get("guest_name") or "").strip():
            self.add_error("person", _("Choose a person or write the guest's name."))
        return data


class AttendanceForm(VersionForm):
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Attendance.choices)


class AgendaItemForm(VersionedModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "kind",
            "title",
            "responsible",
            "background",
            "recommendation",
            "is_closed",
            "treated_at_managers_meeting",
        ]
        widgets = {
            "background": forms.Textarea(attrs={"rows": 8}),
            "recommendation": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"responsible": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Person.objects.filter(is_active=True).order_by("name")
        style(self)


class DecisionForm(VersionForm):
    decision = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "—"), *Outcome.choices], required=False
    )


class AttachmentForm(StyledForm):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Office documents or images."),
    )


class LinkForm(StyledForm):
    target = forms.ChoiceField(label=_("Link to"))

    def __init__(self, *args, choices: list[tuple[str, list[tuple[str, str]]]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "—"), *choices]


class ActionItemForm(VersionedModelForm):
    class Meta:
        model = ActionItem
        fields = ["text", "owner", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DATE}
        field_classes = {"owner": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Person.objects.filter(is_active=True).order_by("name")
        style(self)


class ActionStatusForm(VersionForm):
    status = forms.ChoiceField(
        label=_("Status"), choices=ActionItem._meta.get_field("status").choices
    )


class ProtocolNoteForm(StyledForm):
    text = forms.CharField(label=_("Protocol note"), widget=forms.Textarea(attrs={"rows": 3}))
