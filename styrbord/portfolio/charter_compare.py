"""What the approved start document said compared with what it says now.

Both sides are snapshots in the shape of ``services.phases.charter_snapshot``: the one
stored in ``Project.charter_baseline`` when the project was approved, and one taken now.
Rows of the lists (deliverables, success criteria, milestones, risks) have no identity
in a snapshot, so they are matched by their title (a success criterion by its
description), ignoring case and surrounding spaces; rows with the same title are paired
in order. A renamed row therefore shows as one removed and one added.
"""

import datetime
import decimal
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst

from styrbord.portfolio.models import Deliverable, Milestone, Project, Risk, SuccessCriterion

TEXT_FIELDS = ("purpose", "background", "scope", "out_of_scope", "stakeholders", "dependencies")
DATE_FIELDS = ("start_date", "end_date")
BUDGET_FIELDS = ("budget_one_off", "budget_running")
DATE_KEYS = {"due_on", *DATE_FIELDS}


@dataclass(frozen=True)
class ListSpec:
    name: str
    model: type[models.Model]
    key: str
    columns: tuple[str, ...]


LISTS = (
    ListSpec("deliverables", Deliverable, "title", ("title", "due_on")),
    ListSpec(
        "success_criteria", SuccessCriterion, "description", ("description", "measure", "target")
    ),
    ListSpec("milestones", Milestone, "title", ("title", "due_on")),
    ListSpec("risks", Risk, "title", ("title", "probability", "consequence")),
)


@dataclass(frozen=True)
class ValueChange:
    """One value, as approved and as it is now (dates and amounts ready to display)."""

    name: str
    label: str
    approved: Any
    current: Any

    @property
    def changed(self) -> bool:
        return self.approved != self.current


@dataclass(frozen=True)
class TextChange(ValueChange):
    @property
    def changed(self) -> bool:
        return _normalised_text(self.approved) != _normalised_text(self.current)


@dataclass(frozen=True)
class RowChange:
    """A row found on both sides whose values differ; ``changes`` holds only those."""

    title: str
    changes: list[ValueChange]


@dataclass
class ListComparison:
    name: str
    label: str
    columns: list[tuple[str, str]]
    added: list[list[Any]] = field(default_factory=list)
    removed: list[list[Any]] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class CharterComparison:
    texts: list[TextChange]
    lists: list[ListComparison]
    dates: list[ValueChange]
    budget: list[ValueChange]

    @property
    def has_changes(self) -> bool:
        return any(change.changed for change in (*self.texts, *self.dates, *self.budget)) or any(
            comparison.has_changes for comparison in self.lists
        )


def _normalised_text(text: str | None) -> str:
    return "\n".join(
        line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")
    ).strip()


def display_value(name: str, value: Any) -> Any:
    """A snapshot's JSON value as the page shows it: dates as dates, amounts as decimals."""
    if value is None or value == "":
        return None
    if name in DATE_KEYS and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if name in BUDGET_FIELDS:
        try:
            return decimal.Decimal(str(value))
        except decimal.InvalidOperation:
            return value
    return value


def _label(model: type[models.Model], name: str) -> str:
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a key that an older snapshot held and the model no longer has
        return capfirst(name.replace("_", " "))


def compare_texts(approved: Mapping[str, str], current: Mapping[str, str]) -> list[TextChange]:
    return [
        TextChange(name, _label(Project, name), approved.get(name) or "", current.get(name) or "")
        for name in TEXT_FIELDS
    ]


def compare_values(
    approved: Mapping[str, Any], current: Mapping[str, Any], names: Iterable[str]
) -> list[ValueChange]:
    return [
        ValueChange(
            name,
            _label(Project, name),
            display_value(name, approved.get(name)),
            display_value(name, current.get(name)),
        )
        for name in names
    ]


def _row_key(row: Mapping[str, Any], key: str) -> str:
    return " ".join(str(row.get(key) or "").split()).casefold()


def _columns(spec: ListSpec, rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """The spec's columns, then any other key a snapshot holds (a newer or older shape)."""
    names = list(spec.columns)
    for row in rows:
        names.extend(name for name in row if name not in names)
    return names


def compare_rows(
    spec: ListSpec, approved: list[Mapping[str, Any]], current: list[Mapping[str, Any]]
) -> ListComparison:
    names = _columns(spec, [*approved, *current])
    result = ListComparison(
        name=spec.name,
        label=capfirst(spec.model._meta.verbose_name_plural),
        columns=[(name, _label(spec.model, name)) for name in names],
    )

    def values(row: Mapping[str, Any]) -> list[Any]:
        return [display_value(name, row.get(name)) for name in names]

    waiting: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(approved):
        waiting[_row_key(row, spec.key)].append(index)
    matched: set[int] = set()
    for row in current:
        indices = waiting.get(_row_key(row, spec.key))
        if not indices:
            result.added.append(values(row))
            continue
        index = indices.pop(0)
        matched.add(index)
        before = approved[index]
        changes = [
            ValueChange(name, label, display_value(name, before.get(name)), value)
            for (name, label), value in zip(result.columns, values(row), strict=True)
        ]
        differing = [change for change in changes if change.changed]
        if differing:
            result.changed.append(RowChange(str(row.get(spec.key) or ""), differing))
        else:
            result.unchanged += 1
    result.removed = [values(row) for index, row in enumerate(approved) if index not in matched]
    return result


def compare_charter(approved: Mapping[str, Any], current: Mapping[str, Any]) -> CharterComparison:
    """Compare two start-document snapshots, part by part."""
    return CharterComparison(
        texts=compare_texts(approved.get("fields") or {}, current.get("fields") or {}),
        lists=[
            compare_rows(spec, approved.get(spec.name) or [], current.get(spec.name) or [])
            for spec in LISTS
        ],
        dates=compare_values(approved.get("dates") or {}, current.get("dates") or {}, DATE_FIELDS),
        budget=compare_values(
            approved.get("budget") or {}, current.get("budget") or {}, BUDGET_FIELDS
        ),
    )
