"""Benchmark of the IT-system portfolio: the KITOS import and the pages at national scale.

Two parts, in a temporary SQLite file that is removed afterwards (or in ``DATABASE_URL``
when it is set, e.g. PostgreSQL):

1. **KITOS import.** The local KITOS test server (``tests/integrations/kitos_server.py``,
   a real HTTP server) serves Rebild's recorded data plus ``BENCH_KITOS_USAGES`` generated
   usages (default 5,000), each with its own IT system, main contract and data-processing
   registration. Rebild is synchronised three times through ``integrations.kitos.importer``:
   the first run creates everything; the second (an increment) and the third (everything
   read again) find nothing changed. Limits: 30 s for the first, 5 s for the others.
2. **Pages.** ``BENCH_SYSTEM_MUNICIPALITIES`` municipalities (default 98) each get the
   design's national size: 600 system usages, 300 contracts and 200 data-processing
   registrations over a catalogue of 6,000 IT systems, with role assignments, costs and
   oversight — bulk-inserted, bypassing the services, because this measures reads. Then, as
   the administrator of Norddjurs, it times the pages: median and 95th percentile of
   ``BENCH_RUNS`` requests (default 20) after one warm-up, and the queries of one request.
   Limit: the usage list and the compliance overview at a median of 50 ms.

    .venv/bin/python -m bench.systems
    BENCH_SYSTEM_MUNICIPALITIES=10 BENCH_KITOS_USAGES=500 .venv/bin/python -m bench.systems
    DATABASE_URL=postgres://… .venv/bin/python -m bench.systems
"""

import datetime
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

# Before ``bench.run`` is imported: it would otherwise default to var/bench.sqlite3.
TEMPORARY = None if os.environ.get("DATABASE_URL") else Path(tempfile.mkdtemp(prefix="bench-"))
if TEMPORARY is not None:
    os.environ["DATABASE_URL"] = f"sqlite:///{TEMPORARY / 'systems.sqlite3'}"

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_scopes import scope, scopes_disabled  # noqa: E402

from bench import run  # noqa: E402  (sets up Django)
from bench.benefits import insert  # noqa: E402
from styrbord.core.models import Municipality, OrgUnit, Person, User  # noqa: E402
from styrbord.integrations.kitos.importer import synchronise  # noqa: E402
from styrbord.systems.models import (  # noqa: E402
    Answer,
    Contract,
    ContractCost,
    DataProcessingRegistration,
    Hosting,
    ItSystem,
    KitosRun,
    Lifecycle,
    Oversight,
    Role,
    RoleAssignment,
    Supplier,
    SystemUsage,
)
from tests.integrations.kitos_server import REBILD_UUID, KitosServer  # noqa: E402

CATALOGUE_SYSTEMS, SUPPLIERS = 6000, 300
USAGES, CONTRACTS, REGISTRATIONS = 600, 300, 200
PERSONS = 40
LIMITS = {"usage list": 50.0, "compliance": 50.0}
IMPORT_LIMITS = (30.0, 5.0)
LIFECYCLES = [Lifecycle.OPERATIONAL] * 6 + [
    Lifecycle.PHASING_IN,
    Lifecycle.PILOT,
    Lifecycle.PHASING_OUT,
    Lifecycle.RETIRED,
]
HOSTINGS = [Hosting.ON_PREMISES, Hosting.EXTERNAL, Hosting.HYBRID, Hosting.SAAS]

# (label, URL name, query string)
PAGES = [
    ("usage list", "systems:index", ""),
    ("usage list p.10", "systems:index", "?side=10"),
    ("usage list filtered", "systems:index", "?lifecycle=operational&hosting=saas"),
    ("compliance", "systems:compliance", ""),
    ("compliance p.5", "systems:compliance", "?side=5"),
    ("usage", "systems:usage_detail", ""),
    ("contracts", "systems:contracts", ""),
    ("expiring", "systems:expiring", ""),
    ("registrations", "systems:registrations", ""),
    ("missing roles", "systems:missing_roles", ""),
    ("TIME quadrant", "systems:landscape", ""),
    ("API usages", "systems_api:usage-list", ""),
    ("API contracts", "systems_api:contract-list", ""),
]


def bench_import(count: int) -> list[str]:
    """Synchronise Rebild twice from the local KITOS server; lines to print."""
    lines = []
    rebild = Municipality.objects.get(code="0840")
    with KitosServer() as server:
        server.generate_usages(count, REBILD_UUID)
        # The second run is the increment a scheduled sync makes; the third reads everything
        # again (``full``) and must also find nothing to write.
        for attempt, full in (("first run", False), ("second run", False), ("full re-read", True)):
            started = time.perf_counter()
            with scope(municipality=rebild):
                kitos_run = synchronise(rebild, server.client(), full=full)
            seconds = time.perf_counter() - started
            limit = IMPORT_LIMITS[0] if attempt == "first run" else IMPORT_LIMITS[1]
            verdict = "met" if seconds <= limit and not kitos_run.error else "OVER"
            lines.append(
                f"KITOS {attempt}: {seconds:.1f} s (limit {limit:.0f} s: {verdict}), "
                f"status {kitos_run.status}, {len(kitos_run.problems)} skipped, "
                f"counts {kitos_run.counts}"
            )
    with scopes_disabled():
        lines.append(
            f"Rebild after import: {SystemUsage.objects.filter(municipality=rebild).count()} "
            f"usages, {Contract.objects.filter(municipality=rebild).count()} contracts, "
            f"{DataProcessingRegistration.objects.filter(municipality=rebild).count()} "
            f"registrations, {KitosRun.objects.filter(municipality=rebild).count()} runs"
        )
    return lines


@transaction.atomic
def build_catalogue() -> tuple[list[ItSystem], list[Supplier]]:
    catalogue = Municipality.objects.get(is_catalogue=True)
    with scopes_disabled():
        existing = list(ItSystem.objects.filter(municipality=catalogue, name__startswith="Bench"))
        if existing:
            return existing, list(Supplier.objects.filter(municipality=catalogue))
        suppliers = Supplier.objects.bulk_create(
            Supplier(municipality=catalogue, name=f"Leverandør {i} A/S", cvr=f"{20000000 + i}")
            for i in range(SUPPLIERS)
        )
        systems = ItSystem.objects.bulk_create(
            ItSystem(
                municipality=catalogue,
                name=f"Bench-system {i:04d}",
                supplier=suppliers[i % SUPPLIERS],
                description="Fagsystem til sagsbehandling.",
                kle_topics=[{"number": "27.24.00", "title": "Sagsbehandling"}],
            )
            for i in range(CATALOGUE_SYSTEMS)
        )
    return systems, suppliers


@transaction.atomic
def build_systems(count: int) -> None:
    systems, suppliers = build_catalogue()
    roles = {role.key: role for role in Role._base_manager.filter(municipality__is_catalogue=True)}
    with scopes_disabled():
        for number, municipality in enumerate(run.chosen(count)):
            if SystemUsage.objects.filter(municipality=municipality).exists():
                continue
            build_municipality(municipality, number, systems, suppliers, roles)


def build_municipality(
    municipality: Municipality,
    number: int,
    systems: list[ItSystem],
    suppliers: list[Supplier],
    roles: dict[str, Role],
) -> None:
    today = timezone.localdate()
    units = list(OrgUnit.objects.filter(municipality=municipality).order_by("pk"))
    if not units:
        units = [OrgUnit.objects.create(municipality=municipality, name="Kommunen", kind="other")]
    persons = list(Person.objects.filter(municipality=municipality).order_by("pk")[:PERSONS])
    if not persons:
        persons = Person.objects.bulk_create(
            Person(municipality=municipality, name=f"Person {i}", org_unit=units[i % len(units)])
            for i in range(PERSONS)
        )
    usages = SystemUsage.objects.bulk_create(
        SystemUsage(
            municipality=municipality,
            system=systems[(number * 37 + i * 7) % len(systems)],
            local_name=f"Anvendelse {i}",
            local_id=f"A{i:04d}",
            lifecycle=LIFECYCLES[i % len(LIFECYCLES)],
            valid_from=today - datetime.timedelta(days=30 * (i % 60)),
            responsible_unit=units[i % len(units)],
            hosting=HOSTINGS[i % len(HOSTINGS)],
            business_critical=Answer.YES if i % 4 == 0 else Answer.NO,
            functional_fit=1 + i % 4,
            technical_fit=1 + (i // 4) % 4,
            data_ordinary=i % 2 == 0,
            data_sensitive=i % 5 == 0,
            data_criminal=i % 11 == 0,
            risk_assessment_done=Answer.YES if i % 3 else Answer.NO,
            risk_assessed_on=today - datetime.timedelta(days=200 + i % 300),
            risk_next_on=today + datetime.timedelta(days=165 - i % 300),
            dpia_done=Answer.YES if i % 7 else Answer.NO,
            accessibility_checked_on=None if i % 6 == 0 else today - datetime.timedelta(days=90),
        )
        for i in range(USAGES)
    )
    insert(
        RoleAssignment,
        [
            {
                "municipality_id": municipality.pk,
                "role_id": roles[key].pk,
                "person_id": persons[(i + k) % len(persons)].pk,
                "usage_id": usage.pk,
            }
            for i, usage in enumerate(usages)
            for k, key in enumerate(("system_data_owner", "it_contact", "super_user"))
            if (i + k) % 9  # a few usages lack a role: the compliance overview has work
        ],
    )
    contracts = Contract.objects.bulk_create(
        Contract(
            municipality=municipality,
            name=f"Kontrakt {i}",
            supplier=suppliers[(number + i) % len(suppliers)],
            owner=persons[i % len(persons)],
            number=f"K-{i:04d}",
            starts_on=today - datetime.timedelta(days=700),
            expires_on=today + datetime.timedelta(days=30 * (i % 48) + 15),
            notice_months=3 + i % 4,
            notice_by_end_of=("month", "quarter", "year")[i % 3],
        )
        for i in range(CONTRACTS)
    )
    through = Contract.usages.through
    through.objects.bulk_create(
        through(contract_id=contracts[i % CONTRACTS].pk, systemusage_id=usage.pk)
        for i, usage in enumerate(usages)
    )
    insert(
        ContractCost,
        [
            {
                "municipality_id": municipality.pk,
                "contract_id": contract.pk,
                "year": year,
                "org_unit_id": units[i % len(units)].pk,
                "acquisition": Decimal(0),
                "running": Decimal(100_000 + 500 * (i % 100)),
            }
            for i, contract in enumerate(contracts)
            for year in (today.year - 1, today.year)
        ],
    )
    registrations = DataProcessingRegistration.objects.bulk_create(
        DataProcessingRegistration(
            municipality=municipality,
            name=f"Databehandling {i}",
            agreement_concluded="yes",
            agreement_on=today - datetime.timedelta(days=800),
            oversight_method="ISAE 3000-erklæring",
            oversight_interval_months=12,
            responsible_unit=units[i % len(units)],
        )
        for i in range(REGISTRATIONS)
    )
    processing = DataProcessingRegistration.usages.through
    processing.objects.bulk_create(
        processing(
            dataprocessingregistration_id=registrations[i % REGISTRATIONS].pk,
            systemusage_id=usage.pk,
        )
        for i, usage in enumerate(usages)
        if usage.data_ordinary or usage.data_sensitive or i % 3
    )
    insert(
        Oversight,
        [
            {
                "municipality_id": municipality.pk,
                "registration_id": registration.pk,
                "done_on": today - datetime.timedelta(days=100 + 3 * i),
                "remark": "Ingen bemærkninger.",
            }
            for i, registration in enumerate(registrations)
        ],
    )


def counts() -> str:
    with scopes_disabled():
        return (
            f"{ItSystem.objects.count()} IT systems, {SystemUsage.objects.count()} usages, "
            f"{RoleAssignment.objects.count()} role assignments, {Contract.objects.count()} "
            f"contracts, {ContractCost.objects.count()} costs, "
            f"{DataProcessingRegistration.objects.count()} registrations"
        )


def page_urls(municipality: Municipality) -> list[tuple[str, str | None]]:
    with scopes_disabled():
        usage = SystemUsage.objects.filter(municipality=municipality).order_by("pk").first()
    urls = []
    for label, name, query in PAGES:
        kwargs = {"kommune": municipality.slug}
        if name == "systems:usage_detail":
            kwargs["pk"] = usage.pk
        try:
            urls.append((label, reverse(name, kwargs=kwargs) + query))
        except NoReverseMatch:
            urls.append((label, None))
    return urls


def main() -> None:
    based = int(os.environ.get("BENCH_MUNICIPALITIES", "5"))
    count = max(int(os.environ.get("BENCH_SYSTEM_MUNICIPALITIES", "98")), 1)
    imported = int(os.environ.get("BENCH_KITOS_USAGES", "5000"))
    runs = int(os.environ.get("BENCH_RUNS", "20"))
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    run.build(based)
    print(f"base data (bench.run.build, bulk): {based} in {time.perf_counter() - started:.1f} s")
    print(run.database())
    for line in bench_import(imported):
        print(line)
    started = time.perf_counter()
    build_systems(count)
    print(f"systems (bulk): {count} municipalities in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics after the bulk load, as bench.run does
    print(f"rows: {counts()}")
    municipality = Municipality.objects.get(code="0707")
    client = Client()
    with scopes_disabled():
        client.force_login(User.objects.get(username=f"bench-{municipality.slug}"))
    print(f"{runs} requests per page, as the administrator of Norddjurs")
    print(f"{'page':20} {'queries':>8} {'median ms':>10} {'p95 ms':>8}  url")
    over = []
    for label, url in page_urls(municipality):
        if url is None:
            print(f"{label:20} {'-':>8} {'-':>10} {'-':>8}  missing: no such URL name")
            continue
        try:
            median, p95, queries = run.measure(client, url, runs)
        except Exception as error:  # a page that fails or answers no 200: say so, go on
            print(f"{label:20} {'-':>8} {'-':>10} {'-':>8}  {url}  failed: {error!r}")
            over.append(label)
            continue
        print(f"{label:20} {queries:8d} {median:10.1f} {p95:8.1f}  {url}")
        if label in LIMITS and median > LIMITS[label]:
            over.append(label)
    print("limits (median 50 ms for usage list and compliance): " + (", ".join(over) or "met"))


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        if TEMPORARY is not None:
            connections.close_all()
            shutil.rmtree(TEMPORARY, ignore_errors=True)
