"""The start document as a PDF, from the same partial as the page."""

import sys

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from styrbord.core.pdf import render_pdf_html
from styrbord.core.services import changes
from styrbord.portfolio.models import Project
from styrbord.portfolio.views.charter import document_context
from tests.portfolio.factories import DeliverableFactory, ProjectFactory, RiskFactory


def _url(name: str, project, slug: str = "norddjurs") -> str:
    return reverse(f"portfolio:{name}", kwargs={"kommune": slug, "pk": project.pk})


def _html(user, project) -> str:
    """The HTML that the PDF view hands to WeasyPrint."""
    request = RequestFactory().get("/")
    request.user = user
    request.municipality = project.municipality
    with scope(municipality=project.municipality):
        project = Project.objects.get(pk=project.pk)
        context = document_context(project) | {"for_print": True}
        return render_pdf_html(request, "portfolio/charter/charter_pdf.html", context)


@pytest.fixture
def project(norddjurs):
    project = ProjectFactory(municipality=norddjurs, name="Talegenkendelse i Ældreplejen")
    RiskFactory(project=project, title="Leverandøren bliver forsinket", probability=4)
    DeliverableFactory(project=project, title="Løsning i drift")
    return project


def test_the_pdf_is_a_pdf_download_for_a_reader(reader_client, project):
    response = reader_client.get(_url("charter_pdf", project))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_pdf_is_named_after_the_project(reader_client, project):
    response = reader_client.get(_url("charter_pdf", project))
    assert response["Content-Disposition"] == (
        'attachment; filename="startdokument-talegenkendelse-i-aeldreplejen.pdf"'
    )


def test_the_pdf_needs_a_login(client, project):
    response = client.get(_url("charter_pdf", project))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_another_municipalitys_start_document_gives_404(reader_client, rebild):
    theirs = ProjectFactory(municipality=rebild)
    assert reader_client.get(_url("charter_pdf", theirs)).status_code == 404


def test_the_pdf_holds_the_parts_and_the_heat_map(reader, project):
    html = _html(reader, project)
    assert "Talegenkendelse i Ældreplejen" in html
    assert "Løsning i drift" in html
    assert "Leverandøren bliver forsinket" in html
    assert 'class="styrbord-heatmap"' in html


def test_the_pdf_has_no_edit_links_even_for_an_editor(editor, project):
    html = _html(editor, project)
    assert (
        reverse(
            "portfolio:part_create",
            kwargs={"kommune": "norddjurs", "pk": project.pk, "part": "risici"},
        )
        not in html
    )
    assert _url("charter_edit", project) not in html


def test_markdown_in_the_pdf_cannot_inject_script(reader, project):
    with scopes_disabled():
        changes.update(
            project,
            actor=None,
            expected_version=project.version,
            changes={"purpose": "Tekst <script>alert(1)</script> **fed**"},
        )
    html = _html(reader, project)
    assert "<script>" not in html
    assert "<strong>fed</strong>" in html


def test_the_pdf_answers_503_when_weasyprint_cannot_load(reader_client, project, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as when Pango is missing
    response = reader_client.get(_url("charter_pdf", project))
    assert response.status_code == 503
