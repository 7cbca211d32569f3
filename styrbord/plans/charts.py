"""The prioritisation's matrix and its value-versus-effort chart.

The chart is SVG drawn on the server, so that the page, print and PDF show the same
picture, from the shared pieces in ``styrbord.core.svg``: every piece of text is escaped
there and the caller marks the result safe; the picture is ``role="img"`` with a title
and a description, every bubble carries its rank as text and the page puts a table with
the same numbers next to it, so colour is never the only carrier.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from styrbord.core.svg import AXIS, BLUE, GRID, HALO, MUTED, escape, number, svg, text
from styrbord.plans.models import Criterion
from styrbord.plans.queries import RankedItem
from styrbord.plans.scoring import Term

LEFT = 72  # room for the value axis' numbers and title
TOP = 16
PLOT = 480  # the plot is square: effort across, value up
BOTTOM = 64  # room for the effort axis' numbers and title
RIGHT = 16
LOW, HIGH = Decimal("0.5"), Decimal("5.5")  # the axes run past 1 and 5 so bubbles fit
MIDDLE = 3  # the quadrants meet at the middle score
R_MAX = 40.0
R_MIN = 7.0  # the smallest bubble, also for an item that asks for no money


def percent(share: Decimal) -> Decimal:
    """A share 0–1 as a percentage with one decimal, for tables."""
    return (share * 100).quantize(Decimal("0.1"))


# --- the matrix -----------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixRow:
    ranked: RankedItem
    cells: tuple[Term | None, ...]  # one per criterion, in the criteria's order
    outscores: int  # items ranked above this one with a lower weighted score


def matrix(criteria: Sequence[Criterion], rows: Sequence[RankedItem]) -> list[MatrixRow]:
    """The ranked items with a cell per criterion, and how many items ranked above each
    one it outscores: the score informs the ranking, it does not decide it, and this is
    where the two disagree."""
    result = []
    above: list[Decimal] = []
    for row in sorted(rows, key=lambda r: (r.item.rank, r.item.pk)):
        terms = {term.criterion.pk: term for term in row.score.terms}
        value = row.score.value
        outscores = 0 if value is None else sum(1 for other in above if other < value)
        result.append(
            MatrixRow(
                ranked=row,
                cells=tuple(terms.get(criterion.pk) for criterion in criteria),
                outscores=outscores,
            )
        )
        if value is not None:
            above.append(value)
    return result


# --- value versus effort --------------------------------------------------------------


@dataclass(frozen=True)
class Bubble:
    rank: int
    title: str
    value: Decimal
    effort: Decimal
    amount: Decimal


def bubbles(rows: Sequence[RankedItem]) -> tuple[list[Bubble], list[RankedItem]]:
    """The items the chart can place, and those it leaves out because they have no score
    on any value criterion or on any cost criterion."""
    placed, left_out = [], []
    for row in rows:
        score = row.score
        if score.value_score is None or score.effort_score is None:
            left_out.append(row)
            continue
        placed.append(
            Bubble(
                rank=row.item.rank,
                title=row.item.shown_title,
                value=score.value_score,
                effort=score.effort_score,
                amount=row.item.requested_amount or Decimal(0),
            )
        )
    return placed, left_out


def _x(effort: Decimal) -> float:
    return LEFT + float((effort - LOW) / (HIGH - LOW)) * PLOT


def _y(value: Decimal) -> float:
    return TOP + PLOT - float((value - LOW) / (HIGH - LOW)) * PLOT


def radius(amount: Decimal, largest: Decimal) -> float:
    """The area, not the radius, grows with the amount, so that twice the money looks
    twice as big; the smallest bubble stays visible."""
    if largest <= 0 or amount <= 0:
        return R_MIN
    return max(R_MIN, R_MAX * math.sqrt(float(amount / largest)))


def _amount(amount: Decimal) -> str:
    return number_format(amount, 0, force_grouping=True)


def _grid() -> str:
    parts = []
    for tick in range(1, 6):
        x, y = _x(Decimal(tick)), _y(Decimal(tick))
        parts.append(
            f'<line x1="{number(x)}" y1="{TOP}" x2="{number(x)}" y2="{TOP + PLOT}" '
            f'stroke="{GRID}"/>'
            f'<line x1="{LEFT}" y1="{number(y)}" x2="{LEFT + PLOT}" y2="{number(y)}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(text(x, TOP + PLOT + 14, tick, size=12, anchor="middle", fill=MUTED))
        parts.append(text(LEFT - 10, y, tick, size=12, anchor="end", fill=MUTED))
    middle_x, middle_y = _x(Decimal(MIDDLE)), _y(Decimal(MIDDLE))
    parts.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{PLOT}" height="{PLOT}" fill="none" '
        f'stroke="{AXIS}"/>'
        f'<line x1="{number(middle_x)}" y1="{TOP}" x2="{number(middle_x)}" y2="{TOP + PLOT}" '
        f'stroke="{AXIS}" stroke-dasharray="6 4"/>'
        f'<line x1="{LEFT}" y1="{number(middle_y)}" x2="{LEFT + PLOT}" y2="{number(middle_y)}" '
        f'stroke="{AXIS}" stroke-dasharray="6 4"/>'
    )
    return f'<g aria-hidden="true">{"".join(parts)}</g>'


def _axis_titles() -> str:
    effort = _("Effort: the cost criteria, 1 (little) to 5 (much)")
    value = _("Value: the value criteria, 1 (little) to 5 (much)")
    middle = TOP + PLOT / 2
    return text(LEFT + PLOT / 2, TOP + PLOT + 40, effort, anchor="middle", bold=True) + (
        f'<g transform="translate(20 {number(middle)}) rotate(-90)">'
        + text(0, 0, value, anchor="middle", bold=True)
        + "</g>"
    )


def quadrant_labels() -> list[tuple[str, str]]:
    """(name, meaning) of the quadrants: top left, top right, bottom left, bottom right."""
    return [
        (_("Quick wins"), _("high value, low effort")),
        (_("Major projects"), _("high value, high effort")),
        (_("Fill-ins"), _("low value, low effort")),
        (_("Thankless tasks"), _("low value, high effort")),
    ]


def _quadrants() -> str:
    parts = []
    corners = [
        (LEFT + 8, TOP + 14, "start"),
        (LEFT + PLOT - 8, TOP + 14, "end"),
        (LEFT + 8, TOP + PLOT - 32, "start"),
        (LEFT + PLOT - 8, TOP + PLOT - 32, "end"),
    ]
    for (name, meaning), (x, y, anchor) in zip(quadrant_labels(), corners, strict=True):
        parts.append(text(x, y, name, anchor=anchor, bold=True, extra=HALO))
        parts.append(text(x, y + 17, meaning, size=12, anchor=anchor, fill=MUTED, extra=HALO))
    return f'<g class="chart-quadrants">{"".join(parts)}</g>'


def _bubble(bubble: Bubble, r: float) -> str:
    tip = _("%(rank)s. %(title)s: value %(value)s, effort %(effort)s, requested %(amount)s kr.") % {
        "rank": bubble.rank,
        "title": bubble.title,
        "value": number_format(bubble.value, 2),
        "effort": number_format(bubble.effort, 2),
        "amount": _amount(bubble.amount),
    }
    return (
        f'<circle class="chart-bubble" cx="{number(_x(bubble.effort))}" '
        f'cy="{number(_y(bubble.value))}" r="{number(r)}" fill="{BLUE}" fill-opacity="0.3" '
        f'stroke="{BLUE}" stroke-width="1.5"><title>{escape(tip)}</title></circle>'
    )


def value_effort_chart(placed: Sequence[Bubble], chart_id: str = "chart-value-effort") -> str:
    """A bubble per item at (effort, value), its area the amount requested from the
    budget, labelled with the item's rank. Items at the same spot share one label. Empty
    when no item can be placed."""
    if not placed:
        return ""
    largest = max(bubble.amount for bubble in placed)
    # The biggest first, so that a small bubble is never hidden under a big one.
    ordered = sorted(placed, key=lambda b: (-b.amount, b.rank))
    circles = [_bubble(bubble, radius(bubble.amount, largest)) for bubble in ordered]
    spots: dict[tuple[Decimal, Decimal], list[int]] = {}
    for bubble in placed:
        spots.setdefault((bubble.effort, bubble.value), []).append(bubble.rank)
    labels = [
        text(
            _x(effort),
            _y(value),
            ", ".join(str(rank) for rank in sorted(ranks)),
            anchor="middle",
            bold=True,
            extra=HALO,
        )
        for (effort, value), ranks in spots.items()
    ]
    body = (
        _grid()
        + _quadrants()
        + f'<g class="chart-bubbles">{"".join(circles)}</g>'
        + f'<g class="chart-ranks" aria-hidden="true">{"".join(labels)}</g>'
        + _axis_titles()
    )
    title = _("Value versus effort")
    desc = _(
        "%(count)d items placed by effort (across, from the cost criteria) and value (up, "
        "from the value criteria), both 1 to 5. Each bubble is labelled with the item's "
        "rank, and its area shows the amount requested from the budget; the largest asks "
        "for %(largest)s kr. The dashed lines split the chart into quick wins (high value, "
        "low effort, top left), major projects (top right), fill-ins (bottom left) and "
        "thankless tasks (bottom right). The table below the chart has the same numbers."
    ) % {"count": len(placed), "largest": _amount(largest)}
    return svg(chart_id, LEFT + PLOT + RIGHT, TOP + PLOT + BOTTOM, title, desc, body)
