"""Live counts for supervisors: expected and served per badge kind and entrance, and the day hour by hour.

"Expected" is the approved applications of a kind; "served" the badges of that kind handed over (and not voided)
at its entrance. The hours are the event-local hours of the day, counted from the log.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from desk_app.core.event import EventConfig
from desk_app.core.model import AccreditationKind, Action, Status
from desk_app.store import Store


@dataclass(frozen=True)
class KindCount:
    kind: AccreditationKind
    entrance: str
    expected: int
    served: int

    @property
    def waiting(self) -> int:
        return max(0, self.expected - self.served)


@dataclass(frozen=True)
class HourCount:
    """One event-local hour: badges handed over per entrance, and check-in verdicts at every desk."""

    hour: int
    badges: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)

    @property
    def checkins(self) -> int:
        return sum(self.verdicts.values())


@dataclass(frozen=True)
class LiveCounts:
    day: date
    kinds: list[KindCount]
    hours: list[HourCount]


def live_counts(store: Store, event: EventConfig, day: date) -> LiveCounts:
    """Read the counts now (Qt-free; the page only shows them)."""
    approved = store.applications.counts_by_kind_and_status()
    issued = store.badges.issued_counts()
    kinds = []
    for kind in event.badge_kinds:
        entrance = event.entrance_for(kind).key
        kinds.append(
            KindCount(kind, entrance, approved.get((kind, Status.APPROVED), 0), issued.get((kind, entrance), 0))
        )
    hours: dict[int, HourCount] = {}
    start, end = event.day_bounds(day)
    for entry in store.log.between(start, end):
        record = entry.record
        if record.action not in (Action.ISSUE, Action.CHECKIN):
            continue
        hour = event.local(record.time).hour
        counts = hours.setdefault(hour, HourCount(hour))
        if record.action is Action.ISSUE:
            counts.badges[record.entrance] += 1
        elif record.outcome:
            counts.verdicts[record.outcome] += 1
    return LiveCounts(day, kinds, [hours[h] for h in sorted(hours)])
