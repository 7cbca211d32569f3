"""Demo data for benefits realisation: benefits with measurements, realisation profiles and
harvests, business cases and a benefit map on the portfolio demo's projects of Norddjurs
(``norddjurs``, its business cases in ``norddjurs_cases``) and Rebild (``rebild``).
``writer`` writes them through the benefit services with no actor.

Loading needs the core and portfolio demos, which ``styrbord demo`` loads first. A project
the portfolio demo has not made is skipped. Loading is idempotent: a benefit is skipped by
project and title, a business case by project, a benefit map once the project has nodes.
"""

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from styrbord.benefits.demo import norddjurs, norddjurs_cases, rebild
from styrbord.core.models import Municipality


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Load the benefits demo; it adds no logins."""
    today = timezone.localdate()
    places = {m.code: m for m in Municipality.objects.filter(code__in=["0707", "0840"])}
    for code, parts in (("0707", (norddjurs, norddjurs_cases)), ("0840", (rebild,))):
        if code in places:
            with scope(municipality=places[code]):
                for part in parts:
                    part.load(today)
    return []
