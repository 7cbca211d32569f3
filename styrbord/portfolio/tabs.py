"""Tabs that other modules add to a project's pages.

The project header lists the portfolio's own tabs and then these, so benefits (and later
systems) get a tab without the portfolio importing them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str  # reversed with the municipality's slug and the project's pk


_tabs: dict[str, Tab] = {}


def register(key: str, label: str, url_name: str) -> None:
    _tabs[key] = Tab(key, label, url_name)


def project_tabs() -> list[Tab]:
    return list(_tabs.values())
