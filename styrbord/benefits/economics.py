"""A business case worked out: the yearly rows, net present value, payback and the
three-point view, from the stored cost lines and the project's benefits.

The arithmetic is in ``calc``; this module decides what goes into it:

- each cost line is one estimate, negative;
- each benefit with money contributes per calendar year either the amounts of its
  realisation profile in that year or, without a profile, its value per year from the
  target date's year on (every year when there is no target date);
- a benefit's three-point range follows its targets: the pessimistic amount is the expected
  amount scaled by how far the pessimistic target is from the baseline compared with the
  expected target (likewise the optimistic); without targets the range is the amount itself;
- a dis-benefit's money counts against the case, without a range.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from styrbord.benefits import calc
from styrbord.benefits.models import Benefit, BusinessCase, Category, CostKind, CostLine

ZERO = Decimal(0)
ONE = Decimal(1)


@dataclass
class YearRow:
    year: int
    one_off: Decimal = ZERO
    running: Decimal = ZERO
    budget_releasing: Decimal = ZERO
    other_benefits: Decimal = ZERO
    net: Decimal = ZERO
    cumulative: Decimal = ZERO
    discounted: Decimal = ZERO

    @property
    def costs(self) -> Decimal:
        return self.one_off + self.running

    @property
    def benefits(self) -> Decimal:
        return self.budget_releasing + self.other_benefits


@dataclass
class CaseResult:
    years: list[YearRow]
    npv: Decimal
    npv_likely: Decimal
    npv_worst: Decimal
    npv_best: Decimal
    payback_year: int | None
    sensitivity: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)

    @property
    def total_costs(self) -> Decimal:
        return sum((row.costs for row in self.years), ZERO)

    @property
    def total_benefits(self) -> Decimal:
        return sum((row.benefits for row in self.years), ZERO)

    @property
    def is_positive(self) -> bool:
        return self.npv > 0


def _ratio(benefit: Benefit, target: Decimal | None) -> Decimal:
    baseline, expected = benefit.baseline_value, benefit.target_expected
    if target is None or baseline is None or expected is None or expected == baseline:
        return ONE
    return (target - baseline) / (expected - baseline)


def benefit_amounts(benefit: Benefit, years: list[int]) -> dict[int, Decimal]:
    """The money ``benefit`` brings in each of ``years`` at its expected target."""
    amounts: dict[int, Decimal] = defaultdict(lambda: ZERO)
    points = [p for p in benefit.profile.all() if p.amount is not None]
    if points:
        for point in points:
            if point.period_end.year in years:
                amounts[point.period_end.year] += point.amount
    elif benefit.value_per_year:
        first = benefit.target_date.year if benefit.target_date else years[0]
        for year in years:
            if year >= first:
                amounts[year] = benefit.value_per_year
    return dict(amounts)


def columns(
    case: BusinessCase, costs: list[CostLine], benefits: list[Benefit]
) -> list[tuple[str, calc.Estimate]]:
    """Every estimate of the case with the ``YearRow`` column it is shown in. Costs are
    negative, so a cost's worst case is its maximum."""
    years = case.years
    result = [
        (
            "one_off" if line.kind == CostKind.ONE_OFF else "running",
            calc.Estimate(
                key=f"{line.get_cost_type_display()} ({str(line.get_kind_display()).lower()})",
                offset=line.year - case.start_year,
                minimum=-line.maximum,
                likely=-line.likely,
                maximum=-line.minimum,
            ),
        )
        for line in costs
        if line.year in years
    ]
    for benefit in benefits:
        column = (
            "budget_releasing"
            if benefit.category == Category.BUDGET_RELEASING
            else "other_benefits"
        )
        for year, amount in benefit_amounts(benefit, years).items():
            if benefit.category == Category.DISBENEFIT:
                low = likely = high = -abs(amount)
            else:
                low = amount * _ratio(benefit, benefit.target_pessimistic)
                high = amount * _ratio(benefit, benefit.target_optimistic)
                likely = amount
                low, high = min(low, likely), max(high, likely)
            estimate = calc.Estimate(
                key=benefit.title,
                offset=year - case.start_year,
                minimum=low,
                likely=likely,
                maximum=high,
            )
            result.append((column, estimate))
    return result


def estimates(
    case: BusinessCase, costs: list[CostLine], benefits: list[Benefit]
) -> list[calc.Estimate]:
    return [estimate for _column, estimate in columns(case, costs, benefits)]


def work_out(case: BusinessCase, costs: list[CostLine], benefits: list[Benefit]) -> CaseResult:
    """Everything the business case page, PDF and API show. ``benefits`` need their
    ``profile`` prefetched. Cost lines outside the case's years (left by an earlier change
    of the years) are not counted."""
    years = case.years
    rows = [YearRow(year=year) for year in years]
    placed = columns(case, costs, benefits)
    for column, estimate in placed:
        row = rows[estimate.offset]
        # Costs are stored negative in the estimates and shown positive in their columns.
        sign = -1 if column in ("one_off", "running") else 1
        setattr(row, column, getattr(row, column) + sign * estimate.expected)
    all_estimates = [estimate for _column, estimate in placed]
    rate = case.discount_rate
    expected_flows = calc.flows(all_estimates, len(years))
    running = calc.cumulative(expected_flows)
    for offset, row in enumerate(rows):
        row.net = expected_flows[offset]
        row.cumulative = running[offset]
        row.discounted = expected_flows[offset] * calc.discount_factor(rate, offset)
    worst, best = calc.worst_and_best(all_estimates, len(years))
    payback = calc.payback_offset(expected_flows)
    return CaseResult(
        years=rows,
        npv=calc.npv(expected_flows, rate),
        npv_likely=calc.npv(calc.flows(all_estimates, len(years), "likely"), rate),
        npv_worst=calc.npv(worst, rate),
        npv_best=calc.npv(best, rate),
        payback_year=years[payback] if payback is not None else None,
        sensitivity=calc.sensitivity(all_estimates, len(years), rate),
    )


def snapshot(case: BusinessCase, result: CaseResult) -> dict:
    """What is kept as the approved baseline: enough to compare any later estimate with."""
    return {
        "start_year": case.start_year,
        "horizon_years": case.horizon_years,
        "discount_rate": str(case.discount_rate),
        "npv": str(round(result.npv, 2)),
        "npv_worst": str(round(result.npv_worst, 2)),
        "npv_best": str(round(result.npv_best, 2)),
        "payback_year": result.payback_year,
        "years": [
            {
                "year": row.year,
                "costs": str(round(row.costs, 2)),
                "benefits": str(round(row.benefits, 2)),
                "budget_releasing": str(round(row.budget_releasing, 2)),
                "net": str(round(row.net, 2)),
            }
            for row in result.years
        ],
    }
