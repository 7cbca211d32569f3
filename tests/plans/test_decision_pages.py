"""The page that submits a plan version to the body that approves it."""

import pytest
from django.urls import reverse

from styrbord.governance.models import AgendaItem
from styrbord.plans.models import PlanVersion, VersionState
from styrbord.plans.services import decisions
from tests.plans.factories import ItemFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")


def _url(name: str = "submit", number: int = 1) -> str:
    return reverse(f"plans:{name}", kwargs={"kommune": "norddjurs", "year": 2026, "number": number})


def _post(client, version, **data):
    version.refresh_from_db()
    return client.post(_url(number=version.number), {"version": version.version, **data})


@pytest.fixture
def ready(draft):
    """A draft with an item, ready to submit."""
    ItemFactory(plan_version=draft, title="Digitaliseringsseminar")
    draft.refresh_from_db()
    return draft


def test_the_page_shows_the_meeting_the_plan_goes_to(editor_client, ready, meeting):
    response = editor_client.get(_url())
    assert response.status_code == 200
    assert response.context["meeting"] == meeting
    content = response.content.decode()
    assert 'id="plan-submit"' in content
    assert reverse("governance:meeting_detail", args=["norddjurs", meeting.pk]) in content
    assert "Digitaliseringsseminar" in content


def test_the_page_says_when_the_body_has_no_coming_meeting(editor_client, ready, steering_group):
    response = editor_client.get(_url())
    assert response.status_code == 200
    assert response.context["meeting"] is None
    body_url = reverse("governance:body_detail", args=["norddjurs", steering_group.pk])
    assert body_url in response.content.decode()


def test_the_preview_is_the_case_presentation(editor_client, ready, meeting):
    response = editor_client.get(_url())
    assert response.context["preview"] == decisions.summary(ready)


def test_submitting_puts_the_plan_on_the_agenda_with_its_pdf(editor_client, ready, meeting):
    # The PDF is attached when this server can make PDFs, as the PDF page shows.
    pdf_status = editor_client.get(_url("version_pdf")).status_code
    response = _post(editor_client, ready)
    assert response.status_code == 302
    assert response["Location"] == _url("version")
    ready.refresh_from_db()
    assert ready.state == VersionState.SUBMITTED
    item = ready.agenda_item
    assert item.meeting == meeting
    assert item.background == decisions.summary(ready)
    attachments = list(item.attachments.values_list("content_type", flat=True))
    assert attachments == (["application/pdf"] if pdf_status == 200 else [])


def test_submitting_without_a_coming_meeting_shows_the_reason(editor_client, ready):
    response = _post(editor_client, ready)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    ready.refresh_from_db()
    assert ready.state == VersionState.DRAFT
    assert not AgendaItem.objects.exists()


def test_a_plan_without_items_is_not_submitted(editor_client, draft, meeting):
    response = _post(editor_client, draft)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    draft.refresh_from_db()
    assert draft.state == VersionState.DRAFT


def test_a_submit_from_a_stale_page_is_refused_and_nothing_is_put_on_the_agenda(
    editor_client, ready, meeting
):
    ready.refresh_from_db()
    seen = ready.version
    ItemFactory(plan_version=ready, title="Tilføjet imens")
    PlanVersion.objects.filter(pk=ready.pk).update(version=seen + 1)
    response = editor_client.post(_url(), {"version": seen})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    ready.refresh_from_db()
    assert ready.state == VersionState.DRAFT
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_a_submitted_version_is_not_submitted_again(editor_client, ready, meeting, editor):
    decisions.submit(ready, actor=editor, expected_version=ready.version)
    response = _post(editor_client, ready)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_a_submitted_version_shows_no_submit_button(editor_client, ready, meeting, editor):
    decisions.submit(ready, actor=editor, expected_version=ready.version)
    response = editor_client.get(_url())
    assert response.status_code == 200
    assert 'id="plan-submit"' not in response.content.decode()


def test_a_reader_may_neither_see_nor_submit(reader_client, ready, meeting):
    assert reader_client.get(_url()).status_code == 403
    assert _post(reader_client, ready).status_code == 403
    ready.refresh_from_db()
    assert ready.state == VersionState.DRAFT


def test_an_unknown_version_is_not_found(editor_client, ready):
    assert editor_client.get(_url(number=9)).status_code == 404
