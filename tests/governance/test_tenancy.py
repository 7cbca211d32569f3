"""No governance page, document, feed or API endpoint shows one municipality's data to
another: every route is tried with Rebild's slug and with Rebild's object ids."""

import pytest
from django.core.files.base import ContentFile
from django_scopes import scopes_disabled

from styrbord.core.services import changes
from styrbord.governance import api_urls as governance_api_urls
from styrbord.governance import urls as governance_urls
from styrbord.governance.models import Attachment, ItemLink, Participant
from styrbord.governance.services.follow_up import create_feed
from tests.factories import PersonFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    CycleItemFactory,
    MeetingFactory,
)
from tests.tenancy import assert_isolated


@pytest.fixture
def rebild_objects(rebild, other_editor):
    body = BodyFactory(municipality=rebild, name="Digitaliseringsforum")
    seat = BodyMembershipFactory(body=body)
    meeting = MeetingFactory(body=body)
    item = AgendaItemFactory(meeting=meeting)
    action = ActionItemFactory(item=item)
    cycle_item = CycleItemFactory(body=body)
    with scopes_disabled():
        participant = changes.create(
            Participant(
                municipality=rebild, meeting=meeting, person=PersonFactory(municipality=rebild)
            ),
            actor=None,
        )
        attachment = Attachment(
            municipality=rebild,
            item=item,
            name="notat.pdf",
            content_type="application/pdf",
            size=9,
        )
        attachment.file.save("notat.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
        changes.create(attachment, actor=None)
        link = changes.create(ItemLink(municipality=rebild, item=item, target=body), actor=None)
        feed, _token = create_feed(owner=other_editor, body=body)
    return {
        "body": body,
        "seat": seat,
        "meeting": meeting,
        "item": item,
        "action": action,
        "cycle_item": cycle_item,
        "participant": participant,
        "attachment": attachment,
        "link": link,
        "feed": feed,
    }


def page_kwargs(o) -> dict:
    body, meeting, item = {"pk": o["body"].pk}, {"pk": o["meeting"].pk}, {"pk": o["item"].pk}
    return {
        "body_detail": body,
        "body_edit": body,
        "body_conclude": body,
        "terms_upload": body,
        "terms_download": body,
        "membership_create": body,
        "membership_edit": {"pk": o["seat"].pk},
        "meeting_create": {"body_pk": o["body"].pk},
        "meeting_detail": meeting,
        "meeting_edit": meeting,
        "meeting_step": [
            {"pk": o["meeting"].pk, "step": "forbered"},
            {"pk": o["meeting"].pk, "step": "returner-dagsorden"},
        ],
        "fill_from_wheel": meeting,
        "participant_add": meeting,
        "protocol_note_add": meeting,
        "participant_attendance": {"pk": o["participant"].pk},
        "participant_remove": {"pk": o["participant"].pk},
        "item_create": meeting,
        "item_edit": item,
        "item_delete": item,
        "item_move": item,
        "item_decision": item,
        "item_escalate": item,
        "attachment_add": item,
        "link_add": item,
        "action_create": item,
        "attachment_download": {"pk": o["attachment"].pk},
        "attachment_delete": {"pk": o["attachment"].pk},
        "link_delete": {"pk": o["link"].pk},
        "action_edit": {"pk": o["action"].pk},
        "wheel_year": {"year": 2027},
        "wheel_plan": {"year": 2027},
        "cycle_item_create": {"body_pk": o["body"].pk},
        "cycle_item_edit": {"pk": o["cycle_item"].pk},
        "cycle_item_delete": {"pk": o["cycle_item"].pk},
        "agenda_pdf": meeting,
        "minutes_pdf": meeting,
        "feed_revoke": {"pk": o["feed"].pk},
    }


def test_governance_pages_refuse_another_municipalitys_objects(client, secretary, rebild_objects):
    client.force_login(secretary)
    checked = assert_isolated(
        client,
        governance_urls.urlpatterns,
        namespace="governance",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=page_kwargs(rebild_objects),
    )
    assert checked > 100


def test_history_pages_refuse_another_municipalitys_governance_objects(
    client, secretary, rebild_objects
):
    client.force_login(secretary)
    o = rebild_objects
    for model, obj in [
        ("body", o["body"]),
        ("body-membership", o["seat"]),
        ("meeting", o["meeting"]),
        ("agenda-item", o["item"]),
        ("action-item", o["action"]),
        ("cycle-item", o["cycle_item"]),
    ]:
        response = client.get(f"/norddjurs/historik/{model}/{obj.pk}/")
        assert response.status_code == 404, model


def api_kwargs(o) -> dict:
    body, seat, meeting = {"pk": o["body"].pk}, {"pk": o["seat"].pk}, {"pk": o["meeting"].pk}
    item, action = {"pk": o["item"].pk}, {"pk": o["action"].pk}
    meeting_steps = {
        f"meeting-{step}": meeting
        for step in (
            "detail",
            "start-preparation",
            "submit-agenda",
            "approve-agenda",
            "return-agenda",
            "send-agenda",
            "record-held",
            "submit-minutes",
            "approve-minutes",
            "return-minutes",
            "protocol-notes",
        )
    }
    return {
        "body-detail": body,
        "body-conclude": body,
        "membership-detail": seat,
        "membership-end": seat,
        **meeting_steps,
        "agenda-item-detail": item,
        "agenda-item-decision": item,
        "agenda-item-escalate": item,
        "agenda-item-move": item,
        "decision-detail": item,
        "action-item-detail": action,
    }


def test_governance_api_refuses_another_municipalitys_objects(client, secretary, rebild_objects):
    client.force_login(secretary)
    checked = assert_isolated(
        client,
        governance_api_urls.urlpatterns,
        namespace="governance_api",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=api_kwargs(rebild_objects),
    )
    assert checked > 60
