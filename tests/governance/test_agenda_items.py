"""Agenda items: numbering, decisions, postponement and escalation, attachments and links."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from styrbord.governance import links
from styrbord.governance.models import (
    Attachment,
    CarriedBecause,
    ItemKind,
    ItemLink,
    MeetingStatus,
    MemberRole,
    Outcome,
)
from styrbord.governance.services import items
from tests.factories import PersonFactory
from tests.governance.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.usefixtures("in_scope")


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English source texts, whatever the Danish catalogue says."""
    with translation.override("en"):
        yield


S = MeetingStatus
DAY = datetime.timedelta(days=1)

# The smallest complete PDF: header, one empty page, cross-reference table and trailer.
SMALL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


def _pdf(name: str = "bilag.pdf", content: bytes = SMALL_PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/pdf")


def _meeting(body, *, days: float = 14, status: str = S.PLANNED):
    return MeetingFactory(body=body, starts_at=timezone.now() + days * DAY, status=status)


def _positions(meeting) -> list[tuple[str, int]]:
    return list(meeting.items.order_by("position").values_list("title", "position"))


def _agenda(meeting, secretary, *titles: str):
    return [items.add_item(meeting=meeting, actor=secretary, title=title) for title in titles]


def test_added_items_are_numbered_in_the_order_they_are_added(secretary, steering_group):
    meeting = _meeting(steering_group)
    _agenda(meeting, secretary, "Godkendelse af dagsorden", "Portefølje", "Eventuelt")
    assert _positions(meeting) == [
        ("Godkendelse af dagsorden", 1),
        ("Portefølje", 2),
        ("Eventuelt", 3),
    ]


def test_moving_an_item_up_renumbers_the_agenda_from_one(secretary, steering_group):
    meeting = _meeting(steering_group)
    _first, _second, third = _agenda(meeting, secretary, "A", "B", "C")
    items.move_item(third, actor=secretary, offset=-1)
    assert _positions(meeting) == [("A", 1), ("C", 2), ("B", 3)]


def test_moving_an_item_down_renumbers_the_agenda_from_one(secretary, steering_group):
    meeting = _meeting(steering_group)
    first, _second, _third = _agenda(meeting, secretary, "A", "B", "C")
    moved = items.move_item(first, actor=secretary, offset=1)
    assert moved.position == 2
    assert _positions(meeting) == [("B", 1), ("A", 2), ("C", 3)]


def test_moving_the_first_item_up_leaves_it_first(secretary, steering_group):
    meeting = _meeting(steering_group)
    first, _second = _agenda(meeting, secretary, "A", "B")
    items.move_item(first, actor=secretary, offset=-1)
    assert _positions(meeting) == [("A", 1), ("B", 2)]


def test_moving_closes_gaps_in_the_numbering(secretary, steering_group):
    meeting = _meeting(steering_group)
    AgendaItemFactory(meeting=meeting, title="A", position=3)
    last = AgendaItemFactory(meeting=meeting, title="B", position=7)
    items.move_item(last, actor=secretary, offset=-1)
    assert _positions(meeting) == [("B", 1), ("A", 2)]


def test_deleting_an_item_renumbers_the_rest(secretary, steering_group):
    meeting = _meeting(steering_group)
    _first, second, _third = _agenda(meeting, secretary, "A", "B", "C")
    items.delete_item(second, actor=secretary)
    assert _positions(meeting) == [("A", 1), ("C", 2)]


def test_items_cannot_be_added_once_the_agenda_awaits_approval(secretary, steering_group):
    meeting = _meeting(steering_group, status=S.AGENDA_AWAITING_APPROVAL)
    with pytest.raises(ValidationError):
        items.add_item(meeting=meeting, actor=secretary, title="For sent")


def test_an_item_cannot_be_moved_once_the_agenda_is_sent(secretary, steering_group):
    meeting = _meeting(steering_group, status=S.AGENDA_SENT)
    item = AgendaItemFactory(meeting=meeting)
    with pytest.raises(ValidationError):
        items.move_item(item, actor=secretary, offset=1)


def test_only_the_secretary_adds_items(editor, steering_group):
    with pytest.raises(PermissionDenied):
        items.add_item(meeting=_meeting(steering_group), actor=editor, title="Punkt")


def test_a_decision_is_recorded_while_the_meeting_is_held(secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group, days=-1, status=S.HELD))
    item = items.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Styregruppen godkendte indstillingen.",
        outcome=Outcome.APPROVED,
    )
    assert item.outcome == Outcome.APPROVED
    assert item.decision == "Styregruppen godkendte indstillingen."


@pytest.mark.parametrize("status", [S.AGENDA_SENT, S.MINUTES_AWAITING_APPROVAL])
def test_a_decision_is_refused_unless_the_meeting_is_held(secretary, steering_group, status):
    item = AgendaItemFactory(meeting=_meeting(steering_group, days=-1, status=status))
    with pytest.raises(ValidationError):
        items.record_decision(
            item,
            actor=secretary,
            expected_version=item.version,
            decision="",
            outcome=Outcome.NOTED,
        )


def test_an_unknown_outcome_is_refused(secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group, days=-1, status=S.HELD))
    with pytest.raises(ValidationError) as refused:
        items.record_decision(
            item, actor=secretary, expected_version=item.version, decision="", outcome="maybe"
        )
    assert "outcome" in refused.value.message_dict


def test_a_postponed_item_is_carried_to_the_bodys_next_open_meeting(secretary, steering_group):
    held = _meeting(steering_group, days=-1, status=S.HELD)
    _meeting(steering_group, days=20, status=S.AGENDA_SENT)
    next_open = _meeting(steering_group, days=40)
    _meeting(steering_group, days=80)
    AgendaItemFactory(meeting=next_open, position=1)
    item = AgendaItemFactory(meeting=held, kind=ItemKind.DECISION, title="Intranet")
    items.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Udsat til næste møde.",
        outcome=Outcome.POSTPONED,
    )
    carried = next_open.items.get(carried_from=item)
    assert carried.carried_because == CarriedBecause.POSTPONED
    assert (carried.title, carried.kind, carried.position) == ("Intranet", ItemKind.DECISION, 2)
    assert carried.outcome == ""


def test_postponing_again_does_not_carry_the_item_twice(secretary, steering_group):
    held = _meeting(steering_group, days=-1, status=S.HELD)
    next_open = _meeting(steering_group, days=40)
    item = AgendaItemFactory(meeting=held)
    for decision in ("Udsat.", "Udsat til næste møde."):
        item = items.record_decision(
            item,
            actor=secretary,
            expected_version=item.version,
            decision=decision,
            outcome=Outcome.POSTPONED,
        )
    assert next_open.items.filter(carried_from=item).count() == 1


def test_postponing_without_a_later_open_meeting_is_refused_on_the_outcome(
    secretary, steering_group
):
    item = AgendaItemFactory(meeting=_meeting(steering_group, days=-1, status=S.HELD))
    _meeting(steering_group, days=-30)  # an earlier meeting with an open agenda is no target
    with pytest.raises(ValidationError) as refused:
        items.record_decision(
            item,
            actor=secretary,
            expected_version=item.version,
            decision="Udsat.",
            outcome=Outcome.POSTPONED,
        )
    assert "Plan the next meeting" in refused.value.message_dict["outcome"][0]
    item.refresh_from_db()
    assert item.outcome == ""


def _programme_group(steering_group, secretary):
    """A programme group reporting to the steering group, with the same secretary."""
    programme = BodyFactory(municipality=steering_group.municipality, reports_to=steering_group)
    BodyMembershipFactory(body=programme, person=secretary.persons.get(), role=MemberRole.SECRETARY)
    return programme


def test_escalating_carries_the_item_to_the_next_open_meeting_of_the_body_above(
    secretary, steering_group
):
    programme = _programme_group(steering_group, secretary)
    item = AgendaItemFactory(meeting=_meeting(programme, days=-1, status=S.HELD), title="Wi-fi")
    _meeting(steering_group, days=-10)
    target = _meeting(steering_group, days=30)
    escalated = items.escalate_item(item, actor=secretary)
    assert escalated.meeting == target
    assert escalated.carried_from == item
    assert escalated.carried_because == CarriedBecause.ESCALATED
    assert escalated.title == "Wi-fi"


def test_escalating_is_refused_when_the_body_reports_to_no_other(secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group, days=-1, status=S.HELD))
    with pytest.raises(ValidationError) as refused:
        items.escalate_item(item, actor=secretary)
    assert "does not report" in refused.value.messages[0]


def test_escalating_twice_is_refused(secretary, steering_group):
    programme = _programme_group(steering_group, secretary)
    item = AgendaItemFactory(meeting=_meeting(programme, days=-1, status=S.HELD))
    _meeting(steering_group, days=30)
    items.escalate_item(item, actor=secretary)
    with pytest.raises(ValidationError) as refused:
        items.escalate_item(item, actor=secretary)
    assert "already been escalated" in refused.value.messages[0]


def test_escalating_without_an_open_meeting_above_is_refused(secretary, steering_group):
    programme = _programme_group(steering_group, secretary)
    item = AgendaItemFactory(meeting=_meeting(programme, days=-1, status=S.HELD))
    _meeting(steering_group, days=30, status=S.AGENDA_SENT)
    with pytest.raises(ValidationError) as refused:
        items.escalate_item(item, actor=secretary)
    assert "Plan one first" in refused.value.messages[0]


def test_a_small_pdf_is_accepted_as_an_attachment():
    assert items.check_upload(_pdf()) == "application/pdf"


def test_an_executable_is_refused_as_an_attachment():
    upload = SimpleUploadedFile("program.exe", b"MZ\x90\x00", "application/octet-stream")
    with pytest.raises(ValidationError) as refused:
        items.check_upload(upload)
    assert "cannot be attached" in refused.value.message_dict["file"][0]


def test_a_pdf_whose_content_is_not_a_pdf_is_refused():
    with pytest.raises(ValidationError) as refused:
        items.check_upload(_pdf("bilag.pdf", b"MZ\x90\x00 not a pdf"))
    assert "does not match" in refused.value.message_dict["file"][0]


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        items.check_upload(_pdf())
    assert "limit" in refused.value.message_dict["file"][0]


def test_the_refusal_names_the_form_field(settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        items.check_upload(_pdf(), field="upload")
    assert "upload" in refused.value.message_dict


@pytest.fixture
def private_dir(tmp_path) -> Path:
    """Where the root conftest puts private uploads for this test."""
    return tmp_path / "private"


def test_an_attachment_is_stored_in_the_private_storage(private_dir, secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    attachment = items.add_attachment(item=item, actor=secretary, upload=_pdf("Notat.pdf"))
    stored = Path(attachment.file.path)
    assert stored.is_relative_to(private_dir)
    assert stored.read_bytes() == SMALL_PDF
    assert (attachment.name, attachment.content_type) == ("Notat.pdf", "application/pdf")
    assert attachment.size == len(SMALL_PDF)


def test_an_attachment_is_stored_under_a_name_that_cannot_be_guessed(
    private_dir, secretary, steering_group
):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    attachment = items.add_attachment(item=item, actor=secretary, upload=_pdf("Notat.pdf"))
    assert "Notat" not in attachment.file.name


def test_a_refused_attachment_stores_nothing(private_dir, secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    with pytest.raises(ValidationError):
        items.add_attachment(item=item, actor=secretary, upload=_pdf("virus.exe"))
    assert not any(private_dir.rglob("*"))
    assert not Attachment.objects.exists()


def test_removing_an_attachment_deletes_the_file(
    private_dir, secretary, steering_group, django_capture_on_commit_callbacks
):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    attachment = items.add_attachment(item=item, actor=secretary, upload=_pdf())
    stored = Path(attachment.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        items.remove_attachment(attachment, actor=secretary)
    assert not stored.exists()


def test_an_item_can_link_to_another_body_of_the_municipality(secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    other = BodyFactory(municipality=steering_group.municipality, name="Programgruppen")
    link = items.add_link(item=item, actor=secretary, target=other)
    assert link.target == other
    assert list(item.links.all()) == [link]


def test_an_item_can_link_to_a_meeting(secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    earlier = _meeting(steering_group, days=-60)
    link = items.add_link(item=item, actor=secretary, target=earlier)
    assert link.target == earlier


def test_a_linked_body_and_meeting_have_their_page_as_url(steering_group):
    meeting = _meeting(steering_group)
    assert (
        links.url_of(steering_group, "norddjurs")
        == f"/norddjurs/styring/organer/{steering_group.pk}/"
    )
    assert links.url_of(meeting, "norddjurs") == f"/norddjurs/styring/moeder/{meeting.pk}/"


def test_a_link_to_another_municipalitys_body_is_refused(rebild, secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    with scopes_disabled():
        foreign = BodyFactory(municipality=rebild)
    with pytest.raises(ValidationError) as refused:
        items.add_link(item=item, actor=secretary, target=foreign)
    assert "target" in refused.value.message_dict
    assert not ItemLink.objects.exists()


def test_a_link_to_an_object_that_is_not_linkable_is_refused(secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    with pytest.raises(ValidationError) as refused:
        items.add_link(item=item, actor=secretary, target=PersonFactory())
    assert "target" in refused.value.message_dict


def test_the_same_link_cannot_be_added_twice(secretary, steering_group):
    item = AgendaItemFactory(meeting=_meeting(steering_group))
    other = BodyFactory(municipality=steering_group.municipality)
    items.add_link(item=item, actor=secretary, target=other)
    with pytest.raises(ValidationError):
        items.add_link(item=item, actor=secretary, target=other)


def test_an_item_no_longer_postponed_leaves_the_next_agenda(secretary, steering_group):
    held = _meeting(steering_group, days=-1, status=S.HELD)
    following = _meeting(steering_group, days=40)
    item = AgendaItemFactory(meeting=held, title="Intranet")
    item = items.record_decision(
        item, actor=secretary, expected_version=item.version, decision="", outcome=Outcome.POSTPONED
    )
    assert following.items.count() == 1
    items.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Godkendt.",
        outcome=Outcome.APPROVED,
    )
    assert following.items.count() == 0
