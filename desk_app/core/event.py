"""The event as the rules see it: dates, entrances, badge kinds. Loaded from TOML by ``desk_app.config``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desk_app.core.model import AccreditationKind


@dataclass(frozen=True)
class ProgrammeItem:
    day: date
    name: str
    name_fr: str


@dataclass(frozen=True)
class Entrance:
    key: str
    name: str
    name_fr: str
    issues: frozenset[AccreditationKind]
    directions: str
    directions_fr: str


@dataclass(frozen=True)
class BadgeKind:
    kind: AccreditationKind
    label: str
    label_fr: str
    colour: str
    valid_from: date
    valid_until: date


@dataclass(frozen=True)
class EventConfig:
    id: str
    name: str
    name_fr: str
    venue: str
    time_zone: ZoneInfo
    first_day: date
    last_day: date
    accept_unsigned_references: bool
    issuing_opens: datetime
    issuing_closes: datetime
    programme: tuple[ProgrammeItem, ...]
    entrances: dict[str, Entrance]
    badge_kinds: dict[AccreditationKind, BadgeKind]

    def entrance_for(self, kind: AccreditationKind) -> Entrance:
        """The one entrance that issues badges of ``kind`` (validation guarantees there is exactly one)."""
        return next(e for e in self.entrances.values() if kind in e.issues)

    def is_issuing(self, moment: datetime) -> bool:
        return self.issuing_opens <= moment <= self.issuing_closes

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.time_zone)

    def day_bounds(self, day: date) -> tuple[datetime, datetime]:
        """The start and end (exclusive) of a calendar day in the event's time zone, as aware datetimes."""
        start = datetime.combine(day, time.min, self.time_zone)
        end = datetime.combine(day + timedelta(days=1), time.min, self.time_zone)
        return start, end
