"""The agenda pack and minutes PDFs: who gets them, what is in them, what they may fetch."""

import datetime
import sys

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.pdf import render_pdf_html, safe_filename, static_file_for
from styrbord.core.services import changes
from styrbord.governance.models import Attendance, MeetingStatus, Participant, ProtocolNote
from styrbord.governance.views.documents import print_context
from tests.factories import PersonFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
)

PREFIX = "http://testserver/static/"
CLOSED_TITLE = "Lukket punkt om personale"


def _url(name: str, meeting, slug: str = "norddjurs") -> str:
    return reverse(f"governance:{name}", kwargs={"kommune": slug, "pk": meeting.pk})


def _participant(meeting, **data) -> None:
    with scopes_disabled():
        changes.create(
            Participant(municipality=meeting.municipality, meeting=meeting, **data), actor=None
        )


def _html(user, meeting, template: str) -> str:
    """The HTML that the PDF view would hand to WeasyPrint for ``user``."""
    request = RequestFactory().get("/")
    request.user = user
    request.municipality = meeting.municipality
    with scope(municipality=meeting.municipality):
        return render_pdf_html(
            request, f"governance/documents/{template}", print_context(request, meeting)
        )


@pytest.fixture
def meeting(steering_group):
    meeting = MeetingFactory(body=steering_group, status=MeetingStatus.HELD, place="Rådhuset")
    AgendaItemFactory(meeting=meeting, position=1, title="Åbent punkt om intranet")
    AgendaItemFactory(meeting=meeting, position=2, title=CLOSED_TITLE, is_closed=True)
    return meeting


def test_agenda_pdf_is_a_pdf_download_for_a_reader(reader_client, meeting):
    response = reader_client.get(_url("agenda_pdf", meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith('attachment; filename="')
    assert response["Content-Disposition"].endswith('.pdf"')


def test_minutes_pdf_is_a_pdf_once_the_meeting_is_held(reader_client, meeting):
    response = reader_client.get(_url("minutes_pdf", meeting))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_minutes_pdf_is_refused_before_the_meeting_is_held(reader_client, steering_group):
    meeting = MeetingFactory(body=steering_group, status=MeetingStatus.AGENDA_SENT)
    assert reader_client.get(_url("minutes_pdf", meeting)).status_code == 404


def test_pdfs_need_a_login(client, meeting):
    response = client.get(_url("agenda_pdf", meeting))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("name", ["agenda_pdf", "minutes_pdf"])
def test_another_municipalitys_meeting_gives_404(reader_client, rebild, name):
    theirs = MeetingFactory(body=BodyFactory(municipality=rebild), status=MeetingStatus.HELD)
    assert reader_client.get(_url(name, theirs)).status_code == 404


def test_a_municipality_without_a_role_is_refused(reader_client, rebild):
    theirs = MeetingFactory(body=BodyFactory(municipality=rebild), status=MeetingStatus.HELD)
    assert reader_client.get(_url("agenda_pdf", theirs, slug=rebild.slug)).status_code == 403


@pytest.mark.parametrize("template", ["agenda_pack.html", "minutes.html"])
def test_a_reader_never_gets_a_closed_item(reader, meeting, template):
    html = _html(reader, meeting, template)
    assert "Åbent punkt om intranet" in html
    assert CLOSED_TITLE not in html


@pytest.mark.parametrize("template", ["agenda_pack.html", "minutes.html"])
def test_a_member_gets_the_closed_item_marked_closed(secretary, meeting, template):
    html = _html(secretary, meeting, template)
    assert CLOSED_TITLE in html
    assert "Lukket punkt" in html


def test_a_readers_agenda_pack_leaves_out_action_items_of_closed_items(reader, steering_group):
    earlier = MeetingFactory(body=steering_group, starts_at=timezone.now() - datetime.timedelta(30))
    closed = AgendaItemFactory(meeting=earlier, is_closed=True)
    ActionItemFactory(item=closed, text="Hemmelig opfølgning")
    ActionItemFactory(item=AgendaItemFactory(meeting=earlier), text="Åben opfølgning")
    later = MeetingFactory(body=steering_group)
    html = _html(reader, later, "agenda_pack.html")
    assert "Åben opfølgning" in html
    assert "Hemmelig opfølgning" not in html


def test_markdown_in_an_item_cannot_inject_script(reader, steering_group):
    meeting = MeetingFactory(body=steering_group)
    AgendaItemFactory(meeting=meeting, background="Tekst <script>alert(1)</script> **fed**")
    html = _html(reader, meeting, "agenda_pack.html")
    assert "<script>" not in html
    assert "<strong>fed</strong>" in html


def test_the_agenda_pack_lists_cover_facts_items_and_attachments(reader, meeting):
    html = _html(reader, meeting, "agenda_pack.html")
    assert meeting.body.name in html
    assert "Rådhuset" in html
    assert "Bilagsliste" in html
    assert html.index("Punkter på dagsordenen") < html.index('id="agenda-heading"')


def test_the_minutes_show_attendance_decisions_action_items_and_protocol_notes(reader, meeting):
    _participant(meeting, person=PersonFactory(name="Mette Hansen"), attendance=Attendance.PRESENT)
    _participant(meeting, person=PersonFactory(name="Jens Jensen"), attendance=Attendance.APOLOGIES)
    _participant(meeting, guest_name="Gæst fra KL", is_guest=True)
    with scopes_disabled():
        changes.create(
            ProtocolNote(
                municipality=meeting.municipality, meeting=meeting, text="Rettelse.", author=reader
            ),
            actor=None,
        )
        item = meeting.items.get(position=1)
    ActionItemFactory(item=item, text="Send referatet til direktionen")
    html = _html(reader, meeting, "minutes.html")
    for expected in ("Mette Hansen", "Jens Jensen", "Afbud", "Gæst fra KL", "Gæster"):
        assert expected in html
    assert "Send referatet til direktionen" in html
    assert "Rettelse." in html


def test_pdf_answers_503_when_weasyprint_cannot_load(reader_client, meeting, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as when Pango is missing
    response = reader_client.get(_url("agenda_pdf", meeting))
    assert response.status_code == 503
    assert "Pango" in response.content.decode()


def test_the_pdf_may_fetch_our_own_static_files():
    found = static_file_for(PREFIX + "core/styrbord.css", PREFIX)
    assert found is not None
    assert found.name == "styrbord.css"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/image.png",
        "https://evil.example/static/core/styrbord.css",
        "file:///etc/passwd",
        PREFIX + "../../etc/passwd",
        PREFIX + "core/%2e%2e/%2e%2e/settings.py",
        PREFIX + "does/not/exist.css",
    ],
)
def test_the_pdf_may_not_fetch_anything_else(url):
    assert static_file_for(url, PREFIX) is None


def test_file_names_are_plain_ascii():
    assert safe_filename('dagsorden-Økonomi/"styregruppe" 2026-03-01') == (
        "dagsorden-Oekonomi-styregruppe-2026-03-01.pdf"
    )
