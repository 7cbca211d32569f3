from styrbord.plans.models.budget import BudgetAllocation, BudgetPool
from styrbord.plans.models.items import ActionPlanItem, ItemHours, ItemScore
from styrbord.plans.models.plans import (
    OPEN_STATES,
    QUARTERS,
    ActionPlan,
    Capacity,
    Criterion,
    CriterionKind,
    DemandExclusion,
    PlanVersion,
    VersionState,
)

__all__ = [
    "OPEN_STATES",
    "QUARTERS",
    "ActionPlan",
    "ActionPlanItem",
    "BudgetAllocation",
    "BudgetPool",
    "Capacity",
    "Criterion",
    "CriterionKind",
    "DemandExclusion",
    "ItemHours",
    "ItemScore",
    "PlanVersion",
    "VersionState",
]
