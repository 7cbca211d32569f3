"""The "Mine opgaver" (my tasks) registry.

A module that gives people something to do registers a provider here — for example in
its ``AppConfig.ready()``. The dashboard asks every provider for the current user's tasks
in the current municipality and shows them sorted by due date. Providers run inside the
municipality's scope and must use a bounded number of queries.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone

from styrbord.core.models import Municipality, User


@dataclass(frozen=True)
class Task:
    title: str
    url: str
    due: datetime.date | None = None
    category: str = ""

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < timezone.localdate()


TaskProvider = Callable[[User, Municipality], Iterable[Task]]

_providers: dict[str, TaskProvider] = {}


def register(name: str, provider: TaskProvider) -> None:
    """Register ``provider`` under ``name``; registering the same name again replaces it."""
    _providers[name] = provider


def unregister(name: str) -> None:
    _providers.pop(name, None)


def tasks_for(user: User, municipality: Municipality) -> list[Task]:
    tasks = [task for provider in _providers.values() for task in provider(user, municipality)]
    return sorted(
        tasks, key=lambda task: (task.due is None, task.due or datetime.date.max, task.title)
    )
