"""Saving and deleting a user's named filters of a list page."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from styrbord.core import policy
from styrbord.core.models import Municipality, SavedFilter, User
from styrbord.core.services import changes

# Not part of a filter: the page number and the form's token.
NOT_FILTERS = ("side", "csrfmiddlewaretoken")


def filter_query(query: str) -> str:
    """The query string without paging and with empty parameters dropped."""
    params = QueryDict(query, mutable=True)
    for name in NOT_FILTERS:
        params.pop(name, None)
    for name in list(params):
        values = [value for value in params.getlist(name) if value]
        if values:
            params.setlist(name, values)
        else:
            del params[name]
    return params.urlencode()


def create_saved_filter(
    *, municipality: Municipality, actor: User, list_name: str, name: str, query: str
) -> SavedFilter:
    """Save ``query`` (a list page's query string) under ``name`` for ``actor``."""
    if not policy.can_view(actor, municipality):
        raise PermissionDenied(_("You may not do this."))
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the filter a name.")})
    if SavedFilter.objects.filter(
        municipality=municipality, owner=actor, list_name=list_name, name=name
    ).exists():
        raise ValidationError({"name": _("You already have a filter with this name.")})
    return changes.create(
        SavedFilter(
            municipality=municipality,
            owner=actor,
            list_name=list_name,
            name=name,
            query=filter_query(query),
        ),
        actor=actor,
    )


def delete_saved_filter(saved: SavedFilter, *, actor: User) -> None:
    """Only its owner deletes a saved filter."""
    if saved.owner_id != actor.pk or not policy.can_view(actor, saved.municipality):
        raise PermissionDenied(_("You may not do this."))
    changes.delete(saved, actor=actor)
