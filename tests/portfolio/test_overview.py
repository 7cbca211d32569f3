"""The portfolio overview: filters, sorting, saved filters, the charts' counts and what
changed since the last steering-group meeting."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.models import ChangeAction, ChangeLogEntry, SavedFilter
from styrbord.core.services import changes as change_log
from styrbord.governance.models import MeetingStatus
from styrbord.portfolio.models import Origin, Phase, PhaseChange, Rag
from styrbord.portfolio.services._common import set_shared_relation
from tests.factories import OrgUnitFactory, PersonFactory, UserFactory
from tests.governance.factories import MeetingFactory
from tests.portfolio.factories import (
    FocusAreaFactory,
    ProjectFactory,
    RunningProjectFactory,
    StatusReportFactory,
    StrategyFactory,
    catalogue,
)

URL = "/norddjurs/portefolje/"
TODAY = timezone.localdate()


def _names(response) -> list[str]:
    return [project.name for project in response.context["page"]]


def _report(project, overall: str, days_ago: int = 0):
    comment = "" if overall == Rag.GREEN else "Forsinket leverance."
    return StatusReportFactory(
        project=project,
        overall=overall,
        overall_comment=comment,
        period_end=TODAY - datetime.timedelta(days=days_ago),
    )


def _align(project, *areas) -> None:
    set_shared_relation(project, "focus_areas", areas, actor=None)


# --- filters --------------------------------------------------------------------------------


def test_the_overview_lists_only_the_municipality_s_own_projects(reader_client, rebild):
    ProjectFactory(name="Aula")
    ProjectFactory(name="Rebilds projekt", municipality=rebild)
    response = reader_client.get(URL)
    assert response.status_code == 200
    assert _names(response) == ["Aula"]


def test_search_matches_name_description_and_tags(reader_client, norddjurs):
    ProjectFactory(name="Talegenkendelse")
    ProjectFactory(name="Fasit", short_description="Tale til tekst i journalen")
    ProjectFactory(name="Aula", tags="skole, tale")
    ProjectFactory(name="Borgerblikket")
    response = reader_client.get(URL, {"q": "tale"})
    assert _names(response) == ["Aula", "Fasit", "Talegenkendelse"]


def test_origin_filter_keeps_only_that_origin(reader_client, norddjurs):
    ProjectFactory(name="Monopolbrud", origin=Origin.JOINT_MUNICIPAL)
    ProjectFactory(name="Intranet", origin=Origin.LOCAL)
    response = reader_client.get(URL, {"origin": Origin.JOINT_MUNICIPAL})
    assert _names(response) == ["Monopolbrud"]


def test_phase_filter_accepts_several_phases(reader_client, norddjurs):
    ProjectFactory(name="Forslaget", phase=Phase.PROPOSAL)
    RunningProjectFactory(name="I gang")
    ProjectFactory(name="Idéen", phase=Phase.IDEA)
    response = reader_client.get(URL, {"phase": [Phase.PROPOSAL, Phase.EXECUTION]})
    assert _names(response) == ["Forslaget", "I gang"]


def test_org_unit_filter_keeps_the_unit_s_projects(reader_client, norddjurs):
    unit = OrgUnitFactory(name="Børn og Skole")
    ProjectFactory(name="Aula", org_unit=unit)
    ProjectFactory(name="Intranet", org_unit=OrgUnitFactory(name="HR"))
    response = reader_client.get(URL, {"org_unit": unit.pk})
    assert _names(response) == ["Aula"]


def test_status_filter_keeps_projects_whose_latest_report_has_that_status(reader_client, norddjurs):
    _report(RunningProjectFactory(name="Rød"), Rag.RED)
    _report(RunningProjectFactory(name="Grøn"), Rag.GREEN)
    RunningProjectFactory(name="Uden rapport")
    assert _names(reader_client.get(URL, {"status": Rag.RED})) == ["Rød"]
    assert _names(reader_client.get(URL, {"status": "none"})) == ["Uden rapport"]


def test_focus_area_filter_finds_projects_aligned_to_a_catalogue_focus_area(
    reader_client, norddjurs
):
    shared = FocusAreaFactory(strategy=StrategyFactory(municipality=catalogue()))
    own = FocusAreaFactory()
    aligned = ProjectFactory(name="Sammenhængende forløb")
    _align(aligned, shared, own)
    _align(ProjectFactory(name="Kun lokalt"), own)
    ProjectFactory(name="Uden fokus")
    response = reader_client.get(URL, {"focus_area": shared.pk})
    assert _names(response) == ["Sammenhængende forløb"]


def test_a_project_aligned_to_several_focus_areas_is_listed_once(reader_client, norddjurs):
    first, second = FocusAreaFactory(), FocusAreaFactory()
    _align(ProjectFactory(name="Bredt projekt"), first, second)
    response = reader_client.get(URL, {"focus_area": first.pk, "ordering": "status"})
    assert _names(response) == ["Bredt projekt"]
    assert response.context["page"].paginator.count == 1


def test_lighthouse_filter_keeps_lighthouse_projects(reader_client, norddjurs):
    ProjectFactory(name="Fyrtårn", is_lighthouse=True)
    ProjectFactory(name="Almindeligt")
    assert _names(reader_client.get(URL, {"lighthouse": "yes"})) == ["Fyrtårn"]
    assert _names(reader_client.get(URL, {"lighthouse": "no"})) == ["Almindeligt"]


def test_leader_filter_keeps_the_leader_s_projects(reader_client, norddjurs):
    leader = PersonFactory(name="Hanne Projektleder")
    ProjectFactory(name="Hannes projekt", leader=leader)
    ProjectFactory(name="Andres projekt", leader=PersonFactory())
    assert _names(reader_client.get(URL, {"leader": leader.pk})) == ["Hannes projekt"]


def test_overdue_filter_keeps_running_projects_whose_report_is_past_due(reader_client, norddjurs):
    RunningProjectFactory(name="Forsinket")  # entered execution 60 days ago, never reported
    _report(RunningProjectFactory(name="Rapporteret"), Rag.GREEN)
    ProjectFactory(name="Forslag")  # not running, so never overdue
    assert _names(reader_client.get(URL, {"overdue": "on"})) == ["Forsinket"]


def test_a_filter_naming_another_municipality_s_unit_is_refused(reader_client, rebild):
    foreign = OrgUnitFactory(municipality=rebild)
    ProjectFactory(name="Aula")
    response = reader_client.get(URL, {"org_unit": foreign.pk})
    assert "org_unit" in response.context["filter"].form.errors


# --- sorting and the table ----------------------------------------------------------------------


def test_sorting_by_status_puts_red_first_and_projects_without_report_last(
    reader_client, norddjurs
):
    _report(RunningProjectFactory(name="A grøn"), Rag.GREEN)
    RunningProjectFactory(name="B uden")
    _report(RunningProjectFactory(name="C rød"), Rag.RED)
    _report(RunningProjectFactory(name="D gul"), Rag.YELLOW)
    response = reader_client.get(URL, {"ordering": "status"})
    assert _names(response) == ["C rød", "D gul", "A grøn", "B uden"]


def test_sorting_by_end_date_puts_projects_without_one_last(reader_client, norddjurs):
    ProjectFactory(name="Sent", end_date=TODAY + datetime.timedelta(days=400))
    ProjectFactory(name="Uden slut", end_date=None)
    ProjectFactory(name="Tidligt", end_date=TODAY + datetime.timedelta(days=10))
    assert _names(reader_client.get(URL, {"ordering": "end"})) == ["Tidligt", "Sent", "Uden slut"]


def test_sorting_by_phase_follows_the_life_cycle(reader_client, norddjurs):
    RunningProjectFactory(name="A udførelse")
    ProjectFactory(name="B idé", phase=Phase.IDEA)
    ProjectFactory(name="C forslag", phase=Phase.PROPOSAL)
    response = reader_client.get(URL, {"ordering": "phase"})
    assert _names(response) == ["B idé", "C forslag", "A udførelse"]


def test_the_table_writes_status_as_text_with_its_class_and_marks_overdue(reader_client, norddjurs):
    _report(RunningProjectFactory(name="Rød"), Rag.RED, days_ago=30)
    content = reader_client.get(URL).content.decode()
    assert 'class="rag rag--red"' in content
    assert "styrbord-overdue" in content


def test_editors_get_a_new_project_button_and_readers_do_not(client, editor, reader):
    client.force_login(editor)
    assert "/portefolje/projekter/ny/" in client.get(URL).content.decode()
    client.force_login(reader)
    assert "/portefolje/projekter/ny/" not in client.get(URL).content.decode()


def test_export_links_carry_the_current_filter(reader_client, norddjurs):
    content = reader_client.get(URL, {"origin": Origin.LOCAL, "side": "1"}).content.decode()
    assert "eksport.csv?origin=local" in content
    assert "eksport.xlsx?origin=local" in content


def test_the_charts_count_the_filtered_projects_not_the_page(reader_client, norddjurs):
    for number in range(30):
        ProjectFactory(name=f"Lokalt {number:02}", origin=Origin.LOCAL)
    ProjectFactory(name="Nationalt", origin=Origin.NATIONAL)
    response = reader_client.get(URL, {"origin": Origin.LOCAL})
    proposal = next(row for row in response.context["phase_rows"] if row[2])
    assert proposal[2] == 30
    assert "<svg" in str(response.context["phase_chart"])


def test_coverage_lists_the_focus_areas_without_projects(reader_client, norddjurs):
    covered = FocusAreaFactory(name="Digital velfærd")
    FocusAreaFactory(name="Klima og ressourcer")
    _align(ProjectFactory(), covered)
    response = reader_client.get(URL)
    assert [area.name for area in response.context["covered"]] == ["Digital velfærd"]
    assert "Klima og ressourcer" in [area.name for area in response.context["uncovered"]]


def test_the_overview_query_count_does_not_grow_with_projects(
    reader_client, norddjurs, django_assert_max_num_queries
):
    unit = OrgUnitFactory()
    leader = PersonFactory()
    area = FocusAreaFactory()
    for number in range(30):
        project = RunningProjectFactory(name=f"Projekt {number:02}", org_unit=unit, leader=leader)
        _align(project, area)
        _report(project, Rag.GREEN)
    reader_client.get(URL)  # warm-up: session, roles, content types
    with django_assert_max_num_queries(15):
        response = reader_client.get(URL, {"ordering": "status", "focus_area": area.pk})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 30


# --- saved filters ------------------------------------------------------------------------------


def test_a_user_saves_the_current_filter_without_the_page_number(reader_client, reader, norddjurs):
    response = reader_client.post(
        f"{URL}filtre/gem/", {"name": "Røde fyrtårne", "query": "status=red&lighthouse=yes&side=3"}
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        saved = SavedFilter.objects.get(owner=reader)
    assert saved.name == "Røde fyrtårne"
    assert saved.query == "status=red&lighthouse=yes"
    assert response["Location"].endswith("?status=red&lighthouse=yes")


def test_saving_a_filter_is_in_the_change_log(reader_client, reader, norddjurs):
    reader_client.post(f"{URL}filtre/gem/", {"name": "Mine", "query": "origin=local"})
    with scope(municipality=norddjurs):
        entry = ChangeLogEntry.objects.get(content_type__model="savedfilter")
    assert entry.action == ChangeAction.CREATE
    assert entry.actor == reader


def test_a_filter_without_a_name_is_refused_and_the_filter_kept(reader_client, norddjurs):
    response = reader_client.post(f"{URL}filtre/gem/", {"name": " ", "query": "origin=local"})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert response.context["query"] == "origin=local"
    with scope(municipality=norddjurs):
        assert not SavedFilter.objects.exists()


def test_a_second_filter_with_the_same_name_is_refused(reader_client, norddjurs):
    reader_client.post(f"{URL}filtre/gem/", {"name": "Mine", "query": "origin=local"})
    response = reader_client.post(f"{URL}filtre/gem/", {"name": "Mine", "query": "status=red"})
    assert "name" in response.context["form"].errors
    with scope(municipality=norddjurs):
        assert SavedFilter.objects.count() == 1


def test_saving_a_filter_needs_post(reader_client, norddjurs):
    assert reader_client.get(f"{URL}filtre/gem/").status_code == 405


def _saved(owner, municipality, name: str = "Røde", query: str = "status=red") -> SavedFilter:
    with scopes_disabled():
        return change_log.create(
            SavedFilter(
                municipality=municipality,
                owner=owner,
                list_name="portfolio",
                name=name,
                query=query,
            ),
            actor=owner,
        )


def test_only_the_owner_s_saved_filters_are_listed(reader_client, reader, editor, norddjurs):
    _saved(reader, norddjurs, name="Mit filter")
    _saved(editor, norddjurs, name="Redaktørens filter")
    response = reader_client.get(URL)
    assert [saved.name for saved in response.context["saved_filters"]] == ["Mit filter"]


def test_the_owner_deletes_a_saved_filter(reader_client, reader, norddjurs):
    saved = _saved(reader, norddjurs)
    response = reader_client.post(f"{URL}filtre/{saved.pk}/slet/")
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        assert not SavedFilter.objects.exists()


def test_another_user_s_saved_filter_cannot_be_deleted(reader_client, editor, norddjurs):
    saved = _saved(editor, norddjurs)
    assert reader_client.post(f"{URL}filtre/{saved.pk}/slet/").status_code == 404
    with scope(municipality=norddjurs):
        assert SavedFilter.objects.filter(pk=saved.pk).exists()


def test_a_user_without_a_role_cannot_save_a_filter(client, norddjurs):
    client.force_login(UserFactory(username="udenfor"))
    response = client.post(f"{URL}filtre/gem/", {"name": "Mine", "query": ""})
    assert response.status_code == 403


# --- what changed since the last steering-group meeting -----------------------------------------


@pytest.fixture
def last_meeting(steering_group):
    return MeetingFactory(
        body=steering_group,
        starts_at=timezone.now() - datetime.timedelta(days=20),
        status=MeetingStatus.MINUTES_APPROVED,
    )


def _move(project, to_phase: str, days_ago: int) -> None:
    with scopes_disabled():
        change_log.create(
            PhaseChange(
                municipality=project.municipality,
                project=project,
                from_phase=project.phase,
                to_phase=to_phase,
                decided_on=TODAY - datetime.timedelta(days=days_ago),
            ),
            actor=None,
        )


def test_changes_start_at_the_last_held_steering_group_meeting(
    reader_client, norddjurs, last_meeting
):
    response = reader_client.get(f"{URL}aendringer/")
    assert response.status_code == 200
    assert response.context["since"].day == TODAY - datetime.timedelta(days=20)
    assert response.context["since"].meeting == last_meeting


def test_without_a_held_meeting_changes_start_ninety_days_ago(reader_client, norddjurs):
    response = reader_client.get(f"{URL}aendringer/")
    assert response.context["since"].day == TODAY - datetime.timedelta(days=90)


def test_changes_list_phase_changes_and_new_projects_since_the_meeting(
    reader_client, norddjurs, last_meeting
):
    old = ProjectFactory(name="Gammelt", start_date=TODAY - datetime.timedelta(days=100))
    _move(old, Phase.APPROVED, days_ago=5)
    _move(old, Phase.REJECTED, days_ago=60)
    ProjectFactory(name="Nyt", start_date=TODAY - datetime.timedelta(days=3))
    response = reader_client.get(f"{URL}aendringer/")
    moves = response.context["phase_changes"].rows
    assert [(c.project.name, c.to_phase) for c in moves] == [("Gammelt", Phase.APPROVED)]
    assert [p.name for p in response.context["new_projects"].rows] == ["Nyt"]


def test_changes_tell_whether_a_status_got_better_or_worse(reader_client, norddjurs):
    worse = RunningProjectFactory(name="Værre")
    _report(worse, Rag.GREEN, days_ago=14)
    _report(worse, Rag.RED)
    better = RunningProjectFactory(name="Bedre")
    _report(better, Rag.YELLOW, days_ago=14)
    _report(better, Rag.GREEN)
    same = RunningProjectFactory(name="Uændret")
    _report(same, Rag.GREEN, days_ago=14)
    _report(same, Rag.GREEN)
    response = reader_client.get(f"{URL}aendringer/")
    found = {r.project.name: r.improved for r in response.context["status_changes"].rows}
    assert found == {"Værre": False, "Bedre": True}


def test_changes_list_the_overdue_projects_now(reader_client, norddjurs):
    RunningProjectFactory(name="Forsinket")
    _report(RunningProjectFactory(name="Rapporteret"), Rag.GREEN)
    response = reader_client.get(f"{URL}aendringer/")
    assert [p.name for p in response.context["overdue"].rows] == ["Forsinket"]


def test_changes_since_a_chosen_date(reader_client, norddjurs, last_meeting):
    project = ProjectFactory(name="Gammelt", start_date=TODAY - datetime.timedelta(days=100))
    _move(project, Phase.APPROVED, days_ago=60)
    response = reader_client.get(f"{URL}aendringer/", {"dato": str(TODAY - datetime.timedelta(70))})
    assert [c.project.name for c in response.context["phase_changes"].rows] == ["Gammelt"]


def test_changes_since_a_future_date_are_refused(reader_client, norddjurs):
    tomorrow = TODAY + datetime.timedelta(days=1)
    response = reader_client.get(f"{URL}aendringer/", {"dato": tomorrow.isoformat()})
    assert response.status_code == 200
    assert "dato" in response.context["form"].errors
