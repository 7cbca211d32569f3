"""Reading KITOS JSON: typed access to one object, and the references every record shares.

Every complaint names the record (its uuid) and the path inside it, as a ``RecordError``
the importer reports before skipping the record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.utils.translation import gettext as _


class RecordError(ValueError):
    """One KITOS object could not be read; ``uuid`` is None when it had none."""

    def __init__(self, uuid: str | None, message: str):
        super().__init__(f"{uuid or '?'}: {message}")
        self.uuid = uuid
        self.message = message


@dataclass(frozen=True)
class Ref:
    """A reference to another KITOS object: ``{"uuid", "name"}``."""

    uuid: str
    name: str


@dataclass(frozen=True)
class OrgRef:
    """A reference to an organisation: ``{"uuid", "name", "cvr"}``."""

    uuid: str
    name: str
    cvr: str | None


class Reader:
    """Typed access to one JSON object; every complaint names the record and the path."""

    def __init__(self, data: Any, uuid: str | None, path: str = ""):
        if not isinstance(data, dict):
            where = path or _("the record")
            raise RecordError(
                uuid,
                _("%(where)s is %(kind)s, not an object")
                % {"where": where, "kind": type(data).__name__},
            )
        self.data = data
        self.uuid = uuid
        self.path = path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _fail(self, key: str, expected: str, value: Any) -> RecordError:
        return RecordError(
            self.uuid,
            _("%(field)s should be %(expected)s, not %(value)r")
            % {"field": self._where(key), "expected": expected, "value": value},
        )

    def obj(self, key: str) -> Reader | None:
        value = self.data.get(key)
        return None if value is None else Reader(value, self.uuid, self._where(key))

    def section(self, key: str) -> Reader:
        """A nested object that may be absent: an empty one then."""
        return self.obj(key) or Reader({}, self.uuid, self._where(key))

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None or isinstance(value, str):
            return value
        raise self._fail(key, _("text"), value)

    def required_text(self, key: str) -> str:
        value = self.text(key)
        if not value:
            raise RecordError(self.uuid, _("%(field)s is missing") % {"field": self._where(key)})
        return value

    def integer(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, _("a number"), value)
        if isinstance(value, float) and not value.is_integer():
            raise self._fail(key, _("a whole number"), value)
        return int(value)

    def boolean(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise self._fail(key, _("true or false"), value)

    def day(self, key: str) -> date | None:
        value = self.text(key)
        if not value:
            return None
        try:
            # KITOS writes dates both as "2024-06-01" and as "2024-06-01T00:00:00Z".
            if "T" in value:
                return datetime.fromisoformat(value).date()
            return date.fromisoformat(value)
        except ValueError:
            raise self._fail(key, _("a date"), value) from None

    def moment(self, key: str) -> datetime | None:
        value = self.text(key)
        if not value:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self._fail(key, _("a timestamp"), value) from None
        # KITOS's timestamps are UTC; one without an offset is read as UTC too.
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    def ref(self, key: str) -> Ref | None:
        reader = self.obj(key)
        return None if reader is None else ref(reader)

    def org(self, key: str) -> OrgRef | None:
        reader = self.obj(key)
        return None if reader is None else org(reader)

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail(key, _("a list"), value)
        return value

    def objects(self, key: str) -> list[Reader]:
        return [
            Reader(item, self.uuid, f"{self._where(key)}[{index}]")
            for index, item in enumerate(self.items(key))
        ]

    def refs(self, key: str) -> tuple[Ref, ...]:
        return tuple(ref(reader) for reader in self.objects(key))

    def orgs(self, key: str) -> tuple[OrgRef, ...]:
        return tuple(org(reader) for reader in self.objects(key))

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.items(key)
        for value in values:
            if not isinstance(value, str):
                raise self._fail(key, _("a list of text"), values)
        return tuple(values)


def ref(reader: Reader) -> Ref:
    return Ref(uuid=reader.required_text("uuid"), name=reader.text("name") or "")


def org(reader: Reader) -> OrgRef:
    return OrgRef(
        uuid=reader.required_text("uuid"), name=reader.text("name") or "", cvr=reader.text("cvr")
    )


def start(data: Any) -> Reader:
    """The top-level reader, after checking the record has a uuid to report it by."""
    uuid = data.get("uuid") if isinstance(data, dict) else None
    if not isinstance(uuid, str) or not uuid:
        uuid = None
    reader = Reader(data, uuid)
    if uuid is None:
        raise RecordError(None, _("the record has no uuid"))
    return reader
