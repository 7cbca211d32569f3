"""The catalogue pages: IT systems (the catalogue's and our own) and suppliers."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from styrbord.systems.models import ArchiveDuty, ItSystem, Supplier
from tests.portfolio.factories import catalogue
from tests.systems.factories import SupplierFactory, SystemFactory, UsageFactory

SLUG = "norddjurs"


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _url(name: str, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": slug, **kwargs})


@pytest.fixture
def shared_system(db):
    supplier = SupplierFactory(municipality=catalogue(), name="KOMBIT")
    return SystemFactory(
        municipality=catalogue(),
        supplier=supplier,
        name="Ydelsesrefusion",
        kitos_uuid=uuid.uuid4(),
        kle_topics=[{"number": "32.18.00", "title": "Refusion"}],
        archive_duty=ArchiveDuty.PRESERVE,
    )


def test_the_catalogue_lists_shared_and_own_systems_but_not_others(
    reader_client, norddjurs, rebild, shared_system
):
    SystemFactory(name="Vores lokale")
    SystemFactory(municipality=rebild, name="Rebilds lokale")
    html = reader_client.get(_url("catalogue")).content.decode()
    assert "Ydelsesrefusion" in html and "Vores lokale" in html
    assert "Rebilds lokale" not in html


def test_the_catalogue_searches_and_marks_systems_used_here(
    reader_client, norddjurs, shared_system
):
    UsageFactory(system=shared_system)
    SystemFactory(name="Ubrugt")
    html = reader_client.get(_url("catalogue"), {"used": "yes"}).content.decode()
    assert "Ydelsesrefusion" in html and "Ubrugt" not in html
    html = reader_client.get(_url("catalogue"), {"q": "kombit"}).content.decode()
    assert "Ydelsesrefusion" in html and "Ubrugt" not in html


def test_another_municipalitys_usage_does_not_count_as_used_here(
    reader_client, norddjurs, rebild, shared_system
):
    UsageFactory(municipality=rebild, system=shared_system)
    html = reader_client.get(_url("catalogue"), {"used": "yes"}).content.decode()
    assert "Ydelsesrefusion" not in html


def _catalogue_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(_url("catalogue")).status_code == 200
    return len(captured)


def test_the_catalogue_reads_as_many_queries_for_3_systems_as_for_30(reader_client, norddjurs):
    SystemFactory.create_batch(3)
    _catalogue_queries(reader_client)
    few = _catalogue_queries(reader_client)
    SystemFactory.create_batch(27, municipality=catalogue())
    assert _catalogue_queries(reader_client) == few


def test_the_supplier_list_reads_a_fixed_number_of_queries(reader_client, norddjurs):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert reader_client.get(_url("supplier_list")).status_code == 200
        return len(captured)

    SystemFactory.create_batch(3)
    count()
    few = count()
    SystemFactory.create_batch(27)
    assert count() == few


def test_the_system_page_shows_kle_topics_and_our_usages(reader_client, norddjurs, shared_system):
    usage = UsageFactory(system=shared_system, local_name="Refusion i Jobcenter")
    html = reader_client.get(_url("system_detail", pk=shared_system.pk)).content.decode()
    assert "32.18.00" in html and "Refusion" in html
    assert "B: preserve" in html
    assert "KOMBIT" in html
    assert _url("usage_detail", pk=usage.pk) in html
    # The catalogue's rows are read-only.
    assert _url("system_edit", pk=shared_system.pk) not in html


def test_a_catalogue_system_cannot_be_edited(editor_client, norddjurs, shared_system):
    assert editor_client.get(_url("system_edit", pk=shared_system.pk)).status_code == 404


def test_another_municipalitys_system_and_supplier_are_not_found(editor_client, rebild):
    system = SystemFactory(municipality=rebild)
    for name in ("system_detail", "system_edit"):
        assert editor_client.get(_url(name, pk=system.pk)).status_code == 404
    assert editor_client.get(_url("supplier_detail", pk=system.supplier.pk)).status_code == 404


def test_an_editor_adds_an_own_system_with_kle_topics(editor_client, norddjurs):
    supplier = SupplierFactory(name="Lokal IT")
    response = editor_client.post(
        _url("system_create"),
        {
            "name": "Bookingsystem",
            "supplier": supplier.pk,
            "description": "",
            "business_type": "Booking",
            "kle_topics": "00.01.10 Lokaler\n\n17.01.00 Idræt",
            "parent": "",
            "archive_duty": ArchiveDuty.DISCARD,
            "is_active": "on",
            "version": "",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        system = ItSystem.objects.get(name="Bookingsystem")
    assert system.kle_topics == [
        {"number": "00.01.10", "title": "Lokaler"},
        {"number": "17.01.00", "title": "Idræt"},
    ]


def test_a_bad_kle_line_is_refused_next_to_the_field(editor_client, norddjurs):
    response = editor_client.post(
        _url("system_create"),
        {"name": "X", "kle_topics": "Lokaler", "archive_duty": ArchiveDuty.UNDECIDED},
    )
    assert response.status_code == 400
    assert 'id="id_kle_topics_error"' in response.content.decode()


def test_an_editor_edits_an_own_system(editor_client, norddjurs):
    system = SystemFactory(name="Gammelt navn", kle_topics=[{"number": "27.24.00", "title": "T"}])
    form = editor_client.get(_url("system_edit", pk=system.pk)).content.decode()
    assert "27.24.00 T</textarea>" in form
    response = editor_client.post(
        _url("system_edit", pk=system.pk),
        {
            "name": "Nyt navn",
            "supplier": system.supplier_id,
            "kle_topics": "27.24.00 T",
            "archive_duty": ArchiveDuty.UNDECIDED,
            "is_active": "on",
            "version": system.version,
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert ItSystem.objects.get(pk=system.pk).name == "Nyt navn"


def test_a_reader_adds_no_system_and_no_supplier(reader_client, norddjurs):
    assert reader_client.get(_url("system_create")).status_code == 403
    assert reader_client.post(_url("supplier_create"), {"name": "X"}).status_code == 403
    assert _url("system_create") not in reader_client.get(_url("catalogue")).content.decode()


def test_an_editor_adds_a_supplier_and_a_bad_cvr_is_refused(editor_client, norddjurs):
    response = editor_client.post(_url("supplier_create"), {"name": "Lokal IT", "cvr": "12"})
    assert response.status_code == 400
    assert 'id="id_cvr_error"' in response.content.decode()
    response = editor_client.post(
        _url("supplier_create"), {"name": "Lokal IT", "cvr": "12345678", "version": ""}
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert Supplier.objects.filter(name="Lokal IT", cvr="12345678").exists()


def test_the_supplier_pages_count_systems_and_show_our_usages(
    reader_client, norddjurs, rebild, shared_system
):
    SystemFactory(municipality=rebild, supplier=shared_system.supplier, name="Rebilds")
    usage = UsageFactory(system=shared_system)
    html = reader_client.get(_url("supplier_list"), {"q": "KOMBIT"}).content.decode()
    assert "KOMBIT" in html
    assert '<td class="styrbord-number">1</td>' in html
    html = reader_client.get(_url("supplier_detail", pk=shared_system.supplier.pk)).content.decode()
    assert "Ydelsesrefusion" in html and "Rebilds" not in html
    assert _url("usage_detail", pk=usage.pk) in html
