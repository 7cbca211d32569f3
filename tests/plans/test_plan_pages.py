"""The action plan's core pages: the list of plans, creating a plan, the ranked plan with
its items, moving and reordering them, and the panel on the project's page."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from styrbord.core.services import changes
from styrbord.governance.models import MeetingStatus, Outcome
from styrbord.governance.services import items as agenda
from styrbord.plans import queries
from styrbord.plans.models import ActionPlan, ActionPlanItem, PlanVersion, VersionState
from styrbord.plans.services import decisions, items, plans
from styrbord.plans.views.plans import STALE_ORDER
from styrbord.portfolio.models import Phase
from styrbord.portfolio.services.projects import update_project
from tests.plans.factories import ItemFactory, PoolFactory, make_plan
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")

SLUG = "norddjurs"


def _url(name: str, **kwargs) -> str:
    return reverse(f"plans:{name}", kwargs={"kommune": SLUG, **kwargs})


def _version_url(version: PlanVersion, name: str = "version", **kwargs) -> str:
    return _url(name, year=version.plan.year, number=version.number, **kwargs)


def _ranks(version: PlanVersion) -> list[str]:
    return list(version.items.order_by("rank").values_list("title", flat=True))


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _approve(version: PlanVersion, editor, secretary) -> PlanVersion:
    """Submit the version and record the steering group's approval at its meeting."""
    version.refresh_from_db()
    decisions.submit(version, actor=editor, expected_version=version.version)
    version.refresh_from_db()
    item = version.agenda_item
    meeting = item.meeting
    changes.update(
        meeting,
        actor=None,
        expected_version=meeting.version,
        changes={
            "status": MeetingStatus.HELD,
            "starts_at": timezone.now() - timezone.timedelta(days=1),
        },
    )
    item.refresh_from_db()
    agenda.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Styregruppen godkender planen.",
        outcome=Outcome.APPROVED,
    )
    version.refresh_from_db()
    return version


@pytest.fixture
def three(draft):
    for title in ("A", "B", "C"):
        ItemFactory(plan_version=draft, title=title)
    draft.refresh_from_db()
    return draft


# The list of plans and a new plan --------------------------------------------------------


def test_the_index_lists_the_plans_by_year(reader_client, plan, norddjurs):
    make_plan(norddjurs, year=2025, title="Indsatsplan for 2025")
    response = reader_client.get(_url("index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert plan.title in content
    assert content.index("Indsatsplan for 2025") > content.index(plan.title)
    assert _url("plan", year=2025) in content


def test_a_reader_is_not_offered_a_new_plan(reader_client, plan):
    assert _url("plan_create") not in reader_client.get(_url("index")).content.decode()


def test_an_editor_creates_a_plan_through_the_service(
    editor_client, norddjurs, steering_group, programme_group
):
    response = editor_client.post(
        _url("plan_create"),
        {
            "year": "2027",
            "title": "",
            "owner_body": programme_group.pk,
            "approving_body": steering_group.pk,
            "introduction": "Vi digitaliserer.",
        },
    )
    created = ActionPlan.objects.get(year=2027)
    assert response.status_code == 302
    assert response["Location"] == _url("version", year=2027, number=1)
    assert created.title  # named after the year by the service
    assert created.approving_body == steering_group
    assert created.versions.get().introduction == "Vi digitaliserer."


def test_the_new_plan_form_defaults_the_bodies(editor_client, steering_group, programme_group):
    form = editor_client.get(_url("plan_create")).context["form"]
    assert form.initial["owner_body"] == programme_group
    assert form.initial["approving_body"] == steering_group


def test_a_second_plan_for_a_year_shows_the_error_on_the_year(editor_client, plan):
    response = editor_client.post(_url("plan_create"), {"year": "2026", "title": "Igen"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["year"]
    assert 'value="Igen"' in response.content.decode()
    assert ActionPlan.objects.count() == 1


def test_a_reader_may_not_create_a_plan(reader_client):
    assert reader_client.post(_url("plan_create"), {"year": "2027"}).status_code == 403


def test_the_plan_goes_to_its_open_version_for_an_editor(editor_client, draft):
    response = editor_client.get(_url("plan", year=2026))
    assert response["Location"] == _version_url(draft)


def test_an_editor_edits_the_plan(editor_client, plan):
    response = editor_client.post(
        _url("plan_edit", year=2026),
        {"title": "Den nye plan", "owner_body": "", "approving_body": "", "version": plan.version},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.approving_body) == ("Den nye plan", None)


# The ranked plan -------------------------------------------------------------------------


def test_the_version_page_shows_the_items_in_rank_order(reader_client, three):
    items.move_item(
        three.items.get(title="C"), actor=None, expected_version=three.version, direction="up"
    )
    response = reader_client.get(_version_url(three))
    assert response.status_code == 200
    content = response.content.decode()
    ids = dict(three.items.values_list("title", "pk"))
    rows = [content.index(f'id="item-{ids[title]}"') for title in ("A", "C", "B")]
    assert rows == sorted(rows)


def test_the_version_page_shows_the_introduction_as_markdown(reader_client, draft):
    plans.update_version(
        draft, actor=None, expected_version=draft.version, introduction="Et **vigtigt** år"
    )
    content = reader_client.get(_version_url(draft)).content.decode()
    assert "<strong>vigtigt</strong>" in content


def test_an_approved_version_shows_the_project_as_it_was(
    reader_client, draft, editor, secretary, meeting, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    items.add_item(draft, actor=editor, project=project)
    _approve(draft, editor, secretary)
    project.refresh_from_db()
    update_project(project, actor=editor, expected_version=project.version, name="Nyt navn")
    content = reader_client.get(_version_url(draft)).content.decode()
    assert "Borgerblikket" in content
    assert "Nyt navn" not in content
    assert str(Phase.PROPOSAL.label) in content


def test_an_approved_version_shows_no_edit_controls(
    editor_client, draft, editor, secretary, meeting
):
    item = ItemFactory(plan_version=draft, title="Seminar")
    _approve(draft, editor, secretary)
    content = editor_client.get(_version_url(draft)).content.decode()
    assert "Seminar" in content
    assert _version_url(draft, "item_create") not in content
    assert _version_url(draft, "item_move", pk=item.pk) not in content
    assert _version_url(draft, "item_edit", pk=item.pk) not in content
    assert _url("revision_create", year=2026) in content


def test_an_editor_sees_the_row_controls_on_a_draft(editor_client, three):
    item = three.items.get(title="B")
    content = editor_client.get(_version_url(three)).content.decode()
    assert _version_url(three, "item_move", pk=item.pk) in content
    assert f'name="version" value="{three.version}"' in content
    assert _version_url(three, "reorder") in content


@pytest.mark.parametrize("count", [3, 12])
def test_the_version_page_needs_a_bounded_number_of_queries(
    editor_client, draft, norddjurs, django_assert_max_num_queries, count
):
    criterion = draft.criteria.first()
    for n in range(count):
        project = ProjectFactory(municipality=norddjurs, name=f"Projekt {n}")
        item = items.add_item(draft, actor=None, project=project, requested_amount=Decimal(10))
        items.set_score(item, actor=None, criterion=criterion, score=3)
    with django_assert_max_num_queries(18):
        response = editor_client.get(_version_url(draft))
    assert response.status_code == 200


# Moving and reordering -------------------------------------------------------------------


def test_moving_an_item_up_reorders_the_plan(editor_client, three):
    item = three.items.get(title="C")
    response = editor_client.post(
        _version_url(three, "item_move", pk=item.pk),
        {"direction": "up", "version": three.version},
    )
    assert response["Location"] == _version_url(three) + f"#item-{item.pk}"
    assert _ranks(three) == ["A", "C", "B"]


def test_a_stale_move_shows_the_conflict_and_moves_nothing(editor_client, three):
    seen = three.version
    items.move_item(three.items.get(title="B"), actor=None, expected_version=seen, direction="up")
    response = editor_client.post(
        _version_url(three, "item_move", pk=three.items.get(title="C").pk),
        {"direction": "up", "version": seen},
        follow=True,
    )
    assert _messages(response) == [str(STALE_ORDER)]
    assert _ranks(three) == ["B", "A", "C"]


def test_reorder_sets_the_whole_order(editor_client, three):
    ids = dict(three.items.values_list("title", "pk"))
    response = editor_client.post(
        _version_url(three, "reorder"),
        {"order": [ids["C"], ids["A"], ids["B"]], "version": three.version},
    )
    assert response.status_code == 302
    assert _ranks(three) == ["C", "A", "B"]


def test_a_reorder_that_leaves_out_an_item_is_refused_with_a_message(editor_client, three):
    ids = dict(three.items.values_list("title", "pk"))
    response = editor_client.post(
        _version_url(three, "reorder"),
        {"order": [ids["C"], ids["A"]], "version": three.version},
        follow=True,
    )
    assert len(_messages(response)) == 1
    assert _ranks(three) == ["A", "B", "C"]


def test_a_reader_may_not_move_items(reader_client, three):
    item = three.items.get(title="C")
    response = reader_client.post(
        _version_url(three, "item_move", pk=item.pk), {"direction": "up", "version": three.version}
    )
    assert response.status_code == 403
    assert _ranks(three) == ["A", "B", "C"]


# Adding, editing and removing items ------------------------------------------------------


def test_a_reader_may_not_add_items(reader_client, draft):
    response = reader_client.post(_version_url(draft, "item_create"), {"title": "Seminar"})
    assert response.status_code == 403
    assert not draft.items.exists()


def test_an_editor_adds_an_activity(editor_client, draft, norddjurs):
    PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(500_000))
    response = editor_client.post(
        _version_url(draft, "item_create"),
        {"title": "Digitaliseringsseminar", "requested_amount": "", "allocated_amount": "40000"},
    )
    item = draft.items.get()
    assert response["Location"] == _version_url(draft) + f"#item-{item.pk}"
    assert (item.title, item.rank, item.allocated_amount) == ("Digitaliseringsseminar", 1, 40000)


def test_an_editor_adds_a_project(editor_client, draft, norddjurs):
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    editor_client.post(_version_url(draft, "item_create"), {"project": project.pk})
    assert draft.items.get().project == project


def test_the_project_can_be_preselected(editor_client, draft, norddjurs):
    project = ProjectFactory(municipality=norddjurs)
    url = _version_url(draft, "item_create") + f"?project={project.pk}"
    assert editor_client.get(url).context["form"].initial["project"] == project.pk


def test_projects_in_the_plan_or_ended_are_not_offered(editor_client, draft, norddjurs):
    planned = ProjectFactory(municipality=norddjurs)
    ended = ProjectFactory(municipality=norddjurs, phase=Phase.CLOSED)
    free = ProjectFactory(municipality=norddjurs)
    items.add_item(draft, actor=None, project=planned)
    form = editor_client.get(_version_url(draft, "item_create")).context["form"]
    assert list(form.fields["project"].queryset) == [free]
    assert ended not in form.fields["project"].queryset


def test_an_allocation_without_a_budget_shows_the_error_and_keeps_the_input(editor_client, draft):
    response = editor_client.post(
        _version_url(draft, "item_create"),
        {"title": "Digitaliseringsseminar", "allocated_amount": "25000"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["allocated_amount"]
    assert 'value="Digitaliseringsseminar"' in response.content.decode()
    assert not draft.items.exists()


def test_adding_to_an_approved_version_is_refused_with_a_message(
    editor_client, draft, editor, secretary, meeting
):
    ItemFactory(plan_version=draft, title="Seminar")
    _approve(draft, editor, secretary)
    response = editor_client.post(_version_url(draft, "item_create"), {"title": "For sent"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert list(draft.items.values_list("title", flat=True)) == ["Seminar"]


def test_the_add_form_of_an_approved_version_sends_back_with_the_reason(
    editor_client, draft, editor, secretary, meeting
):
    ItemFactory(plan_version=draft, title="Seminar")
    _approve(draft, editor, secretary)
    response = editor_client.get(_version_url(draft, "item_create"), follow=True)
    assert response.redirect_chain[-1][0] == _version_url(draft)
    assert len(_messages(response)) == 1


def test_an_editor_edits_an_item(editor_client, draft, norddjurs):
    item = ItemFactory(plan_version=draft, title="Seminar")
    response = editor_client.post(
        _version_url(draft, "item_edit", pk=item.pk),
        {
            "title": "Seminar 2026",
            "rationale": "Hvert år",
            "requested_amount": "10000",
            "allocated_amount": "",
            "version": item.version,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.requested_amount) == ("Seminar 2026", 10000)


def test_an_editor_removes_an_item_after_confirming(editor_client, three):
    item = three.items.get(title="A")
    assert editor_client.get(_version_url(three, "item_delete", pk=item.pk)).status_code == 200
    editor_client.post(_version_url(three, "item_delete", pk=item.pk))
    assert _ranks(three) == ["B", "C"]


def test_an_editor_edits_the_introduction(editor_client, draft):
    response = editor_client.post(
        _version_url(draft, "version_edit"),
        {"introduction": "Året hvor vi samler", "version": draft.version},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.introduction == "Året hvor vi samler"


# Revisions -------------------------------------------------------------------------------


def test_an_editor_makes_a_revision_of_an_approved_plan(
    editor_client, plan, draft, editor, secretary, meeting
):
    ItemFactory(plan_version=draft, title="Seminar")
    _approve(draft, editor, secretary)
    response = editor_client.post(_url("revision_create", year=2026), {"change_note": "Nyt"})
    revision = plan.versions.get(number=2)
    assert response["Location"] == _version_url(revision)
    assert (revision.state, revision.change_note) == (VersionState.DRAFT, "Nyt")


def test_a_revision_while_a_draft_is_open_shows_the_reason(editor_client, draft):
    response = editor_client.post(_url("revision_create", year=2026), {"change_note": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert PlanVersion.objects.count() == 1


def test_an_editor_discards_a_draft_revision(
    editor_client, plan, draft, editor, secretary, meeting
):
    ItemFactory(plan_version=draft, title="Seminar")
    _approve(draft, editor, secretary)
    revision = plans.create_revision(plan, actor=editor)
    assert _version_url(revision, "version_delete") in (
        editor_client.get(_version_url(revision)).content.decode()
    )
    response = editor_client.post(_version_url(revision, "version_delete"))
    assert response["Location"] == _url("plan", year=2026)
    assert list(plan.versions.values_list("number", flat=True)) == [1]


# The panel on the project's page ---------------------------------------------------------


def test_the_panel_shows_the_projects_place_in_the_plan(draft, norddjurs):
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    ItemFactory(plan_version=draft, title="Seminar")
    items.add_item(draft, actor=None, project=project)
    html = render_to_string(
        "plans/panels/project_items.html",
        {"plan_items": queries.items_of_project(project), "kommune": SLUG},
    )
    assert "<h2>" in html
    assert _version_url(draft) in html
    assert "2026" in html
    assert "<td>2</td>" in html


def test_the_panel_says_when_the_project_is_in_no_plan(norddjurs):
    project = ProjectFactory(municipality=norddjurs)
    html = render_to_string(
        "plans/panels/project_items.html",
        {"plan_items": ActionPlanItem.objects.filter(project=project), "kommune": SLUG},
    )
    assert "<table" not in html
    assert "<h2>" in html
