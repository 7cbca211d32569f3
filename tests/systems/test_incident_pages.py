"""The security-incident pages: the list with the breaches still to be notified, an incident
with Datatilsynet's countdown, the report every member may make and the editors' follow-up."""

import datetime
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.systems.models import SecurityIncident, Severity
from tests.systems.factories import IncidentFactory, UsageFactory

SLUG = "norddjurs"


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _url(name: str, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": slug, **kwargs})


def _error_of(html: str, field: str) -> str:
    match = re.search(rf'id="id_{field}_error">(.*?)</span>\s*(?:<|$)', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _get(pk) -> SecurityIncident:
    with scopes_disabled():
        return SecurityIncident.objects.get(pk=pk)


def _report(**overrides) -> dict:
    data = {
        "usage": "",
        "detected_at": "2026-11-20T14:05",
        "description": "Mail med CPR-numre sendt til forkert modtager",
        "severity": Severity.HIGH,
        "personal_data_breach": "on",
        "version": "",
    }
    data.update(overrides)
    return data


def test_a_reader_reports_an_incident_for_a_usage(reader_client):
    usage = UsageFactory(local_name="Borgerservice")
    form = reader_client.get(_url("incident_create"), {"usage": usage.pk}).content.decode()
    assert re.search(rf'<option value="{usage.pk}" selected>', form)
    response = reader_client.post(_url("incident_create"), _report(usage=usage.pk))
    assert response.status_code == 302
    with scopes_disabled():
        incident = SecurityIncident.objects.get()
    assert response.url == _url("incident_detail", pk=incident.pk)
    assert incident.usage == usage and incident.personal_data_breach
    assert timezone.localtime(incident.detected_at).strftime("%d.%m.%Y %H:%M") == (
        "20.11.2026 14:05"
    )


def test_another_municipalitys_usage_is_not_preselected_or_accepted(reader_client, rebild):
    foreign = UsageFactory(municipality=rebild)
    form = reader_client.get(_url("incident_create"), {"usage": foreign.pk}).content.decode()
    assert f'value="{foreign.pk}"' not in form
    response = reader_client.post(_url("incident_create"), _report(usage=foreign.pk))
    assert response.status_code == 400
    assert _error_of(response.content.decode(), "usage")


def test_a_report_without_description_keeps_the_input(reader_client):
    response = reader_client.post(_url("incident_create"), _report(description=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Describe what happened." in _error_of(html, "description")
    assert 'value="2026-11-20T14:05"' in html


def test_the_report_form_has_no_follow_up_fields(reader_client):
    html = reader_client.get(_url("incident_create")).content.decode()
    assert 'name="notified_at"' not in html and 'name="closed_at"' not in html


def test_notified_before_detected_is_refused_next_to_the_field(editor_client):
    incident = IncidentFactory()
    response = editor_client.post(
        _url("incident_edit", pk=incident.pk),
        {
            **_report(detected_at=_local(incident.detected_at)),
            "notified_at": _local(incident.detected_at - datetime.timedelta(hours=2)),
            "measures": "Modtager bedt om at slette",
            "closed_at": "",
            "version": incident.version,
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This cannot be before the incident was detected." in _error_of(html, "notified_at")
    assert "Modtager bedt om at slette" in html
    assert _get(incident.pk).notified_at is None


def test_an_editor_records_the_notification_measures_and_closing(editor_client):
    incident = IncidentFactory()
    notified = incident.detected_at + datetime.timedelta(hours=3)
    response = editor_client.post(
        _url("incident_edit", pk=incident.pk),
        {
            **_report(detected_at=_local(incident.detected_at)),
            "description": incident.description,
            "notified_at": _local(notified),
            "measures": "Modtager bedt om at slette",
            "closed_at": _local(notified),
            "version": incident.version,
        },
    )
    assert response.status_code == 302
    saved = _get(incident.pk)
    assert saved.measures == "Modtager bedt om at slette"
    assert saved.notified_at is not None and saved.closed_at is not None
    html = editor_client.get(_url("incident_detail", pk=incident.pk)).content.decode()
    assert "Notified on time:" in html
    assert "countdown.js" not in html


def test_a_reader_cannot_follow_up(reader_client):
    incident = IncidentFactory()
    assert reader_client.get(_url("incident_edit", pk=incident.pk)).status_code == 403
    html = reader_client.get(_url("incident_detail", pk=incident.pk)).content.decode()
    assert _url("incident_edit", pk=incident.pk) not in html


def test_another_municipalitys_incident_is_not_found(editor_client, rebild):
    foreign = IncidentFactory(municipality=rebild)
    for name in ("incident_detail", "incident_edit"):
        assert editor_client.get(_url(name, pk=foreign.pk)).status_code == 404


def test_the_detail_counts_down_in_words_inside_a_time_element(reader_client):
    # Half a minute to spare, as the minutes left are rounded down.
    detected = timezone.now() - datetime.timedelta(hours=30, minutes=29, seconds=30)
    incident = IncidentFactory(detected_at=detected)
    html = reader_client.get(_url("incident_detail", pk=incident.pk)).content.decode()
    deadline = timezone.localtime(detected + datetime.timedelta(hours=72))
    match = re.search(r'<time datetime="([^"]+)">([^<]+)</time>', html)
    assert match
    assert datetime.datetime.fromisoformat(match.group(1)) == deadline
    assert match.group(2) == (
        f"Datatilsynet must be notified by {deadline:%d.%m.%Y} at {deadline:%H:%M} — "
        "41 hours and 30 minutes left"
    )
    assert "<strong data-countdown-label>Due:</strong>" in html
    assert 'data-text-hours="{count} hours"' in html
    # The ticking comes from a static file, never an inline script.
    assert re.search(r'<script src="[^"]*systems/countdown\.js" defer></script>', html)
    assert not re.search(r"<script>", html)
    assert finders.find("systems/countdown.js")


def test_an_overdue_breach_says_so_in_words(reader_client):
    incident = IncidentFactory(detected_at=timezone.now() - datetime.timedelta(hours=80))
    html = reader_client.get(_url("incident_detail", pk=incident.pk)).content.decode()
    assert "<strong data-countdown-label>Overdue:</strong>" in html
    assert "overdue by 8 hours" in html


def test_an_incident_without_a_breach_needs_no_notification(reader_client):
    incident = IncidentFactory(personal_data_breach=False)
    html = reader_client.get(_url("incident_detail", pk=incident.pk)).content.decode()
    assert "Not required:" in html
    assert "<time" not in html and "countdown.js" not in html


def test_the_list_puts_unnotified_breaches_first_and_filters(reader_client):
    now = timezone.now()
    IncidentFactory(description="Åben brud", detected_at=now - datetime.timedelta(hours=2))
    IncidentFactory(
        description="Anmeldt brud",
        detected_at=now - datetime.timedelta(days=3),
        notified_at=now - datetime.timedelta(days=2),
        closed_at=now - datetime.timedelta(days=1),
    )
    IncidentFactory(description="Nedbrud", personal_data_breach=False, severity=Severity.CRITICAL)
    html = reader_client.get(_url("incidents")).content.decode()
    open_part = html.split("All incidents")[0]
    assert "Åben brud" in open_part and "Anmeldt brud" not in open_part
    assert "<strong data-countdown-label>Due:</strong>" in open_part

    def described(**params):
        page = reader_client.get(_url("incidents"), params).content.decode()
        table = page.split("All incidents")[1]
        return {d for d in ("Åben brud", "Anmeldt brud", "Nedbrud") if d in table}

    assert described(severity=Severity.CRITICAL) == {"Nedbrud"}
    assert described(breach="no") == {"Nedbrud"}
    assert described(breach="yes") == {"Åben brud", "Anmeldt brud"}
    assert described(status="closed") == {"Anmeldt brud"}
    assert described(status="open") == {"Åben brud", "Nedbrud"}


def test_the_list_reads_a_bounded_number_of_queries(reader_client, django_assert_max_num_queries):
    for number in range(30):
        IncidentFactory(
            usage=UsageFactory(),
            detected_at=timezone.now() - datetime.timedelta(hours=number),
        )
    # Municipality, session, user, role, the count, the page, the open breaches, the
    # nav's membership and the session's save.
    with django_assert_max_num_queries(12):
        response = reader_client.get(_url("incidents"))
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()
