"""The status report pages: writing a draft, submitting it, corrections, escalation, who may
report, the project's grid of periods and the portfolio-wide grid."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.governance.models import AgendaItem, BodyKind, MeetingStatus
from styrbord.portfolio.models import DIMENSIONS, Phase, Rag, ReportState, StatusReport
from tests.factories import PersonFactory
from tests.governance.factories import BodyFactory, MeetingFactory
from tests.portfolio.factories import (
    ProjectFactory,
    RunningProjectFactory,
    StatusReportFactory,
)

N = "/norddjurs/portefolje/"


def report_data(**overrides) -> dict:
    """A complete, all-green report as the form posts it."""
    data = {
        "period_end": timezone.localdate().isoformat(),
        "summary": "Udrulningen til de første tre afdelinger er gennemført.",
        "achievements": "",
        "next_steps": "",
        "problems": "",
        "percent_complete": "55",
        "spent_to_date": "",
        "forecast": "",
        "escalate_to": "",
        "escalation_reason": "",
    }
    for name in DIMENSIONS:
        data[name] = Rag.GREEN
        data[f"{name}_comment"] = ""
    data.update(overrides)
    return data


def draft(project, **values) -> StatusReport:
    return StatusReportFactory(
        project=project, state=ReportState.DRAFT, submitted_at=None, **values
    )


def refreshed(obj):
    with scopes_disabled():
        obj.refresh_from_db()
    return obj


@pytest.fixture
def project(norddjurs):
    return RunningProjectFactory(municipality=norddjurs)


@pytest.fixture
def leader_client(client, reader, project):
    """The reader, made the project's leader."""
    with scopes_disabled():
        person = PersonFactory(municipality=project.municipality, user=reader)
        project.leader = person
        project.save(update_fields=["leader"])
    client.force_login(reader)
    return client


# --- writing and submitting ---


def test_an_editor_saves_a_report_as_a_draft(editor_client, project):
    response = editor_client.post(f"{N}projekter/{project.pk}/status/ny/", report_data())
    with scopes_disabled():
        report = StatusReport.objects.get(project=project)
    assert response.status_code == 302
    assert response["Location"] == f"{N}statusrapporter/{report.pk}/"
    assert report.state == ReportState.DRAFT


def test_a_draft_does_not_change_the_projects_status(editor_client, project):
    editor_client.post(
        f"{N}projekter/{project.pk}/status/ny/",
        report_data(overall=Rag.RED, overall_comment="Leverandøren er forsinket."),
    )
    assert refreshed(project).current_status == ""


def test_the_draft_page_offers_submit_edit_and_delete(editor_client, project):
    report = draft(project)
    page = editor_client.get(f"{N}statusrapporter/{report.pk}/").content.decode()
    assert f"{N}statusrapporter/{report.pk}/indsend/" in page
    assert f"{N}statusrapporter/{report.pk}/rediger/" in page
    assert f"{N}statusrapporter/{report.pk}/slet/" in page


def test_submitting_sets_the_projects_latest_status_and_next_due_date(editor_client, project):
    period_end = timezone.localdate() - datetime.timedelta(days=2)
    report = draft(project, period_end=period_end, overall=Rag.YELLOW, overall_comment="Forsinket.")
    response = editor_client.post(
        f"{N}statusrapporter/{report.pk}/indsend/", {"version": report.version}
    )
    assert response.status_code == 302
    assert refreshed(report).state == ReportState.SUBMITTED
    project = refreshed(project)
    assert project.latest_report_id == report.pk
    assert project.current_status == Rag.YELLOW
    assert project.next_report_due == period_end + datetime.timedelta(days=14)


def test_submitting_with_a_stale_version_changes_nothing(editor_client, project):
    report = draft(project)
    editor_client.post(f"{N}statusrapporter/{report.pk}/indsend/", {"version": report.version - 1})
    assert refreshed(report).state == ReportState.DRAFT


def test_a_submitted_report_cannot_be_edited(editor_client, project):
    report = StatusReportFactory(project=project)
    response = editor_client.post(
        f"{N}statusrapporter/{report.pk}/rediger/",
        report_data(summary="Omskrevet historie.", version=report.version),
    )
    assert response.status_code == 302
    assert response["Location"] == f"{N}statusrapporter/{report.pk}/"
    assert refreshed(report).summary != "Omskrevet historie."


def test_the_edit_page_of_a_submitted_report_sends_back_to_the_report(editor_client, project):
    report = StatusReportFactory(project=project)
    response = editor_client.get(f"{N}statusrapporter/{report.pk}/rediger/", follow=True)
    assert response.status_code == 200
    assert response.context["report"] == report
    assert list(response.context["messages"])


def test_a_submitted_report_has_no_edit_button(editor_client, project):
    report = StatusReportFactory(project=project)
    page = editor_client.get(f"{N}statusrapporter/{report.pk}/").content.decode()
    assert "/rediger/" not in page
    assert f"{N}statusrapporter/{report.pk}/ret/" in page


def test_a_draft_is_edited_and_keeps_its_state(editor_client, project):
    report = draft(project)
    response = editor_client.post(
        f"{N}statusrapporter/{report.pk}/rediger/",
        report_data(summary="Ny opsummering.", version=report.version),
    )
    assert response.status_code == 302
    report = refreshed(report)
    assert (report.summary, report.state) == ("Ny opsummering.", ReportState.DRAFT)


def test_a_correction_is_a_new_draft_linked_to_the_original(editor_client, project):
    original = StatusReportFactory(project=project, percent_complete=30)
    response = editor_client.post(f"{N}statusrapporter/{original.pk}/ret/")
    with scopes_disabled():
        correction = StatusReport.objects.get(corrects=original)
    assert response["Location"] == f"{N}statusrapporter/{correction.pk}/rediger/"
    assert correction.state == ReportState.DRAFT
    assert correction.percent_complete == 30
    assert refreshed(original).state == ReportState.SUBMITTED


def test_a_draft_is_deleted(editor_client, project):
    report = draft(project)
    response = editor_client.post(
        f"{N}statusrapporter/{report.pk}/slet/", {"version": report.version}
    )
    assert response["Location"] == f"{N}projekter/{project.pk}/status/"
    with scopes_disabled():
        assert not StatusReport.objects.filter(pk=report.pk).exists()


def test_a_submitted_report_cannot_be_deleted(editor_client, project):
    report = StatusReportFactory(project=project)
    editor_client.post(f"{N}statusrapporter/{report.pk}/slet/", {"version": report.version})
    with scopes_disabled():
        assert StatusReport.objects.filter(pk=report.pk).exists()


# --- bad input ---


def test_yellow_without_a_comment_is_refused_next_to_that_comment(editor_client, project):
    response = editor_client.post(
        f"{N}projekter/{project.pk}/status/ny/", report_data(schedule=Rag.YELLOW)
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"schedule_comment"}
    assert 'id="id_schedule_comment_error"' in response.content.decode()
    with scopes_disabled():
        assert not StatusReport.objects.filter(project=project).exists()


def test_a_missing_status_is_shown_in_that_dimensions_fieldset(editor_client, project):
    response = editor_client.post(f"{N}projekter/{project.pk}/status/ny/", report_data(risk=""))
    assert "risk" in response.context["form"].errors
    assert 'id="id_risk_error"' in response.content.decode()


def test_a_report_on_a_closed_project_is_refused_and_the_input_kept(editor_client, norddjurs):
    closed = ProjectFactory(municipality=norddjurs, phase=Phase.CLOSED)
    response = editor_client.post(
        f"{N}projekter/{closed.pk}/status/ny/", report_data(summary="Sidste status.")
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Sidste status." in response.content.decode()
    with scopes_disabled():
        assert not StatusReport.objects.filter(project=closed).exists()


# --- the form ---


def test_the_form_starts_from_the_latest_submitted_report(editor_client, project):
    StatusReportFactory(
        project=project, budget=Rag.RED, budget_comment="Over.", percent_complete=70
    )
    form = editor_client.get(f"{N}projekter/{project.pk}/status/ny/").context["form"]
    assert form.initial["budget"] == Rag.RED
    assert form.initial["percent_complete"] == 70
    assert form.initial["period_end"] == timezone.localdate()


def test_escalation_can_only_go_to_the_programme_or_steering_group(
    editor_client, project, steering_group, programme_group
):
    BodyFactory(kind=BodyKind.PROJECT_BOARD, name="Project Board")
    form = editor_client.get(f"{N}projekter/{project.pk}/status/ny/").context["form"]
    assert set(form.fields["escalate_to"].queryset) == {steering_group, programme_group}


# --- escalation ---


def test_an_escalation_is_proposed_to_the_steering_groups_next_meeting(
    editor_client, project, steering_group
):
    meeting = MeetingFactory(
        body=steering_group,
        starts_at=timezone.now() + datetime.timedelta(days=20),
        status=MeetingStatus.PLANNED,
    )
    report = draft(
        project, escalate_to=steering_group, escalation_reason="Godkend en tillægsbevilling."
    )
    editor_client.post(f"{N}statusrapporter/{report.pk}/indsend/", {"version": report.version})
    with scopes_disabled():
        item = AgendaItem.objects.get(meeting=meeting)
    assert item.recommendation == "Godkend en tillægsbevilling."
    assert refreshed(report).escalation_item == item
    page = editor_client.get(f"{N}statusrapporter/{report.pk}/").content.decode()
    assert f"/styring/moeder/{meeting.pk}/#item-{item.pk}" in page


def test_an_escalation_without_a_coming_meeting_keeps_the_draft(
    editor_client, project, steering_group
):
    report = draft(project, escalate_to=steering_group, escalation_reason="Beslut.")
    response = editor_client.post(
        f"{N}statusrapporter/{report.pk}/indsend/", {"version": report.version}, follow=True
    )
    assert response.status_code == 200
    assert list(response.context["messages"])
    assert refreshed(report).state == ReportState.DRAFT


# --- who may report ---


def test_the_project_leader_with_a_reader_role_may_report(leader_client, project):
    assert leader_client.get(f"{N}projekter/{project.pk}/status/ny/").status_code == 200
    leader_client.post(f"{N}projekter/{project.pk}/status/ny/", report_data())
    with scopes_disabled():
        assert StatusReport.objects.filter(project=project).exists()


def test_a_reader_who_is_not_the_leader_may_not_report(reader_client, project):
    assert reader_client.get(f"{N}projekter/{project.pk}/status/ny/").status_code == 403
    assert (
        reader_client.post(f"{N}projekter/{project.pk}/status/ny/", report_data()).status_code
        == 403
    )


def test_a_reader_who_is_not_the_leader_may_not_submit(reader_client, project):
    report = draft(project)
    response = reader_client.post(
        f"{N}statusrapporter/{report.pk}/indsend/", {"version": report.version}
    )
    assert response.status_code == 403
    assert refreshed(report).state == ReportState.DRAFT


def test_a_reader_sees_a_submitted_report_without_actions(reader_client, project):
    report = StatusReportFactory(project=project)
    page = reader_client.get(f"{N}statusrapporter/{report.pk}/").content.decode()
    assert "/ret/" not in page


# --- the project's reports and grid ---


def test_the_project_grid_shows_the_last_eight_periods_newest_first(editor_client, project):
    today = timezone.localdate()
    for weeks in range(10):
        StatusReportFactory(project=project, period_end=today - datetime.timedelta(weeks=2 * weeks))
    grid = editor_client.get(f"{N}projekter/{project.pk}/status/").context["grid"]
    assert [report.period_end for report in grid.periods] == [
        today - datetime.timedelta(weeks=2 * weeks) for weeks in range(8)
    ]
    assert len(grid.rows) == len(DIMENSIONS)


def test_the_project_grid_shows_each_status_as_text_and_class(editor_client, project):
    StatusReportFactory(project=project, risk=Rag.RED, risk_comment="Nøglemedarbejder stopper.")
    page = editor_client.get(f"{N}projekter/{project.pk}/status/").content.decode()
    assert 'class="rag rag--red"' in page


def test_a_corrected_report_gives_way_to_its_correction_in_the_grid(editor_client, project):
    original = StatusReportFactory(project=project, overall=Rag.GREEN)
    StatusReportFactory(
        project=project,
        corrects=original,
        period_end=original.period_end,
        overall=Rag.RED,
        overall_comment="Rettet: projektet er forsinket.",
    )
    grid = editor_client.get(f"{N}projekter/{project.pk}/status/").context["grid"]
    assert [report.overall for report in grid.periods] == [Rag.RED]


def test_the_projects_drafts_are_listed_for_those_who_report(editor_client, project):
    report = draft(project)
    response = editor_client.get(f"{N}projekter/{project.pk}/status/")
    assert list(response.context["drafts"]) == [report]


def test_an_editor_is_offered_to_request_an_update(editor_client, project):
    page = editor_client.get(f"{N}projekter/{project.pk}/status/").content.decode()
    assert f"{N}projekter/{project.pk}/opdatering/" in page


def test_a_reader_is_not_offered_to_request_an_update(reader_client, project):
    page = reader_client.get(f"{N}projekter/{project.pk}/status/").content.decode()
    assert "/opdatering/" not in page


def test_the_project_page_marks_an_overdue_report(editor_client, project):
    # A running project without reports was due 14 days after it started running.
    assert editor_client.get(f"{N}projekter/{project.pk}/status/").context["overdue"]


def test_the_project_reports_cost_a_bounded_number_of_queries(
    editor_client, project, django_assert_max_num_queries
):
    for weeks in range(30):
        StatusReportFactory(
            project=project, period_end=timezone.localdate() - datetime.timedelta(weeks=2 * weeks)
        )
    editor_client.get(f"{N}projekter/{project.pk}/status/")
    with django_assert_max_num_queries(15):
        assert editor_client.get(f"{N}projekter/{project.pk}/status/").status_code == 200


# --- the portfolio-wide grid ---


def test_the_portfolio_grid_shows_the_running_projects_last_six_periods(
    editor_client, project, norddjurs
):
    ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    today = timezone.localdate()
    for weeks in range(8):
        StatusReportFactory(
            project=project,
            period_end=today - datetime.timedelta(weeks=2 * weeks),
            overall=Rag.RED if weeks == 0 else Rag.GREEN,
            overall_comment="Forsinket." if weeks == 0 else "",
        )
    rows = editor_client.get(f"{N}statusrapporter/").context["rows"]
    assert [row[0] for row in rows] == [project]
    cells = rows[0][2]
    assert len(cells) == 6
    assert [cell.rag.value for cell in cells] == [Rag.RED] + [Rag.GREEN] * 5


def test_the_portfolio_grid_marks_overdue_projects(editor_client, norddjurs):
    overdue = RunningProjectFactory(municipality=norddjurs, name="Forsinket projekt")
    on_time = RunningProjectFactory(municipality=norddjurs, name="Rettidigt projekt")
    StatusReportFactory(project=on_time)
    rows = editor_client.get(f"{N}statusrapporter/").context["rows"]
    assert {project.name: is_overdue for project, is_overdue, _cells in rows} == {
        overdue.name: True,
        on_time.name: False,
    }


def test_the_portfolio_grid_costs_a_bounded_number_of_queries(
    editor_client, norddjurs, django_assert_max_num_queries
):
    today = timezone.localdate()
    for number in range(10):
        running = RunningProjectFactory(municipality=norddjurs, leader=PersonFactory())
        for weeks in range(number % 4 + 3):
            StatusReportFactory(
                project=running, period_end=today - datetime.timedelta(weeks=2 * weeks)
            )
    editor_client.get(f"{N}statusrapporter/")
    with django_assert_max_num_queries(15):
        assert editor_client.get(f"{N}statusrapporter/").status_code == 200


def test_another_municipalitys_report_is_not_found(editor_client, rebild):
    foreign = StatusReportFactory(project=RunningProjectFactory(municipality=rebild))
    assert editor_client.get(f"{N}statusrapporter/{foreign.pk}/").status_code == 404
    assert editor_client.post(f"{N}statusrapporter/{foreign.pk}/ret/").status_code == 404
