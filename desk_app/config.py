"""Event configuration (TOML) read and validated with messages a person can act on.

The event is data, not code: the shipped default is the 2024 Defence Ministers' meeting, another meeting is
another TOML file. The text is kept in the database at ``init`` so every desk on it applies the same rules.
"""

from __future__ import annotations

import importlib.resources
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desk_app.core.event import BadgeKind, Entrance, EventConfig, ProgrammeItem
from desk_app.core.model import AccreditationKind
from desk_app.errors import ConfigError

# The data files, wherever the desk is installed (a clone, a wheel, the bundle): see resources/__init__.py.
RESOURCES = Path(str(importlib.resources.files("desk_resources")))
DEFAULT_EVENT_FILE = RESOURCES / "events" / "nato-defmin-2024-02.toml"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_EVENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


def load_event_file(path: Path) -> EventConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the event file ({exc.strerror})") from exc
    return parse_event(text, source=str(path))


def parse_event(text: str, source: str = "event config") -> EventConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from exc
    return _EventReader(source).read(data)


@dataclass
class _EventReader:
    source: str

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.source}: {key}: {message}")

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            raise self.fail(key, "missing table")
        return value

    def get(self, data: dict[str, Any], key: str, kind: type, where: str) -> Any:
        if key not in data:
            raise self.fail(f"{where}.{key}", "missing")
        value = data[key]
        # TOML dates and datetimes are distinct types; a bool is not an int here.
        if kind is date and isinstance(value, datetime):
            raise self.fail(f"{where}.{key}", "expected a date (YYYY-MM-DD), got a date and time")
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"{where}.{key}", f"expected {kind.__name__}, got {value!r}")
        return value

    def text(self, data: dict[str, Any], key: str, where: str) -> str:
        value: str = self.get(data, key, str, where).strip()
        if not value:
            raise self.fail(f"{where}.{key}", "must not be empty")
        return value

    def read(self, data: dict[str, Any]) -> EventConfig:
        event = self.table(data, "event")
        event_id = self.text(event, "id", "event")
        if not _EVENT_ID.match(event_id):
            raise self.fail("event.id", "use lower-case letters, digits and dashes (e.g. nato-defmin-2024-02)")
        tz_name = self.text(event, "time_zone", "event")
        try:
            tz = ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise self.fail("event.time_zone", f"unknown time zone {tz_name!r}") from exc
        first_day = self.get(event, "first_day", date, "event")
        last_day = self.get(event, "last_day", date, "event")
        if last_day < first_day:
            raise self.fail("event.last_day", "is before event.first_day")

        issuing = self.table(data, "issuing")
        opens = self._local_datetime(issuing, "opens", tz)
        closes = self._local_datetime(issuing, "closes", tz)
        if closes <= opens:
            raise self.fail("issuing.closes", "must be after issuing.opens")

        return EventConfig(
            id=event_id,
            name=self.text(event, "name", "event"),
            name_fr=self.text(event, "name_fr", "event"),
            venue=self.text(event, "venue", "event"),
            time_zone=tz,
            first_day=first_day,
            last_day=last_day,
            accept_unsigned_references=self.get(event, "accept_unsigned_references", bool, "event"),
            issuing_opens=opens,
            issuing_closes=closes,
            programme=self._programme(data, first_day, last_day),
            entrances=self._entrances(data),
            badge_kinds=self._badge_kinds(data),
        )

    def _local_datetime(self, table: dict[str, Any], key: str, tz: ZoneInfo) -> datetime:
        value: datetime = self.get(table, key, datetime, "issuing")
        if value.tzinfo is not None:
            raise self.fail(f"issuing.{key}", "give a local time without offset; the event time zone applies")
        return value.replace(tzinfo=tz)

    def _programme(self, data: dict[str, Any], first: date, last: date) -> tuple[ProgrammeItem, ...]:
        items = data.get("programme", [])
        if not isinstance(items, list):
            raise self.fail("programme", "expected a list of [[programme]] tables")
        programme = []
        for index, item in enumerate(items, start=1):
            where = f"programme[{index}]"
            day = self.get(item, "date", date, where)
            if not first <= day <= last:
                raise self.fail(f"{where}.date", f"{day} is outside the event days {first} to {last}")
            programme.append(ProgrammeItem(day, self.text(item, "name", where), self.text(item, "name_fr", where)))
        return tuple(programme)

    def _entrances(self, data: dict[str, Any]) -> dict[str, Entrance]:
        entrances: dict[str, Entrance] = {}
        for key, table in self.table(data, "entrances").items():
            where = f"entrances.{key}"
            if not isinstance(table, dict):
                raise self.fail(where, "expected a table")
            kinds = self.get(table, "issues", list, where)
            entrances[key] = Entrance(
                key=key,
                name=self.text(table, "name", where),
                name_fr=self.text(table, "name_fr", where),
                issues=frozenset(self._kind(k, f"{where}.issues") for k in kinds),
                directions=self.text(table, "directions", where),
                directions_fr=self.text(table, "directions_fr", where),
            )
        for kind in AccreditationKind:
            issuers = [e.key for e in entrances.values() if kind in e.issues]
            if len(issuers) != 1:
                found = ", ".join(issuers) or "none"
                raise self.fail("entrances", f"exactly one entrance must issue {kind} badges (found: {found})")
        return entrances

    def _badge_kinds(self, data: dict[str, Any]) -> dict[AccreditationKind, BadgeKind]:
        tables = self.table(data, "badge_kinds")
        kinds: dict[AccreditationKind, BadgeKind] = {}
        for key, table in tables.items():
            where = f"badge_kinds.{key}"
            kind = self._kind(key, where)
            colour = self.text(table, "colour", where)
            if not _COLOUR.match(colour):
                raise self.fail(f"{where}.colour", f"expected #RRGGBB, got {colour!r}")
            valid_from = self.get(table, "valid_from", date, where)
            valid_until = self.get(table, "valid_until", date, where)
            if valid_until < valid_from:
                raise self.fail(f"{where}.valid_until", "is before valid_from")
            kinds[kind] = BadgeKind(
                kind,
                self.text(table, "label", where),
                self.text(table, "label_fr", where),
                colour,
                valid_from,
                valid_until,
            )
        missing = [k.value for k in AccreditationKind if k not in kinds]
        if missing:
            raise self.fail("badge_kinds", f"missing: {', '.join(missing)}")
        return kinds

    def _kind(self, value: object, where: str) -> AccreditationKind:
        try:
            return AccreditationKind(str(value))
        except ValueError:
            known = ", ".join(k.value for k in AccreditationKind)
            raise self.fail(where, f"unknown badge kind {value!r} (known: {known})") from None
