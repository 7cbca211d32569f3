"""The benefit map drawn as SVG, and the same map as an outline."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from styrbord.benefits import diagrams
from styrbord.benefits.models import LAYERS, MapEdge, MapNode, NodeKind

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def english():
    """These tests read the diagram's English source strings, not the Danish catalogue."""
    with translation.override("en"):
        yield


def _node(pk: int, kind: str, label: str = "", position: int = 1) -> MapNode:
    return MapNode(pk=pk, kind=kind, label=label or f"Knude {pk}", position=position)


def _edge(pk: int, source: MapNode, target: MapNode) -> MapEdge:
    return MapEdge(pk=pk, source_id=source.pk, target_id=target.pk)


def _tree(nodes, edges) -> ET.Element:
    return ET.fromstring(diagrams.benefit_map_svg(nodes, edges))


def _boxes(root: ET.Element) -> list[tuple[float, float, str]]:
    """Each node's box as (x, y, its first line of text)."""
    boxes = []
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "benefit-map-node":
            rect = group.find(f"{SVG}rect")
            first = group.find(f"{SVG}text")
            boxes.append((float(rect.get("x")), float(rect.get("y")), first.text))
    return boxes


def _arrows(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "benefit-map-arrow"]


def test_each_layer_is_a_column_further_right_than_the_one_before():
    nodes = [_node(index + 1, kind) for index, kind in enumerate(reversed(LAYERS))]
    boxes = {text: x for x, _y, text in _boxes(_tree(nodes, []))}
    xs = [boxes[node.label] for node in sorted(nodes, key=lambda node: node.layer)]
    assert xs == sorted(xs)
    assert len(set(xs)) == len(LAYERS)


def test_nodes_of_a_layer_are_stacked_by_their_position():
    nodes = [
        _node(1, NodeKind.EFFECT, "Anden", position=2),
        _node(2, NodeKind.EFFECT, "Første", position=1),
    ]
    ys = {text: y for _x, y, text in _boxes(_tree(nodes, []))}
    assert ys["Første"] < ys["Anden"]


def test_text_is_escaped():
    nodes = [_node(1, NodeKind.BENEFIT, '<script>alert("x")</script> & co')]
    picture = diagrams.benefit_map_svg(nodes, [])
    assert "<script>" not in picture
    assert "&lt;script&gt;" in picture
    assert "&amp; co" in picture


def test_a_very_long_text_is_clipped_with_the_whole_text_in_a_title():
    label = " ".join(["Meget lang tekst om en gevinst"] * 10)
    root = _tree([_node(1, NodeKind.BENEFIT, label)], [])
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "benefit-map-node")
    lines = [text.text for text in group.findall(f"{SVG}text")]
    assert len(lines) == diagrams.MAX_LINES
    assert lines[-1].endswith("…")
    assert group.find(f"{SVG}title").text == label


def test_the_picture_has_a_title_and_a_description_with_the_counts():
    deliverable = _node(1, NodeKind.DELIVERABLE)
    benefits = [_node(2, NodeKind.BENEFIT), _node(3, NodeKind.BENEFIT)]
    root = _tree([deliverable, *benefits], [_edge(1, deliverable, benefits[0])])
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Benefit map: 3 nodes and 1 arrow"
    desc = root.find(f"{SVG}desc").text
    assert "1 deliverable" in desc
    assert "2 benefits" in desc
    assert "0 effects" in desc
    assert "1 arrow" in desc


def test_an_arrow_is_drawn_for_each_edge_from_the_right_of_the_source_to_the_left_of_the_target():
    source = _node(1, NodeKind.DELIVERABLE, "Fra")
    targets = [_node(2, NodeKind.CHANGE, "Til"), _node(3, NodeKind.FOCUS_AREA, "Mål")]
    root = _tree([source, *targets], [_edge(1, source, targets[0]), _edge(2, source, targets[1])])
    arrows = _arrows(root)
    assert len(arrows) == 2
    boxes = {text: x for x, _y, text in _boxes(root)}
    curve = arrows[0].find(f"{SVG}path").get("d")
    start_x = float(curve.split()[0].removeprefix("M"))
    assert start_x == boxes["Fra"] + diagrams.COLUMN
    head = arrows[0].findall(f"{SVG}path")[1].get("d")
    assert float(head.split()[0].removeprefix("M")) == boxes["Til"]


def test_an_edge_to_a_node_not_on_the_map_is_not_drawn():
    source = _node(1, NodeKind.DELIVERABLE)
    absent = _node(9, NodeKind.EFFECT)
    assert _arrows(_tree([source], [_edge(1, source, absent)])) == []


def test_an_empty_map_draws_the_layer_headings_and_a_note():
    picture = diagrams.benefit_map_svg([], [])
    for label in NodeKind.labels:
        assert label.split()[0] in picture
    assert "The map has no nodes yet." in picture


def test_the_outline_lists_each_nodes_arrows_under_its_layer():
    source = _node(1, NodeKind.DELIVERABLE, "Ny app")
    target = _node(2, NodeKind.EFFECT, "Færre opkald")
    layers = diagrams.outline([source, target], [_edge(1, source, target)])
    assert [layer.kind for layer in layers] == LAYERS
    deliverables = layers[0].nodes
    assert [item.node.label for item in deliverables] == ["Ny app"]
    assert [target.label for _edge, target in deliverables[0].leads_to] == ["Færre opkald"]
