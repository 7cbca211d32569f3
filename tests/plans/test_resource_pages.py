"""The resource pages: an item's hours, capacity per org unit, and the quarters."""

import datetime

import pytest
from django.urls import reverse

from styrbord.core.services import changes
from styrbord.plans.models import Capacity, ItemHours, VersionState
from styrbord.plans.services import items, plans
from tests.factories import OrgUnitFactory
from tests.plans.factories import ItemFactory, first_version, make_plan
from tests.portfolio.factories import ProjectFactory

SLUG = "norddjurs"

pytestmark = pytest.mark.usefixtures("in_norddjurs")


def _url(name: str, version, **kwargs) -> str:
    return reverse(
        f"plans:{name}",
        kwargs={"kommune": SLUG, "year": version.plan.year, "number": version.number, **kwargs},
    )


def _hours(item, unit, quarter, requested=0, allocated=0):
    items.set_hours(
        item,
        actor=None,
        org_unit=unit,
        quarter=quarter,
        requested_hours=requested,
        allocated_hours=allocated,
    )


def _capacity(version, unit, hours):
    plans.set_capacity(version, actor=None, org_unit=unit, hours=hours)


def _saved_hours(item) -> list[tuple[str, int, int, int]]:
    return list(
        ItemHours.objects.filter(item=item)
        .order_by("org_unit__name", "quarter")
        .values_list("org_unit__name", "quarter", "requested_hours", "allocated_hours")
    )


def _saved_capacity(version, unit) -> dict[int, int]:
    return dict(
        Capacity.objects.filter(plan_version=version, org_unit=unit).values_list("quarter", "hours")
    )


def _approve(version):
    changes.update(
        version,
        actor=None,
        expected_version=version.version,
        changes={"state": VersionState.APPROVED},
    )


def _form_data(client, url, **values) -> dict:
    """What the page's form would post: the stamp it was shown with, plus ``values``."""
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({name: str(value) for name, value in values.items()})
    return data


@pytest.fixture
def unit(norddjurs):
    return OrgUnitFactory(municipality=norddjurs, name="Digitalisering")


@pytest.fixture
def item(draft):
    return ItemFactory(plan_version=draft, title="Digital post")


# An item's hours


def test_the_hours_page_shows_a_labelled_input_per_cell(editor_client, draft, item, unit):
    _hours(item, unit, 1, requested=40, allocated=30)
    response = editor_client.get(_url("item_hours", draft, pk=item.pk))
    assert response.status_code == 200
    content = response.content.decode()
    field = f"requested_{unit.pk}_1"
    assert f'<label class="sr-only" for="id_{field}">' in content
    assert f'name="{field}" value="40"' in content


def test_saving_the_hours_writes_every_changed_cell(editor_client, draft, item, unit):
    _hours(item, unit, 1, requested=40, allocated=30)
    url = _url("item_hours", draft, pk=item.pk)
    data = _form_data(
        editor_client, url, **{f"allocated_{unit.pk}_1": 40, f"requested_{unit.pk}_3": 8}
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert _saved_hours(item) == [("Digitalisering", 1, 40, 40), ("Digitalisering", 3, 8, 0)]


def test_an_org_unit_is_added_from_the_extra_row(editor_client, draft, item, unit, norddjurs):
    other = OrgUnitFactory(municipality=norddjurs, name="Økonomi")
    _hours(item, unit, 1, requested=10)
    url = _url("item_hours", draft, pk=item.pk)
    data = _form_data(editor_client, url, new_org_unit=other.pk, requested_new_2=12)
    assert editor_client.post(url, data).status_code == 302
    assert ("Økonomi", 2, 12, 0) in _saved_hours(item)


def test_blank_hours_remove_the_cell(editor_client, draft, item, unit):
    _hours(item, unit, 1, requested=10, allocated=5)
    url = _url("item_hours", draft, pk=item.pk)
    data = _form_data(
        editor_client, url, **{f"requested_{unit.pk}_1": "", f"allocated_{unit.pk}_1": ""}
    )
    editor_client.post(url, data)
    assert _saved_hours(item) == []


def test_negative_hours_show_the_error_at_the_cell_and_keep_the_input(
    editor_client, draft, item, unit
):
    _hours(item, unit, 1, requested=10)
    url = _url("item_hours", draft, pk=item.pk)
    field = f"allocated_{unit.pk}_2"
    data = _form_data(editor_client, url, **{field: -5, f"requested_{unit.pk}_4": 99})
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    content = response.content.decode()
    assert f'id="id_{field}_error"' in content
    assert f'name="{field}" value="-5"' in content
    assert f'name="requested_{unit.pk}_4" value="99"' in content
    assert _saved_hours(item) == [("Digitalisering", 1, 10, 0)]


def test_new_hours_without_an_org_unit_ask_for_one(editor_client, draft, item):
    url = _url("item_hours", draft, pk=item.pk)
    response = editor_client.post(url, _form_data(editor_client, url, allocated_new_1=8))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["new_org_unit"]


def test_hours_changed_meanwhile_are_not_overwritten(editor_client, draft, item, unit):
    _hours(item, unit, 1, requested=10)
    url = _url("item_hours", draft, pk=item.pk)
    data = _form_data(editor_client, url, **{f"requested_{unit.pk}_1": 20})
    _hours(item, unit, 1, requested=15)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert _saved_hours(item) == [("Digitalisering", 1, 15, 0)]


def test_a_reader_cannot_save_hours(reader_client, draft, item, unit):
    url = _url("item_hours", draft, pk=item.pk)
    response = reader_client.post(url, {"requested_new_1": "5", "new_org_unit": unit.pk})
    assert response.status_code == 403


def test_a_reader_sees_the_hours_without_inputs(reader_client, draft, item, unit):
    _hours(item, unit, 2, requested=40, allocated=30)
    response = reader_client.get(_url("item_hours", draft, pk=item.pk))
    assert response.status_code == 200
    assert response.context["form"] is None
    assert "<input" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_an_approved_versions_hours_are_read_only(editor_client, draft, item, unit):
    _hours(item, unit, 1, requested=40)
    _approve(draft)
    response = editor_client.get(_url("item_hours", draft, pk=item.pk))
    assert response.status_code == 200
    assert response.context["form"] is None


def test_saving_hours_on_an_approved_version_is_refused_with_a_message(
    editor_client, draft, item, unit
):
    _hours(item, unit, 1, requested=40)
    _approve(draft)
    url = _url("item_hours", draft, pk=item.pk)
    response = editor_client.post(url, {f"requested_{unit.pk}_1": "1"}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert _saved_hours(item) == [("Digitalisering", 1, 40, 0)]


def test_an_item_of_another_version_is_not_found(editor_client, draft, norddjurs):
    other = ItemFactory(plan_version=first_version(make_plan(norddjurs, year=2027)))
    assert editor_client.get(_url("item_hours", draft, pk=other.pk)).status_code == 404


# Capacity


def test_an_over_allocation_is_flagged_with_the_amount(reader_client, draft, item, unit):
    _capacity(draft, unit, {2: 200})
    _hours(item, unit, 2, requested=300, allocated=320)
    response = reader_client.get(_url("capacity", draft))
    assert response.status_code == 200
    (over,) = response.context["table"].over
    assert (over.org_unit, over.quarter, over.over_by) == (unit, 2, 120)
    content = response.content.decode()
    assert content.count('class="styrbord-flag"') == 1
    assert "120" in content
    assert "Digital post" in content


def test_allocated_hours_without_capacity_are_flagged(reader_client, draft, item, unit):
    _hours(item, unit, 1, allocated=80)
    response = reader_client.get(_url("capacity", draft))
    (over,) = response.context["table"].over
    assert over.no_capacity
    assert response.content.decode().count('class="styrbord-flag"') == 1


def test_hours_within_capacity_are_not_flagged(reader_client, draft, item, unit):
    _capacity(draft, unit, {1: 100})
    _hours(item, unit, 1, requested=150, allocated=100)
    response = reader_client.get(_url("capacity", draft))
    assert response.context["table"].over == []
    assert 'class="styrbord-flag"' not in response.content.decode()


def test_editors_get_an_edit_link_per_org_unit(editor_client, draft, unit):
    _capacity(draft, unit, {1: 100})
    response = editor_client.get(_url("capacity", draft))
    assert _url("capacity_edit", draft, org_unit=unit.pk) in response.content.decode()


def test_readers_get_no_edit_links(reader_client, draft, unit):
    _capacity(draft, unit, {1: 100})
    response = reader_client.get(_url("capacity", draft))
    assert _url("capacity_edit", draft, org_unit=unit.pk) not in response.content.decode()


def test_choosing_an_org_unit_to_add_opens_its_capacity_form(editor_client, draft, unit):
    response = editor_client.get(_url("capacity", draft), {"org_unit": unit.pk})
    assert response.status_code == 302
    assert response.url == _url("capacity_edit", draft, org_unit=unit.pk)


def test_capacity_is_saved_per_quarter(editor_client, draft, unit):
    url = _url("capacity_edit", draft, org_unit=unit.pk)
    data = _form_data(editor_client, url, q1=100, q2=120, q3="", q4=0)
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert _saved_capacity(draft, unit) == {1: 100, 2: 120, 4: 0}


def test_a_blank_quarter_clears_its_capacity(editor_client, draft, unit):
    _capacity(draft, unit, {1: 100, 2: 100})
    url = _url("capacity_edit", draft, org_unit=unit.pk)
    editor_client.post(url, _form_data(editor_client, url, q2=""))
    assert _saved_capacity(draft, unit) == {1: 100}


def test_negative_capacity_shows_the_error_at_the_quarter(editor_client, draft, unit):
    url = _url("capacity_edit", draft, org_unit=unit.pk)
    response = editor_client.post(url, _form_data(editor_client, url, q1=50, q3=-10))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["q3"]
    assert 'name="q3" value="-10"' in response.content.decode()
    assert _saved_capacity(draft, unit) == {}


def test_a_reader_cannot_save_capacity(reader_client, draft, unit):
    url = _url("capacity_edit", draft, org_unit=unit.pk)
    assert reader_client.post(url, {"q1": "10"}).status_code == 403


def test_capacity_on_an_approved_version_is_refused_with_a_message(editor_client, draft, unit):
    _capacity(draft, unit, {1: 100})
    _approve(draft)
    url = _url("capacity_edit", draft, org_unit=unit.pk)
    response = editor_client.post(url, {"q1": "5"}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert _saved_capacity(draft, unit) == {1: 100}
    assert response.context["editable"] is False


def test_another_municipalitys_org_unit_is_not_found(editor_client, draft, rebild):
    theirs = OrgUnitFactory(municipality=rebild)
    url = _url("capacity_edit", draft, org_unit=theirs.pk)
    assert editor_client.get(url).status_code == 404


def _many_items(draft, unit, count):
    for _ in range(count):
        project = ProjectFactory(municipality=draft.municipality)
        item = items.add_item(draft, actor=None, project=project)
        _hours(item, unit, 1, requested=10, allocated=5)
        _hours(item, unit, 3, requested=10, allocated=5)


@pytest.mark.parametrize("count", [3, 12])
def test_the_capacity_page_takes_a_bounded_number_of_queries(
    editor_client, draft, unit, count, django_assert_max_num_queries
):
    _many_items(draft, unit, count)
    _capacity(draft, unit, {1: 10})
    with django_assert_max_num_queries(14):
        assert editor_client.get(_url("capacity", draft)).status_code == 200


# Quarters


def test_the_quarters_page_lists_an_item_under_its_quarter(reader_client, draft, item, unit):
    _hours(item, unit, 3, requested=24, allocated=16)
    unplanned = ItemFactory(plan_version=draft, title="Uden timer")
    response = reader_client.get(_url("quarters", draft))
    assert response.status_code == 200
    view = response.context["view"]
    assert [entry.item for entry in view.quarters[2].items] == [item]
    assert all(not quarter.items for n, quarter in enumerate(view.quarters) if n != 2)
    assert view.unplanned == [unplanned]
    assert "Digital post" in response.content.decode()


def test_the_quarters_page_places_a_project_against_the_quarter(reader_client, draft, unit):
    project = ProjectFactory(
        municipality=draft.municipality,
        start_date=datetime.date(2026, 8, 1),
        end_date=datetime.date(2027, 6, 30),
    )
    item = items.add_item(draft, actor=None, project=project)
    _hours(item, unit, 3, requested=24)
    response = reader_client.get(_url("quarters", draft))
    (entry,) = response.context["view"].quarters[2].items
    assert entry.timing.kind == "starts"
    assert entry.timing.start == datetime.date(2026, 8, 1)


@pytest.mark.parametrize("count", [3, 12])
def test_the_quarters_page_takes_a_bounded_number_of_queries(
    reader_client, draft, unit, count, django_assert_max_num_queries
):
    _many_items(draft, unit, count)
    with django_assert_max_num_queries(14):
        assert reader_client.get(_url("quarters", draft)).status_code == 200
