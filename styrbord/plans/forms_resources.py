"""Forms of the resource pages: an item's hours grid, an org unit's capacity, and the
choice of an org unit to add.

Hours and capacity are many small rows with no one version number between them, so the
forms carry a stamp of the rows as they were shown instead: a save based on rows that
changed meanwhile is refused, like a stale ``version`` elsewhere.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes.forms import SafeModelChoiceField

from styrbord.core.forms import StyledForm
from styrbord.core.models import OrgUnit
from styrbord.plans.models import QUARTERS, Capacity, ItemHours
from styrbord.plans.queries_capacity import QUARTER_NAMES

STALE = gettext_lazy(
    "Someone else changed these hours while you were editing. Nothing was saved. Your input "
    "is kept below; check it and save again to keep yours."
)


def stamp(rows: Iterable[tuple[int, ...]]) -> str:
    """A short fingerprint of rows of numbers, to notice that they changed."""
    text = ";".join(",".join(str(value) for value in row) for row in sorted(rows))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def hours_stamp(hours: Iterable[ItemHours]) -> str:
    return stamp((h.org_unit_id, h.quarter, h.requested_hours, h.allocated_hours) for h in hours)


def capacity_stamp(capacities: Iterable[Capacity]) -> str:
    return stamp((c.quarter, c.hours) for c in capacities)


def _hours_input() -> forms.IntegerField:
    return forms.IntegerField(
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-input input-width-xs", "min": 0}),
    )


class StampedForm(StyledForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, current_stamp: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current_stamp = current_stamp
        self.initial.setdefault("version", current_stamp)

    def check_stamp(self) -> bool:
        """False, with the reason on the form, when the rows changed since it was shown.
        The form then takes the new stamp, so that saving again is a deliberate choice."""
        if self.cleaned_data.get("version") == self.current_stamp:
            return True
        data = self.data.copy()
        data["version"] = self.current_stamp
        self.data = data
        self.add_error(None, STALE)
        return False


@dataclass(frozen=True)
class HoursCell:
    """A changed cell of the grid, with the names of its two fields."""

    org_unit: OrgUnit
    quarter: int
    requested: int
    allocated: int
    requested_field: str
    allocated_field: str
    is_new: bool = False


class HoursForm(StampedForm):
    """A row per org unit with hours, two inputs per quarter, and a row to add a unit."""

    new_org_unit = SafeModelChoiceField(
        queryset=OrgUnit.objects.none(),
        required=False,
        label=gettext_lazy("Org unit to add"),
        empty_label=gettext_lazy("Choose an org unit"),
    )

    def __init__(
        self,
        *args: Any,
        hours: list[ItemHours],
        units: list[OrgUnit],
        choices: QuerySet[OrgUnit],
        **kwargs: Any,
    ) -> None:
        """``units`` are the rows, in the order shown; ``choices`` the units one can add."""
        super().__init__(*args, current_stamp=hours_stamp(hours), **kwargs)
        self.saved = {(h.org_unit_id, h.quarter): h for h in hours}
        self.units = units
        self.fields["new_org_unit"].queryset = choices.exclude(pk__in=[u.pk for u in self.units])
        for unit in self.units:
            for quarter in QUARTERS:
                saved = self.saved.get((unit.pk, quarter))
                names = {"unit": unit.name, "quarter": quarter}
                self._add(
                    f"requested_{unit.pk}_{quarter}",
                    _("Requested hours, %(unit)s, Q%(quarter)s") % names,
                    saved.requested_hours if saved else None,
                )
                self._add(
                    f"allocated_{unit.pk}_{quarter}",
                    _("Allocated hours, %(unit)s, Q%(quarter)s") % names,
                    saved.allocated_hours if saved else None,
                )
        for quarter in QUARTERS:
            names = {"quarter": quarter}
            self._add(
                f"requested_new_{quarter}",
                _("Requested hours, org unit to add, Q%(quarter)s") % names,
                None,
            )
            self._add(
                f"allocated_new_{quarter}",
                _("Allocated hours, org unit to add, Q%(quarter)s") % names,
                None,
            )

    def _add(self, name: str, label: str, initial: int | None) -> None:
        self.fields[name] = _hours_input()
        self.fields[name].label = label
        self.fields[name].widget.attrs["class"] = "form-input input-width-xs"
        if initial is not None:
            self.initial[name] = initial

    def _row(self, key: int | str) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(q, self[f"requested_{key}_{q}"], self[f"allocated_{key}_{q}"]) for q in QUARTERS]

    def rows(self) -> list[tuple[OrgUnit, list[tuple[int, forms.BoundField, forms.BoundField]]]]:
        return [(unit, self._row(unit.pk)) for unit in self.units]

    def new_row(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return self._row("new")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        typed = any(
            data.get(f"{kind}_new_{q}") for kind in ("requested", "allocated") for q in QUARTERS
        )
        if typed and not data.get("new_org_unit"):
            self.add_error("new_org_unit", _("Choose the org unit the new hours are for."))
        return data

    def changed_cells(self) -> list[HoursCell]:
        """The cells whose hours differ from what is saved; a blank input means 0."""
        data = self.cleaned_data
        cells = []
        targets: list[tuple[OrgUnit, int | str]] = [(unit, unit.pk) for unit in self.units]
        if data.get("new_org_unit"):
            targets.append((data["new_org_unit"], "new"))
        for unit, key in targets:
            for quarter in QUARTERS:
                requested_field = f"requested_{key}_{quarter}"
                allocated_field = f"allocated_{key}_{quarter}"
                requested = data.get(requested_field) or 0
                allocated = data.get(allocated_field) or 0
                saved = self.saved.get((unit.pk, quarter))
                before = (saved.requested_hours, saved.allocated_hours) if saved else (0, 0)
                if (requested, allocated) != before:
                    cells.append(
                        HoursCell(
                            unit,
                            quarter,
                            requested,
                            allocated,
                            requested_field,
                            allocated_field,
                            is_new=key == "new",
                        )
                    )
        return cells

    def add_cell_error(self, cell: HoursCell, error: ValidationError) -> None:
        """Put a service's refusal of one cell next to the input it concerns."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error.messages)
            return
        targets = {
            "requested_hours": cell.requested_field,
            "allocated_hours": cell.allocated_field,
            "org_unit": "new_org_unit" if cell.is_new else None,
        }
        for name, messages in error.message_dict.items():
            self.add_error(targets.get(name), messages)


class CapacityForm(StampedForm):
    """An org unit's available hours per quarter; a blank quarter has no capacity recorded."""

    def __init__(self, *args: Any, capacities: list[Capacity], **kwargs: Any) -> None:
        super().__init__(*args, current_stamp=capacity_stamp(capacities), **kwargs)
        saved = {c.quarter: c.hours for c in capacities}
        for quarter in QUARTERS:
            name = f"q{quarter}"
            self.fields[name] = _hours_input()
            self.fields[name].label = QUARTER_NAMES[quarter]
            self.fields[name].widget.attrs["class"] = "form-input input-width-s"
            if quarter in saved:
                self.initial[name] = saved[quarter]

    def quarter_fields(self) -> list[forms.BoundField]:
        return [self[f"q{quarter}"] for quarter in QUARTERS]

    def hours(self) -> dict[int, int | None]:
        return {quarter: self.cleaned_data.get(f"q{quarter}") for quarter in QUARTERS}


class AddOrgUnitForm(StyledForm):
    org_unit = SafeModelChoiceField(
        queryset=OrgUnit.objects.none(), label=gettext_lazy("Org unit"), empty_label=None
    )

    def __init__(self, *args: Any, choices: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = choices
