"""The importer's deferred writes: new rows inserted in bulk, and their change-log entries.

A run creates thousands of rows; inserting each with its own INSERT, validation queries and
log INSERT is what made a first import slow. ``Batch`` holds the rows a run has validated
in memory and inserts them per model with ``bulk_create``, then their many-to-many rows and
their change-log entries (the same entries ``styrbord.core.services.changes`` writes).
If a bulk insert is refused (a constraint only the database knows), the rows of that model
are inserted one by one, and only the ones refused are reported as problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, models, transaction

from styrbord.core.logging import current_request_id
from styrbord.core.models import ChangeAction, ChangeLogEntry
from styrbord.core.services import changes

BATCH_SIZE = 500


def log_entry(
    obj: models.Model, action: str, before: dict | None, after: dict | None
) -> ChangeLogEntry:
    """An unsaved entry shaped as ``changes.record`` writes it, with the importer as actor."""
    return ChangeLogEntry(
        municipality_id=getattr(obj, "municipality_id", None),
        actor=None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        object_version=getattr(obj, "version", None),
        before=before,
        after=after,
        request_id=current_request_id() or "",
    )


def relation_entry(obj: models.Model, relations: dict[str, tuple[list, list]]) -> ChangeLogEntry:
    """One entry for the many-to-many fields set on ``obj``: (before, after) rows per field."""
    return log_entry(
        obj,
        ChangeAction.UPDATE,
        {name: sorted(str(v) for v in before) for name, (before, _after) in relations.items()},
        {name: sorted(str(v) for v in after) for name, (_before, after) in relations.items()},
    )


def through_rows(obj: models.Model, name: str, values: Iterable[models.Model]) -> list[Any]:
    relation = obj._meta.get_field(name)
    through = relation.remote_field.through
    source = f"{relation.m2m_field_name()}_id"
    target = f"{relation.m2m_reverse_field_name()}_id"
    return [through(**{source: obj.pk, target: value.pk}) for value in values]


@dataclass
class Queued:
    """A validated new row waiting for its insert, and what to undo if it is refused."""

    obj: models.Model
    relations: dict[str, list[Any]]
    on_refused: Callable[[Exception], None]
    inserted: bool = False


@dataclass
class Batch:
    queued: list[Queued] = field(default_factory=list)
    entries: list[ChangeLogEntry] = field(default_factory=list)
    links: list[Any] = field(default_factory=list)
    by_object: dict[int, Queued] = field(default_factory=dict)

    def add(self, item: Queued) -> None:
        self.queued.append(item)
        self.by_object[id(item.obj)] = item

    def pending(self, obj: models.Model) -> Queued | None:
        return self.by_object.get(id(obj))

    def flush(self) -> None:
        """Insert what is queued, in the order queued per model, then links and entries."""
        by_model: dict[type, list[Queued]] = {}
        for item in self.queued:
            if not item.inserted:
                by_model.setdefault(type(item.obj), []).append(item)
        for model, items in by_model.items():
            self._insert(model, items)
        for item in self.queued:
            if item.obj.pk is None:
                continue
            if not item.inserted:
                self.entries.append(
                    log_entry(item.obj, ChangeAction.CREATE, None, changes.snapshot(item.obj))
                )
            wanted = {
                name: [v for v in values if v.pk is not None]
                for name, values in item.relations.items()
            }
            wanted = {name: values for name, values in wanted.items() if values}
            for name, values in wanted.items():
                self.links += through_rows(item.obj, name, values)
            if wanted:
                self.entries.append(
                    relation_entry(item.obj, {n: ([], v) for n, v in wanted.items()})
                )
        self.queued, self.by_object = [], {}
        by_through: dict[type, list[Any]] = {}
        for link in self.links:
            by_through.setdefault(type(link), []).append(link)
        for through, links in by_through.items():
            through._base_manager.bulk_create(links, batch_size=BATCH_SIZE)
        ChangeLogEntry._base_manager.bulk_create(self.entries, batch_size=BATCH_SIZE)
        self.links, self.entries = [], []

    def _insert(self, model: type[models.Model], items: list[Queued]) -> None:
        try:
            with transaction.atomic():
                model._base_manager.bulk_create([i.obj for i in items], batch_size=BATCH_SIZE)
            return
        except (DatabaseError, ValueError):
            pass
        # The savepoint undid every batch; insert row by row to find the ones refused.
        for item in items:
            item.obj.pk = None
            item.obj._state.adding = True
        for item in items:
            try:
                with transaction.atomic():
                    item.obj.save(force_insert=True)
            except (DatabaseError, ValueError) as error:
                item.obj.pk = None
                item.on_refused(error)
