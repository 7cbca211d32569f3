"""The filtered portfolio as CSV and Excel: the rows of the overview, in its order.

Both are built in memory from one list of rows: a municipality's portfolio is hundreds of
projects, not millions, and the rows come in a fixed number of queries (focus areas are
prefetched, and may be catalogue rows).
"""

import csv
import datetime
import decimal
import io
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from styrbord.portfolio import queries
from styrbord.portfolio.models import Project, Rag

# The project's fields in the export's order; headings come from the fields' names.
FIELDS = [
    "name",
    "origin",
    "phase",
    "org_unit",
    "owner",
    "leader",
    "start_date",
    "end_date",
    "budget_one_off",
    "budget_running",
    "financing",
    "is_lighthouse",
    "priority",
    "current_status",
    "next_report_due",
    "focus_areas",
    "tags",
]
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _status(project: Project) -> str:
    return str(Rag(project.current_status).label) if project.current_status else _("No report yet")


def _related(name: str) -> Callable[[Project], str]:
    return lambda project: str(getattr(project, name) or "")


VALUES: dict[str, Callable[[Project], Any]] = {
    "origin": lambda p: p.get_origin_display(),
    "phase": lambda p: p.get_phase_display(),
    "org_unit": _related("org_unit"),
    "owner": _related("owner"),
    "leader": _related("leader"),
    "financing": lambda p: p.get_financing_display(),
    "is_lighthouse": lambda p: _("Yes") if p.is_lighthouse else _("No"),
    "priority": lambda p: p.get_priority_display() or "",
    "current_status": _status,
    # Prefetched by ``with_alignment``; ``.all()`` reads the prefetch, not the database.
    "focus_areas": lambda p: ", ".join(area.name for area in p.focus_areas.all()),
}


def headings() -> list[str]:
    return [str(capfirst(Project._meta.get_field(name).verbose_name)) for name in FIELDS]


def rows(projects: QuerySet[Project]) -> list[list[Any]]:
    """One list of values per project, in the queryset's order: text, dates, decimals."""
    return [
        [VALUES[name](project) if name in VALUES else getattr(project, name) for name in FIELDS]
        for project in queries.with_alignment(projects)
    ]


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        # With the active language's decimal mark, which Danish Excel expects.
        return number_format(value, decimal_pos=2)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(projects: QuerySet[Project]) -> bytes:
    """Semicolon-separated UTF-8 with a byte order mark, as Danish Excel opens it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headings())
    for row in rows(projects):
        writer.writerow([_csv_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(projects: QuerySet[Project]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Portfolio")[:31]
    sheet.append(headings())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows(projects):
        sheet.append([float(v) if isinstance(v, decimal.Decimal) else v for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # Text stays text, even when it starts like a formula.
                cell.data_type = "s"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "dd-mm-yyyy"
            elif isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    for column, heading in zip(sheet.columns, headings(), strict=True):
        sheet.column_dimensions[column[0].column_letter].width = max(12, min(40, len(heading) + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
