"""Writing benefits, measurements, harvests, business cases and maps through the services."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from styrbord.benefits import queries
from styrbord.benefits.models import Category, CostKind, NodeKind
from styrbord.benefits.services import benefits as benefit_services
from styrbord.benefits.services import maps, measurements
from styrbord.core.models import ChangeLogEntry
from styrbord.portfolio.models import Origin, Phase
from styrbord.portfolio.services import phases
from tests.benefits.factories import (
    BenefitFactory,
    CaseFactory,
    CostFactory,
    ManagerFactory,
    NodeFactory,
    measure,
)
from tests.factories import PersonFactory
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")

TODAY = timezone.localdate


def test_creating_a_benefit_is_logged(editor, norddjurs):
    project = ProjectFactory()
    benefit = benefit_services.create_benefit(
        project,
        actor=editor,
        title="Kortere sagsbehandling",
        category=Category.QUALITY,
        measure="Sagsbehandlingstid",
        unit="dage",
        direction="lower",
    )
    assert ChangeLogEntry.objects.filter(object_id=benefit.pk, action="create").exists()


def test_a_reader_cannot_create_a_benefit(reader):
    with pytest.raises(PermissionDenied):
        benefit_services.create_benefit(
            ProjectFactory(), actor=reader, title="x", category="quality", measure="m", unit="u"
        )


def test_a_target_date_before_the_baseline_date_is_refused(editor):
    with pytest.raises(ValidationError) as refused:
        BenefitFactory(
            baseline_date=datetime.date(2026, 6, 1), target_date=datetime.date(2026, 1, 1)
        )
    assert "target_date" in refused.value.message_dict


def test_a_falling_measure_with_a_target_above_the_baseline_is_refused():
    with pytest.raises(ValidationError) as refused:
        BenefitFactory(direction="lower", baseline_value=D(20), target_expected=D(25))
    assert "target_expected" in refused.value.message_dict


def test_a_pessimistic_target_better_than_the_expected_is_refused():
    with pytest.raises(ValidationError) as refused:
        BenefitFactory(
            direction="lower", baseline_value=D(20), target_expected=D(12), target_pessimistic=D(10)
        )
    assert "target_pessimistic" in refused.value.message_dict


def test_a_target_equal_to_the_baseline_is_allowed():
    benefit = BenefitFactory(baseline_value=D(50), target_expected=D(50))
    assert benefit.pk


def test_a_measurement_updates_the_latest_value_and_the_next_due_date():
    benefit = BenefitFactory(frequency=3)
    measure(benefit, 15, days_ago=10)
    benefit.refresh_from_db()
    assert benefit.latest_value == D(15)
    measured = TODAY() - datetime.timedelta(days=10)
    assert benefit.next_measurement_due == measurements.add_months(measured, 3)


def test_without_measurements_the_first_is_due_a_period_after_the_baseline():
    benefit = BenefitFactory(frequency=1, baseline_date=datetime.date(2026, 1, 31))
    assert benefit.next_measurement_due == datetime.date(2026, 2, 28)


def test_a_measurement_without_a_value_is_refused(editor):
    benefit = BenefitFactory()
    with pytest.raises(ValidationError) as refused:
        measurements.record_measurement(benefit, actor=editor, measured_on=TODAY(), value=None)
    assert "value" in refused.value.message_dict


def test_the_owner_records_a_measurement_as_a_reader(reader, norddjurs):
    owner = ManagerFactory(user=reader)
    benefit = BenefitFactory(owner=owner)
    measurements.record_measurement(benefit, actor=reader, measured_on=TODAY(), value=D(18))
    assert benefit.measurements.count() == 1


def test_another_reader_cannot_record_a_measurement(reader):
    benefit = BenefitFactory()
    with pytest.raises(PermissionDenied):
        measurements.record_measurement(benefit, actor=reader, measured_on=TODAY(), value=D(18))


def test_a_realised_benefit_is_no_longer_due_for_measurement(editor):
    benefit = BenefitFactory(frequency=1)
    benefit_services.update_benefit(
        benefit, actor=editor, expected_version=benefit.version, status="realised"
    )
    benefit.refresh_from_db()
    assert benefit.next_measurement_due is None


def test_only_a_budget_releasing_benefit_is_harvested(editor):
    benefit = BenefitFactory(category=Category.FREED_TIME)
    with pytest.raises(ValidationError):
        measurements.record_harvest(
            benefit, actor=editor, amount=D(1000), budget="IT", harvested_on=TODAY(), decision="x"
        )


def test_a_harvest_needs_the_decision_that_took_the_money(editor):
    benefit = BenefitFactory(category=Category.BUDGET_RELEASING)
    with pytest.raises(ValidationError) as refused:
        measurements.record_harvest(
            benefit, actor=editor, amount=D(1000), budget="IT", harvested_on=TODAY()
        )
    assert "decision" in refused.value.message_dict


def test_a_cost_whose_minimum_is_above_its_maximum_is_refused():
    with pytest.raises(ValidationError) as refused:
        CostFactory(minimum=D(300), likely=D(200), maximum=D(100))
    assert "minimum" in refused.value.message_dict


def test_a_cost_outside_the_horizon_is_refused():
    case = CaseFactory(start_year=2026, horizon_years=3)
    with pytest.raises(ValidationError) as refused:
        CostFactory(case=case, year=2030)
    assert "year" in refused.value.message_dict


def test_the_business_case_adds_costs_and_benefits_per_year():
    # 100.000 up front; a budget-releasing benefit worth 60.000 a year from 2027; 0 % rate.
    project = ProjectFactory()
    case = CaseFactory(project=project, start_year=2026, horizon_years=3, discount_rate=D(0))
    CostFactory(case=case, year=2026, minimum=D(100_000), likely=D(100_000), maximum=D(100_000))
    BenefitFactory(
        project=project,
        category=Category.BUDGET_RELEASING,
        value_per_year=D(60_000),
        target_date=datetime.date(2027, 6, 30),
        baseline_date=datetime.date(2026, 1, 1),
    )
    result = queries.case_result(case)
    assert [row.net for row in result.years] == [D(-100_000), D(60_000), D(60_000)]
    assert result.npv == D(20_000)
    assert result.payback_year == 2028


def test_a_running_cost_counts_every_year_it_is_entered():
    case = CaseFactory(start_year=2026, horizon_years=2, discount_rate=D(0))
    CostFactory(
        case=case, kind=CostKind.RUNNING, year=2027, minimum=D(10), likely=D(10), maximum=D(10)
    )
    result = queries.case_result(case)
    assert result.years[1].running == D(10)
    assert result.payback_year is None


def test_a_benefit_without_a_manager_as_owner_stops_the_approval_gate(editor):
    project = ProjectFactory(origin=Origin.LOCAL)
    BenefitFactory(project=project, owner=PersonFactory(is_manager=False), title="Frigjort tid")
    with pytest.raises(ValidationError) as refused:
        phases.change_phase(
            project,
            actor=editor,
            expected_version=project.version,
            to_phase=Phase.APPROVED,
            approver=PersonFactory(),
            decided_on=TODAY(),
        )
    assert "Frigjort tid" in str(refused.value)


def test_approval_keeps_the_business_case_as_the_baseline(editor):
    project = ProjectFactory(origin=Origin.LOCAL)
    BenefitFactory(project=project)
    case = CaseFactory(project=project)
    CostFactory(case=case)
    phases.change_phase(
        project,
        actor=editor,
        expected_version=project.version,
        to_phase=Phase.APPROVED,
        approver=PersonFactory(),
        decided_on=TODAY(),
    )
    case.refresh_from_db()
    assert case.baseline["npv"] == "-100000.00"
    assert case.baseline_at is not None


def test_an_arrow_cannot_point_back_to_an_earlier_layer(editor):
    project = ProjectFactory()
    effect = NodeFactory(project=project, kind=NodeKind.EFFECT)
    deliverable = NodeFactory(project=project, kind=NodeKind.DELIVERABLE)
    with pytest.raises(ValidationError):
        maps.add_edge(project, actor=editor, source=effect, target=deliverable)


def test_deleting_a_node_removes_its_arrows(editor):
    project = ProjectFactory()
    deliverable = NodeFactory(project=project, kind=NodeKind.DELIVERABLE)
    effect = NodeFactory(project=project, kind=NodeKind.EFFECT)
    maps.add_edge(project, actor=editor, source=deliverable, target=effect)
    maps.delete_node(effect, actor=editor)
    assert not project.map_edges.exists()


def test_filling_the_map_adds_the_projects_benefits_once(editor):
    project = ProjectFactory()
    BenefitFactory(project=project)
    assert maps.fill_from_project(project, actor=editor) == 1
    assert maps.fill_from_project(project, actor=editor) == 0


def test_the_checklist_names_benefits_that_are_overdue():
    project = ProjectFactory()
    benefit = BenefitFactory(
        project=project, frequency=1, baseline_date=TODAY() - datetime.timedelta(days=90)
    )
    badges = queries.checklist(queries.benefits_of(project), D(0))
    follow_up = badges[2]
    assert follow_up.met is False
    assert benefit.title in follow_up.explanation
