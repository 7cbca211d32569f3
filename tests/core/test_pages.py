"""The core pages: forms keep what was typed, errors are Danish, stale edits are refused."""

import pytest
from django.test import Client
from django_scopes import scope

from styrbord.core import queries, tasks
from styrbord.core.models import AccessLogEntry, OrgUnit, Person
from styrbord.core.services import organisation
from tests.factories import OrgUnitFactory, PersonFactory


@pytest.fixture
def person(norddjurs):
    return PersonFactory(name="Kaare Christensen", title="Teamleder")


def person_form(person, **changes):
    data = {
        "name": person.name,
        "title": person.title,
        "email": person.email,
        "phone": person.phone,
        "org_unit": "",
        "is_active": "on",
        "version": person.version,
    }
    data.update(changes)
    return data


def test_anonymous_visitors_are_sent_to_the_login_page(client, norddjurs):
    response = client.get("/norddjurs/personer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/log-ind/?next=/norddjurs/personer/")


def test_the_dashboard_greets_the_municipality_in_danish(editor_client):
    response = editor_client.get("/norddjurs/")
    assert response.status_code == 200
    assert "Norddjurs Kommune" in response.text
    assert "Mine opgaver" in response.text


def test_english_can_be_chosen(editor_client):
    editor_client.post("/i18n/setlang/", {"language": "en", "next": "/norddjurs/"})
    assert "My tasks" in editor_client.get("/norddjurs/").text


def test_the_dashboard_shows_tasks_from_registered_providers(editor_client, editor, norddjurs):
    def provider(user, municipality):
        yield tasks.Task(title=f"Godkend referat for {municipality.name}", url="/x/")

    tasks.register("test", provider)
    try:
        assert "Godkend referat for Norddjurs" in editor_client.get("/norddjurs/").text
    finally:
        tasks.unregister("test")


def test_an_editor_creates_a_unit_and_it_is_logged(editor_client, editor, norddjurs):
    response = editor_client.post(
        "/norddjurs/organisation/ny/", {"name": "Digitalisering", "kind": "department"}
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        unit = OrgUnit.objects.get(name="Digitalisering")
        assert queries.history_of(unit).get().actor == editor


def test_an_invalid_form_shows_danish_errors_next_to_the_field_and_keeps_the_input(editor_client):
    response = editor_client.post(
        "/norddjurs/organisation/ny/", {"name": "", "kind": "department", "short_name": "DIG-7"}
    )
    assert response.status_code == 200
    assert "Dette felt er påkrævet." in response.text
    assert 'id="id_name_error"' in response.text
    assert 'value="DIG-7"' in response.text


def test_a_reader_cannot_open_edit_pages(reader_client, person):
    assert reader_client.get("/norddjurs/organisation/ny/").status_code == 403
    assert reader_client.get(f"/norddjurs/personer/{person.pk}/rediger/").status_code == 403


def test_editing_a_person_shows_in_the_history_with_before_and_after(editor_client, person):
    response = editor_client.post(
        f"/norddjurs/personer/{person.pk}/rediger/",
        person_form(person, title="Digitaliseringschef"),
    )
    assert response.status_code == 302
    history = editor_client.get(f"/norddjurs/historik/person/{person.pk}/").text
    assert "Teamleder" in history
    assert "Digitaliseringschef" in history


def test_a_stale_edit_form_is_refused_keeps_the_input_and_shows_what_changed(
    editor_client, editor, person, norddjurs
):
    with scope(municipality=norddjurs):
        organisation.update_person(person, actor=editor, expected_version=1, title="Projektleder")

    response = editor_client.post(
        f"/norddjurs/personer/{person.pk}/rediger/",
        person_form(person, title="Min titel", version=1),
    )

    assert response.status_code == 200
    assert "Nogen andre har gemt" in response.text
    assert 'value="Min titel"' in response.text
    assert "Titel: Teamleder → Projektleder" in response.text
    assert 'name="version" value="2"' in response.text
    with scope(municipality=norddjurs):
        assert Person.objects.get(pk=person.pk).title == "Projektleder"


def test_a_malformed_email_is_refused_with_a_danish_message(editor_client, person):
    response = editor_client.post(
        f"/norddjurs/personer/{person.pk}/rediger/", person_form(person, email="ikke-en-adresse")
    )
    assert "Angiv en gyldig e-mailadresse." in response.text


def test_moving_a_unit_under_itself_is_refused_next_to_the_field(editor_client, norddjurs):
    with scope(municipality=norddjurs):
        top = OrgUnitFactory(name="Top")
        child = OrgUnitFactory(name="Under", parent=top)
    response = editor_client.post(
        f"/norddjurs/organisation/{top.pk}/flyt/", {"version": 1, "parent": child.pk}
    )
    assert response.status_code == 200
    assert 'id="id_parent_error"' in response.text


def test_closing_a_unit_through_the_page(editor_client, norddjurs):
    unit = OrgUnitFactory(name="Gruppe for markedsføring")
    response = editor_client.post(
        f"/norddjurs/organisation/{unit.pk}/luk/", {"version": 1, "closed_on": "2019-10-31"}
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        assert str(OrgUnit.objects.get(pk=unit.pk).closed_on) == "2019-10-31"


def test_persons_are_searchable_from_the_list(editor_client, norddjurs):
    PersonFactory(name="Nirojan Kathirgamarajah", title="Informationssikkerhedskoordinator")
    PersonFactory(name="Bettina Andersen", title="Økonomichef")
    response = editor_client.get("/norddjurs/personer/", {"q": "sikkerhed"})
    assert "Nirojan Kathirgamarajah" in response.text
    assert "Bettina Andersen" not in response.text


def test_the_person_search_answers_htmx_with_only_the_results(editor_client, norddjurs):
    PersonFactory(name="Søs Fuglsang")
    response = editor_client.get("/norddjurs/personer/", {"q": "søs"}, HTTP_HX_REQUEST="true")
    assert "Søs Fuglsang" in response.text
    assert "<html" not in response.text


def test_reading_a_person_is_recorded_in_the_access_log(editor_client, editor, person, norddjurs):
    editor_client.get(f"/norddjurs/personer/{person.pk}/")
    with scope(municipality=norddjurs):
        entry = AccessLogEntry.objects.get(object_id=str(person.pk))
    assert entry.user == editor


def test_a_local_administrator_reads_who_opened_a_person(admin_client_local, editor, person):
    editors_browser = Client()
    editors_browser.force_login(editor)
    editors_browser.get(f"/norddjurs/personer/{person.pk}/")
    page = admin_client_local.get("/norddjurs/adgangslog/", {"user": "editor"}).text
    assert f"/norddjurs/personer/{person.pk}/" in page
    assert "/norddjurs/personer/" in admin_client_local.get("/norddjurs/adgangslog/").text


def test_editors_cannot_read_the_access_log(editor_client):
    assert editor_client.get("/norddjurs/adgangslog/").status_code == 403


def test_the_accessibility_statement_is_public_and_linked_from_every_page(client, editor_client):
    assert "Tilgængelighedserklæring" in client.get("/tilgaengelighedserklaering/").text
    assert 'href="/tilgaengelighedserklaering/"' in editor_client.get("/norddjurs/").text


def test_only_superusers_edit_the_accessibility_statement(editor_client):
    assert editor_client.get("/tilgaengelighedserklaering/rediger/").status_code == 403


def test_the_page_has_a_skip_link_to_the_main_content(editor_client):
    html = editor_client.get("/norddjurs/").text
    assert 'href="#main-content"' in html
    assert 'id="main-content"' in html


def test_an_overdue_task_is_marked_overdue_on_the_dashboard(editor_client):
    import datetime

    def provider(user, municipality):
        yield tasks.Task(title="Indsend statusrapport", url="/x/", due=datetime.date(2020, 1, 1))

    tasks.register("test-overdue", provider)
    try:
        page = editor_client.get("/norddjurs/").text
    finally:
        tasks.unregister("test-overdue")
    assert "Indsend statusrapport" in page
    assert "overskredet" in page


def test_a_closed_unit_is_reopened_through_its_page(editor_client, norddjurs):
    unit = OrgUnitFactory(name="Gruppe for bæredygtighed", closed_on="2021-03-31")
    assert editor_client.get(f"/norddjurs/organisation/{unit.pk}/luk/").status_code == 302
    response = editor_client.post(f"/norddjurs/organisation/{unit.pk}/genaabn/", {"version": 1})
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        assert OrgUnit.objects.get(pk=unit.pk).closed_on is None


def test_a_stale_reopen_is_refused(editor_client, editor, norddjurs):
    unit = OrgUnitFactory(name="Covid-19-gruppen", closed_on="2021-09-09")
    with scope(municipality=norddjurs):
        organisation.update_org_unit(unit, actor=editor, expected_version=1, short_name="C19")
    response = editor_client.post(f"/norddjurs/organisation/{unit.pk}/genaabn/", {"version": 1})
    assert response.status_code == 200
    assert "Nogen andre har gemt" in response.text


def test_the_change_log_filters_by_date_range(admin_client_local, norddjurs):
    admin_client_local.post("/norddjurs/organisation/ny/", {"name": "Dagens enhed", "kind": "team"})
    page = admin_client_local.get("/norddjurs/aendringslog/", {"until": "2000-01-01"}).text
    assert "«Dagens enhed»" not in page
    page = admin_client_local.get("/norddjurs/aendringslog/", {"since": "2000-01-01"}).text
    assert "«Dagens enhed»" in page


def test_the_tree_shows_closed_units_only_when_asked(editor_client, norddjurs):
    OrgUnitFactory(name="Gruppe for markedsføring", closed_on="2019-10-31")
    assert "Gruppe for markedsføring" not in editor_client.get("/norddjurs/organisation/").text
    page = editor_client.get("/norddjurs/organisation/", {"include_closed": "on"}).text
    assert "Gruppe for markedsføring" in page
