"""Helpers the IT-system services share."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from styrbord.core.models import ChangeAction, User
from styrbord.core.services import changes
from styrbord.systems import kitos_fields


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))


def changed_fields(obj: models.Model, fields: dict[str, Any]) -> set[str]:
    """The fields whose value differs from what ``obj`` holds: a form posts every field,
    including the read-only ones it shows, and those must not count as an edit."""
    return {name for name, value in fields.items() if getattr(obj, name) != value}


def refuse_mastered(obj: models.Model, fields: Iterable[str], *, actor: User | None) -> None:
    """Refuse a person's edit of a field KITOS masters on ``obj``.

    The importer (``actor`` None) writes them; a person would see the edit overwritten by
    the next synchronisation, so it is refused with the field named.
    """
    if actor is None:
        return
    locked = kitos_fields.mastered(obj) & set(fields)
    if locked:
        raise ValidationError(
            {field: _("KITOS keeps this field; change it in KITOS.") for field in sorted(locked)}
        )


def set_relation(
    obj: models.Model,
    field: str,
    values: Iterable[models.Model],
    *,
    actor: User | None,
    catalogue_allowed: bool = False,
) -> None:
    """Set a many-to-many field and log the change, refusing another municipality's rows.

    Suppliers may be catalogue rows, which the scoped related manager would not see; the
    set is made with scopes disabled after every value has been checked.
    """
    values = list(values)
    for value in values:
        owner = value.municipality
        if owner.pk != obj.municipality_id and not (catalogue_allowed and owner.is_catalogue):
            raise ValidationError({field: _("Choose one from this municipality.")})
    with scopes_disabled():
        manager = getattr(obj, field)
        before = sorted(str(v) for v in manager.all())
        manager.set(values)
    after = sorted(str(v) for v in values)
    if before != after:
        # A change of links is a change of the object: its version moves on, so an editor
        # still holding the old version is refused instead of overwriting it.
        type(obj)._base_manager.filter(pk=obj.pk).update(version=F("version") + 1)
        obj.version += 1
        changes.record(
            obj,
            actor=actor,
            action=ChangeAction.UPDATE,
            before={field: before},
            after={field: after},
        )
