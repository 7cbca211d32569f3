"""The benefits demo: Norddjurs' and Rebild's benefits, business cases and benefit map on
the portfolio demo's projects.

The whole demo is loaded once for the module, in a transaction rolled back at the end,
because loading the governance and portfolio demos takes a few seconds.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.benefits import demo, queries, task_providers
from styrbord.benefits.demo import norddjurs as data
from styrbord.benefits.demo import norddjurs_cases as cases
from styrbord.benefits.models import (
    Benefit,
    BenefitStatus,
    BusinessCase,
    Category,
    CostLine,
    Harvest,
    MapEdge,
    MapNode,
    Measurement,
    ProfilePoint,
)
from styrbord.core.models import ChangeLogEntry, Municipality, User
from styrbord.portfolio.demo.catalogue import CITIZEN_VIEW
from styrbord.portfolio.models import Project

MODELS = (
    Benefit,
    Measurement,
    ProfilePoint,
    Harvest,
    BusinessCase,
    CostLine,
    MapNode,
    MapEdge,
    ChangeLogEntry,
)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def norddjurs(loaded, db):
    place = Municipality.objects.get(code="0707")
    with scope(municipality=place):
        yield place


def _counts() -> dict[str, int]:
    with scopes_disabled():
        return {model.__name__: model._base_manager.count() for model in MODELS}


def test_loading_again_changes_nothing(loaded, db):
    before = _counts()
    demo.load()
    assert _counts() == before


def test_both_municipalities_have_benefits(loaded, db):
    with scopes_disabled():
        codes = set(Benefit.objects.values_list("municipality__code", flat=True))
    assert codes == {"0707", "0840"}


def test_every_benefit_owner_is_a_manager(loaded, db):
    with scopes_disabled():
        owners = list(Benefit.objects.values_list("title", "owner__is_manager"))
    assert owners
    assert [title for title, manager in owners if not manager] == []


def test_there_is_a_case_with_positive_and_one_with_negative_npv(norddjurs):
    results = {
        case.project.name: queries.case_result(case)
        for case in BusinessCase.objects.select_related("project")
    }
    assert results[cases.SPEECH_IN_HOME_CARE].npv > 0
    assert results[cases.OFFICE].npv < 0


def test_approved_projects_cases_differ_from_their_baseline(norddjurs):
    case = BusinessCase.objects.get(project__name=cases.SPEECH_IN_HOME_CARE)
    assert case.baseline is not None
    assert str(round(queries.case_result(case).npv, 2)) != case.baseline["npv"]


def test_a_case_of_a_project_never_approved_at_a_gate_has_no_baseline(norddjurs):
    project = Project.objects.get(name=data.SPEECH)
    case = BusinessCase(municipality=norddjurs, project=project, start_year=2015)
    from styrbord.benefits.demo.writer import approved

    assert not approved(project)
    assert case.baseline is None


def test_a_benefit_is_at_risk_with_measurements_going_the_wrong_way(norddjurs):
    driving = Benefit.objects.get(title=data.DRIVING)
    assert driving.status == BenefitStatus.AT_RISK
    assert driving.latest_value > driving.baseline_value  # lower is better


def test_a_dis_benefit_has_a_value_per_year(norddjurs):
    disbenefit = Benefit.objects.get(category=Category.DISBENEFIT)
    assert disbenefit.value_per_year > 0


def test_licence_savings_are_harvested_with_a_decision(norddjurs):
    harvests = Harvest.objects.filter(benefit__title=data.LICENCES)
    year = timezone.localdate().year
    assert harvests.filter(budget__startswith=f"Budget {year}").exists()
    assert all(harvest.decision for harvest in harvests)


def test_the_chairs_login_has_an_overdue_measurement_in_its_tasks(norddjurs):
    chair = User.objects.get(username="norddjurs-formand")
    tasks = list(task_providers.measurements_due(chair, norddjurs))
    overdue = [task for task in tasks if task.due < timezone.localdate()]
    assert data.LICENCES in " ".join(str(task.title) for task in overdue)


def test_speech_recognition_is_measured_monthly_with_a_profile(norddjurs):
    freed = Benefit.objects.get(title=data.FREED_HOURS)
    assert freed.measurements.count() == 8
    assert freed.profile.filter(amount__isnull=False).count() >= 4
    assert freed.value_per_year > 0


def test_the_benefit_map_has_arrows_through_every_layer(norddjurs):
    project = Project.objects.get(name=CITIZEN_VIEW)
    nodes, edges = queries.map_of(project)
    assert {node.kind for node in nodes} == {
        "deliverable",
        "change",
        "effect",
        "benefit",
        "focus_area",
    }
    assert len(edges) >= len({node.kind for node in nodes}) - 1
    assert all(node.focus_area_id for node in nodes if node.kind == "focus_area")


def test_the_catalogue_project_shows_two_municipalities_sharing(loaded, db):
    with scopes_disabled():
        catalogue = Project.objects.get(name=CITIZEN_VIEW, municipality__is_catalogue=True)
    sharing, measures = queries.shared_results(catalogue)
    assert sharing == 2
    shared = next(m for m in measures if m.measure == data.SATISFACTION_MEASURE)
    assert shared.municipalities == 2
    assert shared.median_change is not None
