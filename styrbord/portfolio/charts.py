"""The portfolio's charts and timeline as SVG, drawn on the server so that the page, print
and PDF show the same picture.

Each function takes plain numbers and rows and returns an SVG string, built from the
shared pieces in ``styrbord.core.svg``, which escape every piece of text; the caller marks
the result safe. Colours are presentation attributes with at least 4.5:1 contrast for text
and 3:1 for shapes, and every bar carries its number (and, where colour tells categories
apart, a pattern and a legend), so colour is never the only carrier. The pictures are
``role="img"`` with a title and a description; the pages put a table with the same numbers
next to them.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.dates import MONTHS_3
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from styrbord.core.svg import AXIS, MUTED, TEXT, clip, escape, number, svg, text
from styrbord.portfolio.filters import NO_REPORT
from styrbord.portfolio.models import Origin, Phase, Rag

TODAY = "#b51d09"
CHAR_WIDTH = 7.5  # a rough width of one character at 13 px, for laying out labels
MARGIN = 16
BAR_AREA = 480

# One colour and one pattern per origin, so the stacks can be told apart without colour.
ORIGIN_STYLES: dict[str, tuple[str, str]] = {
    Origin.NATIONAL: ("#00508f", "solid"),
    Origin.JOINT_MUNICIPAL: ("#6a3d9a", "stripes"),
    Origin.INTER_MUNICIPAL: ("#1f6e34", "dots"),
    Origin.CROSS_CUTTING: ("#7a4f00", "lines"),
    Origin.LOCAL: ("#454545", "cross"),
}
STATUS_STYLES: dict[str, tuple[str, str]] = {
    Rag.RED: ("#b51d09", "#b51d09"),
    Rag.YELLOW: ("#ffc61e", "#5c4400"),
    Rag.GREEN: ("#1f6e34", "#1f6e34"),
    NO_REPORT: ("#ffffff", "#545454"),
}
# Bar colours of the timeline's phases; white text on each has at least 4.5:1 contrast.
PHASE_COLOURS: dict[str, str] = {
    Phase.IDEA: "#545454",
    Phase.PROPOSAL: "#6a3d9a",
    Phase.APPROVED: "#00508f",
    Phase.ANALYSIS: "#005f66",
    Phase.EXECUTION: "#1f6e34",
    Phase.ON_HOLD: "#7a4f00",
}
ENDED_COLOUR = "#454545"


def _pattern(pattern_id: str, colour: str, kind: str) -> str:
    marks = {
        "solid": "",
        "stripes": '<path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke="#ffffff" stroke-width="1.5"/>',
        "dots": '<circle cx="4" cy="4" r="1.6" fill="#ffffff"/>',
        "lines": '<path d="M0 4h8" stroke="#ffffff" stroke-width="1.5"/>',
        "cross": '<path d="M0 0l8 8M8 0l-8 8" stroke="#ffffff" stroke-width="1"/>',
    }[kind]
    return (
        f'<pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{colour}"/>{marks}</pattern>'
    )


def _pill(x: float, y: float, count: int) -> str:
    """A number on a white pill, readable on any colour or pattern."""
    width = 8 + CHAR_WIDTH * len(str(count))
    return (
        f'<rect x="{number(x - width / 2)}" y="{number(y - 8)}" width="{number(width)}" '
        f'height="16" rx="3" fill="#ffffff"/>'
        + text(x, y, count, size=12, anchor="middle", bold=True)
    )


def _label_width(labels: Iterable[str], most: int) -> float:
    return CHAR_WIDTH * min(max((len(label) for label in labels), default=0), most) + 8


# --- projects by phase, stacked by origin -------------------------------------------------------

ROW = 30
BAR = 20


def phase_origin_rows(counts: dict[tuple[str, str], int]) -> list[tuple[str, list[int], int]]:
    """The chart's numbers as table rows: (phase, a count per origin, total), every phase
    in its life-cycle order."""
    rows = []
    for phase, label in Phase.choices:
        numbers = [counts.get((phase, origin), 0) for origin in Origin.values]
        rows.append((str(label), numbers, sum(numbers)))
    return rows


def phase_origin_chart(counts: dict[tuple[str, str], int], chart_id: str = "chart-phase") -> str:
    """A bar per phase, stacked by origin; ``counts`` maps (phase, origin) to a number.
    Empty when there are no projects."""
    total = sum(counts.values())
    if not total:
        return ""
    rows = phase_origin_rows(counts)
    left = MARGIN + _label_width((label for label, _c, _t in rows), 30)
    scale = BAR_AREA / max(row_total for _l, _c, row_total in rows)
    defs = "".join(
        _pattern(f"{chart_id}-{origin}", colour, kind)
        for origin, (colour, kind) in ORIGIN_STYLES.items()
    )
    parts = [f"<defs>{defs}</defs>"]
    y = float(MARGIN)
    for label, numbers, row_total in rows:
        middle = y + ROW / 2
        parts.append(text(left - 8, middle, label, anchor="end"))
        x = left
        for origin, count in zip(Origin.values, numbers, strict=True):
            if not count:
                continue
            width = count * scale
            parts.append(
                f'<rect x="{number(x)}" y="{number(middle - BAR / 2)}" width="{number(width)}" '
                f'height="{BAR}" fill="url(#{chart_id}-{origin})" stroke="#ffffff"/>'
            )
            if width >= 14 + CHAR_WIDTH * (len(str(count)) + 1):
                parts.append(_pill(x + width / 2, middle, count))
            x += width
        parts.append(text(x + 6, middle, row_total, bold=True, css="chart-count"))
        y += ROW
    parts.append(
        f'<line x1="{number(left)}" y1="{MARGIN}" x2="{number(left)}" y2="{number(y)}" '
        f'stroke="{AXIS}"/>'
    )
    width = left + BAR_AREA + 48
    legend, height = _legend(
        [
            (f"url(#{chart_id}-{origin})", ORIGIN_STYLES[origin][0], str(label))
            for origin, label in Origin.choices
        ],
        y + 12,
        width,
    )
    title = _("Projects by phase and origin")
    desc = _(
        "%(count)d projects. One bar per phase, split by origin; each origin has its own "
        "colour and pattern, explained below the bars. The number at the end of a bar is "
        "the phase's total; the table next to the chart has every number."
    ) % {"count": total}
    return svg(chart_id, width, height + MARGIN, title, desc, "".join(parts) + legend)


def _legend(entries: Sequence[tuple[str, str, str]], top: float, width: float) -> tuple[str, float]:
    """Swatches with labels, wrapped to ``width``; returns the legend and its bottom."""
    parts = []
    x, y = float(MARGIN), top + 10
    for fill, stroke, label in entries:
        item = 22 + CHAR_WIDTH * len(label) + 16
        if x + item > width - MARGIN and x > MARGIN:
            x, y = float(MARGIN), y + 24
        parts.append(
            f'<rect x="{number(x)}" y="{number(y - 7)}" width="14" height="14" fill="{fill}" '
            f'stroke="{stroke}"/>' + text(x + 20, y, label)
        )
        x += item
    return f'<g class="chart-legend">{"".join(parts)}</g>', y + 12


# --- status distribution ------------------------------------------------------------------------


def status_rows(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    """(value, label, number of projects) for each status, worst first, then "no report
    yet"; ``counts`` maps red/yellow/green and ``""`` (no report) to a number."""
    return [
        (Rag.RED, str(Rag.RED.label), counts.get(Rag.RED, 0)),
        (Rag.YELLOW, str(Rag.YELLOW.label), counts.get(Rag.YELLOW, 0)),
        (Rag.GREEN, str(Rag.GREEN.label), counts.get(Rag.GREEN, 0)),
        (NO_REPORT, _("No report yet"), counts.get("", 0)),
    ]


def status_chart(counts: dict[str, int], chart_id: str = "chart-status") -> str:
    """A bar per overall status (see ``status_rows``). Empty when there are no projects."""
    rows = status_rows(counts)
    total = sum(count for _v, _l, count in rows)
    if not total:
        return ""
    left = MARGIN + _label_width((label for _v, label, _c in rows), 30)
    scale = BAR_AREA / max(count for _v, _l, count in rows)
    parts = []
    y = float(MARGIN)
    for value, label, count in rows:
        middle = y + ROW / 2
        fill, stroke = STATUS_STYLES[value]
        parts.append(text(left - 8, middle, label, anchor="end"))
        width = count * scale
        if count:
            parts.append(
                f'<rect class="chart-status-{value}" x="{number(left)}" '
                f'y="{number(middle - BAR / 2)}" width="{number(width)}" height="{BAR}" '
                f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
            )
        parts.append(text(left + width + 6, middle, count, bold=True, css="chart-count"))
        y += ROW
    parts.append(
        f'<line x1="{number(left)}" y1="{MARGIN}" x2="{number(left)}" y2="{number(y)}" '
        f'stroke="{AXIS}"/>'
    )
    title = _("Status of the projects")
    desc = _(
        "%(count)d projects by the overall status of their latest status report: one bar "
        "per status, labelled with the status and the number of projects."
    ) % {"count": total}
    return svg(chart_id, left + BAR_AREA + 48, y + MARGIN, title, desc, "".join(parts))


# --- strategic coverage -------------------------------------------------------------------------


def coverage_chart(areas: Sequence[tuple[str, int]], chart_id: str = "chart-coverage") -> str:
    """A bar per focus area with projects; ``areas`` holds (name, number of projects).
    Focus areas without projects are left to the page's text. Empty when none has any."""
    shown = [(name, count) for name, count in areas if count]
    if not shown:
        return ""
    left = MARGIN + _label_width((name for name, _c in shown), 40)
    scale = BAR_AREA / max(count for _name, count in shown)
    parts = []
    y = float(MARGIN)
    for name, count in shown:
        middle = y + ROW / 2
        parts.append(text(left - 8, middle, clip(name, 40), anchor="end", title=name))
        width = count * scale
        parts.append(
            f'<rect x="{number(left)}" y="{number(middle - BAR / 2)}" width="{number(width)}" '
            f'height="{BAR}" fill="#00508f"/>'
        )
        parts.append(text(left + width + 6, middle, count, bold=True, css="chart-count"))
        y += ROW
    parts.append(
        f'<line x1="{number(left)}" y1="{MARGIN}" x2="{number(left)}" y2="{number(y)}" '
        f'stroke="{AXIS}"/>'
    )
    title = _("Projects per focus area")
    desc = _(
        "%(count)d focus areas with projects: one bar per focus area, labelled with the "
        "number of projects aligned to it. A project may be aligned to several."
    ) % {"count": len(shown)}
    return svg(chart_id, left + BAR_AREA + 48, y + MARGIN, title, desc, "".join(parts))


# --- the timeline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineMilestone:
    title: str
    due_on: datetime.date
    reached_on: datetime.date | None


@dataclass(frozen=True)
class TimelineRow:
    name: str
    phase: str
    phase_label: str
    start: datetime.date
    end: datetime.date
    milestones: Sequence[TimelineMilestone]


NAME_COLUMN = 240
TIME_AREA = 660
TIMELINE_ROW = 32
AXIS_HEIGHT = 48


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _ticks(first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, str, str]]:
    """Month starts between ``first`` and ``last`` as (day, month label, year label): every
    month over a short span, every quarter over a few years, every year or every fifth year
    beyond that. The year is named at the first tick and at each new year."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 1 if months <= 18 else 3 if months <= 48 else 12 if months <= 180 else 60
    ticks: list[tuple[datetime.date, str, str]] = []
    day = first
    while day <= last:
        if step >= 12:
            if day.month == 1 and day.year % (step // 12) == 0:
                ticks.append((day, "", str(day.year)))
        elif (day.month - 1) % step == 0:
            year = str(day.year) if day.month == 1 or not ticks else ""
            ticks.append((day, str(MONTHS_3[day.month]), year))
        day = _next_month(day)
    return ticks


def timeline_svg(
    rows: Sequence[TimelineRow], today: datetime.date, chart_id: str = "timeline"
) -> str:
    """A Gantt chart: one bar per project from start to end, coloured by its phase and
    labelled with the phase, milestones as diamonds (filled when reached), month or year
    ticks and a line for today. Empty without rows."""
    if not rows:
        return ""
    first = _month_start(min(row.start for row in rows))
    last = _next_month(max(row.end for row in rows))
    span = (last - first).days

    def x_of(day: datetime.date) -> float:
        clamped = min(max(day, first), last)
        return NAME_COLUMN + TIME_AREA * (clamped - first).days / span

    height = AXIS_HEIGHT + TIMELINE_ROW * len(rows)
    # Every other row shaded, under the month lines.
    grid = [
        f'<rect x="0" y="{number(AXIS_HEIGHT + index * TIMELINE_ROW)}" '
        f'width="{NAME_COLUMN + TIME_AREA + MARGIN}" height="{TIMELINE_ROW}" fill="#f5f5f5"/>'
        for index in range(1, len(rows), 2)
    ]
    for day, month, year in _ticks(first, last):
        x = x_of(day)
        grid.append(
            f'<line x1="{number(x)}" y1="{6 if year else AXIS_HEIGHT - 20}" x2="{number(x)}" '
            f'y2="{number(height)}" stroke="#d9d9d9"/>'
        )
        room = NAME_COLUMN + TIME_AREA - x
        if year and CHAR_WIDTH * len(year) < room:
            grid.append(text(x + 4, 12, year, size=12, bold=True))
        if month and CHAR_WIDTH * len(month) < room:
            grid.append(text(x + 4, AXIS_HEIGHT - 12, month, size=12, fill=MUTED))
    grid.append(
        f'<line x1="{NAME_COLUMN}" y1="{AXIS_HEIGHT}" x2="{NAME_COLUMN + TIME_AREA}" '
        f'y2="{AXIS_HEIGHT}" stroke="{AXIS}"/>'
    )

    bars = []
    for index, row in enumerate(rows):
        top = AXIS_HEIGHT + index * TIMELINE_ROW
        middle = top + TIMELINE_ROW / 2
        bars.append(text(8, middle, clip(row.name, 29), title=row.name))
        end = x_of(row.end + datetime.timedelta(days=1))
        bars.append(_timeline_bar(row, x_of(row.start), end, middle))
        for milestone in row.milestones:
            bars.append(_milestone(milestone, x_of(milestone.due_on), middle))

    if first <= today < last:
        x = x_of(today)
        today_label = _("Today, %(date)s") % {"date": date_format(today, "DATE_FORMAT")}
        bars.append(
            f'<g class="timeline-today"><title>{escape(today_label)}</title>'
            f'<line x1="{number(x)}" y1="{AXIS_HEIGHT - 4}" x2="{number(x)}" y2="{number(height)}" '
            f'stroke="{TODAY}" stroke-width="2" stroke-dasharray="5 3"/></g>'
        )

    width = NAME_COLUMN + TIME_AREA + MARGIN
    legend, bottom = _timeline_legend(height + 8)
    title = _("Timeline of the projects")
    desc = _(
        "%(count)d projects, one per row, with a bar from start to end date labelled with "
        "the current phase. Diamonds are milestones, filled when reached; a dashed red line "
        "marks today. The table below the chart has the same dates."
    ) % {"count": len(rows)}
    body = f'<g aria-hidden="true">{"".join(grid)}</g>{"".join(bars)}{legend}'
    return svg(chart_id, width, bottom + MARGIN, title, desc, body)


def _timeline_bar(row: TimelineRow, x0: float, x1: float, middle: float) -> str:
    width = max(x1 - x0, 2.0)
    colour = PHASE_COLOURS.get(row.phase, ENDED_COLOUR)
    label = row.phase_label
    label_width = CHAR_WIDTH * len(label) + 10
    bar = (
        f'<rect x="{number(x0)}" y="{number(middle - 10)}" width="{number(width)}" height="20" '
        f'rx="3" fill="{colour}"/>'
    )
    if width >= label_width:
        label_text = text(x0 + 5, middle, label, size=12, fill="#ffffff", bold=True)
    elif x0 + width + label_width <= NAME_COLUMN + TIME_AREA:
        label_text = text(x0 + width + 5, middle, label, size=12, fill=TEXT)
    else:
        label_text = text(x0 - 5, middle, label, size=12, fill=TEXT, anchor="end")
    return bar + label_text


def _milestone(milestone: TimelineMilestone, x: float, middle: float) -> str:
    size = 6
    if milestone.reached_on:
        tip = _("Milestone: %(title)s, %(date)s, reached %(reached)s") % {
            "title": milestone.title,
            "date": date_format(milestone.due_on, "SHORT_DATE_FORMAT"),
            "reached": date_format(milestone.reached_on, "SHORT_DATE_FORMAT"),
        }
        fill = TEXT
    else:
        tip = _("Milestone: %(title)s, %(date)s") % {
            "title": milestone.title,
            "date": date_format(milestone.due_on, "SHORT_DATE_FORMAT"),
        }
        fill = "#ffffff"
    return (
        f'<path class="timeline-milestone" d="M{number(x)} {number(middle - size - 3)}'
        f'l{size + 3} {size + 3}l-{size + 3} {size + 3}l-{size + 3} -{size + 3}Z" '
        f'fill="{fill}" stroke="{TEXT}" stroke-width="1.5"><title>{escape(tip)}</title></path>'
    )


def _timeline_legend(top: float) -> tuple[str, float]:
    y = top + 12
    parts = []
    x = float(MARGIN)
    for fill, label in (("#ffffff", _("Milestone")), (TEXT, _("Milestone reached"))):
        parts.append(
            f'<path d="M{number(x)} {number(y - 8)}l8 8l-8 8l-8 -8Z" fill="{fill}" stroke="{TEXT}" '
            f'stroke-width="1.5"/>' + text(x + 14, y, label)
        )
        x += 40 + CHAR_WIDTH * len(label)
    parts.append(
        f'<line x1="{number(x - 8)}" y1="{number(y)}" x2="{number(x + 8)}" y2="{number(y)}" '
        f'stroke="{TODAY}" stroke-width="2" stroke-dasharray="5 3"/>' + text(x + 14, y, _("Today"))
    )
    return f'<g class="chart-legend">{"".join(parts)}</g>', y + 12
