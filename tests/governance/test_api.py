"""The governance API: scoped, token-authenticated, through the services and their policy;
closed agenda items never reach a non-member."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core import queries as core_queries
from styrbord.core.models import Role
from styrbord.core.services.users import create_api_token
from styrbord.governance.models import (
    ActionStatus,
    Body,
    BodyMembership,
    MeetingStatus,
    MemberRole,
    Outcome,
)
from styrbord.governance.services import items
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)

API = "/api/norddjurs/styring"
S = MeetingStatus
DAY = datetime.timedelta(days=1)


def token_client(user, municipality, can_write: bool = True) -> Client:
    _token, key = create_api_token(
        user=user, municipality=municipality, name="Test", can_write=can_write
    )
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def post(client: Client, url: str, data: dict | None = None):
    return client.post(url, data or {}, content_type="application/json")


def patch(client: Client, url: str, data: dict):
    return client.patch(url, data, content_type="application/json")


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def editor_api(editor, norddjurs):
    return token_client(editor, norddjurs)


@pytest.fixture
def reader_api(reader, norddjurs):
    return token_client(reader, norddjurs)


@pytest.fixture
def secretary_api(secretary, norddjurs):
    return token_client(secretary, norddjurs)


@pytest.fixture
def chair_api(chair, norddjurs):
    return token_client(chair, norddjurs)


@pytest.fixture
def member_reader(steering_group, norddjurs):
    """A reader of the municipality with an ordinary seat in the steering group."""
    user = UserFactory(username="medlem")
    MembershipFactory(user=user, municipality=norddjurs, role=Role.READER)
    person = PersonFactory(municipality=norddjurs, user=user)
    BodyMembershipFactory(body=steering_group, person=person, role=MemberRole.MEMBER)
    return user


@pytest.fixture
def closed_item(steering_group):
    meeting = MeetingFactory(
        body=steering_group, starts_at=timezone.now() - 7 * DAY, status=S.MINUTES_APPROVED
    )
    return AgendaItemFactory(
        meeting=meeting,
        title="Personalesag",
        is_closed=True,
        decision="Drøftet.",
        outcome=Outcome.NOTED,
    )


@pytest.fixture
def open_item(closed_item):
    return AgendaItemFactory(
        meeting=closed_item.meeting,
        title="Borgerblikket",
        decision="Godkendt.",
        outcome=Outcome.APPROVED,
    )


# --- bodies ---


def test_bodies_are_listed_and_filtered_by_search_and_state(editor_api, norddjurs):
    BodyFactory(name="Programgruppen")
    BodyFactory(name="Covid-19-gruppen", concluded_on="2021-10-01", closing_note="Afsluttet.")
    assert len(ids(editor_api.get(f"{API}/bodies/"))) == 2
    found = editor_api.get(f"{API}/bodies/", {"q": "covid"}).json()["results"]
    assert [body["name"] for body in found] == ["Covid-19-gruppen"]
    assert found[0]["is_active"] is False
    active = editor_api.get(f"{API}/bodies/", {"state": "active"}).json()["results"]
    assert [body["name"] for body in active] == ["Programgruppen"]


def test_a_body_created_through_the_api_is_change_logged(editor_api, editor, norddjurs):
    parent = BodyFactory(name="Direktionen")
    response = post(
        editor_api,
        f"{API}/bodies/",
        {"kind": "programme_group", "name": "Programgruppen", "reports_to": parent.pk},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["reports_to"] == parent.pk
    with scope(municipality=norddjurs):
        body = Body.objects.get(pk=response.json()["id"])
        assert core_queries.history_of(body).get().actor == editor


def test_a_body_reporting_to_another_municipalitys_body_is_400(editor_api, rebild):
    foreign = BodyFactory(municipality=rebild, name="Digitaliseringsforum")
    response = post(
        editor_api,
        f"{API}/bodies/",
        {"kind": "project_group", "name": "Ny gruppe", "reports_to": foreign.pk},
    )
    assert response.status_code == 400
    assert "reports_to" in response.json()


def test_a_stale_body_update_is_answered_409_and_changes_nothing(editor_api):
    body = BodyFactory(name="Styregruppen")
    url = f"{API}/bodies/{body.pk}/"
    assert patch(editor_api, url, {"purpose": "Første", "version": 1}).status_code == 200
    second = patch(editor_api, url, {"purpose": "Anden", "version": 1})
    assert second.status_code == 409
    assert second.json()["changed_fields"] == ["purpose"]
    assert editor_api.get(url).json()["purpose"] == "Første"


def test_a_body_is_concluded_with_a_closing_note(editor_api):
    body = BodyFactory(name="Covid-19-gruppen")
    response = post(
        editor_api,
        f"{API}/bodies/{body.pk}/conclude/",
        {"concluded_on": "2021-10-01", "closing_note": "Opgaven er løst.", "version": 1},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["is_active"] is False
    assert response.json()["closing_note"] == "Opgaven er løst."


def test_concluding_without_a_closing_note_is_400_with_the_field(editor_api):
    body = BodyFactory()
    response = post(
        editor_api,
        f"{API}/bodies/{body.pk}/conclude/",
        {"concluded_on": "2021-10-01", "closing_note": " ", "version": 1},
    )
    assert response.status_code == 400
    assert "closing_note" in response.json()


# --- memberships ---


def test_memberships_are_filtered_to_the_current_seats_of_a_body(editor_api, steering_group):
    today = timezone.localdate()
    seated = BodyMembershipFactory(body=steering_group)
    BodyMembershipFactory(body=steering_group, starts_on=today - 90 * DAY, ends_on=today - DAY)
    BodyMembershipFactory()
    found = ids(
        editor_api.get(f"{API}/memberships/", {"body": steering_group.pk, "current": "true"})
    )
    assert found == [seated.pk]


def test_a_membership_ending_before_it_starts_is_400(editor_api, steering_group):
    person = PersonFactory()
    response = post(
        editor_api,
        f"{API}/memberships/",
        {
            "body": steering_group.pk,
            "person": person.pk,
            "starts_on": "2024-05-01",
            "ends_on": "2024-04-01",
        },
    )
    assert response.status_code == 400
    assert "ends_on" in response.json()


def test_a_seat_is_ended_with_a_date(editor_api, steering_group, norddjurs):
    seat = BodyMembershipFactory(body=steering_group)
    ends_on = timezone.localdate() - DAY
    response = post(
        editor_api,
        f"{API}/memberships/{seat.pk}/end/",
        {"ends_on": ends_on.isoformat(), "version": 1},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["is_current"] is False
    with scope(municipality=norddjurs):
        assert BodyMembership.objects.get(pk=seat.pk).ends_on == ends_on


# --- meetings and their workflow ---


def _meeting_with_item(secretary_api, body) -> tuple[str, int]:
    starts = (timezone.now() + 30 * DAY).isoformat()
    meeting = post(secretary_api, f"{API}/meetings/", {"body": body.pk, "starts_at": starts})
    assert meeting.status_code == 201, meeting.json()
    item = post(
        secretary_api,
        f"{API}/agenda-items/",
        {"meeting": meeting.json()["id"], "title": "Porteføljen", "kind": "decision"},
    )
    assert item.status_code == 201, item.json()
    return f"{API}/meetings/{meeting.json()['id']}/", meeting.json()["version"]


def test_the_agenda_is_submitted_approved_by_the_chair_and_sent(
    secretary_api, chair_api, chair, steering_group
):
    url, version = _meeting_with_item(secretary_api, steering_group)
    submitted = post(secretary_api, f"{url}submit-agenda/", {"version": version})
    assert submitted.json()["status"] == S.AGENDA_AWAITING_APPROVAL
    approved = post(chair_api, f"{url}approve-agenda/", {"version": submitted.json()["version"]})
    assert approved.status_code == 200, approved.json()
    assert approved.json()["agenda_approved_by"] == str(chair)
    sent = post(secretary_api, f"{url}send-agenda/", {"version": approved.json()["version"]})
    assert sent.status_code == 200, sent.json()
    assert sent.json()["status"] == S.AGENDA_SENT


def test_approving_the_agenda_without_being_chair_is_403_with_the_reason(
    secretary_api, steering_group
):
    url, version = _meeting_with_item(secretary_api, steering_group)
    submitted = post(secretary_api, f"{url}submit-agenda/", {"version": version})
    response = post(
        secretary_api, f"{url}approve-agenda/", {"version": submitted.json()["version"]}
    )
    assert response.status_code == 403
    assert "formanden" in response.json()["detail"]


def test_sending_an_unapproved_agenda_is_400_with_the_reason(secretary_api, steering_group):
    url, version = _meeting_with_item(secretary_api, steering_group)
    response = post(secretary_api, f"{url}send-agenda/", {"version": version})
    assert response.status_code == 400
    assert "før formanden har godkendt" in response.json()["non_field_errors"][0]


def test_a_workflow_step_without_a_version_is_400(secretary_api, steering_group):
    url, _version = _meeting_with_item(secretary_api, steering_group)
    response = post(secretary_api, f"{url}submit-agenda/")
    assert response.status_code == 400
    assert "version" in response.json()


def test_a_workflow_step_on_a_stale_version_is_409(secretary_api, steering_group):
    url, version = _meeting_with_item(secretary_api, steering_group)
    assert post(secretary_api, f"{url}start-preparation/", {"version": version}).status_code == 200
    response = post(secretary_api, f"{url}submit-agenda/", {"version": version})
    assert response.status_code == 409


def test_returning_the_agenda_needs_a_note(secretary_api, chair_api, steering_group):
    url, version = _meeting_with_item(secretary_api, steering_group)
    submitted = post(secretary_api, f"{url}submit-agenda/", {"version": version})
    response = post(
        chair_api, f"{url}return-agenda/", {"version": submitted.json()["version"], "note": ""}
    )
    assert response.status_code == 400
    assert "note" in response.json()


def test_a_protocol_note_is_added_to_approved_minutes(chair_api, steering_group):
    meeting = MeetingFactory(body=steering_group, status=S.MINUTES_APPROVED)
    response = post(
        chair_api, f"{API}/meetings/{meeting.pk}/protocol-notes/", {"text": "Rettelse."}
    )
    assert response.status_code == 201, response.json()
    listed = chair_api.get(f"{API}/meetings/{meeting.pk}/").json()["protocol_notes"]
    assert [note["text"] for note in listed] == ["Rettelse."]


def test_meetings_are_filtered_by_body_and_year(editor_api, steering_group):
    this_year = MeetingFactory(body=steering_group, starts_at=timezone.now())
    MeetingFactory(body=steering_group, starts_at=timezone.now() - 400 * DAY)
    MeetingFactory(starts_at=timezone.now())
    year = timezone.localtime(this_year.starts_at).year
    found = ids(editor_api.get(f"{API}/meetings/", {"body": steering_group.pk, "year": year}))
    assert found == [this_year.pk]


# --- agenda items, decisions and action items ---


def test_a_decision_is_recorded_and_shows_in_the_decision_log(secretary_api, steering_group):
    meeting = MeetingFactory(body=steering_group, starts_at=timezone.now() - DAY, status=S.HELD)
    item = AgendaItemFactory(meeting=meeting, title="Office 365")
    response = post(
        secretary_api,
        f"{API}/agenda-items/{item.pk}/decision/",
        {"decision": "Godkendt.", "outcome": Outcome.APPROVED, "version": 1},
    )
    assert response.status_code == 200, response.json()
    log = secretary_api.get(f"{API}/decisions/", {"outcome": Outcome.APPROVED}).json()
    assert [entry["title"] for entry in log["results"]] == ["Office 365"]


def test_moving_an_item_renumbers_the_agenda(secretary_api, steering_group):
    meeting = MeetingFactory(body=steering_group)
    first = AgendaItemFactory(meeting=meeting, position=1)
    second = AgendaItemFactory(meeting=meeting, position=2)
    response = post(secretary_api, f"{API}/agenda-items/{second.pk}/move/", {"offset": -1})
    assert response.status_code == 200, response.json()
    assert ids(secretary_api.get(f"{API}/agenda-items/", {"meeting": meeting.pk})) == [
        second.pk,
        first.pk,
    ]


def test_the_secretary_deletes_an_item_of_an_open_agenda(secretary_api, steering_group):
    item = AgendaItemFactory(meeting=MeetingFactory(body=steering_group))
    assert secretary_api.delete(f"{API}/agenda-items/{item.pk}/").status_code == 204
    assert secretary_api.get(f"{API}/agenda-items/{item.pk}/").status_code == 404


def test_an_editor_without_a_seat_cannot_add_items_403(editor_api, steering_group):
    meeting = MeetingFactory(body=steering_group)
    response = post(editor_api, f"{API}/agenda-items/", {"meeting": meeting.pk, "title": "X"})
    assert response.status_code == 403


def test_closing_an_action_item_sets_its_completion_date(editor_api, open_item):
    action = ActionItemFactory(item=open_item)
    response = patch(
        editor_api,
        f"{API}/action-items/{action.pk}/",
        {"status": ActionStatus.DONE, "version": 1},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["completed_on"] == timezone.localdate().isoformat()


def test_overdue_action_items_are_filtered(editor_api, open_item):
    late = ActionItemFactory(item=open_item, due_on=timezone.localdate() - DAY)
    ActionItemFactory(item=open_item)
    ActionItemFactory(item=open_item, due_on=timezone.localdate() - DAY, status="done")
    assert ids(editor_api.get(f"{API}/action-items/", {"overdue": "true"})) == [late.pk]


def test_the_secretary_adds_an_action_item(secretary_api, steering_group):
    item = AgendaItemFactory(meeting=MeetingFactory(body=steering_group, status=S.HELD))
    owner = PersonFactory()
    response = post(
        secretary_api,
        f"{API}/action-items/",
        {"item": item.pk, "text": "Udarbejd business case", "owner": owner.pk},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == ActionStatus.OPEN


@pytest.fixture
def private_dir(tmp_path):
    """Where the root conftest puts private uploads for this test."""
    return tmp_path / "private"


def test_attachments_are_listed_with_the_apps_download_address(
    private_dir, secretary, secretary_api, steering_group, norddjurs
):
    item = AgendaItemFactory(meeting=MeetingFactory(body=steering_group))
    upload = SimpleUploadedFile("bilag.png", b"\x89PNG\r\n\x1a\n" + b"0" * 10, "image/png")
    with scope(municipality=norddjurs):
        attachment = items.add_attachment(item=item, actor=secretary, upload=upload)
    listed = secretary_api.get(f"{API}/agenda-items/{item.pk}/").json()["attachments"]
    assert listed == [
        {
            "id": attachment.pk,
            "name": "bilag.png",
            "size": 18,
            "content_type": "image/png",
            "download_url": f"http://testserver/norddjurs/styring/bilag/{attachment.pk}/",
        }
    ]


# --- closed items ---


def test_a_reader_never_sees_closed_items_in_the_lists(reader_api, closed_item, open_item):
    ActionItemFactory(item=closed_item)
    visible = ActionItemFactory(item=open_item)
    assert ids(reader_api.get(f"{API}/agenda-items/")) == [open_item.pk]
    assert ids(reader_api.get(f"{API}/decisions/")) == [open_item.pk]
    assert ids(reader_api.get(f"{API}/action-items/")) == [visible.pk]


def test_a_closed_item_is_404_to_a_reader(reader_api, closed_item):
    action = ActionItemFactory(item=closed_item)
    assert reader_api.get(f"{API}/agenda-items/{closed_item.pk}/").status_code == 404
    assert reader_api.get(f"{API}/decisions/{closed_item.pk}/").status_code == 404
    assert reader_api.get(f"{API}/action-items/{action.pk}/").status_code == 404


def test_members_see_closed_items(norddjurs, member_reader, closed_item, open_item):
    member_api = token_client(member_reader, norddjurs, can_write=False)
    ActionItemFactory(item=closed_item)
    assert set(ids(member_api.get(f"{API}/agenda-items/"))) == {closed_item.pk, open_item.pk}
    assert set(ids(member_api.get(f"{API}/decisions/"))) == {closed_item.pk, open_item.pk}
    assert len(ids(member_api.get(f"{API}/action-items/"))) == 1
    assert member_api.get(f"{API}/agenda-items/{closed_item.pk}/").status_code == 200


def test_an_action_item_on_a_closed_item_of_another_body_is_400(secretary_api, rebild):
    other_body = BodyFactory(name="Programgruppen")
    meeting = MeetingFactory(body=other_body, status=S.HELD)
    hidden = AgendaItemFactory(meeting=meeting, is_closed=True)
    response = post(
        secretary_api,
        f"{API}/action-items/",
        {"item": hidden.pk, "text": "Opfølgning", "owner": PersonFactory().pk},
    )
    assert response.status_code == 400
    assert "item" in response.json()


# --- roles, tokens and tenancy ---


def test_a_reader_cannot_write(reader_api, steering_group):
    assert reader_api.get(f"{API}/bodies/").status_code == 200
    response = post(reader_api, f"{API}/bodies/", {"kind": "other", "name": "X"})
    assert response.status_code == 403
    meeting = MeetingFactory(body=steering_group)
    assert (
        post(reader_api, f"{API}/meetings/{meeting.pk}/submit-agenda/", {"version": 1}).status_code
        == 403
    )


def test_a_read_only_token_of_the_secretary_cannot_take_a_step(
    secretary, norddjurs, steering_group
):
    client = token_client(secretary, norddjurs, can_write=False)
    meeting = MeetingFactory(body=steering_group)
    assert client.get(f"{API}/meetings/{meeting.pk}/").status_code == 200
    response = post(client, f"{API}/meetings/{meeting.pk}/start-preparation/", {"version": 1})
    assert response.status_code == 403


def test_an_anonymous_request_is_refused(client, norddjurs):
    assert client.get(f"{API}/bodies/").status_code in {401, 403}


def test_a_token_is_refused_under_another_municipality(editor, norddjurs, rebild):
    client = token_client(editor, norddjurs)
    assert client.get("/api/rebild/styring/bodies/").status_code in {401, 403}


def test_another_municipalitys_ids_are_404(editor_api, rebild):
    body = BodyFactory(municipality=rebild)
    seat = BodyMembershipFactory(body=body)
    meeting = MeetingFactory(body=body)
    item = AgendaItemFactory(meeting=meeting, outcome=Outcome.APPROVED)
    action = ActionItemFactory(item=item)
    for url in [
        f"{API}/bodies/{body.pk}/",
        f"{API}/memberships/{seat.pk}/",
        f"{API}/meetings/{meeting.pk}/",
        f"{API}/agenda-items/{item.pk}/",
        f"{API}/decisions/{item.pk}/",
        f"{API}/action-items/{action.pk}/",
    ]:
        assert editor_api.get(url).status_code == 404, url
    assert (
        post(
            editor_api, f"{API}/meetings/{meeting.pk}/start-preparation/", {"version": 1}
        ).status_code
        == 404
    )


def test_a_meeting_cannot_be_planned_for_another_municipalitys_body(editor_api, rebild):
    body = BodyFactory(municipality=rebild)
    response = post(
        editor_api,
        f"{API}/meetings/",
        {"body": body.pk, "starts_at": (timezone.now() + DAY).isoformat()},
    )
    assert response.status_code == 400
    assert "body" in response.json()


# --- query counts ---


@pytest.fixture
def busy_year(steering_group, secretary):
    with scopes_disabled():
        for n in range(6):
            meeting = MeetingFactory(
                body=BodyFactory(reports_to=steering_group) if n % 2 else steering_group,
                status=S.MINUTES_APPROVED,
                starts_at=timezone.now() - (n + 1) * 30 * DAY,
            )
            for closed in (False, True):
                item = AgendaItemFactory(meeting=meeting, is_closed=closed, outcome=Outcome.NOTED)
                ActionItemFactory(item=item)


@pytest.mark.parametrize(
    "path", ["meetings/", "agenda-items/", "decisions/", "action-items/", "bodies/", "memberships/"]
)
def test_list_query_count_is_bounded(secretary_api, busy_year, path, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = secretary_api.get(f"{API}/{path}")
    assert response.status_code == 200
    assert response.json()["count"] >= 1
