"""The business case's two charts: the cash flow over the horizon and the sensitivity
tornado.

Drawn on the server with ``styrbord.core.svg`` so that page, print and PDF show the same
picture. Every text is escaped there; the caller marks the SVG safe. Colour never carries
meaning alone: a year's bar lies below the zero line when costs exceed benefits, the
cumulative is a line with markers, a tornado bar's ends are labelled with their amounts,
and the page puts the same numbers in a table next to each chart.
"""

import math
from collections.abc import Sequence
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from styrbord.benefits.economics import CaseResult
from styrbord.core import svg

POSITIVE = svg.BLUE
NEGATIVE = "#b51d09"  # 5.9:1 on white, so it also passes for the shapes' 3:1
LINE = svg.TEXT
MARGIN = 16
LEGEND_ROW = 24


def money(value: Decimal | float) -> str:
    """A whole amount of kroner with the language's thousands separator."""
    return _("%(amount)s kr.") % {"amount": number_format(round(value), force_grouping=True)}


def _plain(value: float) -> str:
    return number_format(round(value), force_grouping=True)


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis values covering low..high: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if high <= low:
        # Nothing to scale (a case without lines): an axis of a thousand kroner.
        high = low + 1000.0
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    steps = math.ceil((high - first) / step - 1e-9)
    return [first + index * step for index in range(max(steps, 1) + 1)]


def _label_width(labels: Sequence[str]) -> float:
    return max((len(label) for label in labels), default=0) * svg.CHAR_WIDTH


def _legend(entries: Sequence[tuple[str, str]], x: float, top: float) -> str:
    """One row of legend entries: (sample SVG drawn at 0,0 in a 24×12 box, label)."""
    parts = []
    for sample, label in entries:
        parts.append(f'<g transform="translate({svg.number(x)},{svg.number(top)})">{sample}</g>')
        parts.append(svg.text(x + 30, top + 6, label))
        x += 30 + len(label) * svg.CHAR_WIDTH + 24
    return "".join(parts)


# --- the cash flow ----------------------------------------------------------------------

PLOT_HEIGHT = 260
SLOT_MIN = 44.0
PLOT_WIDTH = 600.0


def cash_flow_chart(result: CaseResult, chart_id: str = "chart-cash-flow") -> str:
    """A bar per year for the net flow (expected values) and a line for the cumulative,
    with the zero line and, when the case pays back, the payback year marked."""
    rows = result.years
    nets = [float(row.net) for row in rows]
    running = [float(row.cumulative) for row in rows]
    ticks = _ticks(min([0.0, *nets, *running]), max([0.0, *nets, *running]))
    low, high = ticks[0], ticks[-1]
    tick_labels = [_plain(tick) for tick in ticks]
    left = MARGIN + max(_label_width(tick_labels), 4 * svg.CHAR_WIDTH) + 8
    top = MARGIN + 24  # room for the axis' unit above the plot
    slot = max(SLOT_MIN, PLOT_WIDTH / max(len(rows), 1))
    plot_width = slot * max(len(rows), 1)
    bottom = top + PLOT_HEIGHT

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * PLOT_HEIGHT

    parts = [svg.text(left - 8, MARGIN + 6, _("kr."), anchor="end", fill=svg.MUTED)]
    for tick, label in zip(ticks, tick_labels, strict=True):
        parts.append(
            f'<line x1="{svg.number(left)}" y1="{svg.number(y(tick))}" '
            f'x2="{svg.number(left + plot_width)}" y2="{svg.number(y(tick))}" '
            f'stroke="{svg.GRID}"/>'
        )
        parts.append(svg.text(left - 8, y(tick), label, anchor="end", size=12, fill=svg.MUTED))
    zero = y(0.0)
    for offset, row in enumerate(rows):
        centre = left + (offset + 0.5) * slot
        net = nets[offset]
        top_y, bar_bottom = sorted((y(net), zero))
        fill = POSITIVE if net >= 0 else NEGATIVE
        tip = _("%(year)s: net flow %(net)s") % {"year": row.year, "net": money(row.net)}
        parts.append(
            f'<rect class="chart-net" x="{svg.number(centre - slot * 0.3)}" '
            f'y="{svg.number(top_y)}" width="{svg.number(slot * 0.6)}" '
            f'height="{svg.number(max(bar_bottom - top_y, 0))}" fill="{fill}">'
            f"<title>{svg.escape(tip)}</title></rect>"
        )
        parts.append(svg.text(centre, bottom + 14, row.year, anchor="middle", size=12))
    parts.append(
        f'<line class="chart-zero" x1="{svg.number(left)}" y1="{svg.number(zero)}" '
        f'x2="{svg.number(left + plot_width)}" y2="{svg.number(zero)}" stroke="{svg.AXIS}" '
        f'stroke-width="1.5"/>'
    )
    parts.append(_payback_marker(result, left, slot, top, bottom))
    points = [(left + (offset + 0.5) * slot, y(value)) for offset, value in enumerate(running)]
    if points:
        path = " ".join(f"{svg.number(px)},{svg.number(py)}" for px, py in points)
        parts.append(
            f'<polyline class="chart-cumulative" points="{path}" fill="none" '
            f'stroke="{LINE}" stroke-width="2"/>'
        )
    for (px, py), row in zip(points, rows, strict=True):
        tip = _("%(year)s: cumulative %(total)s") % {
            "year": row.year,
            "total": money(row.cumulative),
        }
        parts.append(
            f'<circle cx="{svg.number(px)}" cy="{svg.number(py)}" r="4" fill="#ffffff" '
            f'stroke="{LINE}" stroke-width="2"><title>{svg.escape(tip)}</title></circle>'
        )
    legend_top = bottom + 34
    parts.append(
        _legend(
            [
                (
                    f'<rect width="10" height="12" fill="{POSITIVE}"/>'
                    f'<rect x="12" width="10" height="12" fill="{NEGATIVE}"/>',
                    _("Net flow in the year (below zero: costs exceed benefits)"),
                ),
                (
                    f'<line x1="0" y1="6" x2="24" y2="6" stroke="{LINE}" stroke-width="2"/>'
                    f'<circle cx="12" cy="6" r="4" fill="#ffffff" stroke="{LINE}" '
                    f'stroke-width="2"/>',
                    _("Cumulative"),
                ),
            ],
            left,
            legend_top,
        )
    )
    width = max(left + plot_width + MARGIN, left + 620)
    return svg.svg(
        chart_id,
        width,
        legend_top + LEGEND_ROW + MARGIN,
        _("Cash flow of the business case"),
        _cash_flow_desc(result),
        "".join(parts),
    )


def _payback_marker(result: CaseResult, left: float, slot: float, top: float, bottom: float) -> str:
    if result.payback_year is None or not result.years:
        return ""
    offset = result.payback_year - result.years[0].year
    x = left + (offset + 0.5) * slot
    return (
        f'<line class="chart-payback" x1="{svg.number(x)}" y1="{svg.number(top)}" '
        f'x2="{svg.number(x)}" y2="{svg.number(bottom)}" stroke="{svg.MUTED}" '
        f'stroke-dasharray="4 3"/>'
        + svg.text(x, top - 10, _("Payback"), anchor="middle", size=12, extra=svg.HALO)
    )


def _cash_flow_desc(result: CaseResult) -> str:
    if not result.years:
        return _("The business case has no years.")
    first, last = result.years[0], result.years[-1]
    payback = (
        _("It pays back in %(year)s.") % {"year": result.payback_year}
        if result.payback_year is not None
        else _("It does not pay back within the horizon.")
    )
    return _(
        "Expected net cash flow per year from %(first)s to %(last)s as bars, below the zero "
        "line in years where costs exceed benefits, and the cumulative cash flow as a line. "
        "The cumulative ends at %(end)s. %(payback)s"
    ) % {
        "first": first.year,
        "last": last.year,
        "end": money(last.cumulative),
        "payback": payback,
    }


# --- the sensitivity tornado ------------------------------------------------------------

ROW = 30
BAR = 18
TORNADO_WIDTH = 480.0
END_LABEL = 96.0  # room on each side of the bars for the amounts at their ends
LABEL_CHARS = 40


def tornado_chart(
    rows: Sequence[tuple[str, Decimal, Decimal]],
    base_npv: Decimal,
    chart_id: str = "chart-sensitivity",
) -> str:
    """A bar per line from the NPV with that line at its worst to the NPV with it at its
    best (``calc.sensitivity``: widest first), across the expected NPV."""
    title = _("Sensitivity of the net present value")
    base = float(base_npv)
    if not rows:
        body = svg.text(MARGIN, MARGIN + 10, _("There are no estimates to vary yet."))
        desc = _("The business case has no cost lines or benefits with money yet.")
        return svg.svg(chart_id, 480, 2 * MARGIN + 20, title, desc, body)
    values = [float(value) for _key, low, high in rows for value in (low, high)]
    ticks = _ticks(min([0.0, base, *values]), max([0.0, base, *values]))
    low_end, high_end = ticks[0], ticks[-1]
    labels = [svg.clip(key, LABEL_CHARS) for key, _low, _high in rows]
    left = MARGIN + _label_width(labels) + 8
    plot_left, plot_right = left + END_LABEL, left + END_LABEL + TORNADO_WIDTH
    top = MARGIN + 24  # room for the expected NPV's label above the bars

    def x(value: float) -> float:
        return plot_left + (value - low_end) / (high_end - low_end) * TORNADO_WIDTH

    bottom = top + ROW * len(rows)
    parts = []
    for tick in ticks:
        parts.append(
            f'<line x1="{svg.number(x(tick))}" y1="{svg.number(top)}" x2="{svg.number(x(tick))}" '
            f'y2="{svg.number(bottom)}" stroke="{svg.GRID}"/>'
        )
        parts.append(
            svg.text(x(tick), bottom + 14, _plain(tick), anchor="middle", size=12, fill=svg.MUTED)
        )
    parts.append(svg.text(plot_right, bottom + 34, _("Net present value (kr.)"), anchor="end"))
    for index, ((_key, low, high), label) in enumerate(zip(rows, labels, strict=True)):
        middle = top + index * ROW + ROW / 2
        parts.append(svg.text(left - 8, middle, label, anchor="end"))
        bar_top = svg.number(middle - BAR / 2)
        worse, better = float(low), float(high)
        if worse < base:
            parts.append(
                f'<rect class="chart-worse" x="{svg.number(x(worse))}" y="{bar_top}" '
                f'width="{svg.number(x(base) - x(worse))}" height="{BAR}" fill="{NEGATIVE}"/>'
            )
        if better > base:
            parts.append(
                f'<rect class="chart-better" x="{svg.number(x(base))}" y="{bar_top}" '
                f'width="{svg.number(x(better) - x(base))}" height="{BAR}" fill="{POSITIVE}"/>'
            )
        parts.append(svg.text(x(worse) - 6, middle, _plain(worse), anchor="end", size=12))
        parts.append(svg.text(x(better) + 6, middle, _plain(better), size=12))
    if low_end < 0 < high_end:
        parts.append(
            f'<line class="chart-zero" x1="{svg.number(x(0))}" y1="{svg.number(top)}" '
            f'x2="{svg.number(x(0))}" y2="{svg.number(bottom)}" stroke="{svg.AXIS}" '
            f'stroke-width="1.5"/>'
        )
    parts.append(
        f'<line class="chart-base" x1="{svg.number(x(base))}" y1="{svg.number(top - 6)}" '
        f'x2="{svg.number(x(base))}" y2="{svg.number(bottom)}" stroke="{LINE}" '
        f'stroke-width="2" stroke-dasharray="5 3"/>'
    )
    parts.append(
        svg.text(
            x(base),
            MARGIN + 6,
            _("Expected: %(npv)s") % {"npv": money(base_npv)},
            anchor="middle",
            size=12,
            bold=True,
            extra=svg.HALO,
        )
    )
    legend_top = bottom + 50
    parts.append(
        _legend(
            [
                (
                    f'<rect width="24" height="12" fill="{NEGATIVE}"/>',
                    _("Line at its worst (left of the expected)"),
                ),
                (
                    f'<rect width="24" height="12" fill="{POSITIVE}"/>',
                    _("Line at its best (right of the expected)"),
                ),
            ],
            left,
            legend_top,
        )
    )
    desc = _(
        "How the net present value moves when one line at a time is taken at its worst and "
        "at its best estimate, the others at their expected value; %(count)d lines, the "
        "widest swing first. Each bar runs from the net present value with the line at its "
        "worst to the one with it at its best, across the expected %(npv)s."
    ) % {"count": len(rows), "npv": money(base_npv)}
    width = max(plot_right + END_LABEL + MARGIN, left + 700)
    return svg.svg(chart_id, width, legend_top + LEGEND_ROW + MARGIN, title, desc, "".join(parts))
