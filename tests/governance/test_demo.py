"""The governance demo: Norddjurs' bodies and history from the seeds, Rebild's forum.

The demo is loaded once for the module, in a transaction rolled back at the end, because
loading it (with planning two years) takes a few seconds.
"""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.models import ChangeLogEntry, Municipality, User
from styrbord.governance import policy, queries, task_providers
from styrbord.governance.demo.bodies import COVID, FORUM, STEERING
from styrbord.governance.models import AgendaItem, Body, Meeting, MeetingStatus


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def norddjurs(demo, db):
    place = Municipality.objects.get(code="0707")
    with scope(municipality=place):
        yield place


def test_norddjurs_has_the_bodies_the_seeds_name(norddjurs):
    names = set(Body.objects.values_list("name", flat=True))
    assert {
        "Kommunalbestyrelsen",
        "Direktionen",
        STEERING,
        "Den tværgående digitaliseringsprogramgruppe",
        "IT-sikkerhedsgruppen",
        "Informationssikkerhedsudvalget",
        "Tværgående koordineringsgruppe for økonomi",
        COVID,
        "Gruppe for bæredygtighed",
        "Gruppe for markedsføring",
        "Innovation og Digitalisering",
        "Project Board",
        "Projektgruppe for monopolbrud",
        "Projektgruppe for mobil- og bredbånd",
        "Projektgruppe for BRA/Smart",
    } <= names


def test_the_steering_group_is_chaired_by_tonny_olsen_with_the_demo_logins(norddjurs):
    steering = Body.objects.get(name=STEERING)
    chairs = queries.current_members(steering).filter(role="chair")
    assert [seat.person.name for seat in chairs] == ["Tonny Olsen"]
    assert policy.is_chair(User.objects.get(username="norddjurs-formand"), steering)
    assert policy.is_secretary(User.objects.get(username="norddjurs-redaktoer"), steering)


def test_the_covid_group_is_concluded_after_its_three_meetings(norddjurs):
    covid = Body.objects.get(name=COVID)
    days = [
        timezone.localtime(meeting.starts_at).date().isoformat()
        for meeting in covid.meetings.order_by("starts_at")
    ]
    assert days == ["2021-05-04", "2021-06-07", "2021-09-09"]
    assert covid.concluded_on.isoformat() == "2021-09-09"
    assert covid.closing_note


def test_the_decision_log_has_the_steering_groups_locked_decisions(norddjurs):
    decisions = queries.decisions(AnonymousUser()).filter(meeting__body__name=STEERING)
    assert decisions.filter(title__startswith="Schrems II").exists()
    assert all(item.meeting.is_locked for item in decisions)


def test_this_years_wheel_is_planned_with_agendas_from_the_wheel(norddjurs):
    coming = queries.meetings_in_year(timezone.localdate().year).filter(
        status__in=(MeetingStatus.PLANNED, MeetingStatus.AGENDA_PREPARATION),
        starts_at__gt=timezone.now(),
    )
    assert AgendaItem.objects.filter(meeting__in=coming, cycle_item__isnull=False).exists()


def test_the_next_steering_meeting_is_in_preparation_with_a_closed_item(norddjurs):
    meeting = (
        Meeting.objects.filter(body__name=STEERING, cycle_event__isnull=True)
        .filter(starts_at__gt=timezone.now())
        .earliest("starts_at")
    )
    assert meeting.status == MeetingStatus.AGENDA_PREPARATION
    assert meeting.items.filter(is_closed=True).exists()


def test_the_chair_finds_an_open_action_item_in_mine_opgaver(norddjurs):
    chair = User.objects.get(username="norddjurs-formand")
    assert list(task_providers.action_items(chair, norddjurs))


def test_rebild_has_its_forum_and_does_not_see_norddjurs_bodies(demo, db):
    with scope(municipality=Municipality.objects.get(code="0840")):
        assert list(Body.objects.values_list("name", flat=True)) == [FORUM]
        assert Meeting.objects.filter(body__name=FORUM).count() == 2


def test_loading_the_demo_twice_creates_nothing_new(demo, db):
    with scopes_disabled():
        before = (Body.objects.count(), Meeting.objects.count(), ChangeLogEntry.objects.count())
        call_command("demo", stdout=io.StringIO())
        after = (Body.objects.count(), Meeting.objects.count(), ChangeLogEntry.objects.count())
    assert before == after
