"""One day's log counted: totals for the whole day and per entrance, desk, hour and refusal reason.

Pure counting over log entries; the CSV export counts while it writes, the PDF report lays the totals out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from desk_app.core.event import EventConfig
from desk_app.core.model import Action, LogEntry, LogRecord, Outcome


@dataclass(frozen=True)
class Tally:
    """Counts for one slice of the day: the whole day, an entrance, a desk or an hour.

    ``issue`` to ``needs_supervisor`` count check-in verdicts; ``badges`` counts badges handed over (overrides
    included); ``entries`` counts every log entry of the slice, whatever it records.
    """

    entries: int = 0
    checkins: int = 0
    issue: int = 0
    redirect: int = 0
    refuse: int = 0
    needs_supervisor: int = 0
    badges: int = 0

    def count(self, outcome: Outcome) -> int:
        """Check-ins given this verdict."""
        return {
            Outcome.ISSUE: self.issue,
            Outcome.REDIRECT: self.redirect,
            Outcome.REFUSE: self.refuse,
            Outcome.NEEDS_SUPERVISOR: self.needs_supervisor,
        }[outcome]


@dataclass(frozen=True)
class DayTotals:
    """What happened at the desks on one local day, tied to the log by the sequence numbers and last hash.

    Entries without an entrance (imports, event configuration) count in ``entries``, ``by_action`` and
    ``by_hour`` but not per entrance or desk. ``reasons`` counts the reasons given with check-in verdicts,
    per outcome; one check-in may give several reasons.
    """

    event_id: str
    day: date
    time_zone: str
    day_total: Tally
    by_action: Mapping[Action, int]
    by_entrance: Mapping[str, Tally]
    by_desk: Mapping[tuple[str, str], Tally]
    by_hour: tuple[Tally, ...]
    reasons: Mapping[Outcome, Mapping[str, int]]
    first_seq: int | None = None
    last_seq: int | None = None
    last_hash: str = ""

    @property
    def entries(self) -> int:
        return self.day_total.entries

    @property
    def badges_issued(self) -> int:
        return self.day_total.badges

    @property
    def checkins_by_outcome(self) -> Mapping[Outcome, int]:
        return {outcome: self.day_total.count(outcome) for outcome in Outcome}

    @property
    def refusal_reasons(self) -> Mapping[str, int]:
        return self.reasons.get(Outcome.REFUSE, {})


@dataclass
class _TallyCounter:
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, action: Action, outcome: Outcome | None) -> None:
        self.counts["entries"] += 1
        if action is Action.ISSUE:
            self.counts["badges"] += 1
        elif action is Action.CHECKIN:
            self.counts["checkins"] += 1
            if outcome is not None:
                self.counts[outcome.value.lower()] += 1

    def freeze(self) -> Tally:
        # The keys are Tally's field names: the outcome counts are named after the outcomes.
        return Tally(**self.counts)


class DayCounter:
    """Counts entries one at a time, so an export can count while it writes."""

    def __init__(self, event: EventConfig, day: date) -> None:
        self._event = event
        self._day = day
        self._start, self._end = event.day_bounds(day)
        self._total = _TallyCounter()
        self._actions: Counter[Action] = Counter()
        self._entrances: dict[str, _TallyCounter] = {}
        self._desks: dict[tuple[str, str], _TallyCounter] = {}
        self._hours = [_TallyCounter() for _ in range(24)]
        self._reasons: dict[Outcome, Counter[str]] = {outcome: Counter() for outcome in Outcome}
        self._first: int | None = None
        self._last: int | None = None
        self._last_hash = ""

    def add(self, entry: LogEntry) -> None:
        record = entry.record
        if not self._start <= record.time < self._end:
            return
        outcome = _outcome(record)
        self._total.add(record.action, outcome)
        self._actions[record.action] += 1
        self._hours[self._event.local(record.time).hour].add(record.action, outcome)
        if record.entrance:
            self._entrances.setdefault(record.entrance, _TallyCounter()).add(record.action, outcome)
            self._desks.setdefault((record.entrance, record.desk), _TallyCounter()).add(record.action, outcome)
        if outcome is not None and record.action is Action.CHECKIN:
            self._reasons[outcome].update(record.reasons)
        self._place_in_chain(entry)

    def _place_in_chain(self, entry: LogEntry) -> None:
        # Clocks of different desks may disagree a little, so chain order is not trusted to follow time.
        if self._first is None or entry.seq < self._first:
            self._first = entry.seq
        if self._last is None or entry.seq > self._last:
            self._last, self._last_hash = entry.seq, entry.entry_hash

    def totals(self) -> DayTotals:
        order = {key: index for index, key in enumerate(self._event.entrances)}

        def entrance_order(key: str) -> tuple[int, str]:
            return order.get(key, len(order)), key

        entrances = sorted(self._entrances, key=entrance_order)
        desks = sorted(self._desks, key=lambda pair: (entrance_order(pair[0]), pair[1]))
        return DayTotals(
            event_id=self._event.id,
            day=self._day,
            time_zone=self._event.time_zone.key,
            day_total=self._total.freeze(),
            by_action=dict(self._actions),
            by_entrance={key: self._entrances[key].freeze() for key in entrances},
            by_desk={pair: self._desks[pair].freeze() for pair in desks},
            by_hour=tuple(hour.freeze() for hour in self._hours),
            reasons={outcome: dict(counts.most_common()) for outcome, counts in self._reasons.items() if counts},
            first_seq=self._first,
            last_seq=self._last,
            last_hash=self._last_hash,
        )


def _outcome(record: LogRecord) -> Outcome | None:
    try:
        return Outcome(record.outcome) if record.outcome else None
    except ValueError:
        return None


def summarise(entries: Iterable[LogEntry], event: EventConfig, day: date) -> DayTotals:
    """The totals of ``day`` (local to the event); entries of other days are ignored, so any slice will do."""
    counter = DayCounter(event, day)
    for entry in entries:
        counter.add(entry)
    return counter.totals()
