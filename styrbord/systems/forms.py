"""Forms of the usage and catalogue pages.

The rules (dates in order, KITOS-mastered fields, an explanation where a principle is not
followed) are the models' and the services'; their errors land on these fields. Choice
fields offer only this municipality's rows and, where allowed, the catalogue's.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

from styrbord.core.forms import StyledForm, VersionedModelForm, style
from styrbord.core.models import OrgUnit
from styrbord.portfolio.models import Project
from styrbord.strategy.models import Principle
from styrbord.systems import kitos_fields, queries
from styrbord.systems.models import ItSystem, Supplier, SystemUsage
from styrbord.systems.services.catalogue import SUPPLIER_FIELDS
from styrbord.systems.services.usages import USAGE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FIT = forms.NumberInput(attrs={"min": 1, "max": 4})
USERS = forms.NumberInput(attrs={"min": 0})

# The usage form's groups, in the order the usage page shows them.
USAGE_FIELDSETS: list[tuple[str, list[str]]] = [
    (
        _("General"),
        [
            "system",
            "local_name",
            "local_id",
            "system_version",
            "purpose",
            "licensing_model",
            "contains_ai",
        ],
    ),
    (_("Lifecycle"), ["lifecycle", "valid_from", "valid_to"]),
    (
        _("Users"),
        ["responsible_unit", "using_units", "expected_users_min", "expected_users_max"],
    ),
    (
        _("Operation"),
        [
            "hosting",
            "business_critical",
            "criticality_level",
            "accessibility",
            "accessibility_checked_on",
        ],
    ),
    (_("Fit and TIME disposition"), ["functional_fit", "technical_fit"]),
    (
        _("Data protection"),
        [
            "data_ordinary",
            "data_sensitive",
            "data_criminal",
            "risk_assessment_done",
            "risk_assessed_on",
            "risk_result",
            "risk_next_on",
            "dpia_done",
            "dpia_on",
            "technical_precautions",
            "user_supervision",
            "retention_defined",
        ],
    ),
]

USAGE_FORM_FIELDS = [name for _legend, names in USAGE_FIELDSETS for name in names]


class SystemChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: ItSystem) -> str:
        if obj.supplier_id:
            return f"{obj.name} ({obj.supplier.name})"
        return obj.name


def kitos_source(obj: Any) -> str:
    """Where a KITOS-mastered value comes from, e.g. "KITOS, read 3 March 2026 14:05"."""
    if obj.kitos_synced_at is None:
        return gettext("Kept in KITOS.")
    read = date_format(timezone.localtime(obj.kitos_synced_at), "SHORT_DATETIME_FORMAT")
    return gettext("Kept in KITOS, read %(time)s. Change it in KITOS.") % {"time": read}


class UsageForm(VersionedModelForm):
    """Systems are the catalogue's and the municipality's active ones, units its open ones;
    what the usage already names stays choosable, so that other edits still save."""

    class Meta:
        model = SystemUsage
        fields = USAGE_FORM_FIELDS
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "technical_precautions": forms.Textarea(attrs={"rows": 3}),
            "valid_from": DATE,
            "valid_to": DATE,
            "accessibility_checked_on": DATE,
            "risk_assessed_on": DATE,
            "risk_next_on": DATE,
            "dpia_on": DATE,
            "functional_fit": FIT,
            "technical_fit": FIT,
            "expected_users_min": USERS,
            "expected_users_max": USERS,
            "using_units": forms.SelectMultiple(attrs={"size": 6}),
        }
        field_classes = {
            "system": SystemChoiceField,
            "responsible_unit": SafeModelChoiceField,
            "using_units": SafeModelMultipleChoiceField,
        }
        help_texts = {
            "using_units": _("Hold Ctrl (Cmd on a Mac) to choose more than one."),
            "functional_fit": _("How well it serves the business: 1 poor – 4 excellent."),
            "technical_fit": _("How sound it is technically: 1 poor – 4 excellent."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["system"].queryset = (
            ItSystem.shared.filter(Q(is_active=True) | Q(pk=instance.system_id))
            .select_related("supplier")
            .order_by("name", "pk")
        )
        current_units = list(instance.using_units.all()) if instance.pk else []
        open_units = Q(closed_on__isnull=True)
        self.fields["responsible_unit"].queryset = OrgUnit.objects.filter(
            open_units | Q(pk=instance.responsible_unit_id)
        ).order_by("name", "pk")
        self.fields["using_units"].queryset = OrgUnit.objects.filter(
            open_units | Q(pk__in=[unit.pk for unit in current_units])
        ).order_by("name", "pk")
        self._lock_kitos_fields()

    def _lock_kitos_fields(self) -> None:
        # A disabled field keeps its stored value whatever is posted, so a person cannot
        # change what the next synchronisation would overwrite.
        source = kitos_source(self.instance) if self.instance.kitos_uuid else ""
        for name in kitos_fields.mastered(self.instance) & set(self.fields):
            field = self.fields[name]
            field.disabled = True
            field.help_text = source

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in USAGE_FIELDSETS]

    def service_values(self) -> dict[str, Any]:
        """The scalar fields for ``create_usage``/``update_usage``; using units go apart."""
        return {name: self.cleaned_data[name] for name in USAGE_FIELDS}


class UsageProjectsForm(StyledForm):
    projects = SafeModelMultipleChoiceField(
        queryset=Project.objects.none(),
        required=False,
        label=_("Projects that change the system usage"),
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = queries.projects_for_linking()
        style(self)


class PrincipleAssessmentForm(StyledForm):
    principle = SafeModelChoiceField(
        queryset=Principle.objects.none(), label=_("Architecture principle")
    )
    follows = forms.TypedChoiceField(
        label=_("Follow or explain"),
        choices=[
            ("1", _("The system usage follows the principle")),
            ("0", _("The system usage deviates (explain why)")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect(attrs={"class": "form-radio"}),
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the principle is not followed."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["principle"].queryset = queries.principles_for_assessment()
        style(self)


class SupplierForm(VersionedModelForm):
    class Meta:
        model = Supplier
        fields = sorted(SUPPLIER_FIELDS)
        help_texts = {"cvr": _("Eight digits, e.g. 12345678.")}


class KleTopicsField(forms.CharField):
    """KLE topics typed one a line as "number title", kept as KITOS gives them."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, list):
            return "\n".join(
                f"{topic['number']} {topic.get('title', '')}".strip() for topic in value
            )
        return value or ""

    def to_python(self, value: Any) -> list[dict[str, str]]:
        if isinstance(value, list):
            return value
        topics = []
        for line in (value or "").splitlines():
            number, _space, title = line.strip().partition(" ")
            if not number:
                continue
            if not all(part.isdigit() for part in number.split(".")):
                raise ValidationError(
                    gettext('"%(line)s" does not start with a KLE number such as 27.24.00.')
                    % {"line": line.strip()}
                )
            topics.append({"number": number, "title": title.strip()})
        return topics


class SystemForm(VersionedModelForm):
    kle_topics = KleTopicsField(
        label=_("KLE topics"),
        required=False,
        help_text=_("One a line: the number, a space and the title, e.g. 27.24.00 Sygedagpenge."),
    )

    class Meta:
        model = ItSystem
        fields = [
            "name",
            "supplier",
            "description",
            "business_type",
            "kle_topics",
            "parent",
            "archive_duty",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"supplier": SafeModelChoiceField, "parent": SystemChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supplier"].queryset = Supplier.shared.order_by("name", "pk")
        systems = ItSystem.shared.filter(Q(is_active=True) | Q(pk=self.instance.parent_id))
        if self.instance.pk:
            systems = systems.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = systems.select_related("supplier").order_by("name", "pk")
        style(self)
