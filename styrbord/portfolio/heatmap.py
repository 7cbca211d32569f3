"""The risk heat map of a start document: open risks placed by probability and consequence.

A risk's score is probability × consequence (1–25). The levels follow the usual 5×5
matrix: a score of 4 or less is low (green), 5 to 12 is medium (yellow), 15 or more is
high (red). No product of two numbers from 1 to 5 lies between 12 and 15, so the three
levels cover every cell.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from styrbord.portfolio.models import Risk

SCALE = (1, 2, 3, 4, 5)
LOW_MAX = 4
HIGH_MIN = 15


class RiskLevel(models.TextChoices):
    """The level of a score; the value is also the RAG colour it is shown in."""

    LOW = "green", _("Low")
    MEDIUM = "yellow", _("Medium")
    HIGH = "red", _("High")


def risk_level(score: int) -> RiskLevel:
    if score <= LOW_MAX:
        return RiskLevel.LOW
    if score >= HIGH_MIN:
        return RiskLevel.HIGH
    return RiskLevel.MEDIUM


@dataclass(frozen=True)
class NumberedRisk:
    """A risk with the number it has in the start document's list of risks."""

    number: int
    risk: Risk

    @property
    def level(self) -> RiskLevel:
        return risk_level(self.risk.score)


@dataclass
class HeatCell:
    probability: int
    consequence: int
    risks: list[NumberedRisk] = field(default_factory=list)

    @property
    def score(self) -> int:
        return self.probability * self.consequence

    @property
    def level(self) -> RiskLevel:
        return risk_level(self.score)

    @property
    def count(self) -> int:
        return len(self.risks)


@dataclass
class HeatRow:
    probability: int
    cells: list[HeatCell]


@dataclass
class HeatMap:
    rows: list[HeatRow]
    open_count: int
    closed_count: int

    def cell(self, probability: int, consequence: int) -> HeatCell:
        row = self.rows[len(SCALE) - probability]
        return row.cells[consequence - 1]


def numbered(risks: Sequence[Risk]) -> list[NumberedRisk]:
    """Number the risks in the order the start document lists them, from 1."""
    return [NumberedRisk(number, risk) for number, risk in enumerate(risks, start=1)]


def heat_map(risks: Sequence[NumberedRisk]) -> HeatMap:
    """The 5×5 map of the open risks: rows by probability 5 to 1, columns by consequence
    1 to 5. Closed risks are counted but not placed."""
    rows = [
        HeatRow(probability, [HeatCell(probability, consequence) for consequence in SCALE])
        for probability in reversed(SCALE)
    ]
    result = HeatMap(rows=rows, open_count=0, closed_count=0)
    for entry in risks:
        if entry.risk.is_closed:
            result.closed_count += 1
            continue
        result.cell(entry.risk.probability, entry.risk.consequence).risks.append(entry)
        result.open_count += 1
    return result
