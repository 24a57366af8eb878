"""Time at the desk: always aware, stored as UTC text, shown in the event's time zone.

``--now`` runs the desk as at another moment (rehearsals, the demo, tests): the clock starts at that moment and
keeps running, so the log stays in order.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol

_UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ShiftedClock:
    """The real clock moved to start at ``start``."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("start must be timezone-aware")
        self._offset: timedelta = start - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset


def parse_moment(text: str, local_zone: tzinfo) -> datetime:
    """An ISO-8601 moment; without an offset it is read in ``local_zone`` (the event's time zone)."""
    moment = datetime.fromisoformat(text.strip())
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=local_zone)


def to_utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored: give a time zone")
    return moment.astimezone(UTC).strftime(_UTC_FORMAT)


def from_utc_text(text: str) -> datetime:
    return datetime.strptime(text, _UTC_FORMAT).replace(tzinfo=UTC)
