"""The benefit map (gevinstkort) as a server-drawn SVG, and the same map as an outline.

Five columns, one per layer, read left to right: what the project delivers, how ways of
working change, the effect, the benefit, the strategic focus area it serves. The page, the
map's PDF and the project report all draw it with ``benefit_map_svg``, so they show the
same picture. Each layer has its own box shape and outline (square and solid, dashed,
dotted, round, double), and each column is headed by its layer's name, so colour is never
the only carrier; ``outline`` gives the text alternative the pages put next to it.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from styrbord.benefits.models import LAYERS, MapEdge, MapNode, NodeKind
from styrbord.core.svg import CHAR_WIDTH, MUTED, TEXT, escape, number, svg
from styrbord.core.svg import text as svg_text

MARGIN = 16
COLUMN = 184
GAP = 52  # between columns, where the arrows run
PAD_X = 10
PAD_Y = 8
LINE = 16
NODE_GAP = 14
MAX_LINES = 4
HEADING_LINE = 17
BOLD_CHAR_WIDTH = 7.8
ARROW = 8


@dataclass(frozen=True)
class LayerStyle:
    fill: str
    stroke: str
    dash: str  # stroke-dasharray, "" for a solid line
    radius: float
    double: bool = False


# Light fills keep the black text at more than 4.5:1; the outlines have 3:1 against white.
STYLES: dict[str, LayerStyle] = {
    NodeKind.DELIVERABLE: LayerStyle("#e6eef6", "#00508f", "", 0),
    NodeKind.CHANGE: LayerStyle("#efe8f5", "#6a3d9a", "6 3", 6),
    NodeKind.EFFECT: LayerStyle("#e3f0f1", "#005f66", "2 2", 6),
    NodeKind.BENEFIT: LayerStyle("#e8f3ea", "#1f6e34", "", 14),
    NodeKind.FOCUS_AREA: LayerStyle("#f6efe3", "#7a4f00", "", 6, double=True),
}


def wrap(content: str, chars: int, max_lines: int) -> tuple[list[str], bool]:
    """``content`` in lines of at most ``chars`` characters, broken between words where it
    can; and whether it had to be cut short to fit ``max_lines``."""
    lines: list[str] = []
    current = ""
    for word in content.split():
        while len(word) > chars:  # a word longer than a line is broken where it must be
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:chars])
            word = word[chars:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= chars:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines or [""], False
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: chars - 1].rstrip() + "…"
    return kept, True


@dataclass(frozen=True)
class Box:
    node: MapNode
    x: float
    y: float
    height: float
    lines: list[str]
    clipped: bool

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def _column_x(layer: int) -> float:
    return MARGIN + layer * (COLUMN + GAP)


def _shape(style: LayerStyle, x: float, y: float, width: float, height: float) -> str:
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    outer = (
        f'<rect x="{number(x)}" y="{number(y)}" width="{number(width)}" '
        f'height="{number(height)}" rx="{number(style.radius)}" fill="{style.fill}" '
        f'stroke="{style.stroke}" stroke-width="{2 if style.dash else 1.5}"{dash}/>'
    )
    if not style.double:
        return outer
    inset = 3.5
    return outer + (
        f'<rect x="{number(x + inset)}" y="{number(y + inset)}" '
        f'width="{number(width - 2 * inset)}" height="{number(height - 2 * inset)}" '
        f'rx="{number(max(style.radius - inset, 0))}" fill="none" stroke="{style.stroke}" '
        f'stroke-width="1"/>'
    )


def _layer_label(kind: str) -> str:
    return str(NodeKind(kind).label)


def _counts(nodes: Sequence[MapNode], edges: int) -> str:
    per_layer = {kind: 0 for kind in LAYERS}
    for node in nodes:
        per_layer[node.kind] += 1
    parts = [
        ngettext(
            "%(count)d deliverable", "%(count)d deliverables", per_layer[NodeKind.DELIVERABLE]
        ),
        ngettext(
            "%(count)d change in ways of working",
            "%(count)d changes in ways of working",
            per_layer[NodeKind.CHANGE],
        ),
        ngettext("%(count)d effect", "%(count)d effects", per_layer[NodeKind.EFFECT]),
        ngettext("%(count)d benefit", "%(count)d benefits", per_layer[NodeKind.BENEFIT]),
        ngettext(
            "%(count)d strategic focus area",
            "%(count)d strategic focus areas",
            per_layer[NodeKind.FOCUS_AREA],
        ),
    ]
    counted = [part % {"count": per_layer[kind]} for part, kind in zip(parts, LAYERS, strict=True)]
    arrows = ngettext("%(count)d arrow", "%(count)d arrows", edges) % {"count": edges}
    return _("The map has %(layers)s, and %(arrows)s from left to right.") % {
        "layers": ", ".join(counted),
        "arrows": arrows,
    }


def _edge(source: Box, target: Box) -> str:
    x1 = source.x + COLUMN
    y1 = source.middle
    x2 = target.x - ARROW
    y2 = target.middle
    bend = max((x2 - x1) / 2, 24)
    label = _("%(source)s leads to %(target)s") % {
        "source": source.node.label,
        "target": target.node.label,
    }
    return (
        f'<g class="benefit-map-arrow"><title>{escape(label)}</title>'
        f'<path d="M{number(x1)} {number(y1)} C{number(x1 + bend)} {number(y1)} '
        f'{number(x2 - bend)} {number(y2)} {number(x2)} {number(y2)}" fill="none" '
        f'stroke="{MUTED}" stroke-width="1.5"/>'
        f'<path d="M{number(x2 + ARROW)} {number(y2)} L{number(x2)} {number(y2 - 4.5)} '
        f'L{number(x2)} {number(y2 + 4.5)} Z" fill="{MUTED}"/></g>'
    )


def _node(box: Box, style: LayerStyle) -> str:
    parts = ['<g class="benefit-map-node">']
    if box.clipped:
        parts.append(f"<title>{escape(box.node.label)}</title>")
    parts.append(_shape(style, box.x, box.y, COLUMN, box.height))
    top = box.y + PAD_Y + LINE / 2
    for index, line in enumerate(box.lines):
        parts.append(svg_text(box.x + PAD_X, top + index * LINE, line))
    parts.append("</g>")
    return "".join(parts)


def benefit_map_svg(
    nodes: list[MapNode], edges: list[MapEdge], chart_id: str = "benefit-map"
) -> str:
    """The map as SVG: a column per layer with its heading, the nodes stacked in their
    order, and a curved arrow from the right side of each source to the left side of its
    target. Every text is escaped; the caller marks the result safe."""
    node_chars = int((COLUMN - 2 * PAD_X) / CHAR_WIDTH)
    heading_chars = int((COLUMN - 2 * PAD_X) / BOLD_CHAR_WIDTH)
    headings = {kind: wrap(_layer_label(kind), heading_chars, 3)[0] for kind in LAYERS}
    heading_height = max(len(lines) for lines in headings.values()) * HEADING_LINE + 2 * PAD_Y
    top = MARGIN + heading_height + 18

    boxes: dict[int, Box] = {}
    bottom = top
    for layer, kind in enumerate(LAYERS):
        y = top
        layer_nodes = sorted(
            (node for node in nodes if node.kind == kind), key=lambda n: (n.position, n.pk or 0)
        )
        for node in layer_nodes:
            lines, clipped = wrap(node.label, node_chars, MAX_LINES)
            height = len(lines) * LINE + 2 * PAD_Y
            boxes[node.pk] = Box(node, _column_x(layer), y, height, lines, clipped)
            y += height + NODE_GAP
        bottom = max(bottom, y)

    drawn = [
        (boxes[edge.source_id], boxes[edge.target_id])
        for edge in edges
        if edge.source_id in boxes and edge.target_id in boxes
    ]
    width = 2 * MARGIN + len(LAYERS) * COLUMN + (len(LAYERS) - 1) * GAP
    height = (bottom if boxes else top + 60) + MARGIN

    body = []
    for layer, kind in enumerate(LAYERS):
        x = _column_x(layer)
        body.append(
            f'<rect x="{number(x - 6)}" y="{number(MARGIN - 6)}" width="{number(COLUMN + 12)}" '
            f'height="{number(height - 2 * MARGIN + 12)}" fill="#f5f5f5"/>'
        )
        body.append(_shape(STYLES[kind], x, MARGIN, COLUMN, heading_height))
        first = MARGIN + PAD_Y + HEADING_LINE / 2
        for index, line in enumerate(headings[kind]):
            body.append(svg_text(x + PAD_X, first + index * HEADING_LINE, line, bold=True))
    if not boxes:
        body.append(
            svg_text(
                width / 2,
                top + 24,
                _("The map has no nodes yet."),
                anchor="middle",
                fill=TEXT,
            )
        )
    body.extend(_edge(source, target) for source, target in drawn)
    body.extend(_node(box, STYLES[box.node.kind]) for box in boxes.values())

    title = _("Benefit map: %(nodes)s and %(arrows)s") % {
        "nodes": ngettext("%(count)d node", "%(count)d nodes", len(boxes)) % {"count": len(boxes)},
        "arrows": ngettext("%(count)d arrow", "%(count)d arrows", len(drawn))
        % {"count": len(drawn)},
    }
    desc = _counts([box.node for box in boxes.values()], len(drawn))
    return svg(chart_id, width, height, title, desc, "".join(body))


@dataclass
class OutlineNode:
    node: MapNode
    leads_to: list[tuple[MapEdge, MapNode]] = field(default_factory=list)


@dataclass
class OutlineLayer:
    kind: str
    label: str
    nodes: list[OutlineNode]


def outline(nodes: list[MapNode], edges: list[MapEdge]) -> list[OutlineLayer]:
    """The map as text: per layer its nodes in order, each with the arrows leaving it."""
    by_id = {node.pk: OutlineNode(node) for node in nodes}
    for edge in edges:
        if edge.source_id in by_id and edge.target_id in by_id:
            by_id[edge.source_id].leads_to.append((edge, by_id[edge.target_id].node))
    for item in by_id.values():
        item.leads_to.sort(key=lambda pair: (pair[1].layer, pair[1].position, pair[1].pk))
    return [
        OutlineLayer(
            kind,
            _layer_label(kind),
            sorted(
                (item for item in by_id.values() if item.node.kind == kind),
                key=lambda item: (item.node.position, item.node.pk),
            ),
        )
        for kind in LAYERS
    ]
