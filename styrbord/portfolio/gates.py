"""What other modules require of a project at a gate, and what they do when it passes.

The portfolio cannot import the modules built on it. Benefits, for example, refuses the
approval gate while a benefit has no owner at management level, and keeps the business
case as approved when the project passes. Each registers here in ``AppConfig.ready()``.
"""

from collections.abc import Callable
from typing import Any

GateCheck = Callable[[Any, str], None]
"""``check(project, to_phase)`` raises ``ValidationError`` to refuse the move."""

GatePassed = Callable[[Any, str, Any], None]
"""``passed(project, to_phase, actor)`` runs in the same transaction as the move."""

_checks: dict[str, GateCheck] = {}
_passed: dict[str, GatePassed] = {}


def register(
    name: str, *, check: GateCheck | None = None, passed: GatePassed | None = None
) -> None:
    if check is not None:
        _checks[name] = check
    if passed is not None:
        _passed[name] = passed


def check(project: Any, to_phase: str) -> None:
    for gate_check in _checks.values():
        gate_check(project, to_phase)


def passed(project: Any, to_phase: str, actor: Any) -> None:
    for on_passed in _passed.values():
        on_passed(project, to_phase, actor)
