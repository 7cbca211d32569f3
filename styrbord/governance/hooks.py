"""Other modules act on a body's decisions without governance importing them.

A project sent to the steering group moves through its gate when the decision on its
agenda item is recorded. The handler runs inside the decision's transaction, so a
``ValidationError`` it raises refuses the decision with its reason.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from styrbord.core.models import User
    from styrbord.governance.models import AgendaItem

DecisionHandler = Callable[..., None]
_handlers: list[DecisionHandler] = []


def on_decision(handler: DecisionHandler) -> DecisionHandler:
    """Register ``handler(item, *, actor, carried_to)``; ``carried_to`` is the copy of a
    postponed item on the next agenda, or None."""
    if handler not in _handlers:
        _handlers.append(handler)
    return handler


def decided(item: "AgendaItem", *, actor: "User", carried_to: "AgendaItem | None") -> None:
    for handler in _handlers:
        handler(item, actor=actor, carried_to=carried_to)
