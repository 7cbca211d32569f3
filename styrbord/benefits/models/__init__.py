from styrbord.benefits.models.benefits import (
    ECONOMIC_CATEGORIES,
    Benefit,
    BenefitStatus,
    Category,
    Direction,
    Frequency,
    Harvest,
    Measurement,
    ProfilePoint,
)
from styrbord.benefits.models.cases import BusinessCase, CostKind, CostLine, CostType
from styrbord.benefits.models.maps import LAYERS, MapEdge, MapNode, NodeKind

__all__ = [
    "ECONOMIC_CATEGORIES",
    "LAYERS",
    "Benefit",
    "BenefitStatus",
    "BusinessCase",
    "Category",
    "CostKind",
    "CostLine",
    "CostType",
    "Direction",
    "Frequency",
    "Harvest",
    "MapEdge",
    "MapNode",
    "Measurement",
    "NodeKind",
    "ProfilePoint",
]
