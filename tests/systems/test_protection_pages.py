"""The data-processing pages: the list with the next oversight, a registration with its
links and oversight, and the forms that write through ``services.data_protection``."""

import datetime
import re
import uuid

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.dates import add_months
from styrbord.core.models import Municipality
from styrbord.core.services import changes
from styrbord.systems import panels_protection
from styrbord.systems.models import DataProcessingRegistration, Oversight
from styrbord.systems.services import data_protection as services
from tests.factories import OrgUnitFactory
from tests.systems.factories import (
    ContractFactory,
    IncidentFactory,
    RegistrationFactory,
    SupplierFactory,
    UsageFactory,
)

SLUG = "norddjurs"
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _url(name: str, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": slug, **kwargs})


def _error_of(html: str, field: str) -> str:
    match = re.search(rf'id="id_{field}_error">(.*?)</span>\s*(?:<|$)', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def _catalogue() -> Municipality:
    return Municipality.objects.get(is_catalogue=True)


def _data(**overrides) -> dict:
    data = {
        "name": "Løn og personale",
        "responsible_unit": "",
        "processors": [],
        "sub_processors": [],
        "third_country_transfer": "",
        "transfer_basis": "",
        "agreement_concluded": "yes",
        "agreement_on": "2025-03-01",
        "oversight_method": "ISAE 3000 statement",
        "oversight_interval_months": "12",
        "usages": [],
        "contracts": [],
        "version": "",
    }
    data.update(overrides)
    return data


def _oversee(registration, done_on):
    with scopes_disabled():
        return changes.create(
            Oversight(
                municipality=registration.municipality,
                registration=registration,
                done_on=done_on,
            ),
            actor=None,
        )


def _get(pk):
    with scopes_disabled():
        return DataProcessingRegistration.objects.get(pk=pk)


def _ids(registration, field):
    with scopes_disabled():
        return set(getattr(registration, field).values_list("pk", flat=True))


def test_an_editor_adds_a_registration_with_its_processors_and_links(editor_client, norddjurs):
    own = SupplierFactory()
    catalogue = SupplierFactory(municipality=_catalogue())
    usage = UsageFactory()
    contract = ContractFactory()
    unit = OrgUnitFactory(municipality=norddjurs)
    response = editor_client.post(
        _url("registration_create"),
        _data(
            processors=[own.pk, catalogue.pk],
            sub_processors=[catalogue.pk],
            usages=[usage.pk],
            contracts=[contract.pk],
            responsible_unit=unit.pk,
        ),
    )
    assert response.status_code == 302
    with scopes_disabled():
        registration = DataProcessingRegistration.objects.get(name="Løn og personale")
    assert response.url == _url("registration_detail", pk=registration.pk)
    assert _ids(registration, "processors") == {own.pk, catalogue.pk}
    assert _ids(registration, "sub_processors") == {catalogue.pk}
    assert _ids(registration, "usages") == {usage.pk}
    assert _ids(registration, "contracts") == {contract.pk}
    assert registration.responsible_unit == unit


def test_a_third_country_transfer_without_basis_is_refused_next_to_the_field(editor_client):
    response = editor_client.post(
        _url("registration_create"), _data(third_country_transfer="on", name="Zoom")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the basis of a transfer to a third country." in _error_of(html, "transfer_basis")
    # Nothing typed is lost.
    assert 'value="Zoom"' in html
    with scopes_disabled():
        assert not DataProcessingRegistration.objects.filter(name="Zoom").exists()


def test_another_municipalitys_supplier_is_refused_as_a_processor(editor_client, rebild):
    foreign = SupplierFactory(municipality=rebild)
    response = editor_client.post(_url("registration_create"), _data(processors=[foreign.pk]))
    assert response.status_code == 400
    assert _error_of(response.content.decode(), "processors")
    with scopes_disabled():
        assert not DataProcessingRegistration.objects.exists()


def test_another_municipalitys_usage_or_contract_is_refused(editor_client, rebild):
    usage = UsageFactory(municipality=rebild)
    contract = ContractFactory(municipality=rebild)
    response = editor_client.post(
        _url("registration_create"), _data(usages=[usage.pk], contracts=[contract.pk])
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert _error_of(html, "usages") and _error_of(html, "contracts")


def test_editing_keeps_catalogue_processors_and_saves_the_change(editor_client):
    catalogue = SupplierFactory(municipality=_catalogue())
    registration = RegistrationFactory()
    services.set_registration_relation(registration, "processors", [catalogue], actor=None)
    form = editor_client.get(_url("registration_edit", pk=registration.pk)).content.decode()
    assert re.search(rf'<option value="{catalogue.pk}" selected>', form)
    response = editor_client.post(
        _url("registration_edit", pk=registration.pk),
        _data(name="Nyt navn", processors=[catalogue.pk], version=registration.version),
    )
    assert response.status_code == 302
    saved = _get(registration.pk)
    assert saved.name == "Nyt navn"
    assert _ids(saved, "processors") == {catalogue.pk}


def test_a_stale_edit_is_refused_and_keeps_the_input(editor_client):
    registration = RegistrationFactory()
    services.update_registration(
        _get(registration.pk), actor=None, expected_version=registration.version, name="Andet"
    )
    response = editor_client.post(
        _url("registration_edit", pk=registration.pk),
        _data(name="Mit navn", version=registration.version),
    )
    assert response.status_code == 400
    assert "Someone else saved this" in response.content.decode()
    assert _get(registration.pk).name == "Andet"


def test_kitos_fields_are_shown_read_only_with_their_source(editor_client):
    registration = RegistrationFactory(
        kitos_uuid=uuid.uuid4(), kitos_synced_at=timezone.now(), oversight_interval_months=12
    )
    html = editor_client.get(_url("registration_edit", pk=registration.pk)).content.decode()
    assert re.search(r'name="name"[^>]*disabled', html)
    assert "From KITOS, read" in html
    response = editor_client.post(
        _url("registration_edit", pk=registration.pk),
        _data(name="Changed locally", version=registration.version),
    )
    # The disabled field keeps KITOS's value; the rest saves.
    assert response.status_code == 302
    assert _get(registration.pk).name == registration.name


def test_a_reader_sees_but_cannot_add_or_edit(reader_client):
    registration = RegistrationFactory()
    html = reader_client.get(_url("registrations")).content.decode()
    assert registration.name in html
    assert _url("registration_create") not in html
    assert reader_client.get(_url("registration_create")).status_code == 403
    assert reader_client.get(_url("registration_edit", pk=registration.pk)).status_code == 403
    assert reader_client.post(_url("registration_delete", pk=registration.pk)).status_code == 403


def test_another_municipalitys_registration_is_not_found(editor_client, rebild):
    foreign = RegistrationFactory(municipality=rebild)
    for name in ("registration_detail", "registration_edit", "oversight_create"):
        assert editor_client.get(_url(name, pk=foreign.pk)).status_code == 404


def test_the_list_says_when_oversight_is_overdue_in_words(reader_client):
    RegistrationFactory(
        name="Forfalden",
        agreement_on=TODAY - datetime.timedelta(days=800),
        oversight_interval_months=12,
    )
    html = reader_client.get(_url("registrations")).content.decode()
    row = re.search(r"Forfalden.*?</tr>", html, re.S).group(0)
    assert "Overdue" in row


def test_the_overdue_filter_compares_the_last_oversight_and_the_interval(reader_client):
    late = RegistrationFactory(name="Late", oversight_interval_months=6)
    _oversee(late, TODAY - datetime.timedelta(days=200))
    on_time = RegistrationFactory(name="OnTime", oversight_interval_months=24)
    _oversee(on_time, TODAY - datetime.timedelta(days=200))
    RegistrationFactory(
        name="Never",
        agreement_on=TODAY - datetime.timedelta(days=400),
        oversight_interval_months=12,
    )
    RegistrationFactory(name="NoInterval", agreement_on=TODAY - datetime.timedelta(days=4000))
    due_today = RegistrationFactory(name="DueToday", oversight_interval_months=1)
    _oversee(due_today, TODAY - datetime.timedelta(days=40))
    # Due today is not yet overdue.
    _oversee(due_today, add_months(TODAY, -1))

    def names(value):
        html = reader_client.get(_url("registrations"), {"overdue": value}).content.decode()
        return {n for n in ("Late", "OnTime", "Never", "NoInterval", "DueToday") if n in html}

    assert names("yes") == {"Late", "Never"}
    assert names("no") == {"OnTime", "NoInterval", "DueToday"}


def test_the_list_filters_by_transfer_agreement_unit_and_search(reader_client, norddjurs):
    unit = OrgUnitFactory(municipality=norddjurs)
    processor = SupplierFactory(name="Cloudfirma ApS")
    abroad = RegistrationFactory(
        name="Abroad", third_country_transfer=True, transfer_basis="SCC", responsible_unit=unit
    )
    services.set_registration_relation(abroad, "processors", [processor], actor=None)
    RegistrationFactory(name="Home", agreement_concluded="no")

    def names(**params):
        html = reader_client.get(_url("registrations"), params).content.decode()
        return {n for n in ("Abroad", "Home") if f">{n}<" in html}

    assert names(third_country="yes") == {"Abroad"}
    assert names(third_country="no") == {"Home"}
    assert names(agreement_concluded="no") == {"Home"}
    assert names(responsible_unit=unit.pk) == {"Abroad"}
    assert names(q="cloudfirma") == {"Abroad"}


def test_the_list_reads_a_bounded_number_of_queries(reader_client, django_assert_max_num_queries):
    catalogue_supplier = SupplierFactory(municipality=_catalogue())
    for number in range(30):
        registration = RegistrationFactory(oversight_interval_months=12)
        services.set_registration_relation(
            registration, "processors", [catalogue_supplier, SupplierFactory()], actor=None
        )
        services.set_registration_relation(registration, "usages", [UsageFactory()], actor=None)
        _oversee(registration, TODAY - datetime.timedelta(days=number))
    # Municipality, session, user, role, the intervals in use, the count, the page, four
    # prefetches, the unit filter's choices, the nav's membership and the session's save.
    with django_assert_max_num_queries(16):
        response = reader_client.get(_url("registrations"), {"overdue": "no"})
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()


def test_the_detail_shows_links_oversight_and_the_next_due(reader_client):
    usage = UsageFactory(local_name="Lønsystem")
    contract = ContractFactory(name="Lønkontrakt")
    registration = RegistrationFactory(oversight_interval_months=12, oversight_method="ISAE 3000")
    services.set_registration_relation(registration, "usages", [usage], actor=None)
    services.set_registration_relation(registration, "contracts", [contract], actor=None)
    _oversee(registration, datetime.date(2026, 2, 28))
    html = reader_client.get(_url("registration_detail", pk=registration.pk)).content.decode()
    assert "Lønsystem" in html
    assert _url("contract_detail", pk=contract.pk) in html
    assert "ISAE 3000" in html
    assert "28.02.2026" in html or "02/28/2026" in html
    # A reader records nothing.
    assert _url("oversight_create", pk=registration.pk) not in html


def test_recording_an_oversight_moves_the_next_due_date(editor_client):
    registration = RegistrationFactory(oversight_interval_months=12)
    response = editor_client.post(
        _url("oversight_create", pk=registration.pk),
        {"done_on": "2026-01-31", "remark": "Erklæring uden forbehold"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        oversight = Oversight.objects.get(registration=registration)
    assert oversight.remark == "Erklæring uden forbehold"
    html = editor_client.get(_url("registration_detail", pk=registration.pk)).content.decode()
    assert "Erklæring uden forbehold" in html


def test_an_oversight_without_a_date_is_refused_next_to_the_field(editor_client):
    registration = RegistrationFactory()
    response = editor_client.post(
        _url("oversight_create", pk=registration.pk), {"done_on": "", "remark": "x"}
    )
    assert response.status_code == 400
    assert "Give the date of the oversight." in _error_of(response.content.decode(), "done_on")


def test_an_editor_deletes_an_oversight_and_a_registration(editor_client):
    registration = RegistrationFactory()
    oversight = _oversee(registration, TODAY)
    response = editor_client.post(_url("oversight_delete", pk=oversight.pk))
    assert response.status_code == 302
    with scopes_disabled():
        assert not Oversight.objects.filter(pk=oversight.pk).exists()
    assert editor_client.get(_url("registration_delete", pk=registration.pk)).status_code == 200
    response = editor_client.post(_url("registration_delete", pk=registration.pk))
    assert response.url == _url("registrations")
    with scopes_disabled():
        assert not DataProcessingRegistration.objects.filter(pk=registration.pk).exists()


def test_another_municipalitys_oversight_cannot_be_deleted(editor_client, rebild):
    oversight = _oversee(RegistrationFactory(municipality=rebild), TODAY)
    assert editor_client.post(_url("oversight_delete", pk=oversight.pk)).status_code == 404


def test_the_usage_panel_lists_registrations_and_incidents(
    in_norddjurs, reader, django_assert_max_num_queries
):
    usage = UsageFactory()
    registration = RegistrationFactory(
        name="Linked",
        agreement_on=TODAY - datetime.timedelta(days=800),
        oversight_interval_months=12,
    )
    services.set_registration_relation(registration, "usages", [usage], actor=None)
    RegistrationFactory(name="Unlinked")
    IncidentFactory(usage=usage, description="Forkert modtager")
    request = RequestFactory().get("/")
    request.user, request.municipality = reader, in_norddjurs
    with django_assert_max_num_queries(10):
        context = panels_protection.usage_protection(request, usage)
    html = render_to_string("systems/panels/protection.html", context, request=request)
    assert "Linked" in html and "Unlinked" not in html
    assert "Overdue" in html
    assert "Forkert modtager" in html
    assert "Datatilsynet must be notified by" in html
    assert f"{_url('incident_create')}?usage={usage.pk}" in html
    assert "countdown.js" in html
