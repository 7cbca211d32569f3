"""The prioritisation pages: criteria, an item's scores, and the matrix with the
value-versus-effort chart."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styrbord.plans.models import Criterion, ItemScore, PlanVersion, VersionState
from styrbord.plans.services import items
from tests.plans.factories import ItemFactory, first_version, make_plan

pytestmark = pytest.mark.usefixtures("in_norddjurs")

V = "/norddjurs/indsatsplan/2026/v1/"


def _approve(version: PlanVersion) -> None:
    PlanVersion.objects.filter(pk=version.pk).update(state=VersionState.APPROVED)


def _criterion_data(**data) -> dict:
    values = {"name": "Borgernærhed", "description": "Mærkes direkte af borgerne."}
    return values | {"kind": "value", "weight": "20"} | data


def _scores_data(draft, **by_name) -> dict:
    """A POST of the scores form: ``by_name`` maps a criterion's name to (score, comment)."""
    data = {}
    for criterion in draft.criteria.all():
        score, comment = by_name.get(criterion.name, ("", ""))
        data[f"score_{criterion.pk}"] = str(score)
        data[f"comment_{criterion.pk}"] = comment
    return data


# --- criteria ---------------------------------------------------------------------------


def test_the_criteria_page_lists_the_criteria_with_their_share(reader_client, draft):
    response = reader_client.get(f"{V}kriterier/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Strategic importance" in content or "Strategisk betydning" in content
    assert "30,0 %" in content  # 30 of the default weights' 100


def test_a_reader_sees_no_edit_links_on_the_criteria(reader_client, draft):
    response = reader_client.get(f"{V}kriterier/")
    assert f"{V}kriterier/ny/" not in response.content.decode()


def test_an_editor_sees_the_add_link_on_a_draft(editor_client, draft):
    response = editor_client.get(f"{V}kriterier/")
    assert f"{V}kriterier/ny/" in response.content.decode()


def test_adding_a_criterion_saves_it(editor_client, draft):
    response = editor_client.post(f"{V}kriterier/ny/", _criterion_data())
    assert response.status_code == 302
    added = Criterion.objects.get(plan_version=draft, name="Borgernærhed")
    assert (added.weight, added.position) == (20, 6)


def test_a_weight_of_zero_is_refused_next_to_the_field(editor_client, draft):
    response = editor_client.post(f"{V}kriterier/ny/", _criterion_data(weight="0"))
    assert response.status_code == 200
    assert "weight" in response.context["form"].errors
    assert 'value="Borgernærhed"' in response.content.decode()
    assert not Criterion.objects.filter(name="Borgernærhed").exists()


def test_a_duplicate_name_is_refused_next_to_the_field(editor_client, draft):
    name = draft.criteria.first().name
    response = editor_client.post(f"{V}kriterier/ny/", _criterion_data(name=name.upper()))
    assert response.status_code == 200
    assert "name" in response.context["form"].errors


def test_editing_a_criterion_changes_its_weight(editor_client, draft):
    criterion = draft.criteria.first()
    data = _criterion_data(name=criterion.name, weight="45", version=criterion.version)
    response = editor_client.post(f"{V}kriterier/{criterion.pk}/", data)
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert criterion.weight == 45


def test_deleting_a_criterion_removes_it(editor_client, draft):
    criterion = draft.criteria.first()
    response = editor_client.post(f"{V}kriterier/{criterion.pk}/slet/")
    assert response.status_code == 302
    assert not Criterion.objects.filter(pk=criterion.pk).exists()


def test_a_reader_cannot_add_a_criterion(reader_client, draft):
    assert reader_client.post(f"{V}kriterier/ny/", _criterion_data()).status_code == 403


def test_an_approved_version_refuses_a_new_criterion_without_failing(editor_client, draft):
    _approve(draft)
    response = editor_client.post(f"{V}kriterier/ny/", _criterion_data())
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Criterion.objects.filter(name="Borgernærhed").exists()


def test_an_approved_version_refuses_to_delete_a_criterion_without_failing(editor_client, draft):
    _approve(draft)
    criterion = draft.criteria.first()
    response = editor_client.post(f"{V}kriterier/{criterion.pk}/slet/")
    assert response.status_code == 200
    assert response.context["refused"]
    assert Criterion.objects.filter(pk=criterion.pk).exists()


# --- one item's scores ------------------------------------------------------------------


@pytest.fixture
def item(draft):
    return ItemFactory(plan_version=draft, title="Digital post", requested_amount=Decimal(1000))


def test_the_scores_page_renders_a_fieldset_per_criterion(editor_client, draft, item):
    response = editor_client.get(f"{V}punkter/{item.pk}/score/")
    assert response.status_code == 200
    assert response.content.decode().count("<fieldset") == draft.criteria.count()


def test_saving_scores_stores_them_and_shows_the_weighted_score(editor_client, draft, item):
    names = {c.name: 5 if c.kind == "value" else 1 for c in draft.criteria.all()}
    data = _scores_data(draft, **{name: (score, "Klart") for name, score in names.items()})
    response = editor_client.post(f"{V}punkter/{item.pk}/score/", data, follow=True)
    assert response.status_code == 200
    assert ItemScore.objects.filter(item=item).count() == len(names)
    assert response.context["score"].value == Decimal("5.00")
    assert "5,00" in response.content.decode()


def test_a_blank_score_clears_it(editor_client, draft, item, editor):
    criterion = draft.criteria.first()
    items.set_score(item, actor=editor, criterion=criterion, score=3)
    editor_client.post(f"{V}punkter/{item.pk}/score/", _scores_data(draft))
    assert not ItemScore.objects.filter(item=item).exists()


def test_a_score_of_seven_is_refused_next_to_its_field_and_keeps_the_input(
    editor_client, draft, item
):
    criterion = draft.criteria.first()
    data = _scores_data(draft, **{criterion.name: (7, "Meget vigtig for borgerne")})
    response = editor_client.post(f"{V}punkter/{item.pk}/score/", data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [f"score_{criterion.pk}"]
    assert "Meget vigtig for borgerne" in response.content.decode()
    assert not ItemScore.objects.filter(item=item).exists()


def test_a_comment_without_a_score_is_kept_with_an_error(editor_client, draft, item):
    criterion = draft.criteria.first()
    data = _scores_data(draft, **{criterion.name: ("", "Afventer analyse")})
    response = editor_client.post(f"{V}punkter/{item.pk}/score/", data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [f"comment_{criterion.pk}"]
    assert "Afventer analyse" in response.content.decode()


def test_a_reader_cannot_save_scores(reader_client, draft, item):
    data = _scores_data(draft, **{draft.criteria.first().name: (4, "")})
    assert reader_client.post(f"{V}punkter/{item.pk}/score/", data).status_code == 403
    assert not ItemScore.objects.filter(item=item).exists()


def test_an_approved_version_shows_the_scores_read_only(editor_client, draft, item, editor):
    criterion = draft.criteria.first()
    items.set_score(item, actor=editor, criterion=criterion, score=4, comment="Godt begrundet")
    _approve(draft)
    response = editor_client.get(f"{V}punkter/{item.pk}/score/")
    assert response.status_code == 200
    assert "<fieldset" not in response.content.decode()
    assert "Godt begrundet" in response.content.decode()


def test_an_approved_version_refuses_scores_without_failing(editor_client, draft, item):
    _approve(draft)
    data = _scores_data(draft, **{draft.criteria.first().name: (4, "")})
    response = editor_client.post(f"{V}punkter/{item.pk}/score/", data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not ItemScore.objects.filter(item=item).exists()


def test_another_versions_item_is_not_found(editor_client, draft, norddjurs):
    other = ItemFactory(plan_version=first_version(make_plan(norddjurs, year=2027)))
    assert editor_client.get(f"{V}punkter/{other.pk}/score/").status_code == 404


# --- prioritisation ---------------------------------------------------------------------


def _scored_items(draft, editor, count: int) -> None:
    criteria = list(draft.criteria.all())
    for number in range(count):
        item = ItemFactory(plan_version=draft, requested_amount=Decimal(10000 * (number + 1)))
        for criterion in criteria:
            score = 1 + (number + criterion.pk) % 5
            items.set_score(item, actor=editor, criterion=criterion, score=score)


def test_the_prioritisation_page_shows_the_matrix_and_the_chart(reader_client, draft, editor):
    _scored_items(draft, editor, 3)
    response = reader_client.get(f"{V}prioritering/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in content
    assert content.count('<circle class="chart-bubble"') == 3
    assert "styrbord-matrix" in content


def test_the_prioritisation_page_lists_items_left_out_of_the_chart(reader_client, draft):
    ItemFactory(plan_version=draft, title="Uden score")
    response = reader_client.get(f"{V}prioritering/")
    assert [row.item.title for row in response.context["left_out"]] == ["Uden score"]


def _queries(client, path: str) -> int:
    client.get(path)  # warm-up: session, roles, content types
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_prioritisation_page_costs_the_same_queries_for_3_and_12_items(
    editor_client, draft, editor, django_assert_max_num_queries
):
    _scored_items(draft, editor, 3)
    few = _queries(editor_client, f"{V}prioritering/")
    _scored_items(draft, editor, 9)
    assert _queries(editor_client, f"{V}prioritering/") == few
    with django_assert_max_num_queries(15):
        editor_client.get(f"{V}prioritering/")
