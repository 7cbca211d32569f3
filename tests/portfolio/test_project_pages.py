"""Project pages: creating and editing a project, phase changes and decisions, closing,
architecture alignment and links."""

import datetime

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.governance.models import AgendaItem, MeetingStatus
from styrbord.portfolio.models import (
    ArchitectureAlignment,
    GateRequest,
    Origin,
    Phase,
    Project,
    ProjectLink,
)
from styrbord.strategy.models import PrincipleKind
from tests.factories import PersonFactory
from tests.governance.factories import MeetingFactory
from tests.portfolio.factories import (
    FocusAreaFactory,
    PrincipleFactory,
    ProjectFactory,
    RunningProjectFactory,
    StrategyFactory,
    SuccessCriterionFactory,
    catalogue,
)

TODAY = timezone.localdate()


def _project_form(**overrides) -> dict:
    data = {
        "name": "Talegenkendelse",
        "origin": Origin.LOCAL,
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "report_every_days": "14",
        "tags": "",
    }
    data.update(overrides)
    return data


def test_an_editor_creates_a_project_aligned_to_a_catalogue_focus_area(editor_client, norddjurs):
    shared_area = FocusAreaFactory(strategy=StrategyFactory(municipality=catalogue()))
    response = editor_client.post(
        "/norddjurs/portefolje/projekter/ny/", _project_form(focus_areas=[shared_area.pk])
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        project = Project.objects.get(name="Talegenkendelse")
        assert project.phase == Phase.PROPOSAL
        through = Project.focus_areas.through.objects.filter(project=project)
        assert list(through.values_list("focusarea_id", flat=True)) == [shared_area.pk]


def test_an_end_date_before_the_start_is_refused_and_the_input_kept(editor_client, norddjurs):
    response = editor_client.post(
        "/norddjurs/portefolje/projekter/ny/",
        _project_form(start_date="2026-06-01", end_date="2026-01-01"),
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert 'value="Talegenkendelse"' in response.content.decode()
    with scope(municipality=norddjurs):
        assert not Project.objects.exists()


def test_a_reader_cannot_create_a_project(reader_client):
    assert reader_client.get("/norddjurs/portefolje/projekter/ny/").status_code == 403


def test_the_edit_form_shows_the_catalogue_focus_areas_already_chosen(editor_client):
    shared_area = FocusAreaFactory(strategy=StrategyFactory(municipality=catalogue()))
    project = ProjectFactory()
    with scopes_disabled():
        project.focus_areas.add(shared_area)
    response = editor_client.get(f"/norddjurs/portefolje/projekter/{project.pk}/rediger/")
    assert response.context["form"].initial["focus_areas"] == [shared_area.pk]


def test_the_project_page_shows_catalogue_alignment(reader_client):
    shared_area = FocusAreaFactory(
        strategy=StrategyFactory(municipality=catalogue()), name="Digitale fundamenter"
    )
    project = ProjectFactory()
    with scopes_disabled():
        project.focus_areas.add(shared_area)
    response = reader_client.get(f"/norddjurs/portefolje/projekter/{project.pk}/")
    assert "Digitale fundamenter" in response.content.decode()


def test_the_project_page_reads_a_fixed_number_of_queries(
    reader_client, django_assert_max_num_queries
):
    project = RunningProjectFactory()
    # 22 for the portfolio, two for the benefits panel (benefits, harvested total), one
    # for the systems the project changes.
    with django_assert_max_num_queries(25):
        reader_client.get(f"/norddjurs/portefolje/projekter/{project.pk}/")


def test_a_gate_without_a_decision_is_refused_next_to_the_agenda_item(editor_client):
    project = ProjectFactory(origin=Origin.CROSS_CUTTING)
    response = editor_client.post(
        f"/norddjurs/portefolje/projekter/{project.pk}/fase/",
        {"version": project.version, "to_phase": Phase.APPROVED, "note": "Godkendt"},
    )
    assert response.status_code == 200
    assert "agenda_item" in response.context["form"].errors
    assert response.context["form"].data["note"] == "Godkendt"


def test_a_local_project_moves_on_a_named_approver(editor_client, norddjurs):
    project = ProjectFactory(origin=Origin.LOCAL)
    approver = PersonFactory(municipality=norddjurs, name="Direktør Hansen")
    response = editor_client.post(
        f"/norddjurs/portefolje/projekter/{project.pk}/fase/",
        {
            "version": project.version,
            "to_phase": Phase.APPROVED,
            "approver": approver.pk,
            "decided_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        project.refresh_from_db()
        assert project.phase == Phase.APPROVED
        assert project.phase_changes.last().approver == approver


def test_sending_to_the_steering_group_puts_a_decision_item_on_its_next_meeting(
    editor_client, norddjurs, steering_group
):
    meeting = MeetingFactory(
        body=steering_group, starts_at=timezone.now() + datetime.timedelta(days=20)
    )
    project = ProjectFactory(name="Aula", purpose="Én platform for skole og dagtilbud.")
    response = editor_client.post(
        f"/norddjurs/portefolje/projekter/{project.pk}/send/",
        {"body": steering_group.pk, "to_phase": Phase.APPROVED},
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        item = AgendaItem.objects.get(meeting=meeting)
        assert "Én platform for skole og dagtilbud." in item.background
        assert GateRequest.objects.get(project=project).agenda_item == item


def test_sending_without_a_coming_meeting_says_so(editor_client, steering_group):
    project = ProjectFactory()
    response = editor_client.post(
        f"/norddjurs/portefolje/projekter/{project.pk}/send/",
        {"body": steering_group.pk, "to_phase": Phase.APPROVED},
    )
    assert response.status_code == 200
    assert "body" in response.context["form"].errors


def test_requesting_an_update_marks_the_project(editor_client, norddjurs):
    project = RunningProjectFactory()
    response = editor_client.post(f"/norddjurs/portefolje/projekter/{project.pk}/opdatering/")
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        project.refresh_from_db()
        assert project.update_requested_at is not None


def test_the_final_report_is_saved_on_the_closing_page(editor_client, norddjurs):
    project = RunningProjectFactory()
    SuccessCriterionFactory(project=project)
    response = editor_client.post(
        f"/norddjurs/portefolje/projekter/{project.pk}/afslut/",
        {"version": project.version, "delivered_vs_planned": "Alt leveret."},
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        project.refresh_from_db()
        assert project.delivered_vs_planned == "Alt leveret."


def test_closing_with_an_unassessed_success_criterion_is_refused(editor_client, norddjurs):
    project = RunningProjectFactory(origin=Origin.LOCAL, delivered_vs_planned="Leveret.")
    SuccessCriterionFactory(project=project)
    approver = PersonFactory(municipality=norddjurs)
    response = editor_client.post(
        f"/norddjurs/portefolje/projekter/{project.pk}/fase/",
        {
            "version": project.version,
            "to_phase": Phase.CLOSED,
            "approver": approver.pk,
            "decided_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 200
    assert "to_phase" in response.context["form"].errors


def test_deviating_from_an_architecture_principle_needs_an_explanation(editor_client, norddjurs):
    principle = PrincipleFactory(
        strategy=StrategyFactory(municipality=catalogue()), kind=PrincipleKind.ARCHITECTURE
    )
    project = ProjectFactory()
    url = f"/norddjurs/portefolje/projekter/{project.pk}/arkitektur/"
    response = editor_client.post(url, {"principle": principle.pk, "follows": "0"})
    assert "explanation" in response.context["form"].errors
    response = editor_client.post(
        url, {"principle": principle.pk, "follows": "0", "explanation": "Leverandøren kan ikke."}
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        assert ArchitectureAlignment.objects.get(project=project).follows is False


def test_a_project_links_to_another_project_and_unlinks(editor_client, norddjurs):
    project = ProjectFactory()
    other = ProjectFactory(name="Fælles grunddata")
    response = editor_client.post(
        f"/norddjurs/portefolje/projekter/{project.pk}/links/ny/", {"target": f"project:{other.pk}"}
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        link = ProjectLink.objects.get(project=project)
    page = editor_client.get(f"/norddjurs/portefolje/projekter/{project.pk}/")
    assert "Fælles grunddata" in page.content.decode()
    editor_client.post(f"/norddjurs/portefolje/projekter/{project.pk}/links/{link.pk}/slet/")
    with scope(municipality=norddjurs):
        assert not ProjectLink.objects.exists()


def test_an_implementation_project_starts_from_the_catalogue_project(editor_client):
    shared = ProjectFactory(
        municipality=catalogue(), name="Monopolbruddet", origin=Origin.JOINT_MUNICIPAL
    )
    response = editor_client.get(f"/norddjurs/portefolje/projekter/ny/?implements={shared.pk}")
    assert response.context["form"].initial["implements"] == shared.pk


def test_a_held_meeting_is_not_offered_for_a_new_gate(editor_client, steering_group):
    MeetingFactory(
        body=steering_group,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        status=MeetingStatus.AGENDA_SENT,
    )
    project = ProjectFactory()
    response = editor_client.post(
        f"/norddjurs/portefolje/projekter/{project.pk}/send/",
        {"body": steering_group.pk, "to_phase": Phase.APPROVED},
    )
    assert "body" in response.context["form"].errors
