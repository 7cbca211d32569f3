"""Excel export of usages and contracts, the import template, the check and the import."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scope, scopes_disabled
from openpyxl import Workbook, load_workbook

from styrbord.core.models import ChangeLogEntry
from styrbord.systems import excel, excel_import
from styrbord.systems.models import Contract, Lifecycle, SystemUsage
from tests.factories import OrgUnitFactory
from tests.systems.factories import ContractFactory, SupplierFactory, SystemFactory, UsageFactory

SLUG = "norddjurs"


def url(name: str) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": SLUG})


def _check(content: bytes, municipality) -> excel_import.ImportReport:
    with scope(municipality=municipality):
        return excel_import.validate(excel_import.read_workbook(content), municipality=municipality)


def _sheet(title: str, rows: list[dict]) -> bytes:
    """A workbook in the template's layout with ``rows`` (field key → cell value)."""
    workbook = Workbook()
    sheet = excel.start_sheet(workbook, title, first=True)
    keys = excel.COLUMNS[title]
    for row in rows:
        sheet.append([row.get(key) for key in keys])
    return excel.save(workbook)


@pytest.fixture
def usages(norddjurs):
    unit = OrgUnitFactory(name="IT og Digitalisering")
    first = UsageFactory(
        local_id="N-001",
        local_name="Sagssystem",
        responsible_unit=unit,
        valid_from=datetime.date(2020, 1, 1),
        functional_fit=3,
        technical_fit=2,
        data_sensitive=True,
        purpose="Journalisering =SUM(A1)",
    )
    second = UsageFactory(lifecycle=Lifecycle.PILOT)
    return [first, second]


@pytest.fixture
def contracts(norddjurs):
    parent = ContractFactory(name="Rammeaftale", number="R-1")
    return [parent, ContractFactory(name="Leveringsaftale", number="K-7", parent=parent)]


def test_exported_usages_imported_again_change_nothing(usages, norddjurs):
    with scope(municipality=norddjurs):
        content = excel.usages_xlsx(SystemUsage.objects.all())
    report = _check(content, norddjurs)
    assert not report.has_errors
    assert [row.action for row in report.rows] == [excel_import.UNCHANGED] * 2
    assert report.to_apply == []


def test_exported_contracts_imported_again_change_nothing(contracts, norddjurs):
    with scope(municipality=norddjurs):
        content = excel.contracts_xlsx(Contract.objects.all())
    report = _check(content, norddjurs)
    assert not report.has_errors
    assert [row.action for row in report.rows] == [excel_import.UNCHANGED] * 2


def test_export_writes_dates_as_dates_and_formulas_as_text(usages, norddjurs):
    with scope(municipality=norddjurs):
        content = excel.usages_xlsx(SystemUsage.objects.filter(pk=usages[0].pk))
    sheet = load_workbook(io.BytesIO(content))[excel.SHEET_USAGES]
    values = dict(zip(excel.USAGE_COLUMNS, (cell for cell in sheet[3]), strict=True))
    assert sheet.row_dimensions[excel.KEY_ROW].hidden
    assert values["valid_from"].value == datetime.datetime(2020, 1, 1)
    assert values["purpose"].data_type == "s"
    assert values[excel.ID].value == usages[0].pk


def test_unknown_supplier_is_reported_with_row_and_column_and_nothing_is_written(
    contracts, norddjurs
):
    with scopes_disabled():
        before = ChangeLogEntry.objects.count()
    content = _sheet(
        excel.SHEET_CONTRACTS,
        [
            {"name": "Ny aftale", "number": "K-99"},
            {"name": "Fejlaftale", "supplier": "Foo A/S"},
        ],
    )
    with translation.override("en"):
        report = _check(content, norddjurs)
        messages = [str(error) for error in report.errors]
    assert messages == ["Row 4, Supplier: unknown supplier 'Foo A/S'"]
    with pytest.raises(ValueError):
        excel_import.apply(report, actor=None)
    with scopes_disabled():
        assert not Contract.objects.filter(number="K-99").exists()
        assert ChangeLogEntry.objects.count() == before


def test_contract_ending_before_it_starts_is_reported(norddjurs):
    content = _sheet(
        excel.SHEET_CONTRACTS,
        [{"name": "Baglæns", "starts_on": "01-06-2026", "expires_on": "01-01-2026"}],
    )
    report = _check(content, norddjurs)
    assert [(error.row, error.column) for error in report.errors] == [
        (3, excel.heading(Contract, "expires_on"))
    ]


def test_unreadable_cells_are_each_reported(norddjurs):
    content = _sheet(
        excel.SHEET_USAGES,
        [
            {
                "system": "Findes ikke",
                "lifecycle": "Måske",
                "valid_from": "i går",
                "functional_fit": 2.5,
            }
        ],
    )
    report = _check(content, norddjurs)
    assert {error.column for error in report.errors} == {
        excel.heading(SystemUsage, key)
        for key in ("system", "lifecycle", "valid_from", "functional_fit")
    }


def test_a_foreign_id_is_an_error(norddjurs, rebild):
    foreign = UsageFactory(municipality=rebild)
    content = _sheet(excel.SHEET_USAGES, [{excel.ID: foreign.pk, "local_name": "X"}])
    report = _check(content, norddjurs)
    assert report.has_errors
    assert report.rows[0].target is None


def test_apply_creates_and_updates_and_logs_the_actor(usages, contracts, norddjurs, editor):
    system = SystemFactory(name="Aula")
    supplier = SupplierFactory(name="KOMBIT")
    content = _sheet(
        excel.SHEET_USAGES,
        [
            {
                "system": "aula",
                "local_id": "N-100",
                "lifecycle": "operational",
                "data_ordinary": "Ja",
            },
            # Matched by local id, without the Styrbord id.
            {"local_id": "N-001", "system": usages[0].system.name, "local_name": "ESDH"},
        ],
    )
    report = _check(content, norddjurs)
    assert not report.has_errors, report.errors
    assert [row.action for row in report.rows] == [excel_import.CREATE, excel_import.UPDATE]
    with scope(municipality=norddjurs):
        assert excel_import.apply(report, actor=editor) == 2
        created = SystemUsage.objects.get(local_id="N-100")
        assert created.system == system
        assert created.lifecycle == Lifecycle.OPERATIONAL
        assert created.data_ordinary is True
        updated = SystemUsage.objects.get(pk=usages[0].pk)
        assert updated.local_name == "ESDH"
        # Columns left blank in the row are cleared, as the export writes every value.
        assert updated.responsible_unit is None
        assert ChangeLogEntry.objects.filter(actor=editor, object_id=str(created.pk)).exists()
    contract_file = _sheet(
        excel.SHEET_CONTRACTS, [{"number": "K-7", "name": "Ny", "supplier": supplier.name}]
    )
    report = _check(contract_file, norddjurs)
    with scope(municipality=norddjurs):
        excel_import.apply(report, actor=editor)
        contract = Contract.objects.get(number="K-7")
    assert (contract.name, contract.supplier, contract.parent) == ("Ny", supplier, None)


def test_template_downloads_and_opens_with_both_sheets_and_lists(editor_client):
    response = editor_client.get(url("import_template"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert {excel.SHEET_USAGES, excel.SHEET_CONTRACTS} <= set(workbook.sheetnames)
    usages_sheet = workbook[excel.SHEET_USAGES]
    assert [cell.value for cell in usages_sheet[excel.KEY_ROW]] == excel.USAGE_COLUMNS
    assert usages_sheet.data_validations.dataValidation
    assert workbook[excel_import.LISTS_SHEET].sheet_state == "hidden"


def test_readers_export_but_may_not_import(reader_client, usages, contracts):
    assert reader_client.get(url("export_usages")).status_code == 200
    assert reader_client.get(url("export_contracts")).status_code == 200
    assert reader_client.get(url("import")).status_code == 403
    assert reader_client.get(url("import_template")).status_code == 403


def test_export_applies_the_list_filter(editor_client, usages):
    response = editor_client.get(url("export_usages"), {"lifecycle": Lifecycle.PILOT})
    sheet = load_workbook(io.BytesIO(response.content))[excel.SHEET_USAGES]
    assert [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)] == [usages[1].pk]


def test_upload_shows_the_report_and_confirm_applies(editor_client, norddjurs):
    SystemFactory(name="Skolekom")
    content = _sheet(excel.SHEET_USAGES, [{"system": "Skolekom", "local_id": "S-1"}])
    upload = io.BytesIO(content)
    upload.name = "import.xlsx"
    response = editor_client.post(url("import"), {"file": upload})
    assert response.status_code == 200
    assert response.context["report"].counts()[excel_import.CREATE] == 1
    with scopes_disabled():
        assert not SystemUsage.objects.filter(local_id="S-1").exists()
    response = editor_client.post(url("import_confirm"))
    assert response.status_code == 302
    with scopes_disabled():
        assert SystemUsage.objects.filter(local_id="S-1", municipality=norddjurs).exists()
    # The kept file is gone: a second confirmation imports nothing more.
    editor_client.post(url("import_confirm"))
    with scopes_disabled():
        assert SystemUsage.objects.filter(local_id="S-1").count() == 1


def test_upload_with_errors_answers_400_and_offers_no_confirmation(editor_client):
    content = _sheet(excel.SHEET_CONTRACTS, [{"name": "X", "supplier": "Foo A/S"}])
    upload = io.BytesIO(content)
    upload.name = "import.xlsx"
    response = editor_client.post(url("import"), {"file": upload})
    assert response.status_code == 400
    assert not response.context["can_confirm"]
    assert "Foo A/S" in response.content.decode()


def test_a_file_that_is_not_a_workbook_is_refused_next_to_the_field(editor_client):
    upload = io.BytesIO(b"not excel")
    upload.name = "import.xlsx"
    response = editor_client.post(url("import"), {"file": upload})
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
