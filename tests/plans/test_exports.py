"""A plan version as a PDF and as an Excel workbook."""

import io
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from styrbord.core.pdf import render_pdf_html
from styrbord.core.services import changes
from styrbord.governance.models import MeetingStatus, Outcome
from styrbord.governance.services import items as agenda
from styrbord.plans import exports
from styrbord.plans.models import BudgetPool, PlanVersion
from styrbord.plans.services import decisions, items
from styrbord.plans.views.exports import PDF_TEMPLATE
from tests.factories import OrgUnitFactory
from tests.plans.factories import ItemFactory, PoolFactory
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")


def _url(name: str, number: int = 1) -> str:
    return reverse(f"plans:{name}", kwargs={"kommune": "norddjurs", "year": 2026, "number": number})


def _approve(version, editor, secretary):
    version.refresh_from_db()
    decisions.submit(version, actor=editor, expected_version=version.version)
    version.refresh_from_db()
    item = version.agenda_item
    meeting = item.meeting
    changes.update(
        meeting,
        actor=None,
        expected_version=meeting.version,
        changes={
            "status": MeetingStatus.HELD,
            "starts_at": timezone.now() - timezone.timedelta(days=1),
        },
    )
    item.refresh_from_db()
    agenda.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Godkendt.",
        outcome=Outcome.APPROVED,
    )
    version.refresh_from_db()
    return version


def _html(user, version) -> str:
    """The HTML that the PDF view hands to WeasyPrint."""
    request = RequestFactory().get("/")
    request.user = user
    request.municipality = version.municipality
    version = PlanVersion.objects.select_related("plan", "agenda_item__meeting").get(pk=version.pk)
    return render_pdf_html(request, PDF_TEMPLATE, exports.pdf_context(version))


def _workbook(response):
    return load_workbook(io.BytesIO(response.content))


# PDF ------------------------------------------------------------------------------------


def test_the_pdf_is_a_pdf_download_named_after_the_plan(reader_client, draft):
    ItemFactory(plan_version=draft, title="Digitaliseringsseminar")
    response = reader_client.get(_url("version_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="Indsatsplan-2026-v1.pdf"' in response["Content-Disposition"]


def test_the_pdf_lists_the_items_in_rank_order(reader, draft):
    ItemFactory(plan_version=draft, title="Første indsats")
    ItemFactory(plan_version=draft, title="Anden indsats")
    html = _html(reader, draft)
    assert html.index("Første indsats") < html.index("Anden indsats")


def test_the_pdf_of_an_approved_version_keeps_the_frozen_title(
    reader, draft, editor, secretary, meeting, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    items.add_item(draft, actor=editor, project=project)
    _approve(draft, editor, secretary)
    project.refresh_from_db()
    changes.update(
        project, actor=None, expected_version=project.version, changes={"name": "Nyt navn"}
    )
    html = _html(reader, draft)
    assert "Borgerblikket" in html
    assert "Nyt navn" not in html


def test_the_pdf_of_a_decided_version_names_the_meeting(reader, draft, editor, secretary, meeting):
    ItemFactory(plan_version=draft)
    _approve(draft, editor, secretary)
    meeting.refresh_from_db()
    assert str(meeting) in _html(reader, draft)


def test_an_approved_version_shows_the_budget_it_was_approved_with(
    draft, editor, secretary, meeting, norddjurs
):
    pool = PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(2_000_000))
    ItemFactory(plan_version=draft)
    _approve(draft, editor, secretary)
    BudgetPool.objects.filter(pk=pool.pk).update(amount=Decimal(3_000_000))
    assert exports.pdf_context(draft)["pool_amount"] == Decimal(2_000_000)


def test_a_draft_shows_the_budget_as_it_is(draft, norddjurs):
    PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(2_000_000))
    assert exports.pdf_context(draft)["pool_amount"] == Decimal(2_000_000)


def test_the_pdf_of_an_unknown_version_is_not_found(reader_client, draft):
    assert reader_client.get(_url("version_pdf", number=4)).status_code == 404


# Excel ----------------------------------------------------------------------------------


def test_the_workbook_has_a_plan_an_hours_and_a_criteria_sheet(reader_client, draft):
    response = reader_client.get(_url("version_xlsx"))
    assert response.status_code == 200
    assert 'filename="Indsatsplan-2026-v1.xlsx"' in response["Content-Disposition"]
    with translation.override("da"):
        expected = [str(name) for name in exports.SHEETS]
    assert _workbook(response).sheetnames == expected


def test_the_plan_sheet_has_the_items_in_rank_order_with_numbers_as_numbers(
    reader_client, draft, editor, norddjurs
):
    PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(1_000_000))
    items.add_item(draft, actor=editor, title="A", allocated_amount=Decimal(150_000))
    items.add_item(draft, actor=editor, title="B")
    b = draft.items.get(title="B")
    draft.refresh_from_db()
    items.move_item(b, actor=editor, expected_version=draft.version, direction="up")
    items.set_score(b, actor=editor, criterion=draft.criteria.first(), score=4)
    sheet = _workbook(reader_client.get(_url("version_xlsx"))).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[:2] for row in rows[1:]] == [(1, "B"), (2, "A")]
    assert rows[1][5] == 4  # the first criterion's score
    assert rows[2][-2] == 150_000
    assert sheet["A1"].font.bold
    assert len(rows[0]) == 5 + draft.criteria.count() + 3


def test_the_hours_sheet_has_a_row_per_org_unit_and_quarter(
    reader_client, draft, editor, norddjurs
):
    unit = OrgUnitFactory(municipality=norddjurs, name="Digitalisering")
    item = ItemFactory(plan_version=draft, title="A")
    for quarter in (1, 3):
        items.set_hours(
            item,
            actor=editor,
            org_unit=unit,
            quarter=quarter,
            requested_hours=40,
            allocated_hours=30,
        )
    sheet = _workbook(reader_client.get(_url("version_xlsx"))).worksheets[1]
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [
        ("A", "Digitalisering", 1, 40, 30),
        ("A", "Digitalisering", 3, 40, 30),
    ]


def test_the_criteria_sheet_has_the_weights_and_shares(reader_client, draft):
    sheet = _workbook(reader_client.get(_url("version_xlsx"))).worksheets[2]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[2] for row in rows] == list(draft.criteria.values_list("weight", flat=True))
    assert sum(row[3] for row in rows) == pytest.approx(1)


def test_a_title_that_looks_like_a_formula_stays_text(reader_client, draft):
    ItemFactory(plan_version=draft, title="=SUM(A1:A9)")
    sheet = _workbook(reader_client.get(_url("version_xlsx"))).worksheets[0]
    assert sheet["B2"].value == "=SUM(A1:A9)"
    assert sheet["B2"].data_type == "s"


def test_the_workbook_takes_a_bounded_number_of_queries(
    reader_client, draft, editor, norddjurs, django_assert_max_num_queries
):
    unit = OrgUnitFactory(municipality=norddjurs)
    for n in range(10):
        item = ItemFactory(plan_version=draft, title=f"Indsats {n}")
        items.set_hours(
            item, actor=editor, org_unit=unit, quarter=1, requested_hours=5, allocated_hours=5
        )
        items.add_item(draft, actor=editor, project=ProjectFactory(municipality=norddjurs))
    with django_assert_max_num_queries(15):
        response = reader_client.get(_url("version_xlsx"))
    assert response.status_code == 200


def test_another_municipalitys_user_gets_no_workbook(client, other_editor, draft):
    client.force_login(other_editor)
    assert client.get(_url("version_xlsx")).status_code in (403, 404)
