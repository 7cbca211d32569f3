"""Recording measurements and harvested money, and keeping the benefit's derived dates."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from styrbord.benefits import policy
from styrbord.benefits.models import Benefit, Harvest, Measurement
from styrbord.benefits.services._common import require
from styrbord.core.dates import add_months
from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.governance.models import AgendaItem


def refresh_derived(benefit: Benefit) -> None:
    """Recompute the latest measurement and the next due date from the stored rows.

    A plain UPDATE that leaves the version alone, so that someone editing the benefit at
    the same time is not refused because a measurement came in."""
    latest = (
        Measurement.objects.filter(benefit=benefit)
        .order_by("-measured_on", "-id")
        .values("value", "measured_on")
        .first()
    )
    fresh = Benefit.objects.values("frequency", "baseline_date", "status").get(pk=benefit.pk)
    since = latest["measured_on"] if latest else fresh["baseline_date"]
    finished = fresh["status"] in ("realised", "not_realised")
    due = (
        add_months(since, fresh["frequency"])
        if fresh["frequency"] and since and not finished
        else None
    )
    values = {
        "latest_value": latest["value"] if latest else None,
        "latest_measured_on": latest["measured_on"] if latest else None,
        "next_measurement_due": due,
    }
    Benefit.objects.filter(pk=benefit.pk).update(**values)
    for name, value in values.items():
        setattr(benefit, name, value)


@transaction.atomic
def record_measurement(
    benefit: Benefit,
    *,
    actor: User | None,
    measured_on: datetime.date | None,
    value: Decimal | None,
    comment: str = "",
) -> Measurement:
    if actor is not None:
        require(policy.can_record(actor, benefit))
    errors = {}
    if value is None:
        errors["value"] = _("Give the measured value.")
    if measured_on is None:
        errors["measured_on"] = _("Give the date of the measurement.")
    elif benefit.baseline_date and measured_on < benefit.baseline_date:
        errors["measured_on"] = _(
            "A measurement cannot be dated before the baseline (%(date)s)."
        ) % {"date": benefit.baseline_date.strftime("%d.%m.%Y")}
    if errors:
        raise ValidationError(errors)
    measurement = changes.create(
        Measurement(
            municipality=benefit.municipality,
            benefit=benefit,
            measured_on=measured_on,
            value=value,
            comment=comment,
            recorded_by=actor,
        ),
        actor=actor,
    )
    refresh_derived(benefit)
    return measurement


@transaction.atomic
def delete_measurement(measurement: Measurement, *, actor: User) -> None:
    require(policy.can_edit(actor, measurement.municipality))
    benefit = measurement.benefit
    changes.delete(measurement, actor=actor)
    refresh_derived(benefit)


@transaction.atomic
def record_harvest(
    benefit: Benefit,
    *,
    actor: User | None,
    amount: Decimal | None,
    budget: str,
    harvested_on: datetime.date | None,
    decision: str = "",
    agenda_item: AgendaItem | None = None,
) -> Harvest:
    """Record money taken out of a budget; only a budget-releasing benefit releases any."""
    if actor is not None:
        require(policy.can_edit(actor, benefit.municipality))
    if not benefit.is_budget_releasing:
        raise ValidationError(
            _("Only a budget-releasing benefit is harvested. This one is %(category)s.")
            % {"category": benefit.get_category_display().lower()}
        )
    if agenda_item is not None and agenda_item.municipality_id != benefit.municipality_id:
        raise ValidationError({"agenda_item": _("Choose one from this municipality.")})
    return changes.create(
        Harvest(
            municipality=benefit.municipality,
            benefit=benefit,
            amount=amount,
            budget=budget,
            harvested_on=harvested_on,
            decision=decision,
            agenda_item=agenda_item,
        ),
        actor=actor,
    )


@transaction.atomic
def delete_harvest(harvest: Harvest, *, actor: User) -> None:
    require(policy.can_edit(actor, harvest.municipality))
    changes.delete(harvest, actor=actor)
