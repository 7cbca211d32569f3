"""Who may do what: seats give the secretary and chair steps (with the editor role), and
closed items are seen only by the body's current members, in every list."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from styrbord.governance import policy, queries
from styrbord.governance.models import MemberRole, Outcome
from tests.factories import PersonFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyMembershipFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.usefixtures("in_scope")

DAY = datetime.timedelta(days=1)


@pytest.fixture
def meeting(steering_group):
    return MeetingFactory(body=steering_group, starts_at=timezone.now() - 7 * DAY)


@pytest.fixture
def open_item(meeting):
    return AgendaItemFactory(meeting=meeting, title="Åbent punkt", outcome=Outcome.APPROVED)


@pytest.fixture
def closed_item(meeting):
    return AgendaItemFactory(
        meeting=meeting, title="Lukket punkt", is_closed=True, outcome=Outcome.APPROVED
    )


def _seat(user, body, role: str = MemberRole.MEMBER, **dates):
    return BodyMembershipFactory(body=body, person=PersonFactory(user=user), role=role, **dates)


def test_the_secretary_seat_gives_the_secretary_steps(secretary, steering_group):
    assert policy.is_secretary(secretary, steering_group)
    assert not policy.is_chair(secretary, steering_group)


def test_the_chair_seat_gives_the_approvals(chair, steering_group):
    assert policy.is_chair(chair, steering_group)
    assert not policy.is_secretary(chair, steering_group)


def test_an_editor_without_a_seat_has_neither(editor, steering_group):
    assert not policy.is_secretary(editor, steering_group)
    assert not policy.is_chair(editor, steering_group)


def test_a_secretary_seat_without_the_editor_role_gives_no_secretary_steps(reader, steering_group):
    _seat(reader, steering_group, MemberRole.SECRETARY)
    assert not policy.is_secretary(reader, steering_group)


def test_an_ended_seat_gives_no_role(editor, steering_group):
    _seat(
        editor,
        steering_group,
        MemberRole.SECRETARY,
        starts_on=timezone.localdate() - 100 * DAY,
        ends_on=timezone.localdate() - DAY,
    )
    assert not policy.is_secretary(editor, steering_group)
    assert not policy.is_member(editor, steering_group)


def test_a_seat_added_later_counts_once_the_cached_roles_are_forgotten(editor, steering_group):
    assert not policy.is_member(editor, steering_group)
    _seat(editor, steering_group)
    policy.forget_body_roles(editor)
    assert policy.is_member(editor, steering_group)


def test_closed_items_are_hidden_from_non_members_on_the_agenda(
    editor, meeting, open_item, closed_item
):
    assert list(queries.visible_items(meeting, editor)) == [open_item]


def test_closed_items_are_shown_to_members_on_the_agenda(
    secretary, meeting, open_item, closed_item
):
    assert list(queries.visible_items(meeting, secretary)) == [open_item, closed_item]


def test_closed_items_are_hidden_from_former_members(editor, meeting, open_item, closed_item):
    _seat(
        editor,
        meeting.body,
        starts_on=timezone.localdate() - 100 * DAY,
        ends_on=timezone.localdate() - DAY,
    )
    assert closed_item not in queries.visible_items(meeting, editor)


def test_closed_items_are_hidden_from_anonymous_users(meeting, open_item, closed_item):
    assert list(queries.visible_items(meeting, AnonymousUser())) == [open_item]


def test_closed_decisions_are_hidden_from_non_members(editor, open_item, closed_item):
    assert list(queries.decisions(editor)) == [open_item]


def test_closed_decisions_are_shown_to_members(secretary, open_item, closed_item):
    assert set(queries.decisions(secretary)) == {open_item, closed_item}


def test_items_without_an_outcome_are_not_decisions(secretary, meeting):
    AgendaItemFactory(meeting=meeting, outcome="")
    assert not queries.decisions(secretary).exists()


def test_action_items_of_closed_items_are_hidden_from_non_members(editor, open_item, closed_item):
    visible = ActionItemFactory(item=open_item)
    ActionItemFactory(item=closed_item)
    assert list(queries.action_items(editor)) == [visible]


def test_action_items_of_closed_items_are_shown_to_members(secretary, open_item, closed_item):
    actions = {ActionItemFactory(item=open_item), ActionItemFactory(item=closed_item)}
    assert set(queries.action_items(secretary)) == actions


def test_closed_items_of_another_body_stay_hidden_from_a_member_of_this_one(secretary, closed_item):
    other_meeting = MeetingFactory(starts_at=timezone.now() - DAY)
    other_closed = AgendaItemFactory(meeting=other_meeting, is_closed=True, outcome=Outcome.NOTED)
    assert closed_item in queries.items_visible_to(secretary)
    assert other_closed not in queries.items_visible_to(secretary)


def test_the_owner_of_an_action_item_may_update_it(reader):
    action = ActionItemFactory(owner=PersonFactory(user=reader))
    assert policy.can_update_action_item(reader, action)


def test_a_reader_who_does_not_own_an_action_item_may_not_update_it(reader):
    assert not policy.can_update_action_item(reader, ActionItemFactory())


def test_an_editor_may_update_any_action_item(editor):
    assert policy.can_update_action_item(editor, ActionItemFactory())
