"""The portfolio as it was on a past date, read from phase changes and submitted reports."""

import datetime

from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.services import changes
from styrbord.portfolio.models import Phase, PhaseChange, Project, Rag, ReportState
from tests.portfolio.factories import ProjectFactory, StatusReportFactory

URL = "/norddjurs/portefolje/historisk/"
TODAY = timezone.localdate()


def _days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def _move(project: Project, from_phase: str, to_phase: str, days_ago: int) -> None:
    with scopes_disabled():
        changes.create(
            PhaseChange(
                municipality=project.municipality,
                project=project,
                from_phase=from_phase,
                to_phase=to_phase,
                decided_on=_days_ago(days_ago),
            ),
            actor=None,
        )
        Project._base_manager.filter(pk=project.pk).update(phase=to_phase)


def _rows(response) -> dict[str, tuple[str, str]]:
    return {
        project.name: (str(phase), status) for project, phase, status in response.context["rows"]
    }


def test_a_project_shows_the_phase_it_was_in_on_the_date(reader_client, norddjurs):
    project = ProjectFactory(name="Aula", phase=Phase.PROPOSAL, start_date=_days_ago(200))
    _move(project, Phase.PROPOSAL, Phase.APPROVED, days_ago=100)
    _move(project, Phase.APPROVED, Phase.EXECUTION, days_ago=50)
    earlier = reader_client.get(URL, {"dato": _days_ago(150).isoformat()})
    assert [(p.name, p.phase_then) for p, _ph, _s in earlier.context["rows"]] == [
        ("Aula", Phase.PROPOSAL)
    ]
    later = reader_client.get(URL, {"dato": _days_ago(70).isoformat()})
    assert later.context["rows"][0][0].phase_then == Phase.APPROVED


def test_a_phase_change_on_the_date_itself_counts(reader_client, norddjurs):
    project = ProjectFactory(name="Aula", start_date=_days_ago(200))
    _move(project, Phase.PROPOSAL, Phase.APPROVED, days_ago=100)
    response = reader_client.get(URL, {"dato": _days_ago(100).isoformat()})
    assert response.context["rows"][0][0].phase_then == Phase.APPROVED


def test_projects_that_did_not_exist_yet_are_left_out(reader_client, norddjurs):
    ProjectFactory(name="Gammelt", start_date=_days_ago(200))
    ProjectFactory(name="Nyt", start_date=_days_ago(10))
    response = reader_client.get(URL, {"dato": _days_ago(30).isoformat()})
    assert list(_rows(response)) == ["Gammelt"]


def test_the_status_is_that_of_the_latest_report_submitted_for_a_period_by_then(
    reader_client, norddjurs
):
    project = ProjectFactory(name="Aula", phase=Phase.EXECUTION, start_date=_days_ago(200))
    StatusReportFactory(
        project=project, period_end=_days_ago(120), overall=Rag.RED, overall_comment="Sent"
    )
    StatusReportFactory(project=project, period_end=_days_ago(30), overall=Rag.GREEN)
    StatusReportFactory(
        project=project,
        period_end=_days_ago(90),
        overall=Rag.YELLOW,
        overall_comment="Kladde",
        state=ReportState.DRAFT,
        submitted_at=None,
    )
    response = reader_client.get(URL, {"dato": _days_ago(60).isoformat()})
    project_then = response.context["rows"][0][0]
    assert project_then.status_then == Rag.RED
    assert project_then.report_then == _days_ago(120)


def test_a_project_without_a_report_by_then_has_no_status(reader_client, norddjurs):
    project = ProjectFactory(name="Aula", phase=Phase.EXECUTION, start_date=_days_ago(200))
    StatusReportFactory(project=project, period_end=_days_ago(10), overall=Rag.GREEN)
    response = reader_client.get(URL, {"dato": _days_ago(60).isoformat()})
    assert response.context["rows"][0][2] == ""


def test_the_page_counts_the_projects_by_their_phase_then(reader_client, norddjurs):
    for _number in range(2):
        ProjectFactory(phase=Phase.PROPOSAL, start_date=_days_ago(200))
    moved = ProjectFactory(phase=Phase.PROPOSAL, start_date=_days_ago(200))
    _move(moved, Phase.PROPOSAL, Phase.REJECTED, days_ago=100)
    response = reader_client.get(URL, {"dato": _days_ago(50).isoformat()})
    counts = dict(response.context["phase_counts"])
    assert list(counts.values()) == [2, 1]
    assert response.context["total"] == 3


def test_other_municipalities_projects_are_not_shown(reader_client, rebild):
    ProjectFactory(name="Aula", start_date=_days_ago(200))
    ProjectFactory(name="Rebilds", municipality=rebild, start_date=_days_ago(200))
    response = reader_client.get(URL, {"dato": _days_ago(10).isoformat()})
    assert list(_rows(response)) == ["Aula"]


def test_a_future_date_is_refused_next_to_the_field(reader_client, norddjurs):
    response = reader_client.get(URL, {"dato": (TODAY + datetime.timedelta(days=1)).isoformat()})
    assert response.status_code == 200
    assert "dato" in response.context["form"].errors
    assert "rows" not in response.context


def test_an_invalid_date_is_refused_next_to_the_field(reader_client, norddjurs):
    response = reader_client.get(URL, {"dato": "2024-13-45"})
    assert response.status_code == 200
    assert "dato" in response.context["form"].errors
    assert 'class="form-error-message"' in response.content.decode()


def test_without_a_date_the_page_asks_for_one(reader_client, norddjurs):
    response = reader_client.get(URL)
    assert response.status_code == 200
    assert not response.context["form"].is_bound


def test_the_page_s_query_count_does_not_grow_with_projects(
    reader_client, norddjurs, django_assert_max_num_queries
):
    for number in range(30):
        project = ProjectFactory(name=f"Projekt {number:02}", start_date=_days_ago(200))
        _move(project, Phase.PROPOSAL, Phase.APPROVED, days_ago=100)
        StatusReportFactory(project=project, period_end=_days_ago(80), overall=Rag.GREEN)
    reader_client.get(URL)  # warm-up: session, roles, content types
    with django_assert_max_num_queries(10):
        response = reader_client.get(URL, {"dato": _days_ago(50).isoformat()})
    assert len(response.context["rows"]) == 25
