"""Forms of the coverage page: why a proposal or idea is not in the plan."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from styrbord.core.forms import StyledForm, VersionedModelForm
from styrbord.plans.models import DemandExclusion

REASON_HELP = _(
    "For example: no capacity this year, it waits for a joint municipal solution, or it does "
    "not fit the strategy."
)


def _reason_widget() -> forms.Textarea:
    return forms.Textarea(attrs={"rows": 4})


class _HiddenErrorsOnTop:
    """A hidden field cannot show an error next to itself, so a service's error about the
    project or idea goes on top of the form, where the reader sees it."""

    def add_error(self, field: str | None, error: Any) -> None:
        if field is not None and field in self.fields and self.fields[field].widget.is_hidden:
            field = None
        super().add_error(field, error)


class ExclusionCreateForm(_HiddenErrorsOnTop, StyledForm):
    """The reason, and which project or idea it is about (carried from ``?project=`` or
    ``?idea=`` through the POST)."""

    reason = forms.CharField(
        label=_("Why it is not in the plan"), widget=_reason_widget(), help_text=REASON_HELP
    )
    project = forms.IntegerField(widget=forms.HiddenInput, required=False)
    idea = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ExclusionEditForm(_HiddenErrorsOnTop, VersionedModelForm):
    class Meta:
        model = DemandExclusion
        fields = ["reason"]
        widgets = {"reason": _reason_widget()}
        labels = {"reason": _("Why it is not in the plan")}
        help_texts = {"reason": REASON_HELP}
