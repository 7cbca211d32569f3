"""The one place where rows are created, updated and deleted with a change-log entry.

Every app's services build on these three functions, so that every write records who,
when and the values before and after, and so that an edit based on a stale version is
refused instead of overwriting someone else's change.
"""

import datetime
import decimal
import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.logging import current_request_id
from styrbord.core.models import ChangeAction, ChangeLogEntry, User

M = TypeVar("M", bound=models.Model)

# Fields that change on every save and say nothing to a reader of the history.
NOISE_FIELDS = {"version", "created_at", "updated_at", "password", "last_login", "key_hash"}


class StaleEdit(Exception):
    """The object changed after the editor loaded it; nothing was saved."""

    def __init__(self, current: models.Model, changes_since: list[ChangeLogEntry]):
        self.current = current
        self.changes_since = changes_since
        super().__init__(_("Someone else saved this object while you were editing it."))


def _value(field: models.Field, obj: models.Model) -> Any:
    if isinstance(field, models.ForeignKey):
        related_id = getattr(obj, field.attname)
        if related_id is None:
            return None
        return {"id": related_id, "label": str(getattr(obj, field.name))}
    value = getattr(obj, field.attname)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The object's field values as JSON, foreign keys with their label for the history page."""
    return {
        field.name: _value(field, obj)
        for field in obj._meta.concrete_fields
        if not field.primary_key and field.name not in NOISE_FIELDS
    }


def _municipality_id(obj: models.Model) -> int | None:
    if obj._meta.model_name == "municipality":
        return obj.pk
    return getattr(obj, "municipality_id", None)


def record(
    obj: models.Model,
    *,
    actor: User | None,
    action: str,
    before: dict | None,
    after: dict | None,
) -> ChangeLogEntry:
    return ChangeLogEntry._base_manager.create(
        municipality_id=_municipality_id(obj),
        actor=actor if actor and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        object_version=getattr(obj, "version", None),
        before=before,
        after=after,
        request_id=current_request_id() or "",
    )


@transaction.atomic
def create(obj: M, *, actor: User | None) -> M:
    """Validate and insert ``obj``, recording a create entry."""
    obj.full_clean()
    obj.save(force_insert=True)
    record(obj, actor=actor, action=ChangeAction.CREATE, before=None, after=snapshot(obj))
    return obj


def changes_since(obj: models.Model, version: int) -> list[ChangeLogEntry]:
    """Log entries of ``obj`` written after ``version``, oldest first."""
    return list(
        ChangeLogEntry._base_manager.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
            object_id=str(obj.pk),
            object_version__gt=version,
        )
        .select_related("actor")
        .order_by("time", "id")
    )


@transaction.atomic
def update(obj: M, *, actor: User | None, expected_version: int, changes: Mapping[str, Any]) -> M:
    """Apply ``changes`` to ``obj`` if it is still at ``expected_version``.

    The check and the write are one conditional UPDATE, so two editors racing each other
    cannot both win, on SQLite as on PostgreSQL. Raises ``StaleEdit`` (nothing saved) when
    another save came first, and ``ValidationError`` when the changed object is invalid.
    """
    model = type(obj)
    stored = model._base_manager.get(pk=obj.pk)
    before = snapshot(stored)
    loaded = snapshot(obj)
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.full_clean()
    after = snapshot(obj)
    # Only the fields asked for (or normalised by ``clean``) are written and compared: a
    # column that another service keeps up to date (a project's latest status report)
    # must not be overwritten with what this object held when it was loaded.
    asked = {
        field.name
        for field in model._meta.concrete_fields
        if field.name in changes or field.attname in changes
    }
    changed = asked | {name for name, value in after.items() if loaded.get(name) != value}
    unlogged = changed - after.keys()  # e.g. a password: written, never shown in the log
    if not unlogged and all(before.get(name) == after[name] for name in changed):
        return obj
    fields = {
        field.attname: getattr(obj, field.attname)
        for field in model._meta.concrete_fields
        if field.name in changed and not field.primary_key
    }
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        fields["updated_at"] = timezone.now()
    fields["version"] = models.F("version") + 1
    written = model._base_manager.filter(pk=obj.pk, version=expected_version).update(**fields)
    if not written:
        raise StaleEdit(stored, changes_since(stored, expected_version))
    obj.refresh_from_db()
    changed_before = {k: before[k] for k in changed if k in after and before.get(k) != after[k]}
    changed_after = {k: after[k] for k in changed_before}
    record(obj, actor=actor, action=ChangeAction.UPDATE, before=changed_before, after=changed_after)
    return obj


@transaction.atomic
def delete(obj: models.Model, *, actor: User | None) -> None:
    """Delete ``obj``, keeping its last values in the log."""
    before = snapshot(obj)
    record(obj, actor=actor, action=ChangeAction.DELETE, before=before, after=None)
    obj.delete()
