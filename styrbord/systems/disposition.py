"""The TIME disposition of a system usage (Gartner's Tolerate, Invest, Migrate,
Eliminate), as a pure function.

A usage is scored on functional fit (how well it serves the business) and technical fit
(how sound it is technically), each 1–4: 1 poor, 2 fair, 3 good, 4 excellent. A score of
3 or more is high; the two highs and lows place the usage in one of four quadrants.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The lowest and highest score, and the lowest that counts as high.
LOWEST = 1
HIGHEST = 4
HIGH = 3


class Disposition(models.TextChoices):
    TOLERATE = "tolerate", _("Tolerate")
    INVEST = "invest", _("Invest")
    MIGRATE = "migrate", _("Migrate")
    ELIMINATE = "eliminate", _("Eliminate")


# One line each on what the disposition means, for the quadrant and the usage page.
MEANINGS = {
    Disposition.TOLERATE: _(
        "Technically sound but of little use to the business: keep it running, invest no more."
    ),
    Disposition.INVEST: _(
        "Serves the business well and is technically sound: keep it and develop it."
    ),
    Disposition.MIGRATE: _(
        "Serves the business well but is technically weak: move it to a sound platform."
    ),
    Disposition.ELIMINATE: _("Of little use to the business and technically weak: phase it out."),
}


def _is_high(score: int, name: str) -> bool:
    if not LOWEST <= score <= HIGHEST:
        raise ValueError(f"{name} must be from {LOWEST} to {HIGHEST}, got {score}")
    return score >= HIGH


def time_disposition(functional: int | None, technical: int | None) -> str | None:
    """The disposition for a functional and a technical fit of 1–4 (high is 3 or more):

    ============  ===============  ==============
    functional    technical high   technical low
    ============  ===============  ==============
    high          Invest           Migrate
    low           Tolerate         Eliminate
    ============  ===============  ==============

    None when either score is missing (not yet assessed); ValueError outside 1–4. The
    result is a ``Disposition`` member, which is its value as a string."""
    if functional is None or technical is None:
        return None
    functional_high = _is_high(functional, "functional fit")
    technical_high = _is_high(technical, "technical fit")
    if functional_high:
        return Disposition.INVEST if technical_high else Disposition.MIGRATE
    return Disposition.TOLERATE if technical_high else Disposition.ELIMINATE
