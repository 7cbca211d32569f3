"""Writing system usages and their follow-or-explain assessments."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from styrbord.core.dates import add_months
from styrbord.core.models import Municipality, OrgUnit, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.portfolio.models import Project
from styrbord.strategy.models import Principle
from styrbord.systems import policy
from styrbord.systems.models import PrincipleAssessment, SystemUsage
from styrbord.systems.services._common import (
    changed_fields,
    refuse_mastered,
    require,
    set_relation,
)

USAGE_FIELDS = {
    "system",
    "local_name",
    "local_id",
    "system_version",
    "lifecycle",
    "valid_from",
    "valid_to",
    "responsible_unit",
    "expected_users_min",
    "expected_users_max",
    "purpose",
    "hosting",
    "business_critical",
    "criticality_level",
    "contains_ai",
    "licensing_model",
    "accessibility",
    "accessibility_checked_on",
    "functional_fit",
    "technical_fit",
    "data_ordinary",
    "data_sensitive",
    "data_criminal",
    "risk_assessment_done",
    "risk_assessed_on",
    "risk_result",
    "risk_next_on",
    "dpia_done",
    "dpia_on",
    "technical_precautions",
    "user_supervision",
    "retention_defined",
}

# Rebild's and the ISO 27001 practice: a risk assessment is repeated yearly.
RISK_INTERVAL_MONTHS = 12


def _default_next_risk_assessment(fields: dict[str, Any], usage: SystemUsage) -> dict[str, Any]:
    """A risk assessment given a date but no next one is planned a year on."""
    assessed = fields.get("risk_assessed_on", usage.risk_assessed_on)
    planned = fields.get("risk_next_on", usage.risk_next_on)
    if assessed and not planned and "risk_assessed_on" in fields:
        return {**fields, "risk_next_on": add_months(assessed, RISK_INTERVAL_MONTHS)}
    return fields


@transaction.atomic
def create_usage(
    municipality: Municipality,
    *,
    actor: User | None,
    using_units: Iterable[OrgUnit] = (),
    **fields: Any,
) -> SystemUsage:
    if actor is not None:
        require(policy.can_edit(actor, municipality))
    usage = SystemUsage(municipality=municipality)
    fields = _default_next_risk_assessment(only(fields, USAGE_FIELDS), usage)
    for name, value in fields.items():
        setattr(usage, name, value)
    changes.create(usage, actor=actor)
    if using_units:
        set_relation(usage, "using_units", using_units, actor=actor)
    return usage


@transaction.atomic
def update_usage(
    usage: SystemUsage, *, actor: User | None, expected_version: int, **fields: Any
) -> SystemUsage:
    if actor is not None:
        require(policy.can_keep_usage(actor, usage))
    fields = only(fields, USAGE_FIELDS)
    refuse_mastered(usage, changed_fields(usage, fields), actor=actor)
    fields = _default_next_risk_assessment(fields, usage)
    return changes.update(usage, actor=actor, expected_version=expected_version, changes=fields)


@transaction.atomic
def set_using_units(usage: SystemUsage, units: Iterable[OrgUnit], *, actor: User | None) -> None:
    if actor is not None:
        require(policy.can_keep_usage(actor, usage))
        units = list(units)
        if set(units) != set(usage.using_units.all()):
            refuse_mastered(usage, {"using_units"}, actor=actor)
    set_relation(usage, "using_units", units, actor=actor)


@transaction.atomic
def set_projects(usage: SystemUsage, projects: Iterable[Project], *, actor: User | None) -> None:
    """Link the usage to the projects that change it (Styrbord's own, never KITOS's)."""
    if actor is not None:
        require(policy.can_keep_usage(actor, usage))
    set_relation(usage, "projects", projects, actor=actor)


@transaction.atomic
def delete_usage(usage: SystemUsage, *, actor: User) -> None:
    require(policy.can_edit(actor, usage.municipality))
    changes.delete(usage, actor=actor)


@transaction.atomic
def assess_principle(
    usage: SystemUsage,
    principle: Principle,
    *,
    actor: User | None,
    follows: bool,
    explanation: str = "",
) -> PrincipleAssessment:
    """Record whether ``usage`` follows ``principle`` (and why not), replacing an earlier one."""
    if actor is not None:
        require(policy.can_keep_usage(actor, usage))
    current = PrincipleAssessment.objects.filter(usage=usage, principle=principle).first()
    if current is None:
        return changes.create(
            PrincipleAssessment(
                municipality=usage.municipality,
                usage=usage,
                principle=principle,
                follows=follows,
                explanation=explanation,
            ),
            actor=actor,
        )
    return changes.update(
        current,
        actor=actor,
        expected_version=current.version,
        changes={"follows": follows, "explanation": explanation},
    )


@transaction.atomic
def remove_assessment(assessment: PrincipleAssessment, *, actor: User) -> None:
    require(policy.can_keep_usage(actor, assessment.usage))
    changes.delete(assessment, actor=actor)
