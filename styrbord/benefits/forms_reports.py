"""The report's filter and the form that puts the report on an agenda."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from styrbord.benefits import queries_reports
from styrbord.core.forms import StyledForm
from styrbord.core.models import OrgUnit
from styrbord.governance.models import AgendaItem

FIRST_YEAR, LAST_YEAR = 2000, 2100
# The steering group's annual wheel puts an item with this word on its agenda once a year.
WHEEL_ITEM_WORD = "gevinstrealisering"


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Year"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={"invalid": _("Give the year as four digits, e.g. 2026.")},
    )


class ReportFilterForm(StyledForm):
    year = _year_field()
    org_unit = SafeModelChoiceField(
        queryset=OrgUnit.objects.none(),
        required=False,
        label=_("Org unit"),
        empty_label=_("All org units"),
        help_text=_("The unit the benefit is realised in."),
    )

    def __init__(self, data=None, **kwargs):
        # An empty query string is the default report, not an error.
        if data is not None and not data.get("year"):
            data = data.copy()
            data["year"] = timezone.localdate().year
        super().__init__(data, **kwargs)
        self.fields["org_unit"].queryset = queries_reports.org_units()


class AgendaItemChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: AgendaItem) -> str:
        meeting = obj.meeting
        when = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")
        return f"{meeting.body.name} – {when} – {obj.title}"


class AttachReportForm(StyledForm):
    year = _year_field()
    item = AgendaItemChoiceField(
        queryset=AgendaItem.objects.none(),
        label=_("Agenda item"),
        empty_label=_("Choose an agenda item"),
        help_text=_("Items on this municipality's meetings that are not yet held."),
        error_messages={
            "invalid_choice": _(
                "Choose an agenda item of a meeting in this municipality that is not yet held."
            )
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        items = queries_reports.open_agenda_items(user)
        self.fields["item"].queryset = items
        if not self.is_bound:
            self.initial.setdefault("year", timezone.localdate().year)
            wheel_item = next(
                (item for item in items if WHEEL_ITEM_WORD in item.title.lower()), None
            )
            if wheel_item is not None:
                self.initial.setdefault("item", wheel_item.pk)
