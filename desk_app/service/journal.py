"""The one writer of the check-in log: who, where, what and why, for every action of the desk.

Every part of the service records through ``Journal.record``; the store's ``CheckinLog.append`` stays the only
code that writes rows. A record written inside a store transaction commits with the change it describes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from desk_app.core.clock import Clock
from desk_app.core.model import Action, LogEntry, LogRecord, Outcome, Reason
from desk_app.store import Store


@dataclass(frozen=True)
class Station:
    """Where and by whom something is done at a desk."""

    entrance: str
    desk: str
    staff: str


class Journal:
    """Writes log entries for one desk service."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def record(
        self,
        action: Action,
        station: Station | None = None,
        *,
        staff: str | None = None,
        reference: str = "",
        outcome: Outcome | None = None,
        reasons: Iterable[Reason] = (),
        detail: Mapping[str, str] | None = None,
        at: datetime | None = None,
    ) -> LogEntry:
        """Append one entry.

        Args:
            action: what happened.
            station: the entrance, desk and member of staff it happened at; None for office work (import, keys).
            staff: who did it, where that is not the station's member (a supervisor at the office, a failed login).
            reference: the application it concerns.
            outcome: the verdict, for check-ins and badges handed over.
            reasons: why, as the rules named it.
            detail: anything else the log must keep (serials, job numbers, the supervisor's reason).
            at: the moment of the decision it records; the clock's now by default.
        """
        return self._store.log.append(
            LogRecord(
                at or self._clock.now(),
                action,
                station.entrance if station else "",
                station.desk if station else "",
                staff if staff is not None else station.staff if station else "",
                reference,
                outcome.value if outcome else "",
                tuple(r.value for r in reasons),
                dict(detail or {}),
            )
        )
