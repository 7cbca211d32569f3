"""The portfolio demo: Norddjurs' projects from the seeds with their gate decisions and
status-report histories, the catalogue's shared projects, and Rebild's projects aligned to
its principles.

The demo is loaded once for the module, in a transaction rolled back at the end, because
loading it with the governance demo's planned years takes a few seconds.
"""

import io
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.models import ChangeLogEntry, Municipality
from styrbord.governance.demo.bodies import STEERING
from styrbord.portfolio import queries
from styrbord.portfolio.demo.norddjurs import BROADBAND
from styrbord.portfolio.models import (
    ENDED_PHASES,
    RUNNING_PHASES,
    STEERING_GATES,
    GateRequest,
    Idea,
    IdeaStatus,
    Origin,
    Phase,
    PhaseChange,
    Project,
    Rag,
    StatusReport,
)
from styrbord.strategy.demo import REBILD_STRATEGY
from styrbord.strategy.models import Principle


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def norddjurs(demo, db):
    place = Municipality.objects.get(code="0707")
    with scope(municipality=place):
        yield place


@pytest.fixture
def rebild(demo, db):
    place = Municipality.objects.get(code="0840")
    with scope(municipality=place):
        yield place


def test_norddjurs_has_the_projects_the_seeds_name(norddjurs):
    names = set(Project.objects.values_list("name", flat=True))
    assert {
        "Talegenkendelse",
        "Monopolbruddet",
        "Printløsninger",
        "Teleløsninger",
        "Bibliotekssystem (FBS)",
        "Ydelsesrefusionssystem",
        "Udnyttelse af velfærdsteknologi",
        "Grunddataprogrammet",
        "Samarbejdsplatform på skole- og dagtilbudsområdet",
        "Aula",
        "Fasit",
        "Borgerblikket",
        "Office 365 med Teams",
        "Intranet",
        "Konferencelokaler",
        "Webinarløsning",
        "Schrems II-opfølgning",
        "Digitale kompetencer",
    } <= names


def test_the_proposal_waits_for_the_steering_groups_next_meeting(norddjurs):
    request = GateRequest.objects.select_related("agenda_item__meeting__body", "project").get(
        outcome=""
    )
    meeting = request.agenda_item.meeting
    assert request.project.name == BROADBAND
    assert request.project.phase == Phase.PROPOSAL
    assert request.to_phase == Phase.APPROVED
    assert meeting.body.name == STEERING
    assert meeting.starts_at > timezone.now()


def test_a_running_project_is_overdue_with_its_status_report(norddjurs):
    assert queries.overdue_projects().exists()


def test_a_running_project_is_red(norddjurs):
    assert queries.running_projects().filter(current_status=Rag.RED).exists()


def test_the_red_project_escalated_to_the_steering_groups_next_meeting(norddjurs):
    report = StatusReport.objects.select_related("escalation_item__meeting__body").get(
        project__name="Office 365 med Teams", escalate_to__isnull=False
    )
    assert report.overall == Rag.RED
    assert report.escalation_item.meeting.body.name == STEERING
    assert report.escalation_item.meeting.starts_at > timezone.now()


def test_running_projects_report_every_fourteen_days_up_to_the_last_weeks(norddjurs):
    for project in queries.running_projects():
        ends = list(
            project.status_reports.order_by("period_end").values_list("period_end", flat=True)
        )
        assert ends, project
        assert {(later - earlier).days for earlier, later in pairwise(ends)} <= {14}
        assert (timezone.localdate() - ends[-1]).days < 45


def test_the_closed_project_has_a_final_report_and_lessons_learned(norddjurs):
    project = Project.objects.get(name="Konferencelokaler")
    closing = project.phase_changes.get(to_phase=Phase.CLOSED)
    assert project.phase == Phase.CLOSED
    assert project.delivered_vs_planned
    assert project.closed_on == closing.decided_on
    assert closing.agenda_item.outcome
    assert project.lessons.count() >= 2
    assert not project.success_criteria.filter(met__isnull=True).exists()


def test_non_local_projects_passed_the_steering_gates_on_a_recorded_decision(demo, db):
    # The catalogue's projects passed their gates in KOMBIT's, KL's or the agency's boards.
    with scopes_disabled():
        gates = (
            PhaseChange.objects.exclude(from_phase="")
            .exclude(municipality__is_catalogue=True)
            .filter(to_phase__in=STEERING_GATES)
        )
        non_local = gates.exclude(project__origin=Origin.LOCAL).select_related("agenda_item")
        local = gates.filter(project__origin=Origin.LOCAL)
        assert non_local.exists()
        assert all(change.agenda_item and change.agenda_item.outcome for change in non_local)
        assert all(change.agenda_item or change.approver for change in local)


def test_every_phase_change_is_dated_in_the_past(demo, db):
    with scopes_disabled():
        assert not PhaseChange.objects.filter(decided_on__gt=timezone.localdate()).exists()


def test_approved_start_documents_keep_what_was_approved(norddjurs):
    project = Project.objects.get(name="Office 365 med Teams")
    assert project.charter_approved_at.date() < timezone.localdate()
    assert project.charter_baseline["dates"]["end_date"] != project.end_date.isoformat()


def test_a_shared_project_shows_both_municipalities_that_implement_it(demo, db):
    with scopes_disabled():
        shared = Project.objects.get(municipality__is_catalogue=True, name="Borgerblikket")
    names = queries.implementing_municipalities(shared)
    assert len(names) == 2
    assert all("Norddjurs" in name or "Rebild" in name for name in names)


def test_rebild_projects_are_aligned_to_its_own_principles(rebild):
    own = set(Principle.objects.filter(strategy__title=REBILD_STRATEGY))
    projects = queries.with_alignment(queries.projects())
    assert len(projects) >= 4
    for project in projects:
        aligned = set(project.principles.all())
        assert aligned and aligned <= own, project
        assert project.core_task_relevance, project


def test_rebild_sees_only_its_own_projects_with_its_own_people(rebild):
    projects = list(queries.projects())
    assert {project.municipality_id for project in projects} == {rebild.pk}
    for project in projects:
        for related in (project.org_unit, project.owner, project.leader):
            assert related is None or related.municipality_id == rebild.pk


def test_norddjurs_projects_use_norddjurs_people_and_bodies(norddjurs):
    for project in queries.projects():
        for related in (project.org_unit, project.owner, project.leader, project.project_group):
            assert related is None or related.municipality_id == norddjurs.pk
    assert queries.projects().filter(phase__in=RUNNING_PHASES).count() >= 5
    assert queries.projects().filter(phase__in=ENDED_PHASES).count() >= 10


def test_loading_the_demo_twice_creates_nothing_new(demo, db):
    with scopes_disabled():
        counted = (Project, PhaseChange, StatusReport, GateRequest, ChangeLogEntry)
        before = [model.objects.count() for model in counted]
        call_command("demo", stdout=io.StringIO())
        after = [model.objects.count() for model in counted]
    assert before == after


def test_employees_ideas_wait_for_triage_and_triaged_ones_keep_their_reason(norddjurs):
    assert Idea.objects.filter(status=IdeaStatus.SUBMITTED).count() == 2
    parked = Idea.objects.get(status=IdeaStatus.LATER)
    assert parked.reason and parked.triaged_by is not None
