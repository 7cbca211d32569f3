"""The KITOS client against a real local HTTP server that behaves like KITOS."""

import json
import socket
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.utils import translation

from styrbord.integrations.kitos.client import (
    KitosAuthError,
    KitosClient,
    KitosError,
    format_timestamp,
)
from tests.integrations import kitos_server as kitos
from tests.integrations.kitos_server import NORDDJURS_UUID, REBILD_UUID

# The server fixture, made visible to this module's tests.
kitos_server = kitos.kitos_server

USAGES = "/api/v2/it-system-usages"
NORDDJURS_USAGES = 7
SBSYS_NORDDJURS = "81078d96-735e-5bdd-adc4-8a1ca99c1a74"


@pytest.fixture(autouse=True)
def english():
    """The tests read the client's English messages, not the Danish catalogue."""
    with translation.override("en"):
        yield


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(kitos_server, sleeps):
    return kitos_server.client(sleep=sleeps.append)


# --- login and token -------------------------------------------------------------------


def test_login_keeps_the_token_from_kitos(kitos_server, client):
    assert client.login() == "kitos-test-token"
    assert client.token == "kitos-test-token"
    assert client.token_expires


def test_wrong_password_raises_auth_error(kitos_server):
    client = KitosClient(kitos_server.url, kitos_server.email, "wrong")
    with pytest.raises(KitosAuthError, match="GetToken"):
        client.login()
    assert kitos_server.logins == 1


def test_first_call_logs_in_and_sends_the_bearer_token(kitos_server, client):
    list(client.system_usages(REBILD_UUID))
    assert kitos_server.logins == 1
    calls = [r for r in kitos_server.requests if r.path == USAGES]
    assert calls and all(r.authorization == "Bearer kitos-test-token" for r in calls)


def test_server_refuses_a_call_without_token(kitos_server):
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(kitos_server.url + USAGES, timeout=5)
    assert raised.value.code == 401


def test_expired_token_is_renewed_once_and_the_call_repeated(kitos_server, client):
    client.login()
    kitos_server.expire_tokens()
    usages = list(client.system_usages(REBILD_UUID))
    assert len(usages) == 3
    assert kitos_server.logins == 2
    assert client.token == "kitos-test-token-2"


def test_token_refused_after_login_again_raises_auth_error(kitos_server, client):
    kitos_server.refuse_tokens = True
    with pytest.raises(KitosAuthError, match=USAGES):
        list(client.system_usages(REBILD_UUID))
    assert kitos_server.logins == 2


def test_auth_error_is_a_kitos_error():
    assert issubclass(KitosAuthError, KitosError)


# --- paging ----------------------------------------------------------------------------


def test_pages_reads_every_page_until_a_short_one(kitos_server, sleeps):
    client = kitos_server.client(page_size=2, sleep=sleeps.append)
    usages = list(client.system_usages(NORDDJURS_UUID))
    assert len(usages) == NORDDJURS_USAGES
    assert len({u["uuid"] for u in usages}) == NORDDJURS_USAGES
    assert kitos_server.pages_read(USAGES) == [0, 1, 2, 3]


def test_exact_multiple_of_page_size_needs_one_extra_empty_page(kitos_server, sleeps):
    client = kitos_server.client(page_size=3, sleep=sleeps.append)
    usages = list(client.system_usages(REBILD_UUID))
    assert len(usages) == 3
    assert kitos_server.pages_read(USAGES) == [0, 1]


def test_pages_sends_page_size(kitos_server, sleeps):
    client = kitos_server.client(page_size=2, sleep=sleeps.append)
    list(client.contracts(NORDDJURS_UUID))
    sizes = {
        r.params["pageSize"] for r in kitos_server.requests if r.path == "/api/v2/it-contracts"
    }
    assert sizes == {"2"}


def test_base_url_must_be_http():
    with pytest.raises(ValueError, match="http"):
        KitosClient("file:///etc/passwd", "a", "b")


def test_default_page_size_is_250(client):
    assert client.page_size == 250


@pytest.mark.parametrize("size", [0, 251])
def test_page_size_outside_kitos_limits_is_refused(size):
    with pytest.raises(ValueError):
        KitosClient("http://kitos.invalid", "a", "b", page_size=size)


def test_large_generated_set_is_read_in_pages_of_250(kitos_server, client):
    generated = kitos_server.generate_usages(600)
    usages = list(client.system_usages(NORDDJURS_UUID))
    assert len(usages) == 600 + NORDDJURS_USAGES
    assert set(generated) <= {u["uuid"] for u in usages}
    assert kitos_server.pages_read(USAGES) == [0, 1, 2]


def test_generated_usages_come_with_contracts_registrations_and_systems(kitos_server, client):
    kitos_server.generate_usages(5)
    assert len(list(client.contracts(NORDDJURS_UUID))) == 6 + 5
    assert len(list(client.data_processing_registrations(NORDDJURS_UUID))) == 3 + 5
    assert len(list(client.it_systems(NORDDJURS_UUID))) == 9 + 5


# --- endpoints and filters -------------------------------------------------------------


def test_organizations_filtered_by_cvr(client):
    organizations = list(client.organizations("29189870"))
    assert [o["name"] for o in organizations] == ["Norddjurs Kommune"]


def test_find_organization_needs_the_exact_cvr(client):
    assert client.find_organization("29189617")["uuid"] == REBILD_UUID
    assert client.find_organization("2918961") is None


def test_organization_units_of_one_municipality(client):
    units = list(client.organization_units(REBILD_UUID))
    assert len(units) == 6
    assert units[0]["name"] == "Rebild Kommune"


def test_it_systems_used_in_organization(client):
    assert len(list(client.it_systems(NORDDJURS_UUID))) == 9


def test_usages_only_of_the_organization(client):
    usages = list(client.system_usages(REBILD_UUID))
    assert {u["organizationContext"]["uuid"] for u in usages} == {REBILD_UUID}
    assert len(usages) == 3


def test_contracts_only_of_the_organization(client):
    assert [c["name"] for c in client.contracts(REBILD_UUID)] == ["SBSYS Rebild"]


def test_data_processing_registrations_of_the_organization(client):
    assert len(list(client.data_processing_registrations(NORDDJURS_UUID))) == 3
    assert list(client.data_processing_registrations(REBILD_UUID)) == []


def test_changed_since_asks_for_the_increment_in_change_order(kitos_server, client):
    list(client.system_usages(NORDDJURS_UUID, changed_since="2025-03-01T00:00:00Z"))
    request = next(r for r in kitos_server.requests if r.path == USAGES)
    assert request.params["changedSinceGtEq"] == "2025-03-01T00:00:00Z"
    assert request.params["orderByProperty"] == "LastChanged"


def test_without_changed_since_no_increment_filter_is_sent(kitos_server, client):
    list(client.contracts(NORDDJURS_UUID))
    request = next(r for r in kitos_server.requests if r.path == "/api/v2/it-contracts")
    assert "changedSinceGtEq" not in request.params
    assert "orderByProperty" not in request.params


def test_changed_since_returns_only_objects_changed_at_or_after(kitos_server, client):
    changed = kitos_server.collections["it-system-usages"][0]
    changed["lastModified"] = "2025-04-01T10:00:00Z"
    since = datetime(2025, 4, 1, 10, 0, tzinfo=UTC)
    usages = list(client.system_usages(NORDDJURS_UUID, changed_since=since))
    assert [u["uuid"] for u in usages] == [changed["uuid"]]


@pytest.mark.parametrize(
    "method",
    ["it_systems", "system_usages", "contracts", "data_processing_registrations"],
)
def test_changed_since_after_everything_returns_nothing(client, method):
    later = datetime(2025, 3, 2, tzinfo=UTC)
    assert list(getattr(client, method)(NORDDJURS_UUID, changed_since=later)) == []


def test_timestamps_are_sent_in_utc_rounded_down_to_seconds():
    copenhagen = timezone(timedelta(hours=1))
    moment = datetime(2025, 3, 1, 9, 30, 15, 900000, tzinfo=copenhagen)
    assert format_timestamp(moment) == "2025-03-01T08:30:15Z"


def test_deleted_entities_filtered_by_type_and_time(client):
    feed = list(client.deleted_entities("ItSystemUsage", "2025-03-01T00:00:00Z"))
    assert [e["entityUuid"] for e in feed] == ["467aecd1-98ec-5216-9b74-01885b5e73b6"]
    assert list(client.deleted_entities("ItContract", "2025-03-01T00:00:00Z")) == []
    assert list(client.deleted_entities("ItSystemUsage", datetime(2025, 3, 3, tzinfo=UTC))) == []


# --- faults ----------------------------------------------------------------------------


def test_server_errors_are_retried_until_success(kitos_server, client, sleeps):
    client.login()
    kitos_server.fail_next(2, path=USAGES)
    assert len(list(client.system_usages(REBILD_UUID))) == 3
    assert sleeps == [1.0, 2.0]
    assert kitos_server.count(USAGES) == 3


def test_server_errors_exhausting_retries_raise_naming_the_endpoint(kitos_server, client, sleeps):
    client.login()
    kitos_server.fail_next(10, status=503, path=USAGES)
    with pytest.raises(KitosError, match=f"GET {USAGES}") as raised:
        list(client.system_usages(REBILD_UUID))
    assert raised.value.endpoint == USAGES
    assert kitos_server.count(USAGES) == 4
    assert sleeps == [1.0, 2.0, 4.0]


def test_timeouts_are_retried_with_back_off_then_raise(kitos_server, sleeps):
    client = kitos_server.client(timeout=0.2, sleep=sleeps.append)
    client.login()
    kitos_server.delay_next(10, 0.6, path=USAGES)
    with pytest.raises(KitosError, match=USAGES):
        list(client.system_usages(REBILD_UUID))
    assert sleeps == [1.0, 2.0, 4.0]
    assert kitos_server.count(USAGES) == 4


def test_a_timeout_then_an_answer_succeeds(kitos_server, sleeps):
    client = kitos_server.client(timeout=0.2, sleep=sleeps.append)
    client.login()
    kitos_server.delay_next(1, 0.6, path=USAGES)
    assert len(list(client.system_usages(REBILD_UUID))) == 3
    assert sleeps == [1.0]


def test_back_off_and_number_of_retries_are_configurable(kitos_server, sleeps):
    client = kitos_server.client(retries=2, backoff=0.5, sleep=sleeps.append)
    client.login()
    kitos_server.fail_next(10, path=USAGES)
    with pytest.raises(KitosError):
        list(client.system_usages(REBILD_UUID))
    assert sleeps == [0.5, 1.0]


def test_refused_connection_is_retried_then_raises(sleeps):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = KitosClient(f"http://127.0.0.1:{port}", "a", "b", sleep=sleeps.append)
    with pytest.raises(KitosError, match="GetToken"):
        client.login()
    assert sleeps == [1.0, 2.0, 4.0]


def test_malformed_json_raises_without_retry(kitos_server, client, sleeps):
    client.login()
    kitos_server.malformed_next(1, path=USAGES)
    with pytest.raises(KitosError, match="malformed JSON"):
        list(client.system_usages(REBILD_UUID))
    assert kitos_server.count(USAGES) == 1
    assert sleeps == []


def test_an_object_where_a_list_is_expected_raises(kitos_server, client):
    client.login()
    kitos_server.malformed_next(1, body=json.dumps({"uuid": "x"}).encode(), path=USAGES)
    with pytest.raises(KitosError, match="list was expected"):
        list(client.system_usages(REBILD_UUID))


def test_a_list_of_non_objects_raises(kitos_server, client):
    client.login()
    kitos_server.malformed_next(1, body=b'["a", "b"]', path=USAGES)
    with pytest.raises(KitosError, match=USAGES):
        list(client.system_usages(REBILD_UUID))


def test_token_answer_without_token_raises(kitos_server, client):
    kitos_server.malformed_next(1, body=b'{"msg": "", "response": {}}')
    with pytest.raises(KitosError, match="without a token"):
        client.login()


def test_client_errors_are_not_retried(kitos_server, client, sleeps):
    with pytest.raises(KitosError, match="HTTP 404") as raised:
        list(client.organization_units("00000000-0000-0000-0000-000000000000"))
    assert raised.value.status == 404
    assert sleeps == []
