"""The overview's CSV and Excel exports: the filtered rows exactly, in the page's order."""

import csv
import datetime
import decimal
import io

import openpyxl
from django.utils import timezone

from styrbord.portfolio.models import Origin, Phase, Rag
from styrbord.portfolio.services._common import set_shared_relation
from tests.factories import OrgUnitFactory, PersonFactory
from tests.portfolio.factories import (
    FocusAreaFactory,
    ProjectFactory,
    RunningProjectFactory,
    StatusReportFactory,
    StrategyFactory,
    catalogue,
)

URL = "/norddjurs/portefolje/"
TODAY = timezone.localdate()


def _csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def _xlsx_rows(response) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return list(workbook.active.iter_rows(values_only=True))


def _page_names(client, params) -> list[str]:
    response = client.get(URL, params)
    paginator = response.context["page"].paginator
    names = []
    for number in paginator.page_range:
        page = client.get(URL, {**params, "side": number}).context["page"]
        names.extend(project.name for project in page)
    return names


def test_the_csv_holds_the_filtered_rows_in_the_page_s_order(reader_client, norddjurs):
    for number in range(30):
        ProjectFactory(
            name=f"Lokalt {number:02}",
            origin=Origin.LOCAL,
            end_date=TODAY + datetime.timedelta(days=100 - number),
        )
    ProjectFactory(name="Nationalt", origin=Origin.NATIONAL)
    params = {"origin": Origin.LOCAL, "ordering": "end"}
    names = [row[0] for row in _csv_rows(reader_client.get(f"{URL}eksport.csv", params))[1:]]
    page_names = _page_names(reader_client, params)
    assert len(page_names) == 30
    assert names == page_names


def test_the_excel_file_holds_the_same_rows_as_the_page(reader_client, norddjurs):
    _report = StatusReportFactory
    _report(project=RunningProjectFactory(name="Rød"), overall=Rag.RED, overall_comment="Sent")
    _report(project=RunningProjectFactory(name="Grøn"), overall=Rag.GREEN)
    ProjectFactory(name="Uden rapport")
    params = {"ordering": "status"}
    names = [row[0] for row in _xlsx_rows(reader_client.get(f"{URL}eksport.xlsx", params))[1:]]
    assert names == _page_names(reader_client, params) == ["Rød", "Grøn", "Uden rapport"]


def test_the_csv_is_semicolon_separated_utf8_with_a_byte_order_mark(reader_client, norddjurs):
    ProjectFactory(name="Børneintra; skole og dagtilbud")
    response = reader_client.get(f"{URL}eksport.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    header, row = _csv_rows(response)
    assert len(header) == 17
    assert row[0] == "Børneintra; skole og dagtilbud"
    assert ";" in response.content.decode("utf-8-sig").splitlines()[0]


def test_the_excel_file_opens_with_a_header_row_and_typed_values(reader_client, norddjurs):
    ProjectFactory(
        name="Office 365",
        budget_one_off=decimal.Decimal("125000.50"),
        start_date=datetime.date(2025, 1, 1),
    )
    response = reader_client.get(f"{URL}eksport.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    header, row = _xlsx_rows(response)
    assert len(header) == 17
    assert all(isinstance(heading, str) and heading for heading in header)
    assert row[0] == "Office 365"
    assert row[6] == datetime.datetime(2025, 1, 1)
    assert row[8] == 125000.5


def test_the_export_writes_related_names_focus_areas_and_labels(reader_client, norddjurs):
    shared_area = FocusAreaFactory(
        name="Digital velfærd", strategy=StrategyFactory(municipality=catalogue())
    )
    project = RunningProjectFactory(
        name="Velfærdsteknologi",
        org_unit=OrgUnitFactory(name="Sundhed og Omsorg"),
        leader=PersonFactory(name="Lise Leder"),
        is_lighthouse=True,
        tags="velfærd, sensor",
    )
    set_shared_relation(project, "focus_areas", [shared_area], actor=None)
    _header, row = _csv_rows(reader_client.get(f"{URL}eksport.csv"))
    assert "Sundhed og Omsorg" in row
    assert "Lise Leder" in row
    assert "Digital velfærd" in row
    assert row[-1] == "velfærd, sensor"
    assert row[2] not in Phase.values  # the phase's label, not its code


def test_text_that_starts_like_a_formula_stays_text(reader_client, norddjurs):
    ProjectFactory(name='=HYPERLINK("http://example.com")')
    csv_row = _csv_rows(reader_client.get(f"{URL}eksport.csv"))[1]
    assert csv_row[0].startswith("'=")
    workbook = openpyxl.load_workbook(io.BytesIO(reader_client.get(f"{URL}eksport.xlsx").content))
    cell = workbook.active["A2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://example.com")'


def test_the_exports_do_not_include_other_municipalities(reader_client, rebild):
    ProjectFactory(name="Aula")
    ProjectFactory(name="Rebilds projekt", municipality=rebild)
    rows = _csv_rows(reader_client.get(f"{URL}eksport.csv"))
    assert [row[0] for row in rows[1:]] == ["Aula"]


def test_the_exports_query_count_does_not_grow_with_rows(
    reader_client, norddjurs, django_assert_max_num_queries
):
    area = FocusAreaFactory()
    leader = PersonFactory()
    for number in range(30):
        project = RunningProjectFactory(name=f"Projekt {number:02}", leader=leader)
        set_shared_relation(project, "focus_areas", [area], actor=None)
    reader_client.get(URL)  # warm-up: session, roles, content types
    for export in ("eksport.csv", "eksport.xlsx"):
        with django_assert_max_num_queries(10):
            assert reader_client.get(f"{URL}{export}").status_code == 200
