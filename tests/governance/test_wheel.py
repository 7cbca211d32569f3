"""The annual-wheel pages, "plan the year", recurring items and the organisation diagram."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.models import Person
from styrbord.core.services import changes
from styrbord.governance.models import BodyKind, Cadence, CycleItem, Meeting, MemberRole
from tests.governance.factories import (
    BodyFactory,
    BodyMembershipFactory,
    CycleItemFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1


@pytest.fixture(autouse=True)
def english(client):
    # Assertions read the English source strings, whatever the Danish catalogue says.
    client.cookies["django_language"] = "en"


def url(name: str, **kwargs) -> str:
    return reverse(f"governance:{name}", kwargs={"kommune": "norddjurs", **kwargs})


def meeting_count() -> int:
    with scopes_disabled():
        return Meeting.objects.count()


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def plan(client, year: int = NEXT_YEAR):
    """Plan and follow to the wheel page, which shows (and so uses up) the messages."""
    return client.post(url("wheel_plan", year=year), follow=True)


@pytest.fixture
def programme_group(steering_group, secretary):
    group = BodyFactory(
        municipality=steering_group.municipality,
        kind=BodyKind.PROGRAMME_GROUP,
        name="Programgruppen",
        reports_to=steering_group,
        cadence=Cadence.QUARTERLY,
    )
    with scopes_disabled():
        person = Person.objects.get(user=secretary)
    BodyMembershipFactory(body=group, person=person, role=MemberRole.SECRETARY)
    return group


# --- the wheel page ------------------------------------------------------------------------


def test_wheel_shows_the_years_meetings_with_links(editor_client, steering_group):
    meeting = MeetingFactory(
        body=steering_group,
        starts_at=timezone.make_aware(datetime.datetime(NEXT_YEAR, 3, 10, 9)),
    )
    response = editor_client.get(url("wheel_year", year=NEXT_YEAR))
    assert response.status_code == 200
    content = response.content.decode()
    assert url("meeting_detail", pk=meeting.pk) in content
    assert 'class="wheel-meeting"' in content
    assert steering_group.name in content


def test_wheel_leaves_out_other_years(editor_client, steering_group):
    MeetingFactory(
        body=steering_group,
        starts_at=timezone.make_aware(datetime.datetime(NEXT_YEAR + 1, 3, 10, 9)),
    )
    response = editor_client.get(url("wheel_year", year=NEXT_YEAR))
    assert 'class="wheel-meeting"' not in response.content.decode()


def test_wheel_lists_recurring_items_with_their_quarters(editor_client, steering_group):
    CycleItemFactory(body=steering_group, title="Justere porteføljen", quarters="2,4")
    response = editor_client.get(url("wheel_year", year=NEXT_YEAR))
    content = response.content.decode()
    assert "Justere porteføljen" in content
    assert "Q2, Q4" in content


def test_wheel_without_a_year_shows_this_year(reader_client, norddjurs):
    response = reader_client.get(url("wheel"))
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year


def test_wheel_links_to_the_neighbouring_years(reader_client, norddjurs):
    content = reader_client.get(url("wheel_year", year=NEXT_YEAR)).content.decode()
    assert url("wheel_year", year=NEXT_YEAR - 1) in content
    assert url("wheel_year", year=NEXT_YEAR + 1) in content


def test_wheel_refuses_an_absurd_year(reader_client, norddjurs):
    assert reader_client.get(url("wheel_year", year=99999)).status_code == 404


def test_reader_sees_the_wheel_without_the_plan_button(reader_client, steering_group):
    response = reader_client.get(url("wheel_year", year=NEXT_YEAR))
    assert response.status_code == 200
    assert url("wheel_plan", year=NEXT_YEAR) not in response.content.decode()


def test_wheel_page_query_count_is_bounded(editor_client, norddjurs, django_assert_max_num_queries):
    for n in range(3):
        body = BodyFactory(municipality=norddjurs, name=f"Gruppe {n}")
        CycleItemFactory(body=body, quarters="1,2,3,4")
        CycleItemFactory(body=body, month=9)
        for week in range(10):
            MeetingFactory(
                body=body,
                starts_at=timezone.make_aware(datetime.datetime(NEXT_YEAR, 1, 6, 9))
                + datetime.timedelta(weeks=4 * week),
            )
    with django_assert_max_num_queries(15):
        response = editor_client.get(url("wheel_year", year=NEXT_YEAR))
    assert response.content.decode().count('class="wheel-meeting"') == 30


# --- plan the year -------------------------------------------------------------------------


def test_plan_the_year_creates_the_meetings(secretary_client, steering_group):
    before = meeting_count()
    response = plan(secretary_client)
    assert response.redirect_chain == [(url("wheel_year", year=NEXT_YEAR), 302)]
    assert meeting_count() - before == 4
    assert any("4 meetings" in message for message in messages_of(response))


def test_planning_twice_creates_nothing_more(secretary_client, steering_group):
    plan(secretary_client)
    after_first = meeting_count()
    response = plan(secretary_client)
    assert meeting_count() == after_first
    assert messages_of(response) == ["Nothing new to plan — the year is already planned."]


def test_planning_fills_the_agendas_from_the_wheel(secretary_client, steering_group):
    CycleItemFactory(body=steering_group, title="Justere porteføljen", quarters="1,2,3,4")
    response = plan(secretary_client)
    assert any("4 agenda items" in message for message in messages_of(response))


def meeting_days_by_quarter(body) -> dict[int, datetime.date]:
    """The day of the body's one planned meeting in each quarter of next year."""
    days: dict[int, datetime.date] = {}
    with scopes_disabled():
        for meeting in Meeting.objects.filter(body=body, starts_at__year=NEXT_YEAR):
            day = timezone.localtime(meeting.starts_at).date()
            quarter = (day.month - 1) // 3 + 1
            assert quarter not in days, "one meeting a quarter"
            days[quarter] = day
    return days


def test_programme_group_meets_before_the_steering_group_each_quarter(
    secretary_client, steering_group, programme_group
):
    plan(secretary_client)
    programme = meeting_days_by_quarter(programme_group)
    steering = meeting_days_by_quarter(steering_group)
    assert set(programme) == set(steering) == {1, 2, 3, 4}
    assert all(programme[quarter] < steering[quarter] for quarter in range(1, 5))


def test_the_order_holds_under_the_executive_board_and_the_city_council(
    secretary_client, steering_group, programme_group
):
    # Deeper bodies meet earlier; in the third quarter that must not run into the summer.
    council = BodyFactory(kind=BodyKind.CITY_COUNCIL, name="Byrådet")
    board = BodyFactory(kind=BodyKind.EXECUTIVE_BOARD, name="Direktionen", reports_to=council)
    with scopes_disabled():
        changes.update(
            steering_group,
            actor=None,
            expected_version=steering_group.version,
            changes={"reports_to": board},
        )
    plan(secretary_client)
    programme = meeting_days_by_quarter(programme_group)
    steering = meeting_days_by_quarter(steering_group)
    assert all(programme[quarter] < steering[quarter] for quarter in range(1, 5))
    assert all(day.month != 7 for day in [*programme.values(), *steering.values()])


def test_an_editor_who_is_no_secretary_plans_nothing(editor_client, steering_group):
    before = meeting_count()
    response = plan(editor_client)
    assert meeting_count() == before
    assert messages_of(response) == [
        "You are not the secretary of any body, so nothing was planned."
    ]


def test_a_reader_may_not_plan_the_year(reader_client, steering_group):
    assert plan(reader_client).status_code == 403


def test_plan_the_year_takes_only_post(secretary_client, steering_group):
    assert secretary_client.get(url("wheel_plan", year=NEXT_YEAR)).status_code == 405


def test_a_past_year_is_not_planned(secretary_client, steering_group):
    before = meeting_count()
    response = plan(secretary_client, year=NEXT_YEAR - 2)
    assert meeting_count() == before
    assert messages_of(response) == ["The year is over, so there is nothing to plan."]


# --- recurring items -----------------------------------------------------------------------


def item_data(**overrides) -> dict:
    data = {
        "title": "Justere porteføljen",
        "description": "",
        "kind": "decision",
        "quarters": ["1", "3"],
        "month": "",
        "position": "1",
    }
    data.update(overrides)
    return data


def test_editor_adds_a_recurring_item(editor_client, steering_group):
    response = editor_client.post(url("cycle_item_create", body_pk=steering_group.pk), item_data())
    assert response.status_code == 302
    assert response["Location"] == url("body_detail", pk=steering_group.pk)
    with scopes_disabled():
        item = CycleItem.objects.get(body=steering_group)
    assert item.quarters == "1,3"
    assert item.kind == "decision"


def test_a_recurring_item_needs_a_quarter_or_a_month(editor_client, steering_group):
    response = editor_client.post(
        url("cycle_item_create", body_pk=steering_group.pk), item_data(quarters=[])
    )
    assert response.status_code == 200
    assert response.context["form"].errors["quarters"] == [
        "Choose at least one quarter, or a month."
    ]
    assert 'id="id_quarters_error"' in response.content.decode()
    with scopes_disabled():
        assert not CycleItem.objects.exists()


def test_a_monthly_item_needs_no_quarter(editor_client, steering_group):
    editor_client.post(
        url("cycle_item_create", body_pk=steering_group.pk), item_data(quarters=[], month="11")
    )
    with scopes_disabled():
        item = CycleItem.objects.get(body=steering_group)
    assert item.month == 11
    assert item.quarter_numbers == [4]


def test_the_form_groups_the_quarter_boxes_in_a_fieldset(editor_client, steering_group):
    content = editor_client.get(url("cycle_item_create", body_pk=steering_group.pk)).content
    content = content.decode()
    assert '<legend class="form-label">Quarters</legend>' in content
    assert content.count('name="quarters"') == 4


def test_editor_changes_a_recurring_item(editor_client, steering_group):
    item = CycleItemFactory(body=steering_group, quarters="1,2,3,4")
    response = editor_client.get(url("cycle_item_edit", pk=item.pk))
    assert response.context["form"].initial["quarters"] == ["1", "2", "3", "4"]
    response = editor_client.post(
        url("cycle_item_edit", pk=item.pk),
        item_data(title="Nyt navn", quarters=["2"], version=item.version),
    )
    assert response.status_code == 302
    with scopes_disabled():
        item.refresh_from_db()
    assert (item.title, item.quarters) == ("Nyt navn", "2")


def test_a_stale_edit_is_refused_and_keeps_the_input(editor_client, steering_group):
    item = CycleItemFactory(body=steering_group, title="Original")
    seen = item.version
    with scopes_disabled():
        changes.update(item, actor=None, expected_version=seen, changes={"title": "Andens ændring"})
    response = editor_client.post(
        url("cycle_item_edit", pk=item.pk), item_data(title="Min ændring", version=seen)
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Min ændring" in response.content.decode()
    with scopes_disabled():
        item.refresh_from_db()
    assert item.title == "Andens ændring"


def test_editor_deletes_a_recurring_item_after_confirming(editor_client, steering_group):
    item = CycleItemFactory(body=steering_group)
    assert editor_client.get(url("cycle_item_delete", pk=item.pk)).status_code == 200
    with scopes_disabled():
        assert CycleItem.objects.filter(pk=item.pk).exists()
    response = editor_client.post(url("cycle_item_delete", pk=item.pk))
    assert response["Location"] == url("body_detail", pk=steering_group.pk)
    with scopes_disabled():
        assert not CycleItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("name", ["cycle_item_edit", "cycle_item_delete"])
def test_a_reader_may_not_change_recurring_items(reader_client, steering_group, name):
    item = CycleItemFactory(body=steering_group)
    assert reader_client.get(url(name, pk=item.pk)).status_code == 403
    assert reader_client.post(url(name, pk=item.pk), item_data()).status_code == 403


def test_a_reader_may_not_add_recurring_items(reader_client, steering_group):
    response = reader_client.post(url("cycle_item_create", body_pk=steering_group.pk), item_data())
    assert response.status_code == 403


# --- organisation diagram ------------------------------------------------------------------


def test_diagram_page_shows_the_picture_and_the_same_tree_as_a_list(reader_client, steering_group):
    child = BodyFactory(
        municipality=steering_group.municipality, name="Programgruppen", reports_to=steering_group
    )
    response = reader_client.get(url("body_diagram"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="styrbord-diagram"' in content
    assert content.count(url("body_detail", pk=child.pk)) == 2  # the picture and the list
    tree = response.context["tree"]
    assert [node.body for node in tree] == [steering_group]
    assert [node.body for node in tree[0].children] == [child]


def test_diagram_page_without_bodies_says_so(reader_client, norddjurs):
    response = reader_client.get(url("body_diagram"))
    assert response.status_code == 200
    assert "There are no bodies yet." in response.content.decode()
