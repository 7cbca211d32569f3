"""Idea pages: any member submits an idea, the innovation or programme group triages it
(an idea that continues becomes a project proposal), and the lessons-learned search."""

import factory
import pytest
from django_scopes import scope, scopes_disabled

from styrbord.governance.models import BodyKind
from styrbord.portfolio.models import Idea, IdeaStatus, Origin, Phase, Project
from tests.factories import UserFactory
from tests.governance.factories import BodyFactory
from tests.portfolio import factories
from tests.portfolio.factories import LessonFactory, ProjectFactory


class IdeaFactory(factories.IdeaFactory):
    """An idea has a submitter (the shared factory leaves it empty, which ``full_clean``
    refuses)."""

    submitted_by = factory.SubFactory(UserFactory)


N = "/norddjurs/portefolje/"


def _idea_form(**overrides) -> dict:
    data = {
        "title": "Chatbot til borgerservice",
        "problem": "Borgerne venter længe i telefonen.",
        "idea": "En chatbot svarer på de enkle spørgsmål.",
        "expected_gain": "Kortere ventetid.",
        "org_unit": "",
    }
    data.update(overrides)
    return data


def _triage_form(body, idea, **overrides) -> dict:
    data = {
        "body": body.pk,
        "status": IdeaStatus.CONTINUED,
        "recommendation": "Programgruppen anbefaler at gå videre.",
        "reason": "Passer til strategiens fokus på selvbetjening.",
        "origin": Origin.LOCAL,
        "version": idea.version,
    }
    data.update(overrides)
    return data


def _reload(idea: Idea) -> Idea:
    with scopes_disabled():
        return Idea.objects.select_related("project").get(pk=idea.pk)


# Submitting and editing


def test_a_reader_can_submit_an_idea(reader_client, reader, norddjurs):
    response = reader_client.post(f"{N}ideer/ny/", _idea_form())
    with scope(municipality=norddjurs):
        idea = Idea.objects.get(title="Chatbot til borgerservice")
    assert response.status_code == 302
    assert response.url == f"{N}ideer/{idea.pk}/"
    assert idea.submitted_by == reader
    assert idea.status == IdeaStatus.SUBMITTED


def test_the_idea_list_offers_every_member_to_submit_an_idea(reader_client):
    page = reader_client.get(f"{N}ideer/").content.decode()
    assert f'href="{N}ideer/ny/"' in page


def test_an_idea_without_a_problem_is_refused_and_the_input_kept(reader_client, norddjurs):
    response = reader_client.post(f"{N}ideer/ny/", _idea_form(problem=""))
    assert response.status_code == 200
    assert "problem" in response.context["form"].errors
    assert "Chatbot til borgerservice" in response.content.decode()
    with scope(municipality=norddjurs):
        assert not Idea.objects.exists()


def test_the_submitter_edits_their_idea_while_it_awaits_triage(reader_client, reader, norddjurs):
    idea = IdeaFactory(submitted_by=reader)
    response = reader_client.post(
        f"{N}ideer/{idea.pk}/rediger/",
        _idea_form(title="Bedre titel", version=idea.version),
    )
    assert response.status_code == 302
    assert _reload(idea).title == "Bedre titel"


def test_the_submitter_cannot_edit_a_triaged_idea(reader_client, reader, programme_group):
    idea = IdeaFactory(submitted_by=reader, status=IdeaStatus.REJECTED, triaged_by=programme_group)
    assert reader_client.get(f"{N}ideer/{idea.pk}/rediger/").status_code == 403


def test_a_reader_cannot_edit_someone_elses_idea(reader_client, editor):
    idea = IdeaFactory(submitted_by=editor)
    assert reader_client.get(f"{N}ideer/{idea.pk}/rediger/").status_code == 403


def test_the_idea_page_links_to_the_ideas_history(reader_client):
    idea = IdeaFactory()
    page = reader_client.get(f"{N}ideer/{idea.pk}/").content.decode()
    assert f'href="/norddjurs/historik/idea/{idea.pk}/"' in page


def test_another_municipalitys_idea_is_not_found(reader_client, rebild):
    idea = IdeaFactory(municipality=rebild)
    assert reader_client.get(f"{N}ideer/{idea.pk}/").status_code == 404


def test_the_idea_list_filters_by_status(reader_client, programme_group):
    IdeaFactory(title="Venter")
    IdeaFactory(title="Afvist", status=IdeaStatus.REJECTED, triaged_by=programme_group)
    response = reader_client.get(f"{N}ideer/", {"status": IdeaStatus.REJECTED})
    assert [idea.title for idea in response.context["page"]] == ["Afvist"]


def test_the_idea_list_searches_the_ideas_text(reader_client):
    IdeaFactory(title="Robot", problem="Manuel indtastning af fakturaer.")
    IdeaFactory(title="Chatbot")
    response = reader_client.get(f"{N}ideer/", {"q": "fakturaer"})
    assert [idea.title for idea in response.context["page"]] == ["Robot"]


def test_the_idea_list_costs_a_bounded_number_of_queries(
    reader_client, reader, programme_group, django_assert_max_num_queries
):
    for number in range(30):
        IdeaFactory(submitted_by=reader, triaged_by=programme_group if number % 2 else None)
    reader_client.get(f"{N}ideer/")  # warm-up: session, roles, content types
    with django_assert_max_num_queries(10):
        assert reader_client.get(f"{N}ideer/").status_code == 200


# Triage


def test_a_member_outside_the_triage_groups_may_not_triage(editor_client, programme_group):
    idea = IdeaFactory()
    assert editor_client.get(f"{N}ideer/{idea.pk}/behandl/").status_code == 403
    response = editor_client.post(
        f"{N}ideer/{idea.pk}/behandl/", _triage_form(programme_group, idea)
    )
    assert response.status_code == 403
    assert _reload(idea).status == IdeaStatus.SUBMITTED


def test_a_reader_may_not_triage(reader_client, programme_group):
    idea = IdeaFactory()
    assert reader_client.get(f"{N}ideer/{idea.pk}/behandl/").status_code == 403


def test_continuing_an_idea_creates_a_proposal_and_links_it(triager_client, programme_group):
    idea = IdeaFactory(title="Chatbot")
    response = triager_client.post(
        f"{N}ideer/{idea.pk}/behandl/", _triage_form(programme_group, idea)
    )
    idea = _reload(idea)
    assert idea.status == IdeaStatus.CONTINUED
    assert idea.triaged_by == programme_group
    assert idea.project.phase == Phase.PROPOSAL
    assert idea.project.name == "Chatbot"
    assert response.status_code == 302
    assert response.url == f"{N}projekter/{idea.project.pk}/"


def test_a_continued_idea_gives_its_project_the_chosen_origin(triager_client, programme_group):
    idea = IdeaFactory()
    triager_client.post(
        f"{N}ideer/{idea.pk}/behandl/",
        _triage_form(programme_group, idea, origin=Origin.CROSS_CUTTING),
    )
    assert _reload(idea).project.origin == Origin.CROSS_CUTTING


def test_the_idea_page_links_to_the_project_it_became(triager_client, programme_group):
    idea = IdeaFactory()
    triager_client.post(f"{N}ideer/{idea.pk}/behandl/", _triage_form(programme_group, idea))
    project = _reload(idea).project
    page = triager_client.get(f"{N}ideer/{idea.pk}/").content.decode()
    assert f'href="{N}projekter/{project.pk}/"' in page


def test_triage_without_a_reason_keeps_the_form_with_an_error_on_reason(
    triager_client, programme_group, norddjurs
):
    idea = IdeaFactory()
    response = triager_client.post(
        f"{N}ideer/{idea.pk}/behandl/", _triage_form(programme_group, idea, reason="")
    )
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert "Programgruppen anbefaler at gå videre." in response.content.decode()
    assert _reload(idea).status == IdeaStatus.SUBMITTED
    with scope(municipality=norddjurs):
        assert not Project.objects.exists()


def test_rejecting_an_idea_records_the_reason_and_returns_to_the_idea(
    triager_client, programme_group
):
    idea = IdeaFactory()
    response = triager_client.post(
        f"{N}ideer/{idea.pk}/behandl/",
        _triage_form(programme_group, idea, status=IdeaStatus.REJECTED, reason="Findes allerede."),
    )
    assert response.status_code == 302
    assert response.url == f"{N}ideer/{idea.pk}/"
    idea = _reload(idea)
    assert idea.status == IdeaStatus.REJECTED
    assert idea.reason == "Findes allerede."
    assert idea.project is None


def test_a_stale_triage_is_refused_and_creates_no_project(
    triager_client, programme_group, norddjurs
):
    idea = IdeaFactory()
    response = triager_client.post(
        f"{N}ideer/{idea.pk}/behandl/", _triage_form(programme_group, idea, version=0)
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    with scope(municipality=norddjurs):
        assert not Project.objects.exists()


def test_an_idea_that_became_a_project_cannot_be_triaged_again(triager_client, programme_group):
    idea = IdeaFactory()
    triager_client.post(f"{N}ideer/{idea.pk}/behandl/", _triage_form(programme_group, idea))
    idea = _reload(idea)
    response = triager_client.post(
        f"{N}ideer/{idea.pk}/behandl/",
        _triage_form(programme_group, idea, status=IdeaStatus.REJECTED),
    )
    assert response.status_code == 200
    assert "status" in response.context["form"].errors


def test_triage_offers_only_the_groups_the_triager_sits_in(triager_client, programme_group):
    other = BodyFactory(kind=BodyKind.INNOVATION_GROUP, name="Innovationsgruppen")
    idea = IdeaFactory()
    response = triager_client.get(f"{N}ideer/{idea.pk}/behandl/")
    offered = list(response.context["form"].fields["body"].queryset)
    assert offered == [programme_group]
    assert other not in offered


def test_a_local_administrator_may_triage_for_any_triage_group(admin_client_local, programme_group):
    innovation = BodyFactory(kind=BodyKind.INNOVATION_GROUP, name="Innovationsgruppen")
    BodyFactory(kind=BodyKind.STEERING_GROUP, name="Styregruppen")
    idea = IdeaFactory()
    response = admin_client_local.get(f"{N}ideer/{idea.pk}/behandl/")
    offered = set(response.context["form"].fields["body"].queryset)
    assert offered == {programme_group, innovation}


# Lessons learned


@pytest.fixture
def lessons(norddjurs, rebild):
    local = ProjectFactory(name="Nyt intranet", origin=Origin.LOCAL)
    national = ProjectFactory(name="Ydelsesrefusion", origin=Origin.NATIONAL)
    foreign = ProjectFactory(municipality=rebild, name="Rebilds intranet")
    return {
        "training": LessonFactory(
            project=local, title="Uddannelse", description="Superbrugere skal uddannes tidligt."
        ),
        "data": LessonFactory(
            project=national, title="Datakvalitet", recommendation="Rens data før konvertering."
        ),
        "foreign": LessonFactory(
            project=foreign, title="Rebilds erfaring", description="Superbrugere hjalp."
        ),
    }


def _found(response) -> list[str]:
    return [lesson.title for lesson in response.context["page"]]


def test_the_lessons_search_finds_a_lesson_by_its_text(reader_client, lessons):
    response = reader_client.get(f"{N}erfaringer/", {"q": "superbrugere"})
    assert _found(response) == ["Uddannelse"]


def test_the_lessons_search_finds_a_lesson_by_its_recommendation(reader_client, lessons):
    assert _found(reader_client.get(f"{N}erfaringer/", {"q": "konvertering"})) == ["Datakvalitet"]


def test_the_lessons_search_finds_lessons_by_project_name(reader_client, lessons):
    assert _found(reader_client.get(f"{N}erfaringer/", {"q": "intranet"})) == ["Uddannelse"]


def test_the_lessons_search_never_shows_another_municipalitys_lessons(reader_client, lessons):
    response = reader_client.get(f"{N}erfaringer/")
    assert sorted(_found(response)) == ["Datakvalitet", "Uddannelse"]
    assert "Rebilds erfaring" not in response.content.decode()


def test_the_lessons_search_filters_by_project_origin(reader_client, lessons):
    response = reader_client.get(f"{N}erfaringer/", {"origin": Origin.NATIONAL})
    assert _found(response) == ["Datakvalitet"]


def test_a_lesson_links_to_its_project(reader_client, lessons):
    page = reader_client.get(f"{N}erfaringer/").content.decode()
    assert f'href="{N}projekter/{lessons["training"].project.pk}/"' in page


def test_the_lessons_search_costs_a_bounded_number_of_queries(
    reader_client, django_assert_max_num_queries
):
    for _number in range(30):
        LessonFactory()
    reader_client.get(f"{N}erfaringer/")
    with django_assert_max_num_queries(10):
        assert reader_client.get(f"{N}erfaringer/").status_code == 200
