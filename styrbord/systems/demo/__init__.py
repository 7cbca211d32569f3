"""Demo data for the IT-system portfolio: the catalogue's suppliers and systems
(``catalogue``), and Norddjurs' (``norddjurs``) and Rebild's (``rebild``) usages with
their roles, contracts and costs, data-processing registrations, oversight and incidents.
``writer`` writes them through the services with no actor.

The data shows what the overview is for: all four TIME dispositions, a contract whose
decision deadline is a couple of months away, one expiring within six months, a framework
agreement with a contract under it, a transfer to a third country on standard contractual
clauses, an overdue oversight, a closed and an open personal-data breach, and the gaps the
compliance overview lists (a usage without a system and data owner, personal data without
a registration, sensitive data without a DPIA, an overdue risk assessment, accessibility
not assessed). Dates are relative to the day of loading.

Loading needs the core and portfolio demos, which ``styrbord demo`` loads first (in
INSTALLED_APPS order; this app's ``demo`` module is found there by name). A project the
portfolio demo has not made is not linked. Loading is idempotent (see ``writer``).
"""

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from styrbord.core.models import Municipality
from styrbord.systems.demo import catalogue, norddjurs, rebild


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Load the IT-system demo; it adds no logins."""
    now = timezone.now()
    shared = Municipality.objects.get(is_catalogue=True)
    with scope(municipality=shared):
        catalogue.load(shared)
    places = {m.code: m for m in Municipality.objects.filter(code__in=["0707", "0840"])}
    for code, part in (("0707", norddjurs), ("0840", rebild)):
        if code in places:
            with scope(municipality=places[code]):
                part.load(places[code], now)
    return []
