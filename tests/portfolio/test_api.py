"""The portfolio API: scoped, token-authenticated, through the services and their policy;
bad input is answered 400 on the field, a stale version 409."""

import datetime

import factory
import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scope

from styrbord.core import queries as core_queries
from styrbord.core.models import Role
from styrbord.core.services.users import create_api_token
from styrbord.governance.models import AgendaItem
from styrbord.portfolio.models import (
    Deliverable,
    IdeaStatus,
    Origin,
    Phase,
    Project,
    ReportState,
    StatusReport,
)
from styrbord.portfolio.services._common import set_shared_relation
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.governance.factories import BodyFactory, MeetingFactory
from tests.portfolio import factories
from tests.portfolio.factories import (
    FocusAreaFactory,
    PrincipleFactory,
    ProjectFactory,
    RiskFactory,
    RunningProjectFactory,
    StatusReportFactory,
    StrategyFactory,
    catalogue,
)

API = "/api/norddjurs/portefolje"


class IdeaFactory(factories.IdeaFactory):
    """An idea has a submitter (the shared factory leaves it empty, which ``full_clean``
    refuses)."""

    submitted_by = factory.SubFactory(UserFactory)


DAY = datetime.timedelta(days=1)


def token_client(user, municipality, can_write: bool = True) -> Client:
    _token, key = create_api_token(
        user=user, municipality=municipality, name="Test", can_write=can_write
    )
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def post(client: Client, url: str, data: dict | None = None):
    return client.post(url, data or {}, content_type="application/json")


def patch(client: Client, url: str, data: dict):
    return client.patch(url, data, content_type="application/json")


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def green_report(project: Project, **changes) -> dict:
    """A report body, all green."""
    data = {
        "project": project.pk,
        "period_end": timezone.localdate().isoformat(),
        "summary": "Projektet forløber planmæssigt.",
        **{
            name: "green"
            for name in ("overall", "schedule", "budget", "scope", "quality", "risk", "benefits")
        },
    }
    return {**data, **changes}


@pytest.fixture
def editor_api(editor, norddjurs):
    return token_client(editor, norddjurs)


@pytest.fixture
def reader_api(reader, norddjurs):
    return token_client(reader, norddjurs)


@pytest.fixture
def leader(norddjurs):
    """A reader of the municipality who leads a project."""
    user = UserFactory(username="projektleder")
    MembershipFactory(user=user, municipality=norddjurs, role=Role.READER)
    return user


@pytest.fixture
def leader_api(leader, norddjurs):
    return token_client(leader, norddjurs)


@pytest.fixture
def led_project(leader):
    person = PersonFactory(name="Projektlederen", user=leader)
    return RunningProjectFactory(name="Talegenkendelse", leader=person)


@pytest.fixture
def catalogue_focus_area(db):
    strategy = StrategyFactory(
        municipality=catalogue(), title="Den fælleskommunale digitaliseringsstrategi"
    )
    return FocusAreaFactory(strategy=strategy, name="Digital velfærd")


# --- projects ---


def test_projects_are_listed_and_retrieved_with_a_token(editor_api):
    project = ProjectFactory(name="Monopolbruddet", budget_one_off="1250000.50")
    aula = ProjectFactory(name="Aula")
    assert ids(editor_api.get(f"{API}/projects/")) == [aula.pk, project.pk]
    detail = editor_api.get(f"{API}/projects/{project.pk}/").json()
    assert detail["name"] == "Monopolbruddet"
    assert detail["budget_one_off"] == "1250000.50"
    assert detail["start_date"] == project.start_date.isoformat()


def test_projects_are_filtered_like_the_overview(editor_api):
    running = RunningProjectFactory(name="Fasit")
    ProjectFactory(name="Borgerblikket")
    assert ids(editor_api.get(f"{API}/projects/", {"phase": "execution"})) == [running.pk]


def test_a_project_is_created_with_a_catalogue_focus_area(
    editor_api, editor, norddjurs, catalogue_focus_area
):
    own = PrincipleFactory(name="Digitalt først")
    response = post(
        editor_api,
        f"{API}/projects/",
        {
            "name": "Velfærdsteknologi",
            "origin": "local",
            "budget_one_off": "300000.00",
            "focus_areas": [catalogue_focus_area.pk],
            "principles": [own.pk],
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["focus_areas"] == [catalogue_focus_area.pk]
    assert response.json()["principles"] == [own.pk]
    assert response.json()["budget_one_off"] == "300000.00"
    with scope(municipality=norddjurs):
        project = Project.objects.get(pk=response.json()["id"])
        assert project.phase == Phase.PROPOSAL
        assert core_queries.history_of(project).filter(actor=editor).exists()
    retrieved = editor_api.get(f"{API}/projects/{project.pk}/").json()
    assert retrieved["focus_areas"] == [catalogue_focus_area.pk]


def test_another_municipalitys_focus_area_is_refused(editor_api, rebild):
    foreign = FocusAreaFactory(strategy=StrategyFactory(municipality=rebild))
    response = post(
        editor_api,
        f"{API}/projects/",
        {"name": "Lånt", "origin": "local", "focus_areas": [foreign.pk]},
    )
    assert response.status_code == 400
    assert "focus_areas" in response.json()


def test_a_project_implements_a_catalogue_project(editor_api):
    shared = ProjectFactory(
        municipality=catalogue(), name="Monopolbruddet", origin=Origin.JOINT_MUNICIPAL
    )
    response = post(
        editor_api,
        f"{API}/projects/",
        {"name": "Monopolbrud i Norddjurs", "origin": "joint_municipal", "implements": shared.pk},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["implements"] == shared.pk


def test_a_project_cannot_start_in_execution(editor_api):
    response = post(
        editor_api, f"{API}/projects/", {"name": "Genvej", "origin": "local", "phase": "execution"}
    )
    assert response.status_code == 400
    assert "phase" in response.json()


def test_a_stale_project_update_is_answered_409_and_changes_nothing(editor_api):
    project = ProjectFactory(name="Intranet")
    url = f"{API}/projects/{project.pk}/"
    assert patch(editor_api, url, {"purpose": "Første", "version": 1}).status_code == 200
    second = patch(editor_api, url, {"purpose": "Anden", "version": 1})
    assert second.status_code == 409
    assert second.json()["changed_fields"] == ["purpose"]
    assert editor_api.get(url).json()["purpose"] == "Første"


def test_an_update_without_a_version_is_400(editor_api):
    project = ProjectFactory()
    response = patch(editor_api, f"{API}/projects/{project.pk}/", {"purpose": "Uden version"})
    assert response.status_code == 400
    assert "version" in response.json()


def test_an_end_date_before_the_start_is_400_on_end_date(editor_api):
    response = post(
        editor_api,
        f"{API}/projects/",
        {
            "name": "Baglæns",
            "origin": "local",
            "start_date": "2025-06-01",
            "end_date": "2025-01-01",
        },
    )
    assert response.status_code == 400
    assert "end_date" in response.json()


def test_an_update_cannot_change_the_phase(editor_api, norddjurs):
    project = ProjectFactory()
    response = patch(
        editor_api, f"{API}/projects/{project.pk}/", {"phase": "execution", "version": 1}
    )
    assert response.status_code == 200
    assert response.json()["phase"] == Phase.PROPOSAL


def test_a_project_group_of_another_municipality_is_400(editor_api, rebild):
    foreign = BodyFactory(municipality=rebild)
    response = post(
        editor_api,
        f"{API}/projects/",
        {"name": "Konferencerum", "origin": "local", "project_group": foreign.pk},
    )
    assert response.status_code == 400
    assert "project_group" in response.json()


# --- phases ---


def test_a_phase_change_without_a_decision_is_400_with_field_errors(editor_api):
    project = ProjectFactory(origin=Origin.LOCAL)
    response = post(
        editor_api,
        f"{API}/projects/{project.pk}/phase/",
        {"to_phase": "approved", "version": 1},
    )
    assert response.status_code == 400
    assert {"approver", "decided_on"} <= set(response.json())


def test_a_phase_change_with_an_approver_moves_the_project(editor_api):
    project = ProjectFactory(origin=Origin.LOCAL)
    approver = PersonFactory(name="Direktøren")
    response = post(
        editor_api,
        f"{API}/projects/{project.pk}/phase/",
        {
            "to_phase": "approved",
            "approver": approver.pk,
            "decided_on": timezone.localdate().isoformat(),
            "version": 1,
        },
    )
    assert response.status_code == 200, response.json()
    assert response.json()["phase"] == Phase.APPROVED
    changes = editor_api.get(f"{API}/phase-changes/", {"project": project.pk}).json()["results"]
    assert [(c["from_phase"], c["to_phase"]) for c in changes] == [
        ("proposal", "approved"),
        ("", "proposal"),
    ]
    assert changes[0]["approver_name"] == "Direktøren"


def test_a_shared_project_passes_the_gate_only_on_an_agenda_item(editor_api):
    project = ProjectFactory(origin=Origin.JOINT_MUNICIPAL)
    response = post(
        editor_api,
        f"{API}/projects/{project.pk}/phase/",
        {
            "to_phase": "approved",
            "approver": PersonFactory().pk,
            "decided_on": timezone.localdate().isoformat(),
            "version": 1,
        },
    )
    assert response.status_code == 400
    assert "agenda_item" in response.json()


def test_sending_for_decision_puts_an_item_on_the_next_agenda(
    editor_api, steering_group, norddjurs
):
    meeting = MeetingFactory(body=steering_group)
    project = ProjectFactory(name="Webinarløsning")
    response = post(
        editor_api,
        f"{API}/projects/{project.pk}/send-for-decision/",
        {"body": steering_group.pk, "to_phase": "approved"},
    )
    assert response.status_code == 201, response.json()
    with scope(municipality=norddjurs):
        item = AgendaItem.objects.get(pk=response.json()["agenda_item"])
        assert item.meeting == meeting
        assert "Webinarløsning" in item.title


def test_an_update_is_requested_on_a_running_project(editor_api):
    project = RunningProjectFactory()
    response = post(editor_api, f"{API}/projects/{project.pk}/request-update/")
    assert response.status_code == 200, response.json()
    assert response.json()["update_requested_at"] is not None


# --- start-document parts ---


def test_a_deliverable_is_added_edited_and_deleted(editor_api, norddjurs):
    project = ProjectFactory()
    created = post(
        editor_api,
        f"{API}/deliverables/",
        {"project": project.pk, "title": "Ny telefoniløsning", "due_on": "2026-03-01"},
    )
    assert created.status_code == 201, created.json()
    url = f"{API}/deliverables/{created.json()['id']}/"
    edited = patch(editor_api, url, {"status": "delivered", "version": 1})
    assert edited.status_code == 200, edited.json()
    assert edited.json()["status"] == "delivered"
    assert ids(editor_api.get(f"{API}/deliverables/", {"project": project.pk})) == [
        created.json()["id"]
    ]
    assert editor_api.delete(url).status_code == 204
    with scope(municipality=norddjurs):
        assert not Deliverable.objects.exists()


def test_a_risk_with_probability_7_is_400_on_probability(editor_api):
    project = ProjectFactory()
    response = post(
        editor_api,
        f"{API}/risks/",
        {
            "project": project.pk,
            "title": "Leverandøren leverer for sent",
            "probability": 7,
            "consequence": 3,
        },
    )
    assert response.status_code == 400
    assert set(response.json()) == {"probability"}


def test_a_risk_shows_its_score(editor_api):
    risk = RiskFactory(probability=3, consequence=4)
    assert editor_api.get(f"{API}/risks/{risk.pk}/").json()["score"] == 12


def test_a_lesson_on_a_proposal_is_400(editor_api):
    project = ProjectFactory(phase=Phase.PROPOSAL)
    response = post(editor_api, f"{API}/lessons/", {"project": project.pk, "title": "For tidligt"})
    assert response.status_code == 400


# --- status reports ---


def test_a_draft_report_is_submitted_and_sets_the_projects_status(editor_api, norddjurs):
    project = RunningProjectFactory()
    created = post(
        editor_api,
        f"{API}/status-reports/",
        green_report(project, overall="yellow", overall_comment="Forsinket leverance."),
    )
    assert created.status_code == 201, created.json()
    assert created.json()["state"] == ReportState.DRAFT
    url = f"{API}/status-reports/{created.json()['id']}/"
    submitted = post(editor_api, f"{url}submit/", {"version": 1})
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["state"] == ReportState.SUBMITTED
    assert editor_api.get(f"{API}/projects/{project.pk}/").json()["current_status"] == "yellow"


def test_a_yellow_status_without_a_comment_is_400_on_the_comment(editor_api):
    project = RunningProjectFactory()
    response = post(editor_api, f"{API}/status-reports/", green_report(project, budget="yellow"))
    assert response.status_code == 400
    assert "budget_comment" in response.json()


def test_a_status_report_on_a_closed_project_is_400(editor_api, norddjurs):
    project = ProjectFactory(phase=Phase.CLOSED)
    response = post(editor_api, f"{API}/status-reports/", green_report(project))
    assert response.status_code == 400
    with scope(municipality=norddjurs):
        assert not StatusReport.objects.exists()


def test_a_submitted_report_cannot_be_edited(editor_api):
    report = StatusReportFactory(summary="Som indsendt.")
    url = f"{API}/status-reports/{report.pk}/"
    response = patch(editor_api, url, {"summary": "Ændret bagefter", "version": report.version})
    assert response.status_code == 400
    assert editor_api.get(url).json()["summary"] == "Som indsendt."


def test_a_submitted_report_cannot_be_deleted(editor_api):
    report = StatusReportFactory()
    assert editor_api.delete(f"{API}/status-reports/{report.pk}/").status_code == 400


def test_a_correction_is_a_new_draft_naming_the_report(editor_api):
    report = StatusReportFactory(summary="Med en fejl.")
    response = post(editor_api, f"{API}/status-reports/{report.pk}/correct/")
    assert response.status_code == 201, response.json()
    assert response.json()["corrects"] == report.pk
    assert response.json()["state"] == ReportState.DRAFT
    assert response.json()["summary"] == "Med en fejl."


def test_reports_are_filtered_by_project_and_state(editor_api):
    submitted = StatusReportFactory()
    StatusReportFactory()
    found = editor_api.get(
        f"{API}/status-reports/", {"project": submitted.project_id, "state": "submitted"}
    )
    assert ids(found) == [submitted.pk]


def test_a_project_leader_with_a_reader_role_reports_on_their_project(leader_api, led_project):
    response = post(leader_api, f"{API}/status-reports/", green_report(led_project))
    assert response.status_code == 201, response.json()


def test_a_reader_cannot_report_on_someone_elses_project(reader_api):
    project = RunningProjectFactory()
    assert post(reader_api, f"{API}/status-reports/", green_report(project)).status_code == 403


# --- ideas ---


def test_any_member_submits_an_idea(reader_api, reader, norddjurs):
    response = post(
        reader_api,
        f"{API}/ideas/",
        {"title": "Chatbot", "problem": "Lange svartider.", "idea": "En chatbot."},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == IdeaStatus.SUBMITTED
    assert response.json()["submitted_by"] == str(reader)


def test_the_submitter_edits_their_idea_and_another_reader_cannot(reader, norddjurs):
    idea = IdeaFactory(submitted_by=reader, title="Chatbot")
    url = f"{API}/ideas/{idea.pk}/"
    response = patch(token_client(reader, norddjurs), url, {"title": "Chatbot 2", "version": 1})
    assert response.status_code == 200, response.json()
    other = UserFactory(username="kollega")
    MembershipFactory(user=other, municipality=norddjurs, role=Role.READER)
    response = patch(token_client(other, norddjurs), url, {"title": "Min idé", "version": 2})
    assert response.status_code == 403


def test_ideas_are_filtered_by_status(editor_api):
    waiting = IdeaFactory()
    IdeaFactory(status=IdeaStatus.REJECTED, reason="Findes allerede.")
    assert ids(editor_api.get(f"{API}/ideas/", {"status": "submitted"})) == [waiting.pk]


def test_an_idea_triaged_to_continue_becomes_a_proposal(triager, programme_group, norddjurs):
    idea = IdeaFactory(title="Robot til journalisering")
    response = post(
        token_client(triager, norddjurs),
        f"{API}/ideas/{idea.pk}/triage/",
        {
            "body": programme_group.pk,
            "status": "continued",
            "reason": "Stort potentiale.",
            "version": 1,
        },
    )
    assert response.status_code == 200, response.json()
    with scope(municipality=norddjurs):
        project = Project.objects.get(pk=response.json()["project"])
    assert project.phase == Phase.PROPOSAL
    assert project.name == "Robot til journalisering"


def test_an_editor_outside_the_triage_bodies_cannot_triage(editor_api, programme_group):
    idea = IdeaFactory()
    response = post(
        editor_api,
        f"{API}/ideas/{idea.pk}/triage/",
        {"body": programme_group.pk, "status": "rejected", "reason": "Nej.", "version": 1},
    )
    assert response.status_code == 403


# --- permissions and tenancy ---


def test_a_read_only_token_cannot_write(editor, norddjurs):
    client = token_client(editor, norddjurs, can_write=False)
    project = ProjectFactory()
    assert client.get(f"{API}/projects/").status_code == 200
    assert post(client, f"{API}/projects/", {"name": "X", "origin": "local"}).status_code == 403
    assert patch(client, f"{API}/projects/{project.pk}/", {"version": 1}).status_code == 403
    idea = {"title": "Idé", "problem": "P", "idea": "I"}
    assert post(client, f"{API}/ideas/", idea).status_code == 403
    assert post(client, f"{API}/status-reports/", {}).status_code == 403


def test_a_reader_cannot_create_a_project(reader_api):
    response = post(reader_api, f"{API}/projects/", {"name": "Ukendt", "origin": "local"})
    assert response.status_code == 403


def test_a_token_is_refused_under_another_municipality(editor, norddjurs):
    client = token_client(editor, norddjurs)
    assert client.get("/api/rebild/portefolje/projects/").status_code in {401, 403}


def test_rebilds_ids_are_404_under_norddjurs(editor_api, rebild):
    project = ProjectFactory(municipality=rebild)
    report = StatusReportFactory(project=RunningProjectFactory(municipality=rebild))
    risk = RiskFactory(project=project)
    idea = IdeaFactory(municipality=rebild)
    for url in [
        f"{API}/projects/{project.pk}/",
        f"{API}/status-reports/{report.pk}/",
        f"{API}/risks/{risk.pk}/",
        f"{API}/ideas/{idea.pk}/",
    ]:
        assert editor_api.get(url).status_code == 404, url
    assert post(editor_api, f"{API}/projects/{project.pk}/request-update/").status_code == 404
    assert patch(editor_api, f"{API}/projects/{project.pk}/", {"version": 1}).status_code == 404


def test_a_part_cannot_be_added_to_rebilds_project(editor_api, rebild):
    project = ProjectFactory(municipality=rebild)
    response = post(editor_api, f"{API}/milestones/", {"project": project.pk, "title": "M"})
    assert response.status_code == 400
    assert "project" in response.json()


# --- query counts ---


@pytest.fixture
def portfolio(norddjurs, catalogue_focus_area):
    own_area = FocusAreaFactory()
    principle = PrincipleFactory()
    for n in range(6):
        leader = PersonFactory()
        project = RunningProjectFactory(leader=leader, owner=PersonFactory())
        StatusReportFactory(project=project)
        RiskFactory(project=project)
        IdeaFactory()
        with scope(municipality=norddjurs):
            set_shared_relation(
                project, "focus_areas", [catalogue_focus_area, own_area][: n % 3], actor=None
            )
            set_shared_relation(project, "principles", [principle], actor=None)


@pytest.mark.parametrize(
    "path", ["projects/", "status-reports/", "risks/", "phase-changes/", "ideas/"]
)
def test_list_query_count_is_bounded(editor_api, portfolio, path, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = editor_api.get(f"{API}/{path}")
    assert response.status_code == 200
