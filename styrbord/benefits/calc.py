"""The numbers of benefits realisation, as pure functions.

No database here: each function takes plain values and is tested against hand-computed
cases (``tests/benefits/test_calc.py``). Money and measures are ``Decimal``; rates are
given in percent, as users type them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


def achievement(baseline: Decimal, target: Decimal, latest: Decimal) -> Decimal | None:
    """How far the measure has moved from the baseline towards the target, as a fraction:
    0 at the baseline, 1 at the target, above 1 beyond it, below 0 when it moved the wrong
    way. ``(latest − baseline) / (target − baseline)`` is right for a falling measure too:
    both differences are negative when it falls as planned. With the target equal to the
    baseline there is no distance to cover, so there is no fraction (None)."""
    distance = target - baseline
    if distance == 0:
        return None
    return (latest - baseline) / distance


def held(baseline: Decimal, latest: Decimal, *, lower_is_better: bool) -> bool:
    """For a target equal to the baseline (keep the level): is the latest no worse?"""
    return latest <= baseline if lower_is_better else latest >= baseline


def discount_factor(rate_percent: Decimal, year_offset: int) -> Decimal:
    return (1 + rate_percent / 100) ** -year_offset if year_offset else Decimal(1)


def npv(flows: Sequence[Decimal], rate_percent: Decimal) -> Decimal:
    """Net present value of yearly net cash flows; the first year is year 0 and is not
    discounted (costs paid up front count in full)."""
    return sum(
        (flow * discount_factor(rate_percent, offset) for offset, flow in enumerate(flows)), ZERO
    )


def cumulative(flows: Sequence[Decimal]) -> list[Decimal]:
    total, running = ZERO, []
    for flow in flows:
        total += flow
        running.append(total)
    return running


def payback_offset(flows: Sequence[Decimal]) -> int | None:
    """The first year (0-based) from which the cumulative cash flow is zero or more and
    stays so for the rest of the horizon; None if that never happens."""
    running = cumulative(flows)
    answer = None
    for offset in range(len(running) - 1, -1, -1):
        if running[offset] < 0:
            break
        answer = offset
    return answer


def expected_value(minimum: Decimal, likely: Decimal, maximum: Decimal) -> Decimal:
    """The PERT mean of a three-point estimate: (min + 4 × most likely + max) / 6."""
    return (minimum + 4 * likely + maximum) / 6


@dataclass(frozen=True)
class Estimate:
    """One line of a business case in one year: positive is a benefit, negative a cost."""

    key: str
    offset: int
    minimum: Decimal
    likely: Decimal
    maximum: Decimal

    @property
    def expected(self) -> Decimal:
        return expected_value(self.minimum, self.likely, self.maximum)


def flows(estimates: Sequence[Estimate], years: int, pick: str = "expected") -> list[Decimal]:
    """Net flow per year with every estimate taken at ``pick`` (minimum, likely, maximum or
    expected)."""
    result = [ZERO] * years
    for estimate in estimates:
        if 0 <= estimate.offset < years:
            result[estimate.offset] += getattr(estimate, pick)
    return result


def worst_and_best(
    estimates: Sequence[Estimate], years: int
) -> tuple[list[Decimal], list[Decimal]]:
    """Flows with every benefit at its minimum and every cost at its maximum, and the
    reverse. For a cost (negative values) the worst is its minimum, the most negative."""
    worst, best = [ZERO] * years, [ZERO] * years
    for estimate in estimates:
        if not 0 <= estimate.offset < years:
            continue
        low, high = sorted((estimate.minimum, estimate.maximum))
        worst[estimate.offset] += low
        best[estimate.offset] += high
    return worst, best


def sensitivity(
    estimates: Sequence[Estimate], years: int, rate_percent: Decimal
) -> list[tuple[str, Decimal, Decimal]]:
    """For each line (by key): the NPV with that line alone at its worst and at its best,
    all others at their expected value. Sorted by the swing, widest first (a tornado)."""
    base = flows(estimates, years)
    by_key: dict[str, list[Estimate]] = {}
    for estimate in estimates:
        by_key.setdefault(estimate.key, []).append(estimate)
    rows = []
    for key, lines in by_key.items():
        low, high = list(base), list(base)
        for line in lines:
            if not 0 <= line.offset < years:
                continue
            worst, best = sorted((line.minimum, line.maximum))
            low[line.offset] += worst - line.expected
            high[line.offset] += best - line.expected
        rows.append((key, npv(low, rate_percent), npv(high, rate_percent)))
    return sorted(rows, key=lambda row: row[2] - row[1], reverse=True)
