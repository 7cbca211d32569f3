"""What a benefit's numbers mean, in words next to them."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from styrbord.benefits import calc
from styrbord.benefits.models import Benefit, Direction


@dataclass(frozen=True)
class Achievement:
    fraction: Decimal | None
    meaning: str

    @property
    def percent(self) -> int | None:
        return None if self.fraction is None else round(self.fraction * 100)


def achievement_of(benefit: Benefit) -> Achievement:
    baseline, target, latest = benefit.baseline_value, benefit.target_expected, benefit.latest_value
    if baseline is None or target is None:
        return Achievement(None, _("Baseline or target missing: nothing to measure against."))
    if latest is None:
        return Achievement(None, _("Not measured yet."))
    fraction = calc.achievement(baseline, target, latest)
    if fraction is None:
        kept = calc.held(baseline, latest, lower_is_better=benefit.direction == Direction.LOWER)
        return Achievement(
            None,
            _("The target is to hold the baseline level, and it is held.")
            if kept
            else _("The target is to hold the baseline level, and it is not held."),
        )
    percent = round(fraction * 100)
    if fraction < 0:
        meaning = _("Moved away from the target: worse than the baseline.")
    elif fraction == 0:
        meaning = _("No change from the baseline yet.")
    elif fraction < 1:
        meaning = _("%(percent)s %% of the way from the baseline to the expected target.") % {
            "percent": percent
        }
    elif fraction == 1:
        meaning = _("The expected target is reached.")
    else:
        meaning = _("The expected target is exceeded.")
    return Achievement(fraction, meaning)
