"""The yearly benefits report: its figures, its chart and attaching it to an agenda."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django_scopes import scope, scopes_disabled

from styrbord.benefits import queries_reports
from styrbord.benefits.models import Category
from styrbord.benefits.report_charts import planned_vs_harvested_chart
from styrbord.benefits.services.benefits import set_profile_point
from styrbord.benefits.services.measurements import record_harvest, record_measurement
from styrbord.benefits.services.reports import attach_report
from styrbord.core.models import Role
from styrbord.governance.models import Attachment, MeetingStatus
from tests.benefits.factories import BenefitFactory
from tests.factories import MembershipFactory, OrgUnitFactory
from tests.governance.factories import AgendaItemFactory, MeetingFactory
from tests.portfolio.factories import ProjectFactory

YEAR = 2025
PDF = b"%PDF-1.7 a report"


def day(month: int, date: int, year: int = YEAR) -> datetime.date:
    return datetime.date(year, month, date)


def economic(project, category=Category.BUDGET_RELEASING, **kwargs):
    """A benefit measured from 2024: case-handling time from 20 down to 12 days."""
    defaults = {
        "project": project,
        "category": category,
        "baseline_date": day(1, 1, 2024),
        "target_date": day(12, 31),
    }
    return BenefitFactory(**(defaults | kwargs))


def point(benefit, period_end, amount):
    with scopes_disabled():
        set_profile_point(
            benefit, actor=None, period_end=period_end, expected_value=None, amount=Decimal(amount)
        )


def measured(benefit, on, value):
    with scopes_disabled():
        record_measurement(benefit, actor=None, measured_on=on, value=Decimal(value))


def harvest(benefit, on, amount):
    with scopes_disabled():
        record_harvest(
            benefit,
            actor=None,
            amount=Decimal(amount),
            budget="Borgerservice",
            harvested_on=on,
            decision="Budgetaftalen",
        )


@pytest.fixture
def hand_built(norddjurs):
    """Two projects, two units; the 2025 figures are worked out in the tests by hand."""
    citizen = OrgUnitFactory(municipality=norddjurs, name="Borgerservice")
    care = OrgUnitFactory(municipality=norddjurs, name="Ældreplejen")
    alpha = ProjectFactory(municipality=norddjurs, name="Alfa")
    beta = ProjectFactory(municipality=norddjurs, name="Beta")
    # Profile 100.000 + 50.000 in 2025 (70.000 in 2026 does not count); halfway by
    # September (16 days), all the way only in 2026; 30.000 harvested in 2025.
    releasing = economic(alpha, title="Færre sagsbehandlertimer", org_unit=citizen)
    point(releasing, day(6, 30), 100_000)
    point(releasing, day(12, 31), 50_000)
    point(releasing, day(6, 30, 2026), 70_000)
    measured(releasing, day(9, 1), 16)
    measured(releasing, day(2, 1, 2026), 12)
    harvest(releasing, day(10, 1), 30_000)
    harvest(releasing, day(10, 1, 2024), 10_000)
    # No profile: 40.000 a year from the target date's year; not measured.
    freed = economic(
        alpha,
        category=Category.FREED_TIME,
        title="Frigjort tid",
        org_unit=care,
        value_per_year=Decimal(40_000),
        target_date=day(3, 1),
    )
    # Moved the wrong way (22 days): nothing realised, not less than nothing.
    worse = economic(
        beta,
        category=Category.FREED_TIME,
        title="Kortere ventetid",
        org_unit=care,
        value_per_year=Decimal(20_000),
        target_date=day(6, 1, 2024),
    )
    measured(worse, day(5, 1), 22)
    # Not economic: followed by its measure only.
    quality = economic(beta, category=Category.QUALITY, title="Færre fejl", org_unit=citizen)
    measured(quality, day(3, 1), 18)
    return {
        "citizen": citizen,
        "care": care,
        "alpha": alpha,
        "beta": beta,
        "releasing": releasing,
        "freed": freed,
        "worse": worse,
        "quality": quality,
    }


def _rows(report):
    return {row.benefit.title: row for row in report.rows}


def test_planned_is_the_profile_amounts_in_the_year(hand_built, in_norddjurs):
    row = _rows(queries_reports.report(YEAR))["Færre sagsbehandlertimer"]
    assert row.planned == Decimal(150_000)


def test_realised_is_planned_times_the_achievement_of_the_years_latest_measurement(
    hand_built, in_norddjurs
):
    row = _rows(queries_reports.report(YEAR))["Færre sagsbehandlertimer"]
    assert row.measured_value == Decimal(16)
    assert row.achievement == Decimal("0.5")
    assert row.realised == Decimal(75_000)


def test_harvested_counts_only_the_years_harvests(hand_built, in_norddjurs):
    row = _rows(queries_reports.report(YEAR))["Færre sagsbehandlertimer"]
    assert row.harvested == Decimal(30_000)


def test_without_profile_amounts_planned_is_the_value_per_year_from_the_target_year(
    hand_built, in_norddjurs
):
    assert _rows(queries_reports.report(YEAR))["Frigjort tid"].planned == Decimal(40_000)
    assert _rows(queries_reports.report(2024))["Frigjort tid"].planned == 0


def test_a_benefit_not_measured_has_no_achievement_and_nothing_realised(hand_built, in_norddjurs):
    row = _rows(queries_reports.report(YEAR))["Frigjort tid"]
    assert row.achievement is None
    assert row.realised is None


def test_realised_money_is_never_below_zero(hand_built, in_norddjurs):
    row = _rows(queries_reports.report(YEAR))["Kortere ventetid"]
    assert row.achievement == Decimal("-0.25")
    assert row.realised == 0


def test_a_benefit_that_is_not_economic_has_an_achievement_but_no_money(hand_built, in_norddjurs):
    row = _rows(queries_reports.report(YEAR))["Færre fejl"]
    assert row.achievement == Decimal("0.25")
    assert row.planned is None and row.realised is None


def test_totals_per_project(hand_built, in_norddjurs):
    groups = {g.label: g for g in queries_reports.report(YEAR).by_project}
    assert (groups["Alfa"].planned, groups["Alfa"].realised, groups["Alfa"].harvested) == (
        Decimal(190_000),
        Decimal(75_000),
        Decimal(30_000),
    )
    assert (groups["Beta"].planned, groups["Beta"].realised) == (Decimal(20_000), 0)


def test_totals_per_org_unit_and_overall(hand_built, in_norddjurs):
    report = queries_reports.report(YEAR)
    groups = {g.label: g for g in report.by_org_unit}
    assert groups["Borgerservice"].planned == Decimal(150_000)
    assert groups["Ældreplejen"].planned == Decimal(60_000)
    assert len(groups["Ældreplejen"].rows) == 2
    totals = report.totals
    assert (totals.planned, totals.realised, totals.harvested) == (
        Decimal(210_000),
        Decimal(75_000),
        Decimal(30_000),
    )


def test_the_report_for_one_org_unit_has_only_its_benefits(hand_built, in_norddjurs):
    report = queries_reports.report(YEAR, org_unit=hand_built["care"])
    assert sorted(_rows(report)) == ["Frigjort tid", "Kortere ventetid"]


def test_the_report_for_one_project_has_only_its_benefits(hand_built, in_norddjurs):
    report = queries_reports.report(YEAR, project=hand_built["beta"])
    assert sorted(_rows(report)) == ["Færre fejl", "Kortere ventetid"]


def test_a_benefit_with_nothing_in_the_year_is_left_out(hand_built, in_norddjurs):
    assert queries_reports.report(2023).rows == []


def test_the_report_takes_one_query_whatever_its_size(
    hand_built, norddjurs, django_assert_max_num_queries
):
    for index in range(8):
        extra = economic(hand_built["alpha"], title=f"Ekstra {index}")
        point(extra, day(12, 31), 1_000)
        measured(extra, day(11, 1), 15)
        harvest(extra, day(11, 1), 500)
    with scope(municipality=norddjurs), django_assert_max_num_queries(1):
        report = queries_reports.report(YEAR)
        assert len(report.rows) == 12


def test_the_report_leaves_out_other_municipalities(hand_built, rebild, in_norddjurs):
    economic(ProjectFactory(municipality=rebild), title="Rebilds gevinst")
    assert "Rebilds gevinst" not in _rows(queries_reports.report(YEAR))


# The chart ---------------------------------------------------------------------------


def test_the_chart_has_a_title_a_description_a_legend_and_the_amounts(hand_built, in_norddjurs):
    with translation.override("en"):
        chart = planned_vs_harvested_chart(queries_reports.report(YEAR).by_project, "chart-x")
    assert 'role="img"' in chart and '<title id="chart-x-title">' in chart
    assert '<desc id="chart-x-desc">' in chart
    for name in ("Planned", "Realised (estimated)", "Harvested"):
        assert f">{name}</text>" in chart
    assert ">190,000 kr.</text>" in chart


def test_the_chart_tells_the_series_apart_by_pattern(hand_built, in_norddjurs):
    chart = planned_vs_harvested_chart(queries_reports.report(YEAR).by_project, "chart-x")
    assert 'fill="url(#chart-x-hatch)"' in chart and 'fill="url(#chart-x-dots)"' in chart


def test_the_chart_escapes_labels(in_norddjurs):
    group = queries_reports.Group(key=1, label="<script>alert(1)</script>")
    assert "<script>" not in planned_vs_harvested_chart([group], "chart-x")


def test_the_chart_is_empty_without_rows():
    assert planned_vs_harvested_chart([], "chart-x") == ""


# Attaching ---------------------------------------------------------------------------


def test_attaching_puts_the_pdf_on_the_agenda_item(editor, norddjurs):
    item = AgendaItemFactory(meeting=MeetingFactory(body__municipality=norddjurs))
    with scope(municipality=norddjurs):
        attachment = attach_report(item, editor, YEAR, PDF)
        stored = Attachment.objects.get(item=item)
    assert stored == attachment
    assert stored.content_type == "application/pdf" and stored.name == "Gevinstrapport-2025.pdf"
    assert stored.file.read() == PDF


def test_a_reader_cannot_attach(reader, norddjurs):
    item = AgendaItemFactory(meeting=MeetingFactory(body__municipality=norddjurs))
    with scope(municipality=norddjurs), pytest.raises(PermissionDenied):
        attach_report(item, reader, YEAR, PDF)


def test_an_item_of_another_municipality_is_refused(editor, other_editor, norddjurs, rebild):
    item = AgendaItemFactory(meeting=MeetingFactory(body__municipality=rebild))
    # Even an editor of both municipalities attaches only in the one whose report it is.
    MembershipFactory(user=editor, municipality=rebild, role=Role.EDITOR)
    with scope(municipality=norddjurs), pytest.raises(ValidationError):
        attach_report(item, editor, YEAR, PDF)


def test_only_items_of_meetings_not_yet_held_are_offered(norddjurs, rebild, editor):
    open_item = AgendaItemFactory(meeting=MeetingFactory(body__municipality=norddjurs))
    AgendaItemFactory(
        meeting=MeetingFactory(body__municipality=norddjurs, status=MeetingStatus.HELD)
    )
    AgendaItemFactory(meeting=MeetingFactory(body__municipality=rebild))
    with scope(municipality=norddjurs):
        assert list(queries_reports.open_agenda_items(editor)) == [open_item]


def test_a_closed_item_is_offered_only_to_the_bodys_members(norddjurs, editor):
    AgendaItemFactory(meeting=MeetingFactory(body__municipality=norddjurs), is_closed=True)
    with scope(municipality=norddjurs):
        assert list(queries_reports.open_agenda_items(editor)) == []
