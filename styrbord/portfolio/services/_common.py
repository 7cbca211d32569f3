"""Helpers the portfolio services share."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from styrbord.core.models import ChangeAction, User
from styrbord.core.services import changes


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))


def set_shared_relation(
    obj: models.Model,
    field: str,
    values: Iterable[models.Model],
    *,
    actor: User | None,
) -> None:
    """Set a many-to-many field whose targets may be catalogue rows, and log the change.

    The related manager is scoped to the municipality, so it would not see catalogue
    focus areas or principles; the set is made with scopes disabled after every value has
    been checked to be the object's own or the catalogue's.
    """
    values = list(values)
    for value in values:
        owner = value.municipality
        if owner.pk != obj.municipality_id and not owner.is_catalogue:
            raise ValidationError({field: _("Choose one from this municipality or the catalogue.")})
    with scopes_disabled():
        manager = getattr(obj, field)
        before = sorted(str(v) for v in manager.all())
        manager.set(values)
    after = sorted(str(v) for v in values)
    if before != after:
        changes.record(
            obj,
            actor=actor,
            action=ChangeAction.UPDATE,
            before={field: before},
            after={field: after},
        )
