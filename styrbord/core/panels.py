"""Sections that other modules add to core pages.

A person's page lists what the person is part of elsewhere (body memberships, later
projects and systems). Core cannot import those modules, so each registers a template and
a function that gives its context; ``panels_for`` renders them in registration order.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

ContextProvider = Callable[[HttpRequest, Any], dict[str, Any]]

_panels: dict[str, dict[str, ContextProvider]] = {}


def register(page: str, template_name: str, provider: ContextProvider) -> None:
    _panels.setdefault(page, {})[template_name] = provider


def panels_for(page: str, request: HttpRequest, obj: Any) -> list[SafeString]:
    return [
        mark_safe(render_to_string(template_name, provider(request, obj), request=request))  # noqa: S308 - our own template output
        for template_name, provider in _panels.get(page, {}).items()
    ]
