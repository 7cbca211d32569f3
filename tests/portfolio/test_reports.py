"""Status reports: RAG per dimension with reasons, immutable once submitted, corrections,
the project's latest status and next due date, and escalation to a body's next meeting."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from styrbord.governance.models import BodyKind, ItemKind
from styrbord.portfolio.models import DIMENSIONS, Phase, Rag, ReportState, StatusReport
from styrbord.portfolio.services import projects, reports
from tests.factories import PersonFactory
from tests.governance.factories import BodyFactory, MeetingFactory
from tests.portfolio.factories import ProjectFactory, RunningProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")

DAY = datetime.timedelta(days=1)


@pytest.fixture
def project(norddjurs):
    return RunningProjectFactory(municipality=norddjurs, name="Aula", report_every_days=21)


def _draft(project, actor, **data):
    values = {name: Rag.GREEN for name in DIMENSIONS}
    values.update(period_end=timezone.localdate(), summary="Planmæssigt forløb.")
    values.update(data)
    return reports.create_report(project=project, actor=actor, **values)


def _submit(report, actor):
    return reports.submit_report(report, actor=actor, expected_version=report.version)


def test_a_yellow_status_without_a_comment_is_refused(editor, project):
    with pytest.raises(ValidationError) as refused:
        _draft(project, editor, schedule=Rag.YELLOW)
    assert list(refused.value.message_dict) == ["schedule_comment"]


def test_a_red_status_with_a_comment_is_accepted(editor, project):
    report = _draft(project, editor, overall=Rag.RED, overall_comment="Leverandøren er forsinket.")
    assert report.overall == Rag.RED


def test_a_percent_complete_over_a_hundred_is_refused(editor, project):
    with pytest.raises(ValidationError) as refused:
        _draft(project, editor, percent_complete=120)
    assert "percent_complete" in refused.value.message_dict


def test_a_report_on_a_closed_project_is_refused(editor):
    closed = ProjectFactory(phase=Phase.CLOSED)
    with pytest.raises(ValidationError):
        _draft(closed, editor)
    assert not StatusReport.objects.filter(project=closed).exists()


def test_the_project_leader_reports_with_a_readers_role(norddjurs, reader):
    leader = PersonFactory(municipality=norddjurs, user=reader)
    project = RunningProjectFactory(municipality=norddjurs, leader=leader)
    report = _submit(_draft(project, reader), reader)
    assert report.submitted_by == reader


def test_a_reader_who_does_not_lead_the_project_cannot_report(reader, project):
    with pytest.raises(PermissionDenied):
        _draft(project, reader)


def test_a_draft_does_not_change_the_projects_status(editor, project):
    due = project.next_report_due
    _draft(project, editor, overall=Rag.RED, overall_comment="Kritisk.")
    project.refresh_from_db()
    assert (project.latest_report, project.current_status) == (None, "")
    assert project.next_report_due == due


def test_submitting_updates_the_projects_latest_status_and_next_due_date(editor, project):
    period_end = timezone.localdate() - 2 * DAY
    report = _draft(
        project, editor, period_end=period_end, overall=Rag.YELLOW, overall_comment="Lidt bagud."
    )
    report = _submit(report, editor)
    project.refresh_from_db()
    assert report.state == ReportState.SUBMITTED
    assert project.latest_report == report
    assert project.current_status == Rag.YELLOW
    assert project.next_report_due == period_end + 21 * DAY


def test_submitting_clears_an_update_request(editor, project):
    projects.request_update(project, actor=editor)
    _submit(_draft(project, editor), editor)
    project.refresh_from_db()
    assert project.update_requested_at is None
    assert project.update_requested_by is None


def test_a_submitted_report_cannot_be_edited(editor, project):
    report = _submit(_draft(project, editor), editor)
    with pytest.raises(ValidationError):
        reports.update_report(
            report, actor=editor, expected_version=report.version, summary="Omskrevet."
        )
    report.refresh_from_db()
    assert report.summary == "Planmæssigt forløb."


def test_a_submitted_report_cannot_be_deleted(editor, project):
    report = _submit(_draft(project, editor), editor)
    with pytest.raises(ValidationError):
        reports.delete_draft(report, actor=editor)
    assert StatusReport.objects.filter(pk=report.pk).exists()


def test_a_report_cannot_be_submitted_twice(editor, project):
    report = _submit(_draft(project, editor), editor)
    with pytest.raises(ValidationError):
        _submit(report, editor)


def test_a_correction_is_a_new_draft_that_links_to_the_original(editor, project):
    original = _submit(_draft(project, editor, summary="Forkert tal."), editor)
    correction = reports.start_correction(original, actor=editor)
    assert correction.pk != original.pk
    assert correction.corrects == original
    assert correction.state == ReportState.DRAFT
    assert (correction.period_end, correction.summary) == (original.period_end, "Forkert tal.")


def test_a_draft_is_not_corrected(editor, project):
    with pytest.raises(ValidationError):
        reports.start_correction(_draft(project, editor), actor=editor)


def test_a_submitted_correction_becomes_the_latest_report(editor, project):
    original = _submit(_draft(project, editor), editor)
    correction = reports.start_correction(original, actor=editor)
    correction = reports.update_report(
        correction,
        actor=editor,
        expected_version=correction.version,
        budget=Rag.RED,
        budget_comment="Overskridelse opdaget.",
    )
    _submit(correction, editor)
    project.refresh_from_db()
    assert project.latest_report == correction


def test_an_escalation_puts_a_decision_item_on_the_bodys_next_meeting(
    editor, steering_group, project
):
    meeting = MeetingFactory(body=steering_group, starts_at=timezone.now() + 10 * DAY)
    report = _draft(
        project,
        editor,
        risk=Rag.RED,
        risk_comment="Leverandøren kan ikke levere.",
        escalate_to=steering_group,
        escalation_reason="Styregruppen bedes beslutte, om kontrakten skal opsiges.",
    )
    report = _submit(report, editor)
    item = report.escalation_item
    assert item.meeting == meeting
    assert item.kind == ItemKind.DECISION
    assert item.recommendation == "Styregruppen bedes beslutte, om kontrakten skal opsiges."


def test_an_escalation_without_a_coming_meeting_is_refused_on_the_body(
    editor, steering_group, project
):
    report = _draft(
        project, editor, escalate_to=steering_group, escalation_reason="Beslut budgettet."
    )
    with pytest.raises(ValidationError) as refused:
        _submit(report, editor)
    assert list(refused.value.message_dict) == ["escalate_to"]
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT


def test_an_escalation_without_a_question_is_refused(editor, steering_group, project):
    with pytest.raises(ValidationError) as refused:
        _draft(project, editor, escalate_to=steering_group)
    assert "escalation_reason" in refused.value.message_dict


def test_an_escalation_to_a_body_that_does_not_decide_is_refused(norddjurs, editor, project):
    board = BodyFactory(municipality=norddjurs, kind=BodyKind.PROJECT_BOARD)
    with pytest.raises(ValidationError) as refused:
        _draft(project, editor, escalate_to=board, escalation_reason="Hjælp.")
    assert "escalate_to" in refused.value.message_dict
