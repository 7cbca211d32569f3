"""Does the plan cover the demand? Every open proposal and triaged idea is in the plan, or
listed as not covered with a reason, or needs a decision."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from styrbord.core.services import changes
from styrbord.plans import queries_coverage
from styrbord.plans.models import DemandExclusion, VersionState
from styrbord.plans.services import items as item_services
from styrbord.plans.services import plans as plan_services
from styrbord.portfolio.models import IdeaStatus, Phase
from tests.portfolio.factories import IdeaFactory, ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")


@pytest.fixture(autouse=True)
def english(settings):
    """These tests read the page's English source strings, not the Danish catalogue."""
    settings.LANGUAGE_CODE = "en"


NO_HEADLINE = "need a decision"
YES_HEADLINE = "Yes: every proposal and idea is in the plan or has a reason"


def _url(version, name: str = "coverage", **extra) -> str:
    kwargs = {"kommune": "norddjurs", "year": version.plan.year, "number": version.number}
    return reverse(f"plans:{name}", kwargs=kwargs | extra)


def _approve(version):
    version.refresh_from_db()
    return changes.update(
        version,
        actor=None,
        expected_version=version.version,
        changes={"state": VersionState.APPROVED},
    )


def _section(html: str, anchor: str) -> str:
    """The page from the heading with ``id=anchor`` to the next h2."""
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start)
    return html[start : end if end != -1 else len(html)]


# The answer ------------------------------------------------------------------------------


def test_the_coverage_page_renders_for_a_reader(reader_client, draft):
    response = reader_client.get(_url(draft))
    assert response.status_code == 200
    assert "Does the plan cover the demand?" in response.content.decode()


def test_a_proposal_not_in_the_plan_needs_a_decision_and_the_headline_says_no(
    reader_client, draft, norddjurs
):
    ProjectFactory(municipality=norddjurs, name="Digital post", phase=Phase.PROPOSAL)
    html = reader_client.get(_url(draft)).content.decode()
    assert NO_HEADLINE in html
    assert "Digital post" in _section(html, "needs-decision")


def test_a_proposal_added_to_the_plan_is_covered(draft, editor, norddjurs):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    item_services.add_item(draft, actor=editor, project=project)
    coverage = queries_coverage.coverage(draft)
    assert [row.project for row in coverage.in_plan] == [project]
    assert coverage.needs_decision == []
    assert coverage.is_covered


def test_excluding_a_proposal_lists_it_as_not_covered_and_the_headline_says_yes(
    editor_client, draft, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, name="Robotter", phase=Phase.PROPOSAL)
    response = editor_client.post(
        _url(draft, "exclusion_create"),
        {"project": project.pk, "reason": "Ingen kapacitet i år."},
    )
    assert response.status_code == 302
    html = editor_client.get(_url(draft)).content.decode()
    not_covered = _section(html, "not-covered")
    assert "Robotter" in not_covered and "Ingen kapacitet i år." in not_covered
    assert YES_HEADLINE in html


def test_a_later_idea_is_demand(draft, norddjurs):
    idea = IdeaFactory(municipality=norddjurs, status=IdeaStatus.LATER)
    coverage = queries_coverage.coverage(draft)
    assert [row.idea for row in coverage.needs_decision] == [idea]
    assert coverage.demand_count == 1


def test_a_submitted_idea_is_only_counted(reader_client, draft, norddjurs):
    IdeaFactory(municipality=norddjurs, title="Chatbot", status=IdeaStatus.SUBMITTED)
    coverage = queries_coverage.coverage(draft)
    assert (coverage.demand_count, coverage.awaiting_triage) == (0, 1)
    html = reader_client.get(_url(draft)).content.decode()
    assert reverse("portfolio:idea_list", kwargs={"kommune": "norddjurs"}) in html
    assert "Chatbot" not in html


def test_a_rejected_idea_is_not_demand(draft, norddjurs):
    IdeaFactory(municipality=norddjurs, status=IdeaStatus.REJECTED)
    coverage = queries_coverage.coverage(draft)
    assert (coverage.demand_count, coverage.awaiting_triage) == (0, 0)


def test_a_continued_idea_is_represented_by_its_project(draft, norddjurs):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    IdeaFactory(municipality=norddjurs, status=IdeaStatus.CONTINUED, project=project)
    coverage = queries_coverage.coverage(draft)
    assert [(row.project, row.idea) for row in coverage.needs_decision] == [(project, None)]


def test_an_excluded_idea_is_not_covered(draft, editor, norddjurs):
    idea = IdeaFactory(municipality=norddjurs, status=IdeaStatus.LATER)
    plan_services.exclude_demand(draft, actor=editor, idea=idea, reason="Venter på KL.")
    coverage = queries_coverage.coverage(draft)
    assert [row.idea for row in coverage.not_covered] == [idea]
    assert coverage.is_covered


def test_running_projects_outside_the_plan_are_listed_for_information(draft, editor, norddjurs):
    outside = ProjectFactory(municipality=norddjurs, phase=Phase.EXECUTION)
    inside = ProjectFactory(municipality=norddjurs, phase=Phase.EXECUTION)
    item_services.add_item(draft, actor=editor, project=inside)
    coverage = queries_coverage.coverage(draft)
    assert coverage.running_outside == [outside]
    assert coverage.demand_count == 0


def test_an_exclusion_of_a_project_that_moved_on_is_no_longer_counted(draft, editor, norddjurs):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    plan_services.exclude_demand(draft, actor=editor, project=project, reason="Ikke i år.")
    changes.update(
        project, actor=None, expected_version=project.version, changes={"phase": Phase.REJECTED}
    )
    coverage = queries_coverage.coverage(draft)
    assert [row.is_open for row in coverage.not_covered] == [False]
    assert coverage.not_covered_count == 0


def test_editors_see_the_decision_links_on_a_draft(editor_client, draft, norddjurs):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    idea = IdeaFactory(municipality=norddjurs, status=IdeaStatus.LATER)
    html = editor_client.get(_url(draft)).content.decode()
    assert f"{_url(draft, 'item_create')}?project={project.pk}" in html
    assert f"{_url(draft, 'exclusion_create')}?project={project.pk}" in html
    assert f"{_url(draft, 'exclusion_create')}?idea={idea.pk}" in html


def test_a_decided_version_is_read_only_and_says_the_demand_is_as_of_today(
    editor_client, draft, norddjurs
):
    ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    _approve(draft)
    html = editor_client.get(_url(draft)).content.decode()
    assert "as of today" in html
    assert _url(draft, "exclusion_create") not in html


def test_the_coverage_page_makes_a_bounded_number_of_queries(
    reader_client, draft, editor, norddjurs, django_assert_max_num_queries
):
    def add(count: int) -> None:
        for _ in range(count):
            planned = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
            item_services.add_item(draft, actor=editor, project=planned)
            excluded = ProjectFactory(municipality=norddjurs, phase=Phase.IDEA)
            plan_services.exclude_demand(draft, actor=editor, project=excluded, reason="Nej.")
            ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
            ProjectFactory(municipality=norddjurs, phase=Phase.EXECUTION)
            idea = IdeaFactory(municipality=norddjurs, status=IdeaStatus.LATER)
            IdeaFactory(
                municipality=norddjurs,
                status=IdeaStatus.CONTINUED,
                project=ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL),
            )
            plan_services.exclude_demand(draft, actor=editor, idea=idea, reason="Senere.")

    add(3)
    with CaptureQueriesContext(connection) as few:
        assert reader_client.get(_url(draft)).status_code == 200
    add(9)
    with django_assert_max_num_queries(len(few)):
        assert reader_client.get(_url(draft)).status_code == 200


# Recording why something is not covered ---------------------------------------------------


def test_the_exclusion_form_shows_what_is_excluded(editor_client, draft, norddjurs):
    ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)  # not this one
    project = ProjectFactory(municipality=norddjurs, name="Sensorer", phase=Phase.PROPOSAL)
    response = editor_client.get(_url(draft, "exclusion_create") + f"?project={project.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sensorer" in html
    assert f'name="project" value="{project.pk}"' in html


def test_an_empty_reason_shows_the_error_next_to_the_field_and_keeps_the_target(
    editor_client, draft, norddjurs
):
    idea = IdeaFactory(municipality=norddjurs, title="Droner", status=IdeaStatus.LATER)
    response = editor_client.post(
        _url(draft, "exclusion_create"), {"idea": idea.pk, "reason": "   "}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["reason"]
    html = response.content.decode()
    assert f'name="idea" value="{idea.pk}"' in html and "Droner" in html
    assert not DemandExclusion.objects.exists()


def test_a_reader_gets_403_on_an_exclusion_post(reader_client, draft, norddjurs):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    response = reader_client.post(
        _url(draft, "exclusion_create"), {"project": project.pk, "reason": "Nej."}
    )
    assert response.status_code == 403
    assert not DemandExclusion.objects.exists()


def test_another_municipalitys_project_in_the_query_is_not_found(editor_client, draft, rebild):
    theirs = ProjectFactory(municipality=rebild, phase=Phase.PROPOSAL)
    url = _url(draft, "exclusion_create")
    assert editor_client.get(f"{url}?project={theirs.pk}").status_code == 404
    response = editor_client.post(url, {"project": theirs.pk, "reason": "Nej."})
    assert response.status_code == 404


def test_a_project_that_is_not_demand_cannot_be_excluded(editor_client, draft, norddjurs):
    running = ProjectFactory(municipality=norddjurs, phase=Phase.EXECUTION)
    url = _url(draft, "exclusion_create")
    assert editor_client.get(f"{url}?project={running.pk}").status_code == 404


def test_a_decided_version_refuses_an_exclusion_with_the_services_message(
    editor_client, draft, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    _approve(draft)
    response = editor_client.post(
        _url(draft, "exclusion_create"), {"project": project.pk, "reason": "Ikke i år."}
    )
    assert response.status_code == 200
    assert "stays as it was decided" in response.content.decode()
    assert response.context["form"]["reason"].value() == "Ikke i år."
    assert not DemandExclusion.objects.exists()


def test_a_decided_version_sends_the_form_back_to_the_coverage_page_with_a_message(
    editor_client, draft, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    _approve(draft)
    response = editor_client.get(
        _url(draft, "exclusion_create") + f"?project={project.pk}", follow=True
    )
    assert response.redirect_chain[-1][0] == _url(draft)
    assert "Only a draft can" in response.content.decode()


def test_editing_the_reason_saves_it(editor_client, draft, editor, norddjurs):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    exclusion = plan_services.exclude_demand(draft, actor=editor, project=project, reason="Nej.")
    response = editor_client.post(
        _url(draft, "exclusion_edit", pk=exclusion.pk),
        {"reason": "Venter på den fælleskommunale løsning.", "version": exclusion.version},
    )
    assert response.status_code == 302
    exclusion.refresh_from_db()
    assert exclusion.reason == "Venter på den fælleskommunale løsning."


def test_editing_with_an_empty_reason_shows_the_error_and_saves_nothing(
    editor_client, draft, editor, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    exclusion = plan_services.exclude_demand(draft, actor=editor, project=project, reason="Nej.")
    response = editor_client.post(
        _url(draft, "exclusion_edit", pk=exclusion.pk), {"reason": "", "version": exclusion.version}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["reason"]
    exclusion.refresh_from_db()
    assert exclusion.reason == "Nej."


def test_a_stale_edit_of_the_reason_is_refused_and_keeps_the_input(
    editor_client, draft, editor, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    exclusion = plan_services.exclude_demand(draft, actor=editor, project=project, reason="Nej.")
    seen = exclusion.version
    plan_services.update_exclusion(
        exclusion, actor=editor, expected_version=seen, reason="Andens grund."
    )
    response = editor_client.post(
        _url(draft, "exclusion_edit", pk=exclusion.pk), {"reason": "Min grund.", "version": seen}
    )
    assert response.status_code == 200
    assert response.context["form"]["reason"].value() == "Min grund."
    exclusion.refresh_from_db()
    assert exclusion.reason == "Andens grund."


def test_removing_an_exclusion_makes_it_need_a_decision_again(
    editor_client, draft, editor, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    exclusion = plan_services.exclude_demand(draft, actor=editor, project=project, reason="Nej.")
    url = _url(draft, "exclusion_delete", pk=exclusion.pk)
    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url).status_code == 302
    assert [row.project for row in queries_coverage.coverage(draft).needs_decision] == [project]


def test_a_reader_gets_403_on_removing_an_exclusion(reader_client, draft, editor, norddjurs):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    exclusion = plan_services.exclude_demand(draft, actor=editor, project=project, reason="Nej.")
    response = reader_client.post(_url(draft, "exclusion_delete", pk=exclusion.pk))
    assert response.status_code == 403
    assert DemandExclusion.objects.filter(pk=exclusion.pk).exists()


def test_removing_an_exclusion_of_a_decided_version_is_refused_with_a_message(
    editor_client, draft, editor, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    exclusion = plan_services.exclude_demand(draft, actor=editor, project=project, reason="Nej.")
    _approve(draft)
    response = editor_client.post(_url(draft, "exclusion_delete", pk=exclusion.pk))
    assert response.status_code == 200
    assert "stays as it was decided" in response.content.decode()
    assert DemandExclusion.objects.filter(pk=exclusion.pk).exists()


def test_a_proposal_in_the_plan_cannot_be_excluded_and_the_form_says_why(
    editor_client, draft, editor, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, phase=Phase.PROPOSAL)
    item_services.add_item(draft, actor=editor, project=project)
    response = editor_client.post(
        _url(draft, "exclusion_create"), {"project": project.pk, "reason": "Nej."}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The project is in the plan; remove it first."
    ]
    assert not DemandExclusion.objects.exists()
