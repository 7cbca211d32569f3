"""The weighted score of a plan item, and its explanation.

Each criterion is scored 1–5. A cost criterion (risk, resource demand) counts the other way
round, as 6 minus its score, so that a higher weighted score always means a higher
priority. The weighted score is the weighted mean over the scored criteria, 1.0–5.0; it is
complete when every criterion is scored. The rank is the team's decision, not the score's.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from styrbord.plans.models import Criterion, CriterionKind, ItemScore


@dataclass(frozen=True)
class Term:
    criterion: Criterion
    score: int
    counts_as: int
    share: Decimal  # the criterion's weight as a share of all weights, 0–1
    comment: str

    @property
    def contribution(self) -> Decimal:
        return (self.share * self.counts_as).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True)
class WeightedScore:
    value: Decimal | None  # None when nothing is scored
    terms: tuple[Term, ...]
    missing: tuple[Criterion, ...]
    value_score: Decimal | None  # the value criteria alone, for the value-vs-effort chart
    effort_score: Decimal | None  # the cost criteria's raw mean: a 5 is a large effort

    @property
    def is_complete(self) -> bool:
        return self.value is not None and not self.missing


def _mean(pairs: Iterable[tuple[int, int]]) -> Decimal | None:
    pairs = list(pairs)
    weights = sum(weight for weight, _ in pairs)
    if not weights:
        return None
    total = sum(Decimal(weight) * score for weight, score in pairs)
    return (total / weights).quantize(Decimal("0.01"), ROUND_HALF_UP)


def weighted_score(criteria: Sequence[Criterion], scores: Iterable[ItemScore]) -> WeightedScore:
    by_criterion = {score.criterion_id: score for score in scores}
    scored = [c for c in criteria if c.pk in by_criterion]
    weights = sum(c.weight for c in scored)
    terms = []
    for criterion in scored:
        score = by_criterion[criterion.pk]
        counts_as = 6 - score.score if criterion.kind == CriterionKind.COST else score.score
        terms.append(
            Term(
                criterion=criterion,
                score=score.score,
                counts_as=counts_as,
                share=Decimal(criterion.weight) / weights,
                comment=score.comment,
            )
        )
    return WeightedScore(
        value=_mean((t.criterion.weight, t.counts_as) for t in terms),
        terms=tuple(terms),
        missing=tuple(c for c in criteria if c.pk not in by_criterion),
        value_score=_mean(
            (t.criterion.weight, t.score) for t in terms if t.criterion.kind == CriterionKind.VALUE
        ),
        effort_score=_mean(
            (t.criterion.weight, t.score) for t in terms if t.criterion.kind == CriterionKind.COST
        ),
    )
