"""A benefit's realisation chart: the expected profile against what was measured.

Dates run across, values up. The expected realisation profile is a dashed line with square
markers, the measurements a solid line with round markers, and the baseline and the
expected target are labelled horizontal lines, so neither colour nor line style alone
tells them apart. The page puts ``rows`` in a table next to the chart.
"""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import dateformat
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from styrbord.benefits.models import Benefit, Measurement, ProfilePoint
from styrbord.core import svg

WIDTH = 720
LEFT = 72  # room for the value axis' numbers
RIGHT = 24
TOP = 16
PLOT_HEIGHT = 240
AXIS_ROOM = 40  # below the plot: the date labels
LEGEND_LINE = 22
PROFILE = "#00508f"
MEASURED = "#1a1a1a"
BASELINE = "#757575"
TARGET = "#006b3a"
MAX_DATE_TICKS = 8
MAX_VALUE_TICKS = 6


@dataclass(frozen=True)
class Row:
    """One date of the chart's table: the profile's expected value and what was measured."""

    day: datetime.date
    expected: Decimal | None
    measured: Decimal | None


def rows(measurements: Sequence[Measurement], profile: Sequence[ProfilePoint]) -> list[Row]:
    expected = {p.period_end: p.expected_value for p in profile if p.expected_value is not None}
    # The chart draws the latest measurement of a day; the table shows the same one.
    measured: dict[datetime.date, Decimal] = {}
    for m in sorted(measurements, key=lambda m: (m.measured_on, m.pk or 0)):
        measured[m.measured_on] = m.value
    return [
        Row(day, expected.get(day), measured.get(day))
        for day in sorted(set(expected) | set(measured))
    ]


def _value_ticks(low: float, high: float) -> list[float]:
    """Round numbers from below ``low`` to above ``high``, at most about six of them."""
    if high == low:
        low, high = low - 1, high + 1
    raw = (high - low) / (MAX_VALUE_TICKS - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _month_starts(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every first of a month from ``first`` to ``last``, thinned to a readable number."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        day = datetime.date(year, month, 1)
        if first <= day <= last:
            months.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for step in (1, 3, 6, 12, 24, 60):
        picked = [d for d in months if (d.year * 12 + d.month - 1) % step == 0]
        if len(picked) <= MAX_DATE_TICKS:
            return picked
    return months[:: max(1, len(months) // MAX_DATE_TICKS)]


def _amount(value: Decimal | float) -> str:
    return number_format(Decimal(str(value)).normalize(), use_l10n=True, force_grouping=True)


def _describe(benefit: Benefit, data: list[Row], unit: str) -> str:
    parts = []
    if benefit.baseline_value is not None:
        parts.append(
            _("Baseline %(value)s %(unit)s.")
            % {"value": _amount(benefit.baseline_value), "unit": unit}
        )
    if benefit.target_expected is not None:
        parts.append(
            _("Expected target %(value)s %(unit)s.")
            % {"value": _amount(benefit.target_expected), "unit": unit}
        )
    measured = [r for r in data if r.measured is not None]
    expected = [r for r in data if r.expected is not None]
    parts.append(_("Profile points: %(count)s.") % {"count": len(expected)})
    if measured:
        parts.append(
            _("Measurements: %(count)s, the latest %(value)s %(unit)s on %(date)s.")
            % {
                "count": len(measured),
                "value": _amount(measured[-1].measured),
                "unit": unit,
                "date": date_format(measured[-1].day, "SHORT_DATE_FORMAT"),
            }
        )
    else:
        parts.append(_("No measurements yet."))
    parts.append(_("The table below the chart has the same numbers."))
    return " ".join(parts)


def benefit_chart(
    benefit: Benefit,
    measurements: Sequence[Measurement],
    profile: Sequence[ProfilePoint],
    chart_id: str = "chart-benefit",
) -> str:
    """The chart as SVG text, escaped here; the caller marks it safe."""
    data = rows(measurements, profile)
    unit = benefit.unit
    title = _("Realisation of %(benefit)s (%(unit)s)") % {"benefit": benefit.title, "unit": unit}
    desc = _describe(benefit, data, unit)
    levels = [v for v in (benefit.baseline_value, benefit.target_expected) if v is not None]
    values = [float(v) for r in data for v in (r.expected, r.measured) if v is not None]
    values += [float(v) for v in levels]
    days = [r.day for r in data] + [
        d for d in (benefit.baseline_date, benefit.target_date) if d is not None
    ]
    height = TOP + PLOT_HEIGHT + AXIS_ROOM + LEGEND_LINE + 8
    if not values or not days:
        body = svg.text(
            WIDTH / 2,
            60,
            _("Nothing to draw yet: no baseline, profile or measurements."),
            anchor="middle",
            fill=svg.MUTED,
        )
        return svg.svg(chart_id, WIDTH, 120, title, desc, body)

    first, last = min(days), max(days)
    if first == last:
        first, last = first - datetime.timedelta(days=30), last + datetime.timedelta(days=30)
    # A little room above and below, so the level lines' labels fit inside the plot.
    pad = (max(values) - min(values)) * 0.08 or 1
    ticks = _value_ticks(min(values) - pad, max(values) + pad)
    low, high = ticks[0], ticks[-1]
    plot_width = WIDTH - LEFT - RIGHT
    span = (last - first).days

    def x(day: datetime.date) -> float:
        return LEFT + plot_width * (day - first).days / span

    def y(value: Decimal | float) -> float:
        return TOP + PLOT_HEIGHT * (1 - (float(value) - low) / (high - low))

    parts = []
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{svg.number(y(tick))}" '
            f'y2="{svg.number(y(tick))}" stroke="{svg.GRID}" stroke-width="1"/>'
        )
        parts.append(
            svg.text(LEFT - 8, y(tick), _amount(tick), size=12, anchor="end", fill=svg.MUTED)
        )
    bottom = TOP + PLOT_HEIGHT
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}" '
        f'stroke="{svg.AXIS}" stroke-width="1"/>'
    )
    for day in _month_starts(first, last):
        parts.append(
            f'<line x1="{svg.number(x(day))}" x2="{svg.number(x(day))}" y1="{bottom}" '
            f'y2="{bottom + 5}" stroke="{svg.AXIS}" stroke-width="1"/>'
        )
        label = dateformat.format(day, "M Y")
        parts.append(svg.text(x(day), bottom + 16, label, size=12, anchor="middle", fill=svg.MUTED))

    middle = sum(levels) / len(levels) if levels else None
    for value, colour, label, dash in (
        (benefit.baseline_value, BASELINE, _("Baseline"), "2 4"),
        (benefit.target_expected, TARGET, _("Expected target"), "8 4"),
    ):
        if value is None:
            continue
        # The upper level's label above its line, the lower one's below: the measurements
        # mostly run between the two.
        offset = 10 if value < middle else -10
        level = svg.number(y(value))
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{level}" y2="{level}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        parts.append(
            svg.text(
                WIDTH - RIGHT - 4,
                y(value) + offset,
                f"{label}: {_amount(value)}",
                size=12,
                anchor="end",
                fill=colour,
                extra=svg.HALO,
            )
        )

    expected = [(r.day, r.expected) for r in data if r.expected is not None]
    measured = [(r.day, r.measured) for r in data if r.measured is not None]
    parts.append(_line(expected, x, y, PROFILE, "6 4"))
    parts += [_square(x(d), y(v), PROFILE) for d, v in expected]
    parts.append(_line(measured, x, y, MEASURED, ""))
    parts += [
        f'<circle cx="{svg.number(x(d))}" cy="{svg.number(y(v))}" r="4.5" fill="{MEASURED}"/>'
        for d, v in measured
    ]
    parts.append(_legend(bottom + AXIS_ROOM))
    return svg.svg(chart_id, WIDTH, height, title, desc, "".join(parts))


def _line(points, x, y, colour: str, dash: str) -> str:
    if len(points) < 2:
        return ""
    coordinates = " ".join(f"{svg.number(x(d))},{svg.number(y(v))}" for d, v in points)
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<polyline points="{coordinates}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>'
    )


def _square(cx: float, cy: float, colour: str) -> str:
    return (
        f'<rect x="{svg.number(cx - 4)}" y="{svg.number(cy - 4)}" width="8" height="8" '
        f'fill="{colour}"/>'
    )


def _legend(top: float) -> str:
    entries = [
        (PROFILE, "6 4", "square", _("Expected realisation profile")),
        (MEASURED, "", "circle", _("Measured")),
    ]
    parts, left = [], LEFT
    for colour, dash, marker, label in entries:
        middle = top + LEGEND_LINE / 2
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{left}" x2="{left + 28}" y1="{svg.number(middle)}" '
            f'y2="{svg.number(middle)}" stroke="{colour}" stroke-width="2"{dashed}/>'
        )
        parts.append(
            _square(left + 14, middle, colour)
            if marker == "square"
            else f'<circle cx="{left + 14}" cy="{svg.number(middle)}" r="4.5" fill="{colour}"/>'
        )
        parts.append(svg.text(left + 36, middle, label, size=12))
        left += 36 + len(label) * svg.CHAR_WIDTH + 24
    return "".join(parts)
