"""What an agenda item can link to.

Each module registers its linkable models (projects, plans, IT systems as they arrive)
with a short label; the link form offers them and the item shows them with their URL.
Only tenant-owned models can be linked, so a link never reaches another municipality,
and a URL is built with the linking item's municipality slug (``kommune``) rather than
by reading each target's municipality, one query per link.
"""

from collections.abc import Callable

from django.db import models

_linkable: dict[str, tuple[type[models.Model], Callable[[models.Model, str], str]]] = {}


def register(key: str, model: type[models.Model], url: Callable[[models.Model, str], str]) -> None:
    _linkable[key] = (model, url)


def linkable() -> dict[str, tuple[type[models.Model], Callable[[models.Model, str], str]]]:
    return dict(_linkable)


def is_linkable(obj: models.Model) -> bool:
    return any(isinstance(obj, model) for model, _url in _linkable.values())


def url_of(obj: models.Model, kommune: str) -> str:
    for model, url in _linkable.values():
        if isinstance(obj, model):
            return url(obj, kommune)
    return ""


def choices(per_kind: int) -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices ``key:pk`` for a link form, newest ``per_kind`` objects of each kind,
    read through each model's scoped manager."""
    groups = []
    for key, (model, _url) in _linkable.items():
        objects = model.objects.order_by("-pk")[:per_kind]
        groups.append(
            (
                str(model._meta.verbose_name).capitalize(),
                [(f"{key}:{obj.pk}", str(obj)) for obj in objects],
            )
        )
    return groups


def resolve(value: str) -> tuple[type[models.Model], str]:
    """The model and primary key named by a ``key:pk`` choice."""
    key, _sep, pk = value.partition(":")
    return _linkable[key][0], pk
