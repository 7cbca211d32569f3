"""Demo data for the portfolio: the shared catalogue's national and fælleskommunale
projects (``catalogue``), Norddjurs' projects from the seeds (``norddjurs_2016``: those the
2016 strategy lists; ``norddjurs_2021``: the finished ones of the 2021 status note;
``norddjurs_running``; ``norddjurs_new``: a new local project and the proposal waiting for
the steering group; ``ideas``: employees' ideas, two waiting for triage) and Rebild's
projects aligned to its principles (``rebild``).

``builder`` makes them through the portfolio services. It writes through the change log
directly only where a service would stamp today on history: reports with their past dates,
projects registered in the phase they were in when the portfolio was compiled, and gate
decisions added to the past meetings of the governance demo. Loading needs the core,
governance and strategy demos, which ``styrbord demo`` loads first.

Loading is idempotent: the catalogue's projects are skipped by name, and a municipality's
portfolio is skipped as a whole once its first project exists.
"""

from django.db import transaction
from django_scopes import scope

from styrbord.core.models import Municipality, User
from styrbord.governance.demo.bodies import FORUM, STEERING
from styrbord.portfolio.demo import (
    catalogue,
    ideas,
    norddjurs_2016,
    norddjurs_2021,
    norddjurs_new,
    norddjurs_running,
    rebild,
)
from styrbord.portfolio.demo.builder import Context, Spec, build
from styrbord.portfolio.models import Project

# The first project of each municipality; its existence means the portfolio is loaded.
NORDDJURS_MARKER = "Talegenkendelse"


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Load the portfolio demo; it adds no logins."""
    shared = Municipality.objects.get(is_catalogue=True)
    with scope(municipality=shared):
        catalogue.load(shared)
    places = {m.code: m for m in Municipality.objects.filter(code__in=["0707", "0840"])}
    for code, secretary, body, marker, parts in (
        (
            "0707",
            "norddjurs-redaktoer",
            STEERING,
            NORDDJURS_MARKER,
            (
                norddjurs_2016.specs,
                norddjurs_2021.specs,
                norddjurs_running.specs,
                norddjurs_new.specs,
            ),
        ),
        ("0840", "rebild-redaktoer", FORUM, rebild.ROLES, (rebild.specs,)),
    ):
        municipality = places[code]
        with scope(municipality=municipality):
            if Project.objects.filter(name=marker).exists():
                continue
            ctx = Context(municipality, User.objects.get(username=secretary), body)
            specs: list[Spec] = []
            for part in parts:
                specs.extend(part(ctx))
            for spec in specs:
                build(ctx, spec)
            if code == "0707":
                ideas.load(
                    municipality, ctx.secretary, User.objects.get(username="norddjurs-laeser")
                )
    return []
