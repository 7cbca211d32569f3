"""The form for a body's recurring annual-wheel items."""

from django import forms
from django.utils.translation import gettext_lazy as _

from styrbord.core.forms import VersionedModelForm
from styrbord.governance.models import QUARTER_CHOICES, CycleItem


class CycleItemForm(VersionedModelForm):
    quarters = forms.MultipleChoiceField(
        label=_("Quarters"),
        required=False,
        choices=[(str(number), label) for number, label in QUARTER_CHOICES],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        help_text=_("The quarters the item comes back in."),
    )

    class Meta:
        model = CycleItem
        fields = ["title", "description", "kind", "quarters", "month", "is_event", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model keeps the quarters as "1,3"; the checkboxes want a list.
        if not self.is_bound:
            self.initial["quarters"] = [
                part.strip() for part in self.instance.quarters.split(",") if part.strip()
            ]

    def clean_quarters(self) -> str:
        return ",".join(sorted(set(self.cleaned_data["quarters"])))

    def clean(self) -> dict:
        cleaned = super().clean()
        month = cleaned.get("month")
        if "quarters" in cleaned and not cleaned["quarters"]:
            if month:
                # A monthly item belongs to the month's quarter; the model needs one.
                cleaned["quarters"] = str((month - 1) // 3 + 1)
            elif "month" in cleaned:
                self.add_error("quarters", _("Choose at least one quarter, or a month."))
        return cleaned
