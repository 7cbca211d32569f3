"""The report's chart: planned, realised and harvested money per project or org unit.

Grouped horizontal bars drawn on the server (``styrbord.core.svg``). The three series
differ by pattern as well as colour (solid, hatched, dotted), each bar carries its amount
as text, and the page puts a table with the same numbers next to the chart.
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from styrbord.core.svg import AXIS, BLUE, CHAR_WIDTH, MUTED, clip, escape, number, svg, text

LABEL_CHARS = 32
PLOT = 420  # width of the longest bar
VALUE_ROOM = 120  # right of the bars, for the amounts
BAR = 14
BAR_GAP = 3
GROUP_GAP = 18
TOP = 44  # room for the legend
RIGHT = 12
GREEN = "#2e7d32"
ORANGE = "#b35900"


class Figures(Protocol):
    label: str
    planned: Decimal
    realised: Decimal
    harvested: Decimal


def _series() -> list[tuple[str, str, str]]:
    """(attribute, name, fill) of the three bars in each group, in drawing order."""
    return [
        ("planned", _("Planned"), BLUE),
        ("realised", _("Realised (estimated)"), "url(#{id}-hatch)"),
        ("harvested", _("Harvested"), "url(#{id}-dots)"),
    ]


def _patterns(chart_id: str) -> str:
    cid = escape(chart_id)
    return (
        "<defs>"
        f'<pattern id="{cid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{GREEN}" stroke-width="3"/></pattern>'
        f'<pattern id="{cid}-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
        f'<rect width="5" height="5" fill="#ffffff"/>'
        f'<circle cx="2.5" cy="2.5" r="1.6" fill="{ORANGE}"/></pattern>'
        "</defs>"
    )


def _stroke(attribute: str) -> str:
    return {"planned": BLUE, "realised": GREEN, "harvested": ORANGE}[attribute]


def _amount(value: Decimal) -> str:
    return _("%(amount)s kr.") % {"amount": number_format(value, 0, force_grouping=True)}


def _legend(chart_id: str, left: float) -> str:
    parts, x = [], left
    for attribute, name, fill in _series():
        parts.append(
            f'<rect x="{number(x)}" y="12" width="16" height="16" '
            f'fill="{fill.format(id=escape(chart_id))}" stroke="{_stroke(attribute)}"/>'
        )
        parts.append(text(x + 22, 20, name, size=12))
        x += 22 + len(name) * CHAR_WIDTH + 24
    return f'<g class="chart-legend">{"".join(parts)}</g>'


def planned_vs_harvested_chart(rows: Sequence[Figures], chart_id: str) -> str:
    """A group of three bars per row (a project or an org unit): money planned for the
    year, realised as estimated from the measurements, and harvested into the budget.
    Empty when there are no rows."""
    if not rows:
        return ""
    labels = [clip(row.label, LABEL_CHARS) for row in rows]
    left = 16 + max(len(label) for label in labels) * CHAR_WIDTH
    largest = max(max(row.planned, row.realised, row.harvested) for row in rows) or Decimal(1)
    group_height = 3 * BAR + 2 * BAR_GAP
    parts = []
    for index, (row, label) in enumerate(zip(rows, labels, strict=True)):
        top = TOP + index * (group_height + GROUP_GAP)
        parts.append(text(left - 8, top + group_height / 2, label, anchor="end", bold=True))
        for offset, (attribute, name, fill) in enumerate(_series()):
            value: Decimal = getattr(row, attribute)
            y = top + offset * (BAR + BAR_GAP)
            width = max(0.0, float(value / largest) * PLOT) if value > 0 else 0.0
            tip = _("%(label)s, %(series)s: %(amount)s") % {
                "label": row.label,
                "series": name,
                "amount": _amount(value),
            }
            parts.append(
                f'<rect x="{number(left)}" y="{number(y)}" width="{number(width)}" '
                f'height="{BAR}" fill="{fill.format(id=escape(chart_id))}" '
                f'stroke="{_stroke(attribute)}"><title>{escape(tip)}</title></rect>'
            )
            parts.append(text(left + width + 6, y + BAR / 2, _amount(value), size=11, fill=MUTED))
    height = TOP + len(rows) * (group_height + GROUP_GAP)
    axis = (
        f'<line x1="{number(left)}" y1="{TOP - 6}" x2="{number(left)}" '
        f'y2="{number(height - GROUP_GAP + 6)}" stroke="{AXIS}" aria-hidden="true"/>'
    )
    title = _("Planned, realised and harvested money")
    desc = _(
        "Three bars for each of %(count)d rows: the money planned for the year (solid), "
        "realised as estimated from the latest measurements (hatched) and harvested into "
        "the budget (dotted). Each bar is labelled with its amount; the largest is "
        "%(largest)s. The table next to the chart has the same numbers."
    ) % {"count": len(rows), "largest": _amount(largest)}
    body = _patterns(chart_id) + _legend(chart_id, left) + axis + "".join(parts)
    return svg(chart_id, left + PLOT + VALUE_ROOM + RIGHT, height, title, desc, body)
