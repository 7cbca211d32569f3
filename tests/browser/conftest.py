"""Browser tests: a live Django server, headless Chromium through Playwright, and axe-core.

Every test here runs against pytest-django's ``live_server``, which uses a transactional
database: the tables are emptied after each test, including the rows the reference-data
migration loaded. ``reference_data`` puts those rows back before each test. That works the
same on SQLite and PostgreSQL, and unlike ``serialized_rollback`` it does not serialise the
whole database for every test. ``world`` then loads the demo organisation of Norddjurs.

Without Chromium at ``/usr/bin/chromium`` the tests are skipped, unless ``CI=true``: then
they fail, so that a CI machine cannot pass by not running them.
"""

import datetime
import importlib
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django_scopes import scope

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run in a
# thread with a running event loop unless told that this is fine (it is: the loop is idle).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every demo login has this password; see styrbord.core.demo.
PASSWORD = "styrbord-demo"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium is not installed at {CHROMIUM}; the browser tests cannot run."
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} CI=true requires them (install Debian's chromium package).")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture(scope="session", autouse=True)
def _no_persistent_db_connections():
    """Close the live server's database connections after every request.

    The live server answers each request in a thread of its own; with persistent
    connections (``DB_CONN_MAX_AGE``) those threads leave PostgreSQL sessions open, which
    slow the flush between tests and keep the test database from being dropped.
    """
    from django.db import connections

    saved = {alias: connections[alias].settings_dict.get("CONN_MAX_AGE") for alias in connections}
    for alias in connections:
        connections[alias].settings_dict["CONN_MAX_AGE"] = 0
    yield
    for alias, value in saved.items():
        connections[alias].settings_dict["CONN_MAX_AGE"] = value


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Argon2 is slow on purpose; the browser tests log in often."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


_reference_rows: dict[type, list] = {}


@pytest.fixture
def reference_data(live_server):
    """The municipalities and the accessibility statement, as the data migration loads them.

    The first test runs the migration's own loader (idempotent) and keeps the rows; later
    tests, whose tables were emptied, get the same rows back with one insert per table.
    """
    from styrbord.core.models import Municipality, SiteText

    if not _reference_rows:
        migration = importlib.import_module("styrbord.core.migrations.0002_reference_data")
        migration.load(django_apps, None)
        for model in (Municipality, SiteText):
            _reference_rows[model] = list(model.objects.all())
    for model, rows in _reference_rows.items():
        if not model.objects.exists():
            model.objects.bulk_create(rows)


@dataclass
class World:
    """The Norddjurs demo organisation and the logins that work in it."""

    url: str
    norddjurs: object
    rebild: object
    superuser: object
    local_admin: object
    editor: object
    reader: object
    unit: object  # "IT og Digitalisering": two levels down, with persons, no units under it
    top_unit: object  # "Norddjurs Kommune": open units under it, so it cannot be closed
    closed_unit: object  # "Nedlagt projektkontor", closed on 1 January 2024
    person: object  # "Nirojan Kathirgamarajah" in IT og Digitalisering

    def path(self, rest: str = "") -> str:
        return f"/norddjurs/{rest}"


@pytest.fixture
def world(live_server, reference_data) -> World:
    from styrbord.core import demo
    from styrbord.core.models import Municipality, OrgUnit, OrgUnitKind, Person, User
    from styrbord.core.services import organisation

    demo.load()
    norddjurs = Municipality.objects.get(code="0707")
    with scope(municipality=norddjurs):
        top_unit = OrgUnit.objects.get(name="Norddjurs Kommune")
        unit = OrgUnit.objects.get(name="IT og Digitalisering")
        closed = organisation.create_org_unit(
            municipality=norddjurs,
            actor=None,
            parent=top_unit,
            name="Nedlagt projektkontor",
            kind=OrgUnitKind.OTHER,
        )
        closed = organisation.close_org_unit(
            closed, actor=None, expected_version=closed.version, closed_on=datetime.date(2024, 1, 1)
        )
        person = Person.objects.get(name="Nirojan Kathirgamarajah")
    return World(
        url=live_server.url,
        norddjurs=norddjurs,
        rebild=Municipality.objects.get(code="0840"),
        superuser=User.objects.get(username="admin"),
        local_admin=User.objects.get(username="norddjurs-admin"),
        editor=User.objects.get(username="norddjurs-redaktoer"),
        reader=User.objects.get(username="norddjurs-laeser"),
        unit=unit,
        top_unit=top_unit,
        closed_unit=closed,
        person=person,
    )


def _new_context(browser, base_url: str, locale: str = "da-DK"):
    context = browser.new_context(
        base_url=base_url, locale=locale, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def new_context(browser, live_server):
    """Opens browser contexts (separate cookie jars), in Danish unless told otherwise."""
    contexts = []

    def open_context(locale: str = "da-DK"):
        context = _new_context(browser, live_server.url, locale)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a context of its own."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def _warm_context(browser, live_server):
    context = _new_context(browser, live_server.url)
    context.new_page()
    yield context
    context.close()


@pytest.fixture
def warm_page(_warm_context):
    """One page shared by many short tests, with its cookies cleared before each of them.

    A new context costs a new renderer process and cold caches (most of a second per
    test); the tests that only look at pages share this one instead.
    """
    _warm_context.clear_cookies()
    page = _warm_context.pages[0]
    yield page
    _warm_context.clear_cookies()
