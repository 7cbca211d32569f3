"""The benefit map pages: the map with its text alternative, editing it, and its PDF."""

import html
import itertools
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from styrbord.benefits.models import MapEdge, MapNode, NodeKind
from styrbord.benefits.services import maps
from styrbord.benefits.views.maps import PDF_TEMPLATE, map_context
from styrbord.core.pdf import render_pdf_html
from styrbord.core.services import changes
from tests.benefits.factories import BenefitFactory, NodeFactory
from tests.portfolio.factories import (
    DeliverableFactory,
    FocusAreaFactory,
    ProjectFactory,
    StrategyFactory,
    catalogue,
)

BACKWARDS = gettext_lazy(
    "An arrow leads to a later layer: deliverable → change → effect → benefit → focus area."
)


def _url(name: str, pk: int, slug: str = "norddjurs") -> str:
    return reverse(f"benefits:{name}", kwargs={"kommune": slug, "pk": pk})


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _in_danish(text) -> str:
    with translation.override("da"):
        return str(text)


@pytest.fixture
def project(norddjurs):
    return ProjectFactory(municipality=norddjurs, name="Digital post")


@pytest.fixture
def deliverable_node(project):
    return NodeFactory(project=project, kind=NodeKind.DELIVERABLE, label="Ny selvbetjening")


@pytest.fixture
def benefit_node(project):
    return NodeFactory(project=project, kind=NodeKind.BENEFIT, label="Frigjort tid")


@pytest.fixture
def edge(project, deliverable_node, benefit_node):
    with scope(municipality=project.municipality):
        return maps.add_edge(project, actor=None, source=deliverable_node, target=benefit_node)


# Reading --------------------------------------------------------------------------------


def test_a_reader_sees_the_picture_and_the_map_as_text(reader_client, project, edge):
    page = _page(reader_client.get(_url("map", project.pk)))
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page
    assert 'id="map-text"' in page
    assert "Ny selvbetjening" in page
    assert (
        _in_danish(gettext_lazy("leads to %(layer)s: %(name)s"))
        % {
            "layer": _in_danish(NodeKind.BENEFIT.label).lower(),
            "name": "Frigjort tid",
        }
        in page
    )


def test_a_reader_gets_no_edit_forms(reader_client, project, deliverable_node):
    page = _page(reader_client.get(_url("map", project.pk)))
    assert _url("node_create", project.pk) not in page
    assert _url("node_delete", deliverable_node.pk) not in page


def test_an_editor_gets_the_forms_on_the_map_page(editor_client, project, deliverable_node):
    page = _page(editor_client.get(_url("map", project.pk)))
    assert _url("node_create", project.pk) in page
    assert _url("map_fill", project.pk) in page
    assert _url("node_edit", deliverable_node.pk) in page


def test_the_map_page_reads_a_bounded_number_of_queries(
    reader_client, project, django_assert_max_num_queries
):
    with scopes_disabled():
        nodes = [NodeFactory(project=project, kind=kind) for kind in NodeKind.values * 4]
        for source, target in itertools.pairwise(nodes):
            if target.layer > source.layer:
                maps.add_edge(project, actor=None, source=source, target=target)
    with django_assert_max_num_queries(12):
        assert reader_client.get(_url("map", project.pk)).status_code == 200


def test_the_form_pages_render_for_an_editor(editor_client, project, deliverable_node):
    for url in (
        _url("node_create", project.pk),
        _url("edge_create", project.pk),
        _url("node_edit", deliverable_node.pk),
    ):
        assert editor_client.get(url).status_code == 200, url


def test_the_node_form_offers_the_catalogues_focus_areas(editor_client, project):
    with scopes_disabled():
        shared = FocusAreaFactory(
            strategy=StrategyFactory(municipality=catalogue()), name="Fælles data"
        )
    page = _page(editor_client.get(_url("node_create", project.pk)))
    assert f'value="{shared.pk}"' in page


# Permissions and tenancy -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "target", "method"),
    [
        ("node_create", "project", "get"),
        ("node_create", "project", "post"),
        ("edge_create", "project", "post"),
        ("map_fill", "project", "post"),
        ("node_edit", "node", "post"),
        ("node_delete", "node", "post"),
        ("edge_delete", "edge", "post"),
    ],
)
def test_a_reader_may_not_change_the_map(reader_client, project, edge, name, target, method):
    pk = {"project": project.pk, "node": edge.source_id, "edge": edge.pk}[target]
    response = getattr(reader_client, method)(_url(name, pk))
    assert response.status_code == 403


def test_another_municipalitys_node_is_not_found(editor_client, rebild):
    theirs = NodeFactory(project=ProjectFactory(municipality=rebild))
    assert editor_client.get(_url("node_edit", theirs.pk)).status_code == 404
    assert editor_client.post(_url("node_delete", theirs.pk)).status_code == 404


def test_another_municipalitys_map_is_not_found(reader_client, rebild):
    theirs = ProjectFactory(municipality=rebild)
    assert reader_client.get(_url("map", theirs.pk)).status_code == 404


# Editing ---------------------------------------------------------------------------------


def test_an_editor_adds_a_node_from_the_map_page(editor_client, project):
    response = editor_client.post(
        _url("node_create", project.pk),
        {"node-kind": NodeKind.EFFECT, "node-label": "Færre opkald"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        node = MapNode.objects.get(project=project)
    assert (node.kind, node.label) == (NodeKind.EFFECT, "Færre opkald")


def test_a_node_without_text_is_refused_and_the_layer_is_kept(editor_client, project):
    response = editor_client.post(
        _url("node_create", project.pk), {"node-kind": NodeKind.EFFECT, "node-label": ""}
    )
    assert response.status_code == 200
    assert "label" in response.context["form"].errors
    assert re.search(r'<option value="effect" selected>', response.content.decode())


def test_an_editor_adds_an_arrow_from_the_map_page(
    editor_client, project, deliverable_node, benefit_node
):
    response = editor_client.post(
        _url("edge_create", project.pk),
        {"edge-source": deliverable_node.pk, "edge-target": benefit_node.pk},
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert MapEdge.objects.filter(source=deliverable_node, target=benefit_node).exists()


def test_a_backwards_arrow_is_refused_next_to_the_field_with_the_reason(
    editor_client, project, deliverable_node, benefit_node
):
    response = editor_client.post(
        _url("edge_create", project.pk),
        {"edge-source": benefit_node.pk, "edge-target": deliverable_node.pk},
    )
    assert response.status_code == 200
    error = re.search(
        r'id="id_edge-target_error">(.*?)</span>\s*<select', response.content.decode(), re.S
    )
    assert error is not None
    assert _in_danish(BACKWARDS) in html.unescape(error.group(1))
    assert f'<option value="{benefit_node.pk}" selected>' in response.content.decode()
    with scopes_disabled():
        assert not MapEdge.objects.exists()


def test_an_arrow_to_another_projects_node_is_not_offered(editor_client, project, deliverable_node):
    elsewhere = NodeFactory(project=ProjectFactory(), kind=NodeKind.BENEFIT)
    response = editor_client.post(
        _url("edge_create", project.pk),
        {"edge-source": deliverable_node.pk, "edge-target": elsewhere.pk},
    )
    assert response.status_code == 200
    assert "target" in response.context["form"].errors


def test_renaming_a_node_saves_the_new_text(editor_client, deliverable_node):
    response = editor_client.post(
        _url("node_edit", deliverable_node.pk),
        {"label": "Selvbetjening 2.0", "version": deliverable_node.version},
    )
    assert response.status_code == 302
    with scopes_disabled():
        deliverable_node.refresh_from_db()
    assert deliverable_node.label == "Selvbetjening 2.0"


def test_a_stale_rename_keeps_the_typed_text(editor_client, deliverable_node):
    loaded = deliverable_node.version
    with scopes_disabled():
        changes.update(
            deliverable_node, actor=None, expected_version=loaded, changes={"label": "Andet navn"}
        )
    response = editor_client.post(
        _url("node_edit", deliverable_node.pk), {"label": "Mit navn", "version": loaded}
    )
    assert response.status_code == 200
    assert 'value="Mit navn"' in response.content.decode()
    with scopes_disabled():
        deliverable_node.refresh_from_db()
    assert deliverable_node.label == "Andet navn"


def test_deleting_a_node_removes_its_arrows(editor_client, edge):
    response = editor_client.post(_url("node_delete", edge.source_id))
    assert response.status_code == 302
    with scopes_disabled():
        assert not MapEdge.objects.exists()
        assert not MapNode.objects.filter(pk=edge.source_id).exists()


def test_deleting_an_arrow_keeps_its_nodes(editor_client, edge):
    assert editor_client.post(_url("edge_delete", edge.pk)).status_code == 302
    with scopes_disabled():
        assert not MapEdge.objects.exists()
        assert MapNode.objects.count() == 2


def test_deleting_needs_a_post(editor_client, edge):
    assert editor_client.get(_url("edge_delete", edge.pk)).status_code == 405


def test_filling_from_the_project_adds_its_benefits_and_deliverables(editor_client, project):
    BenefitFactory(project=project, title="Kortere ventetid")
    DeliverableFactory(project=project, title="Selvbetjeningsløsning")
    response = editor_client.post(_url("map_fill", project.pk))
    assert response.status_code == 302
    with scopes_disabled():
        nodes = dict(MapNode.objects.filter(project=project).values_list("label", "kind"))
    assert nodes == {
        "Kortere ventetid": NodeKind.BENEFIT,
        "Selvbetjeningsløsning": NodeKind.DELIVERABLE,
    }


# PDF -------------------------------------------------------------------------------------


def _weasyprint_works() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


@pytest.mark.skipif(not _weasyprint_works(), reason="WeasyPrint or Pango is not available")
def test_the_pdf_is_a_pdf_download_for_a_reader(reader_client, project, edge):
    response = reader_client.get(_url("map_pdf", project.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="gevinstkort-digital-post.pdf"' in response["Content-Disposition"]


def test_the_pdf_has_the_same_picture_and_the_map_as_text(reader, project, edge):
    request = RequestFactory().get("/")
    request.user = reader
    request.municipality = project.municipality
    with scope(municipality=project.municipality):
        context = {"project": project} | map_context(project)
        document = render_pdf_html(request, PDF_TEMPLATE, context)
    assert context["map_svg"] in document
    assert "size: A4 landscape" in document
    assert "Frigjort tid" in document
    assert "/gevinster/knude/" not in document  # no editing controls in print
