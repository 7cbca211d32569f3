"""Comparing the approved start document with what it says now (charter_compare)."""

import copy
import datetime
import decimal

import pytest

from styrbord.portfolio.charter_compare import LISTS, compare_charter, compare_rows

SPECS = {spec.name: spec for spec in LISTS}


def _snapshot(**overrides) -> dict:
    """A snapshot in the shape of services.phases.charter_snapshot."""
    snapshot = {
        "fields": {
            "background": "Borgerne venter.",
            "dependencies": "",
            "out_of_scope": "Skoler.",
            "purpose": "Kortere svartider.",
            "scope": "Borgerservice.",
            "stakeholders": "Borgere og medarbejdere.",
        },
        "deliverables": [
            {"title": "Chatbot i drift", "due_on": "2026-03-01"},
            {"title": "Uddannelse", "due_on": None},
        ],
        "success_criteria": [
            {"description": "Svartid", "measure": "Fagsystemet", "target": "2 dage"},
        ],
        "milestones": [{"title": "Go live", "due_on": "2026-02-01"}],
        "risks": [{"title": "Leverandør forsinket", "probability": 3, "consequence": 4}],
        "dates": {"start_date": "2025-09-01", "end_date": "2026-06-30"},
        "budget": {"budget_one_off": "500000.00", "budget_running": None},
    }
    snapshot.update(overrides)
    return snapshot


def _texts(comparison) -> dict:
    return {change.name: change for change in comparison.texts}


def _list(comparison, name: str):
    return next(part for part in comparison.lists if part.name == name)


def test_identical_snapshots_have_no_changes():
    comparison = compare_charter(_snapshot(), _snapshot())
    assert not comparison.has_changes
    assert all(not change.changed for change in comparison.texts)
    assert [part.unchanged for part in comparison.lists] == [2, 1, 1, 1]


def test_a_changed_text_shows_approved_and_current():
    now = _snapshot()
    now["fields"]["purpose"] = "Svar samme dag."
    change = _texts(compare_charter(_snapshot(), now))["purpose"]
    assert change.changed
    assert (change.approved, change.current) == ("Kortere svartider.", "Svar samme dag.")


def test_an_unchanged_text_is_marked_unchanged():
    now = _snapshot()
    now["fields"]["purpose"] = "Svar samme dag."
    assert not _texts(compare_charter(_snapshot(), now))["scope"].changed


def test_line_endings_and_trailing_spaces_are_not_a_change():
    approved = _snapshot()
    approved["fields"]["scope"] = "Linje et\nLinje to"
    now = _snapshot()
    now["fields"]["scope"] = "Linje et  \r\nLinje to\r\n"
    assert not _texts(compare_charter(approved, now))["scope"].changed


def test_text_labels_are_the_project_fields_verbose_names():
    labels = [change.label for change in compare_charter(_snapshot(), _snapshot()).texts]
    assert len(labels) == 6
    assert all(label and label[0].isupper() for label in labels)


def test_an_added_deliverable_is_listed_as_added():
    now = _snapshot()
    now["deliverables"].append({"title": "Evaluering", "due_on": "2026-06-01"})
    deliverables = _list(compare_charter(_snapshot(), now), "deliverables")
    assert deliverables.added == [["Evaluering", datetime.date(2026, 6, 1)]]
    assert deliverables.removed == []
    assert deliverables.unchanged == 2


def test_a_removed_risk_is_listed_as_removed():
    now = _snapshot(risks=[])
    risks = _list(compare_charter(_snapshot(), now), "risks")
    assert risks.removed == [["Leverandør forsinket", 3, 4]]
    assert risks.added == []


def test_a_changed_row_lists_only_the_values_that_changed():
    now = _snapshot()
    now["risks"] = [{"title": "Leverandør forsinket", "probability": 5, "consequence": 4}]
    risks = _list(compare_charter(_snapshot(), now), "risks")
    assert len(risks.changed) == 1
    row = risks.changed[0]
    assert row.title == "Leverandør forsinket"
    assert [(c.name, c.approved, c.current) for c in row.changes] == [("probability", 3, 5)]


def test_a_moved_due_date_is_a_change_with_dates():
    now = _snapshot()
    now["milestones"] = [{"title": "Go live", "due_on": "2026-04-01"}]
    change = _list(compare_charter(_snapshot(), now), "milestones").changed[0].changes[0]
    assert (change.approved, change.current) == (
        datetime.date(2026, 2, 1),
        datetime.date(2026, 4, 1),
    )


def test_rows_are_matched_by_title_ignoring_case_and_spaces():
    now = _snapshot()
    now["deliverables"][0]["title"] = "  chatbot I drift "
    deliverables = _list(compare_charter(_snapshot(), now), "deliverables")
    assert deliverables.added == deliverables.removed == []
    assert [change.name for change in deliverables.changed[0].changes] == ["title"]


def test_a_renamed_row_is_one_removed_and_one_added():
    now = _snapshot()
    now["milestones"] = [{"title": "Idriftsættelse", "due_on": "2026-02-01"}]
    milestones = _list(compare_charter(_snapshot(), now), "milestones")
    assert [row[0] for row in milestones.removed] == ["Go live"]
    assert [row[0] for row in milestones.added] == ["Idriftsættelse"]


def test_success_criteria_are_matched_by_their_description():
    now = _snapshot()
    now["success_criteria"] = [
        {"description": "Svartid", "measure": "Fagsystemet", "target": "1 dag"}
    ]
    criteria = _list(compare_charter(_snapshot(), now), "success_criteria")
    assert [(c.name, c.current) for c in criteria.changed[0].changes] == [("target", "1 dag")]


def test_rows_with_the_same_title_are_paired_in_order():
    spec = SPECS["deliverables"]
    approved = [
        {"title": "Test", "due_on": "2026-01-01"},
        {"title": "Test", "due_on": "2026-02-01"},
    ]
    now = [{"title": "Test", "due_on": "2026-01-01"}]
    result = compare_rows(spec, approved, now)
    assert result.unchanged == 1
    assert result.removed == [["Test", datetime.date(2026, 2, 1)]]


def test_removed_rows_keep_the_approved_order():
    spec = SPECS["milestones"]
    approved = [
        {"title": "B", "due_on": "2026-01-01"},
        {"title": "A", "due_on": "2026-02-01"},
        {"title": "B", "due_on": "2026-03-01"},
    ]
    assert [row[1].month for row in compare_rows(spec, approved, []).removed] == [1, 2, 3]


def test_a_moved_end_date_is_shown_as_dates():
    now = _snapshot(dates={"start_date": "2025-09-01", "end_date": "2026-12-31"})
    dates = {change.name: change for change in compare_charter(_snapshot(), now).dates}
    assert dates["end_date"].changed
    assert dates["end_date"].approved == datetime.date(2026, 6, 30)
    assert dates["end_date"].current == datetime.date(2026, 12, 31)
    assert not dates["start_date"].changed


def test_a_budget_change_compares_amounts_not_strings():
    now = _snapshot(budget={"budget_one_off": "500000", "budget_running": "75000.50"})
    budget = {change.name: change for change in compare_charter(_snapshot(), now).budget}
    assert not budget["budget_one_off"].changed
    assert budget["budget_running"].changed
    assert budget["budget_running"].approved is None
    assert budget["budget_running"].current == decimal.Decimal("75000.50")


def test_a_budget_change_alone_counts_as_a_change():
    now = _snapshot(budget={"budget_one_off": "600000.00", "budget_running": None})
    assert compare_charter(_snapshot(), now).has_changes


@pytest.mark.parametrize("missing", ["fields", "risks", "dates", "budget"])
def test_an_older_baseline_without_a_part_compares_as_empty(missing):
    approved = copy.deepcopy(_snapshot())
    del approved[missing]
    comparison = compare_charter(approved, _snapshot())
    assert comparison.has_changes


def test_a_key_that_only_one_side_has_becomes_a_column():
    spec = SPECS["deliverables"]
    now = [{"title": "Chatbot", "due_on": None, "status": "delivered"}]
    approved = [{"title": "Chatbot", "due_on": None}]
    result = compare_rows(spec, approved, now)
    assert [name for name, _label in result.columns] == ["title", "due_on", "status"]
    assert [(c.name, c.approved, c.current) for c in result.changed[0].changes] == [
        ("status", None, "delivered")
    ]
