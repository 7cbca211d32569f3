"""Action items: made by the secretary, kept by editors, reported on by their owner, listed
on the body's next agenda and in the owner's "Mine opgaver"."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from styrbord.core.models import Role
from styrbord.governance import queries, task_providers
from styrbord.governance.models import ActionStatus, MeetingStatus
from styrbord.governance.services import follow_up
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.usefixtures("in_scope")


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English source texts, whatever the Danish catalogue says."""
    with translation.override("en"):
        yield


DAY = datetime.timedelta(days=1)


def _item(body, *, days: float = -1, status: str = MeetingStatus.HELD, **fields):
    meeting = MeetingFactory(body=body, starts_at=timezone.now() + days * DAY, status=status)
    return AgendaItemFactory(meeting=meeting, **fields)


@pytest.fixture
def reader_person(reader):
    """The person in the register that the reader logs in as."""
    return PersonFactory(name="Rikke Læser", user=reader)


def test_the_secretary_creates_an_action_item(secretary, steering_group):
    owner = PersonFactory()
    action = follow_up.create_action_item(
        item=_item(steering_group),
        actor=secretary,
        owner=owner,
        text="Udarbejd business case.",
        due_on=timezone.localdate() + 30 * DAY,
    )
    assert (action.owner, action.status) == (owner, ActionStatus.OPEN)


def test_an_editor_who_is_not_the_secretary_cannot_create_an_action_item(editor, steering_group):
    with pytest.raises(PermissionDenied):
        follow_up.create_action_item(
            item=_item(steering_group), actor=editor, owner=PersonFactory(), text="Noget."
        )


def test_an_action_item_cannot_be_added_to_approved_minutes(secretary, steering_group):
    item = _item(steering_group, status=MeetingStatus.MINUTES_APPROVED)
    with pytest.raises(ValidationError):
        follow_up.create_action_item(
            item=item, actor=secretary, owner=PersonFactory(), text="For sent."
        )


def test_an_owner_from_another_municipality_is_refused(rebild, secretary, steering_group):
    with pytest.raises(ValidationError) as refused:
        follow_up.create_action_item(
            item=_item(steering_group),
            actor=secretary,
            owner=PersonFactory(municipality=rebild),
            text="Noget.",
        )
    assert "owner" in refused.value.message_dict


def test_marking_an_action_item_done_sets_the_completion_date(editor):
    action = ActionItemFactory()
    action = follow_up.update_action_item(
        action, actor=editor, expected_version=action.version, status=ActionStatus.DONE
    )
    assert action.completed_on == timezone.localdate()
    assert not action.is_open


def test_reopening_an_action_item_clears_the_completion_date(editor):
    action = ActionItemFactory(status=ActionStatus.DONE, completed_on=timezone.localdate())
    action = follow_up.update_action_item(
        action, actor=editor, expected_version=action.version, status=ActionStatus.IN_PROGRESS
    )
    assert action.completed_on is None


def test_an_unknown_status_is_refused(editor):
    action = ActionItemFactory()
    with pytest.raises(ValidationError) as refused:
        follow_up.update_action_item(
            action, actor=editor, expected_version=action.version, status="parked"
        )
    assert "status" in refused.value.message_dict


def test_an_editor_can_change_the_text(editor):
    action = ActionItemFactory()
    action = follow_up.update_action_item(
        action, actor=editor, expected_version=action.version, text="Ny formulering."
    )
    assert action.text == "Ny formulering."


def test_the_owner_with_the_reader_role_can_change_the_status(reader, reader_person):
    action = ActionItemFactory(owner=reader_person)
    action = follow_up.update_action_item(
        action, actor=reader, expected_version=action.version, status=ActionStatus.IN_PROGRESS
    )
    assert action.status == ActionStatus.IN_PROGRESS


def test_the_owner_with_the_reader_role_cannot_change_the_text(reader, reader_person):
    action = ActionItemFactory(owner=reader_person, text="Oprindelig.")
    with pytest.raises(PermissionDenied):
        follow_up.update_action_item(
            action, actor=reader, expected_version=action.version, text="Ændret."
        )
    action.refresh_from_db()
    assert action.text == "Oprindelig."


def test_another_reader_cannot_change_the_status(norddjurs, reader_person):
    someone = UserFactory(username="anden-laeser")
    MembershipFactory(user=someone, municipality=norddjurs, role=Role.READER)
    action = ActionItemFactory(owner=reader_person)
    with pytest.raises(PermissionDenied):
        follow_up.update_action_item(
            action, actor=someone, expected_version=action.version, status=ActionStatus.DONE
        )


def test_the_agenda_lists_open_action_items_from_the_bodys_earlier_meetings(
    secretary, steering_group
):
    earlier = ActionItemFactory(item=_item(steering_group, days=-60))
    meeting = MeetingFactory(body=steering_group, starts_at=timezone.now() + 10 * DAY)
    assert list(queries.open_action_items_before(meeting, secretary)) == [earlier]


def test_the_agenda_leaves_out_done_action_items(secretary, steering_group):
    ActionItemFactory(item=_item(steering_group, days=-60), status=ActionStatus.DONE)
    ActionItemFactory(item=_item(steering_group, days=-30), status=ActionStatus.CANCELLED)
    meeting = MeetingFactory(body=steering_group, starts_at=timezone.now() + 10 * DAY)
    assert not queries.open_action_items_before(meeting, secretary).exists()


def test_the_agenda_leaves_out_action_items_from_later_meetings(secretary, steering_group):
    ActionItemFactory(item=_item(steering_group, days=40, status=MeetingStatus.PLANNED))
    meeting = MeetingFactory(body=steering_group, starts_at=timezone.now() + 10 * DAY)
    assert not queries.open_action_items_before(meeting, secretary).exists()


def test_the_agenda_leaves_out_action_items_of_other_bodies(secretary, steering_group):
    ActionItemFactory(item=_item(BodyFactory(), days=-60))
    meeting = MeetingFactory(body=steering_group, starts_at=timezone.now() + 10 * DAY)
    assert not queries.open_action_items_before(meeting, secretary).exists()


def test_the_owners_open_action_items_are_among_their_tasks(norddjurs, reader, reader_person):
    mine = ActionItemFactory(owner=reader_person, text="Opdatér porteføljen")
    tasks = list(task_providers.action_items(reader, norddjurs))
    assert [task.title for task in tasks] == ["Action item: Opdatér porteføljen"]
    assert tasks[0].due == mine.due_on
    assert tasks[0].url.endswith(f"/{mine.item.meeting_id}/#item-{mine.item_id}")


def test_done_action_items_and_those_of_others_are_not_among_the_tasks(
    norddjurs, reader, reader_person
):
    ActionItemFactory(owner=reader_person, status=ActionStatus.DONE)
    ActionItemFactory()
    assert list(task_providers.action_items(reader, norddjurs)) == []
