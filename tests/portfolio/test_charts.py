"""The portfolio's SVG charts and the timeline page."""

import datetime
import re

import pytest
from django.utils import timezone

from styrbord.portfolio import charts
from styrbord.portfolio.models import Origin, Phase, Rag
from styrbord.portfolio.services._common import set_shared_relation
from tests.portfolio.factories import (
    FocusAreaFactory,
    MilestoneFactory,
    ProjectFactory,
    RunningProjectFactory,
)

URL = "/norddjurs/portefolje/"
TODAY = timezone.localdate()
SCRIPT = "<script>alert(1)</script>"


def _bar_labels(svg: str) -> list[str]:
    """The numbers at the end of the bars, top to bottom."""
    return re.findall(r'<text class="chart-count"[^>]*>(\d+)</text>', svg)


# --- the chart functions --------------------------------------------------------------------


def test_the_phase_chart_labels_each_phase_with_its_total():
    svg = charts.phase_origin_chart(
        {
            (Phase.PROPOSAL, Origin.LOCAL): 3,
            (Phase.PROPOSAL, Origin.NATIONAL): 4,
            (Phase.EXECUTION, Origin.LOCAL): 12,
        }
    )
    totals = _bar_labels(svg)
    phases = list(Phase.values)
    assert totals[phases.index(Phase.PROPOSAL)] == "7"
    assert totals[phases.index(Phase.EXECUTION)] == "12"


def test_the_phase_chart_is_an_image_with_a_title_a_description_and_a_legend():
    svg = charts.phase_origin_chart({(Phase.PROPOSAL, Origin.LOCAL): 1})
    assert 'role="img"' in svg
    assert 'aria-labelledby="chart-phase-title chart-phase-desc"' in svg
    assert '<title id="chart-phase-title">' in svg
    assert 'class="chart-legend"' in svg
    # One pattern per origin, so the stacks differ by more than colour.
    assert svg.count("<pattern ") == len(Origin.values)


def test_the_phase_table_rows_match_the_chart():
    rows = charts.phase_origin_rows(
        {(Phase.IDEA, Origin.LOCAL): 2, (Phase.IDEA, Origin.NATIONAL): 1}
    )
    _label, numbers, total = rows[0]
    assert total == 3
    assert numbers[Origin.values.index(Origin.LOCAL)] == 2


def test_the_status_chart_counts_each_status_and_projects_without_report():
    svg = charts.status_chart({Rag.RED: 2, Rag.GREEN: 5, "": 1})
    # Worst first: red, yellow, green, no report.
    assert _bar_labels(svg) == ["2", "0", "5", "1"]
    assert "chart-status-yellow" not in svg  # no bar for nothing


def test_the_coverage_chart_shows_only_focus_areas_with_projects():
    svg = charts.coverage_chart([("Digital velfærd", 4), ("Klima og ressourcer", 0)])
    assert "Digital velfærd" in svg
    assert "Klima og ressourcer" not in svg
    assert _bar_labels(svg) == ["4"]


def test_charts_are_empty_without_projects():
    assert charts.phase_origin_chart({}) == ""
    assert charts.status_chart({}) == ""
    assert charts.coverage_chart([("Digital velfærd", 0)]) == ""
    assert charts.timeline_svg([], TODAY) == ""


def test_the_coverage_chart_escapes_a_focus_area_name():
    svg = charts.coverage_chart([(SCRIPT, 1)])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


def _row(name: str = "Aula", **overrides) -> charts.TimelineRow:
    values = {
        "name": name,
        "phase": Phase.EXECUTION,
        "phase_label": "Udførelse",
        "start": TODAY - datetime.timedelta(days=100),
        "end": TODAY + datetime.timedelta(days=200),
        "milestones": [],
    }
    values.update(overrides)
    return charts.TimelineRow(**values)


def test_the_timeline_has_a_bar_with_the_phase_name_and_a_line_for_today():
    svg = charts.timeline_svg([_row()], TODAY)
    assert "Udførelse" in svg
    assert 'class="timeline-today"' in svg
    assert 'role="img"' in svg


def test_the_timeline_draws_milestones_as_titled_diamonds():
    milestone = charts.TimelineMilestone("Go-live", TODAY + datetime.timedelta(days=30), None)
    svg = charts.timeline_svg([_row(milestones=[milestone])], TODAY)
    assert svg.count('class="timeline-milestone"') == 1
    assert "Go-live" in svg


def test_the_timeline_escapes_project_and_milestone_names():
    milestone = charts.TimelineMilestone(SCRIPT, TODAY, None)
    svg = charts.timeline_svg([_row(name=SCRIPT, milestones=[milestone])], TODAY)
    assert "<script>" not in svg
    assert svg.count("&lt;script&gt;") >= 2


def test_a_long_timeline_has_year_ticks():
    row = _row(start=datetime.date(2016, 1, 1), end=datetime.date(2025, 6, 30))
    svg = charts.timeline_svg([row], TODAY)
    assert ">2016</text>" in svg
    assert ">2020</text>" in svg


# --- on the pages ---------------------------------------------------------------------------


def test_the_overview_escapes_a_project_name_in_its_charts(reader_client, norddjurs):
    area = FocusAreaFactory(name=SCRIPT)
    set_shared_relation(ProjectFactory(name=SCRIPT), "focus_areas", [area], actor=None)
    content = reader_client.get(URL).content.decode()
    assert SCRIPT not in content
    assert "&lt;script&gt;" in content


def test_the_overview_shows_the_charts_with_the_filtered_counts(reader_client, norddjurs):
    for _number in range(3):
        RunningProjectFactory(origin=Origin.LOCAL)
    ProjectFactory(origin=Origin.NATIONAL)
    response = reader_client.get(URL, {"origin": Origin.LOCAL})
    assert (
        _bar_labels(str(response.context["phase_chart"]))[list(Phase.values).index(Phase.EXECUTION)]
        == "3"
    )
    assert _bar_labels(str(response.context["status_chart"]))[-1] == "3"  # no report yet


def test_the_timeline_page_shows_running_projects_and_lists_undated_ones(reader_client, norddjurs):
    project = RunningProjectFactory(name="Aula")
    MilestoneFactory(project=project, title="Skolestart")
    ProjectFactory(name="Uden datoer", start_date=None, end_date=None)
    ProjectFactory(name="Lukket", phase=Phase.CLOSED)
    response = reader_client.get(f"{URL}tidslinje/")
    assert response.status_code == 200
    assert [p.name for p in response.context["page"]] == ["Aula"]
    assert [p.name for p in response.context["undated"]] == ["Uden datoer"]
    assert "Skolestart" in str(response.context["timeline"])


def test_the_timeline_uses_the_overview_s_filters(reader_client, norddjurs):
    RunningProjectFactory(name="Lokalt", origin=Origin.LOCAL)
    RunningProjectFactory(name="Nationalt", origin=Origin.NATIONAL)
    response = reader_client.get(f"{URL}tidslinje/", {"origin": Origin.NATIONAL})
    assert [p.name for p in response.context["page"]] == ["Nationalt"]


def test_the_timeline_is_sorted_by_start_date_unless_asked(reader_client, norddjurs):
    RunningProjectFactory(name="A sen", start_date=TODAY - datetime.timedelta(days=10))
    RunningProjectFactory(name="B tidlig", start_date=TODAY - datetime.timedelta(days=300))
    response = reader_client.get(f"{URL}tidslinje/")
    assert [p.name for p in response.context["page"]] == ["B tidlig", "A sen"]


@pytest.mark.parametrize("count", [30])
def test_the_timeline_shows_25_projects_a_page_with_bounded_queries(
    reader_client, norddjurs, django_assert_max_num_queries, count
):
    for number in range(count):
        project = RunningProjectFactory(name=f"Projekt {number:02}")
        MilestoneFactory(project=project)
    reader_client.get(URL)  # warm-up: session, roles, content types
    with django_assert_max_num_queries(15):
        response = reader_client.get(f"{URL}tidslinje/")
    assert len(response.context["page"]) == 25
    assert str(response.context["timeline"]).count('class="timeline-milestone"') == 25
