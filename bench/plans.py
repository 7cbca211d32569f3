"""Benchmark of the action plan's pages, API and exports.

Builds, in a temporary SQLite file that is removed afterwards (or in ``DATABASE_URL`` when
it is set, e.g. PostgreSQL), the municipalities of ``bench.run`` with its org units,
persons, governance and portfolio (``bench.run.build``, bulk-inserted; ``BENCH_PROJECTS``
applies), then for each of ``BENCH_MUNICIPALITIES`` municipalities (default 20) this
year's action plan, written through the plan services (``styrbord.plans.services``) as an
editor would write it:

- a budget pool (``budget.create_pool``) with 10 direct allocations (``budget.allocate``);
- the plan (``plans.create_plan``, five default criteria) with 40 items (``items.add_item``:
  30 portfolio projects and 10 activities, each with money allocated), every item scored on
  all five criteria (``items.set_score``) and given hours by 4 of 6 org units in each
  quarter (``items.set_hours``), and the 6 org units' capacity (``plans.set_capacity``);
- version 1 submitted to the steering group (``decisions.submit``) and approved by the
  decision hook (``decisions.on_decision``; the outcome is written on the agenda item through
  the change log, since recording it through governance needs a held meeting);
- a draft revision (``plans.create_revision``) in which three items move up and one
  activity is added, so that the comparison has something to show.

Nothing is bulk-inserted for the plans: the services are fast enough (see the build time
printed). Then, as an editor of Norddjurs, it times the draft revision's pages: the median
and 95th percentile of ``BENCH_RUNS`` requests (default 20) after one warm-up, and the
queries of one request; the PDF gets ``BENCH_PDF_RUNS`` (default 3).

    .venv/bin/python -m bench.plans
    BENCH_MUNICIPALITIES=5 BENCH_RUNS=10 .venv/bin/python -m bench.plans
    DATABASE_URL=postgres://… .venv/bin/python -m bench.plans
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
    os.environ["DATABASE_URL"] = f"sqlite:///{TEMPORARY / 'plans.sqlite3'}"

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from bench import run  # noqa: E402  (sets up Django)
from styrbord.core.models import Membership, Municipality, OrgUnit, Role, User  # noqa: E402
from styrbord.core.services import changes  # noqa: E402
from styrbord.governance.models import Body, BodyKind, Outcome  # noqa: E402
from styrbord.plans.models import (  # noqa: E402
    ActionPlan,
    ActionPlanItem,
    BudgetAllocation,
    ItemHours,
    ItemScore,
    PlanVersion,
)
from styrbord.plans.services import budget, decisions, items, plans  # noqa: E402
from styrbord.portfolio.models import ENDED_PHASES, Project  # noqa: E402

PROJECT_ITEMS, ACTIVITIES, UNITS, UNITS_PER_ITEM, ALLOCATIONS = 30, 10, 6, 4, 10
POOL, ITEM_MONEY, DIRECT_MONEY = Decimal(6_000_000), Decimal(80_000), Decimal(150_000)

# (label, URL name or None for a literal URL, extra query string, runs or None for BENCH_RUNS)
PAGES = [
    ("ranked plan", "plans:version", "", None),
    ("prioritisation", "plans:prioritisation", "", None),
    ("capacity", "plans:capacity", "", None),
    ("quarters", "plans:quarters", "", None),
    ("coverage", "plans:coverage", "", None),
    ("compare v1/v2", "plans:compare", "?a=1&b=2", None),
    ("budget pool", "plans:budget", "", None),
    ("API items", None, "", None),
    ("Excel export", "plans:version_xlsx", "", None),
    ("PDF export", "plans:version_pdf", "", "pdf"),
]


def editor_of(municipality: Municipality) -> User:
    user, created = User.objects.get_or_create(username=f"bench-editor-{municipality.slug}")
    if created:
        Membership.objects.create(municipality=municipality, user=user, role=Role.EDITOR)
    return user


@transaction.atomic
def build_plans(count: int) -> None:
    year = timezone.localdate().year
    with scopes_disabled():
        for municipality in run.chosen(count):
            if not ActionPlan.objects.filter(municipality=municipality, year=year).exists():
                build_plan(municipality, year, editor_of(municipality))


def build_plan(municipality: Municipality, year: int, editor: User) -> None:
    units = list(
        OrgUnit.objects.filter(municipality=municipality, parent__isnull=False).order_by("pk")
    )[:UNITS]
    candidates = list(
        Project.objects.filter(municipality=municipality)
        .exclude(phase__in=ENDED_PHASES)
        .order_by("pk")[: PROJECT_ITEMS + ALLOCATIONS]
    )
    steering = Body.objects.get(municipality=municipality, kind=BodyKind.STEERING_GROUP)
    groups = list(Body.objects.filter(municipality=municipality, kind=BodyKind.PROJECT_GROUP))
    pool = budget.create_pool(
        municipality=municipality, actor=editor, year=year, amount=POOL, note="Puljen."
    )
    for n, project in enumerate(candidates[PROJECT_ITEMS:]):
        budget.allocate(
            pool,
            actor=editor,
            project=project,
            amount=DIRECT_MONEY,
            purpose="Forsøg i IOD.",
            body=groups[n % len(groups)],
            decided_on=timezone.localdate() - datetime.timedelta(days=n * 7),
        )
    plan = plans.create_plan(
        municipality=municipality,
        actor=editor,
        year=year,
        introduction="Programgruppens prioritering af de tværgående indsatser.",
        owner_body=groups[0],
        approving_body=steering,
    )
    first = plan.versions.get()
    criteria = list(first.criteria.order_by("position"))
    for i in range(PROJECT_ITEMS + ACTIVITIES):
        project = candidates[i] if i < PROJECT_ITEMS else None
        item = items.add_item(
            first,
            actor=editor,
            project=project,
            title="" if project else f"Aktivitet {i}: kompetenceudvikling",
            rationale="Bærer et fokusområde i strategien.",
            requested_amount=ITEM_MONEY + 20_000,
            allocated_amount=ITEM_MONEY,
        )
        for c, criterion in enumerate(criteria):
            items.set_score(
                item, actor=editor, criterion=criterion, score=1 + (i * 31 + c * 17) % 5
            )
        for k in range(UNITS_PER_ITEM):
            for quarter in (1, 2, 3, 4):
                requested = 10 + (i * 7 + k * 3 + quarter) % 30
                items.set_hours(
                    item,
                    actor=editor,
                    org_unit=units[(i + k) % len(units)],
                    quarter=quarter,
                    requested_hours=requested,
                    allocated_hours=requested - i % 5,
                )
    for n, unit in enumerate(units):
        # About what the items ask of a unit; the third quarter (holidays) falls short.
        hours = {q: 560 + n * 20 - (150 if q == 3 else 0) for q in (1, 2, 3, 4)}
        plans.set_capacity(first, actor=editor, org_unit=unit, hours=hours)
    approve(first, editor)
    revision = plans.create_revision(plan, actor=editor, change_note="Nyt forslag, ny rækkefølge.")
    for rank in (40, 30, 20):
        item = revision.items.get(rank=rank)
        revision.refresh_from_db()
        items.move_item(item, actor=editor, expected_version=revision.version, direction="up")
    items.add_item(revision, actor=editor, title="Ny aktivitet: AI-pilot", rationale="Ny.")


def approve(version: PlanVersion, editor: User) -> None:
    """Submit the version and record the steering group's approval of it."""
    version.refresh_from_db()
    agenda_item = decisions.submit(version, actor=editor, expected_version=version.version)
    agenda_item = changes.update(
        agenda_item,
        actor=editor,
        expected_version=agenda_item.version,
        changes={"outcome": Outcome.APPROVED, "decision": "Godkendt."},
    )
    decisions.on_decision(agenda_item, actor=editor, carried_to=None)


def page_urls(municipality: Municipality, year: int) -> list[tuple[str, str, str | None]]:
    with scopes_disabled():
        draft = PlanVersion.objects.get(plan__municipality=municipality, plan__year=year, number=2)
    urls = []
    for label, name, query, runs in PAGES:
        if name is None:
            url = f"/api/{municipality.slug}/indsatsplan/items/?plan_version={draft.pk}"
        else:
            kwargs = {"kommune": municipality.slug, "year": year, "number": draft.number}
            if name in ("plans:compare", "plans:budget"):
                del kwargs["number"]
            url = reverse(name, kwargs=kwargs) + query
        urls.append((label, url, runs))
    return urls


def counts() -> str:
    with scopes_disabled():
        return (
            f"{ActionPlan.objects.count()} plans, {PlanVersion.objects.count()} versions, "
            f"{ActionPlanItem.objects.count()} items, {ItemScore.objects.count()} scores, "
            f"{ItemHours.objects.count()} hour rows, "
            f"{BudgetAllocation.objects.count()} direct allocations"
        )


def main() -> None:
    count = int(os.environ.get("BENCH_MUNICIPALITIES", "20"))
    runs = int(os.environ.get("BENCH_RUNS", "20"))
    pdf_runs = int(os.environ.get("BENCH_PDF_RUNS", "3"))
    year = timezone.localdate().year
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    run.build(count)
    print(f"base data (bench.run.build, bulk): {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    build_plans(count)
    print(f"plans (services): {count} municipalities in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics after the bulk load, as bench.run does
    print(f"rows: {counts()}")
    municipality = Municipality.objects.get(code="0707")
    client = Client()
    with scopes_disabled():
        client.force_login(editor_of(municipality))
    print(f"{run.database()}, {runs} requests per page ({pdf_runs} for the PDF), as an editor")
    print(f"of {municipality.name}, plan {year} version 2 (draft)")
    print(f"{'page':16} {'queries':>8} {'median ms':>10} {'p95 ms':>8}  url")
    for label, url, which in page_urls(municipality, year):
        median, p95, queries = run.measure(client, url, pdf_runs if which == "pdf" else runs)
        print(f"{label:16} {queries:8d} {median:10.1f} {p95:8.1f}  {url}")


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        if TEMPORARY is not None:
            connections.close_all()
            shutil.rmtree(TEMPORARY, ignore_errors=True)
