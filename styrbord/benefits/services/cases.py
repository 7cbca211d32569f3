"""Writing business cases and their cost lines; keeping the approved one as the baseline."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.benefits import economics, policy, queries
from styrbord.benefits.models import BusinessCase, CostLine
from styrbord.benefits.services._common import require
from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.portfolio.models import Project

CASE_FIELDS = {"start_year", "horizon_years", "discount_rate", "assumptions"}
COST_FIELDS = {"kind", "cost_type", "year", "description", "minimum", "likely", "maximum"}


@transaction.atomic
def create_case(project: Project, *, actor: User | None, **fields: Any) -> BusinessCase:
    if actor is not None:
        require(policy.can_edit(actor, project.municipality))
    return changes.create(
        BusinessCase(
            municipality=project.municipality, project=project, **only(fields, CASE_FIELDS)
        ),
        actor=actor,
    )


@transaction.atomic
def update_case(
    case: BusinessCase, *, actor: User | None, expected_version: int, **fields: Any
) -> BusinessCase:
    if actor is not None:
        require(policy.can_edit(actor, case.municipality))
    start = fields.get("start_year", case.start_year)
    horizon = fields.get("horizon_years", case.horizon_years)
    if start is not None and horizon is not None:
        entered = set(case.costs.values_list("year", flat=True))
        outside = sorted(year for year in entered if not start <= year < start + horizon)
        if outside:
            raise ValidationError(
                {
                    "horizon_years": _(
                        "Costs are entered for %(years)s, outside the new years. Move or delete "
                        "them first."
                    )
                    % {"years": ", ".join(str(year) for year in outside)}
                }
            )
    return changes.update(
        case, actor=actor, expected_version=expected_version, changes=only(fields, CASE_FIELDS)
    )


@transaction.atomic
def delete_case(case: BusinessCase, *, actor: User) -> None:
    require(policy.can_edit(actor, case.municipality))
    changes.delete(case, actor=actor)


@transaction.atomic
def add_cost(case: BusinessCase, *, actor: User | None, **fields: Any) -> CostLine:
    if actor is not None:
        require(policy.can_edit(actor, case.municipality))
    return changes.create(
        CostLine(municipality=case.municipality, case=case, **only(fields, COST_FIELDS)),
        actor=actor,
    )


@transaction.atomic
def update_cost(
    line: CostLine, *, actor: User | None, expected_version: int, **fields: Any
) -> CostLine:
    if actor is not None:
        require(policy.can_edit(actor, line.municipality))
    return changes.update(
        line, actor=actor, expected_version=expected_version, changes=only(fields, COST_FIELDS)
    )


@transaction.atomic
def delete_cost(line: CostLine, *, actor: User) -> None:
    require(policy.can_edit(actor, line.municipality))
    changes.delete(line, actor=actor)


@transaction.atomic
def keep_as_baseline(case: BusinessCase, *, actor: User | None) -> BusinessCase:
    """Keep the case as it stands now as the approved baseline (at the approval gate)."""
    result = queries.case_result(case)
    return changes.update(
        case,
        actor=actor,
        expected_version=BusinessCase.objects.values_list("version", flat=True).get(pk=case.pk),
        changes={"baseline": economics.snapshot(case, result), "baseline_at": timezone.now()},
    )
