"""Benchmark of the benefit pages and API at national scale.

Builds, in a temporary SQLite file that is removed afterwards (or in ``DATABASE_URL`` when
it is set, e.g. PostgreSQL), the design's national data set for benefits:

- ``BENCH_MUNICIPALITIES`` municipalities (default 5, always with Norddjurs) get the base
  data of ``bench.run.build`` (org units, persons, governance and a portfolio of
  ``BENCH_PROJECTS`` projects with three years of status reports);
- ``BENCH_BENEFIT_MUNICIPALITIES`` municipalities (default 98) each get 150 projects (the
  portfolio's where ``bench.run`` built one; bare projects elsewhere), 750 benefits (five
  per project, every category, both directions) with ``BENCH_MEASUREMENTS`` monthly
  measurements each (default 36: three years), a yearly realisation profile, harvested
  amounts for the budget-releasing ones, and a business case per project with its cost
  lines.

Everything is bulk-inserted, bypassing the services: this measures reads. The derived
columns (latest value, next measurement due) are set as ``services.measurements`` would
set them. Then, as the administrator of Norddjurs, it times the benefit pages: the median
and 95th percentile of ``BENCH_RUNS`` requests (default 20) after one warm-up, and the
queries of one request.

    .venv/bin/python -m bench.benefits
    BENCH_BENEFIT_MUNICIPALITIES=10 BENCH_RUNS=10 .venv/bin/python -m bench.benefits
    DATABASE_URL=postgres://… .venv/bin/python -m bench.benefits
"""

import datetime
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

# Before ``bench.run`` is imported: it would otherwise default to var/bench.sqlite3.
TEMPORARY = None if os.environ.get("DATABASE_URL") else Path(tempfile.mkdtemp(prefix="bench-"))
if TEMPORARY is not None:
    os.environ["DATABASE_URL"] = f"sqlite:///{TEMPORARY / 'benefits.sqlite3'}"

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, models, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from bench import run  # noqa: E402  (sets up Django)
from styrbord.benefits.models import (  # noqa: E402
    Benefit,
    BenefitStatus,
    BusinessCase,
    Category,
    CostKind,
    CostLine,
    CostType,
    Direction,
    Frequency,
    Harvest,
    Measurement,
    ProfilePoint,
)
from styrbord.benefits.services.measurements import add_months  # noqa: E402
from styrbord.core.models import Municipality, OrgUnit, Person, User  # noqa: E402
from styrbord.portfolio.models import Origin, Phase, Project  # noqa: E402

PROJECTS, BENEFITS_PER_PROJECT, MEASUREMENTS = 150, 5, 36
CATEGORIES = list(Category.values)
# Mostly running benefits; a few realised or given up (no measurement is due for those).
STATUSES = [BenefitStatus.ON_TRACK] * 5 + [
    BenefitStatus.AT_RISK,
    BenefitStatus.PLANNED,
    BenefitStatus.REALISED,
]
HORIZON = 5  # years of a business case

# (label, URL name, query string); the URL arguments come from ``page_urls``.
PAGES = [
    ("benefit list", "benefits:index", ""),
    ("benefit list p.10", "benefits:index", "?side=10"),
    ("project", "benefits:project", ""),
    ("benefit", "benefits:benefit_detail", ""),
    ("year report", "benefits:report", "?year={year}"),
    ("business case", "benefits:case", ""),
    ("API benefits", "benefits_api:benefit-list", ""),
]


def month_end(today: datetime.date, months_back: int) -> datetime.date:
    """The last day of the month ``months_back`` months before this one."""
    return add_months(today.replace(day=1), 1 - months_back) - datetime.timedelta(days=1)


@transaction.atomic
def build_benefits(count: int, measurements: int) -> None:
    """Benefits for the first ``count`` municipalities of ``bench.run.chosen``, on the
    portfolio that ``bench.run.build`` made, or on bare projects where it made none."""
    with scopes_disabled():
        for municipality in run.chosen(count):
            if Benefit.objects.filter(municipality=municipality).exists():
                continue
            projects = list(
                Project.objects.filter(municipality=municipality).order_by("pk")[:PROJECTS]
            )
            if not projects:
                projects = bare_projects(municipality)
            build_municipality(municipality, projects, measurements)


def bare_projects(municipality: Municipality) -> list[Project]:
    """Projects with no more than a benefit needs, for the municipalities that bench.run
    did not build: they fill the benefit tables to national size."""
    today = timezone.localdate()
    return Project.objects.bulk_create(
        Project(
            municipality=municipality,
            name=f"Projekt {i} om digital velfærd",
            origin=Origin.LOCAL,
            phase=Phase.EXECUTION,
            start_date=today - datetime.timedelta(days=3 * 365),
            end_date=today + datetime.timedelta(days=365),
        )
        for i in range(PROJECTS)
    )


def build_municipality(
    municipality: Municipality, projects: list[Project], measurements: int
) -> None:
    today = timezone.localdate()
    managers = list(
        Person.objects.filter(municipality=municipality).order_by("pk")[:BENEFITS_PER_PROJECT]
    )
    units = list(
        OrgUnit.objects.filter(municipality=municipality, parent__isnull=False).order_by("pk")
    )
    if managers:
        Person.objects.filter(pk__in=[p.pk for p in managers]).update(is_manager=True)
    user = User.objects.filter(username=f"bench-{municipality.slug}").first()
    baseline_date = month_end(today, measurements + 1)
    target_date = month_end(today, -12)
    dates = [month_end(today, measurements - m) for m in range(measurements)]  # oldest first
    benefits = [
        _benefit(municipality, project, i, k, managers, units, baseline_date, target_date)
        for i, project in enumerate(projects)
        for k in range(BENEFITS_PER_PROJECT)
    ]
    # The derived columns, as ``services.measurements.refresh_derived`` sets them.
    since = dates[-1] if dates else baseline_date
    for benefit in benefits:
        if dates:
            benefit.latest_value = _value(benefit, measurements / (measurements + 12))
            benefit.latest_measured_on = since
        finished = benefit.status in (BenefitStatus.REALISED, BenefitStatus.NOT_REALISED)
        benefit.next_measurement_due = None if finished else add_months(since, benefit.frequency)
    Benefit.objects.bulk_create(benefits)
    insert(
        Measurement,
        [
            {
                "municipality_id": municipality.pk,
                "benefit_id": benefit.pk,
                "measured_on": day,
                "value": _value(benefit, (m + 1) / (measurements + 12)),
                "comment": "Opgjort fra fagsystemet." if m % 12 == 11 else "",
                "recorded_by_id": user.pk if user else None,
            }
            for benefit in benefits
            for m, day in enumerate(dates)
        ],
    )
    insert(
        ProfilePoint,
        [point for benefit in benefits for point in _profile(benefit, baseline_date)],
    )
    Harvest.objects.bulk_create(
        Harvest(
            municipality=municipality,
            benefit=benefit,
            amount=benefit.value_per_year * Decimal("0.4") * (year + 1),
            budget="Centrets budget",
            harvested_on=datetime.date(today.year - 1 + year, 1, 15),
            decision="Budgetforliget",
        )
        for benefit in benefits
        if benefit.category == Category.BUDGET_RELEASING
        for year in range(2)
    )
    build_cases(municipality, projects, today.year - 2)


def _benefit(
    municipality: Municipality,
    project: Project,
    i: int,
    k: int,
    managers: list[Person],
    units: list[OrgUnit],
    baseline_date: datetime.date,
    target_date: datetime.date,
) -> Benefit:
    n = i * BENEFITS_PER_PROJECT + k
    category = CATEGORIES[n % len(CATEGORIES)]
    higher = n % 2 == 0
    economic = category in (Category.BUDGET_RELEASING, Category.FREED_TIME, Category.DISBENEFIT)
    return Benefit(
        municipality=municipality,
        project=project,
        title=f"Gevinst {k + 1}: {'flere digitale ansøgninger' if higher else 'kortere sagstid'}",
        description="Gevinsten hentes, når løsningen er taget i brug i alle afdelinger.",
        category=category,
        owner=managers[k % len(managers)] if managers else None,
        org_unit=units[n % len(units)] if units else None,
        measure="Andel digitale ansøgninger" if higher else "Sagsbehandlingstid",
        unit="%" if higher else "dage",
        method="Udtræk fra fagsystemet den sidste hverdag i måneden.",
        direction=Direction.HIGHER if higher else Direction.LOWER,
        baseline_value=Decimal(40 if higher else 30),
        baseline_date=baseline_date,
        baseline_source="Fagsystemets statistik",
        target_pessimistic=Decimal(70 if higher else 20),
        target_expected=Decimal(80 if higher else 15),
        target_optimistic=Decimal(90 if higher else 10),
        target_date=target_date,
        value_per_year=Decimal(50_000 + 1_000 * (n % 50)) if economic else None,
        status=STATUSES[n % len(STATUSES)],
        frequency=Frequency.MONTHLY,
        share_results=n % 3 == 0,
    )


def _value(benefit: Benefit, share: float) -> Decimal:
    """The measure ``share`` of the way from the baseline to the expected target."""
    start, goal = benefit.baseline_value, benefit.target_expected
    return (start + (goal - start) * Decimal(str(round(share, 4)))).quantize(Decimal("0.01"))


def insert(model: type[models.Model], rows: list[dict[str, Any]]) -> None:
    """Rows (by attribute name; the rest get their defaults) straight into the model's
    table: for the hundreds of thousands of measurements, ``bulk_create`` would spend most
    of the build preparing values one field at a time."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]

    def value(field: models.Field, row: dict[str, Any]) -> Any:
        if field.attname in row:
            return row[field.attname]
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        return field.get_default()

    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            batch = rows[start : start + 5000]
            cursor.executemany(sql, [[value(field, row) for field in fields] for row in batch])


def _money(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"))


def _profile(benefit: Benefit, baseline_date: datetime.date) -> list[dict[str, Any]]:
    """A point at the end of each year from the baseline's to the target's, on a straight
    line to the expected target, with the year's money for an economic benefit."""
    first, last = baseline_date.year, benefit.target_date.year
    years = range(first, last + 1)
    return [
        {
            "municipality_id": benefit.municipality_id,
            "benefit_id": benefit.pk,
            "period_end": datetime.date(year, 12, 31),
            "expected_value": _value(benefit, (n + 1) / len(years)),
            "amount": _money(benefit.value_per_year * (n + 1) / len(years))
            if benefit.value_per_year
            else None,
        }
        for n, year in enumerate(years)
    ]


def build_cases(municipality: Municipality, projects: list[Project], start_year: int) -> None:
    """A five-year business case per project: one-off costs in the first year, running
    costs every year."""
    cases = BusinessCase.objects.bulk_create(
        BusinessCase(
            municipality=municipality,
            project=project,
            start_year=start_year,
            horizon_years=HORIZON,
            assumptions="Gevinsterne hentes gradvist over tre år.",
        )
        for project in projects
    )
    lines = []
    for n, case in enumerate(cases):
        likely = Decimal(200_000 + 5_000 * (n % 40))
        lines += [
            _cost(
                case, CostKind.ONE_OFF, kind, start_year, (likely * 4 / 5, likely, likely * 3 / 2)
            )
            for kind in (CostType.CONSULTANTS, CostType.INTERNAL_TIME, CostType.TRAINING)
        ]
        lines += [
            _cost(
                case,
                CostKind.RUNNING,
                kind,
                start_year + offset,
                (likely / 5, likely / 4, likely / 3),
            )
            for offset in range(HORIZON)
            for kind in (CostType.LICENCES, CostType.OPERATION)
        ]
    insert(CostLine, lines)


def _cost(
    case: BusinessCase, kind: str, cost_type: str, year: int, estimate: tuple[Decimal, ...]
) -> dict[str, Any]:
    """A cost line's row: ``estimate`` is (minimum, most likely, maximum)."""
    low, likely, high = (_money(amount) for amount in estimate)
    return {
        "municipality_id": case.municipality_id,
        "case_id": case.pk,
        "kind": kind,
        "cost_type": cost_type,
        "year": year,
        "description": "Implementering" if kind == CostKind.ONE_OFF else "",
        "minimum": low,
        "likely": likely,
        "maximum": high,
    }


def counts() -> str:
    with scopes_disabled():
        with_benefits = Benefit.objects.values("municipality").distinct().count()
        return (
            f"{with_benefits} municipalities with benefits, {Project.objects.count()} projects, "
            f"{Benefit.objects.count()} benefits, {Measurement.objects.count()} measurements, "
            f"{ProfilePoint.objects.count()} profile points, {Harvest.objects.count()} "
            f"harvests, {BusinessCase.objects.count()} business cases, "
            f"{CostLine.objects.count()} cost lines"
        )


def page_urls(municipality: Municipality) -> list[tuple[str, str | None]]:
    """(label, URL) of the timed pages, with Norddjurs' first project and its first
    benefit; the URL is None for a page whose URL name does not exist (yet)."""
    with scopes_disabled():
        benefit = (
            Benefit.objects.filter(municipality=municipality).order_by("project_id", "pk").first()
        )
        measured = Measurement.objects.filter(benefit=benefit).count()
    print(f"project {benefit.project_id}, benefit {benefit.pk} with {measured} measurements")
    year = timezone.localdate().year
    urls = []
    for label, name, query in PAGES:
        kwargs = {"kommune": municipality.slug}
        if name in ("benefits:project", "benefits:case"):
            kwargs["pk"] = benefit.project_id
        elif name == "benefits:benefit_detail":
            kwargs["pk"] = benefit.pk
        try:
            urls.append((label, reverse(name, kwargs=kwargs) + query.format(year=year)))
        except NoReverseMatch:
            urls.append((label, None))
    return urls


def main() -> None:
    based = int(os.environ.get("BENCH_MUNICIPALITIES", "5"))
    count = max(int(os.environ.get("BENCH_BENEFIT_MUNICIPALITIES", "98")), 1)
    measurements = int(os.environ.get("BENCH_MEASUREMENTS", str(MEASUREMENTS)))
    runs = int(os.environ.get("BENCH_RUNS", "20"))
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    run.build(based)
    print(f"base data (bench.run.build, bulk): {based} in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    build_benefits(count, measurements)
    print(f"benefits (bulk): {count} municipalities in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics after the bulk load, as bench.run does
    print(f"rows: {counts()}")
    municipality = Municipality.objects.get(code="0707")
    client = Client()
    with scopes_disabled():
        client.force_login(User.objects.get(username=f"bench-{municipality.slug}"))
    print(f"{run.database()}, {runs} requests per page, as the administrator of Norddjurs")
    urls = page_urls(municipality)
    print(f"{'page':18} {'queries':>8} {'median ms':>10} {'p95 ms':>8}  url")
    for label, url in urls:
        if url is None:
            print(f"{label:18} {'-':>8} {'-':>10} {'-':>8}  missing: no such URL name")
            continue
        try:
            median, p95, queries = run.measure(client, url, runs)
        except Exception as error:  # a page that fails or answers no 200: say so, go on
            print(f"{label:18} {'-':>8} {'-':>10} {'-':>8}  {url}  failed: {error!r}")
            continue
        print(f"{label:18} {queries:8d} {median:10.1f} {p95:8.1f}  {url}")


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        if TEMPORARY is not None:
            connections.close_all()
            shutil.rmtree(TEMPORARY, ignore_errors=True)
