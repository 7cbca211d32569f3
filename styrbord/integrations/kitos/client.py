"""A small client for the KITOS API v2, on the standard library only.

It knows how KITOS behaves (see ``../shared/reference/kitos/README.md``): a bearer token
from ``/api/authorize/GetToken``, plain JSON arrays read page by page until a short page,
``changedSinceGtEq`` for increments and the deleted-entities feed for removals. It returns
the JSON objects as they come; ``records.py`` turns them into typed records.

Failures the importer can do nothing about at once (timeouts, refused connections, 5xx)
are retried with exponential back-off; everything else raises ``KitosError`` at once, so
the importer can report it and write nothing half.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from django.utils.translation import gettext as _

TOKEN_PATH = "/api/authorize/GetToken"
MAX_PAGE_SIZE = 250

# Statuses worth another try: the server or something in front of it is struggling.
# 429 is not a 5xx, but waiting is the right answer to it as well.
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

Params = Mapping[str, str | int | datetime | None]


class KitosError(Exception):
    """KITOS could not be read. ``endpoint`` names the call, ``status`` the HTTP status."""

    def __init__(self, message: str, *, endpoint: str | None = None, status: int | None = None):
        super().__init__(message)
        self.endpoint = endpoint
        self.status = status


class KitosAuthError(KitosError):
    """KITOS refused the credentials or the token, also after logging in again."""


class _Unauthorized(Exception):
    """Internal: a 401, which the caller answers by logging in again (once)."""


def format_timestamp(value: datetime | str) -> str:
    """The ISO form KITOS filters take, in UTC with a ``Z``.

    Rounded down to whole seconds: asking from slightly earlier only fetches a few objects
    twice, which an idempotent import absorbs, whereas rounding up could miss a change.
    A naive datetime is taken to be UTC.
    """
    if isinstance(value, str):
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class KitosClient:
    """Reads one KITOS installation with one API user's credentials."""

    def __init__(
        self,
        base_url: str,
        email: str,
        password: str,
        *,
        timeout: float = 30,
        retries: int = 3,
        backoff: float = 1.0,
        page_size: int = MAX_PAGE_SIZE,
        sleep: Callable[[float], None] = time.sleep,
    ):
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, not {page_size}")
        if urllib.parse.urlsplit(base_url).scheme not in ("http", "https"):
            # urllib would also open file: and ftp: URLs; KITOS is only ever HTTP(S).
            raise ValueError(f"base_url must be an http or https URL, not {base_url!r}")
        if retries < 0:
            raise ValueError("retries must not be negative")
        self.base_url = base_url.rstrip("/")
        self.email = email
        self.password = password
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.page_size = page_size
        self.sleep = sleep
        self.token: str | None = None
        self.token_expires: str | None = None

    # --- authentication -------------------------------------------------------------

    def login(self) -> str:
        """Fetch a bearer token and keep it for later calls; returns the token."""
        body = json.dumps({"email": self.email, "password": self.password}).encode()
        try:
            answer = self._send("POST", TOKEN_PATH, body=body, token=None)
        except _Unauthorized:
            raise KitosAuthError(
                _("KITOS refused the login for %(email)s (POST %(endpoint)s).")
                % {"email": self.email, "endpoint": TOKEN_PATH},
                endpoint=TOKEN_PATH,
                status=401,
            ) from None
        response = answer.get("response") if isinstance(answer, dict) else None
        token = response.get("token") if isinstance(response, dict) else None
        if not isinstance(token, str) or not token:
            raise KitosError(
                _("KITOS answered POST %(endpoint)s without a token.") % {"endpoint": TOKEN_PATH},
                endpoint=TOKEN_PATH,
            )
        self.token = token
        self.token_expires = response.get("expires")
        return token

    # --- reading --------------------------------------------------------------------

    def get(self, path: str, params: Params | None = None) -> Any:
        """One authenticated GET; logs in first if needed and once more on a 401."""
        if self.token is None:
            self.login()
        query = _query(params)
        try:
            return self._send("GET", path, query=query, token=self.token)
        except _Unauthorized:
            # Tokens last 24 hours; a long sync or a reused client can outlive one.
            self.login()
        try:
            return self._send("GET", path, query=query, token=self.token)
        except _Unauthorized:
            raise KitosAuthError(
                _("KITOS refused the token for GET %(endpoint)s, also after logging in again.")
                % {"endpoint": path},
                endpoint=path,
                status=401,
            ) from None

    def pages(self, path: str, params: Params | None = None) -> Iterator[dict]:
        """Yield every object of a list endpoint, reading page 0, 1, … of ``page_size``.

        KITOS gives no total, so a page shorter than ``page_size`` is the last one; when
        the count is an exact multiple, one more (empty) page is needed to know.
        """
        page = 0
        while True:
            query = {**(params or {}), "page": page, "pageSize": self.page_size}
            items = self.get(path, query)
            if not isinstance(items, list):
                raise KitosError(
                    _("KITOS answered GET %(endpoint)s with %(kind)s where a list was expected.")
                    % {"endpoint": path, "kind": type(items).__name__},
                    endpoint=path,
                )
            for item in items:
                if not isinstance(item, dict):
                    raise KitosError(
                        _("KITOS answered GET %(endpoint)s with a list holding %(kind)s.")
                        % {"endpoint": path, "kind": type(item).__name__},
                        endpoint=path,
                    )
                yield item
            # A page longer than asked for means the server ignored paging and sent
            # everything; asking for the next page would repeat it for ever.
            if len(items) != self.page_size:
                return
            page += 1

    # --- endpoints ------------------------------------------------------------------

    def organizations(self, cvr: str | None = None) -> Iterator[dict]:
        """Organisations whose CVR contains ``cvr`` (KITOS matches on part of it)."""
        return self.pages("/api/v2/organizations", {"cvrContent": cvr})

    def find_organization(self, cvr: str) -> dict | None:
        """The organisation with exactly this CVR, or None."""
        return next((org for org in self.organizations(cvr) if org.get("cvr") == cvr), None)

    def organization_units(self, org_uuid: str) -> Iterator[dict]:
        path = f"/api/v2/organizations/{urllib.parse.quote(org_uuid)}/organization-units"
        return self.pages(path)

    def it_systems(
        self, used_in_org_uuid: str, changed_since: datetime | str | None = None
    ) -> Iterator[dict]:
        params = {"usedInOrganizationUuid": used_in_org_uuid, **_changed(changed_since)}
        return self.pages("/api/v2/it-systems", params)

    def system_usages(
        self, org_uuid: str, changed_since: datetime | str | None = None
    ) -> Iterator[dict]:
        params = {"organizationUuid": org_uuid, **_changed(changed_since)}
        return self.pages("/api/v2/it-system-usages", params)

    def contracts(
        self, org_uuid: str, changed_since: datetime | str | None = None
    ) -> Iterator[dict]:
        params = {"organizationUuid": org_uuid, **_changed(changed_since)}
        return self.pages("/api/v2/it-contracts", params)

    def data_processing_registrations(
        self, org_uuid: str, changed_since: datetime | str | None = None
    ) -> Iterator[dict]:
        params = {"organizationUuid": org_uuid, **_changed(changed_since)}
        return self.pages("/api/v2/data-processing-registrations", params)

    def deleted_entities(self, entity_type: str, since: datetime | str) -> Iterator[dict]:
        """``[{occurredAtUtc, entityUuid, entityType}]`` removed at or after ``since``."""
        params = {"entityType": entity_type, "deletedSinceUTC": format_timestamp(since)}
        return self.pages("/api/v2/delta-feed/deleted-entities", params)

    # --- transport ------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        query: str = "",
        body: bytes | None = None,
        token: str | None,
    ) -> Any:
        """One call with retries; returns the decoded JSON or raises."""
        url = self.base_url + path + (f"?{query}" if query else "")
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        endpoint = f"{method} {path}"
        last_reason = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            # The scheme of the base URL was checked in __init__.
            request = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    raw = response.read()
            except urllib.error.HTTPError as error:
                error.close()
                if error.code == 401:
                    raise _Unauthorized from None
                if error.code in _RETRY_STATUSES:
                    last_reason = f"HTTP {error.code}"
                    continue
                raise KitosError(
                    _("KITOS answered %(endpoint)s with HTTP %(status)s.")
                    % {"endpoint": endpoint, "status": error.code},
                    endpoint=path,
                    status=error.code,
                ) from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
                # Timeouts, refused or dropped connections: KITOS may be back shortly.
                reason = getattr(error, "reason", None) or error
                last_reason = str(reason) or type(reason).__name__
                continue
            return _decode(raw, path)
        raise KitosError(
            _("KITOS did not answer %(endpoint)s after %(attempts)s attempts (last: %(reason)s).")
            % {"endpoint": endpoint, "attempts": self.retries + 1, "reason": last_reason},
            endpoint=path,
        )


def _decode(raw: bytes, path: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise KitosError(
            _("KITOS answered %(endpoint)s with malformed JSON: %(error)s")
            % {"endpoint": path, "error": error},
            endpoint=path,
        ) from None


def _changed(changed_since: datetime | str | None) -> dict[str, str]:
    if changed_since is None:
        return {}
    return {
        "changedSinceGtEq": format_timestamp(changed_since),
        "orderByProperty": "LastChanged",
    }


def _query(params: Params | None) -> str:
    pairs = []
    for key, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, datetime):
            value = format_timestamp(value)
        pairs.append((key, str(value)))
    return urllib.parse.urlencode(pairs)
