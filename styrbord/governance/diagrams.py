"""The organisation diagram and the annual wheel as SVG.

They are drawn on the server so that the page, print and PDF show the same picture, from
the shared pieces in ``styrbord.core.svg``. Every piece of text is escaped here; the caller
marks the result safe. Colours and fonts are presentation attributes, so the pictures look
right without the page's stylesheet. Both pictures hold links, so their role is
``graphics-document`` (a ``role="img"`` would hide the links from assistive technology);
the pages repeat everything as lists.
"""

import datetime
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from styrbord.core.svg import FONT, MUTED, TEXT, escape, number, text
from styrbord.governance.models import (
    QUARTER_CHOICES,
    Body,
    BodyKind,
    CycleItem,
    Meeting,
    MeetingStatus,
)

LINE = "#595959"
TODAY = "#b51d09"
# Ring colours: each has at least 3:1 contrast against white and the light ring fill.
PALETTE = ["#00508f", "#1f6e34", "#8c1c53", "#6a3d9a", "#7a4f00", "#00727a", "#b0004f", "#454545"]

# The top of the organisation first; the rest in the order of the kinds.
_KIND_RANK = {
    kind: rank
    for rank, kind in enumerate(
        [BodyKind.CITY_COUNCIL, BodyKind.EXECUTIVE_BOARD]
        + [k for k in BodyKind.values if k not in {BodyKind.CITY_COUNCIL, BodyKind.EXECUTIVE_BOARD}]
    )
}


@dataclass(eq=False)
class BodyNode:
    body: Body
    children: list["BodyNode"] = field(default_factory=list)


def _sort_key(body: Body) -> tuple:
    return (body.concluded_on is not None, _KIND_RANK.get(body.kind, 99), body.name.lower())


def body_tree(bodies: Iterable[Body]) -> list[BodyNode]:
    """The bodies as a forest by ``reports_to``; a body whose superior is not among them is
    a root. A reporting loop (which the data may hold) is cut where it is found."""
    ordered = sorted(bodies, key=_sort_key)
    nodes = {body.pk: BodyNode(body) for body in ordered}
    roots: list[BodyNode] = []
    parents: dict[int, BodyNode] = {}
    for body in ordered:
        parent = nodes.get(body.reports_to_id)
        if parent is None or body.reports_to_id == body.pk:
            roots.append(nodes[body.pk])
        else:
            parent.children.append(nodes[body.pk])
            parents[body.pk] = parent

    reached: set[int] = set()

    def walk(node: BodyNode) -> None:
        if node.body.pk in reached:
            return
        reached.add(node.body.pk)
        for child in node.children:
            walk(child)

    for root in roots:
        walk(root)
    for body in ordered:
        if body.pk not in reached:
            node = nodes[body.pk]
            parents[body.pk].children.remove(node)
            roots.append(node)
            walk(node)
    return roots


def bodies_in_tree_order(bodies: Iterable[Body]) -> list[Body]:
    """Depth first: each body followed by those reporting to it."""
    found: list[Body] = []

    def walk(node: BodyNode) -> None:
        found.append(node.body)
        for child in node.children:
            walk(child)

    for root in body_tree(bodies):
        walk(root)
    return found


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines of ``width`` characters, preferring
    spaces, then hyphens; an over-long word is hyphenated and the last line ellipsised."""
    tokens: list[tuple[str, str]] = []  # (text, glue to the previous token)
    for word in text.split():
        glue = " "
        for part in re.split(r"(?<=-)", word):
            while len(part) > width:
                # Leave at least four letters for the next line.
                cut = min(width - 1, len(part) - 4)
                tokens.append((part[:cut] + "-", glue))
                part, glue = part[cut:], ""
            if part:
                tokens.append((part, glue))
                glue = ""
    lines: list[str] = []
    for part, glue in tokens:
        if lines and len(lines[-1]) + len(glue) + len(part) <= width:
            lines[-1] += glue + part
        else:
            lines.append(part)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip(" -") + "…"
    return lines


# --- organisation diagram ---------------------------------------------------------------

BOX_W, BOX_H = 210, 84
GAP_X = 24
LEVEL = BOX_H + 56
# Three or more bodies without bodies of their own under one parent are stacked in
# columns of up to four, so a wide organisation still fits one landscape page.
STACK_FROM, STACK_MAX = 3, 4
STACK_STEP = BOX_H + 16
STACK_INDENT = 28
MARGIN = 16
NAME_CHARS, NAME_LINES = 30, 3


class _Layout:
    def __init__(self) -> None:
        self.left = float(MARGIN)
        self.boxes: dict[int, tuple[float, float]] = {}  # body pk -> top-left corner
        self.spines: dict[int, float] = {}  # stacked body pk -> x of its column's spine

    def place(self, node: BodyNode, top: float) -> float:
        """Lay out ``node`` and everything under it from the cursor; its centre x."""
        if not node.children:
            x = self.left
            self.left += BOX_W + GAP_X
            self.boxes[node.body.pk] = (x, top)
            return x + BOX_W / 2
        child_top = top + LEVEL
        leaves = [child for child in node.children if not child.children]
        stack = leaves if len(leaves) >= STACK_FROM else []
        centres = [self.place(child, child_top) for child in node.children if child not in stack]
        for start in range(0, len(stack), STACK_MAX):
            spine = self.left + STACK_INDENT / 2
            x = self.left + STACK_INDENT
            self.left += STACK_INDENT + BOX_W + GAP_X
            for row, leaf in enumerate(stack[start : start + STACK_MAX]):
                self.boxes[leaf.body.pk] = (x, child_top + row * STACK_STEP)
                self.spines[leaf.body.pk] = spine
            centres.append(x + BOX_W / 2)
        centre = (min(centres) + max(centres)) / 2
        self.boxes[node.body.pk] = (centre - BOX_W / 2, top)
        return centre


def _connector(layout: _Layout, child: Body, parent: Body) -> str:
    px, py = layout.boxes[parent.pk]
    cx, cy = layout.boxes[child.pk]
    parent_centre, parent_bottom = px + BOX_W / 2, py + BOX_H
    middle = parent_bottom + (LEVEL - BOX_H) / 2
    if child.pk in layout.spines:
        spine = layout.spines[child.pk]
        d = f"M{number(cx)} {number(cy + BOX_H / 2)}H{number(spine)}V{number(middle)}"
    else:
        d = f"M{number(cx + BOX_W / 2)} {number(cy)}V{number(middle)}"
    d += f"H{number(parent_centre)}V{number(parent_bottom)}"
    dash = ' stroke-dasharray="6 4"' if child.concluded_on else ""
    return (
        f'<path class="diagram-line" data-from="{child.pk}" data-to="{parent.pk}" d="{d}" '
        f'fill="none" stroke="{LINE}" stroke-width="1.5"{dash}/>'
    )


def _box(body: Body, x: float, y: float, url: str) -> str:
    concluded = body.concluded_on is not None
    name_lines = wrap(body.name, NAME_CHARS, NAME_LINES)
    small_lines = [str(body.get_kind_display())]
    label = [body.name, small_lines[0]]
    if concluded:
        ended = _("Concluded %(date)s") % {
            "date": date_format(body.concluded_on, "SHORT_DATE_FORMAT")
        }
        small_lines.append(ended)
        label.append(ended)
    height = 16 * len(name_lines) + 15 * len(small_lines)
    baseline = y + (BOX_H - height) / 2 + 12
    centre = x + BOX_W / 2
    texts = []
    for line in name_lines:
        texts.append(
            f'<text x="{number(centre)}" y="{number(baseline)}" font-size="12" font-weight="600" '
            f'fill="{TEXT}" text-anchor="middle">{escape(line)}</text>'
        )
        baseline += 16
    for line in small_lines:
        texts.append(
            f'<text x="{number(centre)}" y="{number(baseline)}" font-size="11" fill="{MUTED}" '
            f'text-anchor="middle">{escape(line)}</text>'
        )
        baseline += 15
    rect = (
        f'<rect x="{number(x)}" y="{number(y)}" width="{BOX_W}" height="{BOX_H}" rx="4" '
        + (
            'fill="#f2f2f2" stroke="#757575" stroke-width="1.5" stroke-dasharray="6 4"'
            if concluded
            else 'fill="#ffffff" stroke="#00508f" stroke-width="2"'
        )
        + "/>"
    )
    css = "diagram-body diagram-concluded" if concluded else "diagram-body"
    return (
        f'<a href="{escape(url)}" class="{css}" data-body="{body.pk}">'
        f"<title>{escape(' – '.join(label))}</title>{rect}{''.join(texts)}</a>"
    )


def body_diagram_svg(bodies: list[Body], url_for: Callable[[Body], str]) -> str:
    """A top-down tree of the bodies by whom they report to; each box links to
    ``url_for(body)``. Empty when there are no bodies."""
    roots = body_tree(bodies)
    if not roots:
        return ""
    layout = _Layout()
    for root in roots:
        layout.place(root, MARGIN)
    width = max(x for x, _y in layout.boxes.values()) + BOX_W + MARGIN
    height = max(y for _x, y in layout.boxes.values()) + BOX_H + MARGIN

    lines, boxes = [], []

    def draw(node: BodyNode, parent: Body | None) -> None:
        if parent is not None:
            lines.append(_connector(layout, node.body, parent))
        x, y = layout.boxes[node.body.pk]
        boxes.append(_box(node.body, x, y, url_for(node.body)))
        for child in node.children:
            draw(child, node.body)

    for root in roots:
        draw(root, None)
    title = _("Organisation diagram")
    desc = _(
        "%(count)d bodies. Each box is a body; a line runs from a body up to the body it "
        "reports to. Concluded bodies have dashed grey boxes."
    ) % {"count": len(layout.boxes)}
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="styrbord-diagram" '
        f'viewBox="0 0 {number(width)} {number(height)}" width="{number(width)}" '
        f'height="{number(height)}" style="max-width:100%;height:auto" role="graphics-document" '
        f'aria-labelledby="body-diagram-title body-diagram-desc" {FONT}>'
        f'<title id="body-diagram-title">{escape(title)}</title>'
        f'<desc id="body-diagram-desc">{escape(desc)}</desc>'
        f'<g aria-hidden="true">{"".join(lines)}</g>'
        f"{''.join(boxes)}</svg>"
    )


# --- annual wheel ---------------------------------------------------------------------------

SIZE = 800
CENTRE = SIZE / 2
R_INNER = 100  # the centre disc with the year and the quarters
R_RINGS = 320  # the outer edge of the outermost ring
R_MONTHS = 350  # month labels
RING_MAX = 44
HELD = MeetingStatus.rank(MeetingStatus.HELD)


@dataclass
class WheelRing:
    body: Body
    meetings: list[Meeting]
    cycle_items: list[CycleItem]


def _days_in(year: int) -> int:
    return (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days


def _offset_angle(year: int, day: datetime.date, extra: float = 0.0) -> float:
    return 360 * ((day - datetime.date(year, 1, 1)).days + extra) / _days_in(year)


def date_angle(day: datetime.date) -> float:
    """Degrees clockwise from the top: 1 January starts at 0, 31 December ends at 360.
    A day sits at its middle."""
    return _offset_angle(day.year, day, 0.5)


def month_span(year: int, month: int) -> tuple[float, float]:
    """Start and end angle of a month's sector."""
    first = datetime.date(year, month, 1)
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return _offset_angle(year, first), _offset_angle(year, following)


def quarter_span(year: int, quarter: int) -> tuple[float, float]:
    return month_span(year, 3 * quarter - 2)[0], month_span(year, 3 * quarter)[1]


def _point(radius: float, angle: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return CENTRE + radius * math.sin(rad), CENTRE - radius * math.cos(rad)


def _radial(angle: float, inner: float, outer: float, attrs: str) -> str:
    x1, y1 = _point(inner, angle)
    x2, y2 = _point(outer, angle)
    return (
        f'<line x1="{number(x1)}" y1="{number(y1)}" x2="{number(x2)}" y2="{number(y2)}" {attrs}/>'
    )


def _middle(span: tuple[float, float]) -> float:
    return (span[0] + span[1]) / 2


def _meeting_dot(
    meeting: Meeting, ring: WheelRing, radius: float, size: float, colour: str, url: str
) -> str:
    local = timezone.localtime(meeting.starts_at)
    x, y = _point(radius, date_angle(local.date()))
    held = MeetingStatus.rank(meeting.status) >= HELD
    fill = colour if held else "#ffffff"
    label = " – ".join(
        [
            meeting.title or ring.body.name,
            date_format(local, "DATE_FORMAT"),
            str(meeting.get_status_display()),
        ]
    )
    return (
        f'<a href="{escape(url)}" class="wheel-meeting"><title>{escape(label)}</title>'
        f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(size)}" fill="{fill}" '
        f'stroke="{colour}" stroke-width="2"/></a>'
    )


def _marker(
    x: float, y: float, size: float, colour: str, label: str = "", css: str = "wheel-cycle"
) -> str:
    d = (
        f"M{number(x)} {number(y - size)}L{number(x + size)} {number(y)}"
        f"L{number(x)} {number(y + size)}L{number(x - size)} {number(y)}Z"
    )
    title = f"<title>{escape(label)}</title>" if label else ""
    return (
        f'<path class="{css}" d="{d}" fill="{colour}" stroke="#ffffff" '
        f'stroke-width="1">{title}</path>'
    )


def _cycle_markers(
    ring: WheelRing, year: int, radius: float, size: float, colour: str
) -> list[str]:
    """One marker per quarter and per month that has recurring items, titled with them."""
    markers = []
    quarter_labels = dict(QUARTER_CHOICES)
    busy_quarters = set()
    for quarter in range(1, 5):
        titles = [c.title for c in ring.cycle_items if not c.month and quarter in c.quarter_numbers]
        if titles:
            busy_quarters.add(quarter)
            x, y = _point(radius, _middle(quarter_span(year, quarter)))
            label = f"{ring.body.name}, {quarter_labels[quarter]}: {'; '.join(titles)}"
            markers.append(_marker(x, y, size, colour, label))
    for month in range(1, 13):
        titles = [c.title for c in ring.cycle_items if c.month == month]
        if titles:
            angle = _middle(month_span(year, month))
            if month % 3 == 2 and (month + 1) // 3 in busy_quarters:
                angle += 8  # beside the quarter's marker, which sits mid-quarter
            x, y = _point(radius, angle)
            label = f"{ring.body.name}, {capfirst(MONTHS[month])}: {'; '.join(titles)}"
            markers.append(_marker(x, y, size, colour, label))
    return markers


def _annulus(inner: float, outer: float, fill: str) -> str:
    def circle(r: float) -> str:
        return (
            f"M{number(CENTRE - r)} {number(CENTRE)}"
            f"a{number(r)} {number(r)} 0 1 0 {number(2 * r)} 0"
            f"a{number(r)} {number(r)} 0 1 0 {number(-2 * r)} 0Z"
        )

    return f'<path d="{circle(outer)}{circle(inner)}" fill="{fill}" fill-rule="evenodd"/>'


def wheel_svg(
    year: int,
    rings: list[WheelRing],
    url_for: Callable[[Meeting], str],
    today: datetime.date | None = None,
) -> str:
    """The year as a wheel: months clockwise from January at the top, one ring per body
    (the first outermost) with its meetings as dots and its recurring items as diamonds.
    Meetings link to ``url_for(meeting)``. A line marks today in the current year."""
    today = today or timezone.localdate()
    count = max(len(rings), 1)
    width = min(RING_MAX, (R_RINGS - R_INNER) / count)
    grid, labels, marks = [], [], []

    for index in range(len(rings)):
        outer = R_RINGS - index * width
        grid.append(_annulus(outer - width, outer, "#f3f3f3" if index % 2 else "#ffffff"))
    grid.append(
        f'<circle cx="{number(CENTRE)}" cy="{number(CENTRE)}" r="{R_RINGS}" fill="none" '
        f'stroke="#8c8c8c" stroke-width="1"/>'
    )
    for month in range(1, 13):
        start, end = month_span(year, month)
        if month % 3 == 1:
            grid.append(
                _radial(start, R_INNER, R_RINGS + 16, f'stroke="{LINE}" stroke-width="2.5"')
            )
        else:
            grid.append(_radial(start, R_INNER, R_RINGS, 'stroke="#b3b3b3" stroke-width="1"'))
        x, y = _point(R_MONTHS, (start + end) / 2)
        labels.append(text(x, y, capfirst(MONTHS[month]), size=15, anchor="middle"))
    for quarter, name in QUARTER_CHOICES:
        x, y = _point(R_INNER - 24, _middle(quarter_span(year, quarter)))
        labels.append(
            f'<text x="{number(x)}" y="{number(y)}" font-size="15" font-weight="600" fill="{TEXT}" '
            f'text-anchor="middle" dominant-baseline="central">{escape(str(name))}</text>'
        )
    labels.append(
        f'<text x="{number(CENTRE)}" y="{number(CENTRE)}" font-size="30" font-weight="700" '
        f'fill="{TEXT}" text-anchor="middle" dominant-baseline="central">{year}</text>'
    )

    for index, ring in enumerate(rings):
        colour = PALETTE[index % len(PALETTE)]
        middle = R_RINGS - (index + 0.5) * width
        size = max(3.0, min(6.0, width * 0.2))
        marks += _cycle_markers(ring, year, middle - width * 0.22, size + 1, colour)
        marks += [
            _meeting_dot(meeting, ring, middle + width * 0.2, size, colour, url_for(meeting))
            for meeting in ring.meetings
        ]
        x, y = _point(middle, 0)
        labels.append(
            f'<circle cx="{number(x)}" cy="{number(y)}" r="8" fill="#ffffff" stroke="{colour}"/>'
            f'<text x="{number(x)}" y="{number(y)}" font-size="10" font-weight="700" fill="{TEXT}" '
            f'text-anchor="middle" dominant-baseline="central">{index + 1}</text>'
        )

    if today.year == year:
        today_label = _("Today, %(date)s") % {"date": date_format(today, "DATE_FORMAT")}
        marks.append(
            f'<g class="wheel-today"><title>{escape(today_label)}</title>'
            + _radial(
                date_angle(today),
                R_INNER,
                R_RINGS + 16,
                f'stroke="{TODAY}" stroke-width="2.5" stroke-dasharray="5 3"',
            )
            + "</g>"
        )

    legend, height = _legend(rings, today.year == year)
    title = _("Annual wheel %(year)s") % {"year": year}
    desc = _(
        "The months run clockwise from January at the top, in four quarters. Each ring is "
        "a body, numbered from the outside: dots are its meetings (filled when held), "
        "diamonds its recurring items. The lists below the wheel hold the same information."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="styrbord-wheel" '
        f'viewBox="0 0 {SIZE} {number(height)}" width="{SIZE}" height="{number(height)}" '
        f'style="max-width:100%;height:auto" role="graphics-document" '
        f'aria-labelledby="wheel-title wheel-desc" {FONT}>'
        f'<title id="wheel-title">{escape(title)}</title>'
        f'<desc id="wheel-desc">{escape(desc)}</desc>'
        f'<g aria-hidden="true">{"".join(grid)}</g>'
        f"{''.join(labels)}{''.join(marks)}{legend}</svg>"
    )


def _legend(rings: list[WheelRing], with_today: bool) -> tuple[str, float]:
    """The key and the numbered rings under the wheel; returns it and the picture's height."""
    y = SIZE + 8.0
    parts = []
    key = [
        ("dot-held", _("Meeting held")),
        ("dot-planned", _("Meeting planned")),
        ("diamond", _("Recurring items")),
    ]
    if with_today:
        key.append(("today", _("Today")))
    x = 40.0
    for symbol, label in key:
        if symbol.startswith("dot"):
            fill = LINE if symbol == "dot-held" else "#ffffff"
            parts.append(
                f'<circle cx="{number(x)}" cy="{number(y)}" r="6" fill="{fill}" stroke="{LINE}" '
                f'stroke-width="2"/>'
            )
        elif symbol == "diamond":
            parts.append(_marker(x, y, 7, LINE, css="wheel-key"))
        else:
            parts.append(
                f'<line x1="{number(x - 8)}" y1="{number(y)}" x2="{number(x + 8)}" '
                f'y2="{number(y)}" stroke="{TODAY}" stroke-width="2.5" stroke-dasharray="5 3"/>'
            )
        parts.append(
            f'<text x="{number(x + 14)}" y="{number(y)}" font-size="14" fill="{TEXT}" '
            f'dominant-baseline="central">{escape(label)}</text>'
        )
        x += 30 + 8 * len(label)
    for index, ring in enumerate(rings):
        y += 24
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<circle cx="40" cy="{number(y)}" r="6" fill="{colour}"/>'
            f'<text x="54" y="{number(y)}" font-size="14" fill="{TEXT}" '
            f'dominant-baseline="central">{index + 1}. {escape(ring.body.name)}</text>'
        )
    return f'<g class="wheel-legend">{"".join(parts)}</g>', y + 20
