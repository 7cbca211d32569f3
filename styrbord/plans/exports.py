"""A plan version as a document: the rows the PDF and the Excel workbook share.

An approved version shows what was approved: item titles and project phases come from the
snapshot taken at approval, and the budget from the amount it had then. A version still
being worked on shows the live projects and budget.
"""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from styrbord.plans import queries
from styrbord.plans.models import QUARTERS, BudgetPool, Criterion, PlanVersion, VersionState
from styrbord.plans.queries import RankedItem

FILENAME = "Indsatsplan-%(year)s-v%(number)s.%(ext)s"
SHEETS = (gettext_lazy("Plan"), gettext_lazy("Hours"), gettext_lazy("Criteria"))
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ZERO = Decimal(0)


@dataclass(frozen=True)
class QuarterHours:
    quarter: int
    requested: int
    allocated: int


@dataclass(frozen=True)
class Row:
    ranked: RankedItem
    phase: str  # the project's phase, or "activity" for an item that is not a project
    criterion_scores: tuple[int | None, ...]  # in the order of the version's criteria
    quarters: tuple[QuarterHours, ...]

    @property
    def item(self) -> Any:
        return self.ranked.item

    @property
    def kind(self) -> str:
        return _("Activity") if self.item.is_activity else _("Project")


@dataclass(frozen=True)
class CriterionShare:
    criterion: Criterion
    share: Decimal  # 0–1

    @property
    def percent(self) -> Decimal:
        return (self.share * 100).quantize(Decimal("0.1"))


def filename(version: PlanVersion, ext: str) -> str:
    return FILENAME % {"year": version.plan.year, "number": version.number, "ext": ext}


def _phase(ranked: RankedItem) -> str:
    item = ranked.item
    if item.is_activity:
        return _("Activity")
    if item.frozen:
        return item.frozen.get("phase_label", "")
    return str(item.project.get_phase_display())


def _quarters(ranked: RankedItem) -> tuple[QuarterHours, ...]:
    hours = list(ranked.item.hours.all())
    return tuple(
        QuarterHours(
            quarter=quarter,
            requested=sum(h.requested_hours for h in hours if h.quarter == quarter),
            allocated=sum(h.allocated_hours for h in hours if h.quarter == quarter),
        )
        for quarter in QUARTERS
    )


def rows(version: PlanVersion, criteria: Sequence[Criterion]) -> list[Row]:
    """The ranked items, in a bounded number of queries whatever their number."""
    result = []
    for ranked in queries.ranked(version):
        scores = {term.criterion.pk: term.score for term in ranked.score.terms}
        result.append(
            Row(
                ranked=ranked,
                phase=_phase(ranked),
                criterion_scores=tuple(scores.get(c.pk) for c in criteria),
                quarters=_quarters(ranked),
            )
        )
    return result


def shares(criteria: Iterable[Criterion]) -> list[CriterionShare]:
    criteria = list(criteria)
    total = sum(c.weight for c in criteria)
    return [
        CriterionShare(criterion=c, share=Decimal(c.weight) / total if total else ZERO)
        for c in criteria
    ]


def pool_amount(version: PlanVersion) -> Decimal | None:
    """The year's budget: as it was at approval for an approved version, else as it is."""
    if version.state == VersionState.APPROVED and version.frozen is not None:
        amount = version.frozen.get("pool_amount")
        return Decimal(amount) if amount is not None else None
    plan = version.plan
    pool = BudgetPool.objects.filter(municipality=version.municipality, year=plan.year).first()
    return pool.amount if pool is not None else None


def pdf_context(version: PlanVersion) -> dict[str, Any]:
    """What ``plans/pdf/version.html`` needs."""
    criteria = queries.criteria_of(version)
    plan_rows = rows(version, criteria)
    decided = version.decided_on is not None
    return {
        "plan": version.plan,
        "version": version,
        "rows": plan_rows,
        "criteria": shares(criteria),
        "pool_amount": pool_amount(version),
        "meeting": version.agenda_item.meeting if decided and version.agenda_item else None,
        "total_requested": sum((r.item.requested_amount for r in plan_rows), start=ZERO),
        "total_allocated": sum((r.item.allocated_amount for r in plan_rows), start=ZERO),
        "quarter_totals": [
            sum(r.quarters[index].allocated for r in plan_rows) for index in range(len(QUARTERS))
        ],
        "quarters": QUARTERS,
    }


# Excel ----------------------------------------------------------------------------------


def _number(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def _sheet(sheet: Worksheet, headings: list[str], values: Iterable[list[Any]]) -> None:
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.data_type = "s"  # a criterion's name is typed by a user
    for row in values:
        sheet.append([_number(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # Text stays text, even when it starts like a formula.
                cell.data_type = "s"
            elif isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    for column, heading in zip(sheet.columns, headings, strict=False):
        sheet.column_dimensions[column[0].column_letter].width = max(10, min(40, len(heading) + 2))


def _plan_sheet(sheet: Worksheet, plan_rows: list[Row], criteria: list[Criterion]) -> None:
    headings = [
        _("Rank"),
        _("Title"),
        _("Kind"),
        _("Phase"),
        _("Weighted score"),
        *(c.name for c in criteria),
        _("Requested (DKK)"),
        _("Allocated (DKK)"),
        _("Spent to date (DKK)"),
    ]
    _sheet(
        sheet,
        headings,
        (
            [
                row.item.rank,
                row.item.shown_title,
                row.kind,
                row.phase,
                row.ranked.score.value,
                *row.criterion_scores,
                row.item.requested_amount,
                row.item.allocated_amount,
                row.ranked.spent,
            ]
            for row in plan_rows
        ),
    )


def _hours_sheet(sheet: Worksheet, plan_rows: list[Row]) -> None:
    headings = [_("Item"), _("Org unit"), _("Quarter"), _("Hours requested"), _("Hours allocated")]
    _sheet(
        sheet,
        headings,
        (
            [row.item.shown_title, h.org_unit.name, h.quarter, h.requested_hours, h.allocated_hours]
            for row in plan_rows
            for h in row.item.hours.all()
        ),
    )


def _criteria_sheet(sheet: Worksheet, criteria: list[CriterionShare]) -> None:
    headings = [_("Name"), _("Direction"), _("Weight"), _("Share")]
    _sheet(
        sheet,
        headings,
        (
            [s.criterion.name, s.criterion.get_kind_display(), s.criterion.weight, s.share]
            for s in criteria
        ),
    )
    for (cell,) in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        cell.number_format = "0.0%"


def to_xlsx(version: PlanVersion) -> bytes:
    criteria = queries.criteria_of(version)
    plan_rows = rows(version, criteria)
    workbook = Workbook()
    plan_sheet = workbook.active
    plan_sheet.title = str(SHEETS[0])[:31]
    _plan_sheet(plan_sheet, plan_rows, criteria)
    _hours_sheet(workbook.create_sheet(str(SHEETS[1])[:31]), plan_rows)
    _criteria_sheet(workbook.create_sheet(str(SHEETS[2])[:31]), shares(criteria))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
