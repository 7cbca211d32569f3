"""The business case pages: the case with its figures, tables and charts, the forms that
write through ``services.cases``, and the comparison with the approved baseline."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from styrbord.benefits.models import BusinessCase, Category, CostKind, CostLine, CostType
from styrbord.benefits.services import cases as case_services
from tests.benefits.factories import BenefitFactory, CaseFactory, CostFactory
from tests.portfolio.factories import ProjectFactory

SLUG = "norddjurs"


def _url(name: str, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"benefits:{name}", kwargs={"kommune": slug, **kwargs})


def _cost_data(**overrides) -> dict:
    data = {
        "cost_type": CostType.CONSULTANTS,
        "kind": CostKind.ONE_OFF,
        "year": "2026",
        "description": "Implementering",
        "minimum": "100000",
        "likely": "100000",
        "maximum": "100000",
        "version": "",
    }
    data.update(overrides)
    return data


def _case_data(**overrides) -> dict:
    data = {
        "start_year": "2026",
        "horizon_years": "3",
        "discount_rate": "10",
        "assumptions": "",
        "version": "",
    }
    data.update(overrides)
    return data


def _only_case(project) -> BusinessCase:
    with scopes_disabled():
        return BusinessCase.objects.get(project=project)


@pytest.fixture
def project(norddjurs):
    return ProjectFactory(municipality=norddjurs, name="Digital post", start_date=None)


@pytest.fixture
def releasing(project):
    """60.000 kr. a year released from 2027 on, without a range."""
    return BenefitFactory(
        project=project,
        title="Færre breve",
        category=Category.BUDGET_RELEASING,
        value_per_year=Decimal(60_000),
        baseline_date=datetime.date(2025, 1, 1),
        target_date=datetime.date(2027, 1, 1),
    )


@pytest.fixture
def case(project):
    return CaseFactory(project=project, start_year=2026, horizon_years=3, discount_rate=10)


@pytest.fixture
def full_case(case, releasing):
    """A case with a one-off cost, a running cost and a benefit with money, and its
    assumptions written down."""
    CostFactory(case=case, minimum=Decimal(80_000), likely=Decimal(100_000), maximum=150_000)
    CostFactory(
        case=case,
        kind=CostKind.RUNNING,
        cost_type=CostType.LICENCES,
        year=2027,
        minimum=Decimal(10_000),
        likely=Decimal(10_000),
        maximum=Decimal(10_000),
    )
    with scopes_disabled():
        case_services.update_case(
            case, actor=None, expected_version=case.version, assumptions="**Porto** 10 kr."
        )
    return case


# The case page


def test_a_project_without_a_case_says_so_to_a_reader(reader_client, project):
    response = reader_client.get(_url("case", pk=project.pk))
    assert response.status_code == 200
    assert response.context["case"] is None
    assert _url("case_edit", pk=project.pk) not in response.content.decode()


def test_an_editor_is_offered_to_create_the_case(editor_client, project):
    response = editor_client.get(_url("case", pk=project.pk))
    assert _url("case_edit", pk=project.pk) in response.content.decode()


def test_the_case_page_renders_for_a_reader(
    reader_client, full_case, django_assert_max_num_queries
):
    for title in ("Kortere ventetid", "Mindre porto"):
        BenefitFactory(project=full_case.project, title=title, value_per_year=Decimal(1000))
    with django_assert_max_num_queries(20):
        response = reader_client.get(_url("case", pk=full_case.project_id))
    assert response.status_code == 200
    html = response.content.decode()
    for part in ('id="chart-cash-flow"', 'id="chart-sensitivity"', "Færre breve"):
        assert part in html
    assert "<strong>Porto</strong>" in html


def test_a_case_without_lines_renders_both_charts(reader_client, case):
    response = reader_client.get(_url("case", pk=case.project_id))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="chart-cash-flow"' in html and 'id="chart-sensitivity"' in html
    assert response.context["result"].npv == 0


def test_a_reader_is_not_offered_the_edit_links(reader_client, full_case):
    response = reader_client.get(_url("case", pk=full_case.project_id))
    html = response.content.decode()
    assert _url("case_edit", pk=full_case.project_id) not in html
    assert _url("cost_create", pk=full_case.project_id) not in html


def test_the_year_table_has_a_row_per_year_of_the_case(reader_client, full_case):
    response = reader_client.get(_url("case", pk=full_case.project_id))
    rows = response.context["result"].years
    assert [row.year for row in rows] == [2026, 2027, 2028]
    assert rows[1].running == Decimal(10_000)
    assert rows[1].budget_releasing == Decimal(60_000)


def test_a_benefit_without_money_is_listed_as_not_counted(reader_client, case, project):
    BenefitFactory(project=project, title="Gladere borgere", value_per_year=None)
    response = reader_client.get(_url("case", pk=project.pk))
    assert [b.title for b in response.context["uncounted"]] == ["Gladere borgere"]
    assert response.context["benefit_rows"] == []


def test_a_cost_left_outside_the_years_is_shown_apart_and_not_counted(reader_client, case):
    line = CostFactory(case=case, year=2026)
    with scopes_disabled():
        CostLine.objects.filter(pk=line.pk).update(year=2031)
    response = reader_client.get(_url("case", pk=case.project_id))
    assert response.status_code == 200
    assert [cost.pk for cost in response.context["outside"]] == [line.pk]
    assert response.context["result"].npv == 0


# Creating and editing the case


def test_a_reader_cannot_open_the_case_form(reader_client, project):
    assert reader_client.get(_url("case_edit", pk=project.pk)).status_code == 403


def test_a_reader_cannot_create_a_case(reader_client, project):
    response = reader_client.post(_url("case_edit", pk=project.pk), _case_data())
    assert response.status_code == 403
    with scopes_disabled():
        assert not BusinessCase.objects.filter(project=project).exists()


def test_a_reader_cannot_add_a_cost(reader_client, case):
    response = reader_client.post(_url("cost_create", pk=case.project_id), _cost_data())
    assert response.status_code == 403


def test_a_reader_cannot_edit_a_cost(reader_client, case):
    line = CostFactory(case=case)
    response = reader_client.post(_url("cost_edit", pk=line.pk), _cost_data(likely="1"))
    assert response.status_code == 403


def test_a_reader_cannot_delete_a_cost(reader_client, case):
    line = CostFactory(case=case)
    assert reader_client.post(_url("cost_delete", pk=line.pk)).status_code == 403


def test_a_new_case_starts_in_this_year_without_a_project_start(editor_client, project):
    response = editor_client.get(_url("case_edit", pk=project.pk))
    form = response.context["form"]
    assert form.initial["start_year"] == datetime.date.today().year
    assert form.initial["horizon_years"] == 5
    assert form.initial["discount_rate"] == Decimal("3.5")


def test_a_new_case_starts_in_the_projects_start_year(editor_client, norddjurs):
    project = ProjectFactory(municipality=norddjurs, start_date=datetime.date(2024, 3, 1))
    response = editor_client.get(_url("case_edit", pk=project.pk))
    assert response.context["form"].initial["start_year"] == 2024


def test_creating_a_case_and_adding_costs_updates_the_npv(editor_client, project, releasing):
    editor_client.post(_url("case_edit", pk=project.pk), _case_data())
    # Benefits alone: 60.000 / 1,1 + 60.000 / 1,21 = 104.132,23
    first = editor_client.get(_url("case", pk=project.pk))
    assert round(first.context["result"].npv, 2) == Decimal("104132.23")
    response = editor_client.post(_url("cost_create", pk=project.pk), _cost_data())
    assert response.status_code == 302
    # Less the one-off 100.000 in the first year, which is not discounted: 4.132,23
    page = editor_client.get(_url("case", pk=project.pk))
    assert round(page.context["result"].npv, 2) == Decimal("4132.23")
    assert "4.132 kr." in page.content.decode()


def test_a_pert_estimate_counts_its_expected_value(editor_client, case):
    editor_client.post(
        _url("cost_create", pk=case.project_id),
        _cost_data(minimum="60000", likely="90000", maximum="180000"),
    )
    page = editor_client.get(_url("case", pk=case.project_id))
    # (60.000 + 4 × 90.000 + 180.000) / 6 = 100.000, in the undiscounted first year
    assert page.context["result"].npv == Decimal(-100_000)


def test_editing_the_case_is_versioned(editor_client, case):
    stale = case.version
    with scopes_disabled():
        case_services.update_case(case, actor=None, expected_version=stale, assumptions="Nyt")
    response = editor_client.post(
        _url("case_edit", pk=case.project_id),
        _case_data(discount_rate="4", assumptions="Mit", version=str(stale)),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Mit" in response.content.decode()
    assert _only_case(case.project).discount_rate == Decimal(10)


def test_shrinking_the_horizon_past_a_cost_is_refused(editor_client, case):
    CostFactory(case=case, year=2028)
    response = editor_client.post(
        _url("case_edit", pk=case.project_id),
        _case_data(horizon_years="2", version=str(case.version)),
    )
    assert "horizon_years" in response.context["form"].errors
    assert _only_case(case.project).horizon_years == 3


def test_the_year_offered_for_a_cost_are_the_cases_years(editor_client, case):
    response = editor_client.get(_url("cost_create", pk=case.project_id))
    choices = [value for value, _label in response.context["form"].fields["year"].choices]
    assert choices == [2026, 2027, 2028]


def test_a_year_outside_the_case_is_refused(editor_client, case):
    response = editor_client.post(_url("cost_create", pk=case.project_id), _cost_data(year="2035"))
    assert "year" in response.context["form"].errors


def test_a_minimum_above_the_maximum_is_refused_next_to_the_field(editor_client, case):
    response = editor_client.post(
        _url("cost_create", pk=case.project_id),
        _cost_data(minimum="200000", likely="150000", maximum="100000"),
    )
    assert response.status_code == 200
    assert "minimum" in response.context["form"].errors
    html = response.content.decode()
    assert 'id="id_minimum_error"' in html
    assert 'value="200000"' in html and 'value="100000"' in html
    with scopes_disabled():
        assert not CostLine.objects.filter(case=case).exists()


def test_adding_a_cost_to_a_project_without_a_case_is_not_found(editor_client, project):
    assert editor_client.get(_url("cost_create", pk=project.pk)).status_code == 404


def test_editing_a_cost_is_versioned(editor_client, case):
    line = CostFactory(case=case)
    stale = line.version
    with scopes_disabled():
        case_services.update_cost(line, actor=None, expected_version=stale, description="Andet")
    response = editor_client.post(
        _url("cost_edit", pk=line.pk), _cost_data(likely="120000", maximum="130000", version=stale)
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'value="120000"' in response.content.decode()


def test_deleting_a_cost_asks_first_and_then_removes_it(editor_client, case):
    line = CostFactory(case=case)
    assert editor_client.get(_url("cost_delete", pk=line.pk)).status_code == 200
    response = editor_client.post(_url("cost_delete", pk=line.pk))
    assert response.status_code == 302
    with scopes_disabled():
        assert not CostLine.objects.filter(pk=line.pk).exists()


def test_a_cost_of_another_municipality_is_not_found(editor_client, rebild):
    line = CostFactory(case=CaseFactory(project=ProjectFactory(municipality=rebild)))
    assert editor_client.get(_url("cost_edit", pk=line.pk)).status_code == 404


# The comparison with the approved baseline


def test_without_a_baseline_the_compare_page_says_the_case_is_not_approved(reader_client, case):
    response = reader_client.get(_url("case_compare", pk=case.project_id))
    assert response.status_code == 200
    assert response.context.get("comparison") is None


def test_the_compare_page_shows_the_difference_after_a_cost_changes(editor_client, case, norddjurs):
    line = CostFactory(case=case, year=2027)
    with scope(municipality=norddjurs):
        case_services.keep_as_baseline(case, actor=None)
    editor_client.post(
        _url("cost_edit", pk=line.pk),
        _cost_data(year="2027", minimum="130000", likely="130000", maximum="130000", version=1),
    )
    response = editor_client.get(_url("case_compare", pk=case.project_id))
    comparison = response.context["comparison"]
    year = next(row for row in comparison.years if row.year == 2027)
    assert (year.costs.then, year.costs.now, year.costs.difference) == (
        Decimal(100_000),
        Decimal(130_000),
        Decimal(30_000),
    )
    # 30.000 more in the second year, discounted once at 10 %: 27.272,73 less
    assert comparison.npv.difference == Decimal("-27272.73")
    assert "30.000" in response.content.decode()


def test_the_case_page_summarises_the_baseline(reader_client, case, norddjurs):
    CostFactory(case=case)
    with scope(municipality=norddjurs):
        case_services.keep_as_baseline(case, actor=None)
    response = reader_client.get(_url("case", pk=case.project_id))
    assert response.context["comparison"].npv.difference == 0
    assert _url("case_compare", pk=case.project_id) in response.content.decode()
