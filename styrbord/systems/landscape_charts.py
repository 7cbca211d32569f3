"""The landscape charts: the TIME quadrant and the lifecycle timeline, as server SVG.

The quadrant puts technical fit across and functional fit up, 1–4 each; the four
quadrants are named in words (``disposition``), and each usage is a dot whose ``<title>``
is its name. Several usages in one cell are spread on a small grid in a fixed order, so the
picture is the same on every render. The timeline draws one bar per usage from its start
to its end (open-ended bars run to the edge and say so), labelled with the lifecycle in
words, and marks today. The pages put the same facts in a table.
"""

import datetime
import math
from collections import defaultdict
from collections.abc import Sequence

from django.utils import dateformat
from django.utils.translation import gettext as _

from styrbord.core import svg
from styrbord.systems.disposition import HIGH, HIGHEST, LOWEST, Disposition
from styrbord.systems.models import Lifecycle, SystemUsage

# The quadrant.
CELL = 110
LEFT = 72
TOP = 24
AXIS_ROOM = 56
DOT = 5
QUADRANT_FILL = {
    Disposition.INVEST: "#e6f0e0",
    Disposition.MIGRATE: "#fdf0d5",
    Disposition.TOLERATE: "#e5eef7",
    Disposition.ELIMINATE: "#f7e3e0",
}

# The timeline.
WIDTH = 760
LABEL_WIDTH = 200
BAR_HEIGHT = 18
ROW = 28
LIFECYCLE_COLOUR = {
    Lifecycle.UNDECIDED: "#757575",
    Lifecycle.NOT_IN_USE: "#757575",
    Lifecycle.PHASING_IN: "#00508f",
    Lifecycle.PILOT: "#5a3d99",
    Lifecycle.OPERATIONAL: "#006b3a",
    Lifecycle.PHASING_OUT: "#a35200",
    Lifecycle.RETIRED: "#545454",
}


def _cell_offsets(count: int) -> list[tuple[float, float]]:
    """``count`` positions spread over a cell, on a grid as square as possible."""
    if count == 1:
        return [(0.0, 0.0)]
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    step = min((CELL - 2 * DOT - 8) / columns, (CELL - 2 * DOT - 8) / rows)
    return [
        ((i % columns - (columns - 1) / 2) * step, (i // columns - (rows - 1) / 2) * step)
        for i in range(count)
    ]


def time_quadrant(usages: Sequence[SystemUsage], chart_id: str = "chart-time") -> str:
    """The quadrant as SVG text, escaped here; the caller marks it safe. Usages without
    both fits are left out (the page says how many)."""
    cells: dict[tuple[int, int], list[SystemUsage]] = defaultdict(list)
    for usage in usages:
        if usage.functional_fit is not None and usage.technical_fit is not None:
            cells[(usage.technical_fit, usage.functional_fit)].append(usage)
    size = CELL * (HIGHEST - LOWEST + 1)
    width, height = LEFT + size + 24, TOP + size + AXIS_ROOM

    def x(technical: float) -> float:
        return LEFT + (technical - LOWEST) * CELL

    def y(functional: float) -> float:
        return TOP + (HIGHEST - functional) * CELL

    middle_x, middle_y = x(HIGH), y(HIGH - 1)
    parts = []
    quadrants = (
        (Disposition.MIGRATE, LEFT, TOP),
        (Disposition.INVEST, middle_x, TOP),
        (Disposition.ELIMINATE, LEFT, middle_y),
        (Disposition.TOLERATE, middle_x, middle_y),
    )
    for disposition, qx, qy in quadrants:
        parts.append(
            f'<rect x="{svg.number(qx)}" y="{svg.number(qy)}" width="{size / 2:g}" '
            f'height="{size / 2:g}" fill="{QUADRANT_FILL[disposition]}" stroke="{svg.AXIS}"/>'
        )
        parts.append(
            svg.text(qx + 8, qy + 14, disposition.label, bold=True, size=14, extra=svg.HALO)
        )
    for score in range(LOWEST, HIGHEST + 1):
        centre_x, centre_y = x(score) + CELL / 2, y(score) + CELL / 2
        parts.append(svg.text(centre_x, TOP + size + 14, score, anchor="middle", fill=svg.MUTED))
        parts.append(svg.text(LEFT - 10, centre_y, score, anchor="end", fill=svg.MUTED))
    parts.append(
        svg.text(
            LEFT + size / 2,
            TOP + size + 38,
            _("Technical fit (1 poor – 4 excellent)"),
            anchor="middle",
        )
    )
    parts.append(
        svg.text(
            16,
            TOP + size / 2,
            _("Functional fit"),
            anchor="middle",
            extra=f'transform="rotate(-90 16 {svg.number(TOP + size / 2)})"',
        )
    )
    for (technical, functional), members in sorted(cells.items()):
        members = sorted(members, key=lambda usage: (str(usage), usage.pk))
        centre_x, centre_y = x(technical) + CELL / 2, y(functional) + CELL / 2
        for usage, (dx, dy) in zip(members, _cell_offsets(len(members)), strict=True):
            parts.append(
                f'<circle cx="{svg.number(centre_x + dx)}" cy="{svg.number(centre_y + dy)}" '
                f'r="{DOT}" fill="{svg.TEXT}" stroke="#ffffff" stroke-width="1">'
                f"<title>{svg.escape(usage)}</title></circle>"
            )
    placed = sum(len(members) for members in cells.values())
    title = _("TIME quadrant of the system usages")
    desc = _(
        "Technical fit across, functional fit up, 1 to 4. Top right Invest, top left "
        "Migrate, bottom right Tolerate, bottom left Eliminate. %(count)s usages are "
        "placed; the table below the chart lists them."
    ) % {"count": placed}
    return svg.svg(chart_id, width, height, title, desc, "".join(parts))


def _day_ticks(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    years = range(first.year + 1, last.year + 1)
    step = max(1, math.ceil(len(years) / 8))
    return [datetime.date(year, 1, 1) for year in years if (year - first.year - 1) % step == 0]


def lifecycle_timeline(
    usages: Sequence[SystemUsage], today: datetime.date, chart_id: str = "chart-lifecycle"
) -> str:
    """One bar per usage with a start date. The caller passes one page of usages."""
    dated = [usage for usage in usages if usage.valid_from is not None]
    title = _("Lifecycle timeline of the system usages")
    if not dated:
        body = svg.text(WIDTH / 2, 40, _("No usage has a start date yet."), anchor="middle")
        return svg.svg(chart_id, WIDTH, 80, title, _("Nothing to draw."), body)
    ends = [usage.valid_to for usage in dated if usage.valid_to is not None]
    first = min(usage.valid_from for usage in dated)
    first = datetime.date(first.year, 1, 1)
    last = max([*ends, today])
    last = datetime.date(last.year + 1, 1, 1)
    plot_left, plot_right = LABEL_WIDTH + 8, WIDTH - 16
    span = (last - first).days

    def x(day: datetime.date) -> float:
        return plot_left + (plot_right - plot_left) * (day - first).days / span

    height = TOP + ROW * len(dated) + 40
    bottom = TOP + ROW * len(dated)
    parts = []
    for tick in _day_ticks(first, last):
        parts.append(
            f'<line x1="{svg.number(x(tick))}" x2="{svg.number(x(tick))}" y1="{TOP}" '
            f'y2="{bottom}" stroke="{svg.GRID}" stroke-width="1"/>'
        )
        parts.append(
            svg.text(x(tick), bottom + 14, tick.year, size=12, anchor="middle", fill=svg.MUTED)
        )
    for index, usage in enumerate(dated):
        top = TOP + index * ROW + (ROW - BAR_HEIGHT) / 2
        name = str(usage)
        parts.append(
            svg.text(
                LABEL_WIDTH, top + BAR_HEIGHT / 2, svg.clip(name, 28), anchor="end", title=name
            )
        )
        start = x(usage.valid_from)
        end = x(usage.valid_to) if usage.valid_to else plot_right
        lifecycle = Lifecycle(usage.lifecycle)
        label = str(lifecycle.label)
        if usage.valid_to is None:
            label = _("%(lifecycle)s, no end date") % {"lifecycle": label}
        parts.append(
            f'<rect x="{svg.number(start)}" y="{svg.number(top)}" '
            f'width="{svg.number(max(end - start, 2))}" height="{BAR_HEIGHT}" '
            f'fill="{LIFECYCLE_COLOUR[lifecycle]}"><title>{svg.escape(name)}: '
            f"{svg.escape(label)}</title></rect>"
        )
        parts.append(
            svg.text(
                start + 4,
                top + BAR_HEIGHT / 2,
                label,
                size=12,
                fill="#ffffff",
                extra=f'stroke="{LIFECYCLE_COLOUR[lifecycle]}" stroke-width="3" '
                'paint-order="stroke"',
            )
        )
    today_x = svg.number(x(today))
    parts.append(
        f'<line x1="{today_x}" x2="{today_x}" y1="{TOP - 8}" y2="{bottom}" '
        f'stroke="{svg.TEXT}" stroke-width="2" stroke-dasharray="4 3"/>'
    )
    parts.append(
        svg.text(
            x(today),
            TOP - 14,
            _("Today, %(date)s") % {"date": dateformat.format(today, "j M Y")},
            size=12,
            anchor="middle",
            extra=svg.HALO,
        )
    )
    desc = _(
        "One bar per usage from its start to its end date, labelled with its lifecycle; a "
        "dashed line marks today. The table below the chart lists the same dates."
    )
    return svg.svg(chart_id, WIDTH, height, title, desc, "".join(parts))
