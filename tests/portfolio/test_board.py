"""The Project Board view: running projects with their latest report, what changed since the
board's last meeting, who is overdue, and the secretary's agenda made from it."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.governance.models import AgendaItem, BodyKind, MeetingStatus, MemberRole
from styrbord.portfolio.models import Phase, PhaseChange, Rag
from tests.factories import PersonFactory
from tests.governance import conftest as governance
from tests.governance.factories import BodyFactory, MeetingFactory
from tests.portfolio.factories import ProjectFactory, RunningProjectFactory, StatusReportFactory

N = "/norddjurs/portefolje/"


@pytest.fixture
def board(norddjurs):
    return BodyFactory(municipality=norddjurs, kind=BodyKind.PROJECT_BOARD, name="Project Board")


@pytest.fixture
def board_secretary(board):
    return governance._seated(board, "boardsekretaer", MemberRole.SECRETARY)


@pytest.fixture
def board_secretary_client(client, board_secretary):
    client.force_login(board_secretary)
    return client


@pytest.fixture
def next_meeting(board):
    return MeetingFactory(
        body=board,
        starts_at=timezone.now() + datetime.timedelta(days=10),
        status=MeetingStatus.PLANNED,
    )


@pytest.fixture
def last_meeting(board):
    return MeetingFactory(
        body=board,
        starts_at=timezone.now() - datetime.timedelta(days=14),
        status=MeetingStatus.HELD,
    )


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def reported(project, *, days: int, overall: str = Rag.GREEN):
    """A report submitted ``days`` ago with that overall status."""
    return StatusReportFactory(
        project=project,
        period_end=days_ago(days),
        submitted_at=timezone.now() - datetime.timedelta(days=days),
        overall=overall,
        overall_comment="" if overall == Rag.GREEN else "Se risikologgen.",
    )


def test_the_board_list_links_to_each_project_board(editor_client, board, steering_group):
    page = editor_client.get(f"{N}projektboard/").content.decode()
    assert f"{N}projektboard/{board.pk}/" in page
    assert f"{N}projektboard/{steering_group.pk}/" not in page


def test_a_body_of_another_kind_is_not_a_board(editor_client, steering_group):
    assert editor_client.get(f"{N}projektboard/{steering_group.pk}/").status_code == 404


def test_the_board_shows_every_running_project_with_its_latest_report(
    editor_client, board, norddjurs
):
    running = RunningProjectFactory(municipality=norddjurs)
    report = reported(running, days=3, overall=Rag.YELLOW)
    ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    response = editor_client.get(f"{N}projektboard/{board.pk}/")
    rows = response.context["overview"].rows
    assert [row.project for row in rows] == [running]
    assert rows[0].overall.value == Rag.YELLOW
    assert f"{N}statusrapporter/{report.pk}/" in response.content.decode()


def test_the_board_shows_overdue_projects_with_their_leaders(editor_client, board, norddjurs):
    leader = PersonFactory(municipality=norddjurs, name="Bente Brandt")
    late = RunningProjectFactory(municipality=norddjurs, leader=leader)
    on_time = RunningProjectFactory(municipality=norddjurs)
    reported(on_time, days=2)
    response = editor_client.get(f"{N}projektboard/{board.pk}/")
    assert [row.project for row in response.context["overview"].overdue] == [late]
    assert "Bente Brandt" in response.content.decode()


def test_the_board_shows_whose_status_got_worse_since_its_last_meeting(
    editor_client, board, last_meeting, norddjurs
):
    worse = RunningProjectFactory(municipality=norddjurs, name="A-projekt")
    reported(worse, days=28)
    reported(worse, days=2, overall=Rag.RED)
    better = RunningProjectFactory(municipality=norddjurs, name="B-projekt")
    reported(better, days=28, overall=Rag.YELLOW)
    reported(better, days=2)
    quiet = RunningProjectFactory(municipality=norddjurs, name="C-projekt")
    reported(quiet, days=28)
    changed = editor_client.get(f"{N}projektboard/{board.pk}/").context["overview"].changed
    assert [(row.project, row.trend) for row in changed] == [(worse, "worse"), (better, "better")]


def test_the_board_shows_projects_that_started_running_since_its_last_meeting(
    editor_client, board, last_meeting, norddjurs
):
    old = RunningProjectFactory(municipality=norddjurs, start_date=days_ago(100))
    new = ProjectFactory(municipality=norddjurs, phase=Phase.APPROVED, start_date=days_ago(60))
    with scopes_disabled():
        PhaseChange.objects.filter(project=new).update(decided_on=days_ago(3))
    overview = editor_client.get(f"{N}projektboard/{board.pk}/").context["overview"]
    assert [row.project for row in overview.new_projects] == [new]
    assert old not in [row.project for row in overview.new_projects]


def test_without_a_held_meeting_the_board_shows_no_changes(editor_client, board, norddjurs):
    reported(RunningProjectFactory(municipality=norddjurs), days=2)
    overview = editor_client.get(f"{N}projektboard/{board.pk}/").context["overview"]
    assert overview.last_meeting is None
    assert overview.changed == []


def test_the_secretary_is_offered_the_next_meeting_agenda(
    board_secretary_client, board, next_meeting
):
    page = board_secretary_client.get(f"{N}projektboard/{board.pk}/").content.decode()
    assert f"{N}projektboard/{board.pk}/dagsorden/" in page


def test_an_editor_without_the_seat_is_not_offered_the_agenda(editor_client, board, next_meeting):
    page = editor_client.get(f"{N}projektboard/{board.pk}/").content.decode()
    assert "/dagsorden/" not in page


def test_the_secretary_puts_the_projects_on_the_agenda_overdue_first_then_by_status(
    board_secretary_client, board, next_meeting, norddjurs
):
    green = RunningProjectFactory(municipality=norddjurs, name="A-grøn")
    reported(green, days=2)
    red = RunningProjectFactory(municipality=norddjurs, name="B-rød")
    reported(red, days=2, overall=Rag.RED)
    overdue = RunningProjectFactory(municipality=norddjurs, name="C-forsinket")
    yellow = RunningProjectFactory(municipality=norddjurs, name="D-gul")
    reported(yellow, days=2, overall=Rag.YELLOW)
    response = board_secretary_client.post(f"{N}projektboard/{board.pk}/dagsorden/")
    assert response.status_code == 302
    assert response["Location"] == f"/norddjurs/styring/moeder/{next_meeting.pk}/"
    with scopes_disabled():
        titles = list(
            AgendaItem.objects.filter(meeting=next_meeting)
            .order_by("position")
            .values_list("title", flat=True)
        )
    assert [
        next(p.name for p in (green, red, overdue, yellow) if p.name in title) for title in titles
    ] == [overdue.name, red.name, yellow.name, green.name]


def test_only_the_boards_secretary_may_make_the_agenda(
    editor_client, board, next_meeting, norddjurs
):
    RunningProjectFactory(municipality=norddjurs)
    response = editor_client.post(f"{N}projektboard/{board.pk}/dagsorden/")
    assert response.status_code == 403
    with scopes_disabled():
        assert not AgendaItem.objects.filter(meeting=next_meeting).exists()


def test_without_an_open_meeting_the_agenda_is_refused_with_the_reason(
    board_secretary_client, board, norddjurs
):
    RunningProjectFactory(municipality=norddjurs)
    response = board_secretary_client.post(f"{N}projektboard/{board.pk}/dagsorden/", follow=True)
    assert response.status_code == 200
    assert list(response.context["messages"])
    with scopes_disabled():
        assert not AgendaItem.objects.exists()


def test_the_board_costs_a_bounded_number_of_queries(
    board_secretary_client,
    board,
    last_meeting,
    next_meeting,
    norddjurs,
    django_assert_max_num_queries,
):
    for number in range(10):
        project = RunningProjectFactory(
            municipality=norddjurs, leader=PersonFactory(municipality=norddjurs)
        )
        for days in (30, 16, 2)[: number % 3 + 1]:
            reported(project, days=days, overall=(Rag.GREEN, Rag.YELLOW, Rag.RED)[number % 3])
    board_secretary_client.get(f"{N}projektboard/{board.pk}/")
    with django_assert_max_num_queries(15):
        assert board_secretary_client.get(f"{N}projektboard/{board.pk}/").status_code == 200


def test_another_municipalitys_board_is_not_found(editor_client, rebild):
    foreign = BodyFactory(municipality=rebild, kind=BodyKind.PROJECT_BOARD)
    assert editor_client.get(f"{N}projektboard/{foreign.pk}/").status_code == 404
