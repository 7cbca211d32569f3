"""A reusable proof that no URL of an app shows one municipality's data to another.

Give it the URL patterns of an app and, for every pattern, the keyword arguments that
point at *the other* municipality's objects. It then asserts, for every pattern and for
GET and POST alike, that a user of one municipality

1. is refused (403/404) under the other municipality's slug, and
2. gets 404 (or 403) under their own slug when the URL names the other's object.

A pattern with arguments that the caller did not supply fails the test, so a new URL
cannot slip past the tenancy test: add it to the mapping.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

# 405 answers a GET to a POST-only URL without touching data; its POST is checked too.
REFUSED = {401, 403, 404, 405}
# Arguments that are values rather than object ids (the wheel's year): a route with only
# these is checked under the other municipality's slug, as under the own slug it is fine.
VALUE_ARGUMENTS = {"year"}


@dataclass(frozen=True)
class Route:
    name: str
    arguments: frozenset[str]


def routes(patterns: Iterable, namespace: str = "") -> list[Route]:
    """Every named route in ``patterns`` with the arguments it takes besides ``kommune``."""
    found = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            found.extend(routes(entry.url_patterns, inner.strip(":")))
        elif isinstance(entry, URLPattern) and entry.name:
            arguments = set(entry.pattern.regex.groupindex) - {"kommune"}
            if "format" in arguments:
                continue  # DRF's format-suffix twin of a route that is checked already
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            found.append(Route(name=name, arguments=frozenset(arguments)))
    return found


def _kwarg_sets(route: Route, foreign_kwargs: Mapping[str, object]) -> list[dict]:
    if not route.arguments:
        return [{}]
    short_name = route.name.rsplit(":", 1)[-1]
    supplied = foreign_kwargs.get(short_name)
    assert supplied is not None, (
        f"The tenancy test has no arguments for '{route.name}' "
        f"({', '.join(sorted(route.arguments))}): add them to its mapping."
    )
    sets = supplied if isinstance(supplied, list) else [supplied]
    for kwargs in sets:
        missing = route.arguments - set(kwargs)
        assert not missing, f"Arguments missing for '{route.name}': {sorted(missing)}"
    return [dict(kwargs) for kwargs in sets]


def assert_isolated(
    client: Client,
    patterns: Iterable,
    *,
    namespace: str = "",
    own_slug: str,
    foreign_slug: str,
    foreign_kwargs: Mapping[str, object],
) -> int:
    """Assert isolation for every route; returns how many requests were checked."""
    checked = 0
    failures = []
    for route in routes(patterns, namespace):
        for kwargs in _kwarg_sets(route, foreign_kwargs):
            urls = [reverse(route.name, kwargs={"kommune": foreign_slug, **kwargs})]
            if set(kwargs) - VALUE_ARGUMENTS:
                urls.append(reverse(route.name, kwargs={"kommune": own_slug, **kwargs}))
            for url in urls:
                for method in ("get", "post"):
                    response = getattr(client, method)(url)
                    checked += 1
                    if response.status_code not in REFUSED:
                        failures.append(f"{method.upper()} {url} → {response.status_code}")
    assert not failures, "Another municipality's data was reachable:\n" + "\n".join(failures)
    return checked
