"""The contract pages: the list and the expiry overview, a contract with its deadlines,
costs and usages, and the forms that write through ``services.contracts``."""

import datetime
import re
import uuid
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.dates import add_months
from styrbord.core.services import changes
from styrbord.systems import panels_contracts
from styrbord.systems.models import Contract, ContractCost
from styrbord.systems.services import contracts as services
from tests.factories import OrgUnitFactory
from tests.systems.factories import ContractFactory, SupplierFactory, UsageFactory

SLUG = "norddjurs"
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def english(settings):
    """These tests read the pages' English source strings, not the Danish catalogue."""
    settings.LANGUAGE_CODE = "en"


def _url(name: str, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": slug, **kwargs})


def _error_of(html: str, field: str) -> str:
    match = re.search(rf'id="id_{field}_error">(.*?)</span>\s*(?:<|$)', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def _data(supplier=None, **overrides) -> dict:
    data = {
        "name": "Drift af ESDH",
        "number": "K-17",
        "contract_type": "Drift",
        "supplier": str(getattr(supplier, "pk", supplier or "")),
        "owner": "",
        "parent": "",
        "procurement": "tender",
        "concluded_on": "2025-12-01",
        "starts_on": "2026-01-01",
        "duration_months": "48",
        "expires_on": "2029-12-31",
        "irrevocable_until": "",
        "terminated_on": "",
        "notice_months": "6",
        "notice_by_end_of": "month",
        "decision_lead_months": "6",
        "extension_options": "2 x 12 måneder",
        "extensions_used": "0",
        "version": "",
    }
    data.update(overrides)
    return data


def _fields_of(contract: Contract) -> dict:
    """The edit form's data for ``contract`` as loaded."""

    def text(value):
        return "" if value is None else str(value)

    return _data(
        name=contract.name,
        number=contract.number,
        supplier=text(contract.supplier_id),
        owner=text(contract.owner_id),
        parent=text(contract.parent_id),
        starts_on=text(contract.starts_on),
        expires_on=text(contract.expires_on),
        notice_months=text(contract.notice_months),
        notice_by_end_of=contract.notice_by_end_of,
        version=str(contract.version),
    )


def _get(pk: int) -> Contract:
    with scopes_disabled():
        return Contract.objects.get(pk=pk)


@pytest.fixture
def contract(norddjurs):
    return ContractFactory(
        name="Aula",
        starts_on=datetime.date(2024, 1, 1),
        expires_on=add_months(TODAY, 10),
        notice_months=3,
    )


# Reading


@pytest.mark.parametrize("name", ["contracts", "expiring"])
def test_the_lists_render_for_a_reader(reader_client, contract, name):
    response = reader_client.get(_url(name))
    assert response.status_code == 200
    assert "Aula" in response.content.decode()


def test_the_list_shows_the_notice_and_decision_deadlines_in_words(reader_client, norddjurs):
    ContractFactory(
        name="SBSYS",
        starts_on=datetime.date(2020, 1, 1),
        expires_on=datetime.date(2099, 6, 30),
        notice_months=3,
    )
    html = reader_client.get(_url("contracts")).content.decode()
    assert "Give notice by 03/31/2099" in html or "Give notice by 31.03.2099" in html
    assert "Decide by" in html


def test_the_list_reads_a_bounded_number_of_queries(
    reader_client, norddjurs, django_assert_max_num_queries
):
    for _ in range(30):
        ContractFactory()
    with django_assert_max_num_queries(14):
        response = reader_client.get(_url("contracts"))
    assert response.status_code == 200
    assert len(response.context["rows"]) == 25


def test_the_expiry_page_reads_a_bounded_number_of_queries(
    reader_client, norddjurs, django_assert_max_num_queries
):
    for months in (2, 8, 14, 3, 9):
        ContractFactory(expires_on=add_months(TODAY, months), notice_months=1)
    with django_assert_max_num_queries(15):
        assert reader_client.get(_url("expiring")).status_code == 200


def test_the_expiry_page_puts_each_contract_in_its_band(reader_client, norddjurs):
    ContractFactory(name="Snart", expires_on=add_months(TODAY, 2), notice_months=1)
    ContractFactory(name="Senere", expires_on=add_months(TODAY, 9), notice_months=1)
    ContractFactory(name="Sidst", expires_on=add_months(TODAY, 15), notice_months=1)
    sections = reader_client.get(_url("expiring")).context["sections"]
    assert [[c.name for c, _d in rows] for _i, _h, rows in sections] == [
        ["Snart"],
        ["Senere"],
        ["Sidst"],
    ]


def test_the_list_filters_by_expiry_and_notice_deadline(reader_client, norddjurs):
    ContractFactory(name="Snart", expires_on=add_months(TODAY, 4), notice_months=1)
    ContractFactory(name="Fjern", expires_on=add_months(TODAY, 40), notice_months=1)

    def names(query):
        return [c.name for c, _d in reader_client.get(_url("contracts"), query).context["rows"]]

    assert names({"expiring": "6"}) == ["Snart"]
    assert names({"notice_soon": "yes"}) == ["Snart"]
    assert names({"notice_soon": "no"}) == ["Fjern"]
    assert names({"q": "fje"}) == ["Fjern"]


def test_the_list_shows_only_this_municipalitys_contracts(reader_client, contract, rebild):
    ContractFactory(municipality=rebild, name="Rebilds kontrakt")
    assert "Rebilds kontrakt" not in reader_client.get(_url("contracts")).content.decode()


def test_a_contract_of_another_municipality_is_not_found(editor_client, rebild):
    theirs = ContractFactory(municipality=rebild)
    for name in (
        "contract_detail",
        "contract_edit",
        "contract_delete",
        "contract_usages",
        "cost_create",
    ):
        assert editor_client.get(_url(name, pk=theirs.pk)).status_code == 404


def test_the_detail_explains_the_deadlines_and_totals_the_costs(reader_client, contract):
    unit = OrgUnitFactory(name="Skoleafdelingen")
    with scope(municipality=contract.municipality):
        services.add_cost(contract, actor=None, year=2026, org_unit=unit, running=Decimal(1000))
        services.add_cost(contract, actor=None, year=2026, acquisition=Decimal(500))
    response = reader_client.get(_url("contract_detail", pk=contract.pk))
    html = response.content.decode()
    assert "With 3 months&#x27; notice" in html or "With 3 months' notice" in html
    assert "Skoleafdelingen" in html and "The whole municipality" in html
    costs = response.context["costs"]
    assert (costs.acquisition, costs.running) == (Decimal(500), Decimal(1000))


def test_the_detail_lists_usages_and_child_contracts(reader_client, contract):
    usage = UsageFactory(local_name="Aula forældre")
    ContractFactory(name="Tillægsaftale", parent=contract)
    with scope(municipality=contract.municipality):
        services.set_usages(contract, [usage], actor=None)
    html = reader_client.get(_url("contract_detail", pk=contract.pk)).content.decode()
    assert "Aula forældre" in html and "Tillægsaftale" in html


def test_a_reader_may_not_write(reader_client, contract):
    assert reader_client.get(_url("contract_create")).status_code == 403
    assert reader_client.get(_url("contract_edit", pk=contract.pk)).status_code == 403
    assert reader_client.post(_url("contract_delete", pk=contract.pk)).status_code == 403
    assert reader_client.post(_url("cost_create", pk=contract.pk)).status_code == 403


def test_the_contract_owner_edits_their_contract_as_a_reader(client, reader, contract):
    with scopes_disabled():
        changes.update(
            contract.owner,
            actor=None,
            expected_version=contract.owner.version,
            changes={"user": reader},
        )
    client.force_login(reader)
    data = _fields_of(contract) | {"number": "K-99"}
    response = client.post(_url("contract_edit", pk=contract.pk), data)
    assert response.status_code == 302
    assert _get(contract.pk).number == "K-99"
    # Deleting still needs an editor.
    assert client.post(_url("contract_delete", pk=contract.pk)).status_code == 403


# Writing


def test_an_editor_adds_a_contract(editor_client, norddjurs):
    supplier = SupplierFactory(name="Netcompany")
    response = editor_client.post(_url("contract_create"), _data(supplier))
    assert response.status_code == 302
    with scopes_disabled():
        created = Contract.objects.get(name="Drift af ESDH")
    assert created.supplier == supplier
    assert response.url == _url("contract_detail", pk=created.pk)


def test_a_catalogue_supplier_can_be_chosen(editor_client, norddjurs):
    with scopes_disabled():
        from styrbord.core.models import Municipality

        catalogue = Municipality.objects.get(is_catalogue=True)
    shared = SupplierFactory(municipality=catalogue, name="KMD")
    assert editor_client.post(_url("contract_create"), _data(shared)).status_code == 302


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"starts_on": "2026-06-01", "expires_on": "2026-01-01"}, "expires before it starts"),
        (
            {"starts_on": "2026-01-01", "expires_on": "2026-06-30", "notice_months": "12"},
            "longer than the whole contract",
        ),
    ],
)
def test_bad_terms_are_refused_next_to_the_expiry_and_the_input_is_kept(
    editor_client, norddjurs, overrides, expected
):
    response = editor_client.post(_url("contract_create"), _data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert expected in _error_of(html, "expires_on")
    assert 'value="Drift af ESDH"' in html and 'value="2 x 12 måneder"' not in html
    assert "2 x 12 måneder" in html
    with scopes_disabled():
        assert not Contract.objects.exists()


def test_a_parent_that_would_make_a_cycle_is_refused_next_to_the_field(editor_client, contract):
    child = ContractFactory(name="Underaftale", parent=contract)
    data = _fields_of(contract) | {"parent": str(child.pk), "number": "typed"}
    response = editor_client.post(_url("contract_edit", pk=contract.pk), data)
    assert response.status_code == 400
    assert "each other's parents" in _error_of(response.content.decode(), "parent").replace(
        "&#x27;", "'"
    )
    assert 'value="typed"' in response.content.decode()
    assert _get(contract.pk).parent_id is None


def test_a_stale_edit_keeps_the_input_and_says_why(editor_client, editor, contract):
    data = _fields_of(contract) | {"number": "Mit nummer"}
    with scope(municipality=contract.municipality):
        services.update_contract(
            contract, actor=editor, expected_version=contract.version, number="Andet nummer"
        )
    response = editor_client.post(_url("contract_edit", pk=contract.pk), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Someone else saved this" in html and 'value="Mit nummer"' in html
    assert _get(contract.pk).number == "Andet nummer"


def test_kitos_mastered_fields_are_read_only_with_their_source(editor_client, contract):
    with scopes_disabled():
        Contract.objects.filter(pk=contract.pk).update(
            kitos_uuid=uuid.uuid4(), kitos_synced_at=timezone.now()
        )
    response = editor_client.get(_url("contract_edit", pk=contract.pk))
    form = response.context["form"]
    assert form.fields["expires_on"].disabled and "KITOS" in str(
        form.fields["expires_on"].help_text
    )
    assert not form.fields["owner"].disabled
    assert not form.fields["decision_lead_months"].disabled
    # A post that tries to change a mastered field keeps the stored value.
    fresh = _get(contract.pk)
    data = _fields_of(fresh) | {"expires_on": "2099-01-01", "decision_lead_months": "3"}
    assert editor_client.post(_url("contract_edit", pk=contract.pk), data).status_code == 302
    saved = _get(contract.pk)
    assert saved.expires_on == contract.expires_on and saved.decision_lead_months == 3


def test_an_editor_deletes_a_contract_after_confirming(editor_client, contract):
    assert editor_client.get(_url("contract_delete", pk=contract.pk)).status_code == 200
    assert editor_client.post(_url("contract_delete", pk=contract.pk)).status_code == 302
    with scopes_disabled():
        assert not Contract.objects.filter(pk=contract.pk).exists()


def test_a_contract_with_children_is_not_deleted(editor_client, contract):
    ContractFactory(parent=contract)
    assert editor_client.post(_url("contract_delete", pk=contract.pk)).status_code == 400
    with scopes_disabled():
        assert Contract.objects.filter(pk=contract.pk).exists()


def test_an_editor_adds_and_deletes_a_cost(editor_client, contract):
    response = editor_client.post(
        _url("cost_create", pk=contract.pk),
        {"year": "2026", "org_unit": "", "acquisition": "0", "running": "1200.50"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        cost = ContractCost.objects.get(contract=contract)
    assert cost.running == Decimal("1200.50")
    assert editor_client.post(_url("cost_delete", pk=cost.pk)).status_code == 302
    with scopes_disabled():
        assert not ContractCost.objects.exists()


def test_a_negative_cost_is_refused_next_to_the_field(editor_client, contract):
    response = editor_client.post(
        _url("cost_create", pk=contract.pk),
        {"year": "2026", "org_unit": "", "acquisition": "0", "running": "-5"},
    )
    assert response.status_code == 400
    assert _error_of(response.content.decode(), "running")


def test_an_editor_links_usages_and_another_municipalitys_is_refused(
    editor_client, contract, rebild
):
    ours = UsageFactory(local_name="Aula skole")
    theirs = UsageFactory(municipality=rebild)
    refused = editor_client.post(
        _url("contract_usages", pk=contract.pk), {"usages": [ours.pk, theirs.pk]}
    )
    assert refused.status_code == 400
    assert _error_of(refused.content.decode(), "usages")
    with scopes_disabled():
        assert not contract.usages.exists()
    saved = editor_client.post(_url("contract_usages", pk=contract.pk), {"usages": [ours.pk]})
    assert saved.status_code == 302
    with scopes_disabled():
        assert list(contract.usages.all()) == [ours]


# The usage page's panel


def test_the_usage_panel_lists_the_contracts_covering_it_with_their_deadline(
    in_norddjurs, reader, contract, django_assert_max_num_queries
):
    usage = UsageFactory()
    services.set_usages(contract, [usage], actor=None)
    request = RequestFactory().get("/")
    request.user, request.municipality = reader, in_norddjurs
    with django_assert_max_num_queries(1):
        context = panels_contracts.usage_contracts(request, usage)
        rows = list(context["rows"])
    assert [c for c, _d in rows] == [contract]
    assert rows[0][1].notice_by is not None
