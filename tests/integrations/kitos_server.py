"""A real local HTTP server that behaves like KITOS API v2, for tests and the benchmark.

It serves the recorded responses in ``kitos_data/`` (copied from
``../shared/reference/kitos/``) the way KITOS does: a token from
``POST /api/authorize/GetToken``, ``Authorization: Bearer`` on every other call, plain JSON
arrays in pages (``page``, ``pageSize``), the organisation filters, ``changedSinceGtEq`` on
``lastModified`` and the deleted-entities feed.

Tests can switch on faults (``fail_next``, ``delay_next``, ``malformed_next``), expire or
refuse tokens, change the served data (``collections``) and read what was asked
(``requests``, ``count``, ``pages_read``). ``generate_usages`` adds a large synthetic set.

Use the ``kitos_server`` fixture in tests (import it into the test module), or
``with KitosServer() as server:`` elsewhere (the benchmark); ``server.url`` is the base URL.
"""

from __future__ import annotations

import json
import threading
import time
import uuid as uuid_module
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

DATA_DIR = Path(__file__).parent / "kitos_data"

EMAIL = "api@norddjurs.example"
PASSWORD = "kitos-test-password"
NORDDJURS_UUID = "0b1fe657-9070-52e4-b643-5832879cca0f"
REBILD_UUID = "ce3b3e62-8b17-5cdb-85ad-a9e85c177b1a"

# The organisation-scoped list endpoints and the files that make them up.
SCOPED = {
    "it-system-usages": "it-system-usages.*.json",
    "it-contracts": "it-contracts.*.json",
    "data-processing-registrations": "data-processing-registrations.*.json",
}
_GENERATED = uuid_module.UUID("6f1c3f8e-6a53-4f0e-9a51-2d0f3c1b7a10")


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    params: dict[str, str]
    authorization: str | None


@dataclass
class _Fault:
    kind: str  # "fail", "delay" or "malformed"
    remaining: int
    path: str | None
    status: int = 500
    seconds: float = 0.0
    body: bytes = b""

    def matches(self, path: str) -> bool:
        return self.remaining > 0 and (self.path is None or path.startswith(self.path))


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class KitosServer:
    """KITOS on 127.0.0.1 and a free port; start with ``start()`` or ``with``."""

    def __init__(self, data_dir: Path = DATA_DIR, *, email: str = EMAIL, password: str = PASSWORD):
        self.email = email
        self.password = password
        self.token_template = _load(data_dir / "token.json")
        self.organizations: list[dict] = _load(data_dir / "organizations.json")
        # Files are named by municipality ("norddjurs"); their organisation is the one whose
        # name starts with it.
        by_slug = {org["name"].split()[0].lower(): org["uuid"] for org in self.organizations}
        self.org_units: dict[str, list[dict]] = {
            by_slug[path.name.split(".")[1]]: _load(path)
            for path in sorted(data_dir.glob("organization-units.*.json"))
        }
        self.collections: dict[str, list[dict]] = {
            "it-systems": _load(data_dir / "it-systems.json"),
            "deleted-entities": _load(data_dir / "delta-feed-deleted-entities.json"),
        }
        for name, pattern in SCOPED.items():
            self.collections[name] = [
                item for path in sorted(data_dir.glob(pattern)) for item in _load(path)
            ]
        self.requests: list[ReceivedRequest] = []
        self.refuse_tokens = False
        self._faults: list[_Fault] = []
        self._tokens: set[str] = set()
        self._issued = 0
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------

    def start(self) -> KitosServer:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.kitos = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> KitosServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "the server is not running"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __str__(self) -> str:
        return self.url

    def client(self, **options: Any):
        """A ``KitosClient`` for this server with the right credentials."""
        from styrbord.integrations.kitos.client import KitosClient

        return KitosClient(self.url, self.email, self.password, **options)

    # --- switches for tests ---------------------------------------------------------------

    def fail_next(self, count: int, *, status: int = 500, path: str | None = None) -> None:
        """Answer the next ``count`` requests (on paths starting with ``path``) with
        ``status``."""
        with self._lock:
            self._faults.append(_Fault("fail", count, path, status=status))

    def delay_next(self, count: int, seconds: float, *, path: str | None = None) -> None:
        """Wait ``seconds`` before answering the next ``count`` requests."""
        with self._lock:
            self._faults.append(_Fault("delay", count, path, seconds=seconds))

    def malformed_next(
        self, count: int, *, body: bytes = b'[{"uuid": "cut off', path: str | None = None
    ) -> None:
        """Answer the next ``count`` requests with 200 and ``body`` (broken JSON by default)."""
        with self._lock:
            self._faults.append(_Fault("malformed", count, path, body=body))

    def expire_tokens(self) -> None:
        """Every token issued so far stops working, as after 24 hours."""
        with self._lock:
            self._tokens.clear()

    # --- what was asked ---------------------------------------------------------------

    def count(self, path: str = "") -> int:
        """How many requests reached paths starting with ``path``."""
        with self._lock:
            return sum(1 for request in self.requests if request.path.startswith(path))

    def pages_read(self, path: str) -> list[int]:
        """The ``page`` numbers asked for on exactly ``path``, in order."""
        with self._lock:
            return [
                int(request.params.get("page", 0))
                for request in self.requests
                if request.path == path
            ]

    @property
    def logins(self) -> int:
        return self.count("/api/authorize/GetToken")

    # --- synthetic data -----------------------------------------------------------------

    def generate_usages(
        self,
        count: int,
        organization_uuid: str = NORDDJURS_UUID,
        *,
        last_modified: str = "2025-03-01T08:00:00Z",
    ) -> list[str]:
        """Add ``count`` usages to the organisation, each with its own IT system, main
        contract and data-processing registration, all cross-linked like real ones.

        UUIDs are derived from the organisation and the number, so a second call with the
        same arguments describes the same objects. Returns the usages' UUIDs.
        """
        organization = next(o for o in self.organizations if o["uuid"] == organization_uuid)
        templates = {
            name: json.dumps(self.collections[name][0]) for name in ("it-systems", *SCOPED)
        }
        generated: dict[str, list[dict]] = {name: [] for name in templates}
        usage_uuids = []
        for number in range(count):

            def make(kind: str, number: int = number) -> str:
                return str(uuid_module.uuid5(_GENERATED, f"{organization_uuid}/{kind}/{number}"))

            system = {"uuid": make("system"), "name": f"Genereret system {number:05d}"}
            usage = {"uuid": make("usage"), "name": system["name"]}
            contract = {"uuid": make("contract"), "name": f"Genereret kontrakt {number:05d}"}
            registration = {"uuid": make("dpr"), "name": f"Genereret databehandling {number:05d}"}

            item = json.loads(templates["it-systems"])
            item.update(system, usingOrganizations=[organization], lastModified=last_modified)
            generated["it-systems"].append(item)

            item = json.loads(templates["it-system-usages"])
            item.update(
                uuid=usage["uuid"],
                systemContext=system,
                organizationContext=organization,
                lastModified=last_modified,
            )
            item["general"]["mainContract"] = contract
            generated["it-system-usages"].append(item)

            item = json.loads(templates["it-contracts"])
            item.update(
                contract,
                organizationContext=organization,
                lastModified=last_modified,
                systemUsages=[usage],
                dataProcessingRegistrations=[registration],
            )
            item["general"]["contractId"] = f"GEN-{number:05d}"
            generated["it-contracts"].append(item)

            item = json.loads(templates["data-processing-registrations"])
            item.update(
                registration,
                organizationContext=organization,
                lastModified=last_modified,
                systemUsages=[usage],
            )
            item["general"]["mainContract"] = contract
            item["general"]["associatedContracts"] = [contract]
            generated["data-processing-registrations"].append(item)
            usage_uuids.append(usage["uuid"])
        with self._lock:
            for name, items in generated.items():
                self.collections[name].extend(items)
        return usage_uuids

    # --- serving ------------------------------------------------------------------------

    def _record(self, request: ReceivedRequest) -> _Fault | None:
        with self._lock:
            self.requests.append(request)
            fault = next((f for f in self._faults if f.matches(request.path)), None)
            if fault is not None:
                fault.remaining -= 1
            return fault

    def _issue_token(self) -> str:
        with self._lock:
            self._issued += 1
            base = self.token_template["response"]["token"]
            token = base if self._issued == 1 else f"{base}-{self._issued}"
            self._tokens.add(token)
            return token

    def _authorised(self, authorization: str | None) -> bool:
        if self.refuse_tokens or not authorization or not authorization.startswith("Bearer "):
            return False
        with self._lock:
            return authorization.removeprefix("Bearer ") in self._tokens

    def _list(self, path: str, params: dict[str, str]) -> list[dict] | None:
        """The whole filtered list for a list endpoint, or None for an unknown path."""
        parts = path.strip("/").split("/")
        if parts[:2] != ["api", "v2"]:
            return None
        rest = parts[2:]
        if rest == ["organizations"]:
            cvr = params.get("cvrContent", "")
            name = params.get("nameContent", "").lower()
            return [
                org
                for org in self.organizations
                if cvr in (org.get("cvr") or "") and name in org["name"].lower()
            ]
        if len(rest) == 3 and rest[0] == "organizations" and rest[2] == "organization-units":
            return self.org_units.get(rest[1])
        if rest == ["delta-feed", "deleted-entities"]:
            items = self.collections["deleted-entities"]
            if "entityType" in params:
                items = [i for i in items if i["entityType"] == params["entityType"]]
            if "deletedSinceUTC" in params:
                since = _parse_time(params["deletedSinceUTC"])
                items = [i for i in items if _parse_time(i["occurredAtUtc"]) >= since]
            return items
        if len(rest) != 1 or rest[0] not in self.collections:
            return None
        items = self.collections[rest[0]]
        if rest[0] == "it-systems" and "usedInOrganizationUuid" in params:
            wanted = params["usedInOrganizationUuid"]
            items = [i for i in items if any(o["uuid"] == wanted for o in i["usingOrganizations"])]
        if rest[0] in SCOPED and "organizationUuid" in params:
            wanted = params["organizationUuid"]
            items = [i for i in items if i["organizationContext"]["uuid"] == wanted]
        if "changedSinceGtEq" in params:
            since = _parse_time(params["changedSinceGtEq"])
            items = [i for i in items if _parse_time(i["lastModified"]) >= since]
        if params.get("orderByProperty") == "LastChanged":
            items = sorted(items, key=lambda i: _parse_time(i["lastModified"]))
        return items


class _Handler(BaseHTTPRequestHandler):
    server_version = "KitosTestServer/1.0"

    @property
    def kitos(self) -> KitosServer:
        return self.server.kitos  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest output is not the place for an access log."""

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query))
        authorization = self.headers.get("Authorization")
        fault = self.kitos._record(ReceivedRequest(method, url.path, params, authorization))
        if fault is not None and fault.kind == "fail":
            return self._send(fault.status, {"msg": "Simulated failure"})
        if fault is not None and fault.kind == "malformed":
            return self._send_bytes(200, fault.body)
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.seconds)
        if method == "POST" and url.path == "/api/authorize/GetToken":
            return self._token()
        if method != "GET":
            return self._send(405, {"msg": "Method not allowed"})
        if not self.kitos._authorised(authorization):
            return self._send(401, {"msg": "Unauthorized"})
        items = self.kitos._list(url.path, params)
        if items is None:
            return self._send(404, {"msg": "Not found"})
        try:
            page = int(params.get("page", 0))
            size = int(params.get("pageSize", 250))
        except ValueError:
            return self._send(400, {"msg": "page and pageSize must be numbers"})
        if page < 0 or not 1 <= size <= 250:
            return self._send(400, {"msg": "page must be >= 0 and pageSize 1-250"})
        return self._send(200, items[page * size : (page + 1) * size])

    def _token(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            return self._send(400, {"msg": "Malformed body"})
        if not isinstance(body, dict):
            return self._send(400, {"msg": "Malformed body"})
        if body.get("email") != self.kitos.email or body.get("password") != self.kitos.password:
            return self._send(401, {"msg": "Login failed", "response": None})
        answer = json.loads(json.dumps(self.kitos.token_template))
        expires = datetime.now(UTC) + timedelta(hours=24)
        answer["response"].update(
            token=self.kitos._issue_token(),
            email=self.kitos.email,
            loginSuccessful=True,
            expires=expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        return self._send(200, answer)

    def _send(self, status: int, payload: Any) -> None:
        self._send_bytes(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def _send_bytes(self, status: int, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            # The client gave up (a timeout test) and closed the connection.
            pass


@pytest.fixture
def kitos_server() -> Iterator[KitosServer]:
    """A running ``KitosServer`` for one test; ``kitos_server.url`` is its base URL."""
    with KitosServer() as server:
        yield server
