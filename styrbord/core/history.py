"""Turns change-log entries into rows a person can read: field label, before, after."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from styrbord.core.models import ChangeLogEntry


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class DescribedEntry:
    entry: ChangeLogEntry
    changes: list[FieldChange]


def _display(field, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict) and "label" in value:
        return value["label"]
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and field.get_internal_type() == "DateField":
        import datetime

        return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    return str(value)


def describe(entry: ChangeLogEntry) -> DescribedEntry:
    model = entry.content_type.model_class()
    before, after = entry.before or {}, entry.after or {}
    rows = []
    for name in dict.fromkeys([*before, *after]):
        try:
            field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            field = None
        label = str(field.verbose_name) if field is not None else name
        rows.append(
            FieldChange(
                label=label[:1].upper() + label[1:],
                before=_display(field, before.get(name)),
                after=_display(field, after.get(name)),
            )
        )
    return DescribedEntry(entry=entry, changes=rows)
