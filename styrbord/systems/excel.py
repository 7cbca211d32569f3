"""System usages and contracts as Excel workbooks, in the layout the import reads back.

Each sheet has the headings in row 1 (the field names, translated), the fields' keys in a
hidden row 2 that the import reads (so headings may be translated and columns moved), and
one row per object from row 3. Column A is the Styrbord id, which the import matches on:
an exported file that is imported again unchanged changes nothing. Choices are written
as their labels, yes/no as words, related rows by name, dates as dates.

The sheets' names are fixed, not translated: the import finds the sheets by them.
"""

import datetime
import io
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from styrbord.systems.models import Contract, SystemUsage
from styrbord.systems.services.contracts import CONTRACT_FIELDS
from styrbord.systems.services.usages import USAGE_FIELDS

SHEET_USAGES = "Systemanvendelser"
SHEET_CONTRACTS = "Kontrakter"
ID = "id"
HEADING_ROW = 1
KEY_ROW = 2
FIRST_DATA_ROW = 3
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The columns in a municipal user's reading order: what it is, who runs it, then the facts.
USAGE_COLUMNS = [
    ID,
    "local_id",
    "system",
    "local_name",
    "system_version",
    "lifecycle",
    "valid_from",
    "valid_to",
    "responsible_unit",
    "expected_users_min",
    "expected_users_max",
    "purpose",
    "hosting",
    "business_critical",
    "criticality_level",
    "contains_ai",
    "licensing_model",
    "accessibility",
    "accessibility_checked_on",
    "functional_fit",
    "technical_fit",
    "data_ordinary",
    "data_sensitive",
    "data_criminal",
    "risk_assessment_done",
    "risk_assessed_on",
    "risk_result",
    "risk_next_on",
    "dpia_done",
    "dpia_on",
    "technical_precautions",
    "user_supervision",
    "retention_defined",
]
CONTRACT_COLUMNS = [
    ID,
    "number",
    "name",
    "supplier",
    "owner",
    "contract_type",
    "procurement",
    "concluded_on",
    "starts_on",
    "duration_months",
    "expires_on",
    "irrevocable_until",
    "notice_months",
    "notice_by_end_of",
    "extension_options",
    "extensions_used",
    "terminated_on",
    "decision_lead_months",
    "parent",
]
assert set(USAGE_COLUMNS) - {ID} <= USAGE_FIELDS
assert set(CONTRACT_COLUMNS) - {ID} <= CONTRACT_FIELDS

MODELS: dict[str, type[models.Model]] = {SHEET_USAGES: SystemUsage, SHEET_CONTRACTS: Contract}
COLUMNS: dict[str, list[str]] = {SHEET_USAGES: USAGE_COLUMNS, SHEET_CONTRACTS: CONTRACT_COLUMNS}


def heading(model: type[models.Model], key: str) -> str:
    if key == ID:
        return _("Styrbord id")
    return str(capfirst(model._meta.get_field(key).verbose_name))


def related_label(obj: models.Model | None) -> str:
    """How a related row is named in a cell; a contract by its number when it has one."""
    if obj is None:
        return ""
    if isinstance(obj, Contract):
        return obj.number or obj.name
    return str(getattr(obj, "name", obj))


def cell_value(obj: models.Model, key: str) -> Any:
    if key == ID:
        return obj.pk
    field = obj._meta.get_field(key)
    if field.is_relation:
        return related_label(getattr(obj, key))
    value = getattr(obj, key)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value)) if value else ""
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    return value


def start_sheet(workbook: Workbook, title: str, *, first: bool) -> Worksheet:
    """A sheet with the headings and the hidden row of keys, ready for data rows."""
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    model, keys = MODELS[title], COLUMNS[title]
    sheet.append([heading(model, key) for key in keys])
    sheet.append(keys)
    for cell in sheet[HEADING_ROW]:
        cell.font = Font(bold=True)
    sheet.row_dimensions[KEY_ROW].hidden = True
    sheet.freeze_panes = f"B{FIRST_DATA_ROW}"
    for index, key in enumerate(keys, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(12, min(40, len(heading(model, key)) + 2))
    return sheet


def append_rows(sheet: Worksheet, objects: Iterable[models.Model]) -> None:
    keys = COLUMNS[sheet.title]
    for obj in objects:
        sheet.append([cell_value(obj, key) for key in keys])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # Text stays text, even when it starts like a formula.
                cell.data_type = "s"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "dd-mm-yyyy"


def save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def usages_xlsx(usages: QuerySet[SystemUsage]) -> bytes:
    """The usages in ``usages`` (e.g. a FilterSet's ``qs``), in its order."""
    workbook = Workbook()
    sheet = start_sheet(workbook, SHEET_USAGES, first=True)
    append_rows(sheet, usages.select_related("system", "responsible_unit"))
    return save(workbook)


def contracts_xlsx(contracts: QuerySet[Contract]) -> bytes:
    """The contracts in ``contracts`` (e.g. a FilterSet's ``qs``), in its order."""
    workbook = Workbook()
    sheet = start_sheet(workbook, SHEET_CONTRACTS, first=True)
    append_rows(sheet, contracts.select_related("supplier", "owner", "parent"))
    return save(workbook)
