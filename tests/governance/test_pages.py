"""The governance pages: what each user sees, what bad input gives, and how many queries
the lists cost."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.models import Person
from styrbord.core.services import changes
from styrbord.governance.models import Body, ItemLink, MeetingStatus
from tests.factories import PersonFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)

N = "/norddjurs/styring/"


def test_a_new_body_with_errors_keeps_what_was_typed(editor_client):
    response = editor_client.post(
        f"{N}organer/ny/",
        {"name": "Programgruppen", "kind": "", "cadence": "quarterly", "agenda_lead_days": "abc"},
    )
    assert response.status_code == 200
    assert 'value="Programgruppen"' in response.content.decode()
    assert "kind_error" in response.content.decode()
    with scopes_disabled():
        assert not Body.objects.filter(name="Programgruppen").exists()


def test_an_editor_creates_a_body_and_lands_on_its_page(editor_client):
    response = editor_client.post(
        f"{N}organer/ny/",
        {
            "name": "Programgruppen",
            "kind": "programme_group",
            "cadence": "quarterly",
            "agenda_lead_days": "5",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert response.context["body"].name == "Programgruppen"


def test_a_reader_cannot_open_the_new_body_form(reader_client):
    assert reader_client.get(f"{N}organer/ny/").status_code == 403


def test_the_meeting_page_offers_the_secretary_her_next_step(secretary_client, steering_group):
    meeting = MeetingFactory(body=steering_group)
    page = secretary_client.get(f"{N}moeder/{meeting.pk}/").content.decode()
    assert "trin/forbered/" in page


def test_the_meeting_page_offers_an_editor_without_a_seat_no_step(editor_client, steering_group):
    meeting = MeetingFactory(body=steering_group)
    page = editor_client.get(f"{N}moeder/{meeting.pk}/").content.decode()
    assert "/trin/" not in page


def test_a_step_out_of_order_is_refused_with_the_reason(secretary_client, steering_group):
    meeting = MeetingFactory(body=steering_group)
    response = secretary_client.post(
        f"{N}moeder/{meeting.pk}/trin/send-dagsorden/", {"version": meeting.version}, follow=True
    )
    assert "cannot be sent before the chair has approved it" in response.content.decode() or (
        "kan ikke udsendes" in response.content.decode()
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_a_reader_never_sees_a_closed_item_on_the_meeting_page(reader_client, steering_group):
    meeting = MeetingFactory(body=steering_group)
    AgendaItemFactory(meeting=meeting, title="Åbent punkt")
    AgendaItemFactory(meeting=meeting, title="Fortroligt punkt", is_closed=True)
    page = reader_client.get(f"{N}moeder/{meeting.pk}/").content.decode()
    assert "Åbent punkt" in page
    assert "Fortroligt punkt" not in page


def test_a_member_sees_the_closed_item(secretary_client, steering_group):
    meeting = MeetingFactory(body=steering_group)
    AgendaItemFactory(meeting=meeting, title="Fortroligt punkt", is_closed=True)
    assert "Fortroligt punkt" in secretary_client.get(f"{N}moeder/{meeting.pk}/").content.decode()


def test_markdown_in_an_item_cannot_inject_script(reader_client, steering_group):
    meeting = MeetingFactory(body=steering_group)
    AgendaItemFactory(
        meeting=meeting,
        background='**Fed** <script>alert("x")</script> <a href="javascript:x()">l</a>',
    )
    page = reader_client.get(f"{N}moeder/{meeting.pk}/").content.decode()
    assert "<strong>Fed</strong>" in page
    assert '<script>alert("x")' not in page
    assert "javascript:" not in page


def test_a_wrong_attachment_is_refused_next_to_the_field(secretary_client, steering_group):
    item = AgendaItemFactory(meeting=MeetingFactory(body=steering_group))
    response = secretary_client.post(
        f"{N}punkter/{item.pk}/bilag/ny/",
        {"file": SimpleUploadedFile("program.exe", b"MZ\x90\x00")},
    )
    assert response.status_code == 200
    assert "id_file_error" in response.content.decode()
    with scopes_disabled():
        assert not item.attachments.exists()


def test_an_attachment_is_served_to_viewers_of_its_item(secretary_client, steering_group):
    item = AgendaItemFactory(meeting=MeetingFactory(body=steering_group))
    secretary_client.post(
        f"{N}punkter/{item.pk}/bilag/ny/",
        {"file": SimpleUploadedFile("notat.pdf", b"%PDF-1.4 notat")},
    )
    with scopes_disabled():
        attachment = item.attachments.get()
    response = secretary_client.get(f"{N}bilag/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 notat"
    assert response["Content-Disposition"].startswith('attachment; filename="notat.pdf"')


def test_a_closed_items_attachment_is_not_found_for_a_reader(
    client, reader, secretary, steering_group
):
    item = AgendaItemFactory(meeting=MeetingFactory(body=steering_group), is_closed=True)
    client.force_login(secretary)
    client.post(
        f"{N}punkter/{item.pk}/bilag/ny/",
        {"file": SimpleUploadedFile("notat.pdf", b"%PDF-1.4 notat")},
    )
    with scopes_disabled():
        attachment = item.attachments.get()
    client.force_login(reader)
    assert client.get(f"{N}bilag/{attachment.pk}/").status_code == 404


def test_a_persons_page_lists_their_memberships_past_and_present(editor_client, steering_group):
    person = PersonFactory(name="Søs Fuglsang")
    BodyMembershipFactory(
        body=steering_group,
        person=person,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 1, 1),
    )
    other = BodyFactory(name="IT-sikkerhedsgruppen")
    BodyMembershipFactory(body=other, person=person)
    page = editor_client.get(f"/norddjurs/personer/{person.pk}/").content.decode()
    assert "Digitaliseringsstyregruppen" in page
    assert "IT-sikkerhedsgruppen" in page


def test_an_owners_open_action_item_is_in_mine_opgaver(client, secretary, steering_group):
    with scopes_disabled():
        owner = Person.objects.get(user=secretary)
    ActionItemFactory(
        item=AgendaItemFactory(meeting=MeetingFactory(body=steering_group)),
        owner=owner,
        text="Indhente tilbud på webinarløsning",
    )
    client.force_login(secretary)
    assert "Indhente tilbud på webinarløsning" in client.get("/norddjurs/").content.decode()


@pytest.fixture
def many_meetings(steering_group):
    for number in range(12):
        body = BodyFactory(name=f"Projektgruppe {number}", reports_to=steering_group)
        BodyMembershipFactory(body=body)
        meeting = MeetingFactory(
            body=body, starts_at=timezone.now() - datetime.timedelta(days=number + 1)
        )
        item = AgendaItemFactory(meeting=meeting, outcome="approved", decision="Godkendt.")
        ActionItemFactory(item=item)


@pytest.mark.parametrize(
    "path, most",
    [("", 10), ("moeder/", 10), ("beslutninger/", 10), ("opfoelgning/", 10)],
)
def test_lists_cost_a_bounded_number_of_queries(
    editor_client, many_meetings, django_assert_max_num_queries, path, most
):
    editor_client.get(f"{N}{path}")  # warm-up: session, roles, content types
    with django_assert_max_num_queries(most):
        assert editor_client.get(f"{N}{path}").status_code == 200


def test_the_meeting_page_costs_a_bounded_number_of_queries(
    secretary_client, steering_group, django_assert_max_num_queries
):
    meeting = MeetingFactory(body=steering_group)
    for _number in range(15):
        ActionItemFactory(item=AgendaItemFactory(meeting=meeting))
    secretary_client.get(f"{N}moeder/{meeting.pk}/")
    with django_assert_max_num_queries(25):
        assert secretary_client.get(f"{N}moeder/{meeting.pk}/").status_code == 200


def test_links_on_the_meeting_page_cost_no_query_each(
    secretary_client, steering_group, django_assert_max_num_queries
):
    meeting = MeetingFactory(body=steering_group)
    with scopes_disabled():
        for number in range(10):
            item = AgendaItemFactory(meeting=meeting)
            target = BodyFactory(name=f"Projektgruppe {number}")
            changes.create(
                ItemLink(municipality=item.municipality, item=item, target=target), actor=None
            )
    secretary_client.get(f"{N}moeder/{meeting.pk}/")
    with django_assert_max_num_queries(25):
        page = secretary_client.get(f"{N}moeder/{meeting.pk}/").content.decode()
    assert f"{N}organer/{target.pk}/" in page
