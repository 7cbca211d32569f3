"""The start document pages: the page with its heat map, editing the texts and the parts,
and what was approved compared with now."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.services import changes
from styrbord.portfolio.heatmap import RiskLevel, heat_map, numbered, risk_level
from styrbord.portfolio.models import (
    Deliverable,
    Lesson,
    Milestone,
    Phase,
    Project,
    Risk,
    SuccessCriterion,
)
from styrbord.portfolio.services.phases import change_phase
from tests.factories import PersonFactory
from tests.portfolio.factories import (
    DeliverableFactory,
    MilestoneFactory,
    ProjectFactory,
    RiskFactory,
    SuccessCriterionFactory,
)

SLUG = "norddjurs"


def _url(name: str, project, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"portfolio:{name}", kwargs={"kommune": slug, "pk": project.pk, **kwargs})


def _risk_data(**overrides) -> dict:
    data = {
        "title": "Leverandøren bliver forsinket",
        "description": "",
        "probability": "3",
        "consequence": "4",
        "mitigation": "Bod i kontrakten.",
        "owner": "",
    }
    data.update(overrides)
    return data


def _count(model, **filters) -> int:
    with scopes_disabled():
        return model.objects.filter(**filters).count()


def _reload(obj):
    with scopes_disabled():
        return type(obj).objects.get(pk=obj.pk)


@pytest.fixture
def project(norddjurs):
    return ProjectFactory(municipality=norddjurs, name="Talegenkendelse")


@pytest.fixture
def their_project(rebild):
    return ProjectFactory(municipality=rebild, name="Rebilds projekt")


# The page


def test_a_reader_sees_the_start_document_with_markdown(reader_client, project):
    with scopes_disabled():
        changes.update(
            project,
            actor=None,
            expected_version=project.version,
            changes={"purpose": "Et **vigtigt** formål", "stakeholders": "- Borgerne"},
        )
    response = reader_client.get(_url("charter", project))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>vigtigt</strong>" in html
    assert "<li>Borgerne</li>" in html


def test_markdown_in_the_start_document_cannot_inject_script(reader_client, project):
    with scopes_disabled():
        changes.update(
            project,
            actor=None,
            expected_version=project.version,
            changes={"background": "Tekst <script>alert(1)</script>"},
        )
    html = reader_client.get(_url("charter", project)).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_the_page_lists_every_part(reader_client, project):
    DeliverableFactory(project=project, title="Løsning i drift")
    SuccessCriterionFactory(project=project, description="Kortere svartid")
    MilestoneFactory(project=project, title="Go live")
    RiskFactory(project=project, title="Forsinket levering")
    html = reader_client.get(_url("charter", project)).content.decode()
    for text in ("Løsning i drift", "Kortere svartid", "Go live", "Forsinket levering"):
        assert text in html


def test_editors_get_the_edit_links(editor_client, project):
    risk = RiskFactory(project=project)
    html = editor_client.get(_url("charter", project)).content.decode()
    assert _url("charter_edit", project) in html
    assert _url("part_create", project, part="risici") in html
    assert _url("part_edit", project, part="risici", part_pk=risk.pk) in html


def test_readers_get_no_edit_links(reader_client, project):
    risk = RiskFactory(project=project)
    html = reader_client.get(_url("charter", project)).content.decode()
    assert _url("charter_edit", project) not in html
    assert _url("part_edit", project, part="risici", part_pk=risk.pk) not in html


def test_the_page_links_to_the_pdf(reader_client, project):
    html = reader_client.get(_url("charter", project)).content.decode()
    assert _url("charter_pdf", project) in html


def test_an_approved_start_document_links_to_its_changes(reader_client, approved):
    html = reader_client.get(_url("charter", approved)).content.decode()
    assert _url("charter_changes", approved) in html


def test_a_start_document_not_yet_approved_has_no_link_to_changes(reader_client, project):
    html = reader_client.get(_url("charter", project)).content.decode()
    assert _url("charter_changes", project) not in html


def test_another_municipalitys_project_gives_404(reader_client, their_project):
    assert reader_client.get(_url("charter", their_project)).status_code == 404


def test_the_page_needs_a_role_in_the_municipality(reader_client, their_project):
    assert reader_client.get(_url("charter", their_project, slug="rebild")).status_code == 403


def test_the_page_query_count_does_not_grow_with_parts(
    reader_client, project, norddjurs, django_assert_max_num_queries
):
    for _ in range(8):
        DeliverableFactory(project=project)
        SuccessCriterionFactory(project=project)
        MilestoneFactory(project=project)
        RiskFactory(project=project, owner=PersonFactory(municipality=norddjurs))
    with django_assert_max_num_queries(16):
        assert reader_client.get(_url("charter", project)).status_code == 200


# The heat map


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (1, RiskLevel.LOW),
        (4, RiskLevel.LOW),
        (5, RiskLevel.MEDIUM),
        (12, RiskLevel.MEDIUM),
        (15, RiskLevel.HIGH),
        (25, RiskLevel.HIGH),
    ],
)
def test_risk_levels_follow_the_score(score, level):
    assert risk_level(score) == level


def test_the_heat_map_has_probability_rows_5_to_1_and_consequence_columns_1_to_5():
    result = heat_map([])
    assert [row.probability for row in result.rows] == [5, 4, 3, 2, 1]
    assert [cell.consequence for cell in result.rows[0].cells] == [1, 2, 3, 4, 5]


def test_the_heat_map_counts_open_risks_per_cell(reader_client, project):
    RiskFactory(project=project, probability=3, consequence=4, title="A")
    RiskFactory(project=project, probability=3, consequence=4, title="B")
    RiskFactory(project=project, probability=5, consequence=5, title="C")
    RiskFactory(project=project, probability=3, consequence=4, title="D", is_closed=True)
    result = reader_client.get(_url("charter", project)).context["heat_map"]
    assert result.cell(3, 4).count == 2
    assert result.cell(5, 5).count == 1
    assert result.cell(1, 1).count == 0
    assert (result.open_count, result.closed_count) == (3, 1)


def test_the_heat_map_names_the_risks_by_their_number_in_the_list(norddjurs, project):
    RiskFactory(project=project, probability=2, consequence=2, title="Lille")
    RiskFactory(project=project, probability=5, consequence=5, title="Stor")
    with scope(municipality=norddjurs):
        risks = numbered(list(Project.objects.get(pk=project.pk).risks.all()))
    result = heat_map(risks)
    # Risks are listed highest probability first, so the big one is R1.
    assert [(e.number, e.risk.title) for e in result.cell(5, 5).risks] == [(1, "Stor")]
    assert [(e.number, e.risk.title) for e in result.cell(2, 2).risks] == [(2, "Lille")]


def test_the_heat_map_cells_say_their_level_in_words(reader_client, project):
    RiskFactory(project=project, probability=5, consequence=5, title="Stor risiko")
    html = reader_client.get(_url("charter", project)).content.decode()
    assert 'class="heat heat--red"' in html
    assert str(RiskLevel.HIGH.label) in html
    assert '<th scope="row">' in html
    assert '<caption id="heat-map-caption">' in html


# Editing the texts


def test_an_editor_edits_the_texts(editor_client, project):
    response = editor_client.post(
        _url("charter_edit", project),
        {"version": project.version, "purpose": "Nyt formål", "scope": "Hele kommunen"},
    )
    assert response.status_code == 302
    project = _reload(project)
    assert (project.purpose, project.scope) == ("Nyt formål", "Hele kommunen")


def test_a_reader_may_not_edit_the_texts(reader_client, project):
    assert reader_client.get(_url("charter_edit", project)).status_code == 403
    response = reader_client.post(
        _url("charter_edit", project), {"version": project.version, "purpose": "Hack"}
    )
    assert response.status_code == 403
    assert _reload(project).purpose == ""


def test_a_stale_text_edit_is_refused_and_keeps_the_input(editor_client, project):
    stale = project.version
    with scopes_disabled():
        changes.update(project, actor=None, expected_version=stale, changes={"purpose": "Først"})
    response = editor_client.post(
        _url("charter_edit", project), {"version": stale, "purpose": "Min tekst"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Min tekst" in response.content.decode()
    assert _reload(project).purpose == "Først"


# The parts


def test_an_editor_adds_a_risk(editor_client, project, norddjurs):
    owner = PersonFactory(municipality=norddjurs, name="Risikoejer")
    response = editor_client.post(
        _url("part_create", project, part="risici"), _risk_data(owner=owner.pk)
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#risks")
    with scopes_disabled():
        risk = Risk.objects.get(project=project)
    assert (risk.probability, risk.consequence, risk.owner) == (3, 4, owner)


@pytest.mark.parametrize(
    ("part", "model", "data"),
    [
        (
            "leverancer",
            Deliverable,
            {"title": "Løsning", "due_on": "2026-05-01", "status": "planned"},
        ),
        (
            "succeskriterier",
            SuccessCriterion,
            {
                "description": "Svartid",
                "measure": "Fagsystem",
                "target": "2 dage",
                "met": "unknown",
            },
        ),
        ("milepaele", Milestone, {"title": "Go live", "due_on": "2026-05-01"}),
    ],
)
def test_an_editor_adds_each_kind_of_part(editor_client, project, part, model, data):
    response = editor_client.post(_url("part_create", project, part=part), data)
    assert response.status_code == 302
    assert _count(model, project=project) == 1


def test_a_lesson_is_added_to_a_running_project(editor_client, norddjurs):
    running = ProjectFactory(municipality=norddjurs, phase=Phase.EXECUTION)
    response = editor_client.post(
        _url("part_create", running, part="erfaringer"), {"title": "Inddrag brugerne tidligt"}
    )
    assert response.status_code == 302
    assert _count(Lesson, project=running) == 1


def test_a_lesson_on_a_proposal_is_refused_with_the_reason(editor_client, project):
    response = editor_client.post(
        _url("part_create", project, part="erfaringer"), {"title": "For tidligt"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert _count(Lesson, project=project) == 0


def test_a_probability_of_7_is_refused_next_to_the_field_and_the_form_kept(editor_client, project):
    response = editor_client.post(
        _url("part_create", project, part="risici"), _risk_data(probability="7")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["probability"]
    assert form["title"].value() == "Leverandøren bliver forsinket"
    assert form["mitigation"].value() == "Bod i kontrakten."
    assert "Leverandøren bliver forsinket" in response.content.decode()
    assert _count(Risk, project=project) == 0


def test_a_consequence_of_0_is_refused(editor_client, project):
    response = editor_client.post(
        _url("part_create", project, part="risici"), _risk_data(consequence="0")
    )
    assert "consequence" in response.context["form"].errors
    assert _count(Risk, project=project) == 0


def test_a_probability_of_7_is_refused_when_editing_too(editor_client, project):
    risk = RiskFactory(project=project, probability=2)
    response = editor_client.post(
        _url("part_edit", project, part="risici", part_pk=risk.pk),
        _risk_data(probability="7", version=risk.version),
    )
    assert response.status_code == 200
    assert "probability" in response.context["form"].errors
    assert _reload(risk).probability == 2


def test_the_risk_owner_is_chosen_among_active_persons_of_the_municipality(
    editor_client, project, norddjurs, rebild
):
    active = PersonFactory(municipality=norddjurs)
    inactive = PersonFactory(municipality=norddjurs, is_active=False)
    theirs = PersonFactory(municipality=rebild)
    response = editor_client.get(_url("part_create", project, part="risici"))
    choices = {str(value) for value, _label in response.context["form"].fields["owner"].choices}
    assert str(active.pk) in choices
    assert str(inactive.pk) not in choices
    assert str(theirs.pk) not in choices


def test_a_risk_owner_from_another_municipality_is_refused(editor_client, project, rebild):
    theirs = PersonFactory(municipality=rebild)
    response = editor_client.post(
        _url("part_create", project, part="risici"), _risk_data(owner=theirs.pk)
    )
    assert response.status_code == 200
    assert "owner" in response.context["form"].errors
    assert _count(Risk, project=project) == 0


def test_an_editor_edits_a_deliverable(editor_client, project):
    deliverable = DeliverableFactory(project=project, title="Gammel")
    response = editor_client.post(
        _url("part_edit", project, part="leverancer", part_pk=deliverable.pk),
        {"version": deliverable.version, "title": "Ny", "status": "delivered"},
    )
    assert response.status_code == 302
    deliverable = _reload(deliverable)
    assert (deliverable.title, deliverable.status) == ("Ny", "delivered")


def test_a_success_criterion_is_marked_met(editor_client, project):
    criterion = SuccessCriterionFactory(project=project)
    url = _url("part_edit", project, part="succeskriterier", part_pk=criterion.pk)
    data = {
        "version": criterion.version,
        "description": criterion.description,
        "measure": criterion.measure,
        "target": criterion.target,
        "met": "true",
        "result": "Målt i marts.",
    }
    assert editor_client.post(url, data).status_code == 302
    assert _reload(criterion).met is True
    assert 'value="true" selected' in editor_client.get(url).content.decode()


def test_a_stale_part_edit_is_refused(editor_client, project):
    milestone = MilestoneFactory(project=project, title="Først")
    stale = milestone.version
    with scopes_disabled():
        changes.update(milestone, actor=None, expected_version=stale, changes={"title": "Anden"})
    response = editor_client.post(
        _url("part_edit", project, part="milepaele", part_pk=milestone.pk),
        {"version": stale, "title": "Min", "due_on": "2026-05-01"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert _reload(milestone).title == "Anden"


def test_delete_asks_for_confirmation_first(editor_client, project):
    risk = RiskFactory(project=project)
    response = editor_client.get(_url("part_delete", project, part="risici", part_pk=risk.pk))
    assert response.status_code == 200
    assert _count(Risk, pk=risk.pk) == 1


def test_delete_removes_the_part_when_confirmed(editor_client, project):
    risk = RiskFactory(project=project)
    response = editor_client.post(_url("part_delete", project, part="risici", part_pk=risk.pk))
    assert response.status_code == 302
    assert _count(Risk, pk=risk.pk) == 0


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_reader_may_not_add_parts(reader_client, project, method):
    response = getattr(reader_client, method)(
        _url("part_create", project, part="risici"), _risk_data()
    )
    assert response.status_code == 403
    assert _count(Risk, project=project) == 0


@pytest.mark.parametrize("name", ["part_edit", "part_delete"])
def test_a_reader_may_not_edit_or_delete_parts(reader_client, project, name):
    risk = RiskFactory(project=project, title="Uændret")
    response = reader_client.post(
        _url(name, project, part="risici", part_pk=risk.pk), _risk_data(version=risk.version)
    )
    assert response.status_code == 403
    assert _reload(risk).title == "Uændret"


def test_an_unknown_part_gives_404(editor_client, project):
    url = _url("charter", project).replace("startdokument/", "ukendt/ny/")
    assert editor_client.get(url).status_code == 404


def test_another_projects_part_gives_404(editor_client, project, norddjurs):
    other = ProjectFactory(municipality=norddjurs)
    risk = RiskFactory(project=other, title="Andet projekt")
    for name in ("part_edit", "part_delete"):
        url = _url(name, project, part="risici", part_pk=risk.pk)
        assert editor_client.post(url, _risk_data(version=risk.version)).status_code == 404
    assert _reload(risk).title == "Andet projekt"


def test_a_part_of_another_kind_gives_404(editor_client, project):
    deliverable = DeliverableFactory(project=project)
    url = _url("part_edit", project, part="risici", part_pk=deliverable.pk)
    assert editor_client.get(url).status_code == 404


def test_another_municipalitys_part_gives_404(editor_client, project, their_project):
    risk = RiskFactory(project=their_project)
    assert (
        editor_client.get(_url("part_edit", project, part="risici", part_pk=risk.pk)).status_code
        == 404
    )
    assert (
        editor_client.get(
            _url("part_edit", their_project, part="risici", part_pk=risk.pk)
        ).status_code
        == 404
    )


# Approved compared with now


@pytest.fixture
def approved(norddjurs, project):
    """The project approved by a named approver, with a deliverable in its baseline."""
    DeliverableFactory(project=project, title="Løsning i drift")
    approver = PersonFactory(municipality=norddjurs, name="Direktør")
    with scope(municipality=norddjurs):
        project = changes.update(
            Project.objects.get(pk=project.pk),
            actor=None,
            expected_version=project.version,
            changes={"purpose": "Godkendt formål"},
        )
        change_phase(
            project,
            actor=None,
            expected_version=project.version,
            to_phase=Phase.APPROVED,
            approver=approver,
            decided_on=timezone.localdate(),
        )
        return Project.objects.get(pk=project.pk)


def test_changes_say_so_when_the_start_document_is_not_approved(reader_client, project):
    response = reader_client.get(_url("charter_changes", project))
    assert response.status_code == 200
    assert response.context["comparison"] is None


def test_changes_show_nothing_changed_right_after_approval(reader_client, approved):
    response = reader_client.get(_url("charter_changes", approved))
    assert not response.context["comparison"].has_changes


def test_changes_show_what_changed_since_approval(reader_client, approved):
    DeliverableFactory(project=approved, title="Ny leverance")
    with scopes_disabled():
        changes.update(
            approved,
            actor=None,
            expected_version=approved.version,
            changes={"purpose": "Ændret formål"},
        )
    response = reader_client.get(_url("charter_changes", approved))
    comparison = response.context["comparison"]
    purpose = next(change for change in comparison.texts if change.name == "purpose")
    assert (purpose.approved, purpose.current) == ("Godkendt formål", "Ændret formål")
    deliverables = next(part for part in comparison.lists if part.name == "deliverables")
    assert [row[0] for row in deliverables.added] == ["Ny leverance"]
    html = response.content.decode()
    assert "Godkendt formål" in html
    assert "Ændret formål" in html
    assert "Ny leverance" in html


def test_changes_of_another_municipalitys_project_give_404(reader_client, their_project):
    assert reader_client.get(_url("charter_changes", their_project)).status_code == 404
