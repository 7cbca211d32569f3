"""What the portfolio puts in "Mine opgaver": status reports due from the project leader or
requested of them, and ideas waiting for the triage groups' members."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from styrbord.core.tasks import tasks_for
from styrbord.portfolio import task_providers
from styrbord.portfolio.models import DIMENSIONS, Phase, Rag
from styrbord.portfolio.services import ideas, projects, reports
from tests.factories import PersonFactory
from tests.portfolio.factories import (
    IdeaFactory,
    ProjectFactory,
    RunningProjectFactory,
    StatusReportFactory,
)

pytestmark = pytest.mark.usefixtures("in_norddjurs")

DAY = datetime.timedelta(days=1)


@pytest.fixture
def leader(norddjurs, reader):
    """The project leader's person, linked to the ``reader`` login."""
    return PersonFactory(municipality=norddjurs, name="Projektlederen", user=reader)


def _report_url(project):
    return reverse(
        "portfolio:report_create", kwargs={"kommune": project.municipality.slug, "pk": project.pk}
    )


def _task_urls(user, municipality):
    return [task.url for task in tasks_for(user, municipality)]


def _reported(project, days_ago: int = 0):
    """The project has a submitted report with the status as of ``days_ago``."""
    StatusReportFactory(project=project, period_end=timezone.localdate() - days_ago * DAY)
    project.refresh_from_db()
    return project


def test_a_requested_update_shows_in_the_leaders_tasks(norddjurs, reader, editor, leader):
    project = _reported(RunningProjectFactory(leader=leader))
    assert _report_url(project) not in _task_urls(reader, norddjurs)
    projects.request_update(project, actor=editor)
    assert _report_url(project) in _task_urls(reader, norddjurs)


def test_an_overdue_report_shows_in_the_leaders_tasks_as_overdue(norddjurs, reader, leader):
    project = _reported(RunningProjectFactory(leader=leader), days_ago=20)
    task = next(t for t in tasks_for(reader, norddjurs) if t.url == _report_url(project))
    assert task.due == project.next_report_due
    assert task.overdue


def test_a_report_due_within_three_days_shows_in_the_leaders_tasks(norddjurs, reader, leader):
    project = _reported(RunningProjectFactory(leader=leader), days_ago=12)
    task = next(t for t in tasks_for(reader, norddjurs) if t.url == _report_url(project))
    assert task.due == timezone.localdate() + 2 * DAY
    assert not task.overdue


def test_a_report_not_due_yet_is_not_a_task(norddjurs, reader, leader):
    project = _reported(RunningProjectFactory(leader=leader), days_ago=1)
    assert _report_url(project) not in _task_urls(reader, norddjurs)


def test_another_leaders_overdue_project_is_not_the_users_task(norddjurs, reader, editor, leader):
    project = _reported(RunningProjectFactory(leader=leader), days_ago=30)
    assert _report_url(project) not in _task_urls(editor, norddjurs)


def test_a_project_that_is_not_running_asks_for_no_report(norddjurs, reader, leader):
    project = ProjectFactory(leader=leader, phase=Phase.PROPOSAL)
    assert _report_url(project) not in _task_urls(reader, norddjurs)


def test_submitting_the_report_removes_the_task(norddjurs, reader, editor, leader):
    project = _reported(RunningProjectFactory(leader=leader), days_ago=30)
    projects.request_update(project, actor=editor)
    report = reports.create_report(
        project=project,
        actor=reader,
        period_end=timezone.localdate(),
        summary="Status som ønsket.",
        **{name: Rag.GREEN for name in DIMENSIONS},
    )
    reports.submit_report(report, actor=reader, expected_version=report.version)
    assert _report_url(project) not in _task_urls(reader, norddjurs)


def test_an_update_is_not_requested_of_a_proposal(editor, leader):
    with pytest.raises(ValidationError):
        projects.request_update(ProjectFactory(leader=leader), actor=editor)


def test_a_reader_cannot_request_an_update(reader):
    with pytest.raises(PermissionDenied):
        projects.request_update(RunningProjectFactory(), actor=reader)


def test_the_leaders_report_tasks_cost_the_same_queries_for_many_projects(
    norddjurs, reader, leader, django_assert_max_num_queries
):
    for _ in range(12):
        RunningProjectFactory(leader=leader)
    with django_assert_max_num_queries(1):
        assert len(list(task_providers.status_reports(reader, norddjurs))) == 12


def test_an_idea_awaiting_triage_is_a_task_for_the_programme_groups_members(
    norddjurs, triager, editor, reader
):
    idea = IdeaFactory(municipality=norddjurs, submitted_by=reader)
    url = reverse("portfolio:idea_detail", kwargs={"kommune": norddjurs.slug, "pk": idea.pk})
    assert url in _task_urls(triager, norddjurs)
    assert url not in _task_urls(editor, norddjurs)


def test_a_triaged_idea_is_no_longer_a_task(norddjurs, triager, programme_group, reader):
    idea = IdeaFactory(municipality=norddjurs, submitted_by=reader)
    ideas.triage_idea(
        idea,
        actor=triager,
        expected_version=idea.version,
        body=programme_group,
        status="later",
        reason="Tages op igen næste år.",
    )
    url = reverse("portfolio:idea_detail", kwargs={"kommune": norddjurs.slug, "pk": idea.pk})
    assert url not in _task_urls(triager, norddjurs)
