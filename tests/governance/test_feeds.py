"""Calendar feeds: making and revoking links, and the iCalendar file behind a link."""

import icalendar
import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from styrbord.core.models import Membership
from styrbord.core.services import changes
from styrbord.governance.models import CalendarFeed, Participant
from styrbord.governance.services import follow_up
from tests.factories import PersonFactory
from tests.governance.factories import AgendaItemFactory, BodyFactory, MeetingFactory

CLOSED_TITLE = "Lukket punkt om personale"
FEEDS = reverse("governance:feed_list", kwargs={"kommune": "norddjurs"})
CREATE = reverse("governance:feed_create", kwargs={"kommune": "norddjurs"})


def _feed_url(token: str) -> str:
    return reverse("calendar_feed", kwargs={"token": token})


def _make_feed(owner, **subject) -> tuple[CalendarFeed, str]:
    with scopes_disabled():
        return follow_up.create_feed(owner=owner, **subject)


def _events(response) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


@pytest.fixture
def meeting(steering_group):
    meeting = MeetingFactory(body=steering_group, place="Rådhuset", title="Strategiseminar")
    AgendaItemFactory(meeting=meeting, position=1, title="Åbent punkt om intranet")
    AgendaItemFactory(meeting=meeting, position=2, title=CLOSED_TITLE, is_closed=True)
    return meeting


def test_feed_pages_need_a_login(client, norddjurs):
    assert client.get(FEEDS).status_code == 302
    assert client.post(CREATE, {"calendar": "body-1"}).status_code == 302


def test_a_reader_makes_a_body_feed_and_sees_the_link_once(reader_client, reader, steering_group):
    response = reader_client.post(CREATE, {"calendar": f"body-{steering_group.pk}"})
    assert response.status_code == 200
    link = response.context["new_url"]
    assert link.startswith("http://testserver/kalender/") and link.endswith(".ics")
    assert link in response.content.decode()
    with scopes_disabled():
        assert CalendarFeed.objects.get(owner=reader).body == steering_group
    assert link not in reader_client.get(FEEDS).content.decode()


def test_a_reader_makes_a_feed_for_their_own_person(reader_client, reader, norddjurs):
    own = PersonFactory(municipality=norddjurs, user=reader)
    response = reader_client.post(CREATE, {"calendar": f"person-{own.pk}"})
    assert response.context["new_url"]
    with scopes_disabled():
        assert CalendarFeed.objects.get(owner=reader).person == own


def test_a_reader_cannot_make_a_feed_for_someone_else(reader_client, reader, norddjurs):
    someone = PersonFactory(municipality=norddjurs)
    response = reader_client.post(CREATE, {"calendar": f"person-{someone.pk}"})
    assert response.status_code == 200
    assert response.context["form"].errors
    with scopes_disabled():
        assert not CalendarFeed.objects.filter(owner=reader).exists()


def test_an_editor_may_make_a_feed_for_any_person(editor_client, editor, norddjurs):
    someone = PersonFactory(municipality=norddjurs)
    response = editor_client.post(CREATE, {"calendar": f"person-{someone.pk}"})
    assert response.context["new_url"]
    with scopes_disabled():
        assert CalendarFeed.objects.get(owner=editor).person == someone


def test_a_body_of_another_municipality_cannot_be_chosen(reader_client, reader, rebild):
    theirs = BodyFactory(municipality=rebild)
    response = reader_client.post(CREATE, {"calendar": f"body-{theirs.pk}"})
    assert response.context["form"].errors
    with scopes_disabled():
        assert not CalendarFeed.objects.filter(owner=reader).exists()


def test_a_user_revokes_their_feed(reader_client, reader, steering_group):
    feed, _token = _make_feed(reader, body=steering_group)
    url = reverse("governance:feed_revoke", kwargs={"kommune": "norddjurs", "pk": feed.pk})
    assert reader_client.post(url).status_code == 302
    with scopes_disabled():
        feed.refresh_from_db()
    assert feed.revoked_at is not None


def test_a_user_cannot_revoke_someone_elses_feed(reader_client, editor, steering_group):
    feed, _token = _make_feed(editor, body=steering_group)
    url = reverse("governance:feed_revoke", kwargs={"kommune": "norddjurs", "pk": feed.pk})
    assert reader_client.post(url).status_code == 404


def test_the_feed_works_without_a_login_and_lists_the_meetings(
    client, reader, steering_group, meeting
):
    _feed, token = _make_feed(reader, body=steering_group)
    response = client.get(_feed_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = _events(response)
    assert event["UID"] == f"meeting-{meeting.pk}@styrbord"
    assert event["SUMMARY"] == f"{steering_group.name}: Strategiseminar"
    assert event["LOCATION"] == "Rådhuset"
    assert event.decoded("DTSTART").tzinfo is not None
    assert event.decoded("DTEND") > event.decoded("DTSTART")
    assert f"/norddjurs/styring/moeder/{meeting.pk}/" in event["URL"]


def test_the_feed_never_contains_closed_items_even_for_a_member(
    client, secretary, steering_group, meeting
):
    _feed, token = _make_feed(secretary, body=steering_group)
    description = str(_events(client.get(_feed_url(token)))[0]["DESCRIPTION"])
    assert "Åbent punkt om intranet" in description
    assert CLOSED_TITLE not in description
    assert CLOSED_TITLE not in client.get(_feed_url(token)).content.decode()


def test_a_person_feed_lists_the_meetings_the_person_is_invited_to(
    client, reader, steering_group, meeting, norddjurs
):
    person = PersonFactory(municipality=norddjurs)
    MeetingFactory(body=steering_group)  # not invited
    with scopes_disabled():
        changes.create(
            Participant(municipality=norddjurs, meeting=meeting, person=person), actor=None
        )
    _feed, token = _make_feed(reader, person=person)
    [event] = _events(client.get(_feed_url(token)))
    assert event["UID"] == f"meeting-{meeting.pk}@styrbord"


def test_a_revoked_feed_gives_404(client, reader, steering_group):
    feed, token = _make_feed(reader, body=steering_group)
    with scopes_disabled():
        follow_up.revoke_feed(feed, actor=reader)
    assert client.get(_feed_url(token)).status_code == 404


def test_an_unknown_token_gives_404(client, db):
    assert client.get(_feed_url("not-a-real-token")).status_code == 404


def test_the_feed_gives_404_when_its_owner_lost_their_role(client, reader, steering_group):
    _feed, token = _make_feed(reader, body=steering_group)
    with scopes_disabled():
        Membership.objects.filter(user=reader).delete()
    assert client.get(_feed_url(token)).status_code == 404
