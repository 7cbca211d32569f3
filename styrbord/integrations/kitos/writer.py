"""Writing what KITOS says, only where it differs, and remembering what was written.

``Writer`` compares the values a record maps to with the stored row and writes only when
something differs, so an unchanged row keeps its version and gets no log entry. The writes
keep the rules of ``styrbord.core.services.changes`` (actor None: the importer) without its
queries per row: a row is validated in memory (``clean_fields`` and ``clean``; its foreign
keys come from the importer's own maps of this municipality's and the catalogue's rows), a
new row is queued for a bulk insert (``batch.Batch``), and an update is one conditional
UPDATE on the version read, so a row someone changed meanwhile is reported, not overwritten.

A record that needs a write gets a savepoint, opened at its first write: a record that fails
is reported as a problem and undone while the rest go on, and an unchanged record costs no
query at all.
"""

from __future__ import annotations

import datetime
import decimal
import uuid as uuid_module
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import ChangeAction
from styrbord.core.services import changes
from styrbord.core.services.changes import StaleEdit
from styrbord.integrations.kitos.batch import Batch, Queued, log_entry, relation_entry, through_rows
from styrbord.integrations.kitos.records import RecordError

T = TypeVar("T")

CREATED, UPDATED, UNCHANGED, REMOVED, SKIPPED = (
    "created",
    "updated",
    "unchanged",
    "removed",
    "skipped",
)
ACTIONS = (CREATED, UPDATED, UNCHANGED, REMOVED, SKIPPED)

# Many-to-many fields that may hold catalogue rows (suppliers are shared).
CATALOGUE_RELATIONS = frozenset({"processors", "sub_processors"})

# Errors that belong to one record; anything else is a fault of the run itself.
RECORD_ERRORS = (RecordError, ValidationError, IntegrityError, ProtectedError, StaleEdit)


class Failed:
    """Returned by ``attempt`` for a record that was reported and skipped."""


FAILED = Failed()


def display(value: Any) -> Any:
    """A value as JSON for the run's list of changes."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set):
        if all(isinstance(item, models.Model) for item in value):
            return sorted(str(item) for item in value)
        return [display(item) for item in value]
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid_module.UUID):
        return str(value)
    return value


def _empty(value: Any) -> bool:
    return value is None or value is False or value == "" or value == [] or value == ()


def error_message(error: Exception) -> str:
    if isinstance(error, RecordError):
        return error.message
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return "; ".join(
                f"{field}: {message}"
                for field, messages in error.message_dict.items()
                for message in messages
            )
        return "; ".join(error.messages)
    return str(error)


def differs(obj: models.Model, name: str, value: Any) -> bool:
    field = obj._meta.get_field(name)
    if field.many_to_one:
        if value is not None and value.pk is None:  # a row still queued for its insert
            return field.get_cached_value(obj, None) is not value
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def validate(obj: models.Model) -> None:
    """``full_clean`` without its query per foreign key and per unique constraint.

    The importer finds related rows only in its maps of this municipality's and the
    catalogue's rows, and the models' ``clean`` still checks whose they are; a row's KITOS
    UUID is unique because each kind's rows are matched by it (a duplicate is refused by
    the database and reported).
    """
    errors: dict[str, Any] = {}
    keys = [f for f in obj._meta.concrete_fields if f.many_to_one]
    try:
        obj.clean_fields(exclude=[f.name for f in keys])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for key in keys:
        missing = getattr(obj, key.attname) is None and key.get_cached_value(obj, None) is None
        if missing and not key.null:
            errors.setdefault(key.name, []).append(
                ValidationError(key.error_messages["null"], code="null")
            )
    try:
        obj.clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def relation_ids(model: type[models.Model], field: str, **owners: Any) -> dict[int, set[int]]:
    """For every row of ``model`` matching ``owners``, the ids its ``field`` holds: one query
    over the through table instead of one per row."""
    relation = model._meta.get_field(field)
    through = relation.remote_field.through
    source = relation.m2m_field_name()
    target = relation.m2m_reverse_field_name()
    filters = {f"{source}__{key}": value for key, value in owners.items()}
    ids: dict[int, set[int]] = defaultdict(set)
    for owner_id, target_id in through._base_manager.filter(**filters).values_list(
        f"{source}_id", f"{target}_id"
    ):
        ids[owner_id].add(target_id)
    return ids


class Writer:
    """Counts, field-level changes and problems of one run, and the writes themselves."""

    def __init__(
        self, now: datetime.datetime, catalogue_id: int | None = None, keep: int | None = None
    ):
        """``keep``: how many changes to list (``None``: all); counts are kept in full."""
        self.now = now
        self.catalogue_id = catalogue_id
        self.keep = keep
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.changes: list[dict[str, Any]] = []
        self.problems: list[dict[str, Any]] = []
        self.batch = Batch()
        self._pending: list[tuple[str, str | None, dict | None]] = []
        self._touched: list[models.Model] = []
        self._queued: list[Queued] = []
        self._entries: list[Any] = []
        self._attempting = False
        self._savepoint: str | None = None

    # --- bookkeeping -------------------------------------------------------------------

    def log(
        self,
        kind: str,
        uuid: str | None,
        name: str,
        action: str,
        fields: list[dict[str, Any]] | None = None,
        *,
        count: bool = True,
    ) -> dict[str, Any] | None:
        """Note a write (or that none was needed); kept only if the record's savepoint is.

        ``count`` False: a second pass over the same row (setting its parent) counts
        nothing, since the first pass counted the row already; its changes are listed.
        """
        entry = None
        if action != UNCHANGED:
            entry = {
                "kind": kind,
                "uuid": uuid,
                "name": name,
                "action": action,
                "fields": fields or [],
            }
        self._pending.append((kind, action if count else None, entry))
        return entry

    def problem(self, kind: str, uuid: str | None, name: str, message: str) -> None:
        self.problems.append({"kind": kind, "uuid": uuid, "name": name, "message": message})
        self.counts[kind][SKIPPED] += 1

    def attempt(self, kind: str, uuid: str | None, name: str, write: Callable[[], T]) -> T | Failed:
        """Run ``write`` as one record: a record error undoes it and becomes a problem."""
        self._pending, self._touched, self._queued, self._entries = [], [], [], []
        self._attempting, self._savepoint = True, None
        try:
            result = write()
        except RECORD_ERRORS as error:
            if self._savepoint is not None:
                transaction.savepoint_rollback(self._savepoint)
            for obj in self._touched:
                # The savepoint undid the update; the object in memory must forget it too.
                if type(obj)._base_manager.filter(pk=obj.pk).exists():
                    obj.refresh_from_db()
            self._pending, self._queued, self._entries = [], [], []
            self.problem(kind, uuid, name, error_message(error))
            return FAILED
        finally:
            self._attempting = False
        if self._savepoint is not None:
            transaction.savepoint_commit(self._savepoint)
        for entry_kind, action, entry in self._pending:
            if action is not None:
                self.counts[entry_kind][action] += 1
            if entry is not None and (self.keep is None or len(self.changes) < self.keep):
                self.changes.append(entry)
        for item in self._queued:
            self.batch.add(item)
        self.batch.entries += self._entries
        self._pending, self._queued, self._entries = [], [], []
        return result

    def _begin(self) -> None:
        """Open the record's savepoint before its first write."""
        if self._attempting and self._savepoint is None:
            self._savepoint = transaction.savepoint()

    def flush(self) -> None:
        """Insert the queued rows: a kind's rows must exist before the next kind links them."""
        self.batch.flush()

    def _settle(self, values: list[Any]) -> None:
        """Rows still queued must be inserted before a stored row can point at them."""
        if any(isinstance(v, models.Model) and v.pk is None for v in values):
            self.flush()

    def _refused(self, kind: str, uuid: str, name: str, entry: dict | None, count: bool):
        def refused(error: Exception) -> None:
            if count:
                self.counts[kind][CREATED] -= 1
            if entry is not None and entry in self.changes:
                self.changes.remove(entry)
            self.problem(kind, uuid, name, error_message(error))

        return refused

    # --- writes ------------------------------------------------------------------------

    def create(
        self,
        kind: str,
        uuid: str,
        obj: models.Model,
        relations: dict[str, list[Any]] | None = None,
        *,
        shown: list[dict[str, Any]],
        name: str | None = None,
        defer: bool = False,
        count: bool = True,
    ) -> models.Model:
        """Validate ``obj`` and insert it, now or (``defer``) with the next ``flush``."""
        relations = {k: v for k, v in (relations or {}).items() if v}
        validate(obj)
        self._check_owners(obj, relations)
        name = str(obj) if name is None else name
        entry = self.log(kind, uuid, name, CREATED, shown, count=count)
        item = Queued(obj, relations, self._refused(kind, uuid, name, entry, count))
        if not defer:
            self._settle([getattr(obj, f.name) for f in obj._meta.concrete_fields if f.is_relation])
            self._begin()
            obj.save(force_insert=True)
            # Logged before anything else changes it; its relations are linked at flush.
            item.inserted = True
            self._entries.append(log_entry(obj, ChangeAction.CREATE, None, changes.snapshot(obj)))
        self._queued.append(item)
        return obj

    def save(
        self,
        kind: str,
        uuid: str,
        obj: models.Model | None,
        build: Callable[[], models.Model],
        fields: dict[str, Any],
        relations: dict[str, list[Any]] | None = None,
        current_relations: dict[str, set[int]] | None = None,
        *,
        stamp: bool = True,
        count: bool = True,
        defer: bool = False,
    ) -> models.Model:
        """Create ``build()`` with ``fields``, or update ``obj`` where it differs.

        ``stamp`` sets ``kitos_synced_at`` on a row that is written (not on an unchanged
        one, which stays untouched). ``defer`` queues a new row for the next ``flush``.
        """
        relations = relations or {}
        if obj is None:
            obj = build()
            for name, value in fields.items():
                setattr(obj, name, value)
            if stamp:
                obj.kitos_synced_at = self.now
            shown = [
                {"field": name, "before": None, "after": display(value)}
                for name, value in {**fields, **relations}.items()
                if not _empty(value)
            ]
            return self.create(kind, uuid, obj, relations, shown=shown, defer=defer, count=count)
        queued = self.batch.pending(obj)
        if queued is not None:
            return self._change_queued(kind, uuid, queued, fields, relations, count=count)
        self._settle([*fields.values(), *(v for values in relations.values() for v in values)])
        changed = {name: value for name, value in fields.items() if differs(obj, name, value)}
        current_relations = current_relations or {}
        relations_changed = {
            name: values
            for name, values in relations.items()
            if {value.pk for value in values} != current_relations.get(name, set())
        }
        if not changed and not relations_changed:
            self.log(kind, uuid, "", UNCHANGED, count=count)  # no name: it is not listed
            return obj
        self._touched.append(obj)
        shown = [
            {"field": name, "before": display(getattr(obj, name)), "after": display(value)}
            for name, value in changed.items()
        ]
        linked = {}
        for name, values in relations_changed.items():
            before = list(getattr(obj, name).all())
            linked[name] = (before, values)
            shown.append({"field": name, "before": display(before), "after": display(values)})
        if stamp:
            changed["kitos_synced_at"] = self.now
        if changed:
            self._update(obj, changed)
        if linked:
            self._link(obj, linked)
        self.log(kind, uuid, str(obj), UPDATED, shown, count=count)
        return obj

    def _change_queued(
        self,
        kind: str,
        uuid: str,
        queued: Queued,
        fields: dict[str, Any],
        relations: dict[str, list[Any]],
        *,
        count: bool,
    ) -> models.Model:
        """A row created earlier in this run and not yet inserted: changed in memory, so its
        create entry holds the values it is inserted with."""
        obj = queued.obj
        changed = {name: value for name, value in fields.items() if differs(obj, name, value)}
        if not changed and not relations:
            self.log(kind, uuid, "", UNCHANGED, count=count)
            return obj
        shown = [
            {"field": name, "before": display(getattr(obj, name)), "after": display(value)}
            for name, value in changed.items()
        ]
        for name, value in changed.items():
            setattr(obj, name, value)
        validate(obj)
        queued.relations.update({k: v for k, v in relations.items() if v})
        self.log(kind, uuid, str(obj), UPDATED, shown, count=count)
        return obj

    def _update(self, obj: models.Model, changed: dict[str, Any]) -> None:
        """``changes.update``'s conditional UPDATE, validated in memory."""
        model = type(obj)
        before = changes.snapshot(obj)
        for name, value in changed.items():
            setattr(obj, name, value)
        validate(obj)
        after = changes.snapshot(obj)
        columns = {
            field.attname: getattr(obj, field.attname)
            for field in model._meta.concrete_fields
            if field.name in changed and not field.primary_key
        }
        stamped = timezone.now()
        columns["updated_at"] = stamped
        columns["version"] = models.F("version") + 1
        self._begin()
        if not model._base_manager.filter(pk=obj.pk, version=obj.version).update(**columns):
            stored = model._base_manager.get(pk=obj.pk)
            raise StaleEdit(stored, changes.changes_since(stored, obj.version))
        obj.version += 1
        obj.updated_at = stamped
        shown = {k: before[k] for k in changed if k in after and before.get(k) != after[k]}
        self._entries.append(
            log_entry(obj, ChangeAction.UPDATE, shown, {k: after[k] for k in shown})
        )

    def _link(self, obj: models.Model, linked: dict[str, tuple[list, list]]) -> None:
        """Set many-to-many fields as ``set_relation`` does, with one entry for them all."""
        self._check_owners(obj, {name: after for name, (_before, after) in linked.items()})
        self._begin()
        for name, (before, after) in linked.items():
            relation = obj._meta.get_field(name)
            through = relation.remote_field.through
            source = f"{relation.m2m_field_name()}_id"
            target = f"{relation.m2m_reverse_field_name()}_id"
            wanted = {value.pk for value in after}
            gone = {value.pk for value in before} - wanted
            if gone:
                through._base_manager.filter(**{source: obj.pk, f"{target}__in": gone}).delete()
            held = {value.pk for value in before}
            through._base_manager.bulk_create(
                through_rows(obj, name, [v for v in after if v.pk not in held])
            )
        if any(
            sorted(map(str, before)) != sorted(map(str, after)) for before, after in linked.values()
        ):
            self._entries.append(relation_entry(obj, linked))

    def _check_owners(self, obj: models.Model, relations: dict[str, list[Any]]) -> None:
        """Another municipality's rows are refused, as ``set_relation`` refuses them."""
        for name, values in relations.items():
            for value in values:
                owner = value.municipality_id
                catalogue = name in CATALOGUE_RELATIONS and owner == self.catalogue_id
                if owner != obj.municipality_id and not catalogue:
                    raise ValidationError({name: _("Choose one from this municipality.")})

    def remove(self, kind: str, uuid: str, obj: models.Model) -> None:
        name = str(obj)
        self._begin()
        changes.delete(obj, actor=None)
        self.log(kind, uuid, name, REMOVED)
