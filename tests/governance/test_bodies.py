"""Bodies and their memberships: every write logged, reporting lines without cycles, one
seat per person at a time, and nothing from another municipality."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from styrbord.core import queries as core_queries
from styrbord.core.models import ChangeAction
from styrbord.core.services.changes import StaleEdit
from styrbord.governance import queries
from styrbord.governance.models import BodyKind, MemberRole
from styrbord.governance.services import bodies
from tests.factories import OrgUnitFactory, PersonFactory
from tests.governance.factories import BodyFactory, BodyMembershipFactory

pytestmark = pytest.mark.usefixtures("in_scope")


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English source texts, whatever the Danish catalogue says."""
    with translation.override("en"):
        yield


TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def test_creating_a_body_records_a_change_log_entry(norddjurs, editor):
    body = bodies.create_body(
        municipality=norddjurs,
        actor=editor,
        kind=BodyKind.PROGRAMME_GROUP,
        name="Programgruppen",
    )
    entry = core_queries.history_of(body).get()
    assert entry.action == ChangeAction.CREATE
    assert entry.actor == editor
    assert entry.after["name"] == "Programgruppen"


def test_updating_a_body_records_the_change_before_and_after(editor, steering_group):
    bodies.update_body(steering_group, actor=editor, expected_version=1, usual_place="Mødelokale 1")
    entry = core_queries.history_of(steering_group).first()
    assert entry.action == ChangeAction.UPDATE
    assert entry.before == {"usual_place": ""}
    assert entry.after == {"usual_place": "Mødelokale 1"}


def test_a_body_cannot_report_to_itself(editor, steering_group):
    with pytest.raises(ValidationError) as refused:
        bodies.update_body(
            steering_group, actor=editor, expected_version=1, reports_to=steering_group
        )
    assert "reports_to" in refused.value.message_dict


def test_a_body_cannot_report_to_a_body_that_reports_to_it(editor, steering_group):
    programme = BodyFactory(reports_to=steering_group)
    with pytest.raises(ValidationError) as refused:
        bodies.update_body(steering_group, actor=editor, expected_version=1, reports_to=programme)
    assert "reports_to" in refused.value.message_dict


def test_a_body_cannot_report_to_a_body_that_reports_to_it_indirectly(editor, steering_group):
    programme = BodyFactory(reports_to=steering_group)
    project = BodyFactory(reports_to=programme)
    with pytest.raises(ValidationError) as refused:
        bodies.update_body(steering_group, actor=editor, expected_version=1, reports_to=project)
    assert "reports_to" in refused.value.message_dict


def test_a_body_can_report_to_another_body(editor, steering_group):
    programme = BodyFactory()
    programme = bodies.update_body(
        programme, actor=editor, expected_version=1, reports_to=steering_group
    )
    assert programme.reports_to == steering_group


def test_creating_a_body_reporting_to_another_municipalitys_body_is_refused(
    norddjurs, rebild, editor
):
    foreign = BodyFactory(municipality=rebild)
    with pytest.raises(ValidationError) as refused:
        bodies.create_body(
            municipality=norddjurs,
            actor=editor,
            kind=BodyKind.PROJECT_GROUP,
            name="Projektgruppe",
            reports_to=foreign,
        )
    assert "reports_to" in refused.value.message_dict


def test_reporting_to_another_municipalitys_body_is_refused_on_update(
    rebild, editor, steering_group
):
    foreign = BodyFactory(municipality=rebild)
    with pytest.raises(ValidationError) as refused:
        bodies.update_body(steering_group, actor=editor, expected_version=1, reports_to=foreign)
    assert "reports_to" in refused.value.message_dict


def test_concluding_a_body_needs_a_closing_note(editor, steering_group):
    with pytest.raises(ValidationError) as refused:
        bodies.conclude_body(
            steering_group, actor=editor, expected_version=1, concluded_on=TODAY, closing_note=" "
        )
    assert "closing_note" in refused.value.message_dict


def test_a_concluded_body_is_no_longer_active(editor, steering_group):
    body = bodies.conclude_body(
        steering_group,
        actor=editor,
        expected_version=1,
        concluded_on=TODAY,
        closing_note="Opgaven er løst.",
    )
    assert not body.is_active
    assert body.closing_note == "Opgaven er løst."


def test_an_edit_based_on_a_stale_version_is_refused(editor, steering_group):
    bodies.update_body(steering_group, actor=editor, expected_version=1, purpose="Først")
    with pytest.raises(StaleEdit):
        bodies.update_body(steering_group, actor=editor, expected_version=1, purpose="Senere")


def test_an_overlapping_seat_for_the_same_person_is_refused_with_a_message(editor, steering_group):
    person = PersonFactory(name="Anne Andersen")
    bodies.add_member(body=steering_group, person=person, actor=editor, starts_on=TODAY - 30 * DAY)
    with pytest.raises(ValidationError) as refused:
        bodies.add_member(
            body=steering_group,
            person=person,
            actor=editor,
            role=MemberRole.CHAIR,
            starts_on=TODAY,
        )
    assert "Anne Andersen already has a seat" in refused.value.message_dict["starts_on"][0]


def test_a_new_seat_after_the_earlier_one_ended_is_allowed(editor, steering_group):
    person = PersonFactory()
    bodies.add_member(
        body=steering_group,
        person=person,
        actor=editor,
        starts_on=TODAY - 30 * DAY,
        ends_on=TODAY - DAY,
    )
    seat = bodies.add_member(
        body=steering_group, person=person, actor=editor, role=MemberRole.CHAIR, starts_on=TODAY
    )
    assert seat.role == MemberRole.CHAIR


def test_moving_a_seat_into_another_seats_period_is_refused(editor, steering_group):
    person = PersonFactory()
    BodyMembershipFactory(
        body=steering_group, person=person, starts_on=TODAY - 60 * DAY, ends_on=TODAY - 31 * DAY
    )
    later = BodyMembershipFactory(body=steering_group, person=person, starts_on=TODAY)
    with pytest.raises(ValidationError):
        bodies.update_membership(
            later, actor=editor, expected_version=1, starts_on=TODAY - 40 * DAY
        )


def test_a_membership_cannot_end_before_it_starts(editor, steering_group):
    with pytest.raises(ValidationError) as refused:
        bodies.add_member(
            body=steering_group,
            person=PersonFactory(),
            actor=editor,
            starts_on=TODAY,
            ends_on=TODAY - DAY,
        )
    assert "ends_on" in refused.value.message_dict


def test_representing_another_municipalitys_unit_is_refused(rebild, editor, steering_group):
    with scopes_disabled():
        foreign_unit = OrgUnitFactory(municipality=rebild)
    with pytest.raises(ValidationError) as refused:
        bodies.add_member(
            body=steering_group, person=PersonFactory(), actor=editor, represents=foreign_unit
        )
    assert "represents" in refused.value.message_dict


def test_a_seat_from_another_municipality_is_refused(rebild, editor, steering_group):
    with pytest.raises(ValidationError) as refused:
        bodies.add_member(
            body=steering_group, person=PersonFactory(municipality=rebild), actor=editor
        )
    assert "person" in refused.value.message_dict


def test_a_current_seat_is_listed_among_current_members(editor, steering_group):
    seat = bodies.add_member(
        body=steering_group, person=PersonFactory(), actor=editor, starts_on=TODAY - 10 * DAY
    )
    assert seat in queries.current_members(steering_group)
    assert seat not in queries.past_members(steering_group)


def test_an_ended_seat_is_listed_among_past_members(editor, steering_group):
    seat = bodies.add_member(
        body=steering_group, person=PersonFactory(), actor=editor, starts_on=TODAY - 10 * DAY
    )
    bodies.end_membership(seat, actor=editor, expected_version=1, ends_on=TODAY - DAY)
    assert seat not in queries.current_members(steering_group)
    assert seat in queries.past_members(steering_group)


def test_a_seat_ending_today_is_still_current(editor, steering_group):
    seat = BodyMembershipFactory(body=steering_group, starts_on=TODAY - 10 * DAY, ends_on=TODAY)
    assert seat in queries.current_members(steering_group)


def test_a_seat_starting_later_is_neither_current_nor_past(steering_group):
    seat = BodyMembershipFactory(body=steering_group, starts_on=TODAY + 10 * DAY)
    assert seat not in queries.current_members(steering_group)
    assert seat not in queries.past_members(steering_group)
