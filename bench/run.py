"""Benchmark of the core list pages and API at national scale.

Builds (once) a database under ``var/bench.sqlite3`` — or uses ``DATABASE_URL`` — with
``BENCH_MUNICIPALITIES`` municipalities (default 98), each with about 30 org units, 400
persons and 2,000 change-log entries, then times the pages a user of one municipality
opens. Rows are bulk-inserted: this measures reads, not the services.

    make bench                          # all 98 municipalities
    BENCH_MUNICIPALITIES=10 make bench  # quicker
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styrbord.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from styrbord.core.models import (  # noqa: E402
    ChangeLogEntry,
    Membership,
    Municipality,
    OrgUnit,
    OrgUnitKind,
    Person,
    Role,
    User,
)

UNITS, PERSONS, CHANGES = 30, 400, 2000
PAGES = [
    "/{slug}/",
    "/{slug}/organisation/",
    "/{slug}/organisation/?q=Afdeling",
    "/{slug}/personer/",
    "/{slug}/personer/?q=Person 1",
    "/{slug}/personer/?side=10",
    "/{slug}/aendringslog/",
    "/api/{slug}/persons/",
    "/api/{slug}/org-units/",
]


@transaction.atomic
def build(count: int) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    person_type = ContentType.objects.get_for_model(Person)
    with scopes_disabled():
        for municipality in Municipality.objects.filter(is_catalogue=False).order_by("code")[
            :count
        ]:
            if OrgUnit.objects.filter(municipality=municipality).exists():
                continue
            top = OrgUnit.objects.create(
                municipality=municipality, name=f"{municipality.name} Kommune", kind="municipality"
            )
            units = OrgUnit.objects.bulk_create(
                OrgUnit(
                    municipality=municipality,
                    parent=top,
                    name=f"Afdeling {i}",
                    kind=OrgUnitKind.DEPARTMENT,
                )
                for i in range(UNITS - 1)
            )
            persons = Person.objects.bulk_create(
                Person(
                    municipality=municipality,
                    name=f"Person {i}",
                    title="Konsulent",
                    email=f"p{i}@{municipality.slug}.dk",
                    org_unit=units[i % len(units)],
                )
                for i in range(PERSONS)
            )
            user = User.objects.create_user(f"bench-{municipality.slug}", password="bench-bench")
            Membership.objects.create(municipality=municipality, user=user, role=Role.ADMIN)
            ChangeLogEntry.objects.bulk_create(
                ChangeLogEntry(
                    municipality=municipality,
                    actor=user,
                    action="update",
                    content_type=person_type,
                    object_id=str(persons[i % PERSONS].pk),
                    object_repr=persons[i % PERSONS].name,
                    before={"title": "Konsulent"},
                    after={"title": "Specialkonsulent"},
                )
                for i in range(CHANGES)
            )


def measure(client: Client, url: str, runs: int = 7) -> tuple[float, int]:
    client.get(url)  # warm caches and the session
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), len(captured)


def main() -> None:
    count = int(os.environ.get("BENCH_MUNICIPALITIES", "98"))
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build(count)
    print(f"data: {count} municipalities ready in {time.perf_counter() - started:.1f} s")
    with scopes_disabled():
        print(
            f"rows: {OrgUnit.objects.count()} org units, {Person.objects.count()} persons, "
            f"{ChangeLogEntry.objects.count()} change-log entries"
        )
    municipality = Municipality.objects.get(code="0707")
    client = Client()
    client.force_login(User.objects.get(username=f"bench-{municipality.slug}"))
    print(f"{'page':45} {'median ms':>10} {'queries':>8}")
    for page in PAGES:
        url = page.format(slug=municipality.slug)
        median, queries = measure(client, url)
        print(f"{url:45} {median:10.1f} {queries:8d}")


if __name__ == "__main__":
    sys.exit(main())
