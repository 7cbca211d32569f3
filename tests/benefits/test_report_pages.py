"""The benefits report's pages: the report, its PDF, a project's PDF, and attaching the
report to an agenda item."""

import sys
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.benefits.views.reports import (
    PROJECT_PDF,
    REPORT_PDF,
    project_report_context,
    report_context,
)
from styrbord.core.pdf import render_pdf_html
from styrbord.governance.models import Attachment, MeetingStatus
from tests.benefits.factories import (
    BenefitFactory,
    CaseFactory,
    CostFactory,
    NodeFactory,
    measure,
)
from tests.benefits.test_reports import YEAR, day, economic, hand_built, harvest, measured, point
from tests.factories import OrgUnitFactory
from tests.governance.factories import AgendaItemFactory, MeetingFactory
from tests.portfolio.factories import ProjectFactory

__all__ = ["hand_built"]  # the figures of test_reports, shared as a fixture


def _url(name: str, *args, query: str = "") -> str:
    url = reverse(f"benefits:{name}", args=["norddjurs", *args])
    return f"{url}?{query}" if query else url


def _pdf_html(user, municipality, template: str, context: dict) -> str:
    """The HTML that a PDF view hands to WeasyPrint."""
    request = RequestFactory().get("/")
    request.user = user
    request.municipality = municipality
    return render_pdf_html(request, template, context)


# The report page ----------------------------------------------------------------------


def test_a_reader_sees_the_report(reader_client, hand_built):
    response = reader_client.get(_url("report", query=f"year={YEAR}"))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "Færre sagsbehandlertimer" in content
    assert 'role="img"' in content


def test_each_project_links_to_its_benefits(reader_client, hand_built):
    response = reader_client.get(_url("report", query=f"year={YEAR}"))
    assert f'href="{_url("project", hand_built["alpha"].pk)}"' in response.content.decode()


def test_the_page_shows_the_years_figures(reader_client, hand_built):
    response = reader_client.get(_url("report", query=f"year={YEAR}"))
    totals = response.context["report"].totals
    assert (totals.planned, totals.realised, totals.harvested) == (
        Decimal(210_000),
        Decimal(75_000),
        Decimal(30_000),
    )
    content = response.content.decode()
    for amount in ("210.000 kr.", "75.000 kr.", "30.000 kr.", "150.000 kr."):
        assert amount in content


def test_the_report_is_for_this_year_by_default(reader_client, hand_built):
    response = reader_client.get(_url("report"))
    assert response.context["report"].year == timezone.localdate().year


def test_the_report_for_one_org_unit(reader_client, hand_built):
    response = reader_client.get(
        _url("report", query=f"year={YEAR}&org_unit={hand_built['care'].pk}")
    )
    assert response.context["report"].totals.planned == Decimal(60_000)


def test_a_bad_year_is_explained_next_to_the_field(reader_client, hand_built):
    response = reader_client.get(_url("report", query="year=tyve"))
    assert response.status_code == 200
    assert response.context["form"].errors["year"]
    assert 'value="tyve"' in response.content.decode()


def test_an_org_unit_of_another_municipality_is_refused(reader_client, hand_built, rebild):
    foreign = OrgUnitFactory(municipality=rebild)
    response = reader_client.get(_url("report", query=f"year={YEAR}&org_unit={foreign.pk}"))
    assert response.status_code == 200
    assert response.context["form"].errors["org_unit"]
    assert "report" not in response.context


def test_the_report_page_takes_a_bounded_number_of_queries(
    reader_client, hand_built, django_assert_max_num_queries
):
    for index in range(10):
        extra = economic(ProjectFactory(name=f"Projekt X{index}"), title=f"Ekstra {index}")
        point(extra, day(12, 31), 1_000)
        measured(extra, day(11, 1), 15)
        harvest(extra, day(11, 1), 500)
    with django_assert_max_num_queries(10):
        response = reader_client.get(_url("report", query=f"year={YEAR}"))
    assert len(response.context["report"].rows) == 14


def test_an_editor_is_offered_to_attach_the_report(editor_client, hand_built):
    attach = _url("report_attach")
    assert attach in editor_client.get(_url("report")).content.decode()


def test_a_reader_is_not_offered_to_attach_the_report(reader_client, hand_built):
    assert _url("report_attach") not in reader_client.get(_url("report")).content.decode()


# PDFs ---------------------------------------------------------------------------------


def test_the_report_pdf_is_a_pdf_download(reader_client, hand_built):
    response = reader_client.get(_url("report_pdf", query=f"year={YEAR}"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="Gevinstrapport-2025.pdf"' in response["Content-Disposition"]


def test_the_report_pdf_has_the_pages_figures(reader, hand_built, norddjurs):
    with scope(municipality=norddjurs):
        context = report_context(YEAR) | {"generated": timezone.now()}
        html = _pdf_html(reader, norddjurs, REPORT_PDF, context)
    assert html.count("<h1") == 1
    for expected in ("210.000 kr.", "Færre sagsbehandlertimer", "Ældreplejen", 'role="img"'):
        assert expected in html


def test_the_pdf_answers_503_when_weasyprint_cannot_load(reader_client, hand_built, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as when Pango is missing
    assert reader_client.get(_url("report_pdf")).status_code == 503
    project = hand_built["alpha"]
    assert reader_client.get(_url("project_report_pdf", project.pk)).status_code == 503


@pytest.fixture
def project_with_everything(norddjurs):
    project = ProjectFactory(municipality=norddjurs, name="Digital post")
    benefit = BenefitFactory(project=project, title="Hurtigere svar")
    measure(benefit, 16)
    case = CaseFactory(project=project)
    CostFactory(case=case)
    NodeFactory(project=project, label="Ny selvbetjening")
    return project


def test_the_project_pdf_is_a_pdf_download(reader_client, project_with_everything):
    response = reader_client.get(_url("project_report_pdf", project_with_everything.pk))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_project_pdf_has_achievement_checklist_case_and_map(
    reader, project_with_everything, norddjurs
):
    with scope(municipality=norddjurs):
        context = project_report_context(project_with_everything)
        html = _pdf_html(reader, norddjurs, PROJECT_PDF, context)
    assert "Hurtigere svar" in html
    assert "50 %" in html  # from 20 to 16 of the way to 12
    assert 'id="chart-cash-flow"' in html
    assert 'id="diagram-benefit-map"' in html and "Ny selvbetjening" in html
    assert html.count("styrbord-badge__label") == 4


def test_the_project_pdf_of_another_municipality_is_not_found(reader_client, rebild):
    foreign = ProjectFactory(municipality=rebild)
    assert reader_client.get(_url("project_report_pdf", foreign.pk)).status_code == 404


# Attaching the report to an agenda item -------------------------------------------------


@pytest.fixture
def wheel_item(steering_group):
    """The steering group's yearly item on benefits realisation, from its annual wheel."""
    meeting = MeetingFactory(body=steering_group)
    return AgendaItemFactory(meeting=meeting, title="Status på gevinstrealisering")


def test_attaching_puts_the_report_on_the_agenda_item(editor_client, wheel_item, hand_built):
    response = editor_client.post(
        _url("report_attach"), {"year": YEAR, "item": wheel_item.pk}, follow=False
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "governance:meeting_detail", args=["norddjurs", wheel_item.meeting_id]
    )
    with scopes_disabled():
        attachment = Attachment.objects.get(item=wheel_item)
    assert attachment.content_type == "application/pdf"
    assert attachment.file.read().startswith(b"%PDF")
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]


def test_the_wheels_benefits_item_is_chosen_beforehand(editor_client, wheel_item, steering_group):
    AgendaItemFactory(meeting=wheel_item.meeting, title="Andet punkt")
    form = editor_client.get(_url("report_attach")).context["form"]
    assert form.initial["item"] == wheel_item.pk


def test_a_reader_cannot_attach(reader_client, wheel_item):
    assert reader_client.get(_url("report_attach")).status_code == 403
    response = reader_client.post(_url("report_attach"), {"year": YEAR, "item": wheel_item.pk})
    assert response.status_code == 403
    with scopes_disabled():
        assert not Attachment.objects.filter(item=wheel_item).exists()


def test_items_of_another_municipality_and_held_meetings_are_not_offered(
    editor_client, wheel_item, rebild
):
    foreign = AgendaItemFactory(meeting=MeetingFactory(body__municipality=rebild))
    held = AgendaItemFactory(
        meeting=MeetingFactory(body=wheel_item.meeting.body, status=MeetingStatus.HELD)
    )
    choices = editor_client.get(_url("report_attach")).context["form"].fields["item"].queryset
    offered = {item.pk for item in choices}
    assert offered == {wheel_item.pk}
    assert foreign.pk not in offered and held.pk not in offered


def test_an_item_of_another_municipality_is_refused(editor_client, rebild):
    foreign = AgendaItemFactory(meeting=MeetingFactory(body__municipality=rebild))
    response = editor_client.post(_url("report_attach"), {"year": YEAR, "item": foreign.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["item"]
    with scopes_disabled():
        assert not Attachment.objects.filter(item=foreign).exists()


def test_a_bad_year_keeps_the_chosen_item(editor_client, wheel_item):
    response = editor_client.post(_url("report_attach"), {"year": "19", "item": wheel_item.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["year"]
    assert f'value="{wheel_item.pk}" selected' in response.content.decode()


def test_the_page_shows_each_benefit_twenty_projects_at_a_time(reader_client, norddjurs):
    projects = [ProjectFactory(name=f"Projekt {number:02}") for number in range(21)]
    for project in projects:
        economic(project, value_per_year=Decimal(1000))
    first = reader_client.get(_url("report", query=f"year={YEAR}")).content.decode()
    second = reader_client.get(_url("report", query=f"year={YEAR}&side=2")).content.decode()
    tables = 'id="report-project-'
    assert first.count(tables) == 20
    assert second.count(tables) == 1
