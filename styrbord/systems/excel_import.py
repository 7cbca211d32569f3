"""Importing system usages and contracts from a workbook: the template, the check, the write.

The workbook has the layout of the export (``excel``): sheets "Systemanvendelser" and
"Kontrakter", headings in row 1, the fields' keys in the hidden row 2, data from row 3. A
sheet may leave columns out; a left-out column is not changed.

Matching, for each row:

- the Styrbord id (column A, written by the export) names the row to update; an id this
  municipality does not have is an error;
- without it, a usage is matched by its local id and a contract by its contract number,
  when exactly one has it;
- otherwise the row is new. Two rows for the same usage or contract are an error.

``validate`` reads every row into a planned create, update or "unchanged" and lists every
error by row and column; it writes nothing. ``apply`` writes a report only when it has no
errors at all, every row through the services in one transaction: all or nothing, so a
file fixed and imported again never leaves half of itself behind. A blank cell clears the
field (or gives a new row the field's default), as the export writes every value.
"""

import copy
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from styrbord.core.models import Municipality, OrgUnit, Person, User
from styrbord.systems import excel, kitos_fields
from styrbord.systems.models import Contract, ItSystem, Supplier, SystemUsage
from styrbord.systems.services import contracts as contract_services
from styrbord.systems.services import usages as usage_services

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
TEMPLATE_ROWS = 500
LISTS_SHEET = "Lister"
DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d")
TRUE_WORDS = {"ja", "yes", "j", "y", "x", "1", "true", "sand"}
FALSE_WORDS = {"nej", "no", "n", "0", "false", "falsk"}
# The field matched when a row has no Styrbord id.
NATURAL_KEY = {excel.SHEET_USAGES: "local_id", excel.SHEET_CONTRACTS: "number"}
MASTERED = {excel.SHEET_USAGES: kitos_fields.USAGE, excel.SHEET_CONTRACTS: kitos_fields.CONTRACT}


class CellError(ValueError):
    """A cell's value that cannot be read; the message names what is wrong."""


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass(frozen=True)
class Change:
    column: str
    before: str
    after: str


@dataclass
class RowPlan:
    sheet: str
    row: int
    action: str
    label: str
    values: dict[str, Any]
    target: models.Model | None = None
    changes: list[Change] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportReport:
    municipality: Municipality
    rows: list[RowPlan] = field(default_factory=list)
    # Problems with the workbook itself, not with a row.
    problems: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def has_errors(self) -> bool:
        return bool(self.problems or self.errors)

    @property
    def to_apply(self) -> list[RowPlan]:
        return [row for row in self.rows if row.action != UNCHANGED]

    def counts(self) -> dict[str, int]:
        return {
            action: sum(row.action == action and not row.errors for row in self.rows)
            for action in (CREATE, UPDATE, UNCHANGED)
        }

    def fingerprint(self) -> list[list[Any]]:
        """What the report would write, with the versions it read: confirming a report is
        refused when the data changed between the check and the confirmation."""
        return [
            [
                row.sheet,
                row.row,
                row.action,
                row.target.pk if row.target else None,
                row.target.version if row.target else None,
            ]
            for row in self.to_apply
        ]


def _by_name(rows: Any, key: Callable[[Any], str] = lambda obj: obj.name) -> dict[str, list]:
    found: dict[str, list] = {}
    for obj in rows:
        name = key(obj).strip().lower()
        if name:
            found.setdefault(name, []).append(obj)
    return found


class Lookups:
    """Every row the cells may name, read once per check in a fixed number of queries."""

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self.systems = _by_name(ItSystem.shared.filter(is_active=True))
        self.suppliers = _by_name(Supplier.shared.all())
        self.units = _by_name(OrgUnit.objects.all())
        self.persons = _by_name(Person.objects.all())
        contracts = list(Contract.objects.all())
        self.contracts = {contract.pk: contract for contract in contracts}
        self.contract_numbers = _by_name(contracts, lambda contract: contract.number)
        self.contract_names = _by_name(contracts)
        usages = list(SystemUsage.objects.select_related("system", "responsible_unit"))
        self.usages = {usage.pk: usage for usage in usages}
        self.usage_local_ids = _by_name(usages, lambda usage: usage.local_id)

    def one(self, rows: dict[str, list], text: str, unknown: str, several: str) -> models.Model:
        found = rows.get(text.strip().lower(), [])
        # The municipality's own row wins over the catalogue's of the same name.
        own = [obj for obj in found if obj.municipality_id == self.municipality.pk]
        found = own or found
        if not found:
            raise CellError(unknown % {"name": text})
        if len(found) > 1:
            raise CellError(several % {"name": text})
        return found[0]

    def related(self, key: str, text: str) -> models.Model:
        if key == "system":
            return self.one(
                self.systems,
                text,
                _("unknown IT system '%(name)s'"),
                _("several IT systems are named '%(name)s'"),
            )
        if key == "supplier":
            return self.one(
                self.suppliers,
                text,
                _("unknown supplier '%(name)s'"),
                _("several suppliers are named '%(name)s'"),
            )
        if key == "responsible_unit":
            return self.one(
                self.units,
                text,
                _("unknown unit '%(name)s'"),
                _("several units are named '%(name)s'"),
            )
        if key == "owner":
            return self.one(
                self.persons,
                text,
                _("unknown person '%(name)s'"),
                _("several persons are named '%(name)s'"),
            )
        # A parent contract is named by its number, or by its name when it has none.
        rows = self.contract_numbers if text.strip().lower() in self.contract_numbers else None
        return self.one(
            rows or self.contract_names,
            text,
            _("unknown contract '%(name)s'"),
            _("several contracts are named '%(name)s'"),
        )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError(_("'%(value)s' is not a date (write it as 31-12-2026)") % {"value": text})


def _whole(value: Any) -> int | None:
    if value is None or _text(value) == "":
        return None
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        number = None
    if number is None or not number.is_integer():
        raise CellError(_("'%(value)s' is not a whole number") % {"value": _text(value)})
    return int(number)


def _choice(model_field: models.Field, value: Any) -> str:
    text = _text(value)
    if not text:
        return model_field.get_default() or ""
    for stored, label in model_field.flatchoices:
        if text.lower() in (str(stored).lower(), str(label).lower()):
            return stored
    choices = ", ".join(str(label) for _stored, label in model_field.flatchoices)
    raise CellError(
        _("'%(value)s' is not one of: %(choices)s") % {"value": text, "choices": choices}
    )


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in TRUE_WORDS:
        return True
    if not text or text in FALSE_WORDS:
        return False
    raise CellError(_("'%(value)s' is not yes or no") % {"value": _text(value)})


def parse(model: type[models.Model], key: str, value: Any, lookups: Lookups) -> Any:
    """The field's value for a cell; CellError with the reason when it cannot be read."""
    model_field = model._meta.get_field(key)
    if model_field.is_relation:
        text = _text(value)
        return lookups.related(key, text) if text else None
    if model_field.choices:
        return _choice(model_field, value)
    if isinstance(model_field, models.BooleanField):
        return _boolean(value)
    if isinstance(model_field, models.DateField):
        return _date(value)
    if isinstance(model_field, models.IntegerField):
        number = _whole(value)
        return model_field.get_default() if number is None else number
    return _text(value)


def _shown(model: type[models.Model], key: str, value: Any) -> str:
    """A value as the report shows it: as the export writes it, a date the Danish way."""
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    shown = excel.cell_value(model(**{key: value}), key)
    return "" if shown is None else str(shown)


def _differs(before: Any, after: Any) -> bool:
    if isinstance(before, str) and isinstance(after, str):
        return before.strip() != after.strip()
    return before != after


class SheetReader:
    def __init__(self, sheet: Worksheet, lookups: Lookups, report: ImportReport) -> None:
        self.sheet, self.lookups, self.report = sheet, lookups, report
        self.name = sheet.title
        self.model = excel.MODELS[self.name]
        self.seen: dict[int, int] = {}

    def keys(self) -> list[str | None] | None:
        keys = [_text(cell.value) or None for cell in self.sheet[excel.KEY_ROW]]
        allowed = set(excel.COLUMNS[self.name])
        if not keys or not set(filter(None, keys)) <= allowed or not any(keys):
            self.report.problems.append(
                _(
                    "The sheet %(sheet)s lacks the hidden row 2 of column keys, or it has "
                    "been changed. Start from the template."
                )
                % {"sheet": self.name}
            )
            return None
        return keys

    def read(self) -> None:
        keys = self.keys()
        if keys is None:
            return
        for number, cells in enumerate(
            self.sheet.iter_rows(min_row=excel.FIRST_DATA_ROW, values_only=True),
            start=excel.FIRST_DATA_ROW,
        ):
            raw = {key: value for key, value in zip(keys, cells, strict=False) if key}
            if all(_text(value) == "" for value in raw.values()):
                continue
            self.report.rows.append(self.row(number, raw))

    def error(self, plan: RowPlan, key: str, message: str) -> None:
        column = excel.heading(self.model, key) if key != NON_FIELD_ERRORS else "—"
        plan.errors.append(RowError(self.name, plan.row, column, message))

    def target(self, plan: RowPlan, raw: dict[str, Any]) -> models.Model | None:
        existing = self.lookups.usages if self.model is SystemUsage else self.lookups.contracts
        pk = _text(raw.get(excel.ID))
        if pk:
            found = existing.get(int(pk)) if pk.isdigit() else None
            if found is None:
                self.error(plan, excel.ID, _("no such row here: '%(value)s'") % {"value": pk})
            return found
        natural = NATURAL_KEY[self.name]
        text = _text(raw.get(natural)).lower()
        if self.model is SystemUsage:
            by_key = self.lookups.usage_local_ids
        else:
            by_key = self.lookups.contract_numbers
        matches = by_key.get(text, []) if text else []
        return matches[0] if len(matches) == 1 else None

    def row(self, number: int, raw: dict[str, Any]) -> RowPlan:
        plan = RowPlan(self.name, number, CREATE, "", {})
        target = self.target(plan, raw)
        for key, value in raw.items():
            if key == excel.ID:
                continue
            try:
                plan.values[key] = parse(self.model, key, value, self.lookups)
            except CellError as problem:
                self.error(plan, key, str(problem))
        plan.label = _text(raw.get("name") or raw.get("local_name") or raw.get("system"))
        if plan.errors:
            return plan
        if target is not None:
            if target.pk in self.seen:
                self.error(
                    plan,
                    excel.ID,
                    _("the same row as row %(row)s") % {"row": self.seen[target.pk]},
                )
                return plan
            self.seen[target.pk] = number
            plan.target, plan.action = target, UPDATE
            plan.values = {
                key: value
                for key, value in plan.values.items()
                if _differs(getattr(target, key), value)
            }
            plan.changes = [
                Change(
                    excel.heading(self.model, key),
                    _shown(self.model, key, getattr(target, key)),
                    _shown(self.model, key, value),
                )
                for key, value in plan.values.items()
            ]
            if not plan.values:
                plan.action = UNCHANGED
            elif target.kitos_uuid:
                for key in sorted(set(plan.values) & MASTERED[self.name]):
                    self.error(plan, key, _("KITOS keeps this field; change it in KITOS."))
            plan.label = plan.label or str(target)
            candidate = copy.copy(target)
        else:
            candidate = self.model(municipality=self.lookups.municipality)
            plan.changes = [
                Change(excel.heading(self.model, key), "", _shown(self.model, key, value))
                for key, value in plan.values.items()
                if _shown(self.model, key, value)
            ]
        for key, value in plan.values.items():
            setattr(candidate, key, value)
        try:
            candidate.full_clean()
        except ValidationError as invalid:
            for key, messages in invalid.message_dict.items():
                for message in messages:
                    self.error(plan, key, message)
        return plan


def read_workbook(content: bytes) -> Workbook:
    """The workbook in ``content``; ValidationError when it is not an Excel file."""
    try:
        return load_workbook(io.BytesIO(content))
    except Exception as problem:  # openpyxl raises many kinds for a file it cannot read
        raise ValidationError(_("This is not an Excel workbook (.xlsx).")) from problem


def validate(workbook: Workbook, *, municipality: Municipality) -> ImportReport:
    """Check every row of the workbook against the municipality's data; writes nothing."""
    report = ImportReport(municipality)
    sheets = [name for name in excel.MODELS if name in workbook.sheetnames]
    if not sheets:
        report.problems.append(
            _("The workbook has neither a sheet named %(usages)s nor one named %(contracts)s.")
            % {"usages": excel.SHEET_USAGES, "contracts": excel.SHEET_CONTRACTS}
        )
        return report
    lookups = Lookups(municipality)
    for name in sheets:
        SheetReader(workbook[name], lookups, report).read()
    return report


@transaction.atomic
def apply(report: ImportReport, *, actor: User | None) -> int:
    """Write every planned create and update, or nothing; returns how many rows were written.

    Refuses (ValueError) a report with errors. A row changed by someone since the check
    raises ``StaleEdit`` and the whole import is rolled back."""
    if report.has_errors:
        raise ValueError("A report with errors is not applied.")
    municipality = report.municipality
    for plan in report.to_apply:
        if plan.sheet == excel.SHEET_USAGES:
            if plan.target is None:
                usage_services.create_usage(municipality, actor=actor, **plan.values)
            else:
                usage_services.update_usage(
                    plan.target, actor=actor, expected_version=plan.target.version, **plan.values
                )
        elif plan.target is None:
            contract_services.create_contract(municipality, actor=actor, **plan.values)
        else:
            contract_services.update_contract(
                plan.target, actor=actor, expected_version=plan.target.version, **plan.values
            )
    return len(report.to_apply)


def _choice_lists(lookups_sheet: Worksheet) -> dict[str, str]:
    """Write each list a column may take on the hidden sheet; the range per field key."""
    lists: dict[str, list[str]] = {}
    for sheet_name, model in excel.MODELS.items():
        for key in excel.COLUMNS[sheet_name]:
            if key == excel.ID:
                continue
            model_field = model._meta.get_field(key)
            if model_field.choices:
                lists[key] = [str(label) for _value, label in model_field.flatchoices]
            elif isinstance(model_field, models.BooleanField):
                lists[key] = [_("Yes"), _("No")]
    lists["system"] = sorted({s.name for s in ItSystem.shared.filter(is_active=True)})
    lists["supplier"] = sorted({s.name for s in Supplier.shared.all()})
    lists["responsible_unit"] = sorted({u.name for u in OrgUnit.objects.all()})
    lists["owner"] = sorted({p.name for p in Person.objects.all()})
    ranges = {}
    for column, (key, values) in enumerate(sorted(lists.items()), start=1):
        lookups_sheet.cell(row=1, column=column, value=key)
        for row, value in enumerate(values, start=2):
            lookups_sheet.cell(row=row, column=column, value=value).data_type = "s"
        letter = lookups_sheet.cell(row=1, column=column).column_letter
        if values:
            ranges[key] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def template() -> bytes:
    """An empty workbook to fill in: instructions, the two sheets and pick lists of the
    choices and of the systems, suppliers, units and persons in the active scope."""
    workbook = Workbook()
    guide = workbook.active
    guide.title = _("Instructions")[:31]
    for line in (
        _("Import of system usages and contracts"),
        _("Fill in the sheets %(usages)s and %(contracts)s from row 3, one row each.")
        % {"usages": excel.SHEET_USAGES, "contracts": excel.SHEET_CONTRACTS},
        _("Row 2 is hidden: it names the fields for the import. Do not change it."),
        _(
            "Leave the Styrbord id empty for a new row. A usage with a known local id and a "
            "contract with a known contract number are updated instead."
        ),
        _("Columns with a list take one of its values. Dates are written as 31-12-2026."),
        _("Nothing is saved until you have seen the check of every row and confirmed it."),
    ):
        guide.append([line])
    guide.column_dimensions["A"].width = 100
    sheets = [excel.start_sheet(workbook, title, first=False) for title in excel.MODELS]
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    ranges = _choice_lists(lists)
    for sheet in sheets:
        for index, key in enumerate(excel.COLUMNS[sheet.title], start=1):
            if key not in ranges:
                continue
            letter = sheet.cell(row=1, column=index).column_letter
            check = DataValidation(
                type="list",
                formula1=ranges[key],
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=_("Not in the list"),
                error=_("Choose a value from the list."),
            )
            check.add(f"{letter}{excel.FIRST_DATA_ROW}:{letter}{TEMPLATE_ROWS}")
            sheet.add_data_validation(check)
    return excel.save(workbook)
