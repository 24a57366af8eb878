"""One day's check-in log, the day taken in the event's time zone: counted, and exported as CSV or PDF.

The log is read once, streaming: the CSV rows are written and the totals counted in the same pass, so a day of
tens of thousands of entries never sits in memory. Files are written beside their target and renamed into
place at the end, so an interrupted export never leaves half a report where the supervisor expects one.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from desk_app.core.clock import to_utc_text
from desk_app.core.event import EventConfig
from desk_app.core.model import Action, LogEntry, LogRecord, Outcome
from desk_app.errors import DeskError
from desk_app.store import Store

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while an export reads the log; ``total`` 0 means not known yet."""

PROGRESS_EVERY = 1000
CSV_COLUMNS = (
    "seq", "local_time", "utc_time", "entrance", "desk", "staff", "action", "reference", "outcome", "reasons",
    "detail", "entry_hash",
)  # fmt: skip
# A cell starting with one of these is a formula to Excel or LibreOffice; scanned codes are not to be trusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ReportError(DeskError):
    """The report could not be written (folder missing or read-only, disk full)."""


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


class _DayCounter:
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
    counter = _DayCounter(event, day)
    for entry in entries:
        counter.add(entry)
    return counter.totals()


def csv_row(entry: LogEntry, event: EventConfig) -> list[str | int]:
    """One CSV line: the entry as stored, with its time also shown in the event's time zone."""
    record = entry.record
    return [
        entry.seq,
        event.local(record.time).isoformat(timespec="seconds"),
        to_utc_text(record.time),
        _cell(record.entrance),
        _cell(record.desk),
        _cell(record.staff),
        record.action.value,
        _cell(record.reference),
        record.outcome,
        _cell("|".join(record.reasons)),
        _cell(json.dumps(record.detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))),
        entry.entry_hash,
    ]


def _cell(text: str) -> str:
    """Text a spreadsheet shows as text: a leading apostrophe stops a crafted code from running as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def export_csv(store: Store, event: EventConfig, day: date, out: Path, progress: Progress | None = None) -> DayTotals:
    """Write every log entry of ``day`` to ``out`` as CSV (UTF-8 with BOM, for Excel); returns the day's totals."""
    counter = _DayCounter(event, day)
    start, end = event.day_bounds(day)
    with atomic_output(out) as part, part.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(CSV_COLUMNS)
        for entry in _reporting(store.log.between(start, end), progress):
            writer.writerow(csv_row(entry, event))
            counter.add(entry)
    return counter.totals()


def export_pdf(
    store: Store,
    event: EventConfig,
    day: date,
    out: Path,
    progress: Progress | None = None,
    *,
    generated_at: datetime | None = None,
) -> DayTotals:
    """Write the A4 report of ``day`` to ``out``: totals per entrance, desk, hour and refusal reason."""
    # reportlab loads only when a PDF is asked for: the CSV export and the totals do not need it.
    from desk_app.reports.pdf_report import render_day_report

    start, end = event.day_bounds(day)
    totals = summarise(_reporting(store.log.between(start, end), progress), event, day)
    with atomic_output(out) as part:
        render_day_report(totals, event, part, generated_at or datetime.now(UTC), Path(store.location).name)
    return totals


def _reporting(entries: Iterable[LogEntry], progress: Progress | None) -> Iterator[LogEntry]:
    """Pass entries through, telling ``progress`` every so often; the total is not known in advance."""
    done = 0
    for entry in entries:
        yield entry
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, 0)
    if progress is not None:
        progress(done, done)


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out`` that replaces ``out`` only when the block finishes without error."""
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    except OSError as exc:
        raise ReportError(f"cannot write the report in {out.parent}: {exc.strerror}") from exc
    os.close(handle)
    part = Path(name)
    try:
        yield part
        _flush_to_disk(part)
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ReportError(f"cannot write the report {out}: {exc.strerror or exc}") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _flush_to_disk(path: Path) -> None:
    with path.open("rb") as stream:
        os.fsync(stream.fileno())
